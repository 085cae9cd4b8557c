package io.segmenta.core.project;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.io.CsvSettings;
import io.segmenta.core.io.ImportReport;
import io.segmenta.core.io.SourceFile;

import java.time.Instant;
import java.util.List;

/**
 * A dataset in a project with where it came from.
 *
 * @param dataset   the data
 * @param origin    how it was made: "import", "join", "generated"
 * @param settings  the CSV settings used (null when not imported)
 * @param sources   files read, with sizes and SHA-256 (empty when not imported)
 * @param report    the import report (null when not imported)
 * @param createdAt when it was imported or derived
 * @param recipe    free-form JSON describing how a derived dataset was made (join keys …), or null
 */
public record DatasetEntry(Dataset dataset, String origin, CsvSettings settings, List<SourceFile> sources,
                           ImportReport report, Instant createdAt, String recipe) {
    public DatasetEntry {
        if (dataset == null) throw new IllegalArgumentException("dataset");
        if (origin == null || origin.isBlank()) throw new IllegalArgumentException("origin");
        sources = sources == null ? List.of() : List.copyOf(sources);
        createdAt = createdAt == null ? Instant.now() : createdAt;
    }

    public String name() { return dataset.name(); }

    public DatasetEntry withDataset(Dataset d) { return new DatasetEntry(d, origin, settings, sources, report, createdAt, recipe); }
}
