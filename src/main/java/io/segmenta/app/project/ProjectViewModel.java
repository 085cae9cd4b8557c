package io.segmenta.app.project;

import io.segmenta.app.task.TaskRunner;
import io.segmenta.app.ui.Dialogs;
import io.segmenta.app.ui.Notifier;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.util.I18n;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The open project: its current (immutable) value, the file it belongs to, whether it has unsaved changes,
 * and the list of recently used project files. Opening and saving run through the task runner; replacing
 * a project with unsaved changes first asks Save / Don't save / Cancel.
 */
public final class ProjectViewModel {
    public static final String EXTENSION = ".segmenta";

    private final TaskRunner runner;
    private final ProjectPersistence persistence;
    private final Dialogs dialogs;
    private final Notifier notifier;

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project", Project.empty());
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<Path> recentReadOnly = FXCollections.unmodifiableObservableList(recent);

    public ProjectViewModel(TaskRunner runner, ProjectPersistence persistence, Dialogs dialogs, Notifier notifier) {
        this.runner = runner;
        this.persistence = persistence;
        this.dialogs = dialogs;
        this.notifier = notifier;
    }

    public ReadOnlyObjectProperty<Project> projectProperty() { return project.getReadOnlyProperty(); }

    public Project getProject() { return project.get(); }

    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }

    public Path getFile() { return file.get(); }

    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    public boolean isDirty() { return dirty.get(); }

    /** True while a project is being opened or saved. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Recently used project files, most recent first. */
    public ObservableList<Path> recentProjects() { return recentReadOnly; }

    /** The project's name for titles: the file name without extension, or "Untitled". */
    public String displayName() {
        Path f = file.get();
        if (f == null) return I18n.tr("ui.project.untitled");
        String n = f.getFileName().toString();
        return n.endsWith(EXTENSION) ? n.substring(0, n.length() - EXTENSION.length()) : n;
    }

    /** Applies a change to the project and marks it dirty. */
    public void update(UnaryOperator<Project> change) {
        Project before = project.get();
        Project after = change.apply(before);
        if (after != before) {
            project.set(after);
            dirty.set(true);
        }
    }

    public void addDataset(DatasetEntry entry) {
        update(p -> p.withDataset(entry));
    }

    public void removeDataset(String name) {
        update(p -> p.withoutDataset(name));
    }

    /** Replaces the project by an empty one (asking first when there are unsaved changes). */
    public void newProject() {
        guardUnsaved(() -> replace(Project.empty(), null));
    }

    /** Asks for a project file, then opens it. */
    public void openWithChooser() {
        guardUnsaved(() -> dialogs.chooseProjectToOpen().ifPresent(this::load));
    }

    /** Opens {@code path} (asking first when there are unsaved changes). */
    public void open(Path path) {
        guardUnsaved(() -> load(path));
    }

    /** Opens {@code path} in the background without asking; a failure shows an error and changes nothing. */
    public void load(Path path) {
        Path p = path.toAbsolutePath().normalize();
        busy.set(true);
        runner.submit(I18n.tr("ui.task.open", p.getFileName()), ctx -> persistence.open(p),
                opened -> {
                    busy.set(false);
                    replace(opened, p);
                    addRecent(p);
                    notifier.success(I18n.tr("ui.notice.opened", displayName()));
                },
                err -> {
                    busy.set(false);
                    dialogs.showError(I18n.tr("ui.error.open.title"),
                            I18n.tr("ui.error.open.text", p.toString(), Notifier.describe(err)));
                },
                () -> busy.set(false));
    }

    /** Saves to the current file, or asks for one. */
    public void save() { save(() -> { }); }

    public void saveAs() { saveAs(() -> { }); }

    /** Saves, then runs {@code then} once the file is written (not when the user cancels or saving fails). */
    public void save(Runnable then) {
        if (file.get() == null) saveAs(then); else write(file.get(), then);
    }

    public void saveAs(Runnable then) {
        dialogs.chooseProjectSaveTarget(displayName() + EXTENSION).ifPresent(p -> write(withExtension(p), then));
    }

    static Path withExtension(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(EXTENSION) ? p : p.resolveSibling(n + EXTENSION);
    }

    private void write(Path target, Runnable then) {
        Path p = target.toAbsolutePath().normalize();
        Project snapshot = project.get();
        busy.set(true);
        runner.submit(I18n.tr("ui.task.save", p.getFileName()), ctx -> {
                    persistence.save(snapshot, p, ctx);
                    return p;
                },
                saved -> {
                    busy.set(false);
                    file.set(saved);
                    if (project.get() == snapshot) dirty.set(false);
                    addRecent(saved);
                    notifier.success(I18n.tr("ui.notice.saved", displayName()));
                    then.run();
                },
                err -> {
                    busy.set(false);
                    dialogs.showError(I18n.tr("ui.error.save.title"),
                            I18n.tr("ui.error.save.text", p.toString(), Notifier.describe(err)));
                },
                () -> busy.set(false));
    }

    /**
     * Runs {@code action} right away when there is nothing to lose; otherwise asks, and saves first, runs it
     * without saving, or does nothing, as the user chooses.
     */
    public void guardUnsaved(Runnable action) {
        if (!dirty.get()) {
            action.run();
            return;
        }
        switch (dialogs.askSaveChanges(displayName())) {
            case SAVE -> save(action);
            case DISCARD -> action.run();
            case CANCEL -> { }
        }
    }

    private void replace(Project p, Path f) {
        project.set(p);
        file.set(f);
        dirty.set(false);
    }

    /** Puts {@code p} first in the recent list (no duplicates, at most {@link AppSettings#MAX_RECENT}). */
    public void addRecent(Path p) {
        Path n = p.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recent);
        list.remove(n);
        list.add(0, n);
        while (list.size() > AppSettings.MAX_RECENT) list.remove(list.size() - 1);
        recent.setAll(list);
    }

    public void removeRecent(Path p) {
        recent.remove(p.toAbsolutePath().normalize());
    }

    public void setRecent(List<Path> paths) {
        List<Path> list = new ArrayList<>();
        for (Path p : paths) {
            Path n = p.toAbsolutePath().normalize();
            if (!list.contains(n)) list.add(n);
            if (list.size() == AppSettings.MAX_RECENT) break;
        }
        recent.setAll(list);
    }
}
