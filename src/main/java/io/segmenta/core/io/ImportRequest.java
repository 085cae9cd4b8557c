package io.segmenta.core.io;

import java.nio.file.Path;
import java.util.List;

/**
 * One import: one file, or several partitions with the same columns read as one table.
 *
 * @param files             the CSV file(s); partitions are appended in the order given
 * @param datasetName       name of the resulting dataset; null = from the first file name
 * @param options           user overrides of the detected settings
 * @param sourceColumn      name of the column that records each row's file; null = none (default
 *                          "source_file" when more than one file is given)
 * @param dictionary        optional data dictionary (column, description), or null
 */
public record ImportRequest(List<Path> files, String datasetName, CsvOptions options, String sourceColumn, Path dictionary) {
    public ImportRequest {
        if (files == null || files.isEmpty()) throw new IllegalArgumentException("Give at least one file to import");
        files = List.copyOf(files);
        options = options == null ? CsvOptions.detect() : options;
        if (sourceColumn == null && files.size() > 1) sourceColumn = "source_file";
    }

    public static ImportRequest of(Path file) {
        return new ImportRequest(List.of(file), null, CsvOptions.detect(), null, null);
    }

    public static ImportRequest of(Path file, CsvOptions options) {
        return new ImportRequest(List.of(file), null, options, null, null);
    }

    /** Dataset name: the given one, else the first file's name without extension. */
    public String effectiveName() {
        if (datasetName != null && !datasetName.isBlank()) return datasetName.trim();
        String f = files.get(0).getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }
}
