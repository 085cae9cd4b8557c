package io.segmenta.app.segments;

import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.segments.SegmentsDialogs.BriefFormat;
import io.segmenta.app.segments.SegmentsViewModel.ProfileRow;
import io.segmenta.app.task.SameThreadTaskRunner;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.app.task.TaskRunner;
import io.segmenta.app.ui.Notice;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.project.Artifact;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.segment.FeatureMatrix;
import io.segmenta.core.segment.KResult;
import io.segmenta.core.segment.SegmentProfiles;
import io.segmenta.core.segment.Segmentation;
import io.segmenta.core.segment.SegmentationArtifacts;
import io.segmenta.core.segment.SegmentationOptions.Transform;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The Segments view model on the sample customers with the same-thread runner: deterministic and fast. */
class SegmentsViewModelTest {
    private static final Path SAMPLE = Path.of("sample-projects/sample.segmenta");
    private static Project sample;

    @TempDir Path dir;
    private SameThreadTaskRunner runner;
    private ProjectViewModel project;
    private SegmentsViewModel vm;
    private final List<Notice> notices = new ArrayList<>();
    private final Deque<Path> briefTargets = new ArrayDeque<>();

    @BeforeAll
    static void openSample() {
        assertThat(SAMPLE).as("run from the repository root").isRegularFile();
        sample = ProjectStore.open(SAMPLE);
    }

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        runner = new SameThreadTaskRunner();
        project = new ProjectViewModel(runner, memory(sample), new ScriptedDialogs(), notices::add);
        vm = newViewModel(project);
        project.load(dir.resolve("sample.segmenta"));
    }

    /** What the replace-column confirmation answers, and the columns it was asked about. */
    private boolean replaceAnswer = true;
    private final List<String> replaceAsked = new ArrayList<>();

    private SegmentsViewModel newViewModel(ProjectViewModel p) {
        SegmentsDialogs dialogs = new SegmentsDialogs() {
            @Override
            public Optional<Path> chooseBriefTarget(String suggestedName, BriefFormat format) {
                return Optional.ofNullable(briefTargets.poll());
            }

            @Override
            public boolean confirmReplaceColumn(String column, String dataset) {
                replaceAsked.add(column + " in " + dataset);
                return replaceAnswer;
            }
        };
        return new SegmentsViewModel(runner, p, dialogs, notices::add, Runnable::run);
    }

    private static ProjectPersistence memory(Project p) {
        return new ProjectPersistence() {
            @Override public Project open(Path file) { return p; }

            @Override public void save(Project project, Path file, TaskContext ctx) { ProjectStore.save(project, file, ctx); }
        };
    }

    private void setUpFastSweep() {
        vm.datasetProperty().set("customers");
        for (String c : List.of("age", "monetary", "frequency", "open_rate")) vm.feature(c).setSelected(true);
        vm.kMinProperty().set(2);
        vm.kMaxProperty().set(5);
        vm.restartsProperty().set(2);
    }

    @Test
    void listsTheColumnsAsFeaturesAndSuggestsLog1pForSkewedMoney() {
        assertThat(vm.datasetProperty().get()).isEqualTo("customers");
        assertThat(vm.features()).extracting(FeatureRow::column).contains("age", "income", "monetary", "channel")
                .doesNotContain("customer_id");
        FeatureRow monetary = vm.feature("monetary");
        assertThat(monetary.skewed()).isTrue();
        assertThat(monetary.transformProperty().get()).isEqualTo(Transform.LOG1P);
        assertThat(vm.feature("age").transformProperty().get()).isEqualTo(Transform.NONE);
        assertThat(vm.feature("channel").numeric()).isFalse();
        assertThat(vm.feature("channel").levels()).isEqualTo(4);
        assertThat(vm.setupErrorProperty().get()).contains("Choose at least one feature");
    }

    @Test
    void showsHowManyRowsAreDroppedForMissingValues() {
        vm.feature("income").setSelected(true);
        vm.feature("age").setSelected(true);
        assertThat(vm.rowsInfoProperty().get()).contains("20,000 of 20,000").contains("1,225 missing values filled in");
        vm.missingProperty().set(io.segmenta.core.segment.SegmentationOptions.MissingPolicy.DROP);
        assertThat(vm.rowsInfoProperty().get()).contains("18,775 of 20,000").contains("1,225 rows dropped");
        assertThat(vm.setupErrorProperty().get()).isEmpty();
    }

    @Test
    void sweepPublishesEachKAsItIsDoneThenSuggestsK() {
        setUpFastSweep();
        List<Integer> published = new ArrayList<>();
        List<Boolean> doneWhenPublished = new ArrayList<>();
        vm.sweepPoints().addListener((ListChangeListener<KResult>) c -> {
            while (c.next()) {
                if (c.wasAdded() && !c.wasReplaced()) {
                    for (KResult r : c.getAddedSubList()) {
                        published.add(r.k());
                        doneWhenPublished.add(vm.sweepProperty().get() != null);
                    }
                }
            }
        });
        vm.runSweep();
        assertThat(published).containsExactly(2, 3, 4, 5);
        assertThat(doneWhenPublished).containsOnly(false);
        assertThat(vm.sweepProperty().get()).isNotNull();
        assertThat(vm.sweepPoints()).extracting(KResult::k).containsExactly(2, 3, 4, 5);
        assertThat(vm.sweepingProperty().get()).isFalse();
        var r = vm.sweepProperty().get();
        Integer expected = r.suggestedK() != null ? r.suggestedK() : r.bestSilhouetteK();
        assertThat(vm.chosenKProperty().get()).isEqualTo(expected);
        assertThat(vm.sweepMessageProperty().get()).isEqualTo(r.advice(Locale.ENGLISH));

        vm.chooseK(4);
        assertThat(vm.chosenKProperty().get()).isEqualTo(4);
        vm.chooseK(1);
        assertThat(vm.chosenKProperty().get()).as("k = 1 is refused").isEqualTo(4);

        vm.kMaxProperty().set(6);
        assertThat(vm.sweepStaleProperty().get()).isTrue();
    }

    @Test
    void fitShowsProfilesWithSuggestedNamesAndSavesTheSegmentationInTheProject() {
        setUpFastSweep();
        vm.runSweep();
        vm.chooseK(4);
        vm.assessStability();
        assertThat(vm.stabilityProperty().get()).isNotNull();
        assertThat(vm.stabilityProperty().get().k()).isEqualTo(4);
        vm.fit();

        Segmentation s = vm.segmentationProperty().get();
        assertThat(s).isNotNull();
        assertThat(s.k()).isEqualTo(4);
        assertThat(s.stability()).isNotNull();
        assertThat(vm.profilesProperty().get().segments()).hasSize(4);
        assertThat(vm.pcaProperty().get().centroidX()).hasSize(4);
        assertThat(vm.names()).hasSize(4);
        assertThat(vm.names().get(0).getName()).isEqualTo(vm.names().get(0).suggested()).doesNotStartWith("Segment ");
        assertThat(vm.names().stream().mapToInt(SegmentsViewModel.SegmentName::size).sum()).isEqualTo(20_000);
        assertThat(vm.briefProperty().get().sections()).hasSize(4);
        assertThat(vm.boxFeatureProperty().get()).isEqualTo("age");

        List<ProfileRow> rows = vm.profileRows(0);
        assertThat(rows).hasSize(4);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(Math.abs(rows.get(i).diffSd())).isLessThanOrEqualTo(Math.abs(rows.get(i - 1).diffSd()));
        }

        // the centre in original units: the back-transformed k-means centre, shown under the segment's traits
        String centre = SegmentsView.centreText(s, 0);
        assertThat(centre).startsWith("Centre of the segment (original units): ").contains("age ");
        double age = s.centroidOriginal(0)[s.dimNames().indexOf("age")];
        assertThat(age).isBetween(18.0, 90.0);

        assertThat(project.isDirty()).isTrue();
        Artifact a = project.getProject().artifacts().stream().filter(x -> x.kind().equals(SegmentationArtifacts.KIND)).findFirst().orElseThrow();
        assertThat(SegmentationArtifacts.fromArtifact(a).names()).isEqualTo(s.names());
        assertThat(notices).extracting(Notice::message).anyMatch(m -> m.contains("4 segments created"));

        // a column the segments were not built on is described too (CLI segment --describe)
        String extra = "channel";
        assertThat(vm.describeCandidates()).contains(extra).doesNotContain("age", "customer_id");
        vm.describeColumns().setAll(extra);
        var p = vm.profilesProperty().get().segments().get(0);
        assertThat(p.numeric().stream().map(SegmentProfiles.NumericStat::column).toList().contains(extra)
                || p.categories().stream().anyMatch(c -> c.column().equals(extra))).as(extra).isTrue();
        assertThat(vm.segmentationProperty().get().names()).isEqualTo(s.names());
        vm.describeColumns().clear();
        var q = vm.profilesProperty().get().segments().get(0);
        assertThat(q.categories().stream().noneMatch(c -> c.column().equals(extra)) && q.numeric(extra) == null).isTrue();
    }

    @Test
    void anExistingSegmentColumnIsReplacedOnlyWhenTheUserSaysSo() {
        // regression: "Add column" replaced a column called "segment" that the dataset already had (a CRM's own,
        // or earlier segments) without asking
        setUpFastSweep();
        vm.runSweep();
        vm.chooseK(3);
        vm.fit();
        vm.addSegmentColumn();
        assertThat(replaceAsked).as("nothing to replace yet").isEmpty();
        vm.chooseK(4);
        vm.fit();
        replaceAnswer = false;
        vm.addSegmentColumn();
        assertThat(replaceAsked).containsExactly("segment in customers");
        StringColumn kept = (StringColumn) project.getProject().dataset("customers").orElseThrow().dataset().column("segment");
        assertThat(kept.dictionary()).hasSize(3);
        assertThat(vm.columnAddedProperty().get()).isFalse();
        replaceAnswer = true;
        vm.addSegmentColumn();
        StringColumn replaced = (StringColumn) project.getProject().dataset("customers").orElseThrow().dataset().column("segment");
        assertThat(replaced.dictionary()).hasSize(4);
        assertThat(vm.columnAddedProperty().get()).isTrue();
    }

    @Test
    void namesAreValidatedAppliedAndTheSegmentationReopensFromTheSavedProject() {
        setUpFastSweep();
        vm.runSweep();
        vm.chooseK(3);
        vm.fit();
        vm.names().get(0).nameProperty().set("Loyal big spenders");
        vm.names().get(1).nameProperty().set("Loyal big spenders");
        assertThat(vm.applyNames()).isFalse();
        assertThat(vm.resultErrorProperty().get()).contains("Loyal big spenders").contains("names must differ");
        vm.names().get(1).nameProperty().set("  ");
        assertThat(vm.applyNames()).isFalse();
        assertThat(vm.resultErrorProperty().get()).contains("Segment 2 needs a name");
        vm.names().get(1).nameProperty().set("Sleepers");
        assertThat(vm.applyNames()).isTrue();
        assertThat(vm.resultErrorProperty().get()).isEmpty();
        assertThat(vm.briefProperty().get().sections().get(0).title()).contains("Loyal big spenders");
        vm.addSegmentColumn();
        assertThat(vm.columnAddedProperty().get()).isTrue();
        assertThat(project.getProject().dataset("customers").orElseThrow().dataset().find("segment")).isPresent();

        Path file = dir.resolve("saved.segmenta");
        ProjectStore.save(project.getProject(), file, TaskContext.NONE);
        Segmentation before = vm.segmentationProperty().get();

        ProjectViewModel reopened = new ProjectViewModel(runner, ProjectPersistence.STORE, new ScriptedDialogs(), notices::add);
        SegmentsViewModel again = newViewModel(reopened);
        reopened.load(file);

        Segmentation after = again.segmentationProperty().get();
        assertThat(after).isNotNull();
        assertThat(after.names()).isEqualTo(before.names()).startsWith("Loyal big spenders", "Sleepers");
        assertThat(after.assignment()).isEqualTo(before.assignment());
        assertThat(again.datasetProperty().get()).isEqualTo("customers");
        assertThat(again.chosenKProperty().get()).isEqualTo(3);
        assertThat(again.sweepPoints()).extracting(KResult::k).containsExactly(2, 3, 4, 5);
        assertThat(again.sweepStaleProperty().get()).isFalse();
        assertThat(again.feature("monetary").isSelected()).isTrue();
        assertThat(again.feature("monetary").transformProperty().get()).isEqualTo(Transform.LOG1P);
        assertThat(again.feature("income").isSelected()).isFalse();
        assertThat(again.restartsProperty().get()).isEqualTo(2);
        assertThat(again.profilesProperty().get().segments().get(0).name()).isEqualTo("Loyal big spenders");
        assertThat(again.pcaProperty().get()).isNotNull();
        assertThat(again.columnAddedProperty().get()).isTrue();
        assertThat(reopened.isDirty()).as("restoring does not change the project").isFalse();
    }

    @Test
    void exportsTheBriefAsMarkdownAndHtmlWithCharts() throws Exception {
        setUpFastSweep();
        vm.runSweep();
        vm.chooseK(3);
        vm.fit();
        briefTargets.add(dir.resolve("brief"));
        vm.exportBrief(BriefFormat.MARKDOWN);
        String md = Files.readString(dir.resolve("brief.md"));
        assertThat(md).startsWith("# ").contains("## " + vm.names().get(0).getName()).contains("customers");
        briefTargets.add(dir.resolve("brief.html"));
        vm.exportBrief(BriefFormat.HTML);
        String html = Files.readString(dir.resolve("brief.html"));
        assertThat(html).contains("<svg").contains("Segments at a glance").contains(vm.names().get(2).getName());
        vm.exportBrief(BriefFormat.HTML); // cancelled chooser: nothing happens
        assertThat(notices).extracting(Notice::message).filteredOn(m -> m.startsWith("Brief saved")).hasSize(2);

        I18n.setLocale(Locale.of("es"));
        try {
            vm.refreshLanguage();
            assertThat(vm.briefMarkdown()).contains("clientes");
        } finally {
            I18n.setLocale(Locale.ENGLISH);
        }
    }

    @Test
    void badInputIsExplainedInPlainWords() {
        vm.datasetProperty().set("customers");
        vm.feature("age").setSelected(true);
        vm.kMinProperty().set(6);
        vm.kMaxProperty().set(4);
        assertThat(vm.setupErrorProperty().get()).contains("6").contains("4");
        vm.kMinProperty().set(2);
        vm.kMaxProperty().set(5);
        assertThat(vm.setupErrorProperty().get()).isEmpty();

        vm.subsetEnabledProperty().set(true);
        vm.scoreColumnProperty().set("monetary");
        vm.topNProperty().set(3);
        vm.runSweep();
        assertThat(vm.setupErrorProperty().get()).contains("Only 3 rows are left, fewer than k = 5");
        assertThat(vm.sweepingProperty().get()).isFalse();
        vm.subsetEnabledProperty().set(false);

        vm.fit();
        assertThat(vm.resultErrorProperty().get()).contains("Choose the number of segments");

        // a column with one value everywhere
        double[] same = new double[50];
        java.util.Arrays.fill(same, 7);
        double[] vary = new double[50];
        for (int i = 0; i < 50; i++) vary[i] = i;
        Dataset flat = new Dataset("flat", List.of(new DoubleColumn("constant", same, new BitSet()), new DoubleColumn("x", vary, new BitSet()),
                StringColumn.of("only", true, java.util.Collections.nCopies(50, "a").toArray(new String[0]))));
        Project p = new Project(List.of(new DatasetEntry(flat, "test", null, List.of(), null, Instant.now(), null)), List.of());
        ProjectViewModel pvm = new ProjectViewModel(runner, memory(p), new ScriptedDialogs(), notices::add);
        SegmentsViewModel other = newViewModel(pvm);
        pvm.load(dir.resolve("flat.segmenta"));
        other.feature("constant").setSelected(true);
        assertThat(other.setupErrorProperty().get()).contains("constant").contains("same value");
        assertThat(other.feature("only")).as("a one-level category cannot separate anything").isNull();
    }

    /** Rows of the sample customers with age present and at least {@code min}, counted by hand. */
    private int[] rowsWithAgeAtLeast(double min) {
        Column age = project.getProject().dataset("customers").orElseThrow().dataset().column("age");
        return java.util.stream.IntStream.range(0, age.size()).filter(r -> !age.isMissing(r) && age.getDouble(r) >= min).toArray();
    }

    @Test
    void filterReducesTheRowsShownLiveAndIsAppliedBeforeTopN() {
        vm.datasetProperty().set("customers");
        vm.feature("income").setSelected(true);
        vm.missingProperty().set(io.segmenta.core.segment.SegmentationOptions.MissingPolicy.DROP);
        assertThat(vm.rowsInfoProperty().get()).contains("of 20,000").doesNotContain("meet the filter");

        int[] kept = rowsWithAgeAtLeast(50);
        assertThat(kept.length).isBetween(1, 19_999);
        vm.filterTextProperty().set("age>=50;");
        assertThat(vm.filterErrorProperty().get()).isEmpty();
        assertThat(vm.setupErrorProperty().get()).isEmpty();
        assertThat(vm.rowsInfoProperty().get()).contains(String.format(Locale.ENGLISH, "%,d rows meet the filter", kept.length));
        FeatureMatrix m = vm.previewProperty().get();
        assertThat(m.subsetRows()).isEqualTo(kept.length);
        assertThat(kept).contains(m.rows());
        assertThat(vm.options().filter().expressions()).containsExactly("age >= 50");

        vm.subsetEnabledProperty().set(true);
        vm.scoreColumnProperty().set("monetary");
        vm.topNProperty().set(100);
        m = vm.previewProperty().get();
        assertThat(m.subsetRows()).isEqualTo(100);
        assertThat(kept).contains(m.rows());
        assertThat(vm.rowsInfoProperty().get()).contains(String.format(Locale.ENGLISH, "%,d rows meet the filter", kept.length));

        vm.filterTextProperty().set("  ");
        assertThat(vm.options().filter().isEmpty()).isTrue();
        assertThat(vm.previewProperty().get().rows()).isNotEqualTo(m.rows());
        assertThat(vm.rowsInfoProperty().get()).doesNotContain("meet the filter");
    }

    @Test
    void aBadFilterIsExplainedUnderTheFieldAndBlocksTheSweep() {
        setUpFastSweep();
        assertThat(vm.setupErrorProperty().get()).isEmpty();
        vm.filterTextProperty().set("age>=30; age 40");
        assertThat(vm.filterErrorProperty().get()).contains("No operator in the filter \"age 40\"");
        assertThat(vm.setupErrorProperty().get()).isEqualTo("Fix the row filter to continue.");
        assertThat(vm.rowsInfoProperty().get()).isEmpty();
        assertThat(vm.previewProperty().get()).isNull();
        vm.runSweep();
        assertThat(vm.sweepProperty().get()).isNull();
        assertThat(vm.sweepPoints()).isEmpty();

        vm.filterTextProperty().set("age>=old");
        assertThat(vm.filterErrorProperty().get()).contains("The filter on \"age\" needs a number, not \"old\"");
        vm.filterTextProperty().set("shoe_size>40");
        assertThat(vm.filterErrorProperty().get()).contains("There is no column \"shoe_size\"");
        vm.filterTextProperty().set("age>=30");
        assertThat(vm.filterErrorProperty().get()).isEmpty();
        assertThat(vm.setupErrorProperty().get()).isEmpty();
        assertThat(vm.rowsInfoProperty().get()).contains("meet the filter");
    }

    @Test
    void theFilterIsSavedWithTheSegmentationAndRestoredFromIt() {
        setUpFastSweep();
        int[] kept = rowsWithAgeAtLeast(40);
        vm.filterTextProperty().set("age >= 40");
        vm.runSweep();
        vm.chooseK(3);
        vm.fit();
        Segmentation before = vm.segmentationProperty().get();
        assertThat(before.options().filter().expressions()).containsExactly("age >= 40");
        assertThat(before.rows()).isEqualTo(kept);

        Path file = dir.resolve("filtered.segmenta");
        ProjectStore.save(project.getProject(), file, TaskContext.NONE);
        ProjectViewModel reopened = new ProjectViewModel(runner, ProjectPersistence.STORE, new ScriptedDialogs(), notices::add);
        SegmentsViewModel again = newViewModel(reopened);
        reopened.load(file);

        assertThat(again.filterTextProperty().get()).isEqualTo("age >= 40");
        assertThat(again.filterErrorProperty().get()).isEmpty();
        assertThat(again.segmentationProperty().get().options()).isEqualTo(before.options());
        assertThat(again.segmentationProperty().get().rows()).isEqualTo(kept);
        assertThat(again.sweepStaleProperty().get()).isFalse();
        assertThat(again.options()).isEqualTo(before.options());
    }

    @Test
    void anOlderSetupCheckFinishingLastDoesNotOverwriteTheNewerOne() {
        List<Runnable> queued = new ArrayList<>();
        TaskRunner deferred = new TaskRunner() {
            final SameThreadTaskRunner inner = new SameThreadTaskRunner();

            @Override
            public <T> TaskHandle<T> submit(String title, Function<TaskContext, T> work, Consumer<? super T> ok,
                                            Consumer<? super Throwable> err, Runnable cancelled) {
                queued.add(() -> inner.submit(title, work, ok, err, cancelled));
                return new SameThreadTaskRunner().submit(title, ctx -> null, x -> { }, e -> { });
            }

            @Override public ObservableList<TaskHandle<?>> running() { return inner.running(); }

            @Override public void shutdown() { }
        };
        ProjectViewModel pvm = new ProjectViewModel(runner, memory(sample), new ScriptedDialogs(), notices::add);
        pvm.load(dir.resolve("x.segmenta"));
        SegmentsViewModel late = new SegmentsViewModel(deferred, pvm, (n, f) -> Optional.empty(), notices::add, Runnable::run);
        queued.remove(0).run(); // the column list
        late.feature("age").setSelected(true);       // request 1: age only
        late.feature("income").setSelected(true);    // request 2: age and income (1,225 values filled)
        late.missingProperty().set(io.segmenta.core.segment.SegmentationOptions.MissingPolicy.DROP); // request 3
        assertThat(queued).hasSize(3);
        queued.get(2).run();
        assertThat(late.rowsInfoProperty().get()).contains("18,775");
        queued.get(0).run();
        queued.get(1).run();
        assertThat(late.rowsInfoProperty().get()).as("older results are dropped").contains("18,775").contains("dropped");
    }
}
