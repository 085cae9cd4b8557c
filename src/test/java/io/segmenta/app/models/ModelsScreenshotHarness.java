package io.segmenta.app.models;

import static io.segmenta.app.HarnessSupport.later;
import static io.segmenta.app.HarnessSupport.shoot;

import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.project.AppSettings;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.shell.MainViewModel;
import io.segmenta.app.shell.MainWindow;
import io.segmenta.app.shell.Section;
import io.segmenta.app.task.FxTaskRunner;
import io.segmenta.core.model.Algorithm;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;

/**
 * Not a test: opens the main window on the sample project, trains churn models in the Models section and
 * takes a screenshot of a tab with ImageMagick's {@code import} (run under {@code xvfb-run}):
 * <pre>
 * java -cp TEST_CLASSES:CLASSES:LIB/* io.segmenta.app.models.ModelsScreenshotHarness sample-projects/sample.segmenta OUT.png [tab] [dark] [es] [mlp] [cv]
 * </pre>
 * {@code tab} is 0 (training) … 4 (scoring), 1 by default; {@code mlp} trains the network too and shows its settings; {@code cv} cross-validates with 3 folds.
 */
public final class ModelsScreenshotHarness {
    private ModelsScreenshotHarness() { }

    public static void main(String[] args) { Application.launch(App.class, args); }

    /** The harness application. */
    public static final class App extends Application {
        private FxTaskRunner runner;

        @Override
        public void start(Stage stage) {
            List<String> a = getParameters().getRaw();
            Path out = Path.of(a.get(1));
            int tab = a.size() > 2 && a.get(2).matches("\\d") ? Integer.parseInt(a.get(2)) : 1;
            runner = new FxTaskRunner();
            MainViewModel vm = new MainViewModel(runner, new ScriptedDialogs(), ProjectPersistence.STORE, null,
                    new AppSettings(List.of(), a.contains("dark") ? "dark" : "light", a.contains("es") ? "es" : "en"));
            MainWindow window = new MainWindow(stage, vm, Platform::exit);
            window.showFillingScreen();
            ModelsViewModel m = vm.models();
            boolean[] started = {false};
            vm.project().projectProperty().addListener((o, x, p) -> {
                if (started[0]) return;
                started[0] = true;
                vm.selectedSectionProperty().set(Section.MODELS);
                m.datasetProperty().set("customers");
                m.targetProperty().set("churned");
                boolean mlp = a.contains("mlp");
                for (Algorithm al : Algorithm.values()) {
                    m.algorithmProperty(al).set(al == Algorithm.LOGISTIC || al == Algorithm.GBM || mlp && al == Algorithm.MLP);
                }
                m.treesProperty().set(120);
                if (a.contains("cv")) m.cvFoldsProperty().set(3);
                later(4, () -> {
                    m.train();
                    m.trainingProperty().addListener((oo, was, now) -> {
                        if (!now) later(1, () -> {
                            Node tp = Window.getWindows().get(0).getScene().getRoot().lookup("#modelsView .tab-pane");
                            ((TabPane) tp).getSelectionModel().select(tab);
                            m.thresholdProperty().set(0.35);
                            if (mlp) {
                                Node setup = Window.getWindows().get(0).getScene().getRoot().lookup(".models-setup-scroll .scroll-pane");
                                if (setup instanceof javafx.scene.control.ScrollPane sp) sp.setVvalue(1);
                            }
                            later(6, () -> shoot(out));
                        });
                    });
                });
            });
            vm.project().load(Path.of(a.get(0)));
        }



        @Override
        public void stop() {
            if (runner != null) runner.shutdown();
        }
    }
}
