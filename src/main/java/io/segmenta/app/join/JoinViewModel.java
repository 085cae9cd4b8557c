package io.segmenta.app.join;

import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.app.task.TaskRunner;
import io.segmenta.app.ui.Formats;
import io.segmenta.app.ui.Notifier;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.join.JoinRequest;
import io.segmenta.core.join.JoinReport;
import io.segmenta.core.join.JoinResult;
import io.segmenta.core.join.JoinService;
import io.segmenta.core.join.KeyNormalization;
import io.segmenta.core.join.KeyPair;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.util.I18n;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

/**
 * The join dialog: pick the table to enrich and the one to take columns from, pair up key columns,
 * choose how keys are compared, run the left join in the background, read the match report, and add the
 * result to the project.
 */
public final class JoinViewModel {

    public enum Step { FORM, RUNNING, REPORT }

    private final TaskRunner runner;
    private final ProjectViewModel project;
    private final Notifier notifier;

    private final ObservableList<String> datasetNames = FXCollections.observableArrayList();
    private final ObjectProperty<String> leftDataset = new SimpleObjectProperty<>(this, "leftDataset");
    private final ObjectProperty<String> rightDataset = new SimpleObjectProperty<>(this, "rightDataset");
    private final ObservableList<String> leftColumns = FXCollections.observableArrayList();
    private final ObservableList<String> rightColumns = FXCollections.observableArrayList();
    private final ObservableList<KeyPairRow> keys = FXCollections.observableArrayList(
            k -> new Observable[]{k.leftColumnProperty(), k.rightColumnProperty()});
    private final BooleanProperty trim = new SimpleBooleanProperty(this, "trim", true);
    private final BooleanProperty ignoreCase = new SimpleBooleanProperty(this, "ignoreCase", true);
    private final BooleanProperty stripLeadingZeros = new SimpleBooleanProperty(this, "stripLeadingZeros", true);
    private final BooleanProperty firstWord = new SimpleBooleanProperty(this, "firstWord", false);
    private final javafx.beans.property.ObjectProperty<List<String>> bring = new javafx.beans.property.SimpleObjectProperty<>(this, "bring");
    private final javafx.beans.property.StringProperty suffix = new javafx.beans.property.SimpleStringProperty(this, "suffix", JoinRequest.DEFAULT_SUFFIX);
    private final ReadOnlyStringWrapper noMatch = new ReadOnlyStringWrapper(this, "noMatch");
    private final StringProperty resultName = new SimpleStringProperty(this, "resultName", "");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.FORM);
    private final ReadOnlyObjectWrapper<TaskHandle<?>> task = new ReadOnlyObjectWrapper<>(this, "task");
    private final ReadOnlyObjectWrapper<JoinResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed");
    private final StringBinding validation;
    private final BooleanBinding canRun;
    private boolean nameEdited;
    private String addedDatasetName;

    public JoinViewModel(TaskRunner runner, ProjectViewModel project, Notifier notifier) {
        this.runner = runner;
        this.project = project;
        this.notifier = notifier;
        project.getProject().datasets().forEach(e -> datasetNames.add(e.name()));
        leftDataset.subscribe(n -> columnsOf(n, leftColumns));
        rightDataset.subscribe(n -> columnsOf(n, rightColumns));
        leftDataset.addListener((o, a, b) -> suggest());
        rightDataset.addListener((o, a, b) -> {
            bring.set(null);
            suggest();
        });
        resultName.addListener((o, a, b) -> nameEdited = true);
        if (datasetNames.size() >= 1) leftDataset.set(datasetNames.get(0));
        if (datasetNames.size() >= 2) rightDataset.set(datasetNames.get(1));
        validation = Bindings.createStringBinding(this::validate, leftDataset, rightDataset, keys, resultName,
                project.projectProperty());
        canRun = Bindings.createBooleanBinding(() -> validation.get() == null && step.get() == Step.FORM, validation, step);
    }

    private void columnsOf(String dataset, ObservableList<String> target) {
        target.setAll(dataset == null ? List.of()
                : project.getProject().dataset(dataset).map(e -> e.dataset().columnNames()).orElse(List.of()));
    }

    /** Proposes a key pair (a column name both tables share, ids first) and a result name. */
    private void suggest() {
        if (!nameEdited && leftDataset.get() != null && rightDataset.get() != null) {
            resultName.set(project.getProject().uniqueDatasetName(leftDataset.get() + "_" + rightDataset.get()));
            nameEdited = false;
        }
        keys.clear();
        Dataset l = dataset(leftDataset.get());
        Dataset r = dataset(rightDataset.get());
        if (l == null || r == null) return;
        String best = null;
        for (String c : l.columnNames()) {
            if (r.find(c).isEmpty()) continue;
            if (best == null || (l.column(c).idLike() && !l.column(best).idLike())) best = c;
        }
        if (best != null) keys.add(new KeyPairRow(best, best));
        else keys.add(new KeyPairRow(null, null));
    }

    private Dataset dataset(String name) {
        return name == null ? null : project.getProject().dataset(name).map(DatasetEntry::dataset).orElse(null);
    }

    private String validate() {
        if (leftDataset.get() == null || rightDataset.get() == null) return I18n.tr("ui.join.validation.datasets");
        if (keys.isEmpty() || keys.stream().anyMatch(k -> !k.complete())) return I18n.tr("ui.join.validation.keys");
        String n = resultName.get() == null ? "" : resultName.get().trim();
        if (n.isEmpty()) return I18n.tr("ui.join.validation.nameRequired");
        if (project.getProject().dataset(n).isPresent()) return I18n.tr("ui.import.validation.nameTaken", n);
        return null;
    }

    public ObservableList<String> datasetNames() { return datasetNames; }

    public ObjectProperty<String> leftDatasetProperty() { return leftDataset; }

    public ObjectProperty<String> rightDatasetProperty() { return rightDataset; }

    public ObservableList<String> leftColumns() { return leftColumns; }

    public ObservableList<String> rightColumns() { return rightColumns; }

    public ObservableList<KeyPairRow> keys() { return keys; }

    public BooleanProperty trimProperty() { return trim; }

    public BooleanProperty ignoreCaseProperty() { return ignoreCase; }

    public BooleanProperty stripLeadingZerosProperty() { return stripLeadingZeros; }

    /** Compare only the first word of each key ("02 Albacete" → 02). */
    public BooleanProperty firstWordProperty() { return firstWord; }
    /** The right table's columns to bring (CLI join --columns); null = all of them. */
    public javafx.beans.property.ObjectProperty<List<String>> bringProperty() { return bring; }
    /** Added to a brought column whose name the left table already has (CLI join --suffix). */
    public javafx.beans.property.StringProperty suffixProperty() { return suffix; }

    /** The right table's columns that can be brought: all but its keys. */
    public List<String> rightColumnChoices() {
        Dataset r = dataset(rightDataset.get());
        if (r == null) return List.of();
        java.util.Set<String> keyCols = new java.util.HashSet<>();
        for (KeyPairRow k : keys) if (k.rightColumnProperty().get() != null) keyCols.add(k.rightColumnProperty().get());
        return r.columnNames().stream().filter(n -> !keyCols.contains(n)).toList();
    }

    /** Why the join matched no row (then there is nothing to add), else null. */
    public ReadOnlyStringProperty noMatchProperty() { return noMatch.getReadOnlyProperty(); }

    public StringProperty resultNameProperty() { return resultName; }

    public ReadOnlyObjectProperty<Step> stepProperty() { return step.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<TaskHandle<?>> taskProperty() { return task.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<JoinResult> resultProperty() { return result.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty closedProperty() { return closed.getReadOnlyProperty(); }

    public StringBinding validationBinding() { return validation; }

    public BooleanBinding canRunBinding() { return canRun; }

    public String addedDatasetName() { return addedDatasetName; }

    public void addKey() { keys.add(new KeyPairRow(null, null)); }

    public void removeKey(KeyPairRow row) {
        if (keys.size() > 1) keys.remove(row);
    }

    public JoinRequest request() {
        List<KeyPair> pairs = keys.stream().map(k -> new KeyPair(k.leftColumnProperty().get(), k.rightColumnProperty().get())).toList();
        return new JoinRequest(leftDataset.get(), rightDataset.get(), pairs,
                new KeyNormalization(trim.get(), ignoreCase.get(), stripLeadingZeros.get(), firstWord.get()), bring.get(),
                suffix.get() == null || suffix.get().isBlank() ? null : suffix.get().strip(), resultName.get().trim());
    }

    /** Runs the join in the background and shows the match report. */
    public void run() {
        if (!canRun.get()) return;
        JoinRequest req = request();
        Dataset l = dataset(req.leftDataset());
        Dataset r = dataset(req.rightDataset());
        error.set(null);
        step.set(Step.RUNNING);
        task.set(runner.submit(I18n.tr("ui.task.join", req.leftDataset(), req.rightDataset()),
                ctx -> JoinService.leftJoin(l, r, req, ctx),
                res -> {
                    task.set(null);
                    noMatch.set(JoinReport.noMatchMessage(res, l, r, firstWord.get() ? "" : I18n.tr("ui.join.noMatchHint")));
                    result.set(res);
                    step.set(Step.REPORT);
                },
                err -> {
                    task.set(null);
                    error.set(Notifier.describe(err));
                    step.set(Step.FORM);
                },
                () -> {
                    task.set(null);
                    step.set(Step.FORM);
                }));
    }

    public void cancelRun() {
        TaskHandle<?> t = task.get();
        if (t != null) t.cancel();
    }

    public void back() {
        if (step.get() == Step.REPORT) {
            result.set(null);
            noMatch.set(null);
            step.set(Step.FORM);
        }
    }

    /** Adds the joined table to the project and closes. */
    public void finish() {
        JoinResult res = result.get();
        if (res == null || closed.get() || noMatch.get() != null) return; // nothing matched: only empty columns to add
        String recipe = JsonMapper.builder().build().writeValueAsString(res.request().toRecipe());
        DatasetEntry entry = new DatasetEntry(res.dataset(), "join", null, List.of(), null, Instant.now(), recipe);
        project.addDataset(entry);
        addedDatasetName = entry.name();
        notifier.success(I18n.tr("ui.notice.joined", entry.name(), Formats.percent(res.report().matchRate())));
        closed.set(true);
    }

    public void cancel() {
        cancelRun();
        closed.set(true);
    }
}
