package io.segmenta.core.io;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Parses numbers, booleans, dates and date-times straight from UTF-8 bytes, without creating strings on
 * the fast path. Not thread-safe: one instance per worker (results are left in fields).
 */
final class ValueParser {
    static final Set<String> TRUE_TOKENS = Set.of("true", "yes", "y", "t", "si", "sí", "s", "verdadero");
    static final Set<String> FALSE_TOKENS = Set.of("false", "no", "n", "f", "falso");

    private static final double[] POW10 = new double[23];
    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) { POW10[i] = p; p *= 10; }
    }

    final byte decimal;
    final byte thousands;
    long longValue;
    double doubleValue;
    boolean boolValue;
    /** Set by {@link #parseLong}: the digits had a leading zero ("007", "02"). */
    boolean leadingZero;
    private final StringBuilder slow = new StringBuilder(32);

    ValueParser(char decimal, char thousands) {
        this.decimal = (byte) decimal;
        this.thousands = (byte) thousands;
    }

    private static boolean digit(byte c) { return c >= '0' && c <= '9'; }

    /** Integer with optional sign and (validated) thousands grouping. */
    boolean parseLong(byte[] b, int s, int e) {
        if (s >= e) return false;
        int p = s;
        boolean neg = false;
        if (b[p] == '-' || b[p] == '+') { neg = b[p] == '-'; p++; }
        if (p >= e || !digit(b[p])) return false;
        leadingZero = b[p] == '0' && p + 1 < e && digit(b[p + 1]);
        long v = 0;
        int group = 0;
        boolean grouped = false;
        for (; p < e; p++) {
            byte c = b[p];
            if (digit(c)) {
                int dgt = c - '0';
                if (v > (Long.MAX_VALUE - dgt) / 10) return false; // overflow → not an integer
                v = v * 10 + dgt;
                group++;
            } else if (thousands != 0 && c == thousands) {
                if (grouped ? group != 3 : (group < 1 || group > 3)) return false;
                grouped = true;
                group = 0;
            } else {
                return false;
            }
        }
        if (grouped && group != 3) return false;
        longValue = neg ? -v : v;
        return true;
    }

    /** Decimal with optional sign, thousands grouping, decimal separator and exponent. */
    /**
     * A decimal number; a currency sign before or after it ("12,50 €", "€ 3.20", "$1,234.56", "-£5") is read
     * past, as a spreadsheet reads a cell formatted as currency.
     */
    boolean parseDouble(byte[] b, int s, int e) {
        int cs = currencyAt(b, s, e);
        int ce = currencyBefore(b, s, e);
        if (cs == 0 && ce == 0) {
            // a sign before the currency sign: "-€5"
            if (e - s > 1 && (b[s] == '-' || b[s] == '+') && currencyAt(b, s + 1, e) > 0) {
                int from = skipSpaces(b, s + 1 + currencyAt(b, s + 1, e), e);
                if (!parseNumber(b, from, e) || (from < e && (b[from] == '-' || b[from] == '+'))) return false;
                if (b[s] == '-') doubleValue = -doubleValue;
                return true;
            }
            return parseNumber(b, s, e) || pointScientific(b, s, e);
        }
        if (cs > 0 && ce > 0) return false; // a sign on both sides is not an amount
        int from = cs > 0 ? skipSpaces(b, s + cs, e) : s;
        int to = ce > 0 ? skipSpacesBack(b, s, e - ce) : e;
        return from < to && parseNumber(b, from, to);
    }

    /**
     * "8.565e-07" in a file whose decimal separator is a comma: an exponent is written by a program, with a
     * decimal point, whatever the file's other numbers use.
     */
    private boolean pointScientific(byte[] b, int s, int e) {
        if (decimal != ',' || e - s < 3) return false;
        boolean exp = false, point = false;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == 'e' || c == 'E') exp = true;
            else if (c == '.') point = true;
            else if (c == ',') return false;
        }
        return exp && point && javaNumber(b, s, e);
    }

    /** The bytes read as Java reads a number (a decimal point, an exponent); false when not finite or not one. */
    private boolean javaNumber(byte[] b, int s, int e) {
        try {
            double v = Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
            if (!Double.isFinite(v)) return false;
            doubleValue = v;
            return true;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    /** Bytes of a currency sign ($, €, £) starting at {@code s}, or 0. */
    private static int currencyAt(byte[] b, int s, int e) {
        if (s >= e) return 0;
        if (b[s] == '$') return 1;
        if (e - s >= 3 && (b[s] & 0xFF) == 0xE2 && (b[s + 1] & 0xFF) == 0x82 && (b[s + 2] & 0xFF) == 0xAC) return 3; // €
        if (e - s >= 2 && (b[s] & 0xFF) == 0xC2 && (b[s + 1] & 0xFF) == 0xA3) return 2; // £
        return 0;
    }

    /** Bytes of a currency sign ending at {@code e}, or 0. */
    private static int currencyBefore(byte[] b, int s, int e) {
        if (e - s >= 1 && b[e - 1] == '$') return 1;
        if (e - s >= 3 && (b[e - 3] & 0xFF) == 0xE2 && (b[e - 2] & 0xFF) == 0x82 && (b[e - 1] & 0xFF) == 0xAC) return 3;
        if (e - s >= 2 && (b[e - 2] & 0xFF) == 0xC2 && (b[e - 1] & 0xFF) == 0xA3) return 2;
        return 0;
    }

    /** Past spaces and no-break spaces (U+00A0). */
    private static int skipSpaces(byte[] b, int p, int e) {
        while (p < e) {
            if (b[p] == ' ') p++;
            else if (p + 1 < e && (b[p] & 0xFF) == 0xC2 && (b[p + 1] & 0xFF) == 0xA0) p += 2;
            else break;
        }
        return p;
    }

    private static int skipSpacesBack(byte[] b, int s, int e) {
        while (e > s) {
            if (b[e - 1] == ' ') e--;
            else if (e - 1 > s && (b[e - 2] & 0xFF) == 0xC2 && (b[e - 1] & 0xFF) == 0xA0) e -= 2;
            else break;
        }
        return e;
    }

    private boolean parseNumber(byte[] b, int s, int e) {
        if (s >= e) return false;
        int p = s;
        boolean neg = false;
        if (b[p] == '-' || b[p] == '+') { neg = b[p] == '-'; p++; }
        long m = 0;
        int sig = 0;
        int exp10 = 0;
        boolean inexact = false;
        boolean anyDigit = false;
        int group = 0;
        boolean grouped = false;
        // integer part
        for (; p < e; p++) {
            byte c = b[p];
            if (digit(c)) {
                anyDigit = true;
                group++;
                if (m == 0 && c == '0') continue;
                if (sig < 18) { m = m * 10 + (c - '0'); sig++; } else { exp10++; if (c != '0') inexact = true; }
            } else if (thousands != 0 && c == thousands) {
                if (grouped ? group != 3 : (group < 1 || group > 3)) return false;
                grouped = true;
                group = 0;
            } else {
                break;
            }
        }
        if (grouped && group != 3) return false;
        if (p < e && b[p] == decimal) {
            p++;
            for (; p < e; p++) {
                byte c = b[p];
                if (!digit(c)) break;
                anyDigit = true;
                if (m == 0 && c == '0') { exp10--; continue; }
                if (sig < 18) { m = m * 10 + (c - '0'); sig++; exp10--; } else if (c != '0') inexact = true;
            }
        }
        if (!anyDigit) return false;
        if (grouped && p < e && (b[p] == 'e' || b[p] == 'E')) {
            // "8.565e-07" in a file with a decimal comma: an exponent is written by a program, with a decimal
            // point — not 8,565 thousand
            return javaNumber(b, s, e);
        }
        if (p < e && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            boolean eneg = false;
            if (p < e && (b[p] == '-' || b[p] == '+')) { eneg = b[p] == '-'; p++; }
            if (p >= e) return false;
            int ex = 0;
            for (; p < e; p++) {
                if (!digit(b[p])) return false;
                if (ex < 100000) ex = ex * 10 + (b[p] - '0');
            }
            exp10 += eneg ? -ex : ex;
        }
        if (p != e) return false;
        double v;
        if (m == 0) {
            v = 0.0;
        } else if (!inexact && m < (1L << 53) && exp10 >= -22 && exp10 <= 22) {
            v = exp10 >= 0 ? m * POW10[exp10] : m / POW10[-exp10];
        } else {
            v = slowParse(b, s, e);
            // beyond ±1.8e308 (e.g. 1e400) the text names no double: unreadable, like "Infinity", never ±∞
            if (Double.isInfinite(v)) return false;
            doubleValue = v;
            return true;
        }
        doubleValue = neg ? -v : v;
        return true;
    }

    private double slowParse(byte[] b, int s, int e) {
        slow.setLength(0);
        for (int p = s; p < e; p++) {
            byte c = b[p];
            if (thousands != 0 && c == thousands) continue;
            slow.append(c == decimal ? '.' : (char) c);
        }
        return Double.parseDouble(slow.toString());
    }

    /** yes/no, true/false, sí/no, Y/N, t/f (any case). */
    boolean parseBoolean(byte[] b, int s, int e) {
        int n = e - s;
        if (n == 0 || n > 10) return false;
        String t = new String(b, s, n, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (TRUE_TOKENS.contains(t)) { boolValue = true; return true; }
        if (FALSE_TOKENS.contains(t)) { boolValue = false; return true; }
        return false;
    }

    // ---------------------------------------------------------------- dates

    /** Field orders of a date. */
    enum Order { YMD, DMY, MDY, COMPACT }

    /** A date layout: order of fields and separator ('\0' for yyyyMMdd). */
    record DateLayout(Order order, char sep) {
        /**
         * The pattern with the time written as the file wrote it: {@code time} is " HH:mm", "'T'HH:mm:ss"…, or
         * null for " HH:mm:ss".
         */
        String pattern(boolean withTime, String time) {
            String p = pattern(false);
            return withTime ? p + (time == null ? " HH:mm:ss" : time) : p;
        }

        String pattern(boolean withTime) {
            String s = String.valueOf(sep);
            String p = switch (order) {
                case YMD -> "yyyy" + s + "MM" + s + "dd";
                case DMY -> "dd" + s + "MM" + s + "yyyy";
                case MDY -> "MM" + s + "dd" + s + "yyyy";
                case COMPACT -> "yyyyMMdd";
            };
            return withTime ? p + " HH:mm:ss" : p;
        }

        static DateLayout fromPattern(String p) {
            String d = p.length() >= 10 || p.equals("yyyyMMdd") ? p : p;
            if (d.startsWith("yyyyMMdd")) return new DateLayout(Order.COMPACT, '\0');
            char sep = d.length() > 4 ? (d.startsWith("yyyy") ? d.charAt(4) : d.charAt(2)) : '-';
            Order o = d.startsWith("yyyy") ? Order.YMD : d.startsWith("dd") ? Order.DMY : Order.MDY;
            return new DateLayout(o, sep);
        }
    }

    static final DateLayout[] CANDIDATES = {
            new DateLayout(Order.YMD, '-'), new DateLayout(Order.YMD, '/'), new DateLayout(Order.YMD, '.'),
            new DateLayout(Order.DMY, '/'), new DateLayout(Order.DMY, '-'), new DateLayout(Order.DMY, '.'),
            new DateLayout(Order.MDY, '/'), new DateLayout(Order.MDY, '-'), new DateLayout(Order.MDY, '.'),
            new DateLayout(Order.COMPACT, '\0')};

    /** Epoch day of the last parsed date, and epoch millis of the last parsed date-time. */
    int epochDay;
    long epochMillis;
    /** Whether the last parsed value carried a time of day. */
    boolean hadTime;
    /**
     * Set by {@link #parseDate}: the time had seconds, three digits of milliseconds, was joined to the date by a
     * 'T' (ISO), and ended in 'Z' (UTC).
     */
    boolean hadSeconds, hadMillis, hadT, hadZ;

    /**
     * Parses a date, optionally followed by a time (space or 'T' separated, HH:mm[:ss[.fff]], optional Z or
     * ±hh[:mm] offset, converted to UTC). Sets {@link #epochDay}, {@link #epochMillis} and {@link #hadTime}.
     */
    boolean parseDate(byte[] b, int s, int e, DateLayout layout) {
        int n = e - s;
        if (n < 6) return false;
        int y, mo, d;
        int p;
        if (layout.order == Order.COMPACT) {
            if (n < 8) return false;
            for (int i = 0; i < 8; i++) if (!digit(b[s + i])) return false;
            y = num(b, s, 4);
            mo = num(b, s + 4, 2);
            d = num(b, s + 6, 2);
            if (y < 1800 || y > 2200) return false;
            p = s + 8;
        } else {
            byte sep = (byte) layout.sep;
            int[] g = groups;
            int gi = 0;
            p = s;
            while (gi < 3) {
                int st = p;
                while (p < e && digit(b[p])) p++;
                int len = p - st;
                if (len == 0 || len > 4) return false;
                g[gi] = num(b, st, len);
                glen[gi] = len;
                gi++;
                if (gi < 3) {
                    if (p >= e || b[p] != sep) return false;
                    p++;
                }
            }
            switch (layout.order) {
                case YMD -> {
                    if (glen[0] != 4 || glen[1] > 2 || glen[2] > 2) return false;
                    y = g[0]; mo = g[1]; d = g[2];
                }
                case DMY -> {
                    if (glen[0] > 2 || glen[1] > 2 || (glen[2] != 4 && glen[2] != 2)) return false;
                    d = g[0]; mo = g[1]; y = glen[2] == 2 ? pivot(g[2]) : g[2];
                }
                default -> {
                    if (glen[0] > 2 || glen[1] > 2 || (glen[2] != 4 && glen[2] != 2)) return false;
                    mo = g[0]; d = g[1]; y = glen[2] == 2 ? pivot(g[2]) : g[2];
                }
            }
        }
        if (mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo)) return false;
        epochDay = (int) daysFromCivil(y, mo, d);
        hadTime = false;
        hadSeconds = false;
        hadMillis = false;
        hadZ = false;
        epochMillis = epochDay * 86_400_000L;
        if (p == e) return true;
        // time part
        if (b[p] != ' ' && b[p] != 'T') return false;
        hadT = b[p] == 'T';
        p++;
        while (p < e && b[p] == ' ') p++;
        int h = 0, mi = 0, sec = 0, ms = 0;
        int st = p;
        while (p < e && digit(b[p])) p++;
        if (p - st < 1 || p - st > 2) return false;
        h = num(b, st, p - st);
        if (p >= e || b[p] != ':') return false;
        p++;
        st = p;
        while (p < e && digit(b[p])) p++;
        if (p - st != 2) return false;
        mi = num(b, st, 2);
        if (p < e && b[p] == ':') {
            p++;
            st = p;
            while (p < e && digit(b[p])) p++;
            if (p - st != 2) return false;
            sec = num(b, st, 2);
            hadSeconds = true;
            if (p < e && (b[p] == '.' || b[p] == ',')) {
                p++;
                st = p;
                while (p < e && digit(b[p])) p++;
                int len = p - st;
                if (len == 0) return false;
                int frac = num(b, st, Math.min(3, len));
                for (int k = len; k < 3; k++) frac *= 10;
                ms = frac;
                hadMillis = len == 3;
            }
        }
        if (h > 23 || mi > 59 || sec > 60) return false;
        long offsetMin = 0;
        if (p < e) {
            if (b[p] == 'Z' && p + 1 == e) {
                hadZ = true;
                p++;
            } else if (b[p] == '+' || b[p] == '-') {
                int sign = b[p] == '-' ? -1 : 1;
                p++;
                st = p;
                while (p < e && digit(b[p])) p++;
                if (p - st == 4) {
                    offsetMin = num(b, st, 2) * 60L + num(b, st + 2, 2);
                } else if (p - st == 2) {
                    offsetMin = num(b, st, 2) * 60L;
                    if (p < e && b[p] == ':') {
                        p++;
                        st = p;
                        while (p < e && digit(b[p])) p++;
                        if (p - st != 2) return false;
                        offsetMin += num(b, st, 2);
                    }
                } else {
                    return false;
                }
                offsetMin *= sign;
            }
            if (p != e) return false;
        }
        epochMillis = epochDay * 86_400_000L + ((h * 60L + mi) * 60L + sec) * 1000L + ms - offsetMin * 60_000L;
        hadTime = true;
        return true;
    }

    private final int[] groups = new int[3];
    private final int[] glen = new int[3];

    /** Two-digit years: 00–68 → 2000–2068, 69–99 → 1969–1999 (the POSIX strptime rule). */
    static int pivot(int yy) { return yy <= 68 ? 2000 + yy : 1900 + yy; }

    private static int num(byte[] b, int s, int len) {
        int v = 0;
        for (int i = 0; i < len; i++) v = v * 10 + (b[s + i] - '0');
        return v;
    }

    static int monthLength(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
