package io.segmenta.core.io;

import io.segmenta.core.data.Dataset;

import java.util.List;

/**
 * A finished import: the dataset, the settings used, the report, the files read (with hashes) and the file line
 * of every row (for messages that name a value's line).
 */
public record ImportResult(Dataset dataset, CsvSettings settings, ImportReport report, List<SourceFile> sources,
                           RowLines rowLines) {
    public ImportResult {
        sources = List.copyOf(sources);
        if (rowLines == null) rowLines = RowLines.NONE;
    }
}
