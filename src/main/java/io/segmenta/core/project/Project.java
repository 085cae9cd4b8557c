package io.segmenta.core.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The content of a project, immutable. The GUI keeps the current value in its view model and marks the
 * project dirty when it changes; {@link ProjectStore} saves and opens it.
 *
 * @param datasets  datasets in display order, unique names
 * @param artifacts results of later features (segmentations, models, runs, campaign lists), in order
 */
public record Project(List<DatasetEntry> datasets, List<Artifact> artifacts) {

    public Project {
        datasets = List.copyOf(datasets);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        var names = new java.util.HashSet<String>();
        for (DatasetEntry e : datasets) {
            if (!names.add(e.name())) throw new IllegalArgumentException("Duplicate dataset name: " + e.name());
        }
    }

    public static Project empty() { return new Project(List.of(), List.of()); }

    public Optional<DatasetEntry> dataset(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Adds a dataset, or replaces the one with the same name in place. */
    public Project withDataset(DatasetEntry entry) {
        List<DatasetEntry> list = new ArrayList<>(datasets);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(entry.name())) {
                list.set(i, entry);
                return new Project(list, artifacts);
            }
        }
        list.add(entry);
        return new Project(list, artifacts);
    }

    public Project withoutDataset(String name) {
        return new Project(datasets.stream().filter(d -> !d.name().equals(name)).toList(), artifacts);
    }

    public Project withArtifact(Artifact a) {
        List<Artifact> list = new ArrayList<>(artifacts);
        list.removeIf(x -> x.kind().equals(a.kind()) && x.name().equals(a.name()));
        list.add(a);
        return new Project(datasets, list);
    }

    /** A dataset name not yet used, based on {@code base} ("customers", "customers_2", …). */
    public String uniqueDatasetName(String base) {
        String b = base == null || base.isBlank() ? "dataset" : base.trim();
        if (dataset(b).isEmpty()) return b;
        for (int i = 2; ; i++) {
            String n = b + "_" + i;
            if (dataset(n).isEmpty()) return n;
        }
    }

    public long totalRows() { return datasets.stream().mapToLong(d -> d.dataset().rowCount()).sum(); }
}
