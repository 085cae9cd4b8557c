package io.segmenta.app.campaigns;

import io.segmenta.app.ui.FilterCondition;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.LatestRequest;
import io.segmenta.app.task.TaskRunner;
import io.segmenta.app.ui.Notifier;
import io.segmenta.cli.SegmentaCli;
import io.segmenta.core.campaign.AbAnalysis;
import io.segmenta.core.campaign.AbData;
import io.segmenta.core.campaign.AbMetric;
import io.segmenta.core.campaign.AbOptions;
import io.segmenta.core.campaign.AbReport;
import io.segmenta.core.campaign.AbResultsLoader;
import io.segmenta.core.campaign.AggregateColumns;
import io.segmenta.core.campaign.Allocation;
import io.segmenta.core.campaign.CampaignArtifacts;
import io.segmenta.core.campaign.CampaignBuilder;
import io.segmenta.core.campaign.CampaignDefinition;
import io.segmenta.core.campaign.CampaignExporter;
import io.segmenta.core.campaign.CampaignList;
import io.segmenta.core.campaign.CellCount;
import io.segmenta.core.campaign.ExportOptions;
import io.segmenta.core.campaign.Funnel;
import io.segmenta.core.campaign.Group;
import io.segmenta.core.campaign.Holdout;
import io.segmenta.core.campaign.PowerCalculator;
import io.segmenta.core.campaign.ResultColumns;
import io.segmenta.core.campaign.Suppression;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.ImportReport;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.io.RowLines;
import io.segmenta.core.project.Artifact;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
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
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * State of the Campaigns section: the definition of a campaign list being built with its live preview (counts
 * per segment × creative × group and the eligibility funnel, recomputed off the FX thread, latest request
 * wins), the lists saved in the project, the CSV export, the A/B results analysis and the sample-size
 * calculator. Every computation runs through the one {@link TaskRunner}. The view only binds.
 */
public final class CampaignsViewModel {
    /** The arm name given to a list's holdout when results are joined to it. */
    public static final String HOLDOUT_ARM = Group.HOLDOUT.key();
    /** Debounce of the preview in the application. */
    public static final Duration PREVIEW_DEBOUNCE = Duration.millis(250);

    private final TaskRunner runner;
    private final ProjectViewModel project;
    private final Notifier notifier;
    private final CampaignsDialogs dialogs;

