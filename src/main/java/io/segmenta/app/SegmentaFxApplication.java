package io.segmenta.app;

import io.segmenta.app.project.AppSettings;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.project.SettingsStore;
import io.segmenta.app.shell.MainViewModel;
import io.segmenta.app.shell.MainWindow;
import io.segmenta.app.task.FxTaskRunner;
import io.segmenta.app.ui.FxDialogs;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.Optional;

/** The JavaFX application: loads settings, builds the main window and opens the start-up project. */
public final class SegmentaFxApplication extends Application {
    private SettingsStore settingsStore;
    private AppSettings settings;
    private Optional<Path> startupProject = Optional.empty();
    private FxTaskRunner runner;

    @Override
    public void init() {
        // Runs on the launcher thread, so the small file reads here never block the FX thread.
        settingsStore = new SettingsStore(SettingsStore.defaultFile());
        settings = settingsStore.load();
        startupProject = StartupArgs.projectToOpen(getParameters().getRaw(),
                settings.recentProjects().stream().map(Path::of).toList(), Path.of("").toAbsolutePath());
    }

    @Override
    public void start(Stage stage) {
        runner = new FxTaskRunner();
        FxDialogs dialogs = new FxDialogs(() -> stage);
        MainViewModel vm = new MainViewModel(runner, dialogs, ProjectPersistence.STORE, settingsStore, settings);
        MainWindow window = new MainWindow(stage, vm, () -> {
            stage.hide();
            Platform.exit();
        });
        window.showFillingScreen();
        startupProject.ifPresent(p -> vm.project().load(p));
    }

    @Override
    public void stop() {
        if (runner != null) runner.shutdown();
    }
}
