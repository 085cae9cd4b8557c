package io.segmenta.app.clv;

import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.app.task.TaskRunner;
import io.segmenta.app.ui.Notifier;
import io.segmenta.core.clv.ClvAnalysis;
import io.segmenta.core.clv.ClvArtifacts;
import io.segmenta.core.clv.ClvOptions;
import io.segmenta.core.clv.FitOptions;
import io.segmenta.core.clv.ClvResult;
import io.segmenta.core.clv.ClvScores;
import io.segmenta.core.clv.ClvScoring;
import io.segmenta.core.clv.FrequencyModel;
import io.segmenta.core.clv.ModelFit;
import io.segmenta.core.clv.ReturnsPolicy;
import io.segmenta.core.clv.Rfm;
import io.segmenta.core.clv.RfmRule;
import io.segmenta.core.clv.SummaryBuilder;
import io.segmenta.core.clv.SummaryOptions;
import io.segmenta.core.clv.SummaryReport;
import io.segmenta.core.clv.TimeUnit;
import io.segmenta.core.clv.TransactionSummary;
import io.segmenta.core.clv.Validation;
import io.segmenta.core.clv.ValueTier;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.io.CsvWriter;
import io.segmenta.core.project.Artifact;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * State of the Customer value (CLV) section: the setup of a run on a transaction log (table, columns, time
 * unit, calibration and holdout dates, model, horizon, discount, returns), the run in progress, and its
 * results (summary report, warnings, parameters, RFM segments and rules, per-customer scores, value tiers,
 * holdout validation and the frequency/recency matrices), plus the actions (add the CLV columns to a
 * customer dataset, save in the project, export CSV). Every computation goes through the one
 * {@link TaskRunner}; newer requests win. The view only binds.
 */
public final class ClvViewModel {

    /** One row of the parameters table. */
    public record ParameterRow(String model, String name, double value, double standardError) { }

    /** One value tier: its customers, CLV (or expected purchases without spend) and share of the total. */
    public record TierRow(ValueTier tier, String label, int customers, double value, double share) { }

    /** What a run produced for the view: the core's result and the frequency/recency matrices. */
    public record Outcome(ClvResult result, SummaryOptions summaryOptions, ClvOptions options, String datasetName,
                          double[][] expectedMatrix, double[][] aliveMatrix, double matrixAge, double matrixHorizon) { }

    static final Pattern CUSTOMER_LIKE = Pattern.compile("(?i).*(customer|client|cliente|user|usuario|member|socio|account|cuenta|buyer|comprador).*");
    static final Pattern DATE_LIKE = Pattern.compile("(?i).*(date|fecha|time|day|dia|día).*");
    static final Pattern AMOUNT_LIKE = Pattern.compile("(?i).*(amount|revenue|sales|value|spend|total|price|importe|monto|gasto|ventas|valor|precio).*");
    /** An amount column named like a unit price (Online Retail's Price, UnitPrice, precio unitario). */
    static final Pattern UNIT_PRICE_LIKE = Pattern.compile("(?i).*(price|precio).*");
    static final Pattern QUANTITY_LIKE = Pattern.compile("(?i).*(qty|quantity|units|items|cantidad|unidades).*");
    /** Largest frequency shown in the heatmaps. */
    static final int MATRIX_MAX_FREQUENCY = 20, MATRIX_RECENCY_STEPS = 24;

    private final TaskRunner runner;
    private final ProjectViewModel project;
    private final Notifier notifier;
    private final ClvDialogs dialogs;

    // ---- setup
    private final ObservableList<String> datasetNames = FXCollections.observableArrayList();
    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> numericColumns = FXCollections.observableArrayList();
    private final ObjectProperty<String> customerColumn = new SimpleObjectProperty<>(this, "customerColumn");
    private final ObjectProperty<String> dateColumn = new SimpleObjectProperty<>(this, "dateColumn");
    private final ObjectProperty<String> amountColumn = new SimpleObjectProperty<>(this, "amountColumn");
    private final ObjectProperty<String> quantityColumn = new SimpleObjectProperty<>(this, "quantityColumn");
    /** The amount column holds a unit price: a row's value is price × quantity. */
    private final BooleanProperty unitPrice = new SimpleBooleanProperty(this, "unitPrice");
    private final ObjectProperty<TimeUnit> unit = new SimpleObjectProperty<>(this, "unit", TimeUnit.WEEKS);
    private final ObjectProperty<LocalDate> calibrationEnd = new SimpleObjectProperty<>(this, "calibrationEnd");
    private final ObjectProperty<LocalDate> holdoutEnd = new SimpleObjectProperty<>(this, "holdoutEnd");
    private final ReadOnlyObjectWrapper<LocalDate> firstDate = new ReadOnlyObjectWrapper<>(this, "firstDate");
    private final ReadOnlyObjectWrapper<LocalDate> lastDate = new ReadOnlyObjectWrapper<>(this, "lastDate");
    private final ObjectProperty<FrequencyModel> model = new SimpleObjectProperty<>(this, "model", FrequencyModel.BGNBD);
    private final DoubleProperty horizonMonths = new SimpleDoubleProperty(this, "horizonMonths", 12);
    private final DoubleProperty monthlyDiscount = new SimpleDoubleProperty(this, "monthlyDiscount", 0.01);
    private final DoubleProperty penalty = new SimpleDoubleProperty(this, "penalty", FitOptions.defaults().penalty());
    private final ObjectProperty<ReturnsPolicy> returns = new SimpleObjectProperty<>(this, "returns", ReturnsPolicy.DROP);
    private final ObservableList<RfmRule> rules = FXCollections.observableArrayList(Rfm.defaultRules());
    private final ReadOnlyStringWrapper setupError = new ReadOnlyStringWrapper(this, "setupError");
    private long rangeGeneration;
    private boolean restoring;

