package io.segmenta.app.segments;

import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.segments.SegmentsDialogs.BriefFormat;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.app.task.TaskRunner;
import io.segmenta.app.ui.Formats;
import io.segmenta.app.ui.Notifier;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.eda.ColumnProfiler;
import io.segmenta.core.eda.Flag;
import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.eda.RowSelection;
import io.segmenta.core.project.Artifact;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.segment.CreativeBrief;
import io.segmenta.core.segment.ElbowSweep;
import io.segmenta.core.segment.FeatureMatrix;
import io.segmenta.core.segment.KResult;
import io.segmenta.core.segment.Pca;
import io.segmenta.core.segment.SegmentProfiles;
import io.segmenta.core.segment.SegmentProfiles.Profiles;
import io.segmenta.core.segment.SegmentProfiles.SegmentProfile;
import io.segmenta.core.segment.Segmentation;
import io.segmenta.core.segment.SegmentationArtifacts;
import io.segmenta.core.segment.SegmentationOptions;
import io.segmenta.core.segment.SegmentationOptions.Feature;
import io.segmenta.core.segment.SegmentationOptions.FeatureKind;
import io.segmenta.core.segment.SegmentationOptions.MissingPolicy;
import io.segmenta.core.segment.SegmentationOptions.Scaling;
import io.segmenta.core.segment.SegmentationOptions.TopN;
import io.segmenta.core.segment.Segmenter;
import io.segmenta.core.segment.Stability;
import io.segmenta.core.segment.SweepResult;
import io.segmenta.core.segment.Workers;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * State of the Segments section: the setup (dataset, subset, features, scaling, missing values, k range,
 * restarts, seed), the elbow sweep as it arrives, the chosen k and its stability, the fitted segmentation
 * with its profiles, PCA view, names and brief, and its persistence as a project artifact. Every
 * computation runs through the {@link TaskRunner}; each kind of request keeps only its latest one (older
 * ones are cancelled and their results dropped). The view binds to the properties and calls the actions.
 */
public final class SegmentsViewModel {
    /** Name of the column added to the dataset. */
    public static final String SEGMENT_COLUMN = "segment";
    /** Points of the PCA view at most. */
    public static final int PCA_POINTS = 4_000;
    /** Runs compared by the stability check. */
    public static final int STABILITY_RUNS = 5;

    /** The metric drawn on the elbow chart's second axis. */
    public enum Metric {
        SILHOUETTE("ui.segments.metric.silhouette", true),
        CALINSKI_HARABASZ("ui.segments.metric.ch", true),
        DAVIES_BOULDIN("ui.segments.metric.db", false);

        private final String key;
        private final boolean higherIsBetter;

        Metric(String key, boolean higherIsBetter) {
            this.key = key;
            this.higherIsBetter = higherIsBetter;
        }

        public String key() { return key; }

        public boolean higherIsBetter() { return higherIsBetter; }

        public double of(KResult r) {
            return switch (this) {
                case SILHOUETTE -> r.silhouette();
                case CALINSKI_HARABASZ -> r.calinskiHarabasz();
                case DAVIES_BOULDIN -> r.daviesBouldin();
            };
        }
    }

    /** An editable segment name with the segment's size. */
    public static final class SegmentName {
        private final int index;
        private final int size;
        private final double share;
        private final String suggested;
        private final StringProperty name = new SimpleStringProperty(this, "name");

        SegmentName(int index, int size, double share, String name, String suggested) {
            this.index = index;
            this.size = size;
            this.share = share;
            this.suggested = suggested;
            this.name.set(name);
        }

        public int index() { return index; }

        public int size() { return size; }

        public double share() { return share; }

        public String suggested() { return suggested; }

        public StringProperty nameProperty() { return name; }

        public String getName() { return name.get(); }
    }

    private record SweepOutcome(FeatureMatrix matrix, SweepResult result) { }

    private record FitOutcome(Segmentation segmentation, Profiles profiles, Pca.Projection pca, FeatureMatrix matrix) { }

    private record Derived(Profiles profiles, Pca.Projection pca, FeatureMatrix matrix) { }

    private record ColumnInfo(List<FeatureRow> rows, List<String> scoreColumns) { }

    private final TaskRunner runner;
    private final ProjectViewModel project;
    private final SegmentsDialogs dialogs;
    private final Notifier notifier;
    private final Executor ui;

    // ---- setup
    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final StringProperty dataset = new SimpleStringProperty(this, "dataset");
    private final ObservableList<FeatureRow> features = FXCollections.observableArrayList();
    private final ObservableList<String> describe = FXCollections.observableArrayList();
    private long describeGen;
    private final ObservableList<String> scoreColumns = FXCollections.observableArrayList();
    private final BooleanProperty subsetEnabled = new SimpleBooleanProperty(this, "subsetEnabled");
    private final StringProperty scoreColumn = new SimpleStringProperty(this, "scoreColumn");
    private final IntegerProperty topN = new SimpleIntegerProperty(this, "topN", 10_000);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError", "");
    private final ObjectProperty<Scaling> scaling = new SimpleObjectProperty<>(this, "scaling", Scaling.ZSCORE);
    private final ObjectProperty<MissingPolicy> missing = new SimpleObjectProperty<>(this, "missing", MissingPolicy.IMPUTE);
    private final IntegerProperty kMin = new SimpleIntegerProperty(this, "kMin", SegmentationOptions.DEFAULT_K_MIN);
    private final IntegerProperty kMax = new SimpleIntegerProperty(this, "kMax", SegmentationOptions.DEFAULT_K_MAX);
    private final IntegerProperty restarts = new SimpleIntegerProperty(this, "restarts", SegmentationOptions.DEFAULT_RESTARTS);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", SegmentationOptions.DEFAULT_SEED);
    private final ReadOnlyStringWrapper setupError = new ReadOnlyStringWrapper(this, "setupError", "");
    private final ReadOnlyStringWrapper rowsInfo = new ReadOnlyStringWrapper(this, "rowsInfo", "");
    private final ReadOnlyObjectWrapper<FeatureMatrix> preview = new ReadOnlyObjectWrapper<>(this, "preview");

