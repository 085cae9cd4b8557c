package io.segmenta.app.importer;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.app.ui.Disposer;
import io.segmenta.app.ui.Formats;
import io.segmenta.app.ui.Icons;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.io.CsvSettings;
import io.segmenta.core.io.ImportReport;
import io.segmenta.core.io.ImportResult;
import io.segmenta.core.util.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The import wizard's content: preview and settings, progress, and the report. Built once per wizard; all
 * state lives in {@link ImportWizardViewModel}.
 */
public final class ImportWizardView {
    private static final int SAMPLE_VALUES = 3;
    /** Wide enough for the longest type name in English and Spanish ("Número decimal", "Fecha y hora"). */
    private static final double TYPE_COMBO_WIDTH = 190;

    private final ImportWizardViewModel vm;
    private final Disposer disposer = new Disposer();
    private final BorderPane root = new BorderPane();
    private final StackPane body = new StackPane();

    public ImportWizardView(ImportWizardViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("import-wizard");
        root.setTop(header());
        root.setCenter(body);
        root.setBottom(footer());
        Node preview = previewPage();
        Node importing = importingPage();
        StackPane report = new StackPane();
        disposer.add(vm.stepProperty().subscribe(step -> {
            switch (step) {
                case PREVIEW -> body.getChildren().setAll(preview);
                case IMPORTING -> body.getChildren().setAll(importing);
                case REPORT -> {
                    report.getChildren().setAll(reportPage(vm.resultProperty().get()));
                    body.getChildren().setAll(report);
                }
            }
        }));
    }

    public Parent root() { return root; }

    public void dispose() { disposer.dispose(); }

    // ---- header with steps

