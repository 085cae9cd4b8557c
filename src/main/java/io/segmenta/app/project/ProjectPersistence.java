package io.segmenta.app.project;

import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.task.TaskContext;

import java.nio.file.Path;

/** How the view models read and write project files; the application uses {@link #STORE}. */
public interface ProjectPersistence {

    Project open(Path file);

    void save(Project project, Path file, TaskContext ctx);

    /** Project files through {@link ProjectStore}. */
    ProjectPersistence STORE = new ProjectPersistence() {
        @Override public Project open(Path file) { return ProjectStore.open(file); }

        @Override public void save(Project project, Path file, TaskContext ctx) { ProjectStore.save(project, file, ctx); }
    };
}
