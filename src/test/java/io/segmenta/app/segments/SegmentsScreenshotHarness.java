package io.segmenta.app.segments;

import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.project.AppSettings;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.shell.MainViewModel;
import io.segmenta.app.shell.MainWindow;
import io.segmenta.app.shell.Section;
import io.segmenta.app.task.FxTaskRunner;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/**
 * Not a test: opens the real main window on a project in Segments, ticks features, runs a sweep, fits k and
 * shows a result tab, for screenshots under {@code xvfb-run} (take the picture with ImageMagick's
 * {@code import -window root}):
 * <pre>
 * java -cp TEST_CLASSES:CLASSES:LIB/* io.segmenta.app.segments.SegmentsScreenshotHarness sample-projects/sample.segmenta \
 *      features=age,monetary,frequency,open_rate,channel k=4 kmax=8 tab=0 [dark] [es]
 * </pre>
 */
public final class SegmentsScreenshotHarness {
    private SegmentsScreenshotHarness() { }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The harness application. */
    public static final class App extends Application {
        private FxTaskRunner runner;

        private static String arg(List<String> args, String name, String dflt) {
            return args.stream().filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1)).findFirst().orElse(dflt);
        }

        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            runner = new FxTaskRunner();
            MainViewModel vm = new MainViewModel(runner, new ScriptedDialogs(), ProjectPersistence.STORE, null,
                    new AppSettings(List.of(), args.contains("dark") ? "dark" : "light", args.contains("es") ? "es" : "en"));
            MainWindow window = new MainWindow(stage, vm, Platform::exit);
            window.showFillingScreen();
            SegmentsViewModel s = vm.segments();
            int k = Integer.parseInt(arg(args, "k", "4"));
            int tab = Integer.parseInt(arg(args, "tab", "0"));
            vm.project().projectProperty().addListener(new ChangeListener<io.segmenta.core.project.Project>() {
                @Override public void changed(ObservableValue<? extends io.segmenta.core.project.Project> o, io.segmenta.core.project.Project a, io.segmenta.core.project.Project b) {
                    vm.project().projectProperty().removeListener(this);
                    vm.selectedSectionProperty().set(Section.SEGMENTS);
                    Platform.runLater(() -> afterColumns(s, args, k, tab, stage));
                }
            });
            vm.project().load(Path.of(args.get(0)));
        }

        private void afterColumns(SegmentsViewModel s, List<String> args, int k, int tab, Stage stage) {
            if (s.features().isEmpty()) {
                Platform.runLater(() -> afterColumns(s, args, k, tab, stage));
                return;
            }
            if (s.segmentationProperty().get() != null || args.contains("nofit")) return;
            for (String f : arg(args, "features", "age,monetary,frequency,open_rate").split(",")) {
                FeatureRow row = s.feature(f);
                if (row != null) row.setSelected(true);
            }
            s.kMaxProperty().set(Integer.parseInt(arg(args, "kmax", "8")));
            s.restartsProperty().set(Integer.parseInt(arg(args, "restarts", "4")));
            s.runSweep();
            s.sweepProperty().addListener(new ChangeListener<io.segmenta.core.segment.SweepResult>() {
                @Override public void changed(ObservableValue<? extends io.segmenta.core.segment.SweepResult> o, io.segmenta.core.segment.SweepResult a, io.segmenta.core.segment.SweepResult b) {
                    if (b == null) return;
                    s.sweepProperty().removeListener(this);
                    // after the view model has picked the suggested k for this sweep, or it would override k=
                    Platform.runLater(() -> fitK(s, args, k, tab, stage));
                }
            });
        }

        private void fitK(SegmentsViewModel s, List<String> args, int k, int tab, Stage stage) {
            s.chooseK(k);
            if (args.contains("nofit")) return;
            s.fit();
            s.profilesProperty().addListener((oo, x, p) -> {
                if (p == null) return;
                Platform.runLater(() -> {
                    TabPane tabs = (TabPane) stage.getScene().lookup("#resultsTabs");
                    if (tabs != null) tabs.getSelectionModel().select(tab);
                    if (args.contains("box")) {
                        var t = stage.getScene().lookup("#boxToggle");
                        if (t instanceof javafx.scene.control.ToggleButton b2) b2.fire();
                    }
                    if (args.contains("pca")) {
                        var t = stage.getScene().lookup("#pcaToggle");
                        if (t instanceof javafx.scene.control.ToggleButton b2) b2.fire();
                    }
                });
            });
        }

        @Override
        public void stop() {
            if (runner != null) runner.shutdown();
        }
    }
}
