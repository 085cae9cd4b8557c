package io.segmenta.app;

import io.segmenta.app.data.RowIndexList;
import io.segmenta.app.project.AppSettings;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.shell.MainViewModel;
import io.segmenta.app.shell.MainWindow;
import io.segmenta.app.task.FxTaskRunner;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.util.I18n;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
    @TempDir Path dir;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private FxTaskRunner runner;
    private MainViewModel vm;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        runner = new FxTaskRunner(2);
        vm = new MainViewModel(runner, dialogs, ProjectPersistence.STORE, null, new AppSettings(List.of(), "light", "en"));
        new MainWindow(stage, vm, stage::hide);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        runner.shutdown();
        I18n.setLocale(Locale.ENGLISH);
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> {
            for (Node x = n; x != null; x = x.getParent()) if (!x.isVisible()) return false;
            return true;
        }).orElse(false);
    }

    @Test
    void opensWithAnEmptyProjectAndShowsTheEmptyState(FxRobot robot) {
        assertThat(visible(robot, "#emptyState")).isTrue();
        assertThat(robot.lookup("No data yet").tryQuery()).isPresent();
        assertThat(robot.lookup("#emptyImportButton").queryButton().getText()).isEqualTo("Import a CSV…");
        assertThat(robot.lookup("#nav-overview").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-data").tryQuery()).isPresent();
        assertThat(robot.lookup("#statusBar").queryAs(StatusBar.class).getText()).isEqualTo("Ready");
        assertThat(((Stage) robot.window(0)).getTitle()).contains("Untitled project");
    }

    @Test
    void importsACsvThroughTheWizardWithAChangedType(FxRobot robot) throws Exception {
        Path csv = TestData.writeCsv(dir, "customers.csv", TestData.CUSTOMERS_CSV);
        dialogs.importAnswers.add(List.of(csv));
        robot.clickOn("#emptyImportButton");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#type-age").tryQuery().isPresent());
        ComboBox<?> ageType = robot.lookup("#type-age").queryComboBox();
        assertThat(ageType.getValue()).isEqualTo(ColumnType.INTEGER);
        robot.clickOn(ageType);
        robot.clickOn(robot.lookup((ListCell<?> c) -> "Decimal number".equals(c.getText())).queryAs(ListCell.class));
        waitForFxEvents();
        assertThat(ageType.getValue()).isEqualTo(ColumnType.DECIMAL);

        robot.clickOn("#importButton");
        waitFor(10, TimeUnit.SECONDS, () -> visible(robot, "#finishButton"));
        assertThat(robot.lookup("#reportRowsImported").queryAs(Label.class).getText()).isEqualTo("5");
        assertThat(vm.project().getProject().datasets()).as("not added before Finish").isEmpty();
        robot.clickOn("#finishButton");
        waitForFxEvents();

        assertThat(vm.project().getProject().datasets()).hasSize(1);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#dataTable").tryQuery().isPresent());
        assertThat(robot.lookup("#datasetTitle").queryAs(Label.class).getText()).isEqualTo("customers");
        assertThat(robot.lookup("#datasetCounts").queryAs(Label.class).getText()).isEqualTo("5 rows · 4 columns");
        TableView<?> table = robot.lookup("#dataTable").queryTableView();
        assertThat(table.getItems()).isInstanceOf(RowIndexList.class).hasSize(5);
        Label ageHeader = robot.lookup("#header-age").queryAs(Label.class);
        assertThat(((FontIcon) ageHeader.getGraphic()).getIconCode()).isEqualTo(MaterialDesignD.DECIMAL);
        assertThat(robot.lookup("120.50").tryQuery()).as("two decimals down the spend column, locale separators").isPresent();
        assertThat(robot.lookup("33.00").tryQuery()).isPresent();
        assertThat(((Stage) robot.window(0)).getTitle()).contains("unsaved");
    }

    @Test
    void statusBarShowsARunningTaskThatCanBeCancelled(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<TaskHandle<Object>> handle = new AtomicReference<>();
        robot.interact(() -> handle.set(runner.submit("Crunching numbers", ctx -> {
            started.countDown();
            ctx.progress(1, 2, "halfway");
            while (true) {
                ctx.checkCancelled();
                Thread.onSpinWait();
            }
        }, v -> { }, e -> { })));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#statusBar").queryAs(StatusBar.class).getText().contains("halfway"));
        assertThat(robot.lookup("#statusBar").queryAs(StatusBar.class).getText()).startsWith("Crunching numbers");
        assertThat(visible(robot, "#taskProgress")).isTrue();
        Button cancel = robot.lookup("#cancelTaskButton").queryButton();
        assertThat(cancel.isVisible()).isTrue();
        robot.clickOn(cancel);
        waitFor(5, TimeUnit.SECONDS, () -> handle.get().getState() == TaskHandle.State.CANCELLED);
        waitForFxEvents();
        assertThat(robot.lookup("#statusBar").queryAs(StatusBar.class).getText()).isEqualTo("Ready");
        assertThat(visible(robot, "#taskProgress")).isFalse();
    }

    @Test
    void switchingLanguageRebuildsTheUiInSpanishAndKeepsTheProject(FxRobot robot) {
        robot.interact(() -> vm.project().addDataset(TestData.entry("clientes", 12)));
        robot.clickOn("Language");
        robot.clickOn("Español");
        waitForFxEvents();
        assertThat(robot.lookup("Archivo").tryQuery()).isPresent();
        assertThat(robot.lookup("Resumen").tryQuery()).isPresent();
        assertThat(robot.lookup("#statusBar").queryAs(StatusBar.class).getText()).isEqualTo("Listo");
        assertThat(vm.project().getProject().datasets()).hasSize(1);
        assertThat(((Stage) robot.window(0)).getTitle()).contains("cambios sin guardar");
        robot.clickOn("#nav-data");
        assertThat(robot.lookup("#datasetCounts").queryAs(Label.class).getText()).isEqualTo("12 filas · 3 columnas");
    }
}
