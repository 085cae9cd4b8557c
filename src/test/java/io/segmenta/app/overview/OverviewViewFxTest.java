package io.segmenta.app.overview;

import eu.hansolo.tilesfx.Tile;
import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.TestData;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.SameThreadTaskRunner;
import io.segmenta.core.util.I18n;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

@ExtendWith(ApplicationExtension.class)
class OverviewViewFxTest {
    private OverviewView view;
    private ProjectViewModel project;
    private final java.util.List<String> opened = new java.util.ArrayList<>();

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        project = new ProjectViewModel(new SameThreadTaskRunner(), ProjectPersistence.STORE, new ScriptedDialogs(), n -> { });
        project.addDataset(TestData.entry("customers", 1000));
        project.addDataset(TestData.entry("orders", 5));
        view = new OverviewView(new OverviewViewModel(project.projectProperty()), project, () -> { }, opened::add, false);
        stage.setScene(new Scene(view.root(), 1300, 700));
        stage.show();
    }

    @Test
    void everyTileSkinRendersHeadless(FxRobot robot) {
        waitForFxEvents();
        for (Tile t : view.tiles()) {
            assertThat(t.getSkin()).as(t.getId()).isNotNull();
            WritableImage img = robot.interact(() -> t.snapshot(null, null)) == null ? null : snapshot(robot, t);
            assertThat(distinctColours(img)).as("pixels drawn in " + t.getId()).isGreaterThan(3);
        }
    }

    private static WritableImage snapshot(FxRobot robot, Tile t) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = t.snapshot(null, null));
        return out[0];
    }

    private static int distinctColours(WritableImage img) {
        PixelReader r = img.getPixelReader();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) colours.add(r.getArgb(x, y));
        }
        return colours.size();
    }

    @Test
    void tilesShowTheProjectFiguresFormattedForTheLocale(FxRobot robot) {
        assertThat(view.tiles().get(0).getValue()).isEqualTo(2);
        assertThat(view.tiles().get(1).getValue()).isEqualTo(1005);
        assertThat(robot.from(view.tiles().get(1)).lookup((Text t) -> "1,005".equals(t.getText())).tryQuery())
                .as("grouped row count").isPresent();
        assertThat(view.tiles().get(4).getDescription()).isEqualTo("orders");
        robot.interact(() -> project.removeDataset("orders"));
        assertThat(view.tiles().get(1).getValue()).isEqualTo(1000);
    }
}
