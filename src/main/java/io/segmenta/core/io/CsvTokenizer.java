package io.segmenta.core.io;

import java.util.Arrays;

/**
 * A fast RFC-4180 tokenizer over UTF-8 bytes. It never creates strings: each record is exposed as
 * field boundaries into the buffer. Fields are trimmed of spaces (and tabs when tab is not the delimiter).
 * A quote opens a quoted field only at the start of a field; quotes elsewhere are literal. Inside a
 * quoted field a doubled quote is an escaped quote (the field is then flagged, see {@link #copyField}).
 * Line breaks may be LF, CRLF or CR. A space delimiter means "runs of blanks" (whitespace-separated files).
 */
final class CsvTokenizer {
    /** Thrown when a quoted field never closes; carries the line and 1-based field number where it opened. */
    static final class UnclosedQuoteException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long line;
        final int field;

        UnclosedQuoteException(long line, int field) {
            super("unclosed quote at line " + line + ", field " + field, null, false, false);
            this.line = line;
            this.field = field;
        }
    }

    private final byte[] buf;
    private final int end;
    private final byte delim;
    private final byte quote;
    private final boolean hasQuote;
    private final boolean blankRuns;
    private final boolean trimTabs;

    int[] start = new int[32];
    int[] stop = new int[32];
    boolean[] escaped = new boolean[32];
    int count;
    /** Physical line (1-based) where the current record starts. */
    long recordLine;
    /** Physical line at the tokenizer position. */
    private long line;

    CsvTokenizer(byte[] buf, int end, char delim, char quote, long firstLine) {
        this.buf = buf;
        this.end = end;
        this.delim = (byte) delim;
        this.quote = (byte) quote;
        this.hasQuote = quote != '\0';
        this.blankRuns = delim == ' ';
        this.trimTabs = delim != '\t';
        this.line = firstLine;
    }

    long line() { return line; }

    private void grow() {
        int n = start.length * 2;
        start = Arrays.copyOf(start, n);
        stop = Arrays.copyOf(stop, n);
        escaped = Arrays.copyOf(escaped, n);
    }

    private boolean isBlank(byte b) {
        return b == ' ' || (trimTabs && b == '\t');
    }

    /**
     * Reads the record starting at {@code pos}. Returns the position after it, or -1 when {@code pos} is at
     * the end. A blank line yields a record with one empty field.
     */
    int next(int pos) {
        if (pos >= end) return -1;
        final byte[] b = buf;
        final int e = end;
        final byte d = delim;
        count = 0;
        recordLine = line;
        int p = pos;
        if (blankRuns) {
            while (p < e && (b[p] == ' ' || b[p] == '\t')) p++;
        }
        while (true) {
            if (count == start.length) grow();
            // skip leading blanks
            while (p < e && isBlank(b[p]) && b[p] != d) p++;
            if (hasQuote && p < e && b[p] == quote) {
                long openLine = line;
                int fieldNo = count + 1;
                int s = ++p;
                boolean esc = false;
                while (true) {
                    if (p >= e) throw new UnclosedQuoteException(openLine, fieldNo);
                    byte c = b[p];
                    if (c == quote) {
                        if (p + 1 < e && b[p + 1] == quote) { esc = true; p += 2; continue; }
                        break;
                    }
                    if (c == '\n') line++;
                    else if (c == '\r' && (p + 1 >= e || b[p + 1] != '\n')) line++;
                    p++;
                }
                int q = p; // closing quote
                p++;
                // content after the closing quote up to the delimiter is kept (lenient), blanks are ignored
                int extraStart = p;
                while (p < e && b[p] != d && b[p] != '\n' && b[p] != '\r') p++;
                int fs = s, fe = q;
                if (p > extraStart) {
                    int xe = p;
                    while (xe > extraStart && isBlank(b[xe - 1])) xe--;
                    if (xe > extraStart) { fe = xe; esc = true; } // malformed: keep raw text incl. quotes
                }
                while (fe > fs && isBlank(b[fe - 1])) fe--;
                while (fs < fe && isBlank(b[fs])) fs++;
                start[count] = fs;
                stop[count] = fe;
                escaped[count] = esc;
                count++;
            } else {
                int s = p;
                while (p < e) {
                    byte c = b[p];
                    if (c == d || c == '\n' || c == '\r') break;
                    p++;
                }
                int fe = p;
                while (fe > s && isBlank(b[fe - 1])) fe--;
                start[count] = s;
                stop[count] = fe;
                escaped[count] = false;
                count++;
            }
            if (p >= e) return e;
            byte c = b[p];
            if (c == d) {
                p++;
                if (blankRuns) {
                    while (p < e && (b[p] == ' ' || b[p] == '\t')) p++;
                    if (p >= e || b[p] == '\n' || b[p] == '\r') {
                        // trailing blanks at the end of a line are not a field
                        return endOfLine(p);
                    }
                }
                continue;
            }
            return endOfLine(p);
        }
    }

    private int endOfLine(int p) {
        if (p >= end) return end;
        if (buf[p] == '\r') {
            p++;
            if (p < end && buf[p] == '\n') p++;
        } else if (buf[p] == '\n') {
            p++;
        }
        line++;
        return p;
    }

    /** True when the record is a blank line. */
    boolean isBlankRecord() {
        return count == 1 && start[0] == stop[0];
    }

    int length(int i) { return stop[i] - start[i]; }

    /**
     * Copies field {@code i} into {@code out} with escapes resolved (doubled quotes → one quote) and
     * returns the length written; {@code out} must have room for {@link #length(int)} bytes.
     */
    int copyField(int i, byte[] out) {
        int s = start[i], e = stop[i];
        if (!escaped[i]) {
            System.arraycopy(buf, s, out, 0, e - s);
            return e - s;
        }
        int n = 0;
        for (int p = s; p < e; p++) {
            byte c = buf[p];
            out[n++] = c;
            if (c == quote && p + 1 < e && buf[p + 1] == quote) p++;
        }
        return n;
    }

    String fieldString(int i) {
        if (!escaped[i]) return new String(buf, start[i], stop[i] - start[i], java.nio.charset.StandardCharsets.UTF_8);
        byte[] tmp = new byte[length(i)];
        int n = copyField(i, tmp);
        return new String(tmp, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    byte[] buffer() { return buf; }
}
