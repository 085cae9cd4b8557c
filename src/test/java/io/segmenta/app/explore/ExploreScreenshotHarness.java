package io.segmenta.app.explore;

import io.segmenta.app.ui.FilterCondition;
import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.project.AppSettings;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.shell.MainViewModel;
import io.segmenta.app.shell.MainWindow;
import io.segmenta.app.shell.Section;
import io.segmenta.app.task.FxTaskRunner;
import io.segmenta.core.eda.RowFilter;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: opens the real main window on a project, in Explore, for screenshots. Run under
 * {@code xvfb-run} with the test class path and take the picture with ImageMagick's {@code import}:
 * <pre>
 * java -cp TEST_CLASSES:CLASSES:LIB/* io.segmenta.app.explore.ExploreScreenshotHarness sample-projects/sample.segmenta \
 *      customers profiles target=churned [filter=age>=30] [dark] [es]
 * </pre>
 * Arguments: the project file, the dataset, the tab ({@link ExploreTab} name, any case, dashes allowed),
 * then optionally {@code target=COLUMN}, {@code filter=EXPRESSION}, {@code by=COLUMN}, {@code colour=COLUMN},
 * {@code dark}, {@code es}. Settings are not read or written.
 */
public final class ExploreScreenshotHarness {
    private ExploreScreenshotHarness() { }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The harness application. */
    public static final class App extends Application {
        private FxTaskRunner runner;

        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            runner = new FxTaskRunner();
            MainViewModel vm = new MainViewModel(runner, new ScriptedDialogs(), ProjectPersistence.STORE, null,
                    new AppSettings(List.of(), args.contains("dark") ? "dark" : "light", args.contains("es") ? "es" : "en"));
            MainWindow window = new MainWindow(stage, vm, Platform::exit);
            window.showFillingScreen();
            ChangeListener<Object> onLoaded = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<?> o, Object a, Object b) {
                    vm.project().projectProperty().removeListener(this);
                    ExploreViewModel e = vm.explore();
                    e.selectedDatasetProperty().set(args.size() > 1 ? args.get(1) : "customers");
                    for (String arg : args) {
                        if (arg.startsWith("target=")) e.targetProperty().set(arg.substring(7));
                        if (arg.startsWith("by=")) e.targetByProperty().set(arg.substring(3));
                        if (arg.startsWith("colour=")) e.scatterColourProperty().set(arg.substring(7));
                        if (arg.startsWith("box=")) e.boxGroupByProperty().set(arg.substring(4));
                        if (arg.startsWith("hist=")) e.histColumnProperty().set(arg.substring(5));
                        if (arg.startsWith("filter=")) {
                            RowFilter.Condition c = RowFilter.Condition.parse(arg.substring(7));
                            FilterCondition fc = e.addCondition();
                            fc.columnProperty().set(c.column());
                            fc.operatorProperty().set(c.op());
                            fc.valueProperty().set(String.join(",", c.values()));
                        }
                    }
                    String tab = args.size() > 2 ? args.get(2) : "profiles";
                    e.tabProperty().set(ExploreTab.valueOf(tab.toUpperCase(Locale.ROOT).replace('-', '_')));
                    vm.selectedSectionProperty().set(Section.EXPLORE);
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
