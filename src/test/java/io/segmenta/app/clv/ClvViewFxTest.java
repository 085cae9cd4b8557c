package io.segmenta.app.clv;

import io.segmenta.app.SampleProject;
import atlantafx.base.theme.PrimerLight;
import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.FxTaskRunner;
import io.segmenta.app.ui.Notice;
import io.segmenta.core.clv.Rfm;
import io.segmenta.core.project.Project;
import io.segmenta.core.util.I18n;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * The Customer value section on the sample project with the real background runner: press Run, then see the
 * parameters, the calibration-vs-holdout chart and the RFM segments.
 */
@ExtendWith(ApplicationExtension.class)
class ClvViewFxTest {
    private static Project sample;
    private FxTaskRunner runner;
    private ProjectViewModel project;
    private ClvViewModel vm;
    private ClvView view;
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
        vm = new ClvViewModel(runner, project, notices::add, name -> Optional.empty());
        view = new ClvView(vm, false);
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        runner.shutdown();
    }

    @Test
    void runsOnTheSampleAndShowsParametersCalibrationChartAndRfmSegments(FxRobot robot) throws Exception {
        robot.interact(() -> project.load(Path.of("sample.segmenta")));
        waitFor(20, TimeUnit.SECONDS, () -> vm.holdoutEndProperty().get() != null && vm.canRunBinding().get());
        assertThat(robot.lookup("#clvCustomerColumn").queryComboBox().getValue()).isEqualTo("customer_id");

        robot.clickOn("#clvRunButton");
        waitFor(30, TimeUnit.SECONDS, () -> vm.result() != null);
        waitForFxEvents();
        assertThat(vm.runErrorProperty().get()).isNull();

        robot.clickOn("#clvTabModel");
        TableView<?> params = robot.lookup("#clvParametersTable").queryTableView();
        assertThat(params.getItems()).hasSize(7);
        assertThat(robot.lookup("#clvFitSummary").queryAs(Label.class).getText()).contains("log-likelihood");

        robot.clickOn("#clvTabValidation");
        waitForFxEvents();
        LineChart<?, ?> chart = robot.lookup("#clvCalibrationChart").queryAs(LineChart.class);
        assertThat(chart.getData()).hasSize(2);
        assertThat(chart.getData().get(0).getData()).isNotEmpty();
        assertThat(chart.isVisible()).isTrue();
        assertThat(robot.lookup("#clvHoldoutSentence").queryAs(Label.class).getText()).contains("accurate");
        assertThat(robot.lookup("#clvMae").queryAs(Label.class).getText()).doesNotContain("NaN").isNotBlank();
        assertThat(robot.lookup("#clvExpectedHeatmap").queryAs(FrequencyRecencyHeatmap.class).values()).isNotNull();

        robot.clickOn("#clvTabSegments");
        TableView<?> rfm = robot.lookup("#clvSegmentsTable").queryTableView();
        assertThat(rfm.getItems()).extracting(x -> ((Rfm.Segment) x).name()).contains("Champions");
        assertThat(robot.lookup("#clvRulesTable").queryTableView().getItems()).hasSize(Rfm.defaultRules().size());
    }
}
