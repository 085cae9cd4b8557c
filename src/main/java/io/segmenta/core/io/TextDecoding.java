package io.segmenta.core.io;

import io.segmenta.core.util.UserException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Encoding detection and conversion of a whole file to UTF-8 bytes, which the tokenizer works on.
 * Detection order: byte-order mark (UTF-8, UTF-16LE/BE), UTF-16 without BOM (zero bytes in every other
 * position), binary content (rejected), valid UTF-8, else windows-1252 (a superset of ISO-8859-1's
 * printable range, so "Cádiz" and "Logroño" survive either way).
 */
final class TextDecoding {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() { }

    /** Result of detection: the charset, whether a BOM was present and how many bytes it took. */
    /**
     * @param bomMismatch the file starts with a UTF-8 BOM but its text is not UTF-8 (windows-1252 saved by a tool
     *                    that added the BOM): read as windows-1252 after the BOM
     */
    record Detected(Charset charset, boolean bom, int bomLength, long invalidSequences, boolean bomMismatch) {
        Detected(Charset charset, boolean bom, int bomLength) { this(charset, bom, bomLength, 0, false); }
        Detected(Charset charset, boolean bom, int bomLength, long invalidSequences) { this(charset, bom, bomLength, invalidSequences, false); }
    }

    static Detected detect(byte[] b, int len, String fileName) {
        if (len >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            if (isValidUtf8(b, 3, len)) return new Detected(StandardCharsets.UTF_8, true, 3);
            // a BOM does not make the bytes UTF-8: "C\xf3digo" would become "C\uFFFDdigo" without a word
            long[] counts = utf8Counts(b, len);
            if (counts[0] >= 10 && counts[1] * 10 <= counts[0]) return new Detected(StandardCharsets.UTF_8, true, 3, counts[1]);
            return new Detected(WINDOWS_1252, true, 3, 0, true);
        }
        if (len >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return new Detected(StandardCharsets.UTF_16LE, true, 2);
        if (len >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return new Detected(StandardCharsets.UTF_16BE, true, 2);
        int probe = Math.min(len, 64 * 1024);
        // UTF-16 without BOM: mostly ASCII text with a zero byte in every other position.
        if (probe >= 4) {
            int zeroEven = 0, zeroOdd = 0;
            for (int i = 0; i < probe; i++) {
                if (b[i] == 0) { if ((i & 1) == 0) zeroEven++; else zeroOdd++; }
            }
            int pairs = probe / 2;
            if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return new Detected(StandardCharsets.UTF_16LE, false, 0);
            if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return new Detected(StandardCharsets.UTF_16BE, false, 0);
            checkNotBinary(b, probe, zeroEven + zeroOdd, fileName);
        }
        if (isValidUtf8(b, 0, len)) return new Detected(StandardCharsets.UTF_8, false, 0);
        // Mostly UTF-8 with a few broken bytes (a bad copy-paste): keep UTF-8 and report the replacements,
        // rather than turning every accented letter of the file into mojibake.
        long[] counts = utf8Counts(b, len);
        if (counts[0] >= 10 && counts[1] * 10 <= counts[0]) {
            return new Detected(StandardCharsets.UTF_8, false, 0, counts[1]);
        }
        return new Detected(WINDOWS_1252, false, 0);
    }

    private static void checkNotBinary(byte[] b, int probe, int zeros, String fileName) {
        if (probe >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            throw new UserException("csv.error.zip", fileName);
        }
        int control = 0;
        int firstBad = -1;
        for (int i = 0; i < probe; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B) || c == 0x7F) {
                control++;
                if (firstBad < 0) firstBad = i;
            }
        }
        if (zeros > 0 || control > Math.max(8, probe / 100)) {
            throw new UserException("csv.error.binary", fileName, firstBad < 0 ? 0 : firstBad);
        }
    }

    /** {valid multi-byte sequences, invalid bytes} over the whole buffer. */
    static long[] utf8Counts(byte[] b, int len) {
        long valid = 0, invalid = 0;
        int i = 0;
        while (i < len) {
            int c = b[i] & 0xFF;
            if (c < 0x80) { i++; continue; }
            int n = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            boolean ok = n > 0;
            if (ok) {
                for (int k = 1; k <= n; k++) {
                    if (i + k >= len || (b[i + k] & 0xC0) != 0x80) { ok = false; break; }
                }
            }
            if (ok) { valid++; i += n + 1; } else { invalid++; i++; }
        }
        return new long[]{valid, invalid};
    }

    /** Strict UTF-8 validation (no overlongs, no surrogates), with an ASCII fast path. */
    static boolean isValidUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            // fast path: 8 ASCII bytes at a time
            while (i + 8 <= to && ((b[i] | b[i + 1] | b[i + 2] | b[i + 3] | b[i + 4] | b[i + 5] | b[i + 6] | b[i + 7]) & 0x80) == 0) i += 8;
            if (i >= to) break;
            int c = b[i] & 0xFF;
            if (c < 0x80) { i++; continue; }
            int n;
            int min;
            if (c >= 0xC2 && c <= 0xDF) { n = 1; min = 0x80; }
            else if (c >= 0xE0 && c <= 0xEF) { n = 2; min = 0x800; }
            else if (c >= 0xF0 && c <= 0xF4) { n = 3; min = 0x10000; }
            else return false;
            if (i + n >= to) return false;
            int cp = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) return false;
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
            i += n + 1;
        }
        return true;
    }

    static boolean isUtf16(Charset cs) {
        return cs.equals(StandardCharsets.UTF_16) || cs.equals(StandardCharsets.UTF_16LE) || cs.equals(StandardCharsets.UTF_16BE);
    }

    static boolean hasZeroByte(byte[] b, int len) {
        for (int i = 0; i < len; i++) if (b[i] == 0) return true;
        return false;
    }

    static boolean isAscii(byte[] b) {
        for (byte x : b) if (x < 0) return false;
        return true;
    }

    /** Replacement characters (U+FFFD, EF BF BD in UTF-8) in UTF-8 text: bytes a decoder could not read. */
    static long replacements(byte[] utf8) {
        long n = 0;
        for (int i = 0; i + 2 < utf8.length; i++) {
            if ((utf8[i] & 0xFF) == 0xEF && (utf8[i + 1] & 0xFF) == 0xBF && (utf8[i + 2] & 0xFF) == 0xBD) { n++; i += 2; }
        }
        return n;
    }

    /** The text as UTF-8 bytes without BOM. Returns the same array when it already is UTF-8 without BOM. */
    static byte[] toUtf8(byte[] b, int len, Charset cs, int skip) {
        if (cs.equals(StandardCharsets.UTF_8)) {
            if (skip == 0 && len == b.length) return b;
            byte[] out = new byte[len - skip];
            System.arraycopy(b, skip, out, 0, len - skip);
            return out;
        }
        String s = new String(b, skip, len - skip, cs);
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
