package io.segmenta.app.importer;

import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.app.task.TaskRunner;
import io.segmenta.app.ui.Dialogs;
import io.segmenta.app.ui.Formats;
import io.segmenta.app.ui.Notifier;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.CsvOptions;
import io.segmenta.core.io.CsvPreview;
import io.segmenta.core.io.CsvSettings;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.io.ImportResult;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.util.I18n;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CSV import wizard. Step 1 previews the first file with detected settings that the user can change
 * (each change re-runs the preview in the background) and lets them pick column types and missing-value
 * tokens; step 2 imports through the task runner with progress and cancel; step 3 shows the report, and
 * Finish adds the dataset to the project. A failed or cancelled import changes nothing in the project.
 */
public final class ImportWizardViewModel {

    public enum Step { PREVIEW, IMPORTING, REPORT }

    public static final int PREVIEW_ROWS = 100;
    public static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');
    public static final List<String> ENCODINGS = List.of("UTF-8", "windows-1252", "ISO-8859-1", "UTF-16LE", "UTF-16BE");
    public static final List<Character> DECIMALS = List.of('.', ',');
    public static final String DEFAULT_SOURCE_COLUMN = "source_file";

    private enum Setting { DELIMITER, QUOTE, ENCODING, DECIMAL, HEADER, DAY_FIRST }

    /** Quote characters offered: double, single, none ('\0', CLI --quote none). */
    public static final List<Character> QUOTES = List.of('"', '\'', '\0');

