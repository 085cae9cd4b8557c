package io.segmenta.app.explore;

import io.segmenta.app.ui.FilterCondition;
import io.segmenta.app.task.LatestRequest;
import io.segmenta.app.task.TaskRunner;
import io.segmenta.app.ui.Formats;
import io.segmenta.app.ui.Notifier;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.eda.BarChart;
import io.segmenta.core.eda.BoxPlot;
import io.segmenta.core.eda.ChartData;
import io.segmenta.core.eda.ColumnProfiler;
import io.segmenta.core.eda.CorrelationMatrix;
import io.segmenta.core.eda.DatasetProfile;
import io.segmenta.core.eda.Histogram;
import io.segmenta.core.eda.MissingOverview;
import io.segmenta.core.eda.ProfileOptions;
import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.eda.Scatter;
import io.segmenta.core.eda.TargetRate;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * State of the Explore section: the dataset looked at, the row filter shared by every view, the target,
 * the parameters of each chart and the latest result of each. Only the visible view is computed; the
 * others are marked stale and computed when shown. Every computation goes through the {@link TaskRunner}
 * via a {@link LatestRequest}: inputs are copied on the FX thread, work runs on a worker, rapid changes are
 * debounced and only the newest request publishes.
 */
public final class ExploreViewModel {
    /** Quiet period before a chart is recomputed after a change. */
    public static final Duration DEBOUNCE = Duration.millis(180);
    /** Largest bin count the spinner offers. */
    public static final int MAX_BINS = Histogram.MAX_BINS;
    /** Largest top N the bar chart offers. */
    public static final int MAX_TOP_N = 50;

    private final TaskRunner runner;
    private final Notifier notifier;
    private final ObservableValue<Project> project;

    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedDataset = new SimpleObjectProperty<>(this, "selectedDataset");
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> numericColumns = FXCollections.observableArrayList();
    private final ObservableList<String> groupColumns = FXCollections.observableArrayList();
    private final ObservableList<String> targetColumns = FXCollections.observableArrayList();
    private final IntegerBinding totalRows;

    private final ObservableList<FilterCondition> conditions = FXCollections.observableArrayList(
            c -> new Observable[]{c.columnProperty(), c.operatorProperty(), c.valueProperty()});
    private final ReadOnlyObjectWrapper<RowFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", RowFilter.NONE);
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError");
    private final LatestRequest<Integer> keptRows;

    private static final int MAX_POSITIVE_VALUES = 30;
    private final StringProperty target = new SimpleStringProperty(this, "target");
    /** The target value counted as positive; null = automatic (yes/true/1, else the rarer value). */
    private final StringProperty positive = new SimpleStringProperty(this, "positive");
    private final ObservableList<String> positiveValues = FXCollections.observableArrayList();
    private long positiveGen;
    private final ObjectProperty<ExploreTab> tab = new SimpleObjectProperty<>(this, "tab", ExploreTab.PROFILES);

    private final StringProperty histColumn = new SimpleStringProperty(this, "histColumn");
    private final BooleanProperty histAutoBins = new SimpleBooleanProperty(this, "histAutoBins", true);
    private final IntegerProperty histBins = new SimpleIntegerProperty(this, "histBins", 20);
    private final BooleanProperty histLog = new SimpleBooleanProperty(this, "histLog");
    private final StringProperty boxColumn = new SimpleStringProperty(this, "boxColumn");
    private final StringProperty boxGroupBy = new SimpleStringProperty(this, "boxGroupBy");
    private final StringProperty barColumn = new SimpleStringProperty(this, "barColumn");
    private final IntegerProperty barTopN = new SimpleIntegerProperty(this, "barTopN", BarChart.DEFAULT_TOP_N);
    private final StringProperty scatterX = new SimpleStringProperty(this, "scatterX");
    private final StringProperty scatterY = new SimpleStringProperty(this, "scatterY");
    private final StringProperty scatterColour = new SimpleStringProperty(this, "scatterColour");
    private final ObjectProperty<CorrelationMatrix.Method> corrMethod =
            new SimpleObjectProperty<>(this, "corrMethod", CorrelationMatrix.Method.PEARSON);
    private final StringProperty targetBy = new SimpleStringProperty(this, "targetBy");
    private final IntegerProperty targetBins = new SimpleIntegerProperty(this, "targetBins", TargetRate.DEFAULT_BINS);

