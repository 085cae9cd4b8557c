package io.segmenta.core.project;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * Binary encoding of column data as stored in a project file. Every encoding is little-endian and has no
 * header: the row count and kind of a chunk are stored beside it in the database, and decoders check
 * that the blob length matches exactly.
 * <ul>
 *   <li>{@code long[]} (integers, date-times) — 8 bytes per row;</li>
 *   <li>{@code double[]} (decimals) — the IEEE 754 bits, 8 bytes per row;</li>
 *   <li>{@code int[]} (dates as epoch days, dictionary codes) — 4 bytes per row;</li>
 *   <li>bit sets (booleans, missing masks) — {@code ceil(rows / 64)} 64-bit words, bit {@code i} of word
 *       {@code i / 64} is row {@code i};</li>
 *   <li>dictionaries — a 4-byte count, then per string a 4-byte byte length and its UTF-8 bytes.</li>
 * </ul>
 * Encoders and decoders use {@link ByteBuffer} views, whose bulk transfers become plain memory copies on
 * little-endian hardware. Decoders throw {@link ProjectDamage} on any inconsistency, with a plain-words reason
 * ({@code project.damage.codec.*}) that the caller places in its dataset and column.
 */
public final class ColumnCodec {
    private ColumnCodec() { }

    private static ByteBuffer le(byte[] b) { return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN); }

    private static void expectLength(byte[] data, long expected) {
        if (data == null) throw new ProjectDamage("project.damage.codec.noData");
        if (data.length != expected) throw new ProjectDamage("project.damage.codec.length", (long) data.length, expected);
    }

    // ---- long[] ----

    public static byte[] encodeLongs(long[] values, int from, int count) {
        byte[] out = new byte[Math.multiplyExact(count, Long.BYTES)];
        le(out).asLongBuffer().put(values, from, count);
        return out;
    }

    /** Decodes {@code count} longs into {@code target[at..]}. */
    public static void decodeLongs(byte[] data, long[] target, int at, int count) {
        expectLength(data, (long) count * Long.BYTES);
        le(data).asLongBuffer().get(target, at, count);
    }

    // ---- double[] ----

    public static byte[] encodeDoubles(double[] values, int from, int count) {
        byte[] out = new byte[Math.multiplyExact(count, Double.BYTES)];
        le(out).asDoubleBuffer().put(values, from, count);
        return out;
    }

    public static void decodeDoubles(byte[] data, double[] target, int at, int count) {
        expectLength(data, (long) count * Double.BYTES);
        le(data).asDoubleBuffer().get(target, at, count);
    }

    // ---- int[] ----

    public static byte[] encodeInts(int[] values, int from, int count) {
        byte[] out = new byte[Math.multiplyExact(count, Integer.BYTES)];
        le(out).asIntBuffer().put(values, from, count);
        return out;
    }

    public static void decodeInts(byte[] data, int[] target, int at, int count) {
        expectLength(data, (long) count * Integer.BYTES);
        le(data).asIntBuffer().get(target, at, count);
    }

    // ---- bit sets ----

    /** Number of 64-bit words that hold {@code rows} bits. */
    public static int words(int rows) { return (rows + 63) >>> 6; }

    /**
     * Encodes bits {@code [from, from + count)} of {@code bits} as {@code words(count)} words, bit
     * {@code from} becoming bit 0. {@code from} must be a multiple of 64 (chunks always start there), so
     * the words are copied without shifting.
     */
    public static byte[] encodeBits(BitSet bits, int from, int count) {
        if ((from & 63) != 0) throw new IllegalArgumentException("chunk start must be a multiple of 64: " + from);
        long[] all = bits.toLongArray();
        return encodeBitWords(all, from >>> 6, count);
    }

    /** As {@link #encodeBits(BitSet, int, int)} from the words of a whole column ({@link BitSet#toLongArray()}). */
    public static byte[] encodeBitWords(long[] allWords, int firstWord, int count) {
        int n = words(count);
        long[] w = new long[n];
        int available = Math.max(0, Math.min(n, allWords.length - firstWord));
        System.arraycopy(allWords, firstWord, w, 0, available);
        int tail = count & 63;
        if (tail != 0 && n > 0) w[n - 1] &= (1L << tail) - 1; // drop bits past the chunk
        return encodeLongs(w, 0, n);
    }

    /**
     * Decodes a chunk of {@code count} bits into {@code targetWords} starting at word {@code firstWord}.
     * Bits beyond {@code count} must be zero.
     */
    public static void decodeBitWords(byte[] data, long[] targetWords, int firstWord, int count) {
        int n = words(count);
        decodeLongs(data, targetWords, firstWord, n);
        int tail = count & 63;
        if (tail != 0 && (targetWords[firstWord + n - 1] & -(1L << tail)) != 0) {
            throw new ProjectDamage("project.damage.codec.bits");
        }
    }

    // ---- dictionaries ----

    public static byte[] encodeDictionary(String[] dictionary) {
        byte[][] parts = new byte[dictionary.length][];
        long total = Integer.BYTES;
        for (int i = 0; i < dictionary.length; i++) {
            if (dictionary[i] == null) throw new IllegalArgumentException("dictionary entry " + i + " is null");
            parts[i] = dictionary[i].getBytes(StandardCharsets.UTF_8);
            total += Integer.BYTES + parts[i].length;
        }
        if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("dictionary larger than 2 GB");
        ByteBuffer b = le(new byte[(int) total]);
        b.putInt(dictionary.length);
        for (byte[] p : parts) {
            b.putInt(p.length);
            b.put(p);
        }
        return b.array();
    }

    public static String[] decodeDictionary(byte[] data) {
        if (data == null) throw new ProjectDamage("project.damage.codec.noDictionary");
        try {
            ByteBuffer b = le(data);
            int n = b.getInt();
            // every entry takes at least its 4-byte length
            if (n < 0 || (long) n * Integer.BYTES > b.remaining()) throw badDictionary();
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                int len = b.getInt();
                if (len < 0 || len > b.remaining()) throw badDictionary();
                int pos = b.position();
                out[i] = new String(data, pos, len, StandardCharsets.UTF_8);
                b.position(pos + len);
            }
            if (b.hasRemaining()) throw badDictionary();
            return out;
        } catch (BufferUnderflowException e) {
            throw badDictionary();
        }
    }

    private static ProjectDamage badDictionary() { return new ProjectDamage("project.damage.codec.dictionary"); }
}
