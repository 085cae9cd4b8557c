package io.segmenta.core.eda;

import java.util.BitSet;

/**
 * The rows a {@link RowFilter} keeps, as ascending row indices into the dataset it was applied to.
 *
 * @param rows      kept row indices, ascending; callers must not modify the array
 * @param totalRows rows in the dataset before filtering
 */
public record RowSelection(int[] rows, int totalRows) {
    public RowSelection {
        if (rows == null) throw new IllegalArgumentException("rows");
        if (rows.length > totalRows) throw new IllegalArgumentException("more rows kept than exist");
    }

    /** Every row of a dataset of {@code totalRows} rows. */
    public static RowSelection all(int totalRows) {
        int[] r = new int[totalRows];
        for (int i = 0; i < totalRows; i++) r[i] = i;
        return new RowSelection(r, totalRows);
    }

    /** Number of rows kept. */
    public int kept() { return rows.length; }

    /** Number of rows the filter removed. */
    public int removed() { return totalRows - rows.length; }

    /** True when no row was removed. */
    public boolean isAll() { return rows.length == totalRows; }

    /** The kept rows as a mask over the dataset's rows. */
    public BitSet toBitSet() {
        BitSet b = new BitSet(totalRows);
        for (int r : rows) b.set(r);
        return b;
    }
}
