package io.segmenta.core.io;

import io.segmenta.core.data.ColumnType;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Infers a column's type from a sample of its non-missing values, and detects id-like columns.
 * A type is chosen when at least 98% of the sampled values read as it (all of them below 50 values);
 * the rest become missing at import and are reported per column.
 */
final class TypeInference {
    private TypeInference() { }

    /** The outcome for one column. {@code layout} is set for DATE and DATETIME. */
    /** @param time how a date-time column writes its time (" HH:mm", "'T'HH:mm:ss"…), null for " HH:mm:ss" */
    record Inferred(ColumnType type, ValueParser.DateLayout layout, boolean leadingZeros, String time) {
        Inferred(ColumnType type, ValueParser.DateLayout layout, boolean leadingZeros) { this(type, layout, leadingZeros, null); }
    }

    /**
     * The time part of a date-time layout as the values with a time wrote it: seconds when any had them,
     * milliseconds and a 'Z' only when all did (a value stored in UTC written with its 'Z' is the same instant).
     */
    private static String timePattern(int withTime, int withSeconds, int withT, int withMillis, int withZ) {
        if (withTime == 0) return null;
        return (2 * withT > withTime ? "'T'" : " ") + (withSeconds > 0 ? "HH:mm:ss" : "HH:mm")
                + (withMillis == withTime ? ".SSS" : "") + (withZ == withTime ? "'Z'" : "");
    }

    private static final Pattern ID_NAME = Pattern.compile(
            "(?i)(^|[_\\s.-])(id|uuid|guid|dni|nif|nie|email|e-mail|mail|correo|phone|telefono|teléfono|key|codigo_cliente)($|[_\\s.-])|^id[A-Z_]|[a-z]Id$|[a-z]ID$");

    /** An invoice or order code: a short letter prefix and digits ("C489440", "A563185", "INV-0042"). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z]{1,4}[-_]?\\d{4,}");

    /**
     * Whether a value that is not a number reads as a code: then a column of numbers with a few such values
     * (Online Retail's cancelled invoices "C489440") is a column of codes, not numbers with dirty cells —
     * reading it as numbers would turn every code into a missing value.
     */
    static boolean looksLikeCode(String v) {
        return v != null && CODE.matcher(v.strip()).matches();
    }

    static int tolerance(int n) {
        return n < 50 ? 0 : (int) Math.floor(n * 0.02);
    }

