package io.segmenta.app.models;

import io.segmenta.app.SampleProject;
import atlantafx.base.theme.PrimerLight;
import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.FxTaskRunner;
import io.segmenta.app.ui.Notice;
import io.segmenta.core.model.Algorithm;
import io.segmenta.core.model.HyperParameters;
import io.segmenta.core.project.Project;
import io.segmenta.core.util.I18n;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

/**
 * The Models section on the sample project with the real background runner: train a logistic churn model
 * on the customers (20,000 rows), then drag the threshold slider and see the confusion matrix change.
 */
@ExtendWith(ApplicationExtension.class)
class ModelsViewFxTest {
    private static Project sample;
    private FxTaskRunner runner;
    private ProjectViewModel project;
    private ModelsViewModel vm;
    private ModelsView view;
    private final List<Notice> notices = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void openSample() {
        sample = SampleProject.open();
    }

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        runner = new FxTaskRunner(2);
        project = new ProjectViewModel(runner, SampleProject.serving(sample), new ScriptedDialogs(), notices::add);
        ModelsDialogs none = new ModelsDialogs() {
            @Override public Optional<Path> chooseCsvToScore() { return Optional.empty(); }

            @Override public Optional<Path> chooseScoredCsvTarget(String s) { return Optional.empty(); }

            @Override public Optional<Path> chooseModelExportTarget(String s) { return Optional.empty(); }

            @Override public Optional<Path> chooseModelToImport() { return Optional.empty(); }
        };
        vm = new ModelsViewModel(runner, project, notices::add, none);
        view = new ModelsView(vm, false);
        stage.setScene(new Scene(view.root(), 1260, 780));
        stage.show();
        project.load(Path.of("sample.segmenta"));
    }

    @AfterEach
    void tearDown() {
        runner.shutdown();
    }

    @Test
    void trainsOnTheSampleAndTheThresholdSliderMovesTheConfusionMatrix(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> vm.getSetup() != null && !vm.inspectingProperty().get());
        robot.interact(() -> {
            vm.datasetProperty().set("customers");
            vm.targetProperty().set("churned");
        });
        waitFor(20, TimeUnit.SECONDS, () -> vm.getSetup() != null && "churned".equals(vm.getSetup().target().column())
                && !vm.inspectingProperty().get());
        assertThat(vm.getSetup().features()).doesNotContain("customer_id");
        // the early-stopping spinner edits the view model's patience
        @SuppressWarnings("unchecked")
        Spinner<Integer> stopping = robot.lookup("#earlyStoppingSpinner").queryAs(Spinner.class);
        assertThat(stopping.getValue()).isEqualTo(HyperParameters.DEFAULT_EARLY_STOPPING);
        robot.interact(() -> stopping.getValueFactory().setValue(40));
        assertThat(vm.earlyStoppingProperty().get()).isEqualTo(40);
        // the network's settings appear with the network, and say what the engine detects (found in the background)
        assertThat(robot.lookup("#networkSettings").query().isVisible()).isFalse();
        robot.clickOn("#algo-mlp");
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#engineInfo").queryAs(Label.class).getText().startsWith("PyTorch"));
        assertThat(robot.lookup("#networkSettings").query().isVisible()).isTrue();
        @SuppressWarnings("unchecked")
        Spinner<Integer> units = robot.lookup("#mlpUnitsSpinner").queryAs(Spinner.class);
        robot.interact(() -> units.getValueFactory().setValue(16));
        assertThat(vm.mlpUnitsProperty().get()).isEqualTo(16);
        robot.interact(() -> {
            for (Algorithm a : Algorithm.values()) vm.algorithmProperty(a).set(a == Algorithm.LOGISTIC);
        });
        assertThat(robot.lookup("#networkSettings").query().isVisible()).isFalse();
        robot.clickOn("#trainButton");
        waitFor(40, TimeUnit.SECONDS, () -> !vm.models().isEmpty() && !vm.isTraining());
        waitForFxEvents();
        assertThat(notices).extracting(Notice::kind).doesNotContain(Notice.Kind.ERROR);
        assertThat(vm.models().get(0).info().evaluation().classification().rocAuc()).isGreaterThan(0.75);
        assertThat(project.isDirty()).as(notices + " / " + vm.trainingStatusProperty().get() + " / " + sample.artifacts().size()).isTrue();

        robot.interact(() -> ((TabPane) robot.lookup(".tab-pane").query()).getSelectionModel().select(1));
        waitForFxEvents();
        Slider slider = robot.lookup("#thresholdSlider").queryAs(Slider.class);
        Label tp = robot.lookup("#cmTp").queryAs(Label.class);
        Label fp = robot.lookup("#cmFp").queryAs(Label.class);
        String tpBefore = tp.getText(), fpBefore = fp.getText();
        double before = slider.getValue();
        assertThat(before).isEqualTo(0.5);

        // drag the thumb to the left: a lower threshold contacts more customers
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb).moveBy(-slider.getWidth() * 0.3, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        waitForFxEvents();
        assertThat(slider.getValue()).isLessThan(before - 0.1);
        assertThat(vm.thresholdProperty().get()).isEqualTo(slider.getValue());
        assertThat(Long.parseLong(fp.getText().replaceAll("\\D", ""))).isGreaterThan(Long.parseLong(fpBefore.replaceAll("\\D", "")));
        assertThat(Long.parseLong(tp.getText().replaceAll("\\D", ""))).isGreaterThanOrEqualTo(Long.parseLong(tpBefore.replaceAll("\\D", "")));
        var c = vm.getConfusion();
        assertThat(tp.getText().replaceAll("\\D", "")).isEqualTo(Long.toString(c.tp()));

        double dragged = slider.getValue();
        robot.clickOn("#bestProfitButton");
        waitForFxEvents();
        assertThat(slider.getValue()).isNotEqualTo(dragged);
        assertThat(robot.lookup("#profitValue").queryAs(Label.class).getText()).isNotEqualTo("–");
    }
}
