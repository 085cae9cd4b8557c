package io.segmenta.app.segments;

import io.segmenta.app.SampleProject;
import atlantafx.base.theme.PrimerLight;
import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.FxTaskRunner;
import io.segmenta.app.task.SameThreadTaskRunner;
import io.segmenta.app.ui.Notice;
import io.segmenta.core.project.Project;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
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
 * The Segments section on the sample customers with the real background runner: tick a few features, run a
 * small sweep (k 2..5, 2 restarts), choose k by clicking its point on the elbow chart, create the segments
 * and see the profile table and the brief.
 */
@ExtendWith(ApplicationExtension.class)
class SegmentsViewFxTest {
    private static Project sample;
    private FxTaskRunner runner;
    private SegmentsViewModel vm;
    private SegmentsView view;
    private ProjectViewModel project;
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
        project = new ProjectViewModel(new SameThreadTaskRunner(), new ProjectPersistence() {
            @Override public Project open(Path f) { return sample; }

            @Override public void save(Project p, Path f, TaskContext ctx) { throw new UnsupportedOperationException(); }
        }, new ScriptedDialogs(), notices::add);
        project.load(Path.of("sample.segmenta"));
        vm = new SegmentsViewModel(runner, project, (n, f) -> Optional.empty(), notices::add);
        view = new SegmentsView(vm, false);
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        runner.shutdown();
    }

    @Test
    void runsASweepPicksKByClickingThePointThenFitsAndShowsProfilesAndBrief(FxRobot robot) throws Exception {
        waitFor(15, TimeUnit.SECONDS, () -> !vm.features().isEmpty());
        waitForFxEvents();
        // a categorical weight is shown both ways: set by the model (as a reopened segmentation does) and typed
        var cat = vm.features().stream().filter(f -> !f.numeric()).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Double> weight = robot.lookup("#weight-" + cat.column()).queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> cat.weightProperty().set(3.0));
        assertThat(weight.getValue()).isEqualTo(3.0);
        robot.interact(() -> weight.getValueFactory().setValue(2.0));
        assertThat(cat.weightProperty().get()).isEqualTo(2.0);
        robot.interact(() -> cat.weightProperty().set(1.0));
        for (String c : List.of("age", "monetary", "frequency")) robot.clickOn("#feature-" + c);
        robot.interact(() -> {
            vm.kMaxProperty().set(5);
            vm.restartsProperty().set(2);
        });
        waitFor(10, TimeUnit.SECONDS, () -> vm.rowsInfoProperty().get().contains("20,000 of 20,000"));
        assertThat(vm.feature("monetary").isSelected()).isTrue();
        assertThat(robot.lookup("#rowsInfo").queryAs(Label.class).getText()).contains("20,000");

        robot.clickOn("#runSweepButton");
        waitFor(30, TimeUnit.SECONDS, () -> vm.sweepProperty().get() != null && !vm.sweepingProperty().get());
        waitForFxEvents();
        assertThat(vm.sweepPoints()).hasSize(4);
        assertThat(robot.lookup("#adviceLabel").queryAs(Label.class).getText()).isNotBlank();

        int target = vm.chosenKProperty().get() == 4 ? 3 : 4;
        ElbowChart chart = view.elbowChart();
        Point2D local = chart.pointAt(target);
        assertThat(local).isNotNull();
        Point2D screen = chart.localToScreen(local);
        robot.clickOn(screen);
        waitForFxEvents();
        assertThat(vm.chosenKProperty().get()).as("clicking the point of k = " + target).isEqualTo(target);
        assertThat(robot.lookup("#fitButton").queryButton().getText()).contains(Integer.toString(target));

        robot.clickOn("#fitButton");
        waitFor(30, TimeUnit.SECONDS, () -> vm.profilesProperty().get() != null && !vm.fittingProperty().get());
        waitForFxEvents();
        assertThat(vm.segmentationProperty().get().k()).isEqualTo(target);
        TableView<?> table = robot.lookup("#profileTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3);
        assertThat(robot.lookup("#segmentName-1").tryQuery()).isPresent();
        assertThat(project.isDirty()).isTrue();

        robot.clickOn(robot.lookup(".tab").match(n -> n.lookup(".tab-label") instanceof Label l
                && l.getText().equals(I18n.tr("ui.segments.tab.brief"))).queryAs(javafx.scene.Node.class));
        waitForFxEvents();
        VBox brief = robot.lookup("#briefView").queryAs(VBox.class);
        assertThat(brief.getChildren()).hasSize(2 + target);
        String firstName = vm.names().get(0).getName();
        assertThat(robot.lookup("#briefView .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.contains(firstName));
    }
}
