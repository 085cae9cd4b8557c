package io.segmenta.core.io;

import io.segmenta.core.data.ColumnType;

import java.util.List;

/**
 * What an import did: rows read and kept, rows rejected (with line and reason), and per column how many
 * values were missing and how many could not be read as the column's type and became missing.
 *
 * @param rowsRead      data rows found in the file(s), rejected ones included
 * @param rowsImported  rows in the resulting dataset
 * @param rejectedCount rows rejected in total; {@link #rejected} lists at most {@link #MAX_LISTED}
 * @param rejected      first rejected rows
 * @param columns       one entry per column, in order
 * @param warnings      non-fatal findings (renamed columns, blank lines, …), already localised
 */
public record ImportReport(long rowsRead, long rowsImported, long rejectedCount, List<RejectedRow> rejected,
                           List<ColumnReport> columns, List<String> warnings) {
    public static final int MAX_LISTED = 1000;

    public ImportReport {
        rejected = List.copyOf(rejected);
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
    }

    /** A row that was not imported. {@code file} is the file name (not the full path). */
    public record RejectedRow(String file, long line, String reason) { }

    /** A value that could not be read as its column's type and was turned into missing. */
    public record CoercedValue(String file, long line, String value) { }

    /**
     * @param missing        missing values in the final column (including coerced ones)
     * @param coerced        values turned into missing because they did not fit the type
     * @param coercedExamples first few of those, with file and line
     */
    public record ColumnReport(String name, ColumnType type, boolean idLike, long missing, long coerced,
                               List<CoercedValue> coercedExamples) {
        public ColumnReport {
            coercedExamples = List.copyOf(coercedExamples);
        }
    }

    public long totalCoerced() {
        return columns.stream().mapToLong(ColumnReport::coerced).sum();
    }
}