    // ---- build
    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final StringProperty dataset = new SimpleStringProperty(this, "dataset");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> numericColumns = FXCollections.observableArrayList();
    private final ObservableList<FilterCondition> filters = FXCollections.observableArrayList(
            f -> new Observable[]{f.columnProperty(), f.operatorProperty(), f.valueProperty()});
    private final StringProperty scoreColumn = new SimpleStringProperty(this, "scoreColumn");
    private final StringProperty minScore = new SimpleStringProperty(this, "minScore", "");
    private final StringProperty tierColumn = new SimpleStringProperty(this, "tierColumn");
    private final StringProperty tiers = new SimpleStringProperty(this, "tiers", "");
    private final StringProperty topN = new SimpleStringProperty(this, "topN", "");
    private final StringProperty topBy = new SimpleStringProperty(this, "topBy");
    private final StringProperty segmentColumn = new SimpleStringProperty(this, "segmentColumn");
    private final StringProperty idColumn = new SimpleStringProperty(this, "idColumn");
    private final ObjectProperty<SuppressionMode> suppressionMode = new SimpleObjectProperty<>(this, "suppressionMode", SuppressionMode.NONE);
    private final StringProperty suppressionDataset = new SimpleStringProperty(this, "suppressionDataset");
    private final StringProperty suppressionColumn = new SimpleStringProperty(this, "suppressionColumn");
    private final ObservableList<String> suppressionColumns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Suppression> fileSuppression = new ReadOnlyObjectWrapper<>(this, "fileSuppression");
    private final IntegerProperty sampleSize = new SimpleIntegerProperty(this, "sampleSize", 1000);
    private final IntegerProperty creativeCount = new SimpleIntegerProperty(this, "creativeCount", 5);
    private final ObservableList<StringProperty> creativeNames = FXCollections.observableArrayList(p -> new Observable[]{p});
    private final ObjectProperty<Allocation> allocation = new SimpleObjectProperty<>(this, "allocation", Allocation.STRATIFIED);
    private final StringProperty holdout = new SimpleStringProperty(this, "holdout", "10%");
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 42);
    private final StringProperty campaignName = new SimpleStringProperty(this, "campaignName", "");

    private final LatestRequest<CampaignList> preview;
    private final ObservableList<PreviewRow> previewRows = FXCollections.observableArrayList();
    private final ObservableList<String> previewCreatives = FXCollections.observableArrayList();
    private final ObservableList<FunnelStep> funnel = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper previewSummary = new ReadOnlyStringWrapper(this, "previewSummary", "");
    private final ReadOnlyStringWrapper suppressionSummary = new ReadOnlyStringWrapper(this, "suppressionSummary", "");
    private final ReadOnlyStringWrapper previewWarning = new ReadOnlyStringWrapper(this, "previewWarning");
    private String expectedHash;
    private boolean applying;

    // ---- saved
    private final ObservableList<SavedCampaign> saved = FXCollections.observableArrayList();
    private final Map<Artifact, SavedCampaign> decoded = new IdentityHashMap<>();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");

    // ---- export
    private final Map<ExportOptions.Column, BooleanProperty> exportColumns = new EnumMap<>(ExportOptions.Column.class);
    private final ObjectProperty<Character> delimiter = new SimpleObjectProperty<>(this, "delimiter", ',');
    private final BooleanProperty bom = new SimpleBooleanProperty(this, "bom", false);
    private final StringProperty action = new SimpleStringProperty(this, "action", "send");
    private final ReadOnlyObjectWrapper<CampaignExporter.Result> exportResult = new ReadOnlyObjectWrapper<>(this, "exportResult");
    private final ReadOnlyStringWrapper exportSummary = new ReadOnlyStringWrapper(this, "exportSummary", "");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");

    // ---- A/B results
    private final ReadOnlyObjectWrapper<Dataset> resultsDataset = new ReadOnlyObjectWrapper<>(this, "resultsDataset");
    private final StringProperty resultsProjectDataset = new SimpleStringProperty(this, "resultsProjectDataset");
    private final ReadOnlyStringWrapper resultsLabel = new ReadOnlyStringWrapper(this, "resultsLabel", "");
    private final ObservableList<String> resultsColumns = FXCollections.observableArrayList();
    private final Map<ResultField, StringProperty> mapping = new EnumMap<>(ResultField.class);
    private final ObjectProperty<AbMode> abMode = new SimpleObjectProperty<>(this, "abMode", AbMode.ARM_COLUMN);
    private final StringProperty joinCampaign = new SimpleStringProperty(this, "joinCampaign");
    private final StringProperty control = new SimpleStringProperty(this, "control");
    private final ObservableList<String> arms = FXCollections.observableArrayList();
    private final StringProperty costPerSend = new SimpleStringProperty(this, "costPerSend", "");
    private final ObjectProperty<AbMetric> metric = new SimpleObjectProperty<>(this, "metric");
    private final ObjectProperty<List<String>> contactChoice = new SimpleObjectProperty<>(this, "contactChoice");
    private final ReadOnlyObjectWrapper<AbReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper abError = new ReadOnlyStringWrapper(this, "abError");
    private final ReadOnlyBooleanWrapper analysing = new ReadOnlyBooleanWrapper(this, "analysing");
    private final ReadOnlyStringWrapper joinSummary = new ReadOnlyStringWrapper(this, "joinSummary", "");
    /** What reading the results file reported (rejected rows, unreadable values); null for an in-memory table. */
    private ImportReport resultsReport;
    /** The file line of each results row, so notes name lines; {@link RowLines#NONE} for a dataset. */
    private RowLines resultsLines = RowLines.NONE;
    private long abGeneration;

    // ---- power
    private final StringProperty baseline = new SimpleStringProperty(this, "baseline", "2%");
    private final StringProperty mde = new SimpleStringProperty(this, "mde", "10%");
    private final BooleanProperty mdeRelative = new SimpleBooleanProperty(this, "mdeRelative", true);
    private final StringProperty confidence = new SimpleStringProperty(this, "confidence", "95%");
    private final StringProperty power = new SimpleStringProperty(this, "power", "80%");
    private final IntegerProperty powerArms = new SimpleIntegerProperty(this, "powerArms", 5);
    private final ReadOnlyObjectWrapper<PowerCalculator.Result> powerResult = new ReadOnlyObjectWrapper<>(this, "powerResult");
    private final ReadOnlyStringWrapper powerSummary = new ReadOnlyStringWrapper(this, "powerSummary", "");

    public CampaignsViewModel(TaskRunner runner, ProjectViewModel project, Notifier notifier, CampaignsDialogs dialogs) {
        this(runner, project, notifier, dialogs, PREVIEW_DEBOUNCE);
    }

    /** @param debounce quiet period before the preview is computed; {@link Duration#ZERO} computes at once (tests) */
    public CampaignsViewModel(TaskRunner runner, ProjectViewModel project, Notifier notifier, CampaignsDialogs dialogs,
                              Duration debounce) {
        this.runner = runner;
        this.project = project;
        this.notifier = notifier == null ? Notifier.NONE : notifier;
        this.dialogs = dialogs;
        this.preview = new LatestRequest<>(runner, I18n.tr("ui.campaigns.task.preview"), debounce);
        for (ExportOptions.Column c : ExportOptions.Column.values()) {
            exportColumns.put(c, new SimpleBooleanProperty(this, "export." + c.key(), c != ExportOptions.Column.SEGMENT_ID));
        }
        for (ResultField f : ResultField.values()) mapping.put(f, new SimpleStringProperty(this, "map." + f.name()));
        resizeCreatives(creativeCount.get());

        dataset.addListener((o, a, b) -> datasetChanged());
        suppressionDataset.addListener((o, a, b) -> suppressionDatasetChanged());
        creativeCount.addListener((o, a, b) -> resizeCreatives(b.intValue()));
        for (Observable ob : List.<Observable>of(filters, scoreColumn, minScore, tierColumn, tiers, topN, topBy, segmentColumn,
                idColumn, suppressionMode, suppressionDataset, suppressionColumn, fileSuppression, sampleSize, creativeNames,
                allocation, holdout, seed)) {
            ob.addListener(x -> requestPreview());
        }
        preview.resultProperty().addListener((o, a, b) -> publishPreview(b));
        preview.errorProperty().addListener((o, a, b) -> { if (b != null) publishPreview(null); });

        resultsDataset.addListener((o, a, b) -> resultsChanged(b));
        resultsProjectDataset.addListener((o, a, b) -> {
            if (b == null) return;
            project.getProject().dataset(b).ifPresent(e -> {
                resultsLabel.set(I18n.tr("ui.campaigns.ab.fromDataset", b));
                resultsReport = e.report();
                resultsLines = RowLines.NONE;
                resultsDataset.set(e.dataset());
            });
        });
        abMode.addListener((o, a, b) -> {
            control.set(null);
            reanalyse();
        });
        joinCampaign.addListener((o, a, b) -> {
            if (abMode.get() == AbMode.JOIN_LIST) reanalyse();
        });
        for (Observable ob : List.<Observable>of(control, costPerSend, metric)) ob.addListener(x -> reanalyse());

        for (Observable ob : List.<Observable>of(baseline, mde, mdeRelative, confidence, power, powerArms, dataset)) {
            ob.addListener(x -> computePower());
        }
        // the analysis plans its next wave with the Power tab's confidence, power and effect
        for (Observable ob : List.<Observable>of(mde, mdeRelative, confidence, power)) ob.addListener(x -> reanalyse());
        project.projectProperty().subscribe(this::projectChanged);
        computePower();
        requestPreview();
    }

    // ================================================================= accessors

    public ObservableList<String> datasets() { return datasets; }

    public StringProperty datasetProperty() { return dataset; }

    public ObservableList<String> columns() { return columns; }

    public ObservableList<String> numericColumns() { return numericColumns; }

    public ObservableList<FilterCondition> filters() { return filters; }

    public StringProperty scoreColumnProperty() { return scoreColumn; }

    public StringProperty minScoreProperty() { return minScore; }

    public StringProperty tierColumnProperty() { return tierColumn; }

    public StringProperty tiersProperty() { return tiers; }

    public StringProperty topNProperty() { return topN; }

    public StringProperty topByProperty() { return topBy; }

    public StringProperty segmentColumnProperty() { return segmentColumn; }

    public StringProperty idColumnProperty() { return idColumn; }

    public ObjectProperty<SuppressionMode> suppressionModeProperty() { return suppressionMode; }

    public StringProperty suppressionDatasetProperty() { return suppressionDataset; }

    public StringProperty suppressionColumnProperty() { return suppressionColumn; }

    public ObservableList<String> suppressionColumns() { return suppressionColumns; }

    public ReadOnlyObjectProperty<Suppression> fileSuppressionProperty() { return fileSuppression.getReadOnlyProperty(); }

    public IntegerProperty sampleSizeProperty() { return sampleSize; }

    public IntegerProperty creativeCountProperty() { return creativeCount; }

    /** One editable name per creative; follows {@link #creativeCountProperty()}. */
    public ObservableList<StringProperty> creativeNames() { return creativeNames; }

    public ObjectProperty<Allocation> allocationProperty() { return allocation; }

    /** Holdout as typed: a share ("10%", "0.1") or a count ("100"); blank = none. */
    public StringProperty holdoutProperty() { return holdout; }

    public LongProperty seedProperty() { return seed; }

    public StringProperty campaignNameProperty() { return campaignName; }

    /** The preview list, or null when there is none (nothing chosen yet, or an impossible request). */
    public ReadOnlyObjectProperty<CampaignList> previewProperty() { return preview.resultProperty(); }

    public CampaignList getPreview() { return preview.get(); }

    public ReadOnlyBooleanProperty previewBusyProperty() { return preview.busyProperty(); }

    /** Why there is no preview, in the user's language (the core's message with the numbers), or null. */
    public ReadOnlyStringProperty previewErrorProperty() { return preview.errorProperty(); }

    public ObservableList<PreviewRow> previewRows() { return previewRows; }

    /** Creative names of the preview's columns. */
    public ObservableList<String> previewCreatives() { return previewCreatives; }

    public ObservableList<FunnelStep> funnel() { return funnel; }

    public ReadOnlyStringProperty previewSummaryProperty() { return previewSummary.getReadOnlyProperty(); }

    public ReadOnlyStringProperty suppressionSummaryProperty() { return suppressionSummary.getReadOnlyProperty(); }

    /** Set when a reopened list no longer matches its source rows. */
    public ReadOnlyStringProperty previewWarningProperty() { return previewWarning.getReadOnlyProperty(); }

    public ObservableList<SavedCampaign> saved() { return saved; }

    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }

    public BooleanProperty exportColumnProperty(ExportOptions.Column c) { return exportColumns.get(c); }

    public ObjectProperty<Character> delimiterProperty() { return delimiter; }

    public BooleanProperty bomProperty() { return bom; }

    public StringProperty actionProperty() { return action; }

    public ReadOnlyObjectProperty<CampaignExporter.Result> exportResultProperty() { return exportResult.getReadOnlyProperty(); }

    public ReadOnlyStringProperty exportSummaryProperty() { return exportSummary.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty exportingProperty() { return exporting.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Dataset> resultsDatasetProperty() { return resultsDataset.getReadOnlyProperty(); }

    /** A project dataset to read results from. */
    public StringProperty resultsProjectDatasetProperty() { return resultsProjectDataset; }

    public ReadOnlyStringProperty resultsLabelProperty() { return resultsLabel.getReadOnlyProperty(); }

    public ObservableList<String> resultsColumns() { return resultsColumns; }

    public StringProperty mappingProperty(ResultField f) { return mapping.get(f); }

    public ObjectProperty<AbMode> abModeProperty() { return abMode; }

    /** Name of the saved list the results are joined to. */
    public StringProperty joinCampaignProperty() { return joinCampaign; }

    public StringProperty controlProperty() { return control; }

    /** Arms seen in the last analysis (choices for the control). */
    public ObservableList<String> arms() { return arms; }

    public StringProperty costPerSendProperty() { return costPerSend; }

    /** Metric shown in the comparison tables (null = the recommendation's). */
    public ObjectProperty<AbMetric> metricProperty() { return metric; }

    public ReadOnlyObjectProperty<AbReport> reportProperty() { return report.getReadOnlyProperty(); }

    public AbReport getReport() { return report.get(); }

    public ReadOnlyStringProperty abErrorProperty() { return abError.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty analysingProperty() { return analysing.getReadOnlyProperty(); }

    public ReadOnlyStringProperty joinSummaryProperty() { return joinSummary.getReadOnlyProperty(); }

    public StringProperty baselineProperty() { return baseline; }

    public StringProperty mdeProperty() { return mde; }

    public BooleanProperty mdeRelativeProperty() { return mdeRelative; }

    public StringProperty confidenceProperty() { return confidence; }

    public StringProperty powerProperty() { return power; }

    public IntegerProperty powerArmsProperty() { return powerArms; }

    public ReadOnlyObjectProperty<PowerCalculator.Result> powerResultProperty() { return powerResult.getReadOnlyProperty(); }

    public ReadOnlyStringProperty powerSummaryProperty() { return powerSummary.getReadOnlyProperty(); }

    // ================================================================= project and dataset

    private void projectChanged(Project p) {
        List<String> names = p.datasets().stream().map(DatasetEntry::name).toList();
        if (!names.equals(datasets)) datasets.setAll(names);
        if (dataset.get() != null && !names.contains(dataset.get())) dataset.set(null);
        if (dataset.get() == null && !names.isEmpty()) dataset.set(names.get(0));
        refreshSaved(p);
    }

    /** Most values offered by {@link #tierValues()}. */
    static final int MAX_TIER_VALUES = 50;

    /**
     * The values of the tier column to pick tiers from, most frequent first (at most {@value #MAX_TIER_VALUES};
     * a text column is read through its dictionary, other columns on their first 200,000 rows).
     */
    public List<String> tierValues() {
        Dataset ds = data(dataset.get());
        String col = tierColumn.get();
        if (ds == null || col == null || col.isBlank() || !ds.columnNames().contains(col)) return List.of();
        io.segmenta.core.data.Column c = ds.column(col);
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        if (c instanceof io.segmenta.core.data.StringColumn sc) {
            int[] n = new int[sc.dictionary().length];
            for (int r = 0; r < sc.size(); r++) {
                int code = sc.code(r);
                if (code >= 0) n[code]++;
            }
            for (int k = 0; k < n.length; k++) if (n[k] > 0) counts.merge(sc.dictionary()[k], n[k], Integer::sum);
        } else {
            for (int r = 0, end = Math.min(c.size(), 200_000); r < end; r++) {
                if (!c.isMissing(r)) counts.merge(c.format(r), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(java.util.Map.Entry.comparingByKey()))
                .limit(MAX_TIER_VALUES).map(java.util.Map.Entry::getKey).toList();
    }

    /** Ticks or unticks one tier in the comma-separated tier list, keeping the others in their order. */
    public void toggleTier(String value, boolean on) {
        List<String> now = new ArrayList<>(tierList());
        now.remove(value);
        if (on) now.add(value);
        tiers.set(String.join(", ", now));
    }

    /** The tiers typed or picked, in order. */
    public List<String> tierList() {
        return tiers.get() == null ? List.of()
                : java.util.Arrays.stream(tiers.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private Dataset data(String name) {
        if (name == null) return null;
        return project.getProject().dataset(name).map(DatasetEntry::dataset).orElse(null);
    }

    private void datasetChanged() {
        Dataset ds = data(dataset.get());
        boolean was = applying;
        applying = true;
        try {
            filters.clear();
            contactChoice.set(null);
            if (ds == null) {
                columns.clear();
                numericColumns.clear();
            } else {
                columns.setAll(ds.columnNames());
                numericColumns.setAll(ds.columns().stream().filter(c -> c.type().isNumeric()).map(Column::name).toList());
            }
            for (StringProperty p : List.of(scoreColumn, tierColumn, topBy)) p.set(null);
            minScore.set("");
            tiers.set("");
            topN.set("");
            idColumn.set(ds == null ? null : guessId(ds));
            segmentColumn.set(ds == null ? null : ds.columnNames().stream()
                    .filter(n -> ResultField.SEGMENT.matches(n)).findFirst().orElse(null));
            expectedHash = null;
            previewWarning.set(null);
        } finally {
            applying = was;
        }
        requestPreview();
    }

    private static String guessId(Dataset ds) {
        String named = CampaignDefinition.guessIdColumn(ds);
        if (named != null) return named;
        for (Column c : ds.columns()) if (c.name().toLowerCase(Locale.ROOT).endsWith("id")) return c.name();
        return ds.columnCount() == 0 ? null : ds.column(0).name();
    }

    private void suppressionDatasetChanged() {
        Dataset ds = data(suppressionDataset.get());
        suppressionColumns.setAll(ds == null ? List.of() : ds.columnNames());
        String id = idColumn.get();
        suppressionColumn.set(ds == null ? null : id != null && ds.find(id).isPresent() ? id : ds.column(0).name());
    }

    private void resizeCreatives(int n) {
        int k = Math.max(1, Math.min(n, CampaignDefinition.MAX_CREATIVES));
        List<String> defaults = CampaignDefinition.defaultCreativeNames(k);
        boolean was = applying;
        applying = true;
        try {
            while (creativeNames.size() > k) creativeNames.remove(creativeNames.size() - 1);
            while (creativeNames.size() < k) creativeNames.add(new SimpleStringProperty(defaults.get(creativeNames.size())));
        } finally {
            applying = was;
        }
        requestPreview();
    }

    public void addFilter() { filters.add(new FilterCondition()); }

    public void removeFilter(FilterCondition f) { filters.remove(f); }

    // ================================================================= preview

    /** Recomputes the preview after the debounce; the newest request wins. */
    public void requestPreview() {
        if (applying || preview == null) return;
        preview.request(this::preparePreview);
    }

    /** Reads the form on the FX thread; the returned work runs on a worker. */
    private Function<io.segmenta.core.task.TaskContext, CampaignList> preparePreview() {
        Dataset ds = data(dataset.get());
        if (ds == null) return null;
        CampaignDefinition def = definition(Suppression.NONE);
        SuppressionMode mode = suppressionMode.get();
        Dataset supTable = mode == SuppressionMode.DATASET ? data(suppressionDataset.get()) : null;
        String supColumn = suppressionColumn.get();
        String supName = suppressionDataset.get();
        Suppression fromFile = mode == SuppressionMode.FILE ? fileSuppression.get() : null;
        return ctx -> {
            Suppression s = fromFile != null ? fromFile
                    : supTable != null ? Suppression.fromTable(supTable, supColumn, def.idColumn(), supName) : Suppression.NONE;
            return CampaignBuilder.build(ds, def.withSuppression(s), ctx);
        };
    }

    /**
     * The definition the form describes.
     *
     * @throws UserException with the reason when the form is incomplete or contradictory
     */
    public CampaignDefinition definition(Suppression suppression) {
        List<RowFilter.Condition> conds = new ArrayList<>();
        for (FilterCondition f : filters) {
            if (f.isComplete()) {
                conds.add(f.toCondition());
            } else if (f.columnProperty().get() != null && !f.columnProperty().get().isBlank()) {
                // a row with a column and no value would otherwise be left out, letting everyone through
                throw new UserException("ui.campaigns.filter.incomplete", f.columnProperty().get());
            }
        }
        Double min = number(minScore.get(), "ui.campaigns.minScore");
        Double top = number(topN.get(), "ui.campaigns.topN");
        if (top != null && top != Math.rint(top)) throw new UserException("campaign.def.badTopN", topN.get());
        List<String> tierList = tierList();
        List<String> names = creativeNames.stream().map(p -> p.get() == null ? "" : p.get().strip()).toList();
        return new CampaignDefinition(dataset.get(), new RowFilter(conds), scoreColumn.get(), min, tierColumn.get(), tierList,
                top == null ? null : top.intValue(), topBy.get(), segmentColumn.get(), idColumn.get(), suppression,
                sampleSize.get(), names, allocation.get(), Holdout.parse(holdout.get()), seed.get());
    }

    private static Double number(String text, String fieldKey) {
        if (text == null || text.isBlank()) return null;
        Double v = CampaignsFormat.parse(text);
        if (v == null) throw new UserException("ui.campaigns.error.notANumber", I18n.tr(fieldKey), text);
        return v;
    }

    private void publishPreview(CampaignList list) {
        if (list == null) {
            previewRows.clear();
            previewCreatives.clear();
            funnel.clear();
            previewSummary.set("");
            suppressionSummary.set(suppressionBaseText());
            return;
        }
        List<String> creatives = list.definition().creativeNames();
        Map<String, int[]> cells = new LinkedHashMap<>();
        for (String s : list.segments()) cells.put(s, new int[creatives.size() + 1]);
        for (CellCount c : list.counts()) {
            int[] v = cells.get(c.segment());
            v[c.group() == Group.HOLDOUT ? creatives.size() : creatives.indexOf(c.creative())] += c.count();
        }
        List<PreviewRow> rows = new ArrayList<>();
        int[] total = new int[creatives.size() + 1];
        int pop = 0;
        int i = 0;
        for (Map.Entry<String, int[]> e : cells.entrySet()) {
            int[] v = e.getValue();
            List<Integer> per = new ArrayList<>();
            int sum = 0;
            for (int c = 0; c <= creatives.size(); c++) {
                total[c] += v[c];
                sum += v[c];
                if (c < creatives.size()) per.add(v[c]);
            }
            int p = list.segmentPopulation().get(i++);
            pop += p;
            rows.add(new PreviewRow(e.getKey(), p, per, v[creatives.size()], sum, false));
        }
        List<Integer> per = new ArrayList<>();
        for (int c = 0; c < creatives.size(); c++) per.add(total[c]);
        rows.add(new PreviewRow(I18n.tr("ui.campaigns.preview.total"), pop, per, total[creatives.size()], list.size(), true));
        previewCreatives.setAll(creatives);
        previewRows.setAll(rows);

        Funnel f = list.funnel();
        List<FunnelStep> steps = new ArrayList<>();
        steps.add(new FunnelStep(I18n.tr("ui.campaigns.funnel.source"), f.sourceRows()));
        if (!list.definition().filter().isEmpty()) steps.add(new FunnelStep(I18n.tr("ui.campaigns.funnel.filter"), f.afterFilter()));
        if (list.definition().minScore() != null) steps.add(new FunnelStep(I18n.tr("ui.campaigns.funnel.score"), f.afterScore()));
        if (!list.definition().tiers().isEmpty()) steps.add(new FunnelStep(I18n.tr("ui.campaigns.funnel.tier"), f.afterTier()));
        int afterMissing = f.afterTier() - f.missingIdOrSegment();
        if (f.missingIdOrSegment() > 0) steps.add(new FunnelStep(I18n.tr("ui.campaigns.funnel.missing"), afterMissing));
        if (!list.definition().suppression().isEmpty()) steps.add(new FunnelStep(I18n.tr("ui.campaigns.funnel.suppressed"), afterMissing - f.suppressed()));
        if (list.definition().topN() != null) steps.add(new FunnelStep(I18n.tr("ui.campaigns.funnel.top"), f.afterTopN()));
        steps.add(new FunnelStep(I18n.tr("ui.campaigns.funnel.list"), list.size()));
        funnel.setAll(steps);

        previewSummary.set(I18n.tr("ui.campaigns.preview.summary", CampaignsFormat.integer(list.size()),
                CampaignsFormat.integer(list.treatmentCount()), CampaignsFormat.integer(list.holdoutCount()),
                CampaignsFormat.integer(f.population())));
        Suppression s = list.definition().suppression();
        String unmatched = s.isEmpty() ? null : f.suppressionWarning(s.ids().size(), list.definition().idColumn());
        suppressionSummary.set(s.isEmpty() ? suppressionBaseText()
                : I18n.tr("ui.campaigns.suppression.summary", CampaignsFormat.integer(s.ids().size()), CampaignsFormat.integer(f.suppressed()))
                + (unmatched == null ? "" : "\n" + unmatched));
        if (expectedHash != null) {
            previewWarning.set(expectedHash.equals(list.sourceHash()) ? null
                    : I18n.tr("ui.campaigns.saved.changed", list.sourceHash().substring(0, 12), expectedHash.substring(0, 12)));
        }
    }

    private String suppressionBaseText() {
        Suppression s = suppressionMode.get() == SuppressionMode.FILE ? fileSuppression.get() : null;
        return s == null ? "" : I18n.tr("ui.campaigns.suppression.loaded", CampaignsFormat.integer(s.ids().size()), s.source());
    }

    /** Asks for a CSV of ids never to contact and reads it off the FX thread. */
    public void chooseSuppressionFile() {
        dialogs.chooseSuppressionCsv().ifPresent(this::loadSuppressionFile);
    }

    public void loadSuppressionFile(Path file) {
        String id = idColumn.get();
        runner.submit(I18n.tr("ui.campaigns.task.suppression"), ctx -> {
            // all or nothing: rejected rows or unreadable ids fail here rather than leave customers unprotected
            return Suppression.fromFile(file, null, id, ctx);
        }, s -> {
            suppressionSummary.set(I18n.tr("ui.campaigns.suppression.loaded", CampaignsFormat.integer(s.ids().size()), s.source()));
            fileSuppression.set(s);
            suppressionMode.set(SuppressionMode.FILE);
        }, err -> notifier.error(Notifier.describe(err)));
    }

    // ================================================================= save and reopen

    /** Saves the previewed list in the project under {@link #campaignNameProperty()} (or a default name). */
    public void save() {
        CampaignList list = preview.get();
        if (list == null) {
            notifier.error(I18n.tr("ui.campaigns.error.noPreview"));
            return;
        }
        String name = campaignName.get() == null || campaignName.get().isBlank() ? defaultName() : campaignName.get().strip();
        saving.set(true);
        runner.submit(I18n.tr("ui.campaigns.task.save"), ctx -> CampaignArtifacts.toArtifact(list, name, Instant.now()), a -> {
            saving.set(false);
            project.update(p -> p.withArtifact(a));
            campaignName.set(name);
            notifier.success(I18n.tr("ui.campaigns.saved.done", name, CampaignsFormat.integer(list.size())));
        }, err -> {
            saving.set(false);
            notifier.error(Notifier.describe(err));
        });
    }

    private String defaultName() {
        int i = saved.size() + 1;
        while (true) {
            String n = I18n.tr("ui.campaigns.saved.defaultName", i);
            if (saved.stream().noneMatch(s -> s.name().equals(n))) return n;
            i++;
        }
    }

    private void refreshSaved(Project p) {
        List<Artifact> arts = p.artifacts().stream().filter(a -> CampaignArtifacts.KIND.equals(a.kind())).toList();
        decoded.keySet().removeIf(a -> arts.stream().noneMatch(x -> x == a));
        List<Artifact> missing = arts.stream().filter(a -> !decoded.containsKey(a)).toList();
        if (missing.isEmpty()) {
            publishSaved(arts);
            return;
        }
        runner.submit(I18n.tr("ui.campaigns.task.restore"), ctx -> {
            Map<Artifact, SavedCampaign> m = new IdentityHashMap<>();
            List<String> failures = new ArrayList<>();
            for (Artifact a : missing) {
                try {
                    m.put(a, new SavedCampaign(a.name(), a.createdAt(), CampaignArtifacts.fromArtifact(a)));
                } catch (UserException e) {
                    failures.add(e.getLocalizedMessage());
                }
            }
            return new Decoded(m, failures);
        }, r -> {
            r.failures().forEach(notifier::error);
            decoded.putAll(r.lists());
            if (project.getProject().artifacts().containsAll(arts)) publishSaved(arts);
        }, err -> notifier.error(Notifier.describe(err)));
    }

    private record Decoded(Map<Artifact, SavedCampaign> lists, List<String> failures) { }

    private void publishSaved(List<Artifact> arts) {
        List<SavedCampaign> l = new ArrayList<>();
        for (Artifact a : arts) if (decoded.containsKey(a)) l.add(decoded.get(a));
        saved.setAll(l);
    }

    public SavedCampaign savedNamed(String name) {
        return saved.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** Puts a saved list's definition back in the form; the preview rebuilds it and checks its source hash. */
    public void open(SavedCampaign s) {
        CampaignDefinition d = s.list().definition();
        if (!datasets.contains(d.datasetName())) {
            notifier.error(I18n.tr("ui.campaigns.saved.noDataset", s.name(), d.datasetName()));
            return;
        }
        applying = true;
        try {
            dataset.set(d.datasetName());
            datasetChanged();
            applying = true;
            filters.setAll(d.filter().conditions().stream().map(FilterCondition::of).toList());
            scoreColumn.set(d.scoreColumn());
            minScore.set(d.minScore() == null ? "" : CampaignsFormat.decimal(d.minScore(), 4).replaceAll("[.,]?0+$", ""));
            tierColumn.set(d.tierColumn());
            tiers.set(String.join(", ", d.tiers()));
            topN.set(d.topN() == null ? "" : Integer.toString(d.topN()));
            topBy.set(d.topBy());
            segmentColumn.set(d.segmentColumn());
            idColumn.set(d.idColumn());
            if (d.suppression().isEmpty()) {
                suppressionMode.set(SuppressionMode.NONE);
            } else {
                fileSuppression.set(d.suppression());
                suppressionMode.set(SuppressionMode.FILE);
            }
            sampleSize.set(d.sampleSize());
            creativeCount.set(d.creatives());
            resizeCreatives(d.creatives());
            applying = true;
            for (int i = 0; i < d.creatives(); i++) creativeNames.get(i).set(d.creativeNames().get(i));
            allocation.set(d.allocation());
            Holdout h = d.holdout();
            holdout.set(h.isShare() ? (h.share() == 0 ? "" : CampaignsFormat.decimal(h.share() * 100, 2).replaceAll("[.,]?0+$", "") + "%")
                    : h.count() == 0 ? "" : Integer.toString(h.count()));
            seed.set(d.seed());
            campaignName.set(s.name());
        } finally {
            applying = false;
        }
        expectedHash = s.list().sourceHash();
        previewWarning.set(null);
        requestPreview();
    }

    // ================================================================= export

    /** The columns an export of the preview would write, in order. */
    public ExportOptions exportOptions() {
        List<ExportOptions.Column> cols = new ArrayList<>();
        for (ExportOptions.Column c : ExportOptions.Column.values()) if (exportColumns.get(c).get()) cols.add(c);
        return new ExportOptions(cols, contactChoice.get(), delimiter.get(), bom.get(), action.get());
    }

    /** The contact fields chosen for the export; null = those detected by name ({@link #detectedContactColumns()}). */
    public ObjectProperty<List<String>> contactChoiceProperty() { return contactChoice; }

    /** The columns a contact field can be taken from: all but the customer id and the segment column. */
    public List<String> contactCandidates() {
        Dataset ds = data(dataset.get());
        if (ds == null) return List.of();
        return ds.columnNames().stream().filter(n -> !n.equals(idColumn.get()) && !n.equals(segmentColumn.get())).toList();
    }

    /** The contact fields the export will copy: the ones chosen, else the ones detected. */
    public List<String> exportContactColumns() {
        return contactChoice.get() != null ? contactChoice.get() : detectedContactColumns();
    }

    /** Contact columns of the dataset the export would copy. */
    public List<String> detectedContactColumns() {
        Dataset ds = data(dataset.get());
        CampaignList l = preview.get();
        return ds == null || l == null ? List.of() : CampaignExporter.detectContactColumns(ds, l.definition());
    }

    /** Asks where to write the previewed list and writes it (CSV + manifest) off the FX thread. */
    public void export() {
        CampaignList list = preview.get();
        Dataset ds = data(dataset.get());
        if (list == null || ds == null) {
            notifier.error(I18n.tr("ui.campaigns.error.noPreview"));
            return;
        }
        ExportOptions o;
        try {
            o = exportOptions();
        } catch (UserException e) {
            notifier.error(e.getLocalizedMessage());
            return;
        }
        String base = campaignName.get() == null || campaignName.get().isBlank() ? "campaign" : campaignName.get().strip();
        dialogs.chooseExportTarget(base.replaceAll("[^\\p{L}\\p{N}._-]+", "_") + ".csv").ifPresent(file -> {
            exporting.set(true);
            runner.submit(I18n.tr("ui.campaigns.task.export"),
                    ctx -> CampaignExporter.export(ds, list, o, file, SegmentaCli.version(), Instant.now(), ctx), r -> {
                        exporting.set(false);
                        exportResult.set(r);
                        exportSummary.set(I18n.tr("ui.campaigns.export.done", CampaignsFormat.integer(r.rows()), r.csv(),
                                r.manifest(), CampaignsFormat.integer(r.neutralizedCells())));
                        notifier.success(I18n.tr("ui.campaigns.export.toast", CampaignsFormat.integer(r.rows()), r.csv().getFileName()));
                    }, err -> {
                        exporting.set(false);
                        notifier.error(Notifier.describe(err));
                    });
        });
    }

    // ================================================================= A/B results

    /** Asks for a results CSV and imports it off the FX thread. */
    public void importResults() {
        dialogs.chooseResultsCsv().ifPresent(this::loadResults);
    }

    public void loadResults(Path file) {
        runner.submit(I18n.tr("ui.campaigns.task.importResults"),
                ctx -> CsvImporter.importFiles(ImportRequest.of(file), ctx), r -> {
                    Dataset d = r.dataset();
                    resultsProjectDataset.set(null);
                    resultsLabel.set(I18n.tr("ui.campaigns.ab.fromFile", file.getFileName(),
                            CampaignsFormat.integer(d.rowCount())));
                    resultsReport = r.report();
                    resultsLines = r.rowLines();
                    resultsDataset.set(d);
                }, err -> notifier.error(Notifier.describe(err)));
    }

    /** Uses an in-memory table as the results (tests, or a dataset handed over by another section). */
    public void useResults(Dataset d, String label) {
        resultsProjectDataset.set(null);
        resultsLabel.set(label);
        resultsReport = null;
        resultsLines = RowLines.NONE;
        resultsDataset.set(d);
    }

    private void resultsChanged(Dataset d) {
        report.set(null);
        abError.set(null);
        arms.clear();
        resultsColumns.setAll(d == null ? List.of() : d.columnNames());
        for (ResultField f : ResultField.values()) {
            String guess = null;
            if (d != null) {
                for (String n : d.columnNames()) {
                    if (f.matches(n) && !alreadyMapped(n, f)) { guess = n; break; }
                }
            }
            mapping.get(f).set(guess);
        }
        if (d != null && mapping.get(ResultField.SENDS).get() != null && mapping.get(ResultField.ID).get() == null) {
            abMode.set(AbMode.AGGREGATED);
        } else if (d != null && mapping.get(ResultField.ARM).get() == null && mapping.get(ResultField.ID).get() != null && !saved.isEmpty()) {
            abMode.set(AbMode.JOIN_LIST);
            if (joinCampaign.get() == null) joinCampaign.set(saved.get(saved.size() - 1).name());
        }
    }

    private boolean alreadyMapped(String column, ResultField except) {
        for (ResultField f : ResultField.values()) {
            if (f != except && column.equals(mapping.get(f).get())) return true;
        }
        return false;
    }

    /**
     * The analysis options with the Power tab's confidence, power and smallest effect (relative, or points over
     * the tab's baseline), so that the recommendation's "increase the sample" agrees with the calculator; the
     * defaults (95 %, 80 %, +10 %) while a field there is empty or invalid.
     */
    AbOptions statistics() {
        AbOptions d = AbOptions.defaults();
        try {
            Double c = CampaignsFormat.parse(confidence.get());
            Double pw = CampaignsFormat.parse(power.get());
            Double e = CampaignsFormat.parse(mde.get());
            Double b = CampaignsFormat.parse(baseline.get());
            double rel = e == null ? d.mde() : mdeRelative.get() ? e : b == null || !(b > 0) ? d.mde() : e / b;
            return new AbOptions(null, null, c == null ? d.confidence() : c, pw == null ? d.power() : pw, rel,
                    d.winProbability(), d.lossTolerance(), null);
        } catch (UserException ex) {
            return d;
        }
    }

    private void reanalyse() {
        if (report.get() != null || abError.get() != null) analyse();
    }

    /** Reads the mapping and analyses the results off the FX thread. */
    public void analyse() {
        Dataset d = resultsDataset.get();
        if (d == null) {
            abError.set(I18n.tr("ui.campaigns.ab.noResults"));
            return;
        }
        long gen = ++abGeneration;
        AbMode mode = abMode.get();
        Map<ResultField, String> m = new EnumMap<>(ResultField.class);
        for (ResultField f : ResultField.values()) {
            String v = mapping.get(f).get();
            if (v != null && !v.isBlank()) m.put(f, v);
        }
        SavedCampaign list = mode == AbMode.JOIN_LIST ? savedNamed(joinCampaign.get()) : null;
        AbOptions o;
        try {
            if (mode == AbMode.JOIN_LIST && list == null) throw new UserException("ui.campaigns.ab.noList");
            Double cost = number(costPerSend.get(), "ui.campaigns.ab.cost");
            String ctrl = control.get();
            if ((ctrl == null || ctrl.isBlank()) && list != null && list.list().holdoutCount() > 0) ctrl = HOLDOUT_ARM;
            o = statistics().withCostPerSend(cost).withControl(ctrl).withPrimary(metric.get());
        } catch (UserException e) {
            abError.set(e.getLocalizedMessage());
            report.set(null);
            return;
        }
        analysing.set(true);
        ImportReport read = resultsReport;
        RowLines rowLines = resultsLines;
        runner.submit(I18n.tr("ui.campaigns.task.analyse"), ctx -> {
            // what reading the file lost (rejected rows, unreadable outcomes) fails here as it does in the CLI
            switch (mode) {
                case ARM_COLUMN, JOIN_LIST -> AbResultsLoader.checkImport(read, columns(m, mode == AbMode.JOIN_LIST));
                case AGGREGATED -> AbResultsLoader.checkImport(read, aggregateColumns(m));
            }
            AbData data = switch (mode) {
                case ARM_COLUMN -> AbResultsLoader.perCustomer(d, columns(m, false));
                case JOIN_LIST -> AbResultsLoader.joined(d, columns(m, true), AbResultsLoader.assignmentsOf(list.list(), HOLDOUT_ARM));
                case AGGREGATED -> AbResultsLoader.aggregated(d, aggregateColumns(m));
            };
            return AbAnalysis.analyze(data, o);
        }, r -> {
            if (gen != abGeneration) return;
            analysing.set(false);
            abError.set(null);
            List<String> names = r.arms().stream().map(a -> a.counts().arm()).toList();
            if (!names.equals(arms)) arms.setAll(names);
            AbData.Join j = r.data().join();
            String summary = j == null ? "" : I18n.tr("ui.campaigns.ab.joinSummary", CampaignsFormat.integer(j.listed()),
                    CampaignsFormat.integer(j.matched()), CampaignsFormat.integer(j.resultsOnly()));
            // rows left out (no arm, no id) are said next to the result, never dropped silently
            List<String> lines = new ArrayList<>();
            if (!summary.isEmpty()) lines.add(summary);
            for (AbData.Note note : r.data().notes()) lines.add(note.message(rowLines));
            joinSummary.set(String.join("\n", lines));
            report.set(r);
            seedPowerFrom(r);
        }, err -> {
            if (gen != abGeneration) return;
            analysing.set(false);
            report.set(null);
            abError.set(Notifier.describe(err));
        });
    }

    private static AggregateColumns aggregateColumns(Map<ResultField, String> m) {
        return new AggregateColumns(m.get(ResultField.ARM), m.get(ResultField.SEGMENT), m.get(ResultField.SENDS),
                m.get(ResultField.DELIVERED), m.get(ResultField.BOUNCED), m.get(ResultField.OPENED), m.get(ResultField.CLICKED),
                m.get(ResultField.CONVERTED), m.get(ResultField.REVENUE));
    }

    private static ResultColumns columns(Map<ResultField, String> m, boolean joined) {
        return new ResultColumns(joined ? null : m.get(ResultField.ARM), joined ? null : m.get(ResultField.SEGMENT),
                m.get(ResultField.ID), m.get(ResultField.DELIVERED), m.get(ResultField.BOUNCED), m.get(ResultField.OPENED),
                m.get(ResultField.CLICKED), m.get(ResultField.CONVERTED), m.get(ResultField.REVENUE), m.get(ResultField.SENT_AT),
                m.get(ResultField.OPENED_AT), m.get(ResultField.CLICKED_AT), m.get(ResultField.PURCHASED_AT));
    }

    /** The metric result the tables show: the chosen metric, else the recommendation's. */
    public AbReport.MetricResult shownMetric() {
        AbReport r = report.get();
        if (r == null || r.metrics().isEmpty()) return null;
        AbMetric want = metric.get() != null ? metric.get() : r.recommendation().metric();
        for (AbReport.MetricResult mr : r.metrics()) if (mr.metric() == want) return mr;
        return r.metrics().get(0);
    }

    private void seedPowerFrom(AbReport r) {
        AbReport.MetricResult mr = shownMetric();
        if (mr == null || mr.rates().isEmpty()) return;
        double base = mr.rates().stream().filter(x -> x.arm().equals(r.options().control())).mapToDouble(AbReport.ArmRate::rate)
                .findFirst().orElse(mr.rates().stream().mapToDouble(AbReport.ArmRate::rate).average().orElse(Double.NaN));
        if (base > 0 && base < 1) {
            baseline.set(CampaignsFormat.percent(base).replace('\u00a0', ' '));
            powerArms.set(Math.max(2, r.arms().size()));
        }
    }

    // ================================================================= power

    private void computePower() {
        try {
            Double b = CampaignsFormat.parse(baseline.get());
            Double e = CampaignsFormat.parse(mde.get());
            Double c = CampaignsFormat.parse(confidence.get());
            Double pw = CampaignsFormat.parse(power.get());
            if (b == null || e == null || c == null || pw == null) {
                powerResult.set(null);
                powerSummary.set(I18n.tr("ui.campaigns.power.incomplete"));
                return;
            }
            PowerCalculator.Result r = PowerCalculator.sampleSize(new PowerCalculator.Plan(b, e, mdeRelative.get(), 1 - c, pw));
            powerResult.set(r);
            int k = Math.max(2, powerArms.get());
            String summary = I18n.tr("ui.campaigns.power.summary", CampaignsFormat.integer(r.perArm()),
                    CampaignsFormat.integer(r.perArm() * k), k, CampaignsFormat.percent(r.plan().baseline()),
                    CampaignsFormat.percent(r.plan().target()));
            Dataset ds = data(dataset.get());
            if (ds != null && r.perArm() * k > ds.rowCount()) {
                summary += " " + I18n.tr("ui.campaigns.power.moreThanData", CampaignsFormat.integer(ds.rowCount()), ds.name());
            }
            powerSummary.set(summary);
        } catch (UserException ex) {
            powerResult.set(null);
            powerSummary.set(ex.getLocalizedMessage());
        }
    }

    /** Total customers for the next wave with {@link #powerArmsProperty()} arms, or −1 without a plan. */
    public long powerTotal() {
        PowerCalculator.Result r = powerResult.get();
        return r == null ? -1 : r.perArm() * Math.max(2, powerArms.get());
    }

    @Override
    public String toString() { return "CampaignsViewModel[" + Objects.toString(dataset.get()) + "]"; }
}