    // ---- sweep
    private final ObservableList<KResult> sweepPoints = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SweepResult> sweep = new ReadOnlyObjectWrapper<>(this, "sweep");
    private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper(this, "sweeping");
    private final ReadOnlyBooleanWrapper sweepStale = new ReadOnlyBooleanWrapper(this, "sweepStale");
    private final ReadOnlyStringWrapper sweepMessage = new ReadOnlyStringWrapper(this, "sweepMessage", "");
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(this, "metric", Metric.SILHOUETTE);
    private final IntegerProperty chosenK = new SimpleIntegerProperty(this, "chosenK", 0);
    private final ReadOnlyObjectWrapper<Stability.Result> stability = new ReadOnlyObjectWrapper<>(this, "stability");
    private final ReadOnlyBooleanWrapper assessing = new ReadOnlyBooleanWrapper(this, "assessing");
    private final ReadOnlyObjectWrapper<TaskHandle<?>> sweepTask = new ReadOnlyObjectWrapper<>(this, "sweepTask");

    // ---- fit
    private final ReadOnlyBooleanWrapper fitting = new ReadOnlyBooleanWrapper(this, "fitting");
    private final ReadOnlyObjectWrapper<Segmentation> segmentation = new ReadOnlyObjectWrapper<>(this, "segmentation");
    private final ReadOnlyStringWrapper resultWarning = new ReadOnlyStringWrapper(this, "resultWarning", "");
    private final ReadOnlyObjectWrapper<Profiles> profiles = new ReadOnlyObjectWrapper<>(this, "profiles");
    private final ReadOnlyObjectWrapper<Pca.Projection> pca = new ReadOnlyObjectWrapper<>(this, "pca");
    private final ReadOnlyObjectWrapper<CreativeBrief.Brief> brief = new ReadOnlyObjectWrapper<>(this, "brief");
    private final ObservableList<SegmentName> names = FXCollections.observableArrayList();
    private final IntegerProperty selectedSegment = new SimpleIntegerProperty(this, "selectedSegment", 0);
    private final StringProperty boxFeature = new SimpleStringProperty(this, "boxFeature");
    private final ReadOnlyStringWrapper resultError = new ReadOnlyStringWrapper(this, "resultError", "");
    private final ReadOnlyBooleanWrapper columnAdded = new ReadOnlyBooleanWrapper(this, "columnAdded");

    // ---- latest-request-wins bookkeeping
    private long columnsGen, previewGen, sweepGen, stabilityGen, fitGen, derivedGen;
    private TaskHandle<?> columnsHandle, previewHandle, sweepHandle, stabilityHandle, fitHandle, derivedHandle;
    private boolean quiet;
    private FeatureMatrix matrix;
    private Dataset matrixDataset;
    private SegmentationOptions sweepOptions;
    private Artifact shownArtifact;
    private SegmentationOptions pendingOptions;

    /** For the application: results published on the JavaFX thread. */
    public SegmentsViewModel(TaskRunner runner, ProjectViewModel project, SegmentsDialogs dialogs, Notifier notifier) {
        this(runner, project, dialogs, notifier, r -> {
            if (Platform.isFxApplicationThread()) r.run(); else Platform.runLater(r);
        });
    }

    /**
     * @param ui where per-k sweep results are published (the FX thread in the app, the caller in tests)
     */
    public SegmentsViewModel(TaskRunner runner, ProjectViewModel project, SegmentsDialogs dialogs, Notifier notifier, Executor ui) {
        this.runner = runner;
        this.project = project;
        this.dialogs = dialogs;
        this.notifier = notifier;
        this.ui = ui;
        // segments of a few outliers are said, whichever way the segmentation arrived (fit, reopen, rename)
        segmentation.addListener((o, a, b) -> resultWarning.set(b == null ? "" : String.join("\n", b.smallSegmentWarnings())));
        dataset.addListener((o, a, b) -> onDatasetChosen());
        describe.addListener((javafx.collections.ListChangeListener<String>) c -> redescribe());
        for (Observable p : List.<Observable>of(filterText, subsetEnabled, scoreColumn, topN, scaling, missing, kMin, kMax, restarts, seed)) {
            p.addListener(x -> setupChanged());
        }
        chosenK.addListener((o, a, b) -> {
            Stability.Result s = stability.get();
            if (s != null && s.k() != b.intValue()) stability.set(null);
        });
        project.projectProperty().addListener((o, a, b) -> onProject(b));
        onProject(project.getProject());
    }

    // =============================================================================================
    // properties

    public ObservableList<String> datasets() { return datasets; }

    public StringProperty datasetProperty() { return dataset; }

    public ObservableList<FeatureRow> features() { return features; }

    public FeatureRow feature(String column) {
        return features.stream().filter(f -> f.column().equals(column)).findFirst().orElse(null);
    }

    public ObservableList<String> scoreColumns() { return scoreColumns; }

    public BooleanProperty subsetEnabledProperty() { return subsetEnabled; }

    public StringProperty scoreColumnProperty() { return scoreColumn; }

    public IntegerProperty topNProperty() { return topN; }

    /**
     * "Only rows where…": filter conditions separated by {@code ;}, e.g. {@code age>=30; channel=email}
     * (the text form of {@link RowFilter}); blank keeps every row. Applied before the top N.
     */
    public StringProperty filterTextProperty() { return filterText; }

    /** Why the filter text cannot be used on the dataset (blank when it can). */
    public ReadOnlyStringProperty filterErrorProperty() { return filterError.getReadOnlyProperty(); }

    public ObjectProperty<Scaling> scalingProperty() { return scaling; }

    public ObjectProperty<MissingPolicy> missingProperty() { return missing; }

    public IntegerProperty kMinProperty() { return kMin; }

