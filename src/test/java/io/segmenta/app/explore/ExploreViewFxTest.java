package io.segmenta.app.explore;

import io.segmenta.app.SampleProject;
import atlantafx.base.theme.PrimerLight;
import io.segmenta.app.TestData;
import io.segmenta.app.task.FxTaskRunner;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.app.task.TaskRunner;
import io.segmenta.app.ui.Notice;
import io.segmenta.core.eda.ColumnProfile;
import io.segmenta.core.eda.Flag;
import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.project.Project;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

/**
 * Explore on the sample project's customers (20,000 rows), with the real background runner and debounce:
 * the profile table with its flags, every chart showing data, the filter editor, PNG export and CSV copy.
 */
@ExtendWith(ApplicationExtension.class)
class ExploreViewFxTest {
    private static Project sample;
    @TempDir Path dir;
    private FxTaskRunner runner;
    private CountingRunner counting;
    private ExploreViewModel vm;
    private ExploreView view;
    private final List<Notice> notices = new CopyOnWriteArrayList<>();
    private final List<String> copied = new CopyOnWriteArrayList<>();
    private Path pngTarget;

    @BeforeAll
    static void openSample() {
        sample = SampleProject.open();
    }

    /** Counts the computations per task title (tells debounced bursts apart from one request each). */
    static final class CountingRunner implements TaskRunner {
        final TaskRunner inner;
        final List<String> titles = new CopyOnWriteArrayList<>();

        CountingRunner(TaskRunner inner) { this.inner = inner; }

        @Override
        public <T> TaskHandle<T> submit(String title, Function<TaskContext, T> work, Consumer<? super T> ok,
                                        Consumer<? super Throwable> err, Runnable cancelled) {
            titles.add(title);
            return inner.submit(title, work, ok, err, cancelled);
        }

        long count(String key) { return titles.stream().filter(I18n.tr(key)::equals).count(); }

        @Override public ObservableList<TaskHandle<?>> running() { return inner.running(); }