    private final Map<ExploreTab, View<?>> views = new EnumMap<>(ExploreTab.class);
    private final LatestRequest<DatasetProfile> profile;
    private final LatestRequest<Histogram> histogram;
    private final LatestRequest<BoxPlot> boxPlot;
    private final LatestRequest<BarChart> barChart;
    private final LatestRequest<Scatter> scatter;
    private final LatestRequest<CorrelationMatrix> correlation;
    private final LatestRequest<TargetRate> targetRate;
    private final LatestRequest<MissingOverview> missing;

    /** True while several inputs are set together (dataset switch); listeners then do not recompute. */
    private boolean adjusting;

    /** The view model the application uses: debounced. */
    public ExploreViewModel(TaskRunner runner, ObservableValue<Project> project, Notifier notifier) {
        this(runner, project, notifier, DEBOUNCE);
    }

    /**
     * @param debounce quiet period before recomputing; {@link Duration#ZERO} computes at once (tests with
     *                 {@link io.segmenta.app.task.SameThreadTaskRunner})
     */
    public ExploreViewModel(TaskRunner runner, ObservableValue<Project> project, Notifier notifier, Duration debounce) {
        this.runner = runner;
        this.notifier = notifier;
        this.project = project;
        keptRows = new LatestRequest<>(runner, I18n.tr("ui.explore.task.filter"), debounce);
        profile = register(ExploreTab.PROFILES, "ui.explore.task.profile", debounce, this::prepareProfile);
        histogram = register(ExploreTab.HISTOGRAM, "ui.explore.task.histogram", debounce, this::prepareHistogram);
        boxPlot = register(ExploreTab.BOX_PLOT, "ui.explore.task.boxPlot", debounce, this::prepareBoxPlot);
        barChart = register(ExploreTab.BAR_CHART, "ui.explore.task.barChart", debounce, this::prepareBarChart);
        scatter = register(ExploreTab.SCATTER, "ui.explore.task.scatter", debounce, this::prepareScatter);
        correlation = register(ExploreTab.CORRELATION, "ui.explore.task.correlation", debounce, this::prepareCorrelation);
        targetRate = register(ExploreTab.TARGET, "ui.explore.task.target", debounce, this::prepareTarget);
        missing = register(ExploreTab.MISSING, "ui.explore.task.missing", debounce, this::prepareMissing);

        totalRows = Bindings.createIntegerBinding(() -> dataset.get() == null ? 0 : dataset.get().rowCount(), dataset);

        onChange(ExploreTab.HISTOGRAM, histColumn, histLog, histAutoBins);
        histBins.addListener((o, a, b) -> {
            if (!histAutoBins.get()) changed(ExploreTab.HISTOGRAM);
        });
        onChange(ExploreTab.BOX_PLOT, boxColumn, boxGroupBy);
        onChange(ExploreTab.BAR_CHART, barColumn, barTopN);
        onChange(ExploreTab.SCATTER, scatterX, scatterY, scatterColour);
        onChange(ExploreTab.CORRELATION, corrMethod);
        onChange(ExploreTab.TARGET, targetBy, targetBins);
        target.addListener((o, a, b) -> {
            positive.set(null);
            listPositiveValues();
            if (adjusting) return;
            if (b != null && b.equals(targetBy.get())) targetBy.set(defaultTargetBy());
            changed(ExploreTab.PROFILES);
            changed(ExploreTab.TARGET);
        });
        positive.addListener((o, a, b) -> {
            if (adjusting) return;
            changed(ExploreTab.PROFILES);
            changed(ExploreTab.TARGET);
        });
        histogram.resultProperty().addListener((o, a, h) -> {
            // with automatic bins, show the count the rule chose; it only becomes the user's when unticked
            if (h != null && histAutoBins.get() && h.bins() > 0) histBins.set(Math.min(MAX_BINS, h.bins()));
        });
        tab.addListener((o, a, b) -> {
            if (b != null && views.get(b).stale) compute(b);
        });
        conditions.addListener((ListChangeListener<FilterCondition>) c -> rebuildFilter());
        selectedDataset.addListener((o, a, b) -> load());
        project.subscribe(this::sync);
    }

    private <T extends ChartData> LatestRequest<T> register(ExploreTab t, String titleKey, Duration debounce,
                                                           Supplier<Function<TaskContext, T>> prepare) {
        LatestRequest<T> r = new LatestRequest<>(runner, I18n.tr(titleKey), debounce);
        views.put(t, new View<>(r, prepare));
        return r;
    }