    public IntegerProperty kMaxProperty() { return kMax; }

    public IntegerProperty restartsProperty() { return restarts; }

    public LongProperty seedProperty() { return seed; }

    /** Why the setup cannot be run (blank when it can). */
    public ReadOnlyStringProperty setupErrorProperty() { return setupError.getReadOnlyProperty(); }

    /** How many rows the setup segments, and how many it drops or fills for missing values. */
    public ReadOnlyStringProperty rowsInfoProperty() { return rowsInfo.getReadOnlyProperty(); }

    /** The feature matrix of the current setup (for its counts), null while unknown or invalid. */
    public ReadOnlyObjectProperty<FeatureMatrix> previewProperty() { return preview.getReadOnlyProperty(); }

    public ObservableList<KResult> sweepPoints() { return sweepPoints; }

    public ReadOnlyObjectProperty<SweepResult> sweepProperty() { return sweep.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty sweepingProperty() { return sweeping.getReadOnlyProperty(); }

    /** The setup changed after the sweep shown was run. */
    public ReadOnlyBooleanProperty sweepStaleProperty() { return sweepStale.getReadOnlyProperty(); }

    /** The plain advice on k (knee vs best silhouette, or no clear elbow), or the sweep's state. */
    public ReadOnlyStringProperty sweepMessageProperty() { return sweepMessage.getReadOnlyProperty(); }

    /** The running sweep (for its progress bar), or null. */
    public ReadOnlyObjectProperty<TaskHandle<?>> sweepTaskProperty() { return sweepTask.getReadOnlyProperty(); }

    public ObjectProperty<Metric> metricProperty() { return metric; }

    /** The chosen number of segments, 0 when none is chosen. */
    public IntegerProperty chosenKProperty() { return chosenK; }

    public ReadOnlyObjectProperty<Stability.Result> stabilityProperty() { return stability.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty assessingProperty() { return assessing.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty fittingProperty() { return fitting.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Segmentation> segmentationProperty() { return segmentation.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Profiles> profilesProperty() { return profiles.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Pca.Projection> pcaProperty() { return pca.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<CreativeBrief.Brief> briefProperty() { return brief.getReadOnlyProperty(); }

    /** Names being edited, one per segment (largest first); applied with {@link #applyNames()}. */
    public ObservableList<SegmentName> names() { return names; }

    /** The segment whose profile is shown (0-based). */
    public IntegerProperty selectedSegmentProperty() { return selectedSegment; }

    /** The numeric feature of the box plots. */
    public StringProperty boxFeatureProperty() { return boxFeature; }

    /** The last error of a fit, rename, stability check or export (blank when none). */
    public ReadOnlyStringProperty resultErrorProperty() { return resultError.getReadOnlyProperty(); }

    /** Segments too small to target (outliers), one sentence each; "" when none. */
    public ReadOnlyStringProperty resultWarningProperty() { return resultWarning.getReadOnlyProperty(); }

    /** The segment column of the shown segmentation is in the dataset. */
    public ReadOnlyBooleanProperty columnAddedProperty() { return columnAdded.getReadOnlyProperty(); }

    public Dataset currentDataset() {
        String n = dataset.get();
        return n == null ? null : project.getProject().dataset(n).map(DatasetEntry::dataset).orElse(null);
    }

    // =============================================================================================
    // project and dataset

    private void onProject(Project p) {
        List<String> ns = p.datasets().stream().map(DatasetEntry::name).toList();
        if (!ns.equals(datasets)) datasets.setAll(ns);
        String current = dataset.get();
        if (current == null || !ns.contains(current)) {
            String pick = null;
            for (int i = p.artifacts().size() - 1; i >= 0 && pick == null; i--) {
                Artifact a = p.artifacts().get(i);
                if (SegmentationArtifacts.KIND.equals(a.kind()) && ns.contains(a.datasetName())) pick = a.datasetName();
            }
            if (pick == null && !ns.isEmpty()) pick = ns.get(0);
            if (Objects.equals(pick, current)) onDatasetChosen(); else dataset.set(pick);
            return;
        }
        Artifact a = artifactFor(p, current);
        if (a != null && a != shownArtifact) {
            restore(a);
            return;
        }
        if (a == null && shownArtifact != null) {
            clearResults();
            shownArtifact = null;
        }
        Dataset ds = currentDataset();
        if (ds != null && !sameColumns(ds)) loadColumns(ds);
        updateColumnAdded();
    }

    private static Artifact artifactFor(Project p, String datasetName) {
        Artifact found = null;
        for (Artifact a : p.artifacts()) {
            if (SegmentationArtifacts.KIND.equals(a.kind()) && Objects.equals(datasetName, a.datasetName())) found = a;
        }
        return found;
    }

    private List<String> loadedColumns = List.of();

    private boolean sameColumns(Dataset ds) {
        return ds.columnNames().equals(loadedColumns);
    }

    private void onDatasetChosen() {
        clearResults();
        clearSweep();
        shownArtifact = null;
        describe.clear();
        features.clear();
        scoreColumns.clear();
        loadedColumns = List.of();
        Dataset ds = currentDataset();
        if (ds == null) {
            setupError.set(I18n.tr("ui.segments.setup.noDataset"));
            rowsInfo.set("");
            return;
        }
        Artifact a = artifactFor(project.getProject(), ds.name());
        if (a != null) {
            restore(a);
        } else {
            loadColumns(ds);
        }
    }

    /** Profiles the dataset's columns (kind, skew, missing values) in the background and lists them. */
    private void loadColumns(Dataset ds) {
        long g = ++columnsGen;
        if (columnsHandle != null) columnsHandle.cancel();
        loadedColumns = ds.columnNames();
        columnsHandle = runner.submit(I18n.tr("ui.segments.task.columns"), ctx -> columnInfo(ds),
                info -> {
                    if (g != columnsGen) return;
                    Map<String, FeatureRow> old = new HashMap<>();
                    for (FeatureRow f : features) old.put(f.column(), f);
                    List<FeatureRow> rows = new ArrayList<>();
                    for (FeatureRow f : info.rows()) {
                        FeatureRow prev = old.get(f.column());
                        rows.add(prev != null && prev.kind() == f.kind() ? prev : f);
                    }
                    for (FeatureRow f : rows) {
                        if (!old.containsKey(f.column()) || old.get(f.column()) != f) {
                            f.selectedProperty().addListener(x -> setupChanged());
                            f.transformProperty().addListener(x -> setupChanged());
                            f.weightProperty().addListener(x -> setupChanged());
                        }
                    }
                    quiet = true;
                    try {
                        features.setAll(rows);
                        scoreColumns.setAll(info.scoreColumns());
                        if (scoreColumn.get() == null || !info.scoreColumns().contains(scoreColumn.get())) {
                            scoreColumn.set(info.scoreColumns().isEmpty() ? null : info.scoreColumns().get(0));
                        }
                        if (pendingOptions != null) applyOptions(pendingOptions);
                        pendingOptions = null;
                    } finally {
                        quiet = false;
                    }
                    updatePreview();
                },
                err -> {
                    if (g == columnsGen) setupError.set(Notifier.describe(err));
                });
    }

    private static ColumnInfo columnInfo(Dataset ds) {
        List<FeatureRow> rows = new ArrayList<>();
        List<String> scores = new ArrayList<>();
        RowSelection all = RowSelection.all(ds.rowCount());
        for (Column c : ds.columns()) {
            if (c.idLike()) continue;
            ColumnType t = c.type();
            if (t.isNumeric() || t == ColumnType.BOOLEAN) {
                boolean skewed = t.isNumeric() && ColumnProfiler.profileColumn(c, all, 1).hasFlag(Flag.Kind.SKEWED);
                double min = Double.POSITIVE_INFINITY;
                for (int i = 0; i < c.size(); i++) if (!c.isMissing(i)) min = Math.min(min, c.getDouble(i));
                rows.add(new FeatureRow(c.name(), FeatureKind.NUMERIC, skewed, min > -1, c.missingCount(), 0));
                if (t.isNumeric()) scores.add(c.name());
            } else if (c instanceof StringColumn sc && sc.dictionary().length >= 2 && sc.dictionary().length <= FeatureMatrix.MAX_LEVELS) {
                rows.add(new FeatureRow(c.name(), FeatureKind.CATEGORICAL, false, false, c.missingCount(), sc.dictionary().length));
            }
        }
        return new ColumnInfo(rows, scores);
    }

    // =============================================================================================
    // setup

    /** The filter of {@link #filterTextProperty()}: its {@code ;}-separated conditions, blank ones ignored. */
    public RowFilter filter() {
        return RowFilter.parse(splitConditions(filterText.get()));
    }

    /** Splits at {@code ;} outside double quotes and backquotes; blank parts are left out. */
    static List<String> splitConditions(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == ';') {
                if (!cur.toString().isBlank()) out.add(cur.toString().strip());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }

    /** The filter's problem on the dataset (parse or fit), blank when it is usable. */
    private String filterProblem(Dataset ds) {
        try {
            RowFilter f = filter();
            if (ds != null) f.validate(ds);
            return "";
        } catch (UserException e) {
            return e.getLocalizedMessage();
        }
    }

    /** The options of the current setup. */
    public SegmentationOptions options() {
        List<Feature> fs = new ArrayList<>();
        for (FeatureRow f : features) if (f.isSelected()) fs.add(f.toFeature());
        SegmentationOptions o = SegmentationOptions.of(fs);
        if (kMin.get() > kMax.get()) throw new UserException("segment.options.badKRange", kMin.get(), kMax.get());
        o = o.withScaling(scaling.get()).withMissing(missing.get()).withKRange(kMin.get(), kMax.get())
                .withRestarts(restarts.get()).withSeed(seed.get()).withFilter(filter());
        if (subsetEnabled.get()) {
            if (scoreColumn.get() == null) throw new UserException("segment.options.blankScore");
            o = o.withSubset(new TopN(scoreColumn.get(), topN.get()));
        }
        return o;
    }

    private void applyOptions(SegmentationOptions o) {
        for (FeatureRow f : features) f.setSelected(false);
        for (Feature f : o.features()) {
            FeatureRow row = feature(f.column());
            if (row != null && row.kind() == f.kind()) row.apply(f);
        }
        scaling.set(o.scaling());
        missing.set(o.missing());
        kMin.set(o.kMin());
        kMax.set(o.kMax());
        restarts.set(o.restarts());
        seed.set(o.seed());
        filterText.set(String.join("; ", o.filter().expressions()));
        if (o.subset() instanceof TopN t) {
            subsetEnabled.set(true);
            scoreColumn.set(t.scoreColumn());
            topN.set(t.n());
        } else {
            subsetEnabled.set(false);
        }
    }

    private void setupChanged() {
        if (quiet) return;
        if (sweepOptions != null) {
            SegmentationOptions now = tryOptions();
            sweepStale.set(now == null || !now.equals(sweepOptions));
        }
        updatePreview();
    }

    private SegmentationOptions tryOptions() {
        try {
            return options();
        } catch (UserException e) {
            return null;
        }
    }

    /** Builds the matrix of the current setup in the background to show the counts (or what is wrong). */
    private void updatePreview() {
        long g = ++previewGen;
        if (previewHandle != null) previewHandle.cancel();
        Dataset ds = currentDataset();
        preview.set(null);
        String badFilter = filterProblem(ds);
        filterError.set(badFilter);
        if (ds == null) return;
        if (!badFilter.isEmpty()) {
            setupError.set(I18n.tr("ui.segments.setup.filterInvalid"));
            rowsInfo.set("");
            return;
        }
        SegmentationOptions o;
        try {
            o = options();
        } catch (UserException e) {
            setupError.set(e.getLocalizedMessage());
            rowsInfo.set("");
            return;
        }
        setupError.set("");
        rowsInfo.set(I18n.tr("ui.segments.setup.counting"));
        record Preview(FeatureMatrix matrix, int filterKept) { }
        previewHandle = runner.submit(I18n.tr("ui.segments.task.preview"), ctx -> {
                    int kept = o.filter().isEmpty() ? -1 : o.filter().apply(ds, ctx).kept();
                    return new Preview(FeatureMatrix.build(ds, o), kept);
                },
                p -> {
                    if (g != previewGen) return;
                    preview.set(p.matrix());
                    setupError.set("");
                    rowsInfo.set(describeRows(p.matrix(), o, p.filterKept()));
                },
                err -> {
                    if (g != previewGen) return;
                    setupError.set(Notifier.describe(err));
                    rowsInfo.set("");
                });
    }

    /**
     * @param filterKept rows the filter keeps (before the top N and missing values), or −1 without a filter
     */
    static String describeRows(FeatureMatrix m, SegmentationOptions o, int filterKept) {
        StringBuilder sb = new StringBuilder(I18n.tr("ui.segments.setup.rows", Formats.integer(m.n()), Formats.integer(m.datasetRows())));
        if (filterKept >= 0) sb.append(' ').append(I18n.tr("ui.segments.setup.filterKept", Formats.integer(filterKept)));
        if (o.missing() == MissingPolicy.DROP) {
            sb.append(' ').append(I18n.tr("ui.segments.setup.dropped", Formats.integer(m.droppedRows())));
        } else if (m.imputedCells() > 0) {
            sb.append(' ').append(I18n.tr("ui.segments.setup.imputed", Formats.integer(m.imputedCells())));
        }
        return sb.toString();
    }

    // =============================================================================================
    // elbow sweep

    /** Runs the elbow sweep for the current setup; each k is published as soon as it is done. */
    public void runSweep() {
        Dataset ds = currentDataset();
        SegmentationOptions o;
        try {
            if (ds == null) throw new UserException("ui.segments.setup.noDataset");
            o = options();
        } catch (UserException e) {
            setupError.set(e.getLocalizedMessage());
            return;
        }
        cancelSweep();
        long g = ++sweepGen;
        sweepPoints.clear();
        sweep.set(null);
        sweepOptions = o;
        sweepStale.set(false);
        stability.set(null);
        sweeping.set(true);
        sweepMessage.set(I18n.tr("ui.segments.elbow.running"));
        FeatureMatrix cached = matrixFor(ds, o);
        TaskHandle<SweepOutcome> h = runner.submit(I18n.tr("ui.segments.task.sweep", ds.name()), ctx -> {
                    FeatureMatrix m = cached != null ? cached : FeatureMatrix.build(ds, o);
                    SweepResult r = ElbowSweep.run(m, o, kr -> ui.execute(() -> {
                        if (g == sweepGen) sweepPoints.add(kr);
                    }), ctx);
                    return new SweepOutcome(m, r);
                },
                out -> {
                    if (g != sweepGen) return;
                    sweeping.set(false);
                    sweepTask.set(null);
                    remember(ds, o, out.matrix());
                    sweepPoints.setAll(out.result().results());
                    sweep.set(out.result());
                    sweepMessage.set(out.result().advice(I18n.locale()));
                    Integer pick = out.result().suggestedK() != null ? out.result().suggestedK() : out.result().bestSilhouetteK();
                    if (pick != null) chosenK.set(pick);
                    else if (chosenK.get() < o.kMin() || chosenK.get() > o.kMax()) chosenK.set(o.kMin());
                },
                err -> {
                    if (g != sweepGen) return;
                    sweeping.set(false);
                    sweepTask.set(null);
                    sweepMessage.set("");
                    setupError.set(Notifier.describe(err));
                },
                () -> {
                    if (g != sweepGen) return;
                    sweeping.set(false);
                    sweepTask.set(null);
                    if (sweepPoints.isEmpty()) {
                        sweepMessage.set(I18n.tr("ui.segments.elbow.cancelledEmpty"));
                    } else {
                        SweepResult partial = SweepResult.of(new ArrayList<>(sweepPoints));
                        sweep.set(partial);
                        sweepMessage.set(I18n.tr("ui.segments.elbow.cancelled", sweepPoints.size()) + " " + partial.advice(I18n.locale()));
                        if (chosenK.get() == 0) chosenK.set(sweepPoints.get(0).k());
                    }
                });
        if (!h.isDone()) {
            sweepHandle = h;
            sweepTask.set(h);
        }
    }

    /** Stops the running sweep; the k finished so far stay on the chart. */
    public void cancelSweep() {
        if (sweepHandle != null && !sweepHandle.isDone()) sweepHandle.cancel();
        sweepHandle = null;
    }

    /** Chooses k (from a click on the chart or the spinner); must be at least 2. */
    public void chooseK(int k) {
        if (k < 2 || k > SegmentationOptions.MAX_K) return;
        chosenK.set(k);
    }

    /** Checks the stability of the chosen k (adjusted Rand index between runs with different seeds). */
    public void assessStability() {
        int k = chosenK.get();
        Dataset ds = currentDataset();
        SegmentationOptions o = tryOptions();
        if (ds == null || o == null || k < 2) {
            resultError.set(I18n.tr("ui.segments.stability.needK"));
            return;
        }
        if (stabilityHandle != null) stabilityHandle.cancel();
        long g = ++stabilityGen;
        assessing.set(true);
        resultError.set("");
        FeatureMatrix cached = matrixFor(ds, o);
        TaskHandle<Stability.Result> h = runner.submit(I18n.tr("ui.segments.task.stability", k), ctx -> {
                    FeatureMatrix m = cached != null ? cached : FeatureMatrix.build(ds, o);
                    return Stability.assess(m, k, Stability.Mode.SEEDS, STABILITY_RUNS, Math.min(3, o.restarts()), o.seed(),
                            Stability.DEFAULT_MAX_ROWS, Workers.defaultThreads(), ctx);
                },
                r -> {
                    if (g != stabilityGen) return;
                    assessing.set(false);
                    if (chosenK.get() == r.k()) stability.set(r);
                    Segmentation s = segmentation.get();
                    if (s != null && s.k() == r.k()) saveArtifact(s.withStability(r));
                },
                err -> {
                    if (g != stabilityGen) return;
                    assessing.set(false);
                    resultError.set(Notifier.describe(err));
                },
                () -> { if (g == stabilityGen) assessing.set(false); });
        stabilityHandle = h.isDone() ? null : h;
    }

    // =============================================================================================
    // fit

    /** Fits the chosen k; the segmentation is saved in the project with suggested names. */
    public void fit() {
        int k = chosenK.get();
        Dataset ds = currentDataset();
        SegmentationOptions o;
        try {
            if (ds == null) throw new UserException("ui.segments.setup.noDataset");
            o = options();
            if (k < 2) throw new UserException("ui.segments.fit.needK");
        } catch (UserException e) {
            resultError.set(e.getLocalizedMessage());
            return;
        }
        if (fitHandle != null) fitHandle.cancel();
        long g = ++fitGen;
        ++derivedGen;
        fitting.set(true);
        resultError.set("");
        SweepResult sw = !sweepStale.get() && o.equals(sweepOptions) ? sweep.get() : null;
        Stability.Result st = stability.get() != null && stability.get().k() == k && !sweepStale.get() ? stability.get() : null;
        FeatureMatrix cached = matrixFor(ds, o);
        Locale l = I18n.locale();
        List<String> extra = List.copyOf(describe);
        TaskHandle<FitOutcome> h = runner.submit(I18n.tr("ui.segments.task.fit", k), ctx -> {
                    FeatureMatrix m = cached != null ? cached : FeatureMatrix.build(ds, o);
                    Segmentation s = Segmenter.fit(ds, m, o, k, sw, Workers.defaultThreads(), ctx);
                    Profiles p0 = SegmentProfiles.compute(ds, s, extra, l);
                    s = s.withNames(p0.segments().stream().map(SegmentProfile::suggestedName).toList());
                    if (st != null) s = s.withStability(st);
                    ctx.checkCancelled();
                    Profiles p = renamed(p0, s.names());
                    Pca.Projection pr = Pca.project(m, s.assignment(), s.centroids(), k, PCA_POINTS, o.seed());
                    return new FitOutcome(s, p, pr, m);
                },
                out -> {
                    if (g != fitGen) return;
                    fitting.set(false);
                    remember(ds, o, out.matrix());
                    show(out.segmentation(), out.profiles(), out.pca());
                    saveArtifact(out.segmentation());
                    notifier.success(I18n.tr("ui.segments.fit.done", k, Formats.integer(out.segmentation().rows().length)));
                },
                err -> {
                    if (g != fitGen) return;
                    fitting.set(false);
                    resultError.set(Notifier.describe(err));
                },
                () -> { if (g == fitGen) fitting.set(false); });
        fitHandle = h.isDone() ? null : h;
    }

    private void show(Segmentation s, Profiles p, Pca.Projection pr) {
        segmentation.set(s);
        profiles.set(p);
        pca.set(pr);
        List<SegmentName> list = new ArrayList<>();
        for (SegmentProfile sp : p.segments()) list.add(new SegmentName(sp.index(), sp.size(), sp.share(), sp.name(), sp.suggestedName()));
        names.setAll(list);
        if (selectedSegment.get() >= s.k()) selectedSegment.set(0);
        String box = boxFeature.get();
        List<String> numeric = numericProfileColumns();
        if (box == null || !numeric.contains(box)) boxFeature.set(numeric.isEmpty() ? null : numeric.get(0));
        brief.set(CreativeBrief.build(p, I18n.locale()));
        updateColumnAdded();
    }

    /** The numeric columns of the profiles (the choices of the box plots). */
    public List<String> numericProfileColumns() {
        Profiles p = profiles.get();
        if (p == null || p.segments().isEmpty()) return List.of();
        return p.segments().get(0).numeric().stream().map(SegmentProfiles.NumericStat::column).toList();
    }

    /**
     * Columns the profiles and the brief also describe, beyond the segmentation's features (CLI
     * {@code segment --describe}): a province or a gender the segments were not built on.
     */
    public ObservableList<String> describeColumns() { return describe; }

    /** The dataset's columns a profile can also describe: all but the segmentation's features and the segment column. */
    public List<String> describeCandidates() {
        Dataset ds = currentDataset();
        if (ds == null) return List.of();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (FeatureRow f : features) if (f.isSelected()) used.add(f.column());
        Segmentation s = segmentation.get();
        if (s != null) s.options().features().forEach(f -> used.add(f.column()));
        return ds.columns().stream().filter(c -> !c.idLike() && !used.contains(c.name()) && !c.name().equals(SEGMENT_COLUMN))
                .map(Column::name).toList();
    }

    /** Recomputes the profiles and the brief of the segmentation shown with the columns to describe, off the FX thread. */
    private void redescribe() {
        Segmentation s = segmentation.get();
        Dataset ds = currentDataset();
        if (s == null || ds == null || ds.rowCount() != s.datasetRows()) return;
        List<String> extra = List.copyOf(describe);
        Locale l = I18n.locale();
        long g = ++describeGen;
        runner.submit(I18n.tr("ui.segments.task.describe"), ctx -> renamed(SegmentProfiles.compute(ds, s, extra, l), s.names()),
                p -> {
                    if (g != describeGen || segmentation.get() != s) return;
                    profiles.set(p);
                    brief.set(CreativeBrief.build(p, I18n.locale()));
                },
                err -> { if (g == describeGen) resultError.set(Notifier.describe(err)); });
    }

    /** Rebuilds texts that depend on the language (after a language switch). */
    public void refreshLanguage() {
        if (profiles.get() != null) brief.set(CreativeBrief.build(profiles.get(), I18n.locale()));
        if (sweep.get() != null && !sweeping.get()) sweepMessage.set(sweep.get().advice(I18n.locale()));
        updatePreview();
    }

    /**
     * One line of a segment's profile table: a numeric feature (mean and median in the segment and over all
     * segmented customers) or a category level (its share in the segment and overall, and the lift), with
     * the difference in standard deviations; ranked by how strongly it distinguishes the segment.
     */
    public record ProfileRow(int rank, String feature, boolean category, String segment, String segmentMedian, String all,
                             String allMedian, double diffSd, String lift) { }

    /** The profile table of segment {@code s}, most distinguishing first. */
    public List<ProfileRow> profileRows(int s) {
        Profiles p = profiles.get();
        if (p == null || s < 0 || s >= p.segments().size()) return List.of();
        SegmentProfile sp = p.segments().get(s);
        List<ProfileRow> out = new ArrayList<>();
        for (SegmentProfiles.Trait t : sp.traits()) {
            if (t.numeric()) {
                SegmentProfiles.NumericStat st = sp.numeric(t.column());
                out.add(new ProfileRow(out.size() + 1, t.column(), false, SegmentsFormat.value(st.segMean()), SegmentsFormat.value(st.segMedian()),
                        SegmentsFormat.value(st.allMean()), SegmentsFormat.value(st.allMedian()), st.diffSd(), ""));
            } else {
                SegmentProfiles.CategoryStat st = sp.category(t.column(), t.level());
                out.add(new ProfileRow(out.size() + 1, t.column() + " = " + t.level(), true, Formats.percent(st.segShare()), "",
                        Formats.percent(st.allShare()), "", st.diffSd(), SegmentsFormat.lift(st.lift())));
            }
        }
        return out;
    }

    static Profiles renamed(Profiles p, List<String> names) {
        List<SegmentProfile> out = new ArrayList<>();
        for (SegmentProfile s : p.segments()) {
            out.add(new SegmentProfile(s.index(), names.get(s.index()), s.size(), s.share(), s.numeric(), s.categories(), s.traits(),
                    s.distinctions(), s.suggestedName()));
        }
        return new Profiles(p.datasetName(), p.totalRows(), List.copyOf(out), p.heatmapColumns(), p.heatmap());
    }

    /** Applies the edited names: saved in the project, shown in the profiles and the brief. */
    public boolean applyNames() {
        Segmentation s = segmentation.get();
        if (s == null) return false;
        Segmentation renamed;
        try {
            renamed = s.withNames(names.stream().map(SegmentName::getName).toList());
        } catch (UserException e) {
            resultError.set(e.getLocalizedMessage());
            return false;
        }
        resultError.set("");
        if (renamed.names().equals(s.names())) return true;
        Profiles p = renamed(profiles.get(), renamed.names());
        boolean hadColumn = columnAdded.get();
        segmentation.set(renamed);
        profiles.set(p);
        brief.set(CreativeBrief.build(p, I18n.locale()));
        saveArtifact(renamed);
        if (hadColumn) addSegmentColumn(true);
        return true;
    }

    /** Puts the suggested names back into the name fields (not applied yet). */
    public void useSuggestedNames() {
        for (SegmentName n : names) n.nameProperty().set(n.suggested());
    }

    /**
     * Adds the segment column to the dataset; the project becomes dirty. A column of that name already there
     * (earlier segments, or the user's own) is replaced only when the user confirms.
     */
    public void addSegmentColumn() { addSegmentColumn(columnAdded.get()); }

    /** @param ours true when the column present is this segmentation's own (renamed segments re-applied) */
    private void addSegmentColumn(boolean ours) {
        Segmentation s = segmentation.get();
        String dsName = s == null ? null : s.datasetName();
        DatasetEntry entry = dsName == null ? null : project.getProject().dataset(dsName).orElse(null);
        if (entry == null) return;
        if (!ours && entry.dataset().find(SEGMENT_COLUMN).isPresent() && !dialogs.confirmReplaceColumn(SEGMENT_COLUMN, dsName)) return;
        runner.submit(I18n.tr("ui.segments.task.addColumn"), ctx -> s.addSegmentColumn(entry.dataset(), SEGMENT_COLUMN),
                ds -> {
                    if (segmentation.get() != s) return;
                    project.update(p -> p.dataset(dsName).map(e -> p.withDataset(e.withDataset(ds))).orElse(p));
                    notifier.success(I18n.tr("ui.segments.column.added", SEGMENT_COLUMN, dsName));
                },
                err -> resultError.set(Notifier.describe(err)));
    }

    private void updateColumnAdded() {
        Segmentation s = segmentation.get();
        Dataset ds = s == null ? null : project.getProject().dataset(s.datasetName()).map(DatasetEntry::dataset).orElse(null);
        boolean added = false;
        if (ds != null && ds.find(SEGMENT_COLUMN).orElse(null) instanceof StringColumn c && c.size() == s.datasetRows()) {
            added = java.util.Arrays.equals(c.dictionary(), s.names().toArray(new String[0]));
            for (int i = 0; i < s.rows().length && added; i += Math.max(1, s.rows().length / 200)) {
                added = c.code(s.rows()[i]) == s.assignment()[i];
            }
        }
        columnAdded.set(added);
    }

    // =============================================================================================
    // brief export

    /** The brief as Markdown in the app language. */
    public String briefMarkdown() {
        return profiles.get() == null ? "" : CreativeBrief.markdown(profiles.get(), I18n.locale());
    }

    /** The brief as an HTML page with its charts (segment sizes and the profile heatmap) in the app language. */
    public String briefHtml() {
        return profiles.get() == null ? "" : BriefCharts.withCharts(CreativeBrief.html(profiles.get(), I18n.locale()), profiles.get());
    }

    /** Asks where to save the brief and writes it in the background. */
    public void exportBrief(BriefFormat format) {
        if (profiles.get() == null) return;
        String text = format == BriefFormat.HTML ? briefHtml() : briefMarkdown();
        String suggested = I18n.tr("ui.segments.brief.fileName", segmentation.get().datasetName()) + format.extension();
        dialogs.chooseBriefTarget(suggested, format).ifPresent(target -> {
            Path p = format.withExtension(target);
            runner.submit(I18n.tr("ui.segments.task.export", p.getFileName()), ctx -> {
                        write(p, text);
                        return p;
                    },
                    ok -> notifier.success(I18n.tr("ui.segments.brief.exported", ok.getFileName())),
                    err -> resultError.set(I18n.tr("ui.segments.brief.exportFailed", p, Notifier.describe(err))));
        });
    }

    private static void write(Path p, String text) {
        try {
            Path tmp = p.resolveSibling(p.getFileName() + ".part");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // =============================================================================================
    // persistence

    private void saveArtifact(Segmentation s) {
        segmentation.set(s);
        Artifact a = SegmentationArtifacts.toArtifact(s, s.datasetName());
        shownArtifact = a;
        project.update(p -> p.withArtifact(a));
    }

    /** Shows a saved segmentation: its setup, sweep, chosen k, names, and (computed again) profiles and PCA. */
    private void restore(Artifact a) {
        shownArtifact = a;
        Segmentation s;
        try {
            s = SegmentationArtifacts.fromArtifact(a);
        } catch (RuntimeException e) {
            resultError.set(Notifier.describe(e));
            return;
        }
        Dataset ds = project.getProject().dataset(s.datasetName()).map(DatasetEntry::dataset).orElse(null);
        if (ds == null) return;
        quiet = true;
        try {
            if (!s.datasetName().equals(dataset.get())) {
                dataset.set(s.datasetName()); // clears (listener), then restores again through onDatasetChosen
                return;
            }
            clearSweep();
            clearResults();
            ++sweepGen;
            sweepPoints.setAll(s.sweep());
            if (!s.sweep().isEmpty()) {
                SweepResult r = new SweepResult(s.sweep(), s.suggestedK(), s.bestSilhouetteK());
                sweep.set(r);
                sweepMessage.set(r.advice(I18n.locale()));
            }
            sweepOptions = s.options();
            sweepStale.set(false);
            chosenK.set(s.k());
            stability.set(s.stability());
            pendingOptions = s.options();
        } finally {
            quiet = false;
        }
        if (sameColumns(ds) && !features.isEmpty()) {
            quiet = true;
            try {
                applyOptions(pendingOptions);
                pendingOptions = null;
            } finally {
                quiet = false;
            }
            updatePreview();
        } else {
            loadColumns(ds);
        }
        segmentation.set(s);
        long g = ++derivedGen;
        if (derivedHandle != null) derivedHandle.cancel();
        fitting.set(true);
        Locale l = I18n.locale();
        List<String> extra = List.copyOf(describe);
        TaskHandle<Derived> h = runner.submit(I18n.tr("ui.segments.task.restore"), ctx -> {
                    if (ds.rowCount() != s.datasetRows()) throw new UserException("segment.error.rowsChanged", ds.name(), ds.rowCount(), s.datasetRows());
                    FeatureMatrix m = FeatureMatrix.build(ds, s.options());
                    Profiles p = SegmentProfiles.compute(ds, s, extra, l);
                    Pca.Projection pr = m.n() == s.rows().length
                            ? Pca.project(m, s.assignment(), s.centroids(), s.k(), PCA_POINTS, s.options().seed()) : null;
                    return new Derived(p, pr, m);
                },
                d -> {
                    if (g != derivedGen) return;
                    fitting.set(false);
                    if (d.matrix().n() == s.rows().length) remember(ds, s.options(), d.matrix());
                    if (segmentation.get() == s) show(s, d.profiles(), d.pca());
                },
                err -> {
                    if (g != derivedGen) return;
                    fitting.set(false);
                    resultError.set(Notifier.describe(err));
                },
                () -> { if (g == derivedGen) fitting.set(false); });
        derivedHandle = h.isDone() ? null : h;
    }

    // =============================================================================================
    // helpers

    private void clearSweep() {
        cancelSweep();
        ++sweepGen;
        sweepPoints.clear();
        sweep.set(null);
        sweeping.set(false);
        sweepTask.set(null);
        sweepStale.set(false);
        sweepMessage.set("");
        sweepOptions = null;
        stability.set(null);
        chosenK.set(0);
    }

    private void clearResults() {
        if (fitHandle != null) fitHandle.cancel();
        if (derivedHandle != null) derivedHandle.cancel();
        ++fitGen;
        ++derivedGen;
        fitting.set(false);
        segmentation.set(null);
        profiles.set(null);
        pca.set(null);
        brief.set(null);
        names.clear();
        resultError.set("");
        columnAdded.set(false);
    }

    private void remember(Dataset ds, SegmentationOptions o, FeatureMatrix m) {
        matrix = m;
        matrixDataset = ds;
        rememberedOptions = o;
    }

    private SegmentationOptions rememberedOptions;

    /** The cached matrix when it was built from the same columns with the same options. */
    private FeatureMatrix matrixFor(Dataset ds, SegmentationOptions o) {
        if (matrix == null || matrixDataset == null || !o.equals(rememberedOptions)) return null;
        if (!matrixDataset.name().equals(ds.name()) || matrixDataset.rowCount() != ds.rowCount()) return null;
        List<String> used = new ArrayList<>(o.featureColumns());
        if (o.subset() instanceof TopN t) used.add(t.scoreColumn());
        for (RowFilter.Condition c : o.filter().conditions()) used.add(c.column());
        for (String c : used) {
            if (matrixDataset.find(c).orElse(null) != ds.find(c).orElse(null)) return null;
        }
        return matrix;
    }
}
