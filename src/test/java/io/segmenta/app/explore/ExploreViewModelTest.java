package io.segmenta.app.explore;

import io.segmenta.app.ui.FilterCondition;
import io.segmenta.app.task.SameThreadTaskRunner;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.app.task.TaskRunner;
import io.segmenta.app.ui.Notice;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.eda.BarChart;
import io.segmenta.core.eda.BoxPlot;
import io.segmenta.core.eda.CorrelationMatrix;
import io.segmenta.core.eda.DatasetProfile;
import io.segmenta.core.eda.Flag;
import io.segmenta.core.eda.Histogram;
import io.segmenta.core.eda.MissingOverview;
import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.eda.Scatter;
import io.segmenta.core.eda.TargetRate;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The Explore view model with work run in the calling thread (no FX toolkit, no waiting). */
class ExploreViewModelTest {
    private static final int N = 400;
    private final List<Notice> notices = new ArrayList<>();
    private SimpleObjectProperty<Project> project;

    /**
     * 400 customers: id, age 20..59, spend (every 10th missing), segment gold/silver/bronze by id % 3, churned
     * yes for 1 in 4, and "cancel_flag" which gives churn away (leakage).
     */
    static Dataset customers() {
        long[] id = new long[N], age = new long[N];
        double[] spend = new double[N], cancel = new double[N];
        String[] segment = new String[N], churned = new String[N];
        BitSet missingSpend = new BitSet();
        for (int i = 0; i < N; i++) {
            id[i] = i + 1;
            age[i] = 20 + i % 40;
            spend[i] = Math.exp((i % 50) / 10.0);
            if (i % 10 == 0) missingSpend.set(i);
            segment[i] = switch (i % 3) { case 0 -> "gold"; case 1 -> "silver"; default -> "bronze"; };
            churned[i] = i % 4 == 0 ? "yes" : "no";
            cancel[i] = i % 4 == 0 ? 1 + (i % 7) : (i % 5) * 0.1;
        }
        return new Dataset("customers", List.of(new LongColumn("id", id, new BitSet()).withIdLike(true),
                new LongColumn("age", age, new BitSet()), new DoubleColumn("spend", spend, missingSpend),
                StringColumn.of("segment", true, segment), StringColumn.of("churned", true, churned),
                new DoubleColumn("cancel_flag", cancel, new BitSet())));
    }

