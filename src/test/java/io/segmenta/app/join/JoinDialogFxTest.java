package io.segmenta.app.join;

import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.TestData;
import io.segmenta.app.project.AppSettings;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.shell.MainViewModel;
import io.segmenta.app.shell.MainWindow;
import io.segmenta.app.task.FxTaskRunner;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.util.I18n;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

/** The join dialog driven by the mouse, from the Data page's join button to the new dataset on screen. */
@ExtendWith(ApplicationExtension.class)
class JoinDialogFxTest {
    private FxTaskRunner runner;
    private MainViewModel vm;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        runner = new FxTaskRunner(2);
        vm = new MainViewModel(runner, new ScriptedDialogs(), ProjectPersistence.STORE, null, new AppSettings(List.of(), "light", "en"));
        vm.project().addDataset(TestData.entry("customers", 12)); // id 1..12, spend, segment
        vm.project().addDataset(scores());
        new MainWindow(stage, vm, stage::hide);
        stage.show();
    }

    /** Scores for customers 1..8, keyed by "customer_id"; it shares only "segment" by name with customers. */
    private static DatasetEntry scores() {
        long[] ids = new long[8];
        double[] score = new double[8];
        String[] seg = new String[8];
        for (int i = 0; i < 8; i++) {
            ids[i] = i + 1;
            score[i] = 0.1 * (i + 1);
            seg[i] = "x";
        }
        Dataset d = new Dataset("scores", List.of(new LongColumn("customer_id", ids, new BitSet()),
                new DoubleColumn("score", score, new BitSet()), StringColumn.of("segment", true, seg)), Map.of());
        return new DatasetEntry(d, "import", null, List.of(), null, Instant.parse("2025-03-02T10:00:00Z"), null);
    }

    @AfterEach
    void tearDown() {
        runner.shutdown();
    }

    private static void choose(FxRobot robot, String comboQuery, String item) {
        ComboBox<?> combo = robot.lookup(comboQuery).queryComboBox();
        robot.clickOn(combo);
        robot.clickOn(robot.lookup((ListCell<?> c) -> item.equals(c.getText()) && c.isVisible()).queryAs(ListCell.class));
        waitForFxEvents();
        assertThat(combo.getValue()).as(comboQuery).isEqualTo(item);
    }

    @Test
    void joinsByClicksAndShowsTheMatchReportThenTheNewDataset(FxRobot robot) throws Exception {
        robot.clickOn("#nav-data");
        robot.clickOn("#joinButton");
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#joinLeft").tryQuery().isPresent());

        choose(robot, "#joinLeft", "customers");
        choose(robot, "#joinRight", "scores");
        // the dialog proposes the shared column "segment"; the real key is id = customer_id
        assertThat(robot.lookup("#joinKeyLeft-0").queryComboBox().getValue()).isEqualTo("segment");
        choose(robot, "#joinKeyLeft-0", "id");
        choose(robot, "#joinKeyRight-0", "customer_id");
        assertThat(robot.lookup("#joinResultName").queryTextInputControl().getText()).isEqualTo("customers_scores");
        assertThat(robot.lookup("#joinRunButton").queryButton().isDisabled()).isFalse();

        robot.clickOn("#joinRunButton");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#joinSummary").tryQuery().isPresent());
        String summary = robot.lookup("#joinSummary").queryAs(Label.class).getText();
        assertThat(summary).isEqualTo("66.7% of rows matched (8 of 12)");
        assertThat(robot.lookup("Rows without a match").tryQuery()).isPresent();
        assertThat(vm.project().getProject().datasets()).as("nothing added before the user confirms").hasSize(2);

        robot.clickOn("#joinAddButton");
        waitFor(5, TimeUnit.SECONDS, () -> vm.joinDialogProperty().get() == null);
        waitForFxEvents();
        assertThat(vm.project().getProject().datasets()).hasSize(3);
        assertThat(robot.lookup("#datasetTitle").queryAs(Label.class).getText()).isEqualTo("customers_scores");
        assertThat(robot.lookup("#datasetCounts").queryAs(Label.class).getText()).isEqualTo("12 rows · 5 columns");
        TableView<?> table = robot.lookup("#dataTable").queryTableView();
        assertThat(table.getItems()).hasSize(12);
        assertThat(robot.lookup("#header-score").tryQuery()).as("joined column shown").isPresent();
        robot.interact(() -> table.scrollToColumnIndex(table.getColumns().size() - 1));
        waitForFxEvents();
        assertThat(robot.lookup("0.8").tryQuery()).as("score of customer 8").isPresent();
        assertThat(robot.lookup(".missing-cell").tryQuery()).as("customers 9..12 have no score").isPresent();
    }
}
