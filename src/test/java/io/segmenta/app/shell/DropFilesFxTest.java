package io.segmenta.app.shell;

import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.TestData;
import io.segmenta.app.project.AppSettings;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.task.FxTaskRunner;
import io.segmenta.core.util.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

/**
 * Files dropped on the main window, through a real drag-and-drop gesture rather than a synthetic event: a
 * label starts a platform drag whose dragboard carries the files, the robot's mouse moves it over the window
 * and releases it, and the window's own DRAG_OVER / DRAG_DROPPED handlers receive the toolkit's events
 * (Monocle headless). Only where the drag comes from differs from a file manager.
 */
@ExtendWith(ApplicationExtension.class)
class DropFilesFxTest {
    @TempDir Path dir;
    private FxTaskRunner runner;
    private MainViewModel vm;
    private Stage mainStage;
    private Label source;
    private final List<File> dragged = new ArrayList<>();
    /** The last DRAG_OVER the window saw; its acceptance is shared with the copy the window's handler got. */
    private volatile DragEvent lastDragOver;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        runner = new FxTaskRunner(2);
        vm = new MainViewModel(runner, new ScriptedDialogs(), ProjectPersistence.STORE, null, new AppSettings(List.of(), "light", "en"));
        new MainWindow(stage, vm, stage::hide);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        mainStage = stage;

        source = new Label("files to drag");
        source.setId("dragSource");
        source.setMinSize(200, 80);
        source.setOnDragDetected(e -> {
            Dragboard db = source.startDragAndDrop(TransferMode.COPY);
            ClipboardContent content = new ClipboardContent();
            content.putFiles(dragged);
            db.setContent(content);
            e.consume();
        });
        stage.getScene().addEventFilter(DragEvent.DRAG_OVER, e -> lastDragOver = e);
        // Monocle routes a platform drag only inside the window where it started, so the source sits in a
        // corner of the main window's scene, over the status bar, like a file manager beside it would
        ((StackPane) stage.getScene().getRoot()).getChildren().add(source);
        StackPane.setAlignment(source, Pos.BOTTOM_RIGHT);
        source.setMaxSize(200, 80);
    }

    @AfterEach
    void tearDown() {
        runner.shutdown();
    }

    private void dragOntoMainWindow(FxRobot robot) {
        robot.drag("#dragSource").dropTo(robot.point(mainStage));
        waitForFxEvents();
    }

    @Test
    void droppingACsvOpensTheImportWizardOnIt(FxRobot robot) throws Exception {
        dragged.add(TestData.writeCsv(dir, "customers.csv", TestData.CUSTOMERS_CSV).toFile());
        dragged.add(TestData.writeCsv(dir, "notes.docx", "not a table").toFile());
        dragOntoMainWindow(robot);
        waitFor(10, TimeUnit.SECONDS, () -> vm.importWizardProperty().get() != null);
        assertThat(vm.importWizardProperty().get().files()).as("only the CSV is taken")
                .containsExactly(dir.resolve("customers.csv"));
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#type-age").tryQuery().isPresent());
        assertThat(robot.lookup("#datasetNameField").queryTextInputControl().getText()).isEqualTo("customers");
        assertThat(lastDragOver.getAcceptedTransferMode()).as("the window accepted the files as a copy").isEqualTo(TransferMode.COPY);
    }

    @Test
    void droppingOnlyOtherFilesIsRefused(FxRobot robot) {
        dragged.add(TestData.writeCsv(dir, "photo.png", "png").toFile());
        dragOntoMainWindow(robot);
        assertThat(lastDragOver).as("the drag went over the window").isNotNull();
        assertThat(lastDragOver.isAccepted()).as("the window refused the files").isFalse();
        assertThat(vm.importWizardProperty().get()).isNull();
        assertThat(vm.project().getProject().datasets()).isEmpty();
    }
}
