package io.segmenta.core.data;

import java.util.BitSet;

/** true/false values. */
public final class BooleanColumn extends Column {
    private final BitSet values;

    public BooleanColumn(String name, int size, BitSet values, BitSet missing, boolean idLike) {
        super(name, size, missing, idLike);
        this.values = values;
    }

    public BooleanColumn(String name, int size, BitSet values, BitSet missing) { this(name, size, values, missing, false); }

    @Override public ColumnType type() { return ColumnType.BOOLEAN; }

    public boolean getBoolean(int row) { return values.get(row); }

    /** A copy of the true-mask. */
    public BitSet trueMask() { return (BitSet) values.clone(); }

    @Override public Object get(int row) { return isMissing(row) ? null : values.get(row); }

    @Override public String format(int row) { return isMissing(row) ? "" : (values.get(row) ? "true" : "false"); }

    @Override public double getDouble(int row) { return isMissing(row) ? Double.NaN : (values.get(row) ? 1.0 : 0.0); }

    @Override public Column withName(String n) { return new BooleanColumn(n, size(), values, rawMissing(), idLike()); }

    @Override public Column withIdLike(boolean id) { return new BooleanColumn(name(), size(), values, rawMissing(), id); }

    @Override public Column select(int[] rows) {
        BitSet v = new BitSet(rows.length);
        for (int i = 0; i < rows.length; i++) if (values.get(rows[i])) v.set(i);
        return new BooleanColumn(name(), rows.length, v, selectMissing(rows), idLike());
    }
}