    /** A view's request, how to prepare its work, and whether its result is out of date. */
    private static final class View<T> {
        final LatestRequest<T> request;
        final Supplier<Function<TaskContext, T>> prepare;
        boolean stale = true;

        View(LatestRequest<T> request, Supplier<Function<TaskContext, T>> prepare) {
            this.request = request;
            this.prepare = prepare;
        }
    }

    private void onChange(ExploreTab t, ObservableValue<?>... inputs) {
        for (ObservableValue<?> in : inputs) in.addListener((o, a, b) -> changed(t));
    }

    private void changed(ExploreTab t) {
        if (adjusting) return;
        if (tab.get() == t) compute(t);
        else views.get(t).stale = true;
    }

    private void compute(ExploreTab t) {
        View<?> v = views.get(t);
        v.stale = false;
        request(v);
    }

    private static <T> void request(View<T> v) {
        v.request.request(v.prepare);
    }

    /** Every view out of date (dataset or filter changed): recompute the visible one and the row count. */
    private void invalidateAll() {
        views.values().forEach(v -> v.stale = true);
        Dataset ds = dataset.get();
        RowFilter f = filter.get();
        keptRows.request(() -> ds == null ? null : ctx -> f.apply(ds, ctx).kept());
        if (tab.get() != null) compute(tab.get());
    }

    // ---- project and dataset

    private void sync(Project p) {
        List<String> names = p == null ? List.of() : p.datasets().stream().map(DatasetEntry::name).toList();
        String keep = selectedDataset.get();
        if (!datasets.equals(names)) datasets.setAll(names);
        if (keep != null && names.contains(keep)) {
            if (dataset.get() != p.dataset(keep).map(DatasetEntry::dataset).orElse(null)) load();
        } else {
            selectedDataset.set(names.isEmpty() ? null : names.get(0));
        }
    }

    private void load() {
        Project p = project.getValue();
        String name = selectedDataset.get();
        Dataset ds = p == null || name == null ? null : p.dataset(name).map(DatasetEntry::dataset).orElse(null);
        adjusting = true;
        try {
            dataset.set(ds);
            List<Column> cols = ds == null ? List.of() : ds.columns();
            columns.setAll(cols.stream().map(Column::name).toList());
            numericColumns.setAll(cols.stream().filter(c -> isNumericLike(c.type())).map(Column::name).toList());
            groupColumns.setAll(cols.stream().filter(c -> isGroupable(c.type())).map(Column::name).toList());
            targetColumns.setAll(cols.stream().filter(ExploreViewModel::canBeTarget).map(Column::name).toList());
            conditions.clear();
            filter.set(RowFilter.NONE);
            filterError.set(null);
            if (target.get() != null && !targetColumns.contains(target.get())) target.set(null);
            List<String> numeric = cols.stream().filter(c -> isNumericLike(c.type()) && !c.idLike()).map(Column::name).toList();
            List<String> groups = cols.stream().filter(c -> isGroupable(c.type()) && !c.idLike()
                    && c.type() != ColumnType.INTEGER).map(Column::name).toList();
            histColumn.set(first(numeric, 0));
            histAutoBins.set(true);
            histLog.set(false);
            boxColumn.set(first(numeric, 0));
            boxGroupBy.set(null);
            barColumn.set(first(groups, 0));
            scatterX.set(first(numeric, 0));
            scatterY.set(first(numeric, 1));
            scatterColour.set(null);
            targetBy.set(defaultTargetBy());
        } finally {
            adjusting = false;
        }
        if (ds == null) {
            views.values().forEach(v -> { v.request.clear(); v.stale = true; });
            keptRows.clear();
        } else {
            invalidateAll();
        }
    }

    private String defaultTargetBy() {
        Dataset ds = dataset.get();
        if (ds == null) return null;
        for (Column c : ds.columns()) {
            if (c.name().equals(target.get()) || c.idLike()) continue;
            if (c.type().isString() || c.type() == ColumnType.BOOLEAN) return c.name();
        }
        for (Column c : ds.columns()) {
            if (!c.name().equals(target.get()) && !c.idLike() && isNumericLike(c.type())) return c.name();
        }
        return null;
    }

