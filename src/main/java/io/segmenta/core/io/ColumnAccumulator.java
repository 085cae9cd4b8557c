package io.segmenta.core.io;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects one column's values for one chunk of a file, typed, with a missing mask and the values that
 * did not fit the type (turned into missing, counted, the first few kept as examples). Chunks of the same
 * column are concatenated by {@link #concat}.
 */
abstract sealed class ColumnAccumulator {
    static final int EXAMPLES = 5;

    int n;
    final BitSet missing = new BitSet();
    long coerced;
    final long[] exampleLine = new long[EXAMPLES];
    final String[] exampleValue = new String[EXAMPLES];
    int examples;
    /** Index of the file this chunk came from (partitions). */
    int fileIndex;
    /**
     * A number column met a value that is text in disguise: an international phone number ("+34600111222") or
     * a whole number too long for 64 bits — read as a number it would lose its '+' or its last digits.
     */
    boolean textLike;

    /**
     * Whether the bytes are a '+' and 8+ digits (a phone number), or — when {@code tooLong} is asked — 19+
     * digits with an optional sign (more than a decimal keeps exactly).
     */
    static boolean textLikeNumber(byte[] b, int s, int e, boolean tooLong) {
        if (e - s < 9) return false;
        boolean plus = b[s] == '+';
        int from = plus || b[s] == '-' ? s + 1 : s;
        for (int i = from; i < e; i++) if (b[i] < '0' || b[i] > '9') return false;
        return plus || (tooLong && e - from >= 19);
    }

    abstract void add(byte[] b, int s, int e, long line);

    abstract void ensure(int capacity);

    final void addMissing() {
        ensure(n + 1);
        missing.set(n++);
    }

    final void coerce(byte[] b, int s, int e, long line) {
        coerced++;
        if (examples < EXAMPLES) {
            String v = new String(b, s, Math.min(e - s, 60), StandardCharsets.UTF_8);
            exampleLine[examples] = line;
            exampleValue[examples] = v;
            examples++;
        }
        addMissing();
    }

    static int grow(int cap, int need) {
        return Math.max(need, cap + (cap >> 1) + 16);
    }

    static ColumnAccumulator create(ColumnType type, ValueParser vp, ValueParser.DateLayout layout, int capacity) {
        return switch (type) {
            case INTEGER -> new Longs(vp, capacity);
            case DECIMAL -> new Doubles(vp, capacity);
            case BOOLEAN -> new Booleans(vp);
            case DATE -> new Dates(vp, layout, capacity, false);
            case DATETIME -> new Dates(vp, layout, capacity, true);
            case CATEGORICAL, TEXT -> new Strings(capacity);
        };
    }

    /** Integers; switches to decimals in place when a decimal value appears (no data lost). */
    static final class Longs extends ColumnAccumulator {
        private final ValueParser vp;
        long[] values;
        double[] doubles;
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;

        Longs(ValueParser vp, int capacity) {
            this.vp = vp;
            values = new long[Math.max(16, capacity)];
        }

        @Override void ensure(int capacity) {
            if (doubles != null) {
                if (capacity > doubles.length) doubles = Arrays.copyOf(doubles, grow(doubles.length, capacity));
            } else if (capacity > values.length) {
                values = Arrays.copyOf(values, grow(values.length, capacity));
            }
        }

        @Override void add(byte[] b, int s, int e, long line) {
            if (e - s >= 9 && !textLike && textLikeNumber(b, s, e, false)) textLike = true;
            if (doubles == null && vp.parseLong(b, s, e)) {
                if (n == values.length) ensure(n + 1);
                long v = vp.longValue;
                values[n++] = v;
                if (v < min) min = v;
                if (v > max) max = v;
                return;
            }
            if (vp.parseDouble(b, s, e)) {
                if (e - s >= 19 && !textLike && textLikeNumber(b, s, e, true)) textLike = true; // past 64 bits
                if (doubles == null) promote();
                ensure(n + 1);
                doubles[n++] = vp.doubleValue;
                return;
            }
            coerce(b, s, e, line);
        }

        void promote() {
            doubles = new double[values.length];
            for (int i = 0; i < n; i++) doubles[i] = values[i];
            values = null;
        }
    }

    static final class Doubles extends ColumnAccumulator {
        private final ValueParser vp;
        double[] values;

        Doubles(ValueParser vp, int capacity) {
            this.vp = vp;
            values = new double[Math.max(16, capacity)];
        }

        @Override void ensure(int capacity) {
            if (capacity > values.length) values = Arrays.copyOf(values, grow(values.length, capacity));
        }

        @Override void add(byte[] b, int s, int e, long line) {
            if (e - s >= 9 && !textLike && textLikeNumber(b, s, e, true)) textLike = true;
            if (vp.parseDouble(b, s, e)) {
                if (n == values.length) ensure(n + 1);
                values[n++] = vp.doubleValue;
            } else {
                coerce(b, s, e, line);
            }
        }
    }

    static final class Booleans extends ColumnAccumulator {
        private final ValueParser vp;
        final BitSet values = new BitSet();
        /** How often each spelling of true and of false was read ("Yes", "yes", "Y"…). */
        final Map<String, long[]> trueWords = new HashMap<>(), falseWords = new HashMap<>();
        private byte[] lastTrue, lastFalse;
        private long[] lastTrueCount, lastFalseCount;

        Booleans(ValueParser vp) { this.vp = vp; }

        @Override void ensure(int capacity) { }

        @Override void add(byte[] b, int s, int e, long line) {
            if (vp.parseBoolean(b, s, e)) {
                if (vp.boolValue) {
                    values.set(n);
                    if (lastTrue != null && Arrays.equals(b, s, e, lastTrue, 0, lastTrue.length)) lastTrueCount[0]++;
                    else {
                        lastTrue = Arrays.copyOfRange(b, s, e);
                        lastTrueCount = trueWords.computeIfAbsent(new String(lastTrue, StandardCharsets.UTF_8), k -> new long[1]);
                        lastTrueCount[0]++;
                    }
                } else if (lastFalse != null && Arrays.equals(b, s, e, lastFalse, 0, lastFalse.length)) lastFalseCount[0]++;
                else {
                    lastFalse = Arrays.copyOfRange(b, s, e);
                    lastFalseCount = falseWords.computeIfAbsent(new String(lastFalse, StandardCharsets.UTF_8), k -> new long[1]);
                    lastFalseCount[0]++;
                }
                n++;
            } else {
                coerce(b, s, e, line);
            }
        }

        /**
         * Every spelling read over all chunks, true ones first, in sort order, when yes or no was written in more
         * than one way (Yes and yes, Y and Yes); empty otherwise.
         */
        static List<String> mixedSpellings(List<ColumnAccumulator> parts) {
            java.util.TreeSet<String> t = new java.util.TreeSet<>(), f = new java.util.TreeSet<>();
            for (ColumnAccumulator p : parts) {
                if (!(p instanceof Booleans b)) continue;
                t.addAll(b.trueWords.keySet());
                f.addAll(b.falseWords.keySet());
            }
            if (t.size() < 2 && f.size() < 2) return List.of();
            List<String> out = new ArrayList<>(t);
            out.addAll(f);
            return out;
        }

        /** The most frequent spelling over all chunks (ties: the first in sort order); null when none was read. */
        static String mostFrequent(List<ColumnAccumulator> parts, boolean truth) {
            Map<String, Long> total = new TreeMap<>();
            for (ColumnAccumulator p : parts) {
                for (var w : (truth ? ((Booleans) p).trueWords : ((Booleans) p).falseWords).entrySet()) {
                    total.merge(w.getKey(), w.getValue()[0], Long::sum);
                }
            }
            String best = null;
            long most = 0;
            for (var w : total.entrySet()) if (w.getValue() > most) { best = w.getKey(); most = w.getValue(); }
            return best;
        }
    }

    /** Dates (epoch days) or date-times (epoch millis), read with one layout. */
    static final class Dates extends ColumnAccumulator {
        private final ValueParser vp;
        private final ValueParser.DateLayout layout;
        final boolean withTime;
        int[] days;
        long[] millis;

        Dates(ValueParser vp, ValueParser.DateLayout layout, int capacity, boolean withTime) {
            this.vp = vp;
            this.layout = layout == null ? ValueParser.CANDIDATES[0] : layout;
            this.withTime = withTime;
            if (withTime) millis = new long[Math.max(16, capacity)]; else days = new int[Math.max(16, capacity)];
        }

        @Override void ensure(int capacity) {
            if (withTime) {
                if (capacity > millis.length) millis = Arrays.copyOf(millis, grow(millis.length, capacity));
            } else if (capacity > days.length) {
                days = Arrays.copyOf(days, grow(days.length, capacity));
            }
        }

        @Override void add(byte[] b, int s, int e, long line) {
            if (vp.parseDate(b, s, e, layout) && (withTime || !vp.hadTime || vp.epochMillis % 86_400_000L == 0)) {
                ensure(n + 1);
                if (withTime) millis[n++] = vp.epochMillis; else days[n++] = vp.epochDay;
            } else {
                coerce(b, s, e, line);
            }
        }
    }

    static final class Strings extends ColumnAccumulator {
        final ByteDictionary dict = new ByteDictionary();
        int[] codes;

        Strings(int capacity) { codes = new int[Math.max(16, capacity)]; }

        @Override void ensure(int capacity) {
            if (capacity > codes.length) codes = Arrays.copyOf(codes, grow(codes.length, capacity));
        }

        @Override void add(byte[] b, int s, int e, long line) {
            if (n == codes.length) ensure(n + 1);
            codes[n++] = dict.intern(b, s, e);
        }
    }

    /** Concatenation of a column's chunks, in order, into one immutable column. */
    static Column concat(String name, ColumnType requested, List<ColumnAccumulator> parts, boolean forceCategorical) {
        int total = 0;
        for (ColumnAccumulator p : parts) total += p.n;
        BitSet missing = new BitSet(total);
        int off = 0;
        for (ColumnAccumulator p : parts) {
            BitSet m = p.missing;
            for (int i = m.nextSetBit(0); i >= 0 && i < p.n; i = m.nextSetBit(i + 1)) missing.set(off + i);
            off += p.n;
        }
        ColumnAccumulator first = parts.get(0);
        if (first instanceof Longs) {
            boolean anyDouble = parts.stream().anyMatch(p -> ((Longs) p).doubles != null);
            if (anyDouble) {
                double[] out = new double[total];
                off = 0;
                for (ColumnAccumulator p : parts) {
                    Longs l = (Longs) p;
                    if (l.doubles != null) System.arraycopy(l.doubles, 0, out, off, l.n);
                    else for (int i = 0; i < l.n; i++) out[off + i] = l.values[i];
                    off += l.n;
                }
                return new DoubleColumn(name, out, missing);
            }
            long[] out = new long[total];
            off = 0;
            for (ColumnAccumulator p : parts) {
                System.arraycopy(((Longs) p).values, 0, out, off, p.n);
                off += p.n;
            }
            return new LongColumn(name, out, missing);
        }
        if (first instanceof Doubles) {
            double[] out = new double[total];
            off = 0;
            for (ColumnAccumulator p : parts) {
                System.arraycopy(((Doubles) p).values, 0, out, off, p.n);
                off += p.n;
            }
            return new DoubleColumn(name, out, missing);
        }
        if (first instanceof Booleans) {
            BitSet out = new BitSet(total);
            off = 0;
            for (ColumnAccumulator p : parts) {
                BitSet v = ((Booleans) p).values;
                for (int i = v.nextSetBit(0); i >= 0 && i < p.n; i = v.nextSetBit(i + 1)) out.set(off + i);
                off += p.n;
            }
            // written back as the file wrote them; a word missing from the file is the other one's partner
            String t = Booleans.mostFrequent(parts, true), f = Booleans.mostFrequent(parts, false);
            if (t == null) t = BooleanColumn.partner(f);
            if (f == null) f = BooleanColumn.partner(t);
            return new BooleanColumn(name, total, out, missing, false, t, f);
        }
        if (first instanceof Dates d0) {
            if (d0.withTime) {
                long[] out = new long[total];
                off = 0;
                for (ColumnAccumulator p : parts) {
                    System.arraycopy(((Dates) p).millis, 0, out, off, p.n);
                    off += p.n;
                }
                return new DateTimeColumn(name, out, missing);
            }
            int[] out = new int[total];
            off = 0;
            for (ColumnAccumulator p : parts) {
                System.arraycopy(((Dates) p).days, 0, out, off, p.n);
                off += p.n;
            }
            return new DateColumn(name, out, missing);
        }
        // strings: merge dictionaries in first-seen order; the first chunk's codes stay as they are
        ByteDictionary global = ((Strings) parts.get(0)).dict;
        int[] out = new int[total];
        off = 0;
        for (int k = 0; k < parts.size(); k++) {
            Strings s = (Strings) parts.get(k);
            int[] map = k == 0 ? null : global.merge(s.dict);
            for (int i = 0; i < s.n; i++) {
                out[off + i] = s.missing.get(i) ? -1 : (map == null ? s.codes[i] : map[s.codes[i]]);
            }
            off += s.n;
        }
        String[] dict = global.strings();
        long nonMissing = total - missing.cardinality();
        boolean categorical = requested == ColumnType.CATEGORICAL && forceCategorical
                || (requested != ColumnType.TEXT && TypeInference.isCategorical(dict.length, nonMissing));
        return new StringColumn(name, out, dict, missing, categorical, false);
    }

    static List<ColumnAccumulator> column(List<ColumnAccumulator[]> chunks, int j) {
        List<ColumnAccumulator> out = new ArrayList<>(chunks.size());
        for (ColumnAccumulator[] c : chunks) out.add(c[j]);
        return out;
    }
}
