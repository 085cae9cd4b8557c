package io.segmenta.core.data;

import java.util.BitSet;
import java.util.Objects;

/**
 * An immutable, typed, columnar vector of values with a missing-value mask.
 * Concrete subclasses store primitives (no boxing) so a 1M-row column costs a few MB.
 */
public abstract sealed class Column
        permits LongColumn, DoubleColumn, BooleanColumn, DateColumn, DateTimeColumn, StringColumn {

    private final String name;
    private final int size;
    private final BitSet missing;
    private final int missingCount;
    private final boolean idLike;

    protected Column(String name, int size, BitSet missing, boolean idLike) {
        this.name = Objects.requireNonNull(name, "name");
        if (size < 0) throw new IllegalArgumentException("size < 0");
        this.size = size;
        this.missing = missing == null ? new BitSet(0) : missing;
        this.missingCount = this.missing.cardinality();
        this.idLike = idLike;
    }

    public final String name() { return name; }

    public final int size() { return size; }

    public abstract ColumnType type();

    public final boolean isMissing(int row) { return missing.get(row); }

    public final int missingCount() { return missingCount; }

    /** A copy of the missing mask. */
    public final BitSet missingMask() { return (BitSet) missing.clone(); }

    /** True when the column looks like an identifier (unique per row or named like one). */
    public final boolean idLike() { return idLike; }

    /** The value as a Java object (Long, Double, Boolean, LocalDate, LocalDateTime, String) or null if missing. */
    public abstract Object get(int row);

    /** Locale-neutral text of a value, as it would be written back to a CSV; empty string when missing. */
    public abstract String format(int row);

    /**
     * The column's distinct values as written ({@link #format(int)}), sorted, leaving out missing cells; empty when
     * there are more than {@code max} (the scan stops there).
     */
    public java.util.List<String> distinctValues(int max) {
        java.util.Set<String> s = new java.util.LinkedHashSet<>();
        for (int i = 0; i < size() && s.size() <= max; i++) if (!isMissing(i)) s.add(format(i));
        if (s.size() > max) return java.util.List.of();
        java.util.List<String> l = new java.util.ArrayList<>(s);
        l.sort(null);
        return l;
    }

    /** Numeric view: the value as a double, NaN when missing or not numeric-convertible. */
    public abstract double getDouble(int row);

    /** The same data under another name or id flag. */
    public abstract Column withName(String newName);

    public abstract Column withIdLike(boolean idLike);

    /** The rows at the given indices, in that order. */
    public abstract Column select(int[] rows);

    protected final BitSet selectMissing(int[] rows) {
        BitSet m = new BitSet(rows.length);
        for (int i = 0; i < rows.length; i++) if (missing.get(rows[i])) m.set(i);
        return m;
    }

    protected final BitSet rawMissing() { return missing; }

    @Override
    public String toString() {
        return name + ":" + type().key() + "[" + size + "]";
    }
}