    private static String first(List<String> l, int i) { return l.size() > i ? l.get(i) : (l.isEmpty() ? null : l.get(0)); }

    static boolean isNumericLike(ColumnType t) {
        return t.isNumeric() || t == ColumnType.DATE || t == ColumnType.DATETIME;
    }

    static boolean isGroupable(ColumnType t) {
        return t.isString() || t == ColumnType.BOOLEAN || t == ColumnType.INTEGER;
    }

    /** Boolean and number columns, and categorical or text columns with two values. */
    static boolean canBeTarget(Column c) {
        if (c.idLike()) return false;
        return switch (c.type()) {
            case BOOLEAN, INTEGER, DECIMAL -> true;
            case CATEGORICAL, TEXT -> c instanceof StringColumn s && s.dictionary().length == 2;
            default -> false;
        };
    }

    // ---- filter

    /** Adds an empty condition on the first column. */
    public FilterCondition addCondition() {
        FilterCondition c = new FilterCondition(columns.isEmpty() ? null : columns.get(0), RowFilter.Operator.EQ, "");
        conditions.add(c);
        return c;
    }

    public void removeCondition(FilterCondition c) { conditions.remove(c); }

    public void clearConditions() { conditions.clear(); }

    private void rebuildFilter() {
        Dataset ds = dataset.get();
        List<RowFilter.Condition> ok = new ArrayList<>();
        String firstError = null;
        for (FilterCondition c : conditions) {
            c.setError(null);
            if (ds == null || !c.isComplete()) continue;
            try {
                RowFilter.Condition cond = c.toCondition();
                new RowFilter(List.of(cond)).validate(ds);
                ok.add(cond);
            } catch (RuntimeException e) {
                c.setError(Notifier.describe(e));
                if (firstError == null) firstError = c.errorProperty().get();
            }
        }
        filterError.set(firstError);
        RowFilter f = new RowFilter(ok);
        if (!f.equals(filter.get())) {
            filter.set(f);
            if (!adjusting) invalidateAll();
        }
    }

    // ---- work for each view (runs on the FX thread: reads the inputs, returns the work)

    private Function<TaskContext, DatasetProfile> prepareProfile() {
        Dataset ds = dataset.get();
        if (ds == null) return null;
        ProfileOptions o = ProfileOptions.defaults().withFilter(filter.get()).withTarget(target.get(), positive.get());
        return ctx -> ColumnProfiler.profile(ds, o, ctx);
    }

    private Function<TaskContext, Histogram> prepareHistogram() {
        Dataset ds = dataset.get();
        String c = histColumn.get();
        if (ds == null || c == null || !numericColumns.contains(c)) return null;
        Histogram.Options o = new Histogram.Options(c, filter.get(), histAutoBins.get() ? 0 : clamp(histBins.get(), 1, MAX_BINS),
                histLog.get());
        return ctx -> Histogram.compute(ds, o, ctx);
    }

    private Function<TaskContext, BoxPlot> prepareBoxPlot() {
        Dataset ds = dataset.get();
        String c = boxColumn.get();
        if (ds == null || c == null || !numericColumns.contains(c)) return null;
        String g = boxGroupBy.get() != null && groupColumns.contains(boxGroupBy.get()) ? boxGroupBy.get() : null;
        BoxPlot.Options o = BoxPlot.Options.of(c).withGroupBy(g).withFilter(filter.get());
        return ctx -> BoxPlot.compute(ds, o, ctx);
    }

    private Function<TaskContext, BarChart> prepareBarChart() {
        Dataset ds = dataset.get();
        String c = barColumn.get();
        if (ds == null || c == null || !groupColumns.contains(c)) return null;
        BarChart.Options o = BarChart.Options.of(c).withTopN(clamp(barTopN.get(), 1, MAX_TOP_N)).withFilter(filter.get());
        return ctx -> BarChart.compute(ds, o, ctx);
    }

    private Function<TaskContext, Scatter> prepareScatter() {
        Dataset ds = dataset.get();
        String x = scatterX.get(), y = scatterY.get();
        if (ds == null || x == null || y == null || !numericColumns.contains(x) || !numericColumns.contains(y)) return null;
        String colour = scatterColour.get() != null && columns.contains(scatterColour.get()) ? scatterColour.get() : null;
        Scatter.Options o = Scatter.Options.of(x, y).withColour(colour).withFilter(filter.get());
        return ctx -> Scatter.compute(ds, o, ctx);
    }