    static Project projectOf(Dataset... ds) {
        Project p = Project.empty();
        for (Dataset d : ds) p = p.withDataset(new DatasetEntry(d, "test", null, List.of(), null, Instant.EPOCH, null));
        return p;
    }

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        project = new SimpleObjectProperty<>(projectOf(customers()));
    }

    private ExploreViewModel vm(TaskRunner runner) {
        return new ExploreViewModel(runner, project, notices::add, Duration.ZERO);
    }

    private static int rowsKept(Object result) {
        return switch (result) {
            case DatasetProfile p -> p.rowsKept();
            case Histogram h -> h.rowsKept();
            case BoxPlot b -> b.rowsKept();
            case BarChart b -> b.rowsKept();
            case Scatter s -> s.rowsKept();
            case CorrelationMatrix m -> m.rowsKept();
            case TargetRate t -> t.rowsKept();
            case MissingOverview m -> m.rowsKept();
            default -> throw new AssertionError(result);
        };
    }

    @Test
    void opensTheFirstDatasetWithSensibleDefaultsAndProfilesIt() {
        SameThreadTaskRunner runner = new SameThreadTaskRunner();
        ExploreViewModel vm = vm(runner);
        assertThat(vm.selectedDatasetProperty().get()).isEqualTo("customers");
        assertThat(vm.keptRowsProperty().get()).isEqualTo(N);
        assertThat(vm.numericColumns()).containsExactly("id", "age", "spend", "cancel_flag");
        assertThat(vm.groupColumns()).containsExactly("id", "age", "segment", "churned");
        assertThat(vm.targetColumns()).as("no id, two-level categories only").containsExactly("age", "spend", "churned", "cancel_flag");
        assertThat(vm.histColumnProperty().get()).as("id-like columns are not the default").isEqualTo("age");
        assertThat(vm.barColumnProperty().get()).isEqualTo("segment");
        assertThat(vm.scatterXProperty().get()).isEqualTo("age");
        assertThat(vm.scatterYProperty().get()).isEqualTo("spend");
        DatasetProfile p = vm.profileProperty().get();
        assertThat(p.columns()).hasSize(6);
        assertThat(p.column("spend").orElseThrow().missing()).isEqualTo(40);
        assertThat(vm.histogramProperty().get()).as("only the visible view is computed").isNull();
        assertThat(runner.submittedCount()).as("row count + profile").isEqualTo(2);
    }

    @Test
    void theFilterAppliesToEveryView() {
        ExploreViewModel vm = vm(new SameThreadTaskRunner());
        vm.targetProperty().set("churned");
        FilterCondition c = vm.addCondition();
        c.columnProperty().set("segment");
        c.operatorProperty().set(RowFilter.Operator.EQ);
        c.valueProperty().set("gold");
        FilterCondition d = vm.addCondition();
        d.columnProperty().set("age");
        d.operatorProperty().set(RowFilter.Operator.GE);
        d.valueProperty().set("40");
        int expected = 0;
        for (int i = 0; i < N; i++) if (i % 3 == 0 && 20 + i % 40 >= 40) expected++;
        assertThat(vm.filterProperty().get().expressions()).containsExactly("segment = gold", "age >= 40");
        assertThat(vm.keptRowsProperty().get()).isEqualTo(expected);
        for (ExploreTab t : ExploreTab.values()) {
            vm.tabProperty().set(t);
            Object r = vm.result(t);
            assertThat(r).as(t.name()).isNotNull();
            assertThat(rowsKept(r)).as(t.name()).isEqualTo(expected);
            assertThat(vm.upToDate(t)).isTrue();
        }
        BarChart bars = vm.barChartProperty().get();
        assertThat(bars.bars()).extracting(BarChart.Bar::label).containsExactly("gold");

        // removing a condition recomputes the visible view and marks the others stale
        vm.tabProperty().set(ExploreTab.HISTOGRAM);
        long before = vm.requests(ExploreTab.BAR_CHART);
        vm.removeCondition(c);
        assertThat(vm.histogramProperty().get().rowsKept()).isEqualTo(N / 2);
        assertThat(vm.requests(ExploreTab.BAR_CHART)).as("hidden view not computed").isEqualTo(before);
        vm.tabProperty().set(ExploreTab.BAR_CHART);
        assertThat(vm.barChartProperty().get().rowsKept()).isEqualTo(N / 2);
        assertThat(vm.barChartProperty().get().bars()).hasSize(3);
    }

    @Test
    void aConditionThatDoesNotFitIsLeftOutWithAMessage() {
        ExploreViewModel vm = vm(new SameThreadTaskRunner());
        FilterCondition c = vm.addCondition();
        c.columnProperty().set("age");
        c.operatorProperty().set(RowFilter.Operator.GT);
        assertThat(vm.filterProperty().get().isEmpty()).as("incomplete: no value yet").isTrue();
        c.valueProperty().set("thirty");
        assertThat(c.errorProperty().get()).contains("thirty");
        assertThat(vm.filterErrorProperty().get()).isEqualTo(c.errorProperty().get());
        assertThat(vm.filterProperty().get().isEmpty()).isTrue();
        assertThat(vm.keptRowsProperty().get()).isEqualTo(N);
        c.valueProperty().set("49");
        assertThat(c.errorProperty().get()).isNull();
        assertThat(vm.keptRowsProperty().get()).isEqualTo(N / 4);
        FilterCondition in = vm.addCondition();
        in.columnProperty().set("segment");
        in.operatorProperty().set(RowFilter.Operator.IN);
        in.valueProperty().set("gold, bronze");
        int expected = 0;
        for (int i = 0; i < N; i++) if (20 + i % 40 > 49 && i % 3 != 1) expected++;
        assertThat(vm.keptRowsProperty().get()).isEqualTo(expected);
    }

    /** Runs the work at once but holds each result back until the test releases it, in any order. */
    private static final class HeldRunner implements TaskRunner {
        final SameThreadTaskRunner inner = new SameThreadTaskRunner();
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> TaskHandle<T> submit(String title, Function<TaskContext, T> work, Consumer<? super T> onSuccess,
                                        Consumer<? super Throwable> onFailure, Runnable onCancelled) {
            return inner.submit(title, work, r -> held.add(() -> onSuccess.accept(r)), onFailure, onCancelled);
        }

        @Override public ObservableList<TaskHandle<?>> running() { return inner.running(); }

        @Override public void shutdown() { inner.shutdown(); }
    }

    @Test
    void onlyTheLatestRequestPublishes() {
        HeldRunner runner = new HeldRunner();
        ExploreViewModel vm = vm(runner);
        runner.held.forEach(Runnable::run);
        runner.held.clear();
        vm.tabProperty().set(ExploreTab.HISTOGRAM);
        vm.histColumnProperty().set("spend");
        vm.histColumnProperty().set("cancel_flag");
        assertThat(runner.held).as("age (tab shown), spend, cancel_flag").hasSize(3);
        assertThat(vm.busyProperty(ExploreTab.HISTOGRAM).get()).isTrue();
        // the newest finishes first, then the older ones arrive late: they must not overwrite it
        runner.held.get(2).run();
        assertThat(vm.histogramProperty().get().options().column()).isEqualTo("cancel_flag");
        assertThat(vm.busyProperty(ExploreTab.HISTOGRAM).get()).isFalse();
        runner.held.get(0).run();
        runner.held.get(1).run();
        assertThat(vm.histogramProperty().get().options().column()).isEqualTo("cancel_flag");
        assertThat(vm.upToDate(ExploreTab.HISTOGRAM)).isTrue();
    }

    @Test
    void choosingATargetProfilesAgainAndFlagsLeakage() {
        SameThreadTaskRunner runner = new SameThreadTaskRunner();
        ExploreViewModel vm = vm(runner);
        assertThat(vm.profileProperty().get().target()).isNull();
        assertThat(vm.profileProperty().get().column("cancel_flag").orElseThrow().hasFlag(Flag.Kind.LEAKAGE)).isFalse();
        int before = runner.submittedCount();
        vm.targetProperty().set("churned");
        assertThat(runner.submittedCount()).as("the profile, and the target's values for the positive choice").isEqualTo(before + 2);
        assertThat(vm.positiveValues()).containsExactly("no", "yes");
        DatasetProfile p = vm.profileProperty().get();
        assertThat(p.target().column()).isEqualTo("churned");
        assertThat(p.target().positive()).isEqualTo("yes");
        assertThat(p.column("cancel_flag").orElseThrow().hasFlag(Flag.Kind.LEAKAGE)).isTrue();
        assertThat(p.column("age").orElseThrow().hasFlag(Flag.Kind.LEAKAGE)).isFalse();

        vm.tabProperty().set(ExploreTab.TARGET);
        TargetRate t = vm.targetRateProperty().get();
        assertThat(t.options().by()).isEqualTo("segment");
        assertThat(t.overallRate()).isEqualTo(0.25);
        // the other value counted as positive (CLI profile --positive)
        vm.positiveProperty().set("no");
        assertThat(vm.targetRateProperty().get().overallRate()).isEqualTo(0.75);
        vm.positiveProperty().set(null);
        assertThat(vm.targetRateProperty().get().overallRate()).isEqualTo(0.25);
        // the target view follows a new target
        vm.targetByProperty().set("age");
        vm.targetProperty().set("age");
        assertThat(vm.positiveValues()).as("too many values to pick one").isEmpty();
        assertThat(vm.targetByProperty().get()).as("grouping by the target itself is avoided").isNotEqualTo("age");
        assertThat(vm.targetRateProperty().get().target().binary()).isFalse();
        vm.tabProperty().set(ExploreTab.PROFILES);
        assertThat(vm.profileProperty().get().target().column()).isEqualTo("age");
        vm.targetProperty().set(null);
        assertThat(vm.profileProperty().get().target()).isNull();
    }

    @Test
    void switchingDatasetResetsFilterAndChoices() {
        Dataset other = new Dataset("orders", List.of(new DoubleColumn("amount", new double[]{1, 2, 3, 4}, new BitSet()),
                StringColumn.of("channel", true, "web", "app", "web", "web")));
        project.set(projectOf(customers(), other));
        ExploreViewModel vm = vm(new SameThreadTaskRunner());
        vm.targetProperty().set("churned");
        vm.addCondition().valueProperty().set("5");
        assertThat(vm.filterProperty().get().isEmpty()).isFalse();
        vm.selectedDatasetProperty().set("orders");
        assertThat(vm.conditions()).isEmpty();
        assertThat(vm.filterProperty().get().isEmpty()).isTrue();
        assertThat(vm.targetProperty().get()).isNull();
        assertThat(vm.histColumnProperty().get()).isEqualTo("amount");
        assertThat(vm.barColumnProperty().get()).isEqualTo("channel");
        assertThat(vm.profileProperty().get().dataset()).isEqualTo("orders");
        assertThat(vm.keptRowsProperty().get()).isEqualTo(4);
        // a dataset removed from the project falls back to the first one
        project.set(projectOf(customers()));
        assertThat(vm.selectedDatasetProperty().get()).isEqualTo("customers");
        assertThat(vm.profileProperty().get().dataset()).isEqualTo("customers");
    }

    @Test
    void automaticBinsShowTheChosenCountAndBecomeTheUsersWhenUnticked() {
        ExploreViewModel vm = vm(new SameThreadTaskRunner());
        vm.tabProperty().set(ExploreTab.HISTOGRAM);
        Histogram auto = vm.histogramProperty().get();
        assertThat(auto.rule()).isEqualTo(Histogram.BinRule.FREEDMAN_DIACONIS);
        assertThat(vm.histBinsProperty().get()).isEqualTo(auto.bins());
        vm.histAutoBinsProperty().set(false);
        vm.histBinsProperty().set(7);
        assertThat(vm.histogramProperty().get().bins()).isEqualTo(7);
        assertThat(vm.histogramProperty().get().rule()).isEqualTo(Histogram.BinRule.USER);
        vm.histLogProperty().set(true);
        assertThat(vm.histogramProperty().get().options().logScale()).isTrue();
    }

    @Test
    void showColumnPicksTheChartThatSuitsIt() {
        ExploreViewModel vm = vm(new SameThreadTaskRunner());
        vm.showColumn("spend");
        assertThat(vm.tabProperty().get()).isEqualTo(ExploreTab.HISTOGRAM);
        assertThat(vm.histogramProperty().get().options().column()).isEqualTo("spend");
        vm.showColumn("segment");
        assertThat(vm.tabProperty().get()).isEqualTo(ExploreTab.BAR_CHART);
        assertThat(vm.barChartProperty().get().options().column()).isEqualTo("segment");
    }

    @Test
    void copiesCsvAndSavesAPng(@TempDir Path dir) throws Exception {
        ExploreViewModel vm = vm(new SameThreadTaskRunner());
        vm.tabProperty().set(ExploreTab.BAR_CHART);
        List<String> clipboard = new ArrayList<>();
        assertThat(vm.copyCsv(ExploreTab.BAR_CHART, clipboard::add)).isTrue();
        assertThat(clipboard.get(0)).startsWith("value,count,share\r\n").contains("gold,134,");
        assertThat(notices.get(notices.size() - 1).message()).isEqualTo("Copied 3 rows of data as CSV.");
        assertThat(vm.copyCsv(ExploreTab.SCATTER, clipboard::add)).as("not computed yet").isFalse();

        int w = 3, h = 2;
        int[] argb = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0x80FFFFFF, 0xFF000000, 0xFF123456};
        Path png = dir.resolve("bars.png");
        vm.savePng(png, w, h, argb);
        assertThat(notices.get(notices.size() - 1).kind()).isEqualTo(Notice.Kind.SUCCESS);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(3);
        assertThat(img.getHeight()).isEqualTo(2);
        for (int i = 0; i < argb.length; i++) assertThat(img.getRGB(i % w, i / w)).as("pixel " + i).isEqualTo(argb[i]);
        assertThat(vm.suggestedFileName(ExploreTab.BOX_PLOT)).isEqualTo("customers-box-plot.png");

        vm.savePng(dir.resolve("missing-folder").resolve("x.png"), w, h, argb);
        assertThat(notices.get(notices.size() - 1).kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(Files.exists(dir.resolve("missing-folder"))).isFalse();
    }
}
