package io.segmenta.app;

import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.task.TaskContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped sample project for the section tests: read from the repository, served without ever writing. */
public final class SampleProject {
    private SampleProject() { }

    public static final Path FILE = Path.of("sample-projects/sample.segmenta");

    /** Opens the sample project (tests run from the repository root). */
    public static Project open() {
        assertThat(FILE).as("run from the repository root").isRegularFile();
        return ProjectStore.open(FILE);
    }

    /** A persistence that opens {@code project} whatever the path and ignores saves. */
    public static ProjectPersistence serving(Project project) {
        return new ProjectPersistence() {
            @Override public Project open(Path f) { return project; }

            @Override public void save(Project p, Path f, TaskContext ctx) { }
        };
    }
}
