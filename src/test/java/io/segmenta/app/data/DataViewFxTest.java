package io.segmenta.app.data;

import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.TestData;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.SameThreadTaskRunner;
import io.segmenta.core.util.I18n;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

@ExtendWith(ApplicationExtension.class)
class DataViewFxTest {
    private static final int ROWS = 1_000_000;
    private DataView view;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        ProjectViewModel project = new ProjectViewModel(new SameThreadTaskRunner(), ProjectPersistence.STORE, new ScriptedDialogs(), n -> { });
        project.addDataset(TestData.entry("big", ROWS));
        view = new DataView(new DataViewModel(project), () -> { }, () -> { }, new SimpleBooleanProperty(false));
        stage.setScene(new Scene(view.root(), 1000, 700));
        stage.show();
    }

    @Test
    void aMillionRowsAreVirtualAndScrollQuickly(FxRobot robot) {
        assertThat(view.table().getItems()).isInstanceOf(RowIndexList.class).hasSize(ROWS);
        assertThat(robot.lookup("#datasetCounts").queryAs(Label.class).getText()).isEqualTo("1,000,000 rows · 3 columns");
        long t0 = System.nanoTime();
        for (int target : new int[]{250_000, 500_000, 999_990, 10}) {
            robot.interact(() -> view.table().scrollTo(target));
        }
        robot.interact(() -> view.table().scrollTo(ROWS - 1));
        waitForFxEvents();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).as("five jumps across a million rows").isLessThan(3000);
        assertThat(robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .anyMatch(c -> "1000000".equals(c.getText()))).as("last id rendered").isTrue();
        // a missing value shows a dash
        robot.interact(() -> view.table().scrollTo(0));
        waitForFxEvents();
        assertThat(robot.lookup(".missing-cell").tryQuery()).isPresent();
    }

    @Test
    void headersCarryTypeIconsAndDescriptions(FxRobot robot) {
        Label spend = robot.lookup("#header-spend").queryAs(Label.class);
        assertThat(spend.getGraphic()).isNotNull();
        assertThat(spend.getTooltip().getText()).startsWith("Total spend in euros").contains("Decimal number");
        Label id = robot.lookup("#header-id").queryAs(Label.class);
        assertThat(id.getTooltip().getText()).contains("Whole number");
    }
}
