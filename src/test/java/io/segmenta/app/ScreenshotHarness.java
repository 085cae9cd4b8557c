package io.segmenta.app;

import io.segmenta.app.project.AppSettings;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.shell.MainViewModel;
import io.segmenta.app.shell.MainWindow;
import io.segmenta.app.shell.Section;
import io.segmenta.app.task.FxTaskRunner;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/**
 * Not a test: opens the real main window on a project for screenshots of the documentation, with the file
 * choice of the import wizard scripted (a native file chooser cannot be driven from a script). Run it under
 * {@code xvfb-run} with the test class path and take the picture with ImageMagick's {@code import}:
 * <pre>
 * java -cp TEST_CLASSES:CLASSES:LIB/* io.segmenta.app.ScreenshotHarness sample-projects/sample.segmenta import=sample-projects/data/customers.csv
 * </pre>
 * Arguments: the project file, then {@code overview}, {@code data[=DATASET]} or {@code import=CSV}, and
 * optionally {@code dark} and/or {@code es}. Settings are not read or written.
 */
public final class ScreenshotHarness {
    private ScreenshotHarness() { }

    /** Kept apart from {@link App} so that JavaFX can be loaded from the class path. */
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The harness application. */
    public static final class App extends Application {
    private FxTaskRunner runner;

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        if (args.isEmpty()) throw new IllegalArgumentException("usage: PROJECT [overview|data[=DATASET]|import=CSV] [dark] [es]");
        String mode = args.size() > 1 ? args.get(1) : "overview";
        runner = new FxTaskRunner();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        MainViewModel vm = new MainViewModel(runner, dialogs, ProjectPersistence.STORE, null,
                new AppSettings(List.of(), args.contains("dark") ? "dark" : "light", args.contains("es") ? "es" : "en"));
        MainWindow window = new MainWindow(stage, vm, Platform::exit);
        window.showFillingScreen();
        ChangeListener<Object> onLoaded = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<?> o, Object a, Object b) {
                vm.project().projectProperty().removeListener(this);
                if (mode.startsWith("data")) {
                    if (mode.startsWith("data=")) vm.data().select(mode.substring(5));
                    vm.selectedSectionProperty().set(Section.DATA);
                } else if (mode.startsWith("import=")) {
                    dialogs.importAnswers.add(List.of(Path.of(mode.substring(7))));
                    vm.importCsv();
                }
            }
        };
        vm.project().projectProperty().addListener(onLoaded);
        vm.project().load(Path.of(args.get(0)));
    }

    @Override
    public void stop() {
        if (runner != null) runner.shutdown();
    }
    }
}