    private final TaskRunner runner;
    private final ProjectViewModel project;
    private final Dialogs dialogs;
    private final Notifier notifier;
    private final ObservableList<Path> files;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.PREVIEW);
    private final ObjectProperty<Character> delimiter = new SimpleObjectProperty<>(this, "delimiter");
    private final ObjectProperty<String> encoding = new SimpleObjectProperty<>(this, "encoding");
    private final ObjectProperty<Character> decimal = new SimpleObjectProperty<>(this, "decimal");
    private final ObjectProperty<Boolean> header = new SimpleObjectProperty<>(this, "header");
    private final ObjectProperty<Boolean> dayFirst = new SimpleObjectProperty<>(this, "dayFirst");
    private final ObservableList<Character> delimiterChoices = FXCollections.observableArrayList(DELIMITERS);
    private final ObservableList<String> encodingChoices = FXCollections.observableArrayList(ENCODINGS);
    private final ObservableList<ColumnChoice> columns = FXCollections.observableArrayList(
            c -> new Observable[]{c.typeProperty(), c.missingTokensProperty()});
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ObservableList<String> previewWarnings = FXCollections.observableArrayList();
    private final StringProperty missingTokens = new SimpleStringProperty(this, "missingTokens", "");
    private final ObjectProperty<Path> dictionary = new SimpleObjectProperty<>(this, "dictionary");
    private final StringProperty datasetName = new SimpleStringProperty(this, "datasetName", "");
    private final StringProperty sourceColumn = new SimpleStringProperty(this, "sourceColumn", DEFAULT_SOURCE_COLUMN);
    private final ReadOnlyBooleanWrapper previewing = new ReadOnlyBooleanWrapper(this, "previewing");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<TaskHandle<?>> importTask = new ReadOnlyObjectWrapper<>(this, "importTask");
    private final ReadOnlyObjectWrapper<ImportResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed");
    private final StringBinding validation;
    private final BooleanBinding canImport;

    private final Set<Setting> overridden = new LinkedHashSet<>();
    private CsvPreview preview;
    private char detectedQuote = '"';
    private final ObjectProperty<Character> quote = new SimpleObjectProperty<>(this, "quote", '"');
    private boolean applying;
    private long previewGeneration;
    private TaskHandle<?> previewTask;
    private String addedDatasetName;

    public ImportWizardViewModel(TaskRunner runner, ProjectViewModel project, Dialogs dialogs, Notifier notifier,
                                 List<Path> files) {
        if (files == null || files.isEmpty()) throw new IllegalArgumentException("no files");
        this.runner = runner;
        this.project = project;
        this.dialogs = dialogs;
        this.notifier = notifier;
        this.files = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(files));
        String base = ImportRequest.of(files.get(0)).effectiveName();
        datasetName.set(project.getProject().uniqueDatasetName(base));

        watch(delimiter, Setting.DELIMITER);
        watch(quote, Setting.QUOTE);
        watch(encoding, Setting.ENCODING);
        watch(decimal, Setting.DECIMAL);
        watch(header, Setting.HEADER);
        watch(dayFirst, Setting.DAY_FIRST);

        validation = Bindings.createStringBinding(this::validate, datasetName, sourceColumn, delimiter, quote, decimal,
                columns, previewing, error, project.projectProperty());
        canImport = Bindings.createBooleanBinding(() -> validation.get() == null && step.get() == Step.PREVIEW,
                validation, step);
    }

    private void watch(ObjectProperty<?> p, Setting s) {
        p.addListener((o, a, b) -> {
            if (applying || b == null) return;
            overridden.add(s);
            refreshPreview();
        });
    }

    // ---- properties

    public ObservableList<Path> files() { return files; }

    public boolean multipleFiles() { return files.size() > 1; }

    public ReadOnlyObjectProperty<Step> stepProperty() { return step.getReadOnlyProperty(); }

    public Step getStep() { return step.get(); }

    public ObjectProperty<Character> delimiterProperty() { return delimiter; }
    /** The quote character ('\0' = none); detected, or the user's (CLI import --quote). */
    public ObjectProperty<Character> quoteProperty() { return quote; }

    public ObjectProperty<String> encodingProperty() { return encoding; }

    public ObjectProperty<Character> decimalProperty() { return decimal; }

    public ObjectProperty<Boolean> headerProperty() { return header; }

    /** True = ambiguous dates are read day first (31/12/2024). */
    public ObjectProperty<Boolean> dayFirstProperty() { return dayFirst; }

    public ObservableList<Character> delimiterChoices() { return delimiterChoices; }

    public ObservableList<String> encodingChoices() { return encodingChoices; }

    public ObservableList<ColumnChoice> columns() { return columns; }

    public ObservableList<List<String>> previewRows() { return previewRows; }

    public ObservableList<String> previewWarnings() { return previewWarnings; }

    /** Extra values read as missing in every column, comma-separated as typed. */
    public StringProperty missingTokensProperty() { return missingTokens; }

    public ObjectProperty<Path> dictionaryProperty() { return dictionary; }

    public StringProperty datasetNameProperty() { return datasetName; }

    /** Name of the column recording each row's file when several files are imported as partitions. */
    public StringProperty sourceColumnProperty() { return sourceColumn; }

    public ReadOnlyBooleanProperty previewingProperty() { return previewing.getReadOnlyProperty(); }

    /** The last failure (preview or import), localised; null when none. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** Why the import cannot start yet, localised; null when it can. */
    public StringBinding validationBinding() { return validation; }

    public BooleanBinding canImportBinding() { return canImport; }

    public ReadOnlyObjectProperty<TaskHandle<?>> importTaskProperty() { return importTask.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<ImportResult> resultProperty() { return result.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty closedProperty() { return closed.getReadOnlyProperty(); }

    /** Name of the dataset added by Finish, or null. */
    public String addedDatasetName() { return addedDatasetName; }

    public CsvPreview preview() { return preview; }

    // ---- validation

    private String validate() {
        String name = datasetName.get() == null ? "" : datasetName.get().trim();
        if (previewing.get() && preview == null) return I18n.tr("ui.import.validation.previewing");
        if (preview == null) return error.get() != null ? error.get() : I18n.tr("ui.import.validation.noPreview");
        if (name.isEmpty()) return I18n.tr("ui.import.validation.nameRequired");
        if (project.getProject().dataset(name).isPresent()) return I18n.tr("ui.import.validation.nameTaken", name);
        if (delimiter.get() != null && delimiter.get().equals(decimal.get())) return I18n.tr("ui.import.validation.sameSeparators");
        if (delimiter.get() != null && delimiter.get().equals(quote.get())) return I18n.tr("ui.import.validation.quoteIsDelimiter");
        if (multipleFiles()) {
            String src = sourceColumn.get() == null ? "" : sourceColumn.get().trim();
            if (src.isEmpty()) return I18n.tr("ui.import.validation.sourceRequired");
            if (columns.stream().anyMatch(c -> c.name().equals(src))) return I18n.tr("ui.import.validation.sourceTaken", src);
        }
        return null;
    }

    // ---- preview

    /** Runs the first preview with every setting detected. */
    public void start() {
        refreshPreview();
    }

    /** Options for the preview: only what the user changed; everything else is detected. */
    public CsvOptions previewOptions() {
        CsvOptions o = CsvOptions.detect();
        if (overridden.contains(Setting.DELIMITER)) o = o.withDelimiter(delimiter.get());
        if (overridden.contains(Setting.QUOTE)) o = o.withQuote(quote.get());
        if (overridden.contains(Setting.ENCODING)) o = o.withEncoding(Charset.forName(encoding.get()));
        if (overridden.contains(Setting.DECIMAL)) o = o.withDecimal(decimal.get());
        if (overridden.contains(Setting.HEADER)) o = o.withHeader(header.get());
        if (overridden.contains(Setting.DAY_FIRST)) o = o.withDayFirst(dayFirst.get());
        return o;
    }

    /** Re-runs the preview in the background with the current choices; an older preview still running is dropped. */
    public void refreshPreview() {
        if (delimiter.get() != null && delimiter.get().equals(decimal.get())) {
            // invalid pair: validation says so; wait for the user to change one of them
            return;
        }
        CsvOptions options;
        try {
            options = previewOptions();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        long gen = ++previewGeneration;
        if (previewTask != null) previewTask.cancel();
        previewing.set(true);
        Path file = files.get(0);
        previewTask = runner.submit(I18n.tr("ui.task.preview", file.getFileName()),
                ctx -> CsvImporter.preview(file, options, PREVIEW_ROWS),
                p -> {
                    if (gen != previewGeneration) return;
                    applyPreview(p);
                    error.set(null);
                    previewing.set(false);
                },
                err -> {
                    if (gen != previewGeneration) return;
                    previewing.set(false);
                    error.set(Notifier.describe(err));
                },
                () -> {
                    if (gen == previewGeneration) previewing.set(false);
                });
    }

    private void applyPreview(CsvPreview p) {
        Map<String, ColumnChoice> old = new HashMap<>();
        for (ColumnChoice c : columns) old.put(c.name(), c);
        applying = true;
        try {
            CsvSettings s = p.settings();
            detectedQuote = s.quote();
            quote.set(s.quote());
            if (!delimiterChoices.contains(s.delimiter())) delimiterChoices.add(s.delimiter());
            delimiter.set(s.delimiter());
            String enc = s.encoding();
            if (!encodingChoices.contains(enc)) encodingChoices.add(enc);
            encoding.set(enc);
            decimal.set(s.decimal());
            header.set(s.header());
            dayFirst.set(s.dayFirst());
            List<ColumnChoice> cols = new ArrayList<>();
            for (CsvPreview.PreviewColumn pc : p.columns()) {
                ColumnChoice c = new ColumnChoice(pc.name(), pc.type(), pc.idLike(), pc.dateFormat());
                ColumnChoice before = old.get(pc.name());
                if (before != null) {
                    if (before.typeChanged()) c.setType(before.getType());
                    c.missingTokensProperty().set(before.missingTokensProperty().get());
                }
                cols.add(c);
            }
            preview = p;
            columns.setAll(cols);
            previewRows.setAll(p.rows());
            previewWarnings.setAll(p.warnings());
        } finally {
            applying = false;
        }
    }

    public void chooseDictionary() {
        dialogs.chooseDictionary().ifPresent(dictionary::set);
    }

    // ---- import

    static List<String> parseTokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String t : text.split(",")) {
            String s = t.trim();
            if (!s.isEmpty() && !out.contains(s)) out.add(s);
        }
        return out;
    }

    /** The options the import uses: everything shown in the wizard, pinned, plus the user's types and tokens. */
    public CsvOptions importOptions() {
        CsvOptions o = CsvOptions.detect()
                .withDelimiter(delimiter.get())
                .withQuote(quote.get() != null ? quote.get() : detectedQuote)
                // the preview read only the start of the file: let the import detect the encoding on all of it
                .withEncoding(overridden.contains(Setting.ENCODING) && encoding.get() != null ? Charset.forName(encoding.get()) : null)
                .withDecimal(decimal.get())
                .withHeader(header.get())
                .withDayFirst(dayFirst.get());
        List<String> global = parseTokens(missingTokens.get());
        if (!global.isEmpty()) o = o.plusMissingTokens(global);
        Map<String, Set<String>> perColumn = new LinkedHashMap<>();
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (ColumnChoice c : columns) {
            List<String> t = parseTokens(c.missingTokensProperty().get());
            if (!t.isEmpty()) perColumn.put(c.name(), new LinkedHashSet<>(t));
            if (c.typeChanged()) types.put(c.name(), c.getType());
        }
        return o.withColumnMissingTokens(perColumn).withColumnTypes(types);
    }

    public ImportRequest importRequest() {
        String src = multipleFiles() ? sourceColumn.get().trim() : null;
        return new ImportRequest(List.copyOf(files), datasetName.get().trim(), importOptions(), src, dictionary.get());
    }

    /** Step 2: imports in the background. Does nothing while the wizard's input is invalid. */
    public void startImport() {
        if (!canImport.get()) return;
        ImportRequest request;
        try {
            request = importRequest();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        error.set(null);
        step.set(Step.IMPORTING);
        importTask.set(runner.submit(I18n.tr("ui.task.import", request.effectiveName()),
                ctx -> CsvImporter.importFiles(request, ctx),
                r -> {
                    importTask.set(null);
                    result.set(r);
                    step.set(Step.REPORT);
                },
                err -> {
                    importTask.set(null);
                    error.set(Notifier.describe(err));
                    step.set(Step.PREVIEW);
                },
                () -> {
                    importTask.set(null);
                    step.set(Step.PREVIEW);
                    notifier.info(I18n.tr("ui.notice.importCancelled"));
                }));
    }

    /** Stops a running import; the wizard returns to the preview and nothing is added. */
    public void cancelImport() {
        TaskHandle<?> t = importTask.get();
        if (t != null) t.cancel();
    }

    /** Back from the report to the preview, dropping the imported data. */
    public void back() {
        if (step.get() == Step.REPORT) {
            result.set(null);
            step.set(Step.PREVIEW);
        }
    }

    /** Step 3: adds the imported dataset to the project and closes the wizard. */
    public void finish() {
        ImportResult r = result.get();
        if (r == null || closed.get()) return;
        DatasetEntry entry = new DatasetEntry(r.dataset(), "import", r.settings(), r.sources(), r.report(), Instant.now(), null);
        project.addDataset(entry);
        addedDatasetName = entry.name();
        notifier.success(I18n.tr("ui.notice.imported", Formats.integer(r.dataset().rowCount()), entry.name()));
        closed.set(true);
    }

    /** Closes the wizard without adding anything, stopping any background work. */
    public void cancel() {
        if (previewTask != null) previewTask.cancel();
        cancelImport();
        closed.set(true);
    }
}