    // ---- run
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<TaskHandle<Outcome>> runTask = new ReadOnlyObjectWrapper<>(this, "runTask");
    private final ReadOnlyStringWrapper runError = new ReadOnlyStringWrapper(this, "runError");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private long runGeneration;

    // ---- results
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ObservableList<String> summaryFacts = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper fitMessage = new ReadOnlyStringWrapper(this, "fitMessage");
    private final ObservableList<ParameterRow> parameters = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper fitSummary = new ReadOnlyStringWrapper(this, "fitSummary", "");
    private final ObservableList<Rfm.Segment> segments = FXCollections.observableArrayList();
    private final ObservableList<Integer> customerRows = FXCollections.observableArrayList();
    private final ObservableList<TierRow> tiers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper holdoutSentence = new ReadOnlyStringWrapper(this, "holdoutSentence", "");
    private final ReadOnlyStringWrapper restoredNote = new ReadOnlyStringWrapper(this, "restoredNote", "");
    private long rfmGeneration;
    private Artifact restoredArtifact;

    // ---- actions
    private final ObservableList<String> customerDatasets = FXCollections.observableArrayList();
    private final ObjectProperty<String> customerDataset = new SimpleObjectProperty<>(this, "customerDataset");
    private final ObservableList<String> idColumns = FXCollections.observableArrayList();
    private final ObjectProperty<String> idColumn = new SimpleObjectProperty<>(this, "idColumn");

    private final BooleanBinding hasResult;

    public ClvViewModel(TaskRunner runner, ProjectViewModel project, Notifier notifier, ClvDialogs dialogs) {
        this.runner = runner;
        this.project = project;
        this.notifier = notifier;
        this.dialogs = dialogs;
        hasResult = outcome.isNotNull();
        project.projectProperty().addListener((o, a, b) -> projectChanged());
        dataset.addListener((o, a, b) -> datasetChanged());
        dateColumn.addListener((o, a, b) -> {
            if (!restoring) computeDateRange();
        });
        customerDataset.addListener((o, a, b) -> customerDatasetChanged());
        for (var p : List.of(customerColumn, amountColumn, quantityColumn, calibrationEnd, holdoutEnd)) p.addListener((o, a, b) -> setupError.set(null));
        unitPrice.addListener((o, a, b) -> setupError.set(null));
        // without a quantity there is nothing to multiply the price by
        quantityColumn.addListener((o, a, b) -> { if (b == null) unitPrice.set(false); });
        projectChanged();
    }

    // ============================================================================================ accessors

    public ObservableList<String> datasetNames() { return datasetNames; }

    public ObjectProperty<String> datasetProperty() { return dataset; }

    public ObservableList<String> columns() { return columns; }

    /** Numeric columns of the table (amount and quantity choices). */
    public ObservableList<String> numericColumns() { return numericColumns; }

    public ObjectProperty<String> customerColumnProperty() { return customerColumn; }

    public ObjectProperty<String> dateColumnProperty() { return dateColumn; }

    public ObjectProperty<String> amountColumnProperty() { return amountColumn; }

    public ObjectProperty<String> quantityColumnProperty() { return quantityColumn; }

    public BooleanProperty unitPriceProperty() { return unitPrice; }

    public ObjectProperty<TimeUnit> unitProperty() { return unit; }

    public ObjectProperty<LocalDate> calibrationEndProperty() { return calibrationEnd; }

    public ObjectProperty<LocalDate> holdoutEndProperty() { return holdoutEnd; }

