package io.segmenta.core.data;

import java.time.LocalDate;
import java.util.BitSet;

/** Calendar dates stored as days since 1970-01-01. */
public final class DateColumn extends Column {
    private final int[] epochDays;

    public DateColumn(String name, int[] epochDays, BitSet missing, boolean idLike) {
        super(name, epochDays.length, missing, idLike);
        this.epochDays = epochDays;
    }

    public DateColumn(String name, int[] epochDays, BitSet missing) { this(name, epochDays, missing, false); }

    @Override public ColumnType type() { return ColumnType.DATE; }

    public int getEpochDay(int row) { return epochDays[row]; }

    /** Direct access for fast loops; callers must not modify the array. */
    public int[] rawValues() { return epochDays; }

    @Override public Object get(int row) { return isMissing(row) ? null : LocalDate.ofEpochDay(epochDays[row]); }

    @Override public String format(int row) { return isMissing(row) ? "" : LocalDate.ofEpochDay(epochDays[row]).toString(); }

    @Override public double getDouble(int row) { return isMissing(row) ? Double.NaN : epochDays[row]; }

    @Override public Column withName(String n) { return new DateColumn(n, epochDays, rawMissing(), idLike()); }

    @Override public Column withIdLike(boolean id) { return new DateColumn(name(), epochDays, rawMissing(), id); }

    @Override public Column select(int[] rows) {
        int[] v = new int[rows.length];
        for (int i = 0; i < rows.length; i++) v[i] = epochDays[rows[i]];
        return new DateColumn(name(), v, selectMissing(rows), idLike());
    }
}
