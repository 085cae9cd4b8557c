package io.segmenta.app.models;

import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.SameThreadTaskRunner;
import io.segmenta.app.ui.Notice;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.model.Algorithm;
import io.segmenta.core.model.Metrics;
import io.segmenta.core.model.HyperParameters;
import io.segmenta.core.model.MlpParameters;
import io.segmenta.core.model.ModelIO;
import io.segmenta.core.model.ScoringPolicy;
import io.segmenta.core.model.Task;
import io.segmenta.core.model.TrainedModel;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.util.I18n;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
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
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Models view model on a small synthetic churn dataset, with every task run on the calling thread. */
class ModelsViewModelTest {
    @TempDir Path dir;
    private SameThreadTaskRunner runner;
    private ProjectViewModel project;
    private ModelsViewModel vm;
    private final List<Notice> notices = new ArrayList<>();
    private final Deque<Path> fileAnswers = new ArrayDeque<>();
    private Locale before;

    /** ScriptedDialogs for the project, answers from {@link #fileAnswers} for the Models choosers. */
    private final ModelsDialogs dialogs = new ModelsDialogs() {
        @Override public Optional<Path> chooseCsvToScore() { return Optional.ofNullable(fileAnswers.poll()); }

        @Override public Optional<Path> chooseScoredCsvTarget(String suggestedName) { return Optional.ofNullable(fileAnswers.poll()); }

        @Override public Optional<Path> chooseModelExportTarget(String suggestedName) { return Optional.ofNullable(fileAnswers.poll()); }

        @Override public Optional<Path> chooseModelToImport() { return Optional.ofNullable(fileAnswers.poll()); }

        @Override public boolean confirmReplaceColumns(List<String> columns, String dataset) {
            replaceAsked.add(dataset + ": " + columns);
            return replaceAnswer;
        }
    };
    private final List<String> replaceAsked = new ArrayList<>();
    private boolean replaceAnswer = true;

