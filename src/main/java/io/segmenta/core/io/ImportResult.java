package io.segmenta.core.io;

import io.segmenta.core.data.Dataset;

import java.util.List;

/** A finished import: the dataset, the settings used, the report and the files read (with hashes). */
public record ImportResult(Dataset dataset, CsvSettings settings, ImportReport report, List<SourceFile> sources) {
    public ImportResult {
        sources = List.copyOf(sources);
    }
}