    public ReadOnlyObjectProperty<LocalDate> firstDateProperty() { return firstDate.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<LocalDate> lastDateProperty() { return lastDate.getReadOnlyProperty(); }

    public ObjectProperty<FrequencyModel> modelProperty() { return model; }

    public DoubleProperty horizonMonthsProperty() { return horizonMonths; }

    /** Monthly discount rate as a fraction (0.01 = 1% a month). */
    public DoubleProperty monthlyDiscountProperty() { return monthlyDiscount; }
    /** The fits' L2 penalty λ (0 = none), what the fit messages advise when a model does not converge. */
    public DoubleProperty penaltyProperty() { return penalty; }

    public ObjectProperty<ReturnsPolicy> returnsProperty() { return returns; }

    /** The RFM segment rules, in order (first match wins). */
    public ObservableList<RfmRule> rules() { return rules; }

    public ReadOnlyStringProperty setupErrorProperty() { return setupError.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<TaskHandle<Outcome>> runTaskProperty() { return runTask.getReadOnlyProperty(); }

    public ReadOnlyStringProperty runErrorProperty() { return runError.getReadOnlyProperty(); }

    /** A one-line state of the section ("Fitted BG/NBD to 2,000 customers", "Cancelled", …). */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() { return outcome.getReadOnlyProperty(); }

    public ClvResult result() { return outcome.get() == null ? null : outcome.get().result(); }

    public BooleanBinding hasResultBinding() { return hasResult; }

    /** The summary report as plain sentences. */
    public ObservableList<String> summaryFacts() { return summaryFacts; }

    /** Cautions of the run, in the current language. */
    public ObservableList<String> warnings() { return warnings; }

    /** The diagnostic of a fit that did not converge (with what to try), or null. */
    public ReadOnlyStringProperty fitMessageProperty() { return fitMessage.getReadOnlyProperty(); }

    public ObservableList<ParameterRow> parameters() { return parameters; }

    /** Log-likelihoods and customers of the fits. */
    public ReadOnlyStringProperty fitSummaryProperty() { return fitSummary.getReadOnlyProperty(); }

    public ObservableList<Rfm.Segment> segments() { return segments; }

    /** Row indices of the per-customer table (0 … customers − 1); the cells read the result's arrays. */
    public ObservableList<Integer> customerRows() { return customerRows; }

    public ObservableList<TierRow> tiers() { return tiers; }

    /** "The model is N% more accurate than …", or "" without a holdout. */
    public ReadOnlyStringProperty holdoutSentenceProperty() { return holdoutSentence.getReadOnlyProperty(); }

    /** Set when the shown result was restored from the project. */
    public ReadOnlyStringProperty restoredNoteProperty() { return restoredNote.getReadOnlyProperty(); }

    public ObservableList<String> customerDatasets() { return customerDatasets; }

    public ObjectProperty<String> customerDatasetProperty() { return customerDataset; }

    public ObservableList<String> idColumns() { return idColumns; }

    public ObjectProperty<String> idColumnProperty() { return idColumn; }

    // ================================================================================== project & columns

    private void projectChanged() {
        Project p = project.getProject();
        List<String> names = p.datasets().stream().map(DatasetEntry::name).toList();
        if (!names.equals(datasetNames)) datasetNames.setAll(names);
        if (!names.equals(customerDatasets)) customerDatasets.setAll(names);
        Outcome o = outcome.get();
        if (o != null && p.dataset(o.datasetName()).isEmpty()) clearResult();
        if (dataset.get() == null || !names.contains(dataset.get())) dataset.set(guessTransactions(p));
        if (customerDataset.get() == null || !names.contains(customerDataset.get())) customerDataset.set(guessCustomers(p));
        else customerDatasetChanged();
        Artifact saved = p.artifacts().stream().filter(a -> ClvArtifacts.KIND.equals(a.kind())).reduce((a, b) -> b).orElse(null);
        if (saved != null && saved != restoredArtifact && outcome.get() == null && !running.get()) restore(saved);
    }

    private static String guessTransactions(Project p) {
        String best = null;
        for (DatasetEntry e : p.datasets()) {
            Dataset d = e.dataset();
            boolean hasDate = d.columns().stream().anyMatch(c -> c.type() == ColumnType.DATE || c.type() == ColumnType.DATETIME);
            if (e.name().toLowerCase(Locale.ROOT).matches(".*(transac|order|pedido|compra|venta|sale|purchase).*")) return e.name();
            if (best == null && hasDate && guessCustomer(d) != null) best = e.name();
        }
        return best != null ? best : p.datasets().isEmpty() ? null : p.datasets().get(0).name();
    }

    private String guessCustomers(Project p) {
        for (DatasetEntry e : p.datasets()) {
            if (!e.name().equals(dataset.get()) && e.name().toLowerCase(Locale.ROOT).matches(".*(customer|client|cliente|user|usuario).*")) return e.name();
        }
        return p.datasets().stream().map(DatasetEntry::name).filter(n -> !n.equals(dataset.get())).findFirst().orElse(null);
    }

    private Dataset table() {
        String n = dataset.get();
        return n == null ? null : project.getProject().dataset(n).map(DatasetEntry::dataset).orElse(null);
    }

    private void datasetChanged() {
        if (restoring) return;
        Dataset d = table();
        if (d == null) {
            columns.clear();
            numericColumns.clear();
            return;
        }
        columns.setAll(d.columnNames());
        numericColumns.setAll(d.columns().stream().filter(c -> c.type().isNumeric()).map(Column::name).toList());
        customerColumn.set(guessCustomer(d));
        dateColumn.set(null);
        dateColumn.set(guessDate(d));
        amountColumn.set(guessAmount(d));
        quantityColumn.set(guessQuantity(d));
        unitPrice.set(amountColumn.get() != null && quantityColumn.get() != null && UNIT_PRICE_LIKE.matcher(amountColumn.get()).matches());
        setupError.set(null);
    }

    static String guessCustomer(Dataset d) {
        for (Column c : d.columns()) if (CUSTOMER_LIKE.matcher(c.name()).matches() && !c.type().equals(ColumnType.DATE)) return c.name();
        for (Column c : d.columns()) {
            if (c.idLike() && !c.name().toLowerCase(Locale.ROOT).matches(".*(order|pedido|invoice|factura|transac).*")) return c.name();
        }
        return null;
    }

    static String guessDate(Dataset d) {
        for (Column c : d.columns()) if (c.type() == ColumnType.DATE || c.type() == ColumnType.DATETIME) return c.name();
        for (Column c : d.columns()) if (DATE_LIKE.matcher(c.name()).matches()) return c.name();
        return null;
    }

    static String guessAmount(Dataset d) {
        for (Column c : d.columns()) if (c.type().isNumeric() && !c.idLike() && AMOUNT_LIKE.matcher(c.name()).matches()) return c.name();
        return null;
    }

    static String guessQuantity(Dataset d) {
        for (Column c : d.columns()) if (c.type().isNumeric() && !c.idLike() && QUANTITY_LIKE.matcher(c.name()).matches()) return c.name();
        return null;
    }

    /** Finds the first and last purchase date in the background, then proposes calibration and holdout ends. */
    private void computeDateRange() {
        long gen = ++rangeGeneration;
        Dataset d = table();
        String col = dateColumn.get();
        firstDate.set(null);
        lastDate.set(null);
        if (d == null || col == null || d.find(col).isEmpty()) return;
        Column c = d.column(col);
        runner.submit(I18n.tr("ui.clv.task.dates", col), ctx -> dateRange(c, ctx), r -> {
            if (gen != rangeGeneration || r == null) return;
            firstDate.set(r[0]);
            lastDate.set(r[1]);
            long days = r[1].toEpochDay() - r[0].toEpochDay();
            calibrationEnd.set(r[0].plusDays(Math.round(days * 0.75)));
            holdoutEnd.set(r[1]);
        }, err -> { });
    }

    /** First and last date of a date-like column, or null when it holds no date. */
    static LocalDate[] dateRange(Column c, TaskContext ctx) {
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (int i = 0; i < c.size(); i++) {
            if ((i & 0xFFFF) == 0) ctx.checkCancelled();
            if (c.isMissing(i)) continue;
            long day;
            if (c instanceof DateColumn dc) day = dc.getEpochDay(i);
            else if (c instanceof DateTimeColumn tc) day = DateTimeColumn.toLocal(tc.getEpochMillis(i)).toLocalDate().toEpochDay();
            else {
                LocalDate x = parseDate(c.format(i));
                if (x == null) continue;
                day = x.toEpochDay();
            }
            lo = Math.min(lo, day);
            hi = Math.max(hi, day);
        }
        return lo > hi ? null : new LocalDate[]{LocalDate.ofEpochDay(lo), LocalDate.ofEpochDay(hi)};
    }

    private static LocalDate parseDate(String s) {
        String t = s.trim();
        try {
            if (t.matches("\\d{8}")) return LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)), Integer.parseInt(t.substring(6)));
            if (t.length() >= 10) return LocalDate.parse(t.substring(0, 10));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private void customerDatasetChanged() {
        String n = customerDataset.get();
        Dataset d = n == null ? null : project.getProject().dataset(n).map(DatasetEntry::dataset).orElse(null);
        List<String> cols = d == null ? List.of() : d.columnNames();
        if (!cols.equals(idColumns)) idColumns.setAll(cols);
        if (idColumn.get() != null && cols.contains(idColumn.get())) return;
        String same = customerColumn.get();
        idColumn.set(same != null && cols.contains(same) ? same : d == null ? null : guessCustomer(d));
    }

    // ================================================================================================ run

    /** The setup as core options, or null with {@link #setupErrorProperty()} set. */
    SummaryOptions summaryOptions() {
        Dataset d = table();
        String err = null;
        if (d == null) err = I18n.tr("ui.clv.error.noDataset");
        else if (customerColumn.get() == null || dateColumn.get() == null) err = I18n.tr("ui.clv.error.chooseColumns");
        else if (customerColumn.get().equals(dateColumn.get()) || Objects.equals(customerColumn.get(), amountColumn.get())
                || Objects.equals(dateColumn.get(), amountColumn.get())) err = I18n.tr("ui.clv.error.sameColumn");
        else if (amountColumn.get() != null && d.find(amountColumn.get()).map(c -> !c.type().isNumeric()).orElse(true)) {
            err = I18n.tr("ui.clv.error.amountNotNumeric", amountColumn.get());
        } else if (d.find(dateColumn.get()).map(c -> c.type() == ColumnType.DECIMAL || c.type() == ColumnType.BOOLEAN).orElse(true)) {
            err = I18n.tr("ui.clv.error.dateNotDate", dateColumn.get());
        } else if (unitPrice.get() && (amountColumn.get() == null || quantityColumn.get() == null)) {
            err = I18n.tr("clv.summary.unitPriceNeedsQuantity");
        } else if (calibrationEnd.get() == null) err = I18n.tr("ui.clv.error.noCalibrationEnd");
        else if (holdoutEnd.get() != null && !holdoutEnd.get().isAfter(calibrationEnd.get())) {
            err = I18n.tr("ui.clv.error.holdoutOrder", ClvFormat.date(holdoutEnd.get()), ClvFormat.date(calibrationEnd.get()));
        } else if (!(horizonMonths.get() > 0 && horizonMonths.get() <= 1200)) err = I18n.tr("ui.clv.error.horizon");
        else if (!(monthlyDiscount.get() >= 0 && monthlyDiscount.get() < 1)) err = I18n.tr("ui.clv.error.discount");
        else if (!(penalty.get() >= 0) || Double.isInfinite(penalty.get())) err = I18n.tr("ui.clv.error.penalty");
        setupError.set(err);
        if (err != null) return null;
        return new SummaryOptions(customerColumn.get(), dateColumn.get(), amountColumn.get(), quantityColumn.get(), unit.get(),
                calibrationEnd.get(), holdoutEnd.get(), returns.get(), unitPrice.get());
    }

    ClvOptions clvOptions() {
        return ClvOptions.defaults().withModel(model.get()).withHorizon(horizonMonths.get(), monthlyDiscount.get())
                .withFit(FitOptions.defaults().withPenalty(penalty.get())).withRfmRules(List.copyOf(rules));
    }

    /** Runs the analysis in the background; a newer run replaces an older one. */
    public void run() {
        SummaryOptions so = summaryOptions();
        if (so == null) return;
        ClvOptions co = clvOptions();
        Dataset log = table();
        String name = dataset.get();
        cancel();
        long gen = ++runGeneration;
        running.set(true);
        runError.set(null);
        status.set(I18n.tr("ui.clv.status.running"));
        runTask.set(runner.submit(I18n.tr("ui.clv.task.run", name), ctx -> {
                    ClvResult r = ClvAnalysis.run(log, so, co, ctx);
                    return outcomeOf(r, so, co, name);
                },
                o -> {
                    if (gen != runGeneration) return;
                    finishRun();
                    restoredArtifact = null;
                    restoredNote.set("");
                    publish(o);
                },
                err -> {
                    if (gen != runGeneration) return;
                    finishRun();
                    runError.set(Notifier.describe(err));
                    status.set(I18n.tr("ui.clv.status.failed"));
                },
                () -> {
                    if (gen != runGeneration) return;
                    finishRun();
                    status.set(I18n.tr("ui.clv.status.cancelled"));
                }));
    }

    private void finishRun() {
        running.set(false);
        runTask.set(null);
    }

    /** Cancels the run in progress, if any. */
    public void cancel() {
        TaskHandle<Outcome> h = runTask.get();
        if (h != null) h.cancel();
    }

    static Outcome outcomeOf(ClvResult r, SummaryOptions so, ClvOptions co, String name) {
        ModelFit f = r.frequencyFit();
        double[][] exp = null, alive = null;
        double age = 0, horizon = r.scores().horizonUnits();
        TransactionSummary s = r.summary();
        boolean finite = true;
        for (double v : f.values()) finite &= Double.isFinite(v) && v > 0;
        if (finite && s.size() > 0) {
            int maxX = 0;
            for (int i = 0; i < s.size(); i++) {
                age = Math.max(age, s.age(i));
                maxX = Math.max(maxX, s.frequency(i));
            }
            maxX = Math.min(MATRIX_MAX_FREQUENCY, Math.max(1, maxX));
            if (age > 0) {
                exp = Validation.frequencyRecencyMatrix(f, maxX, age, MATRIX_RECENCY_STEPS, horizon, true);
                alive = Validation.frequencyRecencyMatrix(f, maxX, age, MATRIX_RECENCY_STEPS, horizon, false);
            }
        }
        return new Outcome(r, so, co, name, exp, alive, age, horizon);
    }

    private void clearResult() {
        outcome.set(null);
        summaryFacts.clear();
        warnings.clear();
        fitMessage.set(null);
        parameters.clear();
        fitSummary.set("");
        segments.clear();
        customerRows.clear();
        tiers.clear();
        holdoutSentence.set("");
        restoredNote.set("");
    }

    private void publish(Outcome o) {
        ClvResult r = o.result();
        outcome.set(o);
        TransactionSummary s = r.summary();
        SummaryReport rep = s.report();
        List<String> facts = new ArrayList<>();
        int repeat = s.repeatCustomers();
        facts.add(I18n.tr("ui.clv.summary.customers", ClvFormat.integer(s.size())));
        facts.add(I18n.tr("ui.clv.summary.repeat", ClvFormat.integer(repeat), ClvFormat.percent(s.size() == 0 ? 0 : (double) repeat / s.size())));
        facts.add(I18n.tr("ui.clv.summary.noRepeat", ClvFormat.integer(s.size() - repeat)));
        if (rep != null) {
            facts.add(I18n.tr("ui.clv.summary.rows", ClvFormat.integer(rep.rows()), ClvFormat.integer(rep.rowsSameDay())));
            if (o.summaryOptions().amountColumn() != null) {
                facts.add(I18n.tr("ui.clv.summary.zero", ClvFormat.integer(rep.rowsZero())));
                facts.add(I18n.tr(rep.returns() == ReturnsPolicy.DROP ? "ui.clv.summary.negativeDropped" : "ui.clv.summary.negativeNetted",
                        ClvFormat.integer(rep.rowsNegative()), ClvFormat.integer(rep.returnDays())));
            }
            if (rep.rowsAfterEnd() > 0) facts.add(I18n.tr("ui.clv.summary.afterEnd", ClvFormat.integer(rep.rowsAfterEnd())));
        }
        facts.add(I18n.tr("ui.clv.summary.period", ClvFormat.date(o.summaryOptions().calibrationEnd()),
                o.summaryOptions().holdoutEnd() == null ? I18n.tr("ui.clv.summary.noHoldout") : ClvFormat.date(o.summaryOptions().holdoutEnd())));
        summaryFacts.setAll(facts);
        warnings.setAll(r.warnings().stream().map(ClvResult.Warning::message).toList());

        ModelFit f = r.frequencyFit(), gg = r.gammaGamma();
        List<String> diag = new ArrayList<>();
        if (!f.converged() && f.message() != null) diag.add(f.message());
        if (gg != null && !gg.converged() && gg.message() != null) diag.add(gg.message());
        fitMessage.set(diag.isEmpty() ? null : String.join("\n", diag));
        List<ParameterRow> rows = new ArrayList<>();
        for (ModelFit m : gg == null ? List.of(f) : List.of(f, gg)) {
            String label = I18n.tr("clv.model." + m.model());
            for (int i = 0; i < m.names().size(); i++) rows.add(new ParameterRow(label, m.names().get(i), m.values()[i], m.standardErrors()[i]));
        }
        parameters.setAll(rows);
        String sum = I18n.tr("ui.clv.fit.summary", I18n.tr("clv.model." + f.model()), ClvFormat.number(f.logLikelihood(), 2), ClvFormat.integer(f.customers()));
        if (gg != null) sum += "  ·  " + I18n.tr("ui.clv.fit.summary", I18n.tr("clv.model.gammagamma"), ClvFormat.number(gg.logLikelihood(), 2), ClvFormat.integer(gg.customers()));
        fitSummary.set(sum);
        segments.setAll(r.rfm().segments());
        customerRows.setAll(new IndexList(s.size()));
        tiers.setAll(tierRows(r.scores()));
        holdoutSentence.set(r.holdout() == null ? "" : sentence(r.holdout().metrics()));
        status.set(I18n.tr(f.converged() ? "ui.clv.status.done" : "ui.clv.status.doneNotConverged",
                I18n.tr("clv.model." + f.model()), ClvFormat.integer(s.size())));
    }

    static List<TierRow> tierRows(ClvScores sc) {
        double[] v = sc.hasClv() ? sc.clv() : sc.expectedPurchases();
        int[] n = new int[ValueTier.values().length];
        double[] sum = new double[n.length];
        double total = 0;
        for (int i = 0; i < v.length; i++) {
            int t = sc.tiers()[i].ordinal();
            n[t]++;
            sum[t] += v[i];
            total += v[i];
        }
        List<TierRow> out = new ArrayList<>();
        for (ValueTier t : ValueTier.values()) {
            out.add(new TierRow(t, I18n.tr(t.labelKey()), n[t.ordinal()], sum[t.ordinal()], total > 0 ? sum[t.ordinal()] / total : 0));
        }
        return out;
    }

    /** The plain sentence comparing the model's holdout MAE with the naive baseline's. */
    static String sentence(Validation.HoldoutMetrics m) {
        if (!(m.baselineMae() > 0) || !Double.isFinite(m.mae())) return I18n.tr("ui.clv.validation.sentence.none");
        double gain = (m.baselineMae() - m.mae()) / m.baselineMae();
        if (Math.abs(gain) < 0.005) return I18n.tr("ui.clv.validation.sentence.same");
        return gain > 0 ? I18n.tr("ui.clv.validation.sentence.better", ClvFormat.percent(gain))
                : I18n.tr("ui.clv.validation.sentence.worse", ClvFormat.percent(m.mae() / m.baselineMae() - 1));
    }

    /** 0 … n − 1 without storing n boxed integers. */
    private static final class IndexList extends AbstractList<Integer> {
        private final int n;

        IndexList(int n) { this.n = n; }

        @Override public Integer get(int i) { return Objects.checkIndex(i, n); }

        @Override public int size() { return n; }
    }

    // ================================================================================================ RFM

    /** Replaces rule {@code index}; re-scores the segments of the shown result in the background. */
    public boolean setRule(int index, RfmRule rule) {
        if (index < 0 || index >= rules.size() || rule == null) return false;
        rules.set(index, rule);
        rescoreRfm();
        return true;
    }

    /**
     * Edits rule {@code index} from the user's input; a bad range (outside 1–5, min above max) is refused with
     * an error and changes nothing.
     */
    public boolean editRule(int index, String name, int rMin, int rMax, int fMin, int fMax, int mMin, int mMax) {
        if (index < 0 || index >= rules.size()) return false;
        RfmRule old = rules.get(index);
        try {
            return setRule(index, new RfmRule(old.key(), name == null || name.isBlank() ? null : name.trim(), rMin, rMax, fMin, fMax, mMin, mMax));
        } catch (IllegalArgumentException e) {
            notifier.error(I18n.tr("ui.clv.rfm.badRule"));
            return false;
        }
    }

    public void resetRules() {
        rules.setAll(Rfm.defaultRules());
        rescoreRfm();
    }

    private void rescoreRfm() {
        Outcome o = outcome.get();
        if (o == null) return;
        List<RfmRule> r = List.copyOf(rules);
        long gen = ++rfmGeneration;
        runner.submit(I18n.tr("ui.clv.task.rfm"), ctx -> Rfm.score(o.result().summary(), r), rfm -> {
            if (gen != rfmGeneration || outcome.get() != o) return;
            ClvResult x = o.result();
            ClvResult nr = new ClvResult(x.summary(), x.frequencyFit(), x.gammaGamma(), x.scores(), rfm, x.holdout(),
                    x.frequencyMonetaryCorrelation(), x.warnings());
            Outcome no = new Outcome(nr, o.summaryOptions(), o.options().withRfmRules(r), o.datasetName(), o.expectedMatrix(),
                    o.aliveMatrix(), o.matrixAge(), o.matrixHorizon());
            outcome.set(no);
            segments.setAll(rfm.segments());
        }, err -> notifier.error(Notifier.describe(err)));
    }

    // ============================================================================================ actions

    /** Adds the CLV columns to the chosen customer dataset, matching its id column; the project becomes dirty. */
    public void addColumnsToCustomers() {
        Outcome o = outcome.get();
        String target = customerDataset.get(), id = idColumn.get();
        if (o == null) return;
        DatasetEntry entry = target == null ? null : project.getProject().dataset(target).orElse(null);
        if (entry == null || id == null || entry.dataset().find(id).isEmpty()) {
            notifier.error(I18n.tr("ui.clv.error.chooseCustomers"));
            return;
        }
        ClvResult r = o.result();
        runner.submit(I18n.tr("ui.clv.task.addColumns", target), ctx -> {
                    Dataset out = r.scores().addTo(entry.dataset(), id, r.summary());
                    Column alive = out.column("clv_p_alive");
                    int matched = alive.size() - alive.missingCount();
                    return new Object[]{out, matched};
                },
                res -> {
                    Dataset out = (Dataset) res[0];
                    int matched = (Integer) res[1];
                    if (matched == 0) {
                        notifier.error(I18n.tr("ui.clv.error.noMatch", id, target, o.summaryOptions().customerColumn()));
                        return;
                    }
                    DatasetEntry now = project.getProject().dataset(target).orElse(null);
                    if (now == null || now.dataset().rowCount() != out.rowCount()) {
                        notifier.error(I18n.tr("ui.clv.error.datasetChanged", target));
                        return;
                    }
                    project.update(p -> p.withDataset(now.withDataset(out)));
                    notifier.success(I18n.tr("ui.clv.notice.columnsAdded", target, ClvFormat.integer(matched), ClvFormat.integer(out.rowCount())));
                },
                err -> notifier.error(Notifier.describe(err)));
    }

    /** Name of the artifact this analysis is saved under. */
    public static String artifactName(String datasetName) { return datasetName; }

    /** Saves the analysis in the project (replacing an earlier one on the same table); the project becomes dirty. */
    public void saveToProject() {
        Outcome o = outcome.get();
        if (o == null) return;
        Artifact a = ClvArtifacts.toArtifact(artifactName(o.datasetName()), o.datasetName(), o.summaryOptions(), o.options(), o.result());
        restoredArtifact = a;
        project.update(p -> p.withArtifact(a));
        notifier.success(I18n.tr("ui.clv.notice.saved", o.datasetName()));
    }

    /** Exports the per-customer table (summary, scores, RFM scores and segment) to a CSV file chosen by the user. */
    public void exportCsv() {
        Outcome o = outcome.get();
        if (o == null) return;
        dialogs.chooseCsvTarget(o.datasetName() + "_clv.csv").ifPresent(p -> {
            Path file = io.segmenta.app.ui.FileChoosers.withExtension(p, ".csv");
            ClvResult r = o.result();
            runner.submit(I18n.tr("ui.clv.task.export", file.getFileName()), ctx -> {
                        CsvWriter.write(customerTable(r, o.datasetName() + "_clv"), file, CsvWriter.Options.defaults(), ctx);
                        return file;
                    },
                    f -> notifier.success(I18n.tr("ui.clv.notice.exported", ClvFormat.integer(r.summary().size()), f.toString())),
                    err -> notifier.error(Notifier.describe(err)));
        });
    }

    /** The per-customer table: summary, scores, then the RFM scores and segment. */
    static Dataset customerTable(ClvResult r, String name) {
        Dataset d = r.scores().toDataset(name, r.summary());
        Rfm.Result rfm = r.rfm();
        int n = r.summary().size();
        String[] seg = new String[n], score = new String[n];
        for (int i = 0; i < n; i++) {
            seg[i] = rfm.segmentName(i);
            score[i] = "" + rfm.recency()[i] + rfm.frequency()[i] + rfm.monetary()[i];
        }
        return d.withColumn(StringColumn.of("rfm_score", false, score)).withColumn(StringColumn.of("rfm_segment", false, seg));
    }

    // ============================================================================================ restore

    /**
     * Shows a saved analysis: its setup, and its fitted models re-applied to the table (without re-fitting), so
     * the per-customer table, charts and actions work as after a run.
     */
    private void restore(Artifact a) {
        ClvArtifacts.Saved saved;
        try {
            saved = ClvArtifacts.fromArtifact(a);
        } catch (RuntimeException e) {
            notifier.error(I18n.tr("ui.clv.error.restore", a.name(), Notifier.describe(e)));
            restoredArtifact = a;
            return;
        }
        restoredArtifact = a;
        String name = a.datasetName();
        Dataset log = name == null ? null : project.getProject().dataset(name).map(DatasetEntry::dataset).orElse(null);
        if (log == null) return;
        SummaryOptions so = saved.summaryOptions();
        ClvOptions co = saved.options();
        restoring = true;
        rangeGeneration++;
        try {
            dataset.set(name);
            columns.setAll(log.columnNames());
            numericColumns.setAll(log.columns().stream().filter(c -> c.type().isNumeric()).map(Column::name).toList());
            customerColumn.set(so.customerColumn());
            dateColumn.set(so.dateColumn());
            amountColumn.set(so.amountColumn());
            quantityColumn.set(so.quantityColumn());
            unitPrice.set(so.unitPrice());
            unit.set(so.unit());
            calibrationEnd.set(so.calibrationEnd());
            holdoutEnd.set(so.holdoutEnd());
            returns.set(so.returns());
            model.set(co.model());
            horizonMonths.set(co.horizonMonths());
            monthlyDiscount.set(co.monthlyDiscount());
            penalty.set(co.fit().penalty());
            rules.setAll(co.rfmRules());
        } finally {
            restoring = false;
        }
        customerDatasetChanged();
        long gen = ++runGeneration;
        running.set(true);
        status.set(I18n.tr("ui.clv.status.restoring"));
        runTask.set(runner.submit(I18n.tr("ui.clv.task.restore", name), ctx -> {
                    TransactionSummary s = SummaryBuilder.build(log, so, ctx);
                    ModelFit gg = saved.gammaGamma();
                    ClvScores sc = ClvScoring.score(s, saved.frequencyFit(), gg != null && gg.converged() ? gg : null,
                            co.horizonMonths(), co.monthlyDiscount(), ctx);
                    Rfm.Result rfm = Rfm.score(s, co.rfmRules());
                    Validation.Holdout h = s.hasHoldout() ? Validation.holdout(s, saved.frequencyFit(), Validation.DEFAULT_GROUPS) : null;
                    ClvResult r = new ClvResult(s, saved.frequencyFit(), gg, sc, rfm, h, saved.frequencyMonetaryCorrelation(), saved.warnings());
                    return outcomeOf(r, so, co, name);
                },
                o -> {
                    if (gen != runGeneration) return;
                    finishRun();
                    publish(o);
                    restoredNote.set(I18n.tr("ui.clv.restored", a.name(), ClvFormat.date(a.createdAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate())));
                },
                err -> {
                    if (gen != runGeneration) return;
                    finishRun();
                    runError.set(I18n.tr("ui.clv.error.restore", a.name(), Notifier.describe(err)));
                    status.set(I18n.tr("ui.clv.status.failed"));
                },
                () -> {
                    if (gen != runGeneration) return;
                    finishRun();
                    status.set(I18n.tr("ui.clv.status.cancelled"));
                }));
    }

    /** True when a run can start: not running, and a table, customer and date column and calibration end are chosen. */
    public BooleanBinding canRunBinding() {
        return Bindings.createBooleanBinding(() -> !running.get() && dataset.get() != null && customerColumn.get() != null
                && dateColumn.get() != null && calibrationEnd.get() != null, running, dataset, customerColumn, dateColumn, calibrationEnd);
    }
}
