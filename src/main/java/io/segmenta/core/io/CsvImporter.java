package io.segmenta.core.io;

import io.segmenta.core.task.TaskContext;

import java.nio.file.Path;

/** Reads CSV files into datasets: detection, preview and import. */
public final class CsvImporter {
    private CsvImporter() { }

    /** Detects settings and types and returns the first {@code maxRows} rows as text. */
    public static CsvPreview preview(Path file, CsvOptions options, int maxRows) {
        throw new IllegalStateException("in progress");
    }

    /** Imports one file or several partitions as one dataset. */
    public static ImportResult importFiles(ImportRequest request, TaskContext ctx) {
        throw new IllegalStateException("in progress");
    }
}
