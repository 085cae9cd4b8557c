package io.segmenta.core.data;

import java.util.BitSet;

/**
 * Dictionary-encoded strings: each row holds a code into {@link #dictionary()}.
 * Used for both CATEGORICAL (few distinct values) and TEXT columns.
 */
public final class StringColumn extends Column {
    private final int[] codes;
    private final String[] dictionary;
    private final boolean categorical;

    public StringColumn(String name, int[] codes, String[] dictionary, BitSet missing, boolean categorical, boolean idLike) {
        super(name, codes.length, missing, idLike);
        this.codes = codes;
        this.dictionary = dictionary;
        this.categorical = categorical;
    }

    /** Builds a column from plain strings (null = missing). Convenient for tests and small tables. */
    public static StringColumn of(String name, boolean categorical, String... values) {
        java.util.Map<String, Integer> index = new java.util.LinkedHashMap<>();
        int[] codes = new int[values.length];
        BitSet missing = new BitSet(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) { missing.set(i); codes[i] = -1; continue; }
            codes[i] = index.computeIfAbsent(values[i], k -> index.size());
        }
        return new StringColumn(name, codes, index.keySet().toArray(new String[0]), missing, categorical, false);
    }

    @Override public ColumnType type() { return categorical ? ColumnType.CATEGORICAL : ColumnType.TEXT; }

    public boolean categorical() { return categorical; }

    /** Code of the row's value in the dictionary; -1 when missing. */
    public int code(int row) { return isMissing(row) ? -1 : codes[row]; }

    /** Direct access for fast loops; callers must not modify the array. Missing rows hold an unspecified code. */
    public int[] rawCodes() { return codes; }

    /** Distinct values in first-seen order; callers must not modify the array. */
    public String[] dictionary() { return dictionary; }

    public String getString(int row) { return isMissing(row) ? null : dictionary[codes[row]]; }

    @Override public Object get(int row) { return getString(row); }

    @Override public String format(int row) { return isMissing(row) ? "" : dictionary[codes[row]]; }

    @Override public double getDouble(int row) { return Double.NaN; }

    public StringColumn asCategorical(boolean cat) { return new StringColumn(name(), codes, dictionary, rawMissing(), cat, idLike()); }

    @Override public Column withName(String n) { return new StringColumn(n, codes, dictionary, rawMissing(), categorical, idLike()); }

    @Override public Column withIdLike(boolean id) { return new StringColumn(name(), codes, dictionary, rawMissing(), categorical, id); }

    @Override public Column select(int[] rows) {
        int[] v = new int[rows.length];
        for (int i = 0; i < rows.length; i++) v[i] = codes[rows[i]];
        return new StringColumn(name(), v, dictionary, selectMissing(rows), categorical, idLike());
    }
}
