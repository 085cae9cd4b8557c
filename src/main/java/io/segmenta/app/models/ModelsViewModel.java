package io.segmenta.app.models;

import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.SameThreadTaskRunner;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.app.task.TaskRunner;
import io.segmenta.app.ui.Icons;
import io.segmenta.app.ui.Notifier;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.CsvWriter;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.model.Algorithm;
import io.segmenta.core.model.Evaluation;
import io.segmenta.core.model.HistoryPoint;
import io.segmenta.core.model.HyperParameters;
import io.segmenta.core.model.Leaderboard;
import io.segmenta.core.model.LeakageFlag;
import io.segmenta.core.model.Metrics;
import io.segmenta.core.model.MlpDevice;
import io.segmenta.core.model.MlpParameters.ComputeDevice;
import io.segmenta.core.model.MlpParameters;
import io.segmenta.core.model.MlpPredictor;
import io.segmenta.core.model.ModelIO;
import io.segmenta.core.model.ModelScorer;
import io.segmenta.core.model.ModelSetup;
import io.segmenta.core.model.ModelTrainer;
import io.segmenta.core.model.ScoringPolicy;
import io.segmenta.core.model.Task;
import io.segmenta.core.model.TrainedModel;
import io.segmenta.core.model.TrainingOptions;
import io.segmenta.core.project.Artifact;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * State of the Models section: the setup of a training run (dataset, target, task, features, algorithms,
 * settings), the run in progress with its live curves, the models of the project (restored from its
 * artifacts) with their leaderboard, the evaluation of the selected model at a threshold the user moves,
 * and scoring. Every computation runs through the one {@link TaskRunner}; each kind of request keeps a
 * generation so that only the newest request may publish (latest request wins). The view only binds.
 */
public final class ModelsViewModel {

    /** Metrics the leaderboard can be sorted by, per task. */
    public static final List<String> CLASSIFICATION_METRICS = List.of("roc_auc", "pr_auc", "log_loss", "brier", "accuracy", "f1");
    public static final List<String> REGRESSION_METRICS = List.of("r2", "mae", "rmse");

    private static final Pattern TARGET_LIKE = Pattern.compile(
            "(?i).*(churn|convert|target|label|purchase|response|outcome|bought|baja|abandon|^y$).*");
    private static final int MAX_POSITIVE_VALUES = 30;

    /** What an inspection of the setup found: the setup (null on error), the target's values and the error. */
    record Inspection(ModelSetup setup, List<String> values, String error) { }

    private final TaskRunner runner;
    private final ProjectViewModel project;
    private final Notifier notifier;
    private final ModelsDialogs dialogs;
    private final Executor ui;

