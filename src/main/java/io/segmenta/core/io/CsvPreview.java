package io.segmenta.core.io;

import io.segmenta.core.data.ColumnType;

import java.util.List;

/**
 * What the import wizard shows before importing: detected settings, column names and types, and the
 * first rows as text (after decoding and unquoting, before type conversion).
 */
public record CsvPreview(String file, CsvSettings settings, List<PreviewColumn> columns, List<List<String>> rows,
                         List<String> warnings) {
    public CsvPreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    public record PreviewColumn(String name, ColumnType type, boolean idLike, String dateFormat) { }
}