    /** 1,200 customers: an id, a constant, a leak, two real signals, noise and a segment; churned 0/1. */
    static Dataset churnData() {
        int n = 1200;
        Random r = new Random(7);
        long[] id = new long[n], churned = new long[n], tenure = new long[n];
        double[] recency = new double[n], noise = new double[n], leak = new double[n], constant = new double[n];
        String[] seg = new String[n];
        for (int i = 0; i < n; i++) {
            id[i] = 1000 + i;
            recency[i] = r.nextDouble() * 400;
            tenure[i] = r.nextInt(120);
            noise[i] = r.nextGaussian();
            seg[i] = new String[]{"gold", "silver", "bronze"}[r.nextInt(3)];
            double logit = -2 + recency[i] / 80 - tenure[i] / 60.0 + ("bronze".equals(seg[i]) ? 0.5 : 0);
            churned[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            leak[i] = churned[i] * 10 + r.nextDouble();
            constant[i] = 3;
        }
        return new Dataset("customers", List.of(
                new LongColumn("customer_id", id, new BitSet()).withIdLike(true),
                new DoubleColumn("recency_days", recency, new BitSet()),
                new LongColumn("tenure_months", tenure, new BitSet()),
                new DoubleColumn("noise", noise, new BitSet()),
                StringColumn.of("segment", true, seg),
                new DoubleColumn("days_since_cancel", leak, new BitSet()),
                new DoubleColumn("constant", constant, new BitSet()),
                new LongColumn("churned", churned, new BitSet())));
    }

    static Project churnProject() {
        return new Project(List.of(new DatasetEntry(churnData(), "import", null, List.of(), null,
                Instant.parse("2025-03-01T10:00:00Z"), null)), List.of());
    }

    /** Persistence that "opens" any path as the given project, so the project starts clean. */
    private static ProjectPersistence opening(Project p) {
        return new ProjectPersistence() {
            @Override public Project open(Path file) { return p; }

            @Override public void save(Project project, Path file, io.segmenta.core.task.TaskContext ctx) { }
        };
    }

    private ModelsViewModel open(Project p) {
        project = new ProjectViewModel(runner, opening(p), new ScriptedDialogs(), notices::add);
        ModelsViewModel m = new ModelsViewModel(runner, project, notices::add, dialogs);
        project.load(dir.resolve("p.segmenta"));
        return m;
    }

    @BeforeEach
    void setUp() {
        before = I18n.locale();
        I18n.setLocale(Locale.ENGLISH);
        runner = new SameThreadTaskRunner();
        vm = open(churnProject());
    }

    @AfterEach
    void restoreLocale() { I18n.setLocale(before); }

    /** Logistic only (fast), with the leak excluded. */
    private void chooseLogistic() {
        for (Algorithm a : Algorithm.values()) vm.algorithmProperty(a).set(a == Algorithm.LOGISTIC);
        vm.excludeLeaks();
    }

    private FeatureRow feature(String name) {
        return vm.features().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void setupInfersTaskTargetAndFeaturesAndFlagsTheLeak() {
        assertThat(vm.datasetProperty().get()).isEqualTo("customers");
        assertThat(vm.targetProperty().get()).as("a column named like an outcome is picked").isEqualTo("churned");
        assertThat(vm.effectiveTask()).isEqualTo(Task.CLASSIFICATION);
        assertThat(vm.getSetup().target().positive()).isEqualTo("1");
        assertThat(vm.positiveValues()).containsExactly("0", "1");
        assertThat(feature("customer_id").isIncluded()).isFalse();
        assertThat(feature("customer_id").reason()).isEqualTo(I18n.tr("model.exclude.id_like"));
        assertThat(feature("constant").isIncluded()).isFalse();
        assertThat(feature("constant").reason()).isEqualTo(I18n.tr("model.exclude.constant"));
        assertThat(feature("recency_days").isIncluded()).isTrue();
        assertThat(vm.features()).extracting(FeatureRow::name).doesNotContain("churned");
        assertThat(vm.leakage()).extracting(l -> l.feature()).containsExactly("days_since_cancel");
        assertThat(feature("days_since_cancel").leak()).isTrue();

        vm.excludeLeaks();
        assertThat(feature("days_since_cancel").isIncluded()).isFalse();
        assertThat(vm.includedFeatures()).containsExactly("recency_days", "tenure_months", "noise", "segment");

        vm.requestedTaskProperty().set(Task.REGRESSION);
        assertThat(vm.effectiveTask()).isEqualTo(Task.REGRESSION);
        assertThat(vm.leakage()).as("the leakage check is for classification").isEmpty();
        assertThat(vm.chosenAlgorithms()).doesNotContain(Algorithm.LOGISTIC).contains(Algorithm.RIDGE, Algorithm.GBM);

        vm.requestedTaskProperty().set(null);
        vm.positiveProperty().set("0");
        assertThat(vm.getSetup().target().positive()).isEqualTo("0");
        assertThat(vm.effectiveTask()).isEqualTo(Task.CLASSIFICATION);
        assertThat(vm.setupErrorProperty().get()).isNull();
    }

    @Test
    void trainingAddsAModelArtifactAndPublishesLiveCurves() {
        chooseLogistic();
        List<Integer> batches = new ArrayList<>();
        vm.liveHistory().addListener((ListChangeListener<Object>) c -> batches.add(vm.liveHistory().size()));
        assertThat(project.isDirty()).isFalse();
        vm.train();

        assertThat(vm.isTraining()).isFalse();
        assertThat(vm.models()).hasSize(1);
        TrainedModel m = vm.models().get(0);
        assertThat(m.info().algorithm()).isEqualTo(Algorithm.LOGISTIC);
        assertThat(m.info().options().features()).doesNotContain("days_since_cancel", "customer_id");
        assertThat(m.info().evaluation().classification().rocAuc()).isGreaterThan(0.7);
        assertThat(project.getProject().artifacts()).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(ModelIO.ARTIFACT_KIND));
        assertThat(project.isDirty()).isTrue();
        assertThat(vm.getSelectedModel()).isSameAs(m);
        assertThat(vm.leaderboard()).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo(m.name()));
        assertThat(vm.liveHistory()).isNotEmpty();
        assertThat(vm.liveHistory().get(0).member()).isEqualTo("logistic");
        assertThat(batches).isNotEmpty();

        vm.train();
        assertThat(vm.models()).extracting(TrainedModel::name).doesNotHaveDuplicates().hasSize(2);
        assertThat(vm.models().get(1).info().crossValidation()).isNull();

        // k-fold cross-validation on the training rows, when asked for
        vm.cvFoldsProperty().set(3);
        vm.train();
        assertThat(vm.models()).hasSize(3);
        assertThat(vm.models().get(2).info().crossValidation()).satisfies(cv -> {
            assertThat(cv.folds()).isEqualTo(3);
            assertThat(cv.metric()).isEqualTo("roc_auc");
            assertThat(cv.mean()).isGreaterThan(0.7);
        });
        vm.cvFoldsProperty().set(1);
        notices.clear();
        vm.train();
        assertThat(vm.models()).hasSize(3);
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.message()).contains("2 and 20"));
    }

    @Test
    void ensembleAveragesTheTickedModelsAndTheLeaderboardSorts() {
        for (Algorithm a : Algorithm.values()) vm.algorithmProperty(a).set(false);
        vm.algorithmProperty(Algorithm.LOGISTIC).set(true);
        vm.algorithmProperty(Algorithm.GBM).set(true);
        vm.algorithmProperty(Algorithm.ENSEMBLE).set(true);
        vm.treesProperty().set(20);
        assertThat(vm.earlyStoppingProperty().get()).isEqualTo(HyperParameters.DEFAULT_EARLY_STOPPING);
        vm.earlyStoppingProperty().set(7);
        vm.excludeLeaks();
        vm.train();
        assertThat(vm.models()).extracting(m -> m.info().algorithm())
                .containsExactly(Algorithm.LOGISTIC, Algorithm.GBM, Algorithm.ENSEMBLE);
        assertThat(vm.models().get(1).info().options().hyper().trees()).isEqualTo(20);
        assertThat(vm.models().get(1).info().options().hyper().earlyStoppingRounds()).isEqualTo(7);

        vm.sortMetricProperty().set("log_loss");
        List<Double> losses = vm.leaderboard().stream().map(e -> e.metrics().get("log_loss")).toList();
        assertThat(losses).isSorted();
        vm.sortMetricProperty().set("roc_auc");
        List<Double> aucs = vm.leaderboard().stream().map(e -> -e.metrics().get("roc_auc")).toList();
        assertThat(aucs).isSorted();
        TrainedModel best = vm.model(vm.leaderboard().get(0));
        assertThat(best.name()).isEqualTo(vm.leaderboard().get(0).name());
    }

    @Test
    void networkSettingsReachTheNetworkAndTheDeviceItTrainedOnIsReported() {
        assertThat(vm.networkChosenProperty().get()).isFalse();
        assertThat(vm.engineInfoProperty().get()).isEmpty();
        for (Algorithm a : Algorithm.values()) vm.algorithmProperty(a).set(a == Algorithm.MLP);
        assertThat(vm.networkChosenProperty().get()).isTrue();
        // the engine is asked once, in the background (here on the calling thread): CPU natives, so no GPU
        assertThat(vm.engineInfoProperty().get()).startsWith("PyTorch").contains("no GPU");
        vm.excludeLeaks();
        vm.mlpLayersProperty().set(1);
        vm.mlpUnitsProperty().set(8);
        vm.mlpEpochsProperty().set(3);
        vm.mlpBatchSizeProperty().set(64);
        vm.mlpLearningRateProperty().set(0.01);
        vm.mlpPatienceProperty().set(0);
        vm.mlpDeviceProperty().set(MlpParameters.ComputeDevice.GPU);
        vm.train();
        assertThat(vm.models()).singleElement().satisfies(m -> {
            MlpParameters used = m.info().options().hyper().mlp();
            assertThat(used).isEqualTo(new MlpParameters(1, 8, MlpParameters.defaults().dropout(), 3, 64, 0.01, 0,
                    MlpParameters.ComputeDevice.GPU));
            assertThat(m.info().evaluation().classification().rocAuc()).isGreaterThan(0.7);
        });
        // a GPU was asked for and none is there: said beside the device and as a notice
        assertThat(vm.deviceNoteProperty().get()).contains("GPU", "CPU");
        assertThat(notices).extracting(Notice::message).contains(vm.deviceNoteProperty().get());

        // a value the network refuses is a message, and nothing trains
        vm.mlpBatchSizeProperty().set(0);
        notices.clear();
        vm.train();
        assertThat(vm.models()).hasSize(1);
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.ERROR);
            assertThat(n.message()).containsIgnoringCase("batch");
        });

        for (Algorithm a : Algorithm.values()) vm.algorithmProperty(a).set(a == Algorithm.GBM);
        assertThat(vm.networkChosenProperty().get()).isFalse();
    }

    @Test
    void anEnsembleTickedAloneAveragesTheUsualMembersTrainedWithTheSettingsShown() {
        // regression: the members of an ensemble ticked alone ignored Trees, Depth, Learning rate and Early
        // stopping, and the forest took the boosting depth (6 instead of 20)
        for (Algorithm a : Algorithm.values()) vm.algorithmProperty(a).set(a == Algorithm.ENSEMBLE);
        assertThat(vm.networkChosenProperty().get()).isFalse();
        vm.excludeLeaks();
        assertThat(vm.forestDepthProperty().get()).isEqualTo(HyperParameters.defaults(Algorithm.RANDOM_FOREST).maxDepth());
        vm.treesProperty().set(40);
        vm.maxDepthProperty().set(3);
        vm.learningRateProperty().set(0.3);
        vm.earlyStoppingProperty().set(0);
        vm.forestTreesProperty().set(30);
        vm.forestDepthProperty().set(5);
        vm.validationSizeProperty().set(0.2);
        vm.train();
        assertThat(vm.models().get(2).info().options().validationSize()).isEqualTo(0.2);
        assertThat(vm.models()).extracting(m -> m.info().algorithm())
                .containsExactly(Algorithm.LOGISTIC, Algorithm.RANDOM_FOREST, Algorithm.GBM, Algorithm.ENSEMBLE);
        HyperParameters forest = vm.models().get(1).info().options().hyper();
        assertThat(forest.trees()).isEqualTo(30);
        assertThat(forest.maxDepth()).isEqualTo(5);
        HyperParameters gbm = vm.models().get(2).info().options().hyper();
        assertThat(List.of(gbm.trees(), gbm.maxDepth(), gbm.earlyStoppingRounds())).containsExactly(40, 3, 0);
        assertThat(gbm.learningRate()).isEqualTo(0.3);
        assertThat(vm.models().get(3).info().evaluation().classification().rocAuc()).isGreaterThan(0.7);
    }

    @Test
    void cancellingTrainingLeavesTheProjectUnchanged() {
        for (Algorithm a : Algorithm.values()) vm.algorithmProperty(a).set(a == Algorithm.GBM);
        vm.treesProperty().set(200);
        vm.earlyStoppingProperty().set(0); // every stage, so that only the cancel can end it early
        Project beforeTraining = project.getProject();
        // cancel from the live curve, after a few boosting stages
        vm.liveHistory().addListener((ListChangeListener<Object>) c -> {
            if (vm.liveHistory().size() >= 3 && !runner.running().isEmpty()) runner.running().get(0).cancel();
        });
        vm.train();

        assertThat(vm.isTraining()).isFalse();
        assertThat(vm.liveHistory().size()).isLessThan(200);
        assertThat(vm.trainingStatusProperty().get()).isEqualTo(I18n.tr("ui.models.train.cancelled"));
        assertThat(project.getProject()).isSameAs(beforeTraining);
        assertThat(project.isDirty()).isFalse();
        assertThat(vm.models()).isEmpty();
        assertThat(notices).extracting(Notice::kind).contains(Notice.Kind.INFO).doesNotContain(Notice.Kind.ERROR);
    }

    @Test
    void thresholdMovesConfusionAndProfitAndBestProfitPicksTheMaximum() {
        chooseLogistic();
        vm.train();
        vm.valuePerTruePositiveProperty().set(50);
        vm.costPerContactProperty().set(8);

        vm.thresholdProperty().set(0.2);
        Metrics.Confusion low = vm.getConfusion();
        vm.thresholdProperty().set(0.8);
        Metrics.Confusion high = vm.getConfusion();
        assertThat(low.contacted()).isGreaterThan(high.contacted());
        assertThat(low.tp() + low.fn()).isEqualTo(high.tp() + high.fn());
        assertThat(vm.profitProperty().get()).isEqualTo(high.tp() * 50.0 - high.contacted() * 8.0);

        vm.costPerContactProperty().set(20);
        assertThat(vm.profitProperty().get()).as("the cost is applied at once").isEqualTo(high.tp() * 50.0 - high.contacted() * 20.0);

        Metrics.ProfitPoint best = vm.pickBestThreshold();
        assertThat(vm.thresholdProperty().get()).isEqualTo(Math.min(1, best.threshold()));
        double bestProfit = vm.profitProperty().get();
        assertThat(bestProfit).isEqualTo(best.profit());
        var c = vm.getSelectedModel().info().evaluation().classification();
        for (double t = 0; t <= 1.0001; t += 0.05) {
            assertThat(c.at(t).profit(50, 20)).isLessThanOrEqualTo(bestProfit);
        }
    }

    @Test
    void scoringAddsColumnsAndExportsCsv() throws Exception {
        chooseLogistic();
        vm.train();
        vm = open(project.getProject()); // reopened: clean, the model restored from its artifact
        assertThat(project.isDirty()).isFalse();
        assertThat(vm.getSelectedModel()).isNotNull();
        assertThat(vm.scoringUseProperty().get()).as("a target named churned scores churn risk").isEqualTo(
                io.segmenta.core.model.ScoringPolicy.Use.CHURN);
        vm.cutoffProperty(0).set(0.8);
        vm.cutoffProperty(1).set(0.5);
        vm.cutoffProperty(2).set(0.3);
        vm.score();
        var r = vm.scoreResultProperty().get();
        assertThat(r).isNotNull();
        assertThat(r.rows()).isEqualTo(1200);
        assertThat(r.policy().cutoffs()).containsExactly(0.8, 0.5, 0.3);
        assertThat(r.tierCounts()[0] + r.tierCounts()[1] + r.tierCounts()[2] + r.tierCounts()[3]).isEqualTo(1200);

        vm.addScoresToDataset();
        Dataset ds = project.getProject().dataset("customers").orElseThrow().dataset();
        assertThat(ds.columnNames()).contains("churned_score", "churned_decile", "churned_tier", "churned_action");
        assertThat(ds.column("churned_score").getDouble(0)).isEqualTo(r.scores()[0]);
        assertThat(project.isDirty()).isTrue();
        assertThat(replaceAsked).isEmpty();

        // adding them again asks before replacing; "keep" changes nothing
        replaceAnswer = false;
        vm.cutoffProperty(0).set(0.9);
        vm.score();
        vm.addScoresToDataset();
        assertThat(replaceAsked).containsExactly("customers: [churned_score, churned_decile, churned_tier, churned_action]");
        assertThat(project.getProject().dataset("customers").orElseThrow().dataset()).isSameAs(ds);
        replaceAnswer = true;
        vm.addScoresToDataset();
        assertThat(project.getProject().dataset("customers").orElseThrow().dataset()).isNotSameAs(ds);
        vm.cutoffProperty(0).set(0.8);
        vm.score();

        Path out = dir.resolve("scored");
        fileAnswers.add(out);
        vm.exportScored();
        Path csv = dir.resolve("scored.csv");
        assertThat(csv).isRegularFile();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1201);
        assertThat(lines.get(0)).contains("customer_id", "churned_score", "churned_tier", "churned_action");

        vm.cutoffProperty(1).set(0.95); // not descending
        vm.score();
        assertThat(vm.scoreErrorProperty().get()).isNotBlank();
    }

    private static List<io.segmenta.core.project.Artifact> policies(Project p) {
        return p.artifacts().stream().filter(a -> ScoringPolicy.ARTIFACT_KIND.equals(a.kind())).toList();
    }

    @Test
    void editedCutOffsAreSavedInTheProjectAndRestoredOnReopen() {
        chooseLogistic();
        vm.train();
        String model = vm.getSelectedModel().name();
        vm = open(project.getProject());
        assertThat(policies(project.getProject())).as("defaults are not stored").isEmpty();
        assertThat(vm.policy()).isEqualTo(ScoringPolicy.churn());

        vm.cutoffProperty(0).set(0.8);
        vm.cutoffProperty(1).set(0.5);
        vm.cutoffProperty(2).set(0.3);
        assertThat(project.isDirty()).isTrue();
        assertThat(policies(project.getProject())).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo(model);
            assertThat(a.datasetName()).isEqualTo("customers");
            assertThat(ScoringPolicy.fromArtifact(a)).isEqualTo(new ScoringPolicy(ScoringPolicy.Use.CHURN, List.of(0.8, 0.5, 0.3)));
        });
        vm.cutoffProperty(1).set(0.95); // not descending: never saved
        assertThat(ScoringPolicy.fromArtifact(policies(project.getProject()).get(0)).cutoffs()).containsExactly(0.8, 0.5, 0.3);
        vm.cutoffProperty(1).set(0.6);

        ModelsViewModel reopened = open(project.getProject());
        assertThat(project.isDirty()).as("restoring a policy does not edit the project").isFalse();
        assertThat(reopened.getSelectedModel().name()).isEqualTo(model);
        assertThat(reopened.scoringUseProperty().get()).isEqualTo(ScoringPolicy.Use.CHURN);
        assertThat(List.of(reopened.cutoffProperty(0).get(), reopened.cutoffProperty(1).get(), reopened.cutoffProperty(2).get()))
                .containsExactly(0.8, 0.6, 0.3);
        reopened.score();
        assertThat(reopened.scoreResultProperty().get().policy().cutoffs()).containsExactly(0.8, 0.6, 0.3);

        reopened.scoringUseProperty().set(ScoringPolicy.Use.PURCHASE); // another kind of score, its default cut-offs
        assertThat(ScoringPolicy.fromArtifact(policies(project.getProject()).get(0))).isEqualTo(ScoringPolicy.purchase());
        ModelsViewModel again = open(project.getProject());
        assertThat(again.policy()).isEqualTo(ScoringPolicy.purchase());

        again.deleteSelected();
        assertThat(policies(project.getProject())).as("the policy goes with its model").isEmpty();
    }

    @Test
    void aNewCsvFileIsImportedScoredAndExportedAndMissingColumnsAreListed() throws Exception {
        chooseLogistic();
        vm.train();
        vm.score();
        double[] projectScores = vm.scoreResultProperty().get().scores();

        Dataset data = churnData();
        Dataset fresh = new Dataset("fresh", data.columns().stream().filter(c -> !c.name().equals("churned")).toList());
        Path csv = dir.resolve("new_customers.csv");
        io.segmenta.core.io.CsvWriter.write(fresh, csv, io.segmenta.core.io.CsvWriter.Options.defaults(), io.segmenta.core.task.TaskContext.NONE);
        List<String> columnsBefore = project.getProject().dataset("customers").orElseThrow().dataset().columnNames();

        fileAnswers.add(csv);
        vm.scoreFile();
        assertThat(vm.scoreErrorProperty().get()).isNull();
        var r = vm.scoreResultProperty().get();
        assertThat(r).isNotNull();
        assertThat(vm.scoredFileProperty().get()).isEqualTo(csv);
        assertThat(r.rows()).isEqualTo(1200);
        for (int i = 0; i < 1200; i += 97) assertThat(r.scores()[i]).isCloseTo(projectScores[i], within(1e-9));

        assertThat(vm.scoreNotesProperty().get()).as("a complete file: nothing to say").isEmpty();

        vm.addScoresToDataset(); // a file is not part of the project
        assertThat(project.getProject().dataset("customers").orElseThrow().dataset().columnNames()).isEqualTo(columnsBefore);
        fileAnswers.add(dir.resolve("new_scored"));
        vm.exportScored();
        List<String> lines = Files.readAllLines(dir.resolve("new_scored.csv"));
        assertThat(lines).hasSize(1201);
        assertThat(lines.get(0)).contains("customer_id", "churned_score", "churned_decile", "churned_tier", "churned_action");

        Dataset lacking = new Dataset("lacking", data.columns().stream()
                .filter(c -> !c.name().equals("recency_days") && !c.name().equals("segment")).toList());
        Path bad = dir.resolve("lacking.csv");
        io.segmenta.core.io.CsvWriter.write(lacking, bad, io.segmenta.core.io.CsvWriter.Options.defaults(), io.segmenta.core.task.TaskContext.NONE);
        fileAnswers.add(bad);
        vm.scoreFile();
        assertThat(vm.scoreResultProperty().get()).isNull();
        assertThat(vm.scoredFileProperty().get()).isNull();
        assertThat(vm.scoreErrorProperty().get()).contains("recency_days", "segment", "lacking");

        vm.scoreFile(); // the user cancels the chooser: nothing changes
        assertThat(vm.scoreErrorProperty().get()).contains("recency_days");

        // values the model cannot use as trained are said in the app as on the command line
        List<String> csvLines = new java.util.ArrayList<>(Files.readAllLines(csv));
        int seg = java.util.Arrays.asList(csvLines.get(0).split(",")).indexOf("segment");
        String[] cells = csvLines.get(1).split(",", -1);
        cells[seg] = "martian";
        csvLines.set(1, String.join(",", cells));
        Path odd = dir.resolve("odd.csv");
        Files.write(odd, csvLines);
        fileAnswers.add(odd);
        vm.scoreFile();
        assertThat(vm.scoreResultProperty().get()).isNotNull();
        assertThat(vm.scoreNotesProperty().get()).contains("Column segment: one of 1,200 values is a category").contains("\"martian\"");
    }

    @Test
    void modelsAreRestoredFromTheProjectArtifactsAndFilesRoundTrip() {
        chooseLogistic();
        vm.train();
        TrainedModel trained = vm.getSelectedModel();
        Project saved = project.getProject();

        ModelsViewModel reopened = open(saved);
        assertThat(reopened.models()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo(trained.name());
            assertThat(m.info().fingerprint()).isEqualTo(trained.info().fingerprint());
            assertThat(m.info().evaluation().classification().rocAuc()).isEqualTo(trained.info().evaluation().classification().rocAuc());
        });
        assertThat(reopened.getSelectedModel()).isNotNull();
        assertThat(reopened.leaderboard()).hasSize(1);
        assertThat(reopened.getConfusion()).isNotNull();

        Path file = dir.resolve("churn");
        fileAnswers.add(file);
        reopened.exportSelected();
        assertThat(dir.resolve("churn" + ModelIO.EXTENSION)).isRegularFile();
        fileAnswers.add(dir.resolve("churn" + ModelIO.EXTENSION));
        reopened.importModel();
        assertThat(reopened.models()).hasSize(2);
        assertThat(reopened.models()).extracting(TrainedModel::name).doesNotHaveDuplicates();
        assertThat(reopened.getSelectedModel().info().fingerprint()).isEqualTo(trained.info().fingerprint());

        reopened.deleteSelected();
        assertThat(reopened.models()).hasSize(1);
    }

    @Test
    void everyModelsStringHasASpanishTranslation() {
        var en = java.util.ResourceBundle.getBundle("io.segmenta.i18n.ui", Locale.ROOT);
        var es = java.util.ResourceBundle.getBundle("io.segmenta.i18n.ui", Locale.of("es"));
        List<String> keys = en.keySet().stream().filter(k -> k.startsWith("ui.models.")).toList();
        assertThat(keys).hasSizeGreaterThan(150);
        for (String k : keys) {
            assertThat(es.getString(k)).as(k).isNotBlank();
            if (!k.endsWith(".f1") && !k.endsWith(".mae") && !k.endsWith(".rmse") && !k.endsWith(".r2") && !k.contains(".short.")
                    && !k.endsWith(".item") && !k.endsWith(".lift") && !k.endsWith(".log_loss") && !k.endsWith(".gbm")
                    && !k.endsWith(".ridge") && !k.endsWith(".device.cpu") && !k.endsWith(".device.gpu") && !k.contains(".cvMetric.")) {
                assertThat(es.getString(k)).as(k).isNotEqualTo(en.getString(k));
            }
        }
    }
}
