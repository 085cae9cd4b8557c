package io.segmenta.core.eda;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.util.UserException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/** Column access shared by the Explore computations: lookup with a user message, value extraction, grouping. */
final class EdaData {
    private EdaData() { }

    static final long MILLIS_PER_DAY = 86_400_000L;

    /** The named column, or a {@link UserException} listing the columns there are. */
    static Column column(Dataset ds, String name) {
        if (name == null || name.isBlank()) throw new UserException("eda.column.none");
        return ds.find(name).orElseThrow(() -> new UserException("eda.column.unknown", name, ds.name(),
                String.join(", ", ds.columnNames())));
    }

    /** Types with an ordered numeric view (numbers, dates, date-times). */
    static boolean isNumericLike(ColumnType t) {
        return t.isNumeric() || t == ColumnType.DATE || t == ColumnType.DATETIME;
    }

    /** The column if it is numeric, a date or a date-time; else a {@link UserException} naming the chart. */
    static Column numericColumn(Dataset ds, String name) {
        Column c = column(ds, name);
        if (!isNumericLike(c.type())) throw new UserException("eda.column.notNumeric", name, c.type().key());
        return c;
    }

    /** The column if it can split a chart into groups (categorical, text, boolean or integer). */
    static Column groupColumn(Dataset ds, String name) {
        Column c = column(ds, name);
        if (!(c instanceof StringColumn || c instanceof BooleanColumn || c instanceof LongColumn)) {
            throw new UserException("eda.column.notCategorical", name, c.type().key());
        }
        return c;
    }

    /**
     * The non-missing values of the kept rows, in row order, as doubles: numbers as they are, booleans as
     * 0/1, dates as epoch days, date-times as epoch milliseconds. Strings have none.
     */
    static double[] values(Column c, int[] rows) {
        double[] out = new double[rows.length];
        int n = 0;
        switch (c) {
            case DoubleColumn d -> {
                double[] v = d.rawValues();
                for (int r : rows) { double x = v[r]; if (!Double.isNaN(x) && !d.isMissing(r)) out[n++] = x; }
            }
            case LongColumn l -> {
                long[] v = l.rawValues();
                if (l.missingCount() == 0) for (int r : rows) out[n++] = v[r];
                else for (int r : rows) if (!l.isMissing(r)) out[n++] = v[r];
            }
            case DateColumn d -> {
                int[] v = d.rawValues();
                for (int r : rows) if (!d.isMissing(r)) out[n++] = v[r];
            }
            case DateTimeColumn d -> {
                long[] v = d.rawValues();
                for (int r : rows) if (!d.isMissing(r)) out[n++] = v[r];
            }
            case BooleanColumn b -> {
                for (int r : rows) if (!b.isMissing(r)) out[n++] = b.getBoolean(r) ? 1 : 0;
            }
            case StringColumn s -> { return new double[0]; }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The value of every kept row as a double (NaN when missing), aligned with {@code rows}. */
    static double[] aligned(Column c, int[] rows) {
        double[] out = new double[rows.length];
        switch (c) {
            case DoubleColumn d -> {
                double[] v = d.rawValues();
                for (int i = 0; i < rows.length; i++) out[i] = v[rows[i]];
            }
            case LongColumn l -> {
                long[] v = l.rawValues();
                for (int i = 0; i < rows.length; i++) out[i] = l.isMissing(rows[i]) ? Double.NaN : v[rows[i]];
            }
            default -> { for (int i = 0; i < rows.length; i++) out[i] = c.getDouble(rows[i]); }
        }
        return out;
    }

    /** Text of a numeric-view value of a column type: a date or date-time for temporal types, a number otherwise. */
    static String valueText(ColumnType type, double v) {
        if (Double.isNaN(v)) return "";
        return switch (type) {
            case DATE -> v == Math.rint(v) ? LocalDate.ofEpochDay((long) v).toString()
                    : DateTimeColumn.toLocal(Math.round(v * MILLIS_PER_DAY)).toString();
            case DATETIME -> DateTimeColumn.toLocal(Math.round(v)).toString();
            case INTEGER -> v == Math.rint(v) && Math.abs(v) < 9e15 ? Long.toString((long) v) : Double.toString(v);
            default -> Double.toString(v);
        };
    }

    /**
     * Group ids of the kept rows (aligned with {@code rows}; -1 = missing) with each level's label and row
     * count. Levels are numbered in first-seen order.
     */
    record Groups(int[] ids, String[] labels, long[] counts, int missing) {
        int levels() { return labels.length; }

        /** Level indices ordered by count descending, then label; at most {@code limit}. */
        int[] top(int limit) {
            Integer[] order = new Integer[labels.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            int used = 0;
            for (long c : counts) if (c > 0) used++;
            Arrays.sort(order, (a, b) -> {
                int c = Long.compare(counts[b], counts[a]);
                return c != 0 ? c : labels[a].compareTo(labels[b]);
            });
            int k = Math.min(limit, used);
            int[] out = new int[k];
            for (int i = 0; i < k; i++) out[i] = order[i];
            return out;
        }

        /** Levels with at least one kept row. */
        int usedLevels() {
            int used = 0;
            for (long c : counts) if (c > 0) used++;
            return used;
        }
    }

    static Groups groups(Column c, int[] rows) {
        int[] ids = new int[rows.length];
        int missing = 0;
        switch (c) {
            case StringColumn s -> {
                int[] codes = s.rawCodes();
                String[] dict = s.dictionary();
                long[] counts = new long[dict.length];
                for (int i = 0; i < rows.length; i++) {
                    int r = rows[i];
                    if (s.isMissing(r)) { ids[i] = -1; missing++; } else { ids[i] = codes[r]; counts[codes[r]]++; }
                }
                return new Groups(ids, dict, counts, missing);
            }
            case BooleanColumn b -> {
                long[] counts = new long[2];
                for (int i = 0; i < rows.length; i++) {
                    int r = rows[i];
                    if (b.isMissing(r)) { ids[i] = -1; missing++; } else { int g = b.getBoolean(r) ? 1 : 0; ids[i] = g; counts[g]++; }
                }
                return new Groups(ids, new String[]{b.falseLabel(), b.trueLabel()}, counts, missing);
            }
            case LongColumn l -> {
                long[] v = l.rawValues();
                Map<Long, Integer> index = new HashMap<>();
                long[] counts = new long[16];
                String[] labels = new String[16];
                for (int i = 0; i < rows.length; i++) {
                    int r = rows[i];
                    if (l.isMissing(r)) { ids[i] = -1; missing++; continue; }
                    long x = v[r];
                    Integer g = index.get(x);
                    if (g == null) {
                        g = index.size();
                        index.put(x, g);
                        if (g == counts.length) {
                            counts = Arrays.copyOf(counts, g * 2);
                            labels = Arrays.copyOf(labels, g * 2);
                        }
                        labels[g] = Long.toString(x);
                    }
                    ids[i] = g;
                    counts[g]++;
                }
                int k = index.size();
                return new Groups(ids, Arrays.copyOf(labels, k), Arrays.copyOf(counts, k), missing);
            }
            default -> throw new UserException("eda.column.notCategorical", c.name(), c.type().key());
        }
    }

    /** Rows (from {@code rows}) where the column is not missing. */
    static BitSet presentMask(Column c, int totalRows) {
        BitSet m = c.missingMask();
        m.flip(0, totalRows);
        return m;
    }
}
