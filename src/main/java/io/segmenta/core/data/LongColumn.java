package io.segmenta.core.data;

import java.util.BitSet;

/** 64-bit integers. */
public final class LongColumn extends Column {
    private final long[] values;

    public LongColumn(String name, long[] values, BitSet missing, boolean idLike) {
        super(name, values.length, missing, idLike);
        this.values = values;
    }

    public LongColumn(String name, long[] values, BitSet missing) { this(name, values, missing, false); }

    @Override public ColumnType type() { return ColumnType.INTEGER; }

    public long getLong(int row) { return values[row]; }

    /** Direct access for fast loops; callers must not modify the array. */
    public long[] rawValues() { return values; }

    @Override public Object get(int row) { return isMissing(row) ? null : values[row]; }

    @Override public String format(int row) { return isMissing(row) ? "" : Long.toString(values[row]); }

    @Override public double getDouble(int row) { return isMissing(row) ? Double.NaN : values[row]; }

    @Override public Column withName(String n) { return new LongColumn(n, values, rawMissing(), idLike()); }

    @Override public Column withIdLike(boolean id) { return new LongColumn(name(), values, rawMissing(), id); }

    @Override public Column select(int[] rows) {
        long[] v = new long[rows.length];
        for (int i = 0; i < rows.length; i++) v[i] = values[rows[i]];
        return new LongColumn(name(), v, selectMissing(rows), idLike());
    }
}