        @Override public void shutdown() { inner.shutdown(); }
    }

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        runner = new FxTaskRunner(2);
        counting = new CountingRunner(runner);
        vm = new ExploreViewModel(counting, new SimpleObjectProperty<>(sample), notices::add);
        vm.selectedDatasetProperty().set("customers");
        view = new ExploreView(vm, false, new ExploreView.ExportIo() {
            @Override public Optional<Path> choosePng(Window owner, String suggestedName) {
                return Optional.ofNullable(pngTarget == null ? null : pngTarget);
            }

            @Override public void copyText(String text) { copied.add(text); }
        });
        stage.setScene(new Scene(view.root(), 1260, 760));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        runner.shutdown();
    }

    private void waitUntilShown(ExploreTab t) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> vm.upToDate(t) && !vm.busyProperty(t).get() && vm.result(t) != null);
        waitForFxEvents();
    }

    /** Clicks the header of a tab, as a user does. */
    private static void clickTab(FxRobot robot, ExploreTab t) {
        List<Node> headers = new ArrayList<>(robot.lookup("#exploreTabs .tab-header-area .tab").queryAll());
        headers.sort(java.util.Comparator.comparingDouble(n -> n.localToScene(0, 0).getX()));
        robot.clickOn(headers.get(t.ordinal()));
    }

    @Test
    void profilesEveryColumnWithFlagsAndSwitchesBetweenChartsThatAllShowData(FxRobot robot) throws Exception {
        waitUntilShown(ExploreTab.PROFILES);
        @SuppressWarnings("unchecked")
        TableView<ColumnProfile> table = robot.lookup("#profileTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(16);
        assertThat(table.getColumns()).hasSize(19);
        assertThat(robot.lookup("#exploreKept").queryLabeled().getText()).isEqualTo("All 20,000 rows");
        ColumnProfile id = table.getItems().get(0);
        assertThat(id.name()).isEqualTo("customer_id");
        assertThat(id.hasFlag(Flag.Kind.ID_LIKE)).isTrue();
        Label chip = robot.lookup(".flag-chip.flag-id-like").queryAs(Label.class);
        assertThat(chip.getText()).isEqualTo("ID");
        assertThat(chip.getTooltip().getText()).isEqualTo(id.flags().get(0).message());
        assertThat(robot.lookup(".flag-chip.flag-skewed").tryQuery()).as("monetary and spend are skewed").isPresent();

        // choosing a target profiles again; the target view then shows churn by group
        ComboBox<?> target = robot.lookup("#exploreTarget").queryAs(ComboBox.class);
        robot.interact(() -> ((ComboBox<String>) (ComboBox<?>) target).setValue("churned"));
        waitFor(20, TimeUnit.SECONDS, () -> vm.profileProperty().get() != null && vm.profileProperty().get().target() != null);
        waitUntilShown(ExploreTab.PROFILES);
        assertThat(robot.lookup("#profileSummary").queryLabeled().getText()).contains("target churned");

        String[] tabs = {"Histogram", "Box plot", "Bar chart", "Scatter", "Correlation", "Target", "Missing values"};
        ExploreTab[] kinds = {ExploreTab.HISTOGRAM, ExploreTab.BOX_PLOT, ExploreTab.BAR_CHART, ExploreTab.SCATTER,
            ExploreTab.CORRELATION, ExploreTab.TARGET, ExploreTab.MISSING};
        for (int i = 0; i < tabs.length; i++) {
            ExploreTab t = kinds[i];
            clickTab(robot, t);
            assertThat(vm.tabProperty().get()).isEqualTo(t);
            waitUntilShown(t);
            ChartCanvas chart = view.chart(t);
            assertThat(chart.hasData()).as(tabs[i] + " has data").isTrue();
            assertThat(chart.getWidth()).as(tabs[i] + " laid out").isGreaterThan(300);
            String caption = robot.lookup("#caption-" + t.name().toLowerCase(Locale.ROOT).replace('_', '-')).queryLabeled().getText();
            assertThat(caption).as(tabs[i] + " caption").isNotBlank().doesNotContain("!ui.");
        }
        // the charts say what they show
        assertThat(robot.lookup("#caption-histogram").queryLabeled().getText()).startsWith("Freedman–Diaconis: ");
        assertThat(robot.lookup("#caption-scatter").queryLabeled().getText()).matches("[0-9,]+ points( · .*)?");
        assertThat(robot.lookup("#caption-target").queryLabeled().getText()).startsWith("Share of churned = 1: ");
        // values on hover in the heatmap, strongest pairs listed
        HeatmapChart heat = (HeatmapChart) view.chart(ExploreTab.CORRELATION);
        double[] c = heat.cellCentre(0, 1);
        String hover = heat.hoverTextAt(c[0], c[1]);
        assertThat(hover).contains("Pearson r = ").contains("Spearman ρ = ").contains("n = ");
        assertThat(robot.lookup("#strongestPairs").queryAs(javafx.scene.layout.VBox.class).getChildren()).hasSize(10);
        clickTab(robot, ExploreTab.CORRELATION);
        robot.clickOn("#corrSpearman");
        waitFor(20, TimeUnit.SECONDS, () -> vm.correlationProperty().get() != null
                && vm.correlationProperty().get().options().rankBy() == io.segmenta.core.eda.CorrelationMatrix.Method.SPEARMAN);
        HistogramChart hist = (HistogramChart) view.chart(ExploreTab.HISTOGRAM);
        assertThat(hist.hoverTextAt(hist.getWidth() / 2, hist.getHeight() / 2)).matches("(?s)\\[.*\\)\\n[0-9,]+ rows \\(.*\\)");
    }

    @Test
    void theFilterEditorNarrowsEveryViewAndSaysHowManyRowsItKeeps(FxRobot robot) throws Exception {
        waitUntilShown(ExploreTab.PROFILES);
        robot.clickOn("#exploreAddCondition");
        waitForFxEvents();
        Node row = robot.lookup(".filter-row").query();
        ComboBox<String> column = robot.from(row).lookup(".combo-box").nth(0).queryAs(ComboBox.class);
        ComboBox<RowFilter.Operator> op = robot.from(row).lookup(".combo-box").nth(1).queryAs(ComboBox.class);
        robot.interact(() -> {
            column.setValue("channel");
            op.setValue(RowFilter.Operator.EQ);
        });
        robot.clickOn(robot.from(row).lookup(".text-field").queryAs(TextField.class)).write("email");
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#exploreKept").queryLabeled().getText().startsWith("Keeps "));
        waitUntilShown(ExploreTab.PROFILES);
        int kept = vm.keptRowsProperty().get();
        assertThat(kept).isBetween(1000, 19_000);
        assertThat(robot.lookup("#exploreKept").queryLabeled().getText())
                .startsWith("Keeps " + String.format(Locale.US, "%,d", kept) + " of 20,000 rows (");
        assertThat(vm.profileProperty().get().rowsKept()).isEqualTo(kept);
        clickTab(robot, ExploreTab.BAR_CHART);
        waitUntilShown(ExploreTab.BAR_CHART);
        robot.interact(() -> vm.barColumnProperty().set("channel"));
        waitUntilShown(ExploreTab.BAR_CHART);
        assertThat(vm.barChartProperty().get().bars()).extracting(b -> b.label()).containsExactly("email");
        assertThat(vm.barChartProperty().get().rowsKept()).isEqualTo(kept);
        clickTab(robot, ExploreTab.MISSING);
        waitUntilShown(ExploreTab.MISSING);
        assertThat(vm.missingProperty().get().rowsKept()).isEqualTo(kept);
    }

    @Test
    void rapidChangesComputeOnceAndTheFxThreadStaysFree(FxRobot robot) throws Exception {
        waitUntilShown(ExploreTab.PROFILES);
        clickTab(robot, ExploreTab.HISTOGRAM);
        waitUntilShown(ExploreTab.HISTOGRAM);
        long before = counting.count("ui.explore.task.histogram");
        robot.interact(() -> vm.histAutoBinsProperty().set(false));
        robot.interact(() -> {
            for (int b = 5; b <= 45; b += 5) vm.histBinsProperty().set(b); // a spinner held down
        });
        waitUntilShown(ExploreTab.HISTOGRAM);
        assertThat(counting.count("ui.explore.task.histogram") - before).as("a burst of changes is computed once").isLessThanOrEqualTo(2);
        assertThat(vm.histogramProperty().get().bins()).isEqualTo(45);

        // a million rows: the profile runs on a worker, the FX thread keeps answering
        SimpleObjectProperty<Project> bigProject = new SimpleObjectProperty<>(Project.empty().withDataset(TestData.entry("big", 1_000_000)));
        ExploreViewModel[] bigVm = new ExploreViewModel[1];
        robot.interact(() -> {
            bigVm[0] = new ExploreViewModel(runner, bigProject, n -> { });
            new ExploreView(bigVm[0], false);
        });
        long worst = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(bigVm[0].upToDate(ExploreTab.PROFILES) && bigVm[0].profileProperty().get() != null) && System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            java.util.concurrent.CountDownLatch ping = new java.util.concurrent.CountDownLatch(1);
            Platform.runLater(ping::countDown);
            ping.await(5, TimeUnit.SECONDS);
            worst = Math.max(worst, (System.nanoTime() - t0) / 1_000_000);
            Thread.sleep(20);
        }
        assertThat(bigVm[0].profileProperty().get()).as("profiled a million rows").isNotNull();
        assertThat(bigVm[0].profileProperty().get().rowsKept()).isEqualTo(1_000_000);
        assertThat(worst).as("longest wait for the FX thread while profiling (ms)").isLessThan(500);
    }

    @Test
    void savesThePictureOfAChartAsPngAndCopiesItsDataAsCsv(FxRobot robot) throws Exception {
        waitUntilShown(ExploreTab.PROFILES);
        clickTab(robot, ExploreTab.BOX_PLOT);
        waitUntilShown(ExploreTab.BOX_PLOT);
        pngTarget = dir.resolve("box.png");
        robot.clickOn("#savePng-box-plot");
        waitFor(20, TimeUnit.SECONDS, () -> Files.isRegularFile(pngTarget));
        byte[] bytes = Files.readAllBytes(pngTarget);
        assertThat(bytes.length).isGreaterThan(2000);
        assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        BufferedImage img = ImageIO.read(pngTarget.toFile());
        assertThat(img.getWidth()).isGreaterThan(600);
        assertThat(img.getHeight()).isGreaterThan(300);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < img.getWidth(); x += 3) for (int y = 0; y < img.getHeight(); y += 3) colours.add(img.getRGB(x, y));
        assertThat(colours.size()).as("a drawn chart, not a blank picture").isGreaterThan(20);
        waitFor(5, TimeUnit.SECONDS, () -> notices.stream().anyMatch(n -> n.message().equals("Saved box.png.")));

        robot.clickOn("#copyCsv-box-plot");
        assertThat(copied).hasSize(1);
        assertThat(copied.get(0)).startsWith("group,count,min,lower_whisker,q1,median,q3,upper_whisker,max,mean,outliers\r\n");
        assertThat(copied.get(0)).isEqualTo(vm.boxPlotProperty().get().toCsv());

        // the application's own clipboard route
        robot.interact(() -> ExploreView.ExportIo.fx().copyText("a,b\r\n1,2\r\n"));
        String[] read = new String[1];
        robot.interact(() -> read[0] = Clipboard.getSystemClipboard().getString());
        assertThat(read[0]).isEqualTo("a,b\r\n1,2\r\n");
    }
}