    private Node header() {
        Label title = new Label(I18n.tr("ui.import.title"), Icons.icon(MaterialDesignF.FILE_IMPORT_OUTLINE, 22));
        title.getStyleClass().add(Styles.TITLE_3);
        HBox steps = new HBox(6);
        steps.setAlignment(Pos.CENTER_RIGHT);
        Label s1 = stepLabel("ui.import.step.preview", 1);
        Label s2 = stepLabel("ui.import.step.import", 2);
        Label s3 = stepLabel("ui.import.step.report", 3);
        steps.getChildren().addAll(s1, chevron(), s2, chevron(), s3);
        disposer.add(vm.stepProperty().subscribe(step -> {
            mark(s1, step == ImportWizardViewModel.Step.PREVIEW);
            mark(s2, step == ImportWizardViewModel.Step.IMPORTING);
            mark(s3, step == ImportWizardViewModel.Step.REPORT);
        }));
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox box = new HBox(12, title, sp, steps);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(16, 20, 12, 20));
        box.getStyleClass().add("wizard-header");
        return box;
    }

    private static Label stepLabel(String key, int n) {
        Label l = new Label(n + "  " + I18n.tr(key));
        l.getStyleClass().add("wizard-step");
        return l;
    }

    private static Node chevron() {
        return Icons.icon(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CHEVRON_RIGHT, 16);
    }

    private static void mark(Label l, boolean active) {
        l.getStyleClass().removeAll(Styles.TEXT_BOLD, Styles.ACCENT, Styles.TEXT_MUTED);
        l.getStyleClass().addAll(active ? List.of(Styles.TEXT_BOLD, Styles.ACCENT) : List.of(Styles.TEXT_MUTED));
    }

    // ---- step 1: preview

    private Node previewPage() {
        Label files = new Label(vm.multipleFiles()
                ? I18n.tr("ui.import.files.many", Formats.integer(vm.files().size()), String.join(", ", vm.files().stream().map(p -> p.getFileName().toString()).toList()))
                : I18n.tr("ui.import.files.one", vm.files().get(0).getFileName().toString()));
        files.getStyleClass().add(Styles.TEXT_MUTED);
        files.setWrapText(true);
        files.setTooltip(new Tooltip(String.join("\n", vm.files().stream().map(Path::toString).toList())));

        ComboBox<Character> delimiter = new ComboBox<>(vm.delimiterChoices());
        delimiter.setId("delimiterCombo");
        delimiter.setConverter(converter(ImportWizardView::delimiterName));
        delimiter.valueProperty().bindBidirectional(vm.delimiterProperty());
        ComboBox<Character> quote = new ComboBox<>(FXCollections.observableArrayList(ImportWizardViewModel.QUOTES));
        quote.setId("quoteCombo");
        quote.setConverter(converter(c -> I18n.tr(c == '"' ? "ui.import.quote.double" : c == '\'' ? "ui.import.quote.single" : "ui.import.quote.none")));
        quote.valueProperty().bindBidirectional(vm.quoteProperty());
        ComboBox<String> encoding = new ComboBox<>(vm.encodingChoices());
        encoding.setId("encodingCombo");
        encoding.valueProperty().bindBidirectional(vm.encodingProperty());
        ComboBox<Character> decimal = new ComboBox<>(FXCollections.observableArrayList(ImportWizardViewModel.DECIMALS));
        decimal.setId("decimalCombo");
        decimal.setConverter(converter(c -> I18n.tr(c == ',' ? "ui.import.decimal.comma" : "ui.import.decimal.point")));
        decimal.valueProperty().bindBidirectional(vm.decimalProperty());
        ComboBox<Boolean> dates = new ComboBox<>(FXCollections.observableArrayList(true, false));
        dates.setId("dateOrderCombo");
        dates.setConverter(converter(b -> I18n.tr(b ? "ui.import.dates.dayFirst" : "ui.import.dates.monthFirst")));
        dates.valueProperty().bindBidirectional(vm.dayFirstProperty());
        CheckBox header = new CheckBox(I18n.tr("ui.import.header"));
        header.setId("headerCheck");
        disposer.add(vm.headerProperty().subscribe(h -> header.setSelected(Boolean.TRUE.equals(h))));
        header.selectedProperty().addListener((o, a, b) -> {
            if (!b.equals(vm.headerProperty().get())) vm.headerProperty().set(b);
        });

        // the check box sits on the combo boxes' line, centred on them, not on their captions
        HBox headerHolder = new HBox(header);
        headerHolder.setAlignment(Pos.CENTER_LEFT);
        headerHolder.minHeightProperty().bind(delimiter.heightProperty());
        FlowPane settings = new FlowPane(18, 10,
                labelled("ui.import.delimiter", delimiter), labelled("ui.import.quote", quote), labelled("ui.import.encoding", encoding),
                labelled("ui.import.decimal", decimal), labelled("ui.import.dates", dates), labelled(null, headerHolder));
        settings.setAlignment(Pos.BOTTOM_LEFT);

        TextField name = new TextField();
        name.setId("datasetNameField");
        name.textProperty().bindBidirectional(vm.datasetNameProperty());
        name.setPrefColumnCount(18);
        TextField missing = new TextField();
        missing.setId("missingTokensField");
        missing.setPromptText(I18n.tr("ui.import.missing.prompt"));
        missing.textProperty().bindBidirectional(vm.missingTokensProperty());
        missing.setPrefColumnCount(16);
        missing.setTooltip(new Tooltip(I18n.tr("ui.import.missing.tooltip")));
        Label dictLabel = new Label();
        dictLabel.getStyleClass().add(Styles.TEXT_MUTED);
        dictLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.dictionaryProperty().get() == null
                ? I18n.tr("ui.import.dictionary.none") : vm.dictionaryProperty().get().getFileName().toString(), vm.dictionaryProperty()));
        Button dictChoose = new Button(I18n.tr("ui.import.dictionary.choose"), Icons.icon(MaterialDesignB.BOOK_OPEN_VARIANT));
        dictChoose.setOnAction(e -> vm.chooseDictionary());
        Button dictClear = new Button(null, Icons.icon(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CLOSE));
        dictClear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dictClear.visibleProperty().bind(vm.dictionaryProperty().isNotNull());
        dictClear.setOnAction(e -> vm.dictionaryProperty().set(null));
        HBox dict = new HBox(8, dictChoose, dictLabel, dictClear);
        dict.setAlignment(Pos.CENTER_LEFT);
        dictChoose.setTooltip(new Tooltip(I18n.tr("ui.import.dictionary.tooltip")));

        FlowPane second = new FlowPane(18, 10, labelled("ui.import.name", name), labelled("ui.import.missing", missing),
                labelled("ui.import.dictionary", dict));
        second.setAlignment(Pos.BOTTOM_LEFT);
        if (vm.multipleFiles()) {
            TextField src = new TextField();
            src.setId("sourceColumnField");
            src.textProperty().bindBidirectional(vm.sourceColumnProperty());
            second.getChildren().add(labelled("ui.import.sourceColumn", src));
        }

        Message errorBox = new Message(I18n.tr("ui.import.error.title"), "", Icons.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        errorBox.setId("importError");
        errorBox.getStyleClass().add(Styles.DANGER);
        errorBox.descriptionProperty().bind(vm.errorProperty());
        errorBox.visibleProperty().bind(vm.errorProperty().isNotNull());
        errorBox.managedProperty().bind(errorBox.visibleProperty());

        Label warnings = new Label();
        warnings.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        warnings.setWrapText(true);
        warnings.setMinHeight(Region.USE_PREF_SIZE); // every line shown, not cut to one by the table below
        disposer.add(vm.previewWarnings().subscribe(() -> warnings.setText(String.join("\n", vm.previewWarnings()))));
        warnings.visibleProperty().bind(Bindings.isNotEmpty(vm.previewWarnings()));
        warnings.managedProperty().bind(warnings.visibleProperty());

        TabPane tabs = new TabPane(new Tab(I18n.tr("ui.import.tab.columns"), columnsGrid()),
                new Tab(I18n.tr("ui.import.tab.rows"), rowsTable()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("preview-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        ProgressBar busy = new ProgressBar();
        busy.setMaxWidth(Double.MAX_VALUE);
        busy.getStyleClass().add(Styles.SMALL);
        busy.visibleProperty().bind(vm.previewingProperty());

        VBox page = new VBox(12, files, settings, second, errorBox, warnings, busy, tabs);
        page.setPadding(new Insets(4, 20, 8, 20));
        return page;
    }

    private static String delimiterName(Character c) {
        return switch (c) {
            case ',' -> I18n.tr("ui.import.delimiter.comma");
            case ';' -> I18n.tr("ui.import.delimiter.semicolon");
            case '\t' -> I18n.tr("ui.import.delimiter.tab");
            case '|' -> I18n.tr("ui.import.delimiter.pipe");
            default -> "“" + CsvSettings.delimiterName(c) + "”";
        };
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : f.apply(t); }

            @Override public T fromString(String s) { throw new UnsupportedOperationException(); }
        };
    }

    private static Node labelled(String key, Node control) {
        Label l = new Label(key == null ? " " : I18n.tr(key));
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return new VBox(4, l, control);
    }

    private Node columnsGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(6);
        grid.setPadding(new Insets(10, 12, 10, 12));
        // name, detected type, type and tokens keep their full width; only the sample values give way
        for (int i = 0; i < 4; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setMinWidth(Region.USE_PREF_SIZE);
            grid.getColumnConstraints().add(cc);
        }
        grid.getColumnConstraints().add(new ColumnConstraints(120, 300, Double.MAX_VALUE));
        Runnable fill = () -> {
            grid.getChildren().clear();
            String[] heads = {"ui.import.col.name", "ui.import.col.detected", "ui.import.col.type", "ui.import.col.missing", "ui.import.col.sample"};
            for (int i = 0; i < heads.length; i++) {
                Label h = new Label(I18n.tr(heads[i]));
                h.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD, Styles.TEXT_MUTED);
                grid.add(h, i, 0);
            }
            int row = 1;
            for (ColumnChoice c : vm.columns()) {
                Label name = new Label(c.name(), Icons.icon(Icons.forType(c.detectedType())));
                name.getStyleClass().add(Styles.TEXT_BOLD);
                Label detected = new Label(Icons.typeName(c.detectedType())
                        + (c.dateFormat() != null && !c.dateFormat().isBlank() ? " (" + c.dateFormat() + ")" : "")
                        + (c.idLike() ? " · " + I18n.tr("ui.data.idLike") : ""));
                detected.getStyleClass().add(Styles.TEXT_MUTED);
                ComboBox<ColumnType> type = new ComboBox<>(FXCollections.observableArrayList(ColumnType.values()));
                type.setId("type-" + c.name());
                type.setConverter(converter(Icons::typeName));
                type.valueProperty().bindBidirectional(c.typeProperty());
                type.setPrefWidth(TYPE_COMBO_WIDTH);
                type.setMinWidth(TYPE_COMBO_WIDTH);
                TextField tokens = new TextField();
                tokens.setId("missing-" + c.name());
                tokens.setPromptText(I18n.tr("ui.import.col.missing.prompt"));
                tokens.textProperty().bindBidirectional(c.missingTokensProperty());
                tokens.setPrefColumnCount(10);
                Label sample = new Label(sample(row - 1));
                sample.getStyleClass().add(Styles.TEXT_MUTED);
                grid.addRow(row++, name, detected, type, tokens, sample);
            }
        };
        disposer.add(vm.previewRows().subscribe(fill));
        fill.run();
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private String sample(int columnIndex) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (List<String> r : vm.previewRows()) {
            if (n == SAMPLE_VALUES) break;
            if (columnIndex < r.size()) {
                if (n++ > 0) sb.append(", ");
                String v = r.get(columnIndex);
                sb.append(v.length() > 24 ? v.substring(0, 23) + "…" : v);
            }
        }
        return sb.toString();
    }

    private Node rowsTable() {
        TableView<List<String>> table = new TableView<>(vm.previewRows());
        table.setId("previewTable");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        Runnable cols = () -> {
            table.getColumns().clear();
            for (int i = 0; i < vm.columns().size(); i++) {
                ColumnChoice c = vm.columns().get(i);
                int idx = i;
                TableColumn<List<String>, String> col = new TableColumn<>(c.name());
                col.setGraphic(Icons.icon(Icons.forType(c.getType())));
                col.setSortable(false);
                col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(idx < cd.getValue().size() ? cd.getValue().get(idx) : ""));
                col.setPrefWidth(Math.max(90, 30 + 8 * c.name().length()));
                table.getColumns().add(col);
            }
        };
        disposer.add(vm.columns().subscribe(cols));
        cols.run();
        return table;
    }

    // ---- step 2: importing

    private Node importingPage() {
        Label title = new Label(I18n.tr("ui.import.running"));
        title.getStyleClass().add(Styles.TITLE_3);
        ProgressBar bar = new ProgressBar();
        bar.setId("importProgress");
        bar.setPrefWidth(420);
        Label message = new Label();
        message.getStyleClass().add(Styles.TEXT_MUTED);
        Button cancel = new Button(I18n.tr("ui.import.cancelImport"), Icons.icon(org.kordamp.ikonli.materialdesign2.MaterialDesignS.STOP_CIRCLE_OUTLINE));
        cancel.setId("cancelImportButton");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.setOnAction(e -> vm.cancelImport());
        disposer.add(vm.importTaskProperty().subscribe((TaskHandle<?> t) -> {
            bar.progressProperty().unbind();
            message.textProperty().unbind();
            if (t != null) {
                bar.progressProperty().bind(t.progressProperty());
                message.textProperty().bind(t.messageProperty());
            }
        }));
        VBox box = new VBox(14, title, bar, message, cancel);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    // ---- step 3: report

    private Node reportPage(ImportResult r) {
        if (r == null) return new Label();
        ImportReport rep = r.report();
        FlowPane figures = new FlowPane(14, 14,
                figure("reportRowsRead", "ui.import.report.read", rep.rowsRead(), null),
                figure("reportRowsImported", "ui.import.report.imported", rep.rowsImported(), Styles.SUCCESS),
                figure("reportRowsRejected", "ui.import.report.rejected", rep.rejectedCount(), rep.rejectedCount() > 0 ? Styles.DANGER : null),
                figure("reportCoerced", "ui.import.report.coerced", rep.totalCoerced(), rep.totalCoerced() > 0 ? Styles.WARNING : null));

        TableView<ImportReport.RejectedRow> rejected = new TableView<>(FXCollections.observableArrayList(rep.rejected()));
        rejected.setId("rejectedTable");
        rejected.getStyleClass().add(Styles.DENSE);
        rejected.setPlaceholder(new Label(I18n.tr("ui.import.report.noRejected")));
        rejected.getColumns().add(textColumn("ui.import.report.file", 160, RejectedRowText.FILE));
        rejected.getColumns().add(textColumn("ui.import.report.line", 80, RejectedRowText.LINE));
        rejected.getColumns().add(textColumn("ui.import.report.reason", 520, RejectedRowText.REASON));

        TableView<ImportReport.ColumnReport> cols = new TableView<>(FXCollections.observableArrayList(rep.columns()));
        cols.setId("columnReportTable");
        cols.getStyleClass().add(Styles.DENSE);
        cols.getColumns().add(col("ui.import.col.name", 180, ImportReport.ColumnReport::name));
        cols.getColumns().add(col("ui.import.col.type", 120, c -> Icons.typeName(c.type())));
        cols.getColumns().add(col("ui.import.report.missing", 110, c -> Formats.integer(c.missing())));
        cols.getColumns().add(col("ui.import.report.coercedCol", 130, c -> Formats.integer(c.coerced())));
        cols.getColumns().add(col("ui.import.report.examples", 360, c -> String.join(", ", c.coercedExamples().stream()
                .map(v -> I18n.tr("ui.import.report.example", v.value(), Formats.integer(v.line()))).toList())));

        ListView<String> warnings = new ListView<>(FXCollections.observableArrayList(rep.warnings()));
        warnings.setPlaceholder(new Label(I18n.tr("ui.import.report.noWarnings")));

        TabPane tabs = new TabPane(
                new Tab(I18n.tr("ui.import.report.tab.columns"), cols),
                new Tab(I18n.tr("ui.import.report.tab.rejected", Formats.integer(rep.rejectedCount())), rejected),
                new Tab(I18n.tr("ui.import.report.tab.warnings", Formats.integer(rep.warnings().size())), warnings));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        Label summary = new Label(I18n.tr("ui.import.report.summary", r.dataset().name(),
                Formats.integer(r.dataset().rowCount()), Formats.integer(r.dataset().columnCount())));
        summary.getStyleClass().add(Styles.TITLE_4);
        VBox page = new VBox(14, summary, figures, tabs);
        page.setPadding(new Insets(4, 20, 8, 20));
        return page;
    }

    private enum RejectedRowText { FILE, LINE, REASON }

    private static TableColumn<ImportReport.RejectedRow, String> textColumn(String key, double width, RejectedRowText what) {
        return col(key, width, r -> switch (what) {
            case FILE -> r.file();
            case LINE -> Formats.integer(r.line());
            case REASON -> r.reason();
        });
    }

    private static <S> TableColumn<S, String> col(String key, double width, Function<S, String> f) {
        TableColumn<S, String> c = new TableColumn<>(I18n.tr(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        return c;
    }

    private static Node figure(String id, String key, long value, String style) {
        Label v = new Label(Formats.integer(value));
        v.setId(id);
        v.getStyleClass().add(Styles.TITLE_2);
        if (style != null) v.getStyleClass().add(style);
        Label l = new Label(I18n.tr(key));
        l.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(2, v, l);
        box.getStyleClass().add("figure-card");
        box.setPadding(new Insets(12, 18, 12, 18));
        box.setMinWidth(150);
        return box;
    }

    // ---- footer

    private Node footer() {
        Label validation = new Label();
        validation.setId("importValidation");
        validation.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        validation.textProperty().bind(Bindings.createStringBinding(
                () -> vm.getStep() == ImportWizardViewModel.Step.PREVIEW && vm.validationBinding().get() != null
                        ? vm.validationBinding().get() : "", vm.validationBinding(), vm.stepProperty()));
        validation.setWrapText(true);
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        Button cancel = new Button(I18n.tr("ui.action.cancel"));
        cancel.setId("wizardCancelButton");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.cancel());
        Button back = new Button(I18n.tr("ui.action.back"));
        back.setId("wizardBackButton");
        back.setOnAction(e -> vm.back());
        Button importButton = new Button(I18n.tr("ui.import.action.import"), Icons.icon(MaterialDesignF.FILE_IMPORT_OUTLINE));
        importButton.setId("importButton");
        importButton.getStyleClass().add(Styles.ACCENT);
        importButton.setDefaultButton(true);
        importButton.disableProperty().bind(vm.canImportBinding().not());
        importButton.setOnAction(e -> vm.startImport());
        Button finish = new Button(I18n.tr("ui.import.action.finish"));
        finish.setId("finishButton");
        finish.getStyleClass().add(Styles.SUCCESS);
        finish.setOnAction(e -> vm.finish());
        disposer.add(vm.stepProperty().subscribe(step -> {
            boolean report = step == ImportWizardViewModel.Step.REPORT;
            show(back, report);
            show(finish, report);
            show(importButton, step == ImportWizardViewModel.Step.PREVIEW);
            finish.setDefaultButton(report);
            importButton.setDefaultButton(!report);
        }));
        HBox bar = new HBox(10, validation, sp, cancel, back, importButton, finish);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(12, 20, 16, 20));
        bar.getStyleClass().add("wizard-footer");
        return bar;
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
}
