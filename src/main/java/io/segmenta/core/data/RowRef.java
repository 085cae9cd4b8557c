package io.segmenta.core.data;

import io.segmenta.core.util.I18n;

import java.util.Locale;

/**
 * A row named in a message: "row 12" of a dataset, or — once the row is known to come from a CSV file —
 * "line 13 of customers.csv" ({@link io.segmenta.core.io.RowLines#locate}). Core code names rows with
 * {@link #of}; the command line, which knows the file, turns them into lines.
 *
 * @param row  0-based dataset row
 * @param file file name, null while only the row is known
 * @param line 1-based line of {@code file} where the row's record starts (0 when {@code file} is null)
 */
public record RowRef(int row, String file, long line) implements I18n.Localizable {
    public static RowRef of(int row) { return new RowRef(row, null, 0); }

    public RowRef at(String f, long l) { return new RowRef(row, f, l); }

    @Override
    public String text(Locale l) {
        return file == null ? I18n.tr(l, "data.rowRef", row + 1) : I18n.tr(l, "data.lineRef", line, file);
    }

    @Override
    public String toString() { return text(I18n.locale()); }
}
