package io.segmenta.core.data;

import java.util.BitSet;

/** Double-precision decimals. Missing slots hold NaN as well as being set in the mask. */
public final class DoubleColumn extends Column {
    private final double[] values;

    public DoubleColumn(String name, double[] values, BitSet missing, boolean idLike) {
        super(name, values.length, missing, idLike);
        this.values = values;
        BitSet m = rawMissing();
        for (int i = m.nextSetBit(0); i >= 0; i = m.nextSetBit(i + 1)) values[i] = Double.NaN;
    }

    public DoubleColumn(String name, double[] values, BitSet missing) { this(name, values, missing, false); }

    @Override public ColumnType type() { return ColumnType.DECIMAL; }

    /** Direct access for fast loops; callers must not modify the array. */
    public double[] rawValues() { return values; }

    @Override public Object get(int row) { return isMissing(row) ? null : values[row]; }

    @Override public String format(int row) {
        if (isMissing(row)) return "";
        double v = values[row];
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v) + ".0";
        return Double.toString(v);
    }

    @Override public double getDouble(int row) { return values[row]; }

    @Override public Column withName(String n) { return new DoubleColumn(n, values, rawMissing(), idLike()); }

    @Override public Column withIdLike(boolean id) { return new DoubleColumn(name(), values, rawMissing(), id); }

    @Override public Column select(int[] rows) {
        double[] v = new double[rows.length];
        for (int i = 0; i < rows.length; i++) v[i] = values[rows[i]];
        return new DoubleColumn(name(), v, selectMissing(rows), idLike());
    }
}
