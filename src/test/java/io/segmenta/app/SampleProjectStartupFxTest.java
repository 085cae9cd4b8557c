package io.segmenta.app;

import eu.hansolo.tilesfx.Tile;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.util.I18n;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

/**
 * The README's run command, headless: the real {@link SegmentaFxApplication} started with the argument
 * {@code sample-projects/sample.segmenta} (init reads settings and the arguments through {@link StartupArgs},
 * start builds the window and opens the project in the background), then the Overview as a user sees it.
 * Settings are read from and written to a temporary home folder, never the developer's.
 */
class SampleProjectStartupFxTest {
    @TempDir Path home;
    private String realHome;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void setUp() throws Exception {
        assertThat(Files.isRegularFile(StartupArgs.SAMPLE)).as("run from the repository root").isTrue();
        I18n.setLocale(Locale.ENGLISH);
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SegmentaFxApplication.class, StartupArgs.SAMPLE.toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.setProperty("user.home", realHome);
    }

    @Test
    void opensTheSampleProjectOnTheOverviewWithItsFigures() throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#tileDatasets").tryQuery()
                .map(t -> ((Tile) t).getValue() == 5).orElse(false));
        waitForFxEvents();
        Stage stage = (Stage) robot.window(0);
        assertThat(stage.getTitle()).isEqualTo("Segmenta — sample");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(stage.getWidth()).as("the window fills the screen").isEqualTo(screen.getWidth());
        assertThat(stage.getHeight()).isEqualTo(screen.getHeight());

        Tile datasets = robot.lookup("#tileDatasets").queryAs(Tile.class);
        Tile rows = robot.lookup("#tileRows").queryAs(Tile.class);
        assertThat(rows.getValue()).isEqualTo(20_000 + 191_694 + 52 + 20_000 + 45_211);
        assertThat(robot.from(datasets).lookup((Text t) -> "5".equals(t.getText())).tryQuery()).as("5 drawn").isPresent();
        assertThat(robot.from(rows).lookup((Text t) -> "276,957".equals(t.getText())).tryQuery()).isPresent();
        assertThat(robot.lookup("#tileLastImport").queryAs(Tile.class).getDescription()).isEqualTo("bank");

        @SuppressWarnings("unchecked")
        TableView<DatasetEntry> table = robot.lookup("#overviewDatasets").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(DatasetEntry::name)
                .containsExactly("customers", "transactions", "provinces", "customers_enriched", "bank");
        List<String> firstRow = robot.from(table).lookup(".table-row-cell").queryAll().stream()
                .filter(r -> ((javafx.scene.control.TableRow<?>) r).getIndex() == 0).findFirst().orElseThrow()
                .lookupAll(".table-cell").stream().map(c -> ((TableCell<?, ?>) c).getText()).toList();
        assertThat(firstRow).as("customers: 20,000 customers, 16 columns, imported")
                .containsSubsequence("customers", "20,000", "16", "Imported CSV");

        // double-clicking a dataset opens it on the Data page
        javafx.scene.Node enriched = robot.from(table).lookup("customers_enriched").query();
        robot.doubleClickOn(enriched);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#datasetTitle").tryQuery().isPresent());
        assertThat(robot.lookup("#datasetTitle").queryLabeled().getText()).isEqualTo("customers_enriched");
        assertThat(robot.lookup("#datasetCounts").queryLabeled().getText()).isEqualTo("20,000 rows · 21 columns");
    }
}