    private Function<TaskContext, CorrelationMatrix> prepareCorrelation() {
        Dataset ds = dataset.get();
        if (ds == null) return null;
        CorrelationMatrix.Options o = new CorrelationMatrix.Options(List.of(), filter.get(), 10, corrMethod.get());
        return ctx -> CorrelationMatrix.compute(ds, o, ctx);
    }

    private Function<TaskContext, TargetRate> prepareTarget() {
        Dataset ds = dataset.get();
        String t = target.get(), by = targetBy.get();
        if (ds == null || t == null || by == null || by.equals(t) || !columns.contains(by)) return null;
        TargetRate.Options o = TargetRate.Options.of(t, by).withBins(clamp(targetBins.get(), 2, 100)).withFilter(filter.get())
                .withPositive(positive.get());
        return ctx -> TargetRate.compute(ds, o, ctx);
    }

    private Function<TaskContext, MissingOverview> prepareMissing() {
        Dataset ds = dataset.get();
        if (ds == null) return null;
        MissingOverview.Options o = MissingOverview.Options.defaults().withFilter(filter.get());
        return ctx -> MissingOverview.compute(ds, o, ctx);
    }

    private static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }

    // ---- actions

    /** Shows a column in the chart that suits it: histogram for numbers and dates, bar chart otherwise. */
    public void showColumn(String name) {
        Dataset ds = dataset.get();
        if (ds == null || ds.find(name).isEmpty()) return;
        ColumnType t = ds.column(name).type();
        if (isNumericLike(t)) {
            histColumn.set(name);
            tab.set(ExploreTab.HISTOGRAM);
        } else if (isGroupable(t)) {
            barColumn.set(name);
            tab.set(ExploreTab.BAR_CHART);
        }
    }

    /** The data behind a view as CSV, or null when it shows nothing. */
    public String csv(ExploreTab t) {
        Object r = views.get(t).request.get();
        return r instanceof ChartData d ? d.toCsv() : null;
    }

    /** Hands the view's data as CSV to {@code clipboard} and says so; false when there is nothing to copy. */
    public boolean copyCsv(ExploreTab t, Consumer<String> clipboard) {
        String csv = csv(t);
        if (csv == null) {
            notifier.info(I18n.tr("ui.explore.export.nothing"));
            return false;
        }
        clipboard.accept(csv);
        long lines = csv.lines().count() - 1;
        notifier.success(I18n.tr("ui.explore.export.copied", Formats.integer(Math.max(0, lines))));
        return true;
    }

    /** A file name for a view's picture: dataset-view.png. */
    public String suggestedFileName(ExploreTab t) {
        String ds = selectedDataset.get() == null ? "chart" : selectedDataset.get();
        return (ds + "-" + t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".png").replaceAll("[\\\\/:*?\"<>|]", "_");
    }

    /**
     * Writes a picture of a view (ARGB pixels, row by row, as read from a snapshot on the FX thread) to a
     * PNG file, off the FX thread, and reports the outcome.
     */
    public void savePng(Path file, int width, int height, int[] argb) {
        Objects.requireNonNull(file, "file");
        runner.submit(I18n.tr("ui.explore.task.png"), ctx -> {
            PngWriter.write(file, width, height, argb);
            return file;
        }, f -> notifier.success(I18n.tr("ui.explore.export.saved", f.getFileName().toString())),
                err -> notifier.error(I18n.tr("ui.explore.export.failed", Notifier.describe(err))));
    }

    // ---- properties

    public ObservableList<String> datasets() { return datasets; }

    public ObjectProperty<String> selectedDatasetProperty() { return selectedDataset; }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() { return dataset.getReadOnlyProperty(); }

    /** Type of a column of the current dataset, or null. */
    public ColumnType typeOf(String column) {
        Dataset ds = dataset.get();
        return ds == null || column == null ? null : ds.find(column).map(Column::type).orElse(null);
    }

    public ObservableList<String> columns() { return columns; }

    /** Number, date and date-time columns (histogram, box plot, scatter). */
    public ObservableList<String> numericColumns() { return numericColumns; }

    /** Categorical, text, boolean and whole-number columns (bar chart, box plot groups). */
    public ObservableList<String> groupColumns() { return groupColumns; }

    public ObservableList<String> targetColumns() { return targetColumns; }

    public IntegerBinding totalRowsBinding() { return totalRows; }

    public ObservableList<FilterCondition> conditions() { return conditions; }

    public ReadOnlyObjectProperty<RowFilter> filterProperty() { return filter.getReadOnlyProperty(); }

    /** The first problem with a condition (that condition is left out), or null. */
    public ReadOnlyStringProperty filterErrorProperty() { return filterError.getReadOnlyProperty(); }

    /** Rows the filter keeps; null while counting. */
    public ReadOnlyObjectProperty<Integer> keptRowsProperty() { return keptRows.resultProperty(); }

    public StringProperty targetProperty() { return target; }
    /** The target value counted as positive (CLI profile --positive); null = automatic. */
    public StringProperty positiveProperty() { return positive; }
    /** The target's values, when it has few enough to pick one as positive (else empty). */
    public ObservableList<String> positiveValues() { return positiveValues; }

    /** Lists the target's values off the FX thread (a scan of the column), for the positive-value choice. */
    private void listPositiveValues() {
        long g = ++positiveGen;
        positiveValues.clear();
        Dataset ds = dataset.get();
        String t = target.get();
        if (ds == null || t == null || ds.find(t).isEmpty()) return;
        io.segmenta.core.data.Column c = ds.find(t).get();
        runner.submit(I18n.tr("ui.explore.task.targetValues"), ctx -> c.distinctValues(MAX_POSITIVE_VALUES),
                v -> { if (g == positiveGen) positiveValues.setAll(v.size() >= 2 ? v : List.of()); },
                err -> { });
    }

    public ObjectProperty<ExploreTab> tabProperty() { return tab; }

    public StringProperty histColumnProperty() { return histColumn; }

    public BooleanProperty histAutoBinsProperty() { return histAutoBins; }

    public IntegerProperty histBinsProperty() { return histBins; }

    public BooleanProperty histLogProperty() { return histLog; }

    public StringProperty boxColumnProperty() { return boxColumn; }

    public StringProperty boxGroupByProperty() { return boxGroupBy; }

    public StringProperty barColumnProperty() { return barColumn; }

    public IntegerProperty barTopNProperty() { return barTopN; }

    public StringProperty scatterXProperty() { return scatterX; }

    public StringProperty scatterYProperty() { return scatterY; }

    public StringProperty scatterColourProperty() { return scatterColour; }

    public ObjectProperty<CorrelationMatrix.Method> corrMethodProperty() { return corrMethod; }

    public StringProperty targetByProperty() { return targetBy; }

    public IntegerProperty targetBinsProperty() { return targetBins; }

    public ReadOnlyObjectProperty<DatasetProfile> profileProperty() { return profile.resultProperty(); }

    public ReadOnlyObjectProperty<Histogram> histogramProperty() { return histogram.resultProperty(); }

    public ReadOnlyObjectProperty<BoxPlot> boxPlotProperty() { return boxPlot.resultProperty(); }

    public ReadOnlyObjectProperty<BarChart> barChartProperty() { return barChart.resultProperty(); }

    public ReadOnlyObjectProperty<Scatter> scatterProperty() { return scatter.resultProperty(); }

    public ReadOnlyObjectProperty<CorrelationMatrix> correlationProperty() { return correlation.resultProperty(); }

    public ReadOnlyObjectProperty<TargetRate> targetRateProperty() { return targetRate.resultProperty(); }

    public ReadOnlyObjectProperty<MissingOverview> missingProperty() { return missing.resultProperty(); }

    /** Whether a view is being computed. */
    public javafx.beans.property.ReadOnlyBooleanProperty busyProperty(ExploreTab t) { return views.get(t).request.busyProperty(); }

    /** The last failure of a view in the user's language, or null. */
    public ReadOnlyStringProperty errorProperty(ExploreTab t) { return views.get(t).request.errorProperty(); }

    /** The result a view shows now (null when none). */
    public Object result(ExploreTab t) { return views.get(t).request.get(); }

    /** Requests made for a view so far (tests: how often it was recomputed). */
    long requests(ExploreTab t) { return views.get(t).request.generation(); }

    /** Whether the shown result of a view comes from the newest request. */
    boolean upToDate(ExploreTab t) {
        LatestRequest<?> r = views.get(t).request;
        return !views.get(t).stale && r.publishedGeneration() == r.generation();
    }
}