    // ---- setup
    private final ObservableList<String> datasetNames = FXCollections.observableArrayList();
    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObservableList<String> targetColumns = FXCollections.observableArrayList();
    private final ObjectProperty<String> target = new SimpleObjectProperty<>(this, "target");
    private final ObservableList<String> positiveValues = FXCollections.observableArrayList();
    private final ObjectProperty<String> positive = new SimpleObjectProperty<>(this, "positive");
    private final ObjectProperty<Task> requestedTask = new SimpleObjectProperty<>(this, "requestedTask");
    private final ReadOnlyObjectWrapper<ModelSetup> setup = new ReadOnlyObjectWrapper<>(this, "setup");
    private final ReadOnlyStringWrapper setupError = new ReadOnlyStringWrapper(this, "setupError");
    private final ReadOnlyBooleanWrapper inspecting = new ReadOnlyBooleanWrapper(this, "inspecting");
    private final ObservableList<FeatureRow> features = FXCollections.observableArrayList();
    private final ObservableList<LeakageFlag> leakage = FXCollections.observableArrayList();
    private final Map<Algorithm, BooleanProperty> algorithms = new EnumMap<>(Algorithm.class);
    private final IntegerProperty trees = new SimpleIntegerProperty(this, "trees", HyperParameters.defaults(Algorithm.GBM).trees());
    private final IntegerProperty maxDepth = new SimpleIntegerProperty(this, "maxDepth", HyperParameters.defaults(Algorithm.GBM).maxDepth());
    private final IntegerProperty forestTrees = new SimpleIntegerProperty(this, "forestTrees", HyperParameters.defaults(Algorithm.RANDOM_FOREST).trees());
    private final IntegerProperty forestDepth = new SimpleIntegerProperty(this, "forestDepth", HyperParameters.defaults(Algorithm.RANDOM_FOREST).maxDepth());
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 0.1);
    private final IntegerProperty earlyStopping = new SimpleIntegerProperty(this, "earlyStopping", HyperParameters.DEFAULT_EARLY_STOPPING);
    private final DoubleProperty l2 = new SimpleDoubleProperty(this, "l2", 1.0);
    private final DoubleProperty testSize = new SimpleDoubleProperty(this, "testSize", TrainingOptions.DEFAULT_TEST_SIZE);
    private final DoubleProperty validationSize = new SimpleDoubleProperty(this, "validationSize", TrainingOptions.DEFAULT_VALIDATION_SIZE);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", (int) TrainingOptions.DEFAULT_SEED);
    private final BooleanProperty classWeights = new SimpleBooleanProperty(this, "classWeights");
    private final IntegerProperty cvFolds = new SimpleIntegerProperty(this, "cvFolds", 0);
    private final IntegerProperty mlpLayers = new SimpleIntegerProperty(this, "mlpLayers", MlpParameters.defaults().layers());
    private final IntegerProperty mlpUnits = new SimpleIntegerProperty(this, "mlpUnits", MlpParameters.defaults().units());
    private final DoubleProperty mlpDropout = new SimpleDoubleProperty(this, "mlpDropout", MlpParameters.defaults().dropout());
    private final IntegerProperty mlpEpochs = new SimpleIntegerProperty(this, "mlpEpochs", MlpParameters.defaults().epochs());
    private final IntegerProperty mlpBatchSize = new SimpleIntegerProperty(this, "mlpBatchSize", MlpParameters.defaults().batchSize());
    private final DoubleProperty mlpLearningRate = new SimpleDoubleProperty(this, "mlpLearningRate", MlpParameters.defaults().learningRate());
    private final IntegerProperty mlpPatience = new SimpleIntegerProperty(this, "mlpPatience", MlpParameters.defaults().patience());
    private final ObjectProperty<ComputeDevice> mlpDevice = new SimpleObjectProperty<>(this, "mlpDevice", ComputeDevice.AUTO);
    private final ReadOnlyBooleanWrapper networkChosen = new ReadOnlyBooleanWrapper(this, "networkChosen");
    private final ReadOnlyStringWrapper engineInfo = new ReadOnlyStringWrapper(this, "engineInfo", "");
    private final ReadOnlyStringWrapper deviceNote = new ReadOnlyStringWrapper(this, "deviceNote", "");
    private boolean engineAsked;
    private long inspectGeneration;
    private TaskHandle<Inspection> inspectHandle;

    // ---- training
    private final ReadOnlyBooleanWrapper training = new ReadOnlyBooleanWrapper(this, "training");
    private final ReadOnlyObjectWrapper<TaskHandle<List<TrainedModel>>> trainingTask = new ReadOnlyObjectWrapper<>(this, "trainingTask");
    private final ReadOnlyStringWrapper trainingStatus = new ReadOnlyStringWrapper(this, "trainingStatus", "");
    private final ObservableList<HistoryPoint> liveHistory = FXCollections.observableArrayList();
    private final ConcurrentLinkedQueue<HistoryPoint> pendingPoints = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile long trainGeneration;

    // ---- models and leaderboard
    private final ObservableList<TrainedModel> models = FXCollections.observableArrayList();
    private final Map<Artifact, TrainedModel> decoded = new IdentityHashMap<>();
    private final ObservableList<Leaderboard.Entry> leaderboard = FXCollections.observableArrayList();
    private final StringProperty sortMetric = new SimpleStringProperty(this, "sortMetric", "roc_auc");
    private final ObjectProperty<TrainedModel> selectedModel = new SimpleObjectProperty<>(this, "selectedModel");
    private long decodeGeneration;

    // ---- evaluation at a threshold
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.5);
    private final DoubleProperty valuePerTruePositive = new SimpleDoubleProperty(this, "valuePerTruePositive", 100);
    private final DoubleProperty costPerContact = new SimpleDoubleProperty(this, "costPerContact", 10);
    private final ReadOnlyObjectWrapper<Metrics.Confusion> confusion = new ReadOnlyObjectWrapper<>(this, "confusion");
    private final ReadOnlyObjectWrapper<Double> profit = new ReadOnlyObjectWrapper<>(this, "profit");

    // ---- scoring
    private final ObjectProperty<String> scoreDataset = new SimpleObjectProperty<>(this, "scoreDataset");
    private final ObjectProperty<ScoringPolicy.Use> scoringUse = new SimpleObjectProperty<>(this, "scoringUse", ScoringPolicy.Use.CHURN);
    private final DoubleProperty cutoff1 = new SimpleDoubleProperty(this, "cutoff1", 0.9);
    private final DoubleProperty cutoff2 = new SimpleDoubleProperty(this, "cutoff2", 0.7);
    private final DoubleProperty cutoff3 = new SimpleDoubleProperty(this, "cutoff3", 0.5);
    private final ReadOnlyObjectWrapper<ModelScorer.ScoreResult> scoreResult = new ReadOnlyObjectWrapper<>(this, "scoreResult");
    private final ReadOnlyStringWrapper scoreError = new ReadOnlyStringWrapper(this, "scoreError");
    /** What scoring did with values the model could not use as trained (unknown categories, empty cells…). */
    private final ReadOnlyStringWrapper scoreNotes = new ReadOnlyStringWrapper(this, "scoreNotes", "");
    private final ReadOnlyBooleanWrapper scoring = new ReadOnlyBooleanWrapper(this, "scoring");
    private final ReadOnlyObjectWrapper<Path> scoredFile = new ReadOnlyObjectWrapper<>(this, "scoredFile");
    private TrainedModel scoredModel;
    private Dataset scoredData;
    private long scoreGeneration;
    private TaskHandle<?> scoreHandle;
    /** True while the use and cut-offs are set from a model's saved (or default) policy, not by the user. */
    private boolean applyingPolicy;

    /** A CSV file imported and scored outside the project. */
    /** A scoring and what it did with values the model could not use as trained (one sentence per column). */
    private record FileScore(Dataset data, ModelScorer.ScoreResult result, List<String> notes) { }

    /** Publishes live training points on the FX thread (or at once when tests run on one thread). */
    public ModelsViewModel(TaskRunner runner, ProjectViewModel project, Notifier notifier, ModelsDialogs dialogs) {
        this(runner, project, notifier, dialogs, runner instanceof SameThreadTaskRunner ? Runnable::run : Platform::runLater);
    }

    /**
     * @param ui where the live training points are published: the thread that owns the UI
     */
    public ModelsViewModel(TaskRunner runner, ProjectViewModel project, Notifier notifier, ModelsDialogs dialogs, Executor ui) {
        this.runner = runner;
        this.project = project;
        this.notifier = notifier;
        this.dialogs = dialogs;
        this.ui = ui;
        for (Algorithm a : Algorithm.values()) algorithms.put(a, new SimpleBooleanProperty(this, a.key(), false));
        algorithms.get(Algorithm.LOGISTIC).set(true);
        algorithms.get(Algorithm.RIDGE).set(true);
        algorithms.get(Algorithm.GBM).set(true);
        algorithms.get(Algorithm.MLP).addListener((o, was, is) -> networkChoiceChanged());

        project.projectProperty().addListener((o, a, b) -> projectChanged());
        dataset.addListener((o, a, b) -> datasetChanged());
        target.addListener((o, a, b) -> {
            positive.set(null);
            inspect();
        });
        positive.addListener((o, a, b) -> inspect());
        requestedTask.addListener((o, a, b) -> inspect());
        sortMetric.addListener((o, a, b) -> refreshLeaderboard());
        selectedModel.addListener((o, a, b) -> modelSelected(b));
        threshold.addListener((o, a, b) -> recomputeConfusion());
        valuePerTruePositive.addListener((o, a, b) -> recomputeConfusion());
        costPerContact.addListener((o, a, b) -> recomputeConfusion());
        scoreDataset.addListener((o, a, b) -> clearScore());
        scoringUse.addListener((o, a, b) -> {
            if (b == null) return;
            boolean outer = applyingPolicy;
            applyingPolicy = true;
            try {
                setCutoffs(ScoringPolicy.defaults(b).cutoffs());
            } finally {
                applyingPolicy = outer;
            }
            if (!outer) savePolicy();
        });
        for (DoubleProperty c : List.of(cutoff1, cutoff2, cutoff3)) {
            c.addListener((o, a, b) -> {
                if (!applyingPolicy) savePolicy();
            });
        }
        projectChanged();
    }

    // =========================================================================================== accessors

    public ObservableList<String> datasetNames() { return datasetNames; }

    public ObjectProperty<String> datasetProperty() { return dataset; }

    public ObservableList<String> targetColumns() { return targetColumns; }

    public ObjectProperty<String> targetProperty() { return target; }

    public ObservableList<String> positiveValues() { return positiveValues; }

    /** The positive class; null = chosen automatically. */
    public ObjectProperty<String> positiveProperty() { return positive; }

    /** The task asked for; null = inferred from the target. */
    public ObjectProperty<Task> requestedTaskProperty() { return requestedTask; }

    public ReadOnlyObjectProperty<ModelSetup> setupProperty() { return setup.getReadOnlyProperty(); }

    public ModelSetup getSetup() { return setup.get(); }

    /** Why the setup cannot be used (localised), or null. */
    public ReadOnlyStringProperty setupErrorProperty() { return setupError.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty inspectingProperty() { return inspecting.getReadOnlyProperty(); }

    /** The task the setup resolved to (inferred or asked for), or null. */
    public Task effectiveTask() { return setup.get() == null ? null : setup.get().target().task(); }

    public ObservableList<FeatureRow> features() { return features; }

    public ObservableList<LeakageFlag> leakage() { return leakage; }

    public BooleanProperty algorithmProperty(Algorithm a) { return algorithms.get(a); }

    /** Gradient boosting's stages (at most, with early stopping). */
    public IntegerProperty treesProperty() { return trees; }
    public IntegerProperty forestTreesProperty() { return forestTrees; }
    public IntegerProperty forestDepthProperty() { return forestDepth; }
    /** Share of the non-test rows held out for early stopping (boosting and the network); 0 = none. */
    public DoubleProperty validationSizeProperty() { return validationSize; }
    /** k of a k-fold cross-validation on the non-test rows, 0 = none. */
    public IntegerProperty cvFoldsProperty() { return cvFolds; }
    public IntegerProperty mlpLayersProperty() { return mlpLayers; }
    public IntegerProperty mlpUnitsProperty() { return mlpUnits; }
    public DoubleProperty mlpDropoutProperty() { return mlpDropout; }
    public IntegerProperty mlpEpochsProperty() { return mlpEpochs; }
    public IntegerProperty mlpBatchSizeProperty() { return mlpBatchSize; }
    public DoubleProperty mlpLearningRateProperty() { return mlpLearningRate; }
    public IntegerProperty mlpPatienceProperty() { return mlpPatience; }
    public ObjectProperty<ComputeDevice> mlpDeviceProperty() { return mlpDevice; }
    /** True while the network or an ensemble is ticked: the network settings apply. */
    public ReadOnlyBooleanProperty networkChosenProperty() { return networkChosen.getReadOnlyProperty(); }
    /** What the PyTorch engine offers (engine, GPUs), empty until the network is first ticked. */
    public ReadOnlyStringProperty engineInfoProperty() { return engineInfo.getReadOnlyProperty(); }
    /** Where the latest network of this session trained, and why. */
    public ReadOnlyStringProperty deviceNoteProperty() { return deviceNote.getReadOnlyProperty(); }

    public IntegerProperty maxDepthProperty() { return maxDepth; }

    public DoubleProperty learningRateProperty() { return learningRate; }
    /** Gradient boosting stops after this many stages without a better validation loss (0 = never). */
    public IntegerProperty earlyStoppingProperty() { return earlyStopping; }

    public DoubleProperty l2Property() { return l2; }

    public DoubleProperty testSizeProperty() { return testSize; }

    public IntegerProperty seedProperty() { return seed; }

    public BooleanProperty classWeightsProperty() { return classWeights; }

    public ReadOnlyBooleanProperty trainingProperty() { return training.getReadOnlyProperty(); }

    public boolean isTraining() { return training.get(); }

    public ReadOnlyObjectProperty<TaskHandle<List<TrainedModel>>> trainingTaskProperty() { return trainingTask.getReadOnlyProperty(); }

    public ReadOnlyStringProperty trainingStatusProperty() { return trainingStatus.getReadOnlyProperty(); }

    /** Loss and metric per stage of the run in progress (or the last one), appended in batches. */
    public ObservableList<HistoryPoint> liveHistory() { return liveHistory; }

    /** Every model of the project, in artifact order. */
    public ObservableList<TrainedModel> models() { return models; }

    /** Models trained on the selected dataset, best first by {@link #sortMetricProperty()}. */
    public ObservableList<Leaderboard.Entry> leaderboard() { return leaderboard; }

    public StringProperty sortMetricProperty() { return sortMetric; }

    public ObjectProperty<TrainedModel> selectedModelProperty() { return selectedModel; }

    public TrainedModel getSelectedModel() { return selectedModel.get(); }

    public DoubleProperty thresholdProperty() { return threshold; }

    public DoubleProperty valuePerTruePositiveProperty() { return valuePerTruePositive; }

    public DoubleProperty costPerContactProperty() { return costPerContact; }

    /** Counts of the selected classification model's test part at {@link #thresholdProperty()}, or null. */
    public ReadOnlyObjectProperty<Metrics.Confusion> confusionProperty() { return confusion.getReadOnlyProperty(); }

    public Metrics.Confusion getConfusion() { return confusion.get(); }

    /** Expected profit on the test part at the threshold, or null. */
    public ReadOnlyObjectProperty<Double> profitProperty() { return profit.getReadOnlyProperty(); }

    public ObjectProperty<String> scoreDatasetProperty() { return scoreDataset; }

    public ObjectProperty<ScoringPolicy.Use> scoringUseProperty() { return scoringUse; }

    public DoubleProperty cutoffProperty(int i) {
        return switch (i) {
            case 0 -> cutoff1;
            case 1 -> cutoff2;
            case 2 -> cutoff3;
            default -> throw new IllegalArgumentException("cut-off " + i);
        };
    }

    public ReadOnlyObjectProperty<ModelScorer.ScoreResult> scoreResultProperty() { return scoreResult.getReadOnlyProperty(); }

    public ReadOnlyStringProperty scoreErrorProperty() { return scoreError.getReadOnlyProperty(); }

    public ReadOnlyStringProperty scoreNotesProperty() { return scoreNotes.getReadOnlyProperty(); }

    /** The input notes of a scoring, computed on the worker: rows are named "row N" of the dataset. */
    private static List<String> inputNotes(TrainedModel m, Dataset ds) {
        return ModelScorer.inputIssues(m, ds).stream().map(i -> i.message(i.row())).toList();
    }

    public ReadOnlyBooleanProperty scoringProperty() { return scoring.getReadOnlyProperty(); }

    /** The CSV file (outside the project) whose scores are shown, or null when they are a project dataset's. */
    public ReadOnlyObjectProperty<Path> scoredFileProperty() { return scoredFile.getReadOnlyProperty(); }

    // ============================================================================================== setup

    private Dataset currentDataset() {
        String n = dataset.get();
        return n == null ? null : project.getProject().dataset(n).map(DatasetEntry::dataset).orElse(null);
    }

    private void projectChanged() {
        Project p = project.getProject();
        List<String> names = p.datasets().stream().map(DatasetEntry::name).toList();
        if (!names.equals(datasetNames)) datasetNames.setAll(names);
        decodeModels(p);
        String current = dataset.get();
        if (current == null || !names.contains(current)) {
            dataset.set(pickDataset(p));
        } else {
            Dataset ds = currentDataset();
            List<String> cols = ds.columnNames();
            if (!cols.equals(targetColumns)) {
                // columns changed (scores added): keep the choices, refresh the setup
                targetColumns.setAll(cols);
                if (target.get() != null && cols.contains(target.get())) inspect();
                else target.set(pickTarget(ds));
            }
        }
        if (scoreDataset.get() == null || !names.contains(scoreDataset.get())) scoreDataset.set(dataset.get());
        refreshLeaderboard();
    }

    private static String pickDataset(Project p) {
        for (DatasetEntry e : p.datasets()) if (pickTarget(e.dataset()) != null) return e.name();
        return p.datasets().isEmpty() ? null : p.datasets().get(0).name();
    }

    /** A column named like an outcome (churn, converted, target, y…), else null. */
    static String pickTarget(Dataset ds) {
        for (String c : ds.columnNames()) if (TARGET_LIKE.matcher(c).matches()) return c;
        return null;
    }

    private void datasetChanged() {
        Dataset ds = currentDataset();
        targetColumns.setAll(ds == null ? List.of() : ds.columnNames());
        String old = target.get();
        String next = ds == null ? null : old != null && ds.find(old).isPresent() ? old : pickTarget(ds);
        if (java.util.Objects.equals(old, next)) inspect(); else target.set(next);
        refreshLeaderboard();
        if (selectedModel.get() == null || !selectedModel.get().info().options().dataset().equals(dataset.get())) {
            selectedModel.set(modelsOf(dataset.get()).stream().reduce((a, b) -> b).orElse(null));
        }
    }

    /** Re-reads the target and the default features of the current choices (latest request wins). */
    public void inspect() {
        long gen = ++inspectGeneration;
        if (inspectHandle != null && !inspectHandle.isDone()) inspectHandle.cancel();
        Dataset ds = currentDataset();
        String t = target.get();
        if (ds == null || t == null || ds.find(t).isEmpty()) {
            setup.set(null);
            features.clear();
            leakage.clear();
            positiveValues.clear();
            setupError.set(ds == null ? I18n.tr("ui.models.setup.noDataset") : I18n.tr("ui.models.setup.noTarget"));
            inspecting.set(false);
            return;
        }
        String pos = positive.get();
        Task task = requestedTask.get();
        inspecting.set(true);
        inspectHandle = runner.submit(I18n.tr("ui.models.task.inspect", t), ctx -> {
                    List<String> values = ds.column(t).distinctValues(MAX_POSITIVE_VALUES);
                    try {
                        TrainingOptions o = TrainingOptions.defaults(ds.name(), t).withPositive(pos).withTask(task);
                        return new Inspection(ModelSetup.inspect(ds, o, ctx), values, null);
                    } catch (UserException e) {
                        return new Inspection(null, values, e.getLocalizedMessage());
                    }
                },
                r -> {
                    if (gen != inspectGeneration) return;
                    inspecting.set(false);
                    applyInspection(ds, r);
                },
                err -> {
                    if (gen != inspectGeneration) return;
                    inspecting.set(false);
                    applyInspection(ds, new Inspection(null, List.of(), Notifier.describe(err)));
                },
                () -> {
                    if (gen == inspectGeneration) inspecting.set(false);
                });
    }

    private void applyInspection(Dataset ds, Inspection r) {
        List<String> values = new ArrayList<>(r.values());
        if (!values.equals(positiveValues)) positiveValues.setAll(values);
        setupError.set(r.error());
        setup.set(r.setup());
        if (r.setup() == null) {
            features.clear();
            leakage.clear();
            return;
        }
        ModelSetup s = r.setup();
        Map<String, String> reasons = new HashMap<>();
        for (ModelSetup.Exclusion e : s.excluded()) reasons.put(e.column(), e.message());
        Map<String, Double> leaks = new HashMap<>();
        for (LeakageFlag f : s.leakage()) leaks.put(f.feature(), f.auc());
        // keep the user's own choices for columns already listed for this target
        Map<String, Boolean> previous = new HashMap<>();
        boolean sameTarget = !features.isEmpty() && ds.name().equals(featuresDataset) && s.target().column().equals(featuresTarget);
        if (sameTarget) for (FeatureRow f : features) previous.put(f.name(), f.isIncluded());
        List<FeatureRow> rows = new ArrayList<>();
        for (Column c : ds.columns()) {
            if (c.name().equals(s.target().column())) continue;
            boolean byDefault = s.features().contains(c.name());
            boolean included = previous.getOrDefault(c.name(), byDefault);
            String reason = byDefault ? "" : reasons.getOrDefault(c.name(), "");
            rows.add(new FeatureRow(c.name(), Icons.typeName(c.type()), reason, leaks.get(c.name()), included));
        }
        featuresDataset = ds.name();
        featuresTarget = s.target().column();
        features.setAll(rows);
        leakage.setAll(s.leakage());
        if (s.target().task() == Task.REGRESSION && CLASSIFICATION_METRICS.contains(sortMetric.get())) sortMetric.set("r2");
        if (s.target().task() == Task.CLASSIFICATION && REGRESSION_METRICS.contains(sortMetric.get())) sortMetric.set("roc_auc");
    }

    private String featuresDataset;
    private String featuresTarget;

    /** Unticks every feature flagged as probable leakage. */
    public void excludeLeaks() {
        for (FeatureRow f : features) if (f.leak()) f.included().set(false);
    }

    /** The names of the ticked features. */
    public List<String> includedFeatures() {
        return features.stream().filter(FeatureRow::isIncluded).map(FeatureRow::name).toList();
    }

    /** The algorithms ticked that fit the task (ensemble excluded). */
    public List<Algorithm> chosenAlgorithms() {
        Task t = effectiveTask();
        List<Algorithm> out = new ArrayList<>();
        for (Algorithm a : List.of(Algorithm.LOGISTIC, Algorithm.RIDGE, Algorithm.RANDOM_FOREST, Algorithm.GBM, Algorithm.MLP)) {
            if (algorithms.get(a).get() && (t == null || a.supports(t))) out.add(a);
        }
        return out;
    }

    // ====================================================================================== neural network

    /** The network section applies while the network is ticked (an ensemble averages it only then). */
    private void networkChoiceChanged() {
        boolean on = algorithms.get(Algorithm.MLP).get();
        networkChosen.set(on);
        if (on) askEngine();
    }

    /**
     * Asks the PyTorch engine, once and in the background, which GPUs it can use (loading it takes seconds the
     * first time), so that the device choice shows what is there before anything is trained.
     */
    private void askEngine() {
        if (engineAsked) return;
        engineAsked = true;
        engineInfo.set(I18n.tr("ui.models.network.checking"));
        runner.submit(I18n.tr("ui.models.task.engine"), ctx -> MlpDevice.probe(),
                e -> engineInfo.set(I18n.tr(e.gpus() > 0 ? "ui.models.network.gpus" : "ui.models.network.noGpu", e.gpus(), e.name())
                        + (e.notice() == null ? "" : " " + e.notice())),
                err -> engineInfo.set(I18n.tr("ui.models.network.engineFailed", Notifier.describe(err))),
                () -> {
                    engineAsked = false;
                    engineInfo.set("");
                });
    }

    /** The network's settings as chosen; throws a {@link UserException} naming the first invalid one. */
    MlpParameters mlpParameters() {
        return new MlpParameters(mlpLayers.get(), mlpUnits.get(), mlpDropout.get(), mlpEpochs.get(), mlpBatchSize.get(),
                mlpLearningRate.get(), mlpPatience.get(), mlpDevice.get());
    }

    HyperParameters hyperFor(Algorithm a) {
        HyperParameters h = HyperParameters.defaults(a).withL2(l2.get());
        if (a == Algorithm.MLP) h = h.withMlp(mlpParameters());
        if (a == Algorithm.RANDOM_FOREST) h = h.withTrees(forestTrees.get()).withMaxDepth(forestDepth.get());
        if (a == Algorithm.GBM) {
            h = h.withTrees(trees.get()).withMaxDepth(maxDepth.get()).withLearningRate(learningRate.get())
                    .withEarlyStoppingRounds(earlyStopping.get());
        }
        return h;
    }

    /** The options of the current setup for {@code a}; throws a {@link UserException} when they are invalid. */
    TrainingOptions optionsFor(Algorithm a) {
        ModelSetup s = setup.get();
        if (s == null) throw new UserException("ui.models.error.noSetup");
        List<String> f = includedFeatures();
        if (f.isEmpty()) throw new UserException("model.options.noFeatures", s.target().column());
        return TrainingOptions.defaults(dataset.get(), target.get())
                .withPositive(positive.get()).withTask(s.target().task())
                .withFeatures(f).withAlgorithm(a).withHyper(hyperFor(a))
                .withSplit(testSize.get(), validationSize.get(), seed.get())
                .withClassWeights(classWeights.get()).withCvFolds(cvFolds.get());
    }

    // =========================================================================================== training

    /** Trains the ticked algorithms (and their ensemble when ticked) in the background. */
    public void train() {
        if (training.get()) return;
        Dataset ds = currentDataset();
        List<Algorithm> algos = new ArrayList<>(chosenAlgorithms());
        boolean ensemble = algorithms.get(Algorithm.ENSEMBLE).get();
        if (ensemble && algos.size() < 2) {
            // an ensemble of fewer than two ticked models averages them with the usual members, each trained
            // with the settings shown
            Task t = effectiveTask();
            for (Algorithm a : Algorithm.defaultEnsembleMembers(t == null ? Task.CLASSIFICATION : t)) {
                if (!algos.contains(a)) algos.add(a);
            }
        }
        List<TrainingOptions> opts = new ArrayList<>();
        try {
            if (ds == null) throw new UserException("ui.models.error.noSetup");
            for (Algorithm a : algos) opts.add(optionsFor(a));
            if (opts.isEmpty()) throw new UserException("ui.models.error.noAlgorithm");
        } catch (UserException e) {
            notifier.error(e.getLocalizedMessage());
            return;
        }
        boolean averageMembers = ensemble && algos.size() >= 2;
        long gen = ++trainGeneration;
        pendingPoints.clear();
        liveHistory.clear();
        training.set(true);
        trainingStatus.set(I18n.tr("ui.models.train.running"));
        int steps = opts.size() + (averageMembers ? 1 : 0);
        TaskHandle<List<TrainedModel>> h = runner.submit(I18n.tr("ui.models.task.train", target.get()), ctx -> {
                    List<TrainedModel> out = new ArrayList<>();
                    int step = 0;
                    for (TrainingOptions o : opts) {
                        out.add(ModelTrainer.train(ds, o, slice(ctx, step++, steps), p -> publishPoint(gen, p)).model());
                    }
                    if (averageMembers) out.add(ModelTrainer.ensemble(ds, List.copyOf(out), slice(ctx, step, steps)));
                    ctx.checkCancelled();
                    return out;
                },
                trained -> {
                    if (gen != trainGeneration) return;
                    noteDevice(trained);
                    addModels(trained);
                    trainingStatus.set(I18n.tr("ui.models.train.done", trained.size()));
                    finishTraining();
                    notifier.success(I18n.tr("ui.models.notice.trained", trained.size(), dataset.get()));
                },
                err -> {
                    if (gen != trainGeneration) return;
                    finishTraining();
                    trainingStatus.set(I18n.tr("ui.models.train.failed", Notifier.describe(err)));
                    notifier.error(I18n.tr("ui.models.train.failed", Notifier.describe(err)));
                },
                () -> {
                    if (gen != trainGeneration) return;
                    finishTraining();
                    trainingStatus.set(I18n.tr("ui.models.train.cancelled"));
                    notifier.info(I18n.tr("ui.models.train.cancelled"));
                });
        if (!h.isDone()) trainingTask.set(h);
    }

    /**
     * After a run that trained a network: where it ran, said beside the device choice, and as a notice when the
     * GPU was asked for and the CPU was used.
     */
    private void noteDevice(List<TrainedModel> trained) {
        boolean network = trained.stream().flatMap(m -> m.pipelines().stream()).anyMatch(p -> p.predictor() instanceof MlpPredictor);
        if (!network) return;
        MlpDevice.lastUsed().ifPresent(c -> {
            // with no GPU and none asked for, the engine's line beside the device already says it all
            deviceNote.set(c.detectedGpus() == 0 && !c.fellBack() ? "" : c.message());
            if (c.fellBack()) notifier.info(c.message());
        });
    }

    private void finishTraining() {
        training.set(false);
        trainingTask.set(null);
    }

    /** Stops the run in progress; nothing it trained is kept. */
    public void cancelTraining() {
        TaskHandle<?> h = trainingTask.get();
        if (h != null) h.cancel();
    }

    /** A context reporting the progress of step {@code i} of {@code n} as a part of the whole. */
    private static TaskContext slice(TaskContext ctx, int i, int n) {
        return new TaskContext() {
            @Override public void progress(long done, long total, String message) {
                double f = total > 0 ? Math.min(1, (double) done / total) : 0;
                ctx.progress(Math.round((i + f) * 1000), n * 1000L, message);
            }

            @Override public boolean isCancelled() { return ctx.isCancelled(); }
        };
    }

    /** Called on the training thread: queues the point; at most one drain is pending on the UI thread. */
    private void publishPoint(long gen, HistoryPoint p) {
        if (gen != trainGeneration) return;
        pendingPoints.add(p);
        if (drainScheduled.compareAndSet(false, true)) ui.execute(() -> drainPoints(gen));
    }

    private void drainPoints(long gen) {
        drainScheduled.set(false);
        List<HistoryPoint> batch = new ArrayList<>();
        for (HistoryPoint p; (p = pendingPoints.poll()) != null; ) batch.add(p);
        if (gen == trainGeneration && !batch.isEmpty()) liveHistory.addAll(batch);
    }

    private void addModels(List<TrainedModel> trained) {
        List<TrainedModel> named = ModelIO.uniquelyNamed(project.getProject(), trained);
        List<Artifact> artifacts = new ArrayList<>();
        for (TrainedModel x : named) {
            Artifact a = ModelIO.toArtifact(x);
            decoded.put(a, x);
            artifacts.add(a);
        }
        project.update(p -> ModelIO.withModels(p, artifacts));
        if (!named.isEmpty()) selectedModel.set(named.get(named.size() - 1));
    }

    // ================================================================================ models & leaderboard

    /** Rebuilds {@link #models()} from the project's model artifacts, decoding new ones in the background. */
    private void decodeModels(Project p) {
        List<Artifact> arts = p.artifacts().stream().filter(a -> ModelIO.ARTIFACT_KIND.equals(a.kind())).toList();
        Set<Artifact> live = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        live.addAll(arts);
        decoded.keySet().retainAll(live);
        List<Artifact> missing = arts.stream().filter(a -> !decoded.containsKey(a)).toList();
        long gen = ++decodeGeneration;
        if (missing.isEmpty()) {
            publishModels(arts);
            return;
        }
        runner.submit(I18n.tr("ui.models.task.load"), ctx -> {
                    Map<Artifact, TrainedModel> out = new IdentityHashMap<>();
                    List<String> failed = new ArrayList<>();
                    for (Artifact a : missing) {
                        ctx.checkCancelled();
                        try {
                            out.put(a, ModelIO.fromArtifact(a));
                        } catch (RuntimeException e) {
                            failed.add(a.name() + ": " + Notifier.describe(e));
                        }
                    }
                    return new Object[]{out, failed};
                },
                r -> {
                    @SuppressWarnings("unchecked") Map<Artifact, TrainedModel> out = (Map<Artifact, TrainedModel>) r[0];
                    @SuppressWarnings("unchecked") List<String> failed = (List<String>) r[1];
                    decoded.putAll(out);
                    for (String f : failed) notifier.error(I18n.tr("ui.models.error.load", f));
                    if (gen == decodeGeneration) publishModels(arts);
                },
                err -> notifier.error(I18n.tr("ui.models.error.load", Notifier.describe(err))));
    }

    private void publishModels(List<Artifact> arts) {
        List<TrainedModel> list = new ArrayList<>();
        for (Artifact a : arts) {
            TrainedModel m = decoded.get(a);
            if (m != null) list.add(m);
        }
        if (!list.equals(models)) models.setAll(list);
        TrainedModel sel = selectedModel.get();
        if (sel != null && !list.contains(sel)) {
            TrainedModel same = list.stream().filter(m -> m.name().equals(sel.name())).findFirst().orElse(null);
            selectedModel.set(same);
        }
        if (selectedModel.get() == null) selectedModel.set(modelsOf(dataset.get()).stream().reduce((a, b) -> b).orElse(null));
        refreshLeaderboard();
    }

    /** The project's models trained on dataset {@code name}. */
    public List<TrainedModel> modelsOf(String name) {
        return models.stream().filter(m -> m.info().options().dataset().equals(name)).toList();
    }

    private void refreshLeaderboard() {
        List<TrainedModel> of = modelsOf(dataset.get());
        List<Leaderboard.Entry> e = Leaderboard.of(of).sortedBy(sortMetric.get() == null ? "roc_auc" : sortMetric.get()).entries();
        if (!e.equals(leaderboard)) leaderboard.setAll(e);
    }

    /** The model of a leaderboard entry of the selected dataset. */
    public TrainedModel model(Leaderboard.Entry e) {
        return modelsOf(dataset.get()).stream().filter(m -> m.name().equals(e.name())).findFirst().orElse(null);
    }

    /** Removes the selected model, and the scoring policy saved for it, from the project. */
    public void deleteSelected() {
        TrainedModel m = selectedModel.get();
        if (m == null) return;
        selectedModel.set(null);
        project.update(p -> new Project(p.datasets(), p.artifacts().stream()
                .filter(a -> !((ModelIO.ARTIFACT_KIND.equals(a.kind()) || ScoringPolicy.ARTIFACT_KIND.equals(a.kind()))
                        && a.name().equals(m.name()))).toList()));
        notifier.info(I18n.tr("ui.models.notice.deleted", m.name()));
    }

    /** Exports the selected model to a .segmodel file chosen by the user. */
    public void exportSelected() {
        TrainedModel m = selectedModel.get();
        if (m == null) return;
        String suggested = m.name().replaceAll("[^\\p{L}\\p{N}._-]+", "_") + ModelIO.EXTENSION;
        dialogs.chooseModelExportTarget(suggested).ifPresent(p -> {
            Path file = io.segmenta.app.ui.FileChoosers.withExtension(p, ModelIO.EXTENSION);
            runner.submit(I18n.tr("ui.models.task.export", file.getFileName()), ctx -> {
                        ModelIO.write(m, file);
                        return file;
                    },
                    f -> notifier.success(I18n.tr("ui.models.notice.exported", m.name(), f.toString())),
                    err -> notifier.error(Notifier.describe(err)));
        });
    }

    /** Imports a .segmodel file chosen by the user into the project. */
    public void importModel() {
        dialogs.chooseModelToImport().ifPresent(file -> runner.submit(I18n.tr("ui.models.task.import", file.getFileName()),
                ctx -> ModelIO.read(file),
                m -> {
                    addModels(List.of(m));
                    notifier.success(I18n.tr("ui.models.notice.imported", selectedModel.get().name()));
                },
                err -> notifier.error(Notifier.describe(err))));
    }

    // ========================================================================================= evaluation

    private void modelSelected(TrainedModel m) {
        clearScore();
        if (m == null) {
            recomputeConfusion();
            return;
        }
        Evaluation ev = m.info().evaluation();
        if (ev.classification() != null) {
            double t = ev.classification().threshold();
            if (threshold.get() == t) recomputeConfusion(); else threshold.set(t);
        } else {
            recomputeConfusion();
        }
        applyPolicy(savedPolicy(m).orElse(ScoringPolicy.defaultFor(m)));
        if (project.getProject().dataset(m.info().options().dataset()).isPresent()) scoreDataset.set(m.info().options().dataset());
    }

    private void recomputeConfusion() {
        TrainedModel m = selectedModel.get();
        Evaluation.Classification c = m == null ? null : m.info().evaluation().classification();
        if (c == null) {
            confusion.set(null);
            profit.set(null);
            return;
        }
        Metrics.Confusion x = c.at(threshold.get());
        confusion.set(x);
        profit.set(x.profit(valuePerTruePositive.get(), costPerContact.get()));
    }

    /** Moves the threshold to the most profitable one for the current value and cost; returns it (or null). */
    public Metrics.ProfitPoint pickBestThreshold() {
        TrainedModel m = selectedModel.get();
        Evaluation.Classification c = m == null ? null : m.info().evaluation().classification();
        if (c == null) return null;
        Metrics.ProfitPoint p = c.bestProfit(valuePerTruePositive.get(), costPerContact.get());
        threshold.set(Math.max(0, Math.min(1, p.threshold())));
        return p;
    }

    // ============================================================================================ scoring

    private void setCutoffs(List<Double> c) {
        cutoff1.set(c.get(0));
        cutoff2.set(c.get(1));
        cutoff3.set(c.get(2));
    }

    /** Shows a policy without saving it. */
    private void applyPolicy(ScoringPolicy pol) {
        boolean outer = applyingPolicy;
        applyingPolicy = true;
        try {
            scoringUse.set(pol.use());
            setCutoffs(pol.cutoffs());
        } finally {
            applyingPolicy = outer;
        }
    }

    /**
     * The scoring policy saved in the project for model {@code m} (an artifact of kind
     * {@link ScoringPolicy#ARTIFACT_KIND} named like the model); empty when none or unreadable.
     */
    public Optional<ScoringPolicy> savedPolicy(TrainedModel m) {
        for (Artifact a : project.getProject().artifacts()) {
            if (ScoringPolicy.ARTIFACT_KIND.equals(a.kind()) && a.name().equals(m.name())) {
                try {
                    return Optional.of(ScoringPolicy.fromArtifact(a));
                } catch (UserException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Saves the use and cut-offs the user set as the selected model's policy in the project, when they are
     * valid and differ from what the model scores with now (its saved policy, else its default).
     */
    private void savePolicy() {
        TrainedModel m = selectedModel.get();
        if (m == null || !models.contains(m)) return;
        ScoringPolicy pol;
        try {
            pol = policy();
        } catch (UserException e) {
            return; // shown when scoring; an invalid policy is never saved
        }
        if (pol.equals(savedPolicy(m).orElse(ScoringPolicy.defaultFor(m)))) return;
        project.update(p -> p.withArtifact(pol.toArtifact(m.name(), m.info().options().dataset())));
    }

    /** The scoring policy of the current use and cut-offs; throws a {@link UserException} when invalid. */
    public ScoringPolicy policy() {
        return ScoringPolicy.defaults(scoringUse.get()).withCutoffs(List.of(cutoff1.get(), cutoff2.get(), cutoff3.get()));
    }

    /** The policy of the shown scores, else the current one, else the default of the use. */
    public ScoringPolicy policyOrDefault() {
        if (scoreResult.get() != null) return scoreResult.get().policy();
        try {
            return policy();
        } catch (UserException e) {
            return ScoringPolicy.defaults(scoringUse.get());
        }
    }

    private void clearScore() {
        scoreGeneration++;
        if (scoreHandle != null && !scoreHandle.isDone()) scoreHandle.cancel();
        scoreResult.set(null);
        scoreError.set(null);
        scoreNotes.set("");
        scoring.set(false);
        scoredModel = null;
        scoredData = null;
        scoredFile.set(null);
    }

    /** Scores the selected dataset with the selected model (latest request wins). */
    public void score() {
        TrainedModel m = selectedModel.get();
        String name = scoreDataset.get();
        Dataset ds = name == null ? null : project.getProject().dataset(name).map(DatasetEntry::dataset).orElse(null);
        if (m == null || ds == null) return;
        ScoringPolicy pol;
        try {
            pol = policy();
        } catch (UserException e) {
            scoreError.set(e.getLocalizedMessage());
            return;
        }
        clearScore();
        long gen = scoreGeneration;
        scoring.set(true);
        scoreHandle = runner.submit(I18n.tr("ui.models.task.score", ds.name()),
                ctx -> new FileScore(ds, ModelScorer.score(m, ds, pol, ctx), inputNotes(m, ds)),
                r -> {
                    if (gen != scoreGeneration) return;
                    scoring.set(false);
                    scoredModel = m;
                    scoredData = ds;
                    scoreNotes.set(String.join("\n", r.notes()));
                    scoreResult.set(r.result());
                },
                err -> {
                    if (gen != scoreGeneration) return;
                    scoring.set(false);
                    scoreError.set(Notifier.describe(err));
                },
                () -> {
                    if (gen == scoreGeneration) scoring.set(false);
                });
    }

    /**
     * Scores a CSV file that is not in the project, chosen by the user: imported with the same reader as the
     * project's imports, then scored with the selected model and the current policy (latest request wins).
     * Missing columns end as the scorer's error that lists them; the scores can then be exported.
     */
    public void scoreFile() {
        TrainedModel m = selectedModel.get();
        if (m == null) return;
        ScoringPolicy pol;
        try {
            pol = policy();
        } catch (UserException e) {
            scoreError.set(e.getLocalizedMessage());
            return;
        }
        Optional<Path> chosen = dialogs.chooseCsvToScore();
        if (chosen.isEmpty()) return;
        Path file = chosen.get();
        clearScore();
        long gen = scoreGeneration;
        scoring.set(true);
        scoreHandle = runner.submit(I18n.tr("ui.models.task.scoreFile", file.getFileName()), ctx -> {
                    Dataset ds = CsvImporter.importFiles(ImportRequest.of(file), ctx).dataset();
                    return new FileScore(ds, ModelScorer.score(m, ds, pol, ctx), inputNotes(m, ds));
                },
                r -> {
                    if (gen != scoreGeneration) return;
                    scoring.set(false);
                    scoredModel = m;
                    scoredData = r.data();
                    scoredFile.set(file);
                    scoreNotes.set(String.join("\n", r.notes()));
                    scoreResult.set(r.result());
                },
                err -> {
                    if (gen != scoreGeneration) return;
                    scoring.set(false);
                    scoreError.set(Notifier.describe(err));
                },
                () -> {
                    if (gen == scoreGeneration) scoring.set(false);
                });
    }

    /** The prefix of the scored columns ("churned_"). */
    public String scorePrefix() {
        TrainedModel m = scoredModel != null ? scoredModel : selectedModel.get();
        return m == null ? "" : ModelScorer.defaultPrefix(m);
    }

    /**
     * Adds score, decile, tier and action columns to the scored project dataset (the project becomes dirty);
     * does nothing for a scored CSV file, which is not part of the project.
     */
    public void addScoresToDataset() {
        ModelScorer.ScoreResult r = scoreResult.get();
        if (r == null || scoredData == null || scoredFile.get() != null) return; // a scored file is only exported
        String name = scoredData.name();
        DatasetEntry entry = project.getProject().dataset(name).orElse(null);
        if (entry == null || entry.dataset().rowCount() != r.rows()) {
            notifier.error(I18n.tr("ui.models.error.datasetChanged", name));
            return;
        }
        String prefix = scorePrefix();
        List<String> existing = ModelScorer.scoredColumnNames(prefix).stream().filter(c -> entry.dataset().find(c).isPresent()).toList();
        if (!existing.isEmpty() && !dialogs.confirmReplaceColumns(existing, name)) return;
        Dataset scored = r.appendTo(entry.dataset(), prefix, I18n.locale());
        project.update(p -> p.withDataset(entry.withDataset(scored)));
        notifier.success(I18n.tr("ui.models.notice.columnsAdded", String.join(", ", ModelScorer.scoredColumnNames(prefix)), name));
    }

    /** Writes the scored dataset (its columns plus the scored ones) to a CSV file chosen by the user. */
    public void exportScored() {
        ModelScorer.ScoreResult r = scoreResult.get();
        Dataset ds = scoredData;
        if (r == null || ds == null) return;
        String prefix = scorePrefix();
        Locale l = I18n.locale();
        dialogs.chooseScoredCsvTarget(ds.name() + "_scored.csv").ifPresent(p -> {
            Path file = io.segmenta.app.ui.FileChoosers.withExtension(p, ".csv");
            runner.submit(I18n.tr("ui.models.task.exportScored", file.getFileName()), ctx -> {
                        CsvWriter.write(r.appendTo(ds, prefix, l), file, CsvWriter.Options.defaults(), ctx);
                        return file;
                    },
                    f -> notifier.success(I18n.tr("ui.models.notice.scoredExported", Integer.toString(r.rows()), f.toString())),
                    err -> notifier.error(Notifier.describe(err)));
        });
    }
}