    static Inferred infer(List<String> values, ValueParser vp, boolean dayFirst) {
        int n = values.size();
        if (n == 0) return new Inferred(ColumnType.TEXT, null, false);
        int tol = tolerance(n);
        int boolOk = 0, intOk = 0, dblOk = 0, lead = 0, eightDigits = 0, codes = 0;
        Set<String> boolTokens = new HashSet<>();
        ValueParser.DateLayout[] cands = ValueParser.CANDIDATES;
        int[] dateOk = new int[cands.length];
        int[] timeSeen = new int[cands.length], secondsSeen = new int[cands.length], tSeen = new int[cands.length];
        int[] millisSeen = new int[cands.length], zSeen = new int[cands.length];
        boolean maybeDate = true;
        int checkedForDate = 0;
        for (String v : values) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            int e = b.length;
            if (vp.parseBoolean(b, 0, e)) { boolOk++; boolTokens.add(v.toLowerCase(Locale.ROOT)); }
            boolean isLong = vp.parseLong(b, 0, e);
            if (isLong) {
                intOk++;
                if (vp.leadingZero) lead++;
                if (e == 8 && b[0] != '-' && b[0] != '+') eightDigits++;
            }
            if (vp.parseDouble(b, 0, e)) {
                dblOk++;
                // a whole number too long for 64 bits (a 20-digit id) would lose its last digits as a decimal;
                // an international phone number (+34600111222) would lose its '+'
                if (ColumnAccumulator.textLikeNumber(b, 0, e, !isLong)) codes++;
            } else if (looksLikeCode(v)) codes++;
            if (maybeDate) {
                checkedForDate++;
                boolean any = false;
                for (int k = 0; k < cands.length; k++) {
                    if (vp.parseDate(b, 0, e, cands[k])) {
                        dateOk[k]++;
                        if (vp.hadTime) {
                            timeSeen[k]++;
                            if (vp.hadSeconds) secondsSeen[k]++;
                            if (vp.hadT) tSeen[k]++;
                            if (vp.hadMillis) millisSeen[k]++;
                            if (vp.hadZ) zSeen[k]++;
                        }
                        any = true;
                    }
                }
                // stop trying dates once clearly not a date column
                if (!any && checkedForDate - maxOf(dateOk) > tol) maybeDate = false;
            }
        }
        int need = n - tol;
        if (boolOk >= need && (boolTokens.size() >= 2 || boolTokens.stream().anyMatch(t -> t.length() >= 2))) {
            return new Inferred(ColumnType.BOOLEAN, null, false);
        }
        if (maybeDate) {
            int compact = cands.length - 1;
            if (intOk >= need && eightDigits >= need && dateOk[compact] >= need) {
                return new Inferred(timeSeen[compact] > 0 ? ColumnType.DATETIME : ColumnType.DATE, cands[compact], false,
                        timePattern(timeSeen[compact], secondsSeen[compact], tSeen[compact], millisSeen[compact], zSeen[compact]));
            }
        }
        if (codes > 0) intOk = dblOk = 0; // numbers with a few codes among them: codes
        if (intOk >= need && intOk > 0) {
            if (lead > 0) return new Inferred(ColumnType.CATEGORICAL, null, true);
            if (dblOk > intOk && dblOk >= need) return new Inferred(ColumnType.DECIMAL, null, false);
            return new Inferred(ColumnType.INTEGER, null, false);
        }
        if (dblOk >= need) return new Inferred(ColumnType.DECIMAL, null, false);
        if (maybeDate) {
            int best = -1;
            for (int k = 0; k < cands.length - 1; k++) {
                if (dateOk[k] < need) continue;
                if (best < 0 || dateOk[k] > dateOk[best] || (dateOk[k] == dateOk[best] && prefer(cands[k], cands[best], dayFirst))) {
                    best = k;
                }
            }
            if (best >= 0) {
                return new Inferred(timeSeen[best] > 0 ? ColumnType.DATETIME : ColumnType.DATE, cands[best], false,
                        timePattern(timeSeen[best], secondsSeen[best], tSeen[best], millisSeen[best], zSeen[best]));
            }
        }
        return new Inferred(ColumnType.CATEGORICAL, null, false); // string; categorical vs text decided after import
    }

    private static int maxOf(int[] a) {
        int m = 0;
        for (int x : a) m = Math.max(m, x);
        return m;
    }

    private static boolean prefer(ValueParser.DateLayout a, ValueParser.DateLayout b, boolean dayFirst) {
        if (a.order() == b.order()) return false;
        if (dayFirst) return a.order() == ValueParser.Order.DMY && b.order() == ValueParser.Order.MDY;
        return a.order() == ValueParser.Order.MDY && b.order() == ValueParser.Order.DMY;
    }

    /** A string column is categorical when it repeats values enough; otherwise free text. */
    static boolean isCategorical(int distinct, long nonMissing) {
        if (nonMissing == 0) return false;
        long limit = Math.min(1000, Math.max(2, nonMissing / 2));
        return distinct <= limit;
    }

    /** Named like an identifier (customer_id, ID, email, dni…). */
    static boolean idLikeName(String name) {
        return ID_NAME.matcher(name).find();
    }

    /**
     * Id-like: named like one, or every value distinct over enough rows — for strings always, for integers
     * when they are also close to a sequence (so distinct amounts are not flagged).
     */
    static boolean isIdLike(String name, ColumnType type, long distinct, long nonMissing, long missing,
                            long minInt, long maxInt) {
        if (type == ColumnType.DECIMAL || type == ColumnType.BOOLEAN || type == ColumnType.DATE
                || type == ColumnType.DATETIME) {
            return false;
        }
        if (idLikeName(name) && distinct > Math.min(nonMissing, 50) * 0.9) return true;
        if (nonMissing < 20 || missing > 0 || distinct != nonMissing) return false;
        if (type == ColumnType.INTEGER) {
            return maxInt - minInt + 1 <= 2 * nonMissing;
        }
        return true;
    }
}
