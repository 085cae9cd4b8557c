package io.segmenta.core.project;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a project file holds, read without loading any column data ({@link ProjectStore#info(Path)}).
 *
 * @param file          the file read
 * @param schemaVersion its format version ({@code PRAGMA user_version})
 * @param datasets      datasets in display order
 * @param artifacts     artifacts in order
 */
public record ProjectInfo(Path file, int schemaVersion, List<DatasetSummary> datasets, List<ArtifactSummary> artifacts) {
    public ProjectInfo {
        datasets = List.copyOf(datasets);
        artifacts = List.copyOf(artifacts);
    }

    /** A dataset's size and provenance; {@code sources} are the imported files' paths as given. */
    public record DatasetSummary(String name, long rows, int columns, String origin, Instant createdAt, List<String> sources) {
        public DatasetSummary {
            sources = List.copyOf(sources);
        }
    }

    /** An artifact without its options, result or payload. */
    public record ArtifactSummary(String kind, String name, String datasetName, Instant createdAt) { }
}
