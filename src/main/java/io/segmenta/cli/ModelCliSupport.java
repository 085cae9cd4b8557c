package io.segmenta.cli;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared input handling of {@code train} and {@code score}: a CSV file, or a dataset of a project. */
final class ModelCliSupport {
    private ModelCliSupport() { }

    /** The dataset to work on and, when it came from a project, that project. */
    record Input(Dataset dataset, Project project) { }

    static Input load(Path file, Path project, String dataset) {
        if (file != null) {
            return new Input(CsvImporter.importFiles(ImportRequest.of(file), TaskContext.NONE).dataset(), null);
        }
        if (project == null || dataset == null) throw new UserException("model.cli.noInput");
        Project p = ProjectStore.open(project);
        Dataset d = p.dataset(dataset).orElseThrow(() -> new UserException("model.cli.datasetMissing", project.toString(), dataset))
                .dataset();
        return new Input(d, p);
    }

    /** Splits comma-separated values of a repeatable option, dropping blanks. */
    static List<String> list(List<String> raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) return out;
        for (String r : raw) for (String s : r.split(",")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }
}
