package io.segmenta.app.clv;

import atlantafx.base.theme.Styles;
import io.segmenta.app.ui.Disposer;
import io.segmenta.app.ui.Icons;
import io.segmenta.app.ui.TableFit;
import io.segmenta.core.clv.ClvResult;
import io.segmenta.core.clv.ClvScores;
import io.segmenta.core.clv.FrequencyModel;
import io.segmenta.core.clv.ReturnsPolicy;
import io.segmenta.core.clv.Rfm;
import io.segmenta.core.clv.RfmRule;
import io.segmenta.core.clv.TimeUnit;
import io.segmenta.core.clv.TransactionSummary;
import io.segmenta.core.clv.Validation;
import io.segmenta.core.util.I18n;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import javafx.util.converter.IntegerStringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The Customer value section: the setup of a CLV run on the left; on the right the status, the fit's
 * diagnostics and warnings, tabs for the summary, the model parameters, the RFM segments, the per-customer
 * table and the validation, and the actions (add columns, save, export). Binds to {@link ClvViewModel} only.
 */
public final class ClvView {
    public static final String CSS = Objects.requireNonNull(ClvView.class.getResource("/io/segmenta/app/clv.css")).toExternalForm();
    private static final String NONE = "\u0000none";

    private final ClvViewModel vm;
    private final boolean dark;
    private final Disposer disposer = new Disposer();
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final LineChart<String, Number> calibrationChart = new LineChart<>(new CategoryAxis(), new NumberAxis());
    private final FrequencyRecencyHeatmap expectedHeatmap;
    private final FrequencyRecencyHeatmap aliveHeatmap;
    private final GridPane metricsGrid = new GridPane();

    public ClvView(ClvViewModel vm, boolean dark) {
        this.vm = vm;
        this.dark = dark;
        expectedHeatmap = new FrequencyRecencyHeatmap(dark, false);
        aliveHeatmap = new FrequencyRecencyHeatmap(dark, true);
        root.setId("clvView");
        root.getStyleClass().add("clv-root");
        root.getStylesheets().add(CSS);
        root.setLeft(setup());
        root.setCenter(results());
        disposer.add(vm.outcomeProperty().subscribe(o -> showCharts()));
    }

    public Parent root() { return root; }

    public TabPane tabs() { return tabs; }

    public void dispose() { disposer.dispose(); }

    // ============================================================================================== setup

    private Node setup() {
        Label title = new Label(I18n.tr("ui.clv.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label(I18n.tr("ui.clv.intro"));
        intro.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        intro.setWrapText(true);

        ComboBox<String> table = combo("clvDataset", vm.datasetNames());
        table.valueProperty().bindBidirectional(vm.datasetProperty());
        ComboBox<String> customer = combo("clvCustomerColumn", vm.columns());
        customer.valueProperty().bindBidirectional(vm.customerColumnProperty());
        ComboBox<String> date = combo("clvDateColumn", vm.columns());
        date.valueProperty().bindBidirectional(vm.dateColumnProperty());
        ComboBox<String> amount = optionalCombo("clvAmountColumn", vm.numericColumns(), vm.amountColumnProperty());
        ComboBox<String> quantity = optionalCombo("clvQuantityColumn", vm.numericColumns(), vm.quantityColumnProperty());
        CheckBox unitPrice = new CheckBox(I18n.tr("ui.clv.setup.unitPrice"));
        unitPrice.setId("clvUnitPrice");
        unitPrice.setWrapText(true);
        unitPrice.selectedProperty().bindBidirectional(vm.unitPriceProperty());
        unitPrice.disableProperty().bind(vm.quantityColumnProperty().isNull());

        ComboBox<TimeUnit> unit = new ComboBox<>();
        unit.getItems().setAll(TimeUnit.values());
        unit.setConverter(converter(u -> I18n.tr("ui.clv.unit." + u.key())));
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        unit.setId("clvUnit");
        unit.setMaxWidth(Double.MAX_VALUE);

        DatePicker calibration = new DatePicker();
        calibration.setId("clvCalibrationEnd");
        calibration.valueProperty().bindBidirectional(vm.calibrationEndProperty());
        DatePicker holdout = new DatePicker();
        holdout.setId("clvHoldoutEnd");
        holdout.valueProperty().bindBidirectional(vm.holdoutEndProperty());
        for (DatePicker p : List.of(calibration, holdout)) {
            p.setMaxWidth(Double.MAX_VALUE);
            p.setConverter(new StringConverter<>() {
                private final javafx.util.converter.LocalDateStringConverter c = new javafx.util.converter.LocalDateStringConverter(
                        java.time.format.FormatStyle.MEDIUM, I18n.locale(), java.time.chrono.IsoChronology.INSTANCE);

                @Override public String toString(java.time.LocalDate d) { return d == null ? "" : c.toString(d); }

                @Override public java.time.LocalDate fromString(String s) {
                    try {
                        return s == null || s.isBlank() ? null : c.fromString(s);
                    } catch (RuntimeException e) {
                        return null;
                    }
                }
            });
        }
        Label range = new Label();
        range.setId("clvDataRange");
        range.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        range.setWrapText(true);
        range.textProperty().bind(Bindings.createStringBinding(() -> vm.firstDateProperty().get() == null ? ""
                        : I18n.tr("ui.clv.setup.range", ClvFormat.date(vm.firstDateProperty().get()), ClvFormat.date(vm.lastDateProperty().get())),
                vm.firstDateProperty(), vm.lastDateProperty()));

        ComboBox<FrequencyModel> model = new ComboBox<>();
        model.getItems().setAll(FrequencyModel.values());
        model.setConverter(converter(m -> I18n.tr(m.labelKey())));
        model.valueProperty().bindBidirectional(vm.modelProperty());
        model.setId("clvModel");
        model.setMaxWidth(Double.MAX_VALUE);
        model.setTooltip(new Tooltip(I18n.tr("ui.clv.setup.model.help")));

        Spinner<Integer> horizon = new Spinner<>(1, 120, (int) Math.round(vm.horizonMonthsProperty().get()));
        horizon.setId("clvHorizon");
        horizon.setEditable(true);
        horizon.setMaxWidth(Double.MAX_VALUE);
        horizon.valueProperty().addListener((o, a, b) -> { if (b != null) vm.horizonMonthsProperty().set(b); });
        disposer.add(vm.horizonMonthsProperty().subscribe(v -> {
            int m = (int) Math.round(v.doubleValue());
            if (!Objects.equals(horizon.getValue(), m)) horizon.getValueFactory().setValue(m);
        }));
        Spinner<Double> discount = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 20, vm.monthlyDiscountProperty().get() * 100, 0.1));
        discount.setId("clvDiscount");
        discount.setEditable(true);
        discount.setMaxWidth(Double.MAX_VALUE);
        discount.getValueFactory().setConverter(converter(d -> ClvFormat.number(d, 1), s -> {
            try {
                return java.text.NumberFormat.getNumberInstance(I18n.locale()).parse(s.replace("%", "").trim()).doubleValue();
            } catch (java.text.ParseException e) {
                return vm.monthlyDiscountProperty().get() * 100;
            }
        }));
        discount.valueProperty().addListener((o, a, b) -> { if (b != null) vm.monthlyDiscountProperty().set(b / 100); });
        disposer.add(vm.monthlyDiscountProperty().subscribe(v -> {
            double pc = v.doubleValue() * 100;
            if (discount.getValue() == null || Math.abs(discount.getValue() - pc) > 1e-9) discount.getValueFactory().setValue(pc);
        }));

        Spinner<Double> penalty = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 10, vm.penaltyProperty().get(), 0.001));
        penalty.setId("clvPenalty");
        penalty.setEditable(true);
        penalty.setMaxWidth(Double.MAX_VALUE);
        penalty.setTooltip(new Tooltip(I18n.tr("ui.clv.setup.penalty.hint")));
        penalty.getValueFactory().setConverter(converter(d -> ClvFormat.number(d, 4), s -> {
            try {
                return java.text.NumberFormat.getNumberInstance(I18n.locale()).parse(s.trim()).doubleValue();
            } catch (java.text.ParseException e) {
                return vm.penaltyProperty().get();
            }
        }));
        penalty.valueProperty().addListener((o, a, b) -> { if (b != null) vm.penaltyProperty().set(b); });
        disposer.add(vm.penaltyProperty().subscribe(v -> {
            if (penalty.getValue() == null || Math.abs(penalty.getValue() - v.doubleValue()) > 1e-12) penalty.getValueFactory().setValue(v.doubleValue());
        }));

        ComboBox<ReturnsPolicy> returns = new ComboBox<>();
        returns.getItems().setAll(ReturnsPolicy.values());
        returns.setConverter(converter(r -> I18n.tr("ui.clv.returns." + r.key())));
        returns.valueProperty().bindBidirectional(vm.returnsProperty());
        returns.setId("clvReturns");
        returns.setMaxWidth(Double.MAX_VALUE);

        Label error = new Label();
        error.setId("clvSetupError");
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            String s = vm.setupErrorProperty().get();
            return s != null ? s : vm.runErrorProperty().get() == null ? "" : vm.runErrorProperty().get();
        }, vm.setupErrorProperty(), vm.runErrorProperty()));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button run = new Button(I18n.tr("ui.clv.action.run"), Icons.icon(MaterialDesignP.PLAY));
        run.setId("clvRunButton");
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(true);
        run.setMaxWidth(Double.MAX_VALUE);
        run.disableProperty().bind(vm.canRunBinding().not());
        run.setOnAction(e -> vm.run());
        Button cancel = new Button(I18n.tr("ui.clv.action.cancel"), Icons.icon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.setId("clvCancelButton");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("clvProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox runningBox = new HBox(8, progress, cancel);
        HBox.setHgrow(progress, Priority.ALWAYS);
        runningBox.setAlignment(Pos.CENTER_LEFT);
        runningBox.visibleProperty().bind(vm.runningProperty());
        runningBox.managedProperty().bind(runningBox.visibleProperty());
        disposer.add(vm.runTaskProperty().subscribe(t -> {
            progress.progressProperty().unbind();
            if (t != null) progress.progressProperty().bind(t.progressProperty());
        }));

        VBox box = new VBox(6, title, intro,
                heading("ui.clv.setup.data"), field("ui.clv.setup.dataset", table), field("ui.clv.setup.customer", customer),
                field("ui.clv.setup.date", date), field("ui.clv.setup.amount", amount), field("ui.clv.setup.quantity", quantity), unitPrice,
                heading("ui.clv.setup.periods"), field("ui.clv.setup.unit", unit), field("ui.clv.setup.calibrationEnd", calibration),
                field("ui.clv.setup.holdoutEnd", holdout), range,
                heading("ui.clv.setup.modelHeading"), field("ui.clv.setup.model", model), field("ui.clv.setup.horizon", horizon),
                field("ui.clv.setup.discount", discount), field("ui.clv.setup.penalty", penalty), field("ui.clv.setup.returns", returns),
                error);
        box.setPadding(new Insets(16));
        box.getStyleClass().add("clv-setup");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(300);
        scroll.setMinWidth(260);
        VBox runBar = new VBox(8, run, runningBox);
        runBar.setPadding(new Insets(10, 16, 12, 16));
        runBar.getStyleClass().add("clv-run-bar");
        VBox left = new VBox(scroll, runBar);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        left.getStyleClass().add("clv-setup-scroll");
        return left;
    }

    private ComboBox<String> combo(String id, ObservableList<String> items) {
        ComboBox<String> c = new ComboBox<>(items);
        c.setId(id);
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    /** A column choice that may be "none" (null in the view model). */
    private ComboBox<String> optionalCombo(String id, ObservableList<String> columns, javafx.beans.property.ObjectProperty<String> target) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.setMaxWidth(Double.MAX_VALUE);
        c.setConverter(converter(s -> NONE.equals(s) ? I18n.tr("ui.clv.setup.none") : s));
        Runnable fill = () -> {
            c.getItems().setAll(NONE);
            c.getItems().addAll(columns);
            c.setValue(target.get() == null ? NONE : target.get());
        };
        ListChangeListener<String> l = ch -> fill.run();
        columns.addListener(l);
        disposer.add(() -> columns.removeListener(l));
        fill.run();
        disposer.add(target.subscribe(v -> c.setValue(v == null ? NONE : v)));
        c.valueProperty().addListener((o, a, b) -> {
            String v = b == null || NONE.equals(b) ? null : b;
            if (!Objects.equals(v, target.get())) target.set(v);
        });
        return c;
    }

    private static <T> StringConverter<T> converter(Function<T, String> to) {
        return converter(to, s -> null);
    }

    private static <T> StringConverter<T> converter(Function<T, String> to, Function<String, T> from) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : to.apply(t); }

            @Override public T fromString(String s) { return from.apply(s); }
        };
    }

    private static Node field(String key, Region control) {
        Label l = new Label(I18n.tr(key));
        l.getStyleClass().add("clv-field-label");
        l.setWrapText(true);
        l.setLabelFor(control);
        VBox v = new VBox(3, l, control);
        return v;
    }

    private static Label heading(String key) {
        Label l = new Label(I18n.tr(key));
        l.getStyleClass().add("clv-heading");
        return l;
    }

    private static Region gap(double h) {
        Region r = new Region();
        r.setMinHeight(h);
        return r;
    }

    // ============================================================================================ results

    private Node results() {
        Label status = new Label();
        status.setId("clvStatus");
        status.getStyleClass().add(Styles.TITLE_4);
        status.textProperty().bind(Bindings.createStringBinding(() -> vm.statusProperty().get().isEmpty()
                ? I18n.tr("ui.clv.status.idle") : vm.statusProperty().get(), vm.statusProperty()));
        Label restored = new Label();
        restored.setId("clvRestoredNote");
        restored.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        restored.textProperty().bind(vm.restoredNoteProperty());
        restored.visibleProperty().bind(restored.textProperty().isNotEmpty());
        restored.managedProperty().bind(restored.visibleProperty());

        Label fitMessage = new Label();
        fitMessage.setId("clvFitMessage");
        fitMessage.setWrapText(true);
        fitMessage.setGraphic(Icons.icon(MaterialDesignA.ALERT_OUTLINE));
        fitMessage.getStyleClass().add("clv-fit-message");
        fitMessage.textProperty().bind(Bindings.createStringBinding(() -> vm.fitMessageProperty().get() == null ? ""
                : vm.fitMessageProperty().get(), vm.fitMessageProperty()));
        fitMessage.visibleProperty().bind(vm.fitMessageProperty().isNotNull());
        fitMessage.managedProperty().bind(fitMessage.visibleProperty());
        fitMessage.setMaxWidth(Double.MAX_VALUE);

        VBox warnings = new VBox(4);
        warnings.setId("clvWarnings");
        warnings.getStyleClass().add("clv-warnings");
        Runnable fillWarnings = () -> {
            warnings.getChildren().clear();
            for (String w : vm.warnings()) {
                Label l = new Label(w, Icons.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
                l.setWrapText(true);
                l.getStyleClass().add("clv-warning");
                warnings.getChildren().add(l);
            }
            warnings.setVisible(!vm.warnings().isEmpty());
            warnings.setManaged(!vm.warnings().isEmpty());
        };
        disposer.add(vm.warnings().subscribe(fillWarnings));

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(
                tab("clvTabSummary", "ui.clv.tab.summary", summaryTab()),
                tab("clvTabModel", "ui.clv.tab.model", modelTab()),
                tab("clvTabSegments", "ui.clv.tab.segments", segmentsTab()),
                tab("clvTabCustomers", "ui.clv.tab.customers", customersTab()),
                tab("clvTabValidation", "ui.clv.tab.validation", validationTab()));
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox box = new VBox(8, new VBox(2, status, restored), fitMessage, warnings, tabs, actions());
        box.setPadding(new Insets(14, 16, 12, 16));
        return box;
    }

    private static Tab tab(String id, String key, Node content) {
        Tab t = new Tab(I18n.tr(key), content);
        t.setId(id);
        return t;
    }

    private Node actions() {
        ComboBox<String> target = combo("clvCustomerDataset", vm.customerDatasets());
        target.valueProperty().bindBidirectional(vm.customerDatasetProperty());
        target.setPrefWidth(170);
        ComboBox<String> id = combo("clvIdColumn", vm.idColumns());
        id.valueProperty().bindBidirectional(vm.idColumnProperty());
        id.setPrefWidth(150);
        Button add = new Button(I18n.tr("ui.clv.action.addColumns"), Icons.icon(MaterialDesignT.TABLE_COLUMN_PLUS_AFTER));
        add.setId("clvAddColumnsButton");
        add.setTooltip(new Tooltip(I18n.tr("ui.clv.action.addColumns.help")));
        add.setOnAction(e -> vm.addColumnsToCustomers());
        Button save = new Button(I18n.tr("ui.clv.action.save"), Icons.icon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setId("clvSaveButton");
        save.setOnAction(e -> vm.saveToProject());
        Button export = new Button(I18n.tr("ui.clv.action.export"), Icons.icon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        export.setId("clvExportButton");
        export.setOnAction(e -> vm.exportCsv());
        for (Node n : List.of(add, save, export, target, id)) n.disableProperty().bind(vm.hasResultBinding().not().or(vm.runningProperty()));
        Label into = new Label(I18n.tr("ui.clv.action.into"));
        Label by = new Label(I18n.tr("ui.clv.action.by"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        FlowPane left = new FlowPane(8, 6, add, into, target, by, id);
        left.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox bar = new HBox(8, left, save, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("clv-actions");
        return bar;
    }

    // ---- summary

    private Node summaryTab() {
        VBox facts = new VBox(6);
        facts.setId("clvSummaryFacts");
        disposer.add(vm.summaryFacts().subscribe(() -> {
            facts.getChildren().clear();
            for (String f : vm.summaryFacts()) {
                Label l = new Label(f, Icons.icon(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
                l.setWrapText(true);
                facts.getChildren().add(l);
            }
        }));
        TableView<ClvViewModel.TierRow> tiers = new TableView<>(vm.tiers());
        tiers.setId("clvTierTable");
        tiers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tiers.getColumns().setAll(List.of(
                text("ui.clv.tier.column", r -> r.label()),
                number("ui.clv.tier.customers", r -> (double) r.customers(), v -> ClvFormat.integer(Math.round(v))),
                number("ui.clv.tier.value", ClvViewModel.TierRow::value, ClvFormat::money),
                number("ui.clv.tier.share", ClvViewModel.TierRow::share, ClvFormat::share)));
        tiers.setFixedCellSize(34);
        tiers.setPrefHeight(34 * 3 + 40);
        tiers.setMaxHeight(34 * 3 + 40);
        tiers.setPlaceholder(new Label(I18n.tr("ui.clv.empty")));
        Label tiersTitle = cardTitle("ui.clv.tier.title");
        Label tiersHelp = new Label(I18n.tr("ui.clv.tier.help"));
        tiersHelp.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        tiersHelp.setWrapText(true);
        VBox box = new VBox(10, card(cardTitle("ui.clv.summary.title"), facts), card(tiersTitle, tiersHelp, tiers));
        box.setPadding(new Insets(10, 2, 10, 2));
        ScrollPane s = new ScrollPane(box);
        s.setFitToWidth(true);
        return s;
    }

    // ---- model

    private Node modelTab() {
        TableView<ClvViewModel.ParameterRow> t = new TableView<>(vm.parameters());
        t.setId("clvParametersTable");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().setAll(List.of(
                text("ui.clv.param.model", ClvViewModel.ParameterRow::model),
                text("ui.clv.param.name", ClvViewModel.ParameterRow::name),
                number("ui.clv.param.value", ClvViewModel.ParameterRow::value, ClvFormat::significant),
                number("ui.clv.param.se", ClvViewModel.ParameterRow::standardError, ClvFormat::significant)));
        t.setPlaceholder(new Label(I18n.tr("ui.clv.empty")));
        Label ll = new Label();
        ll.setId("clvFitSummary");
        ll.setWrapText(true);
        ll.textProperty().bind(vm.fitSummaryProperty());
        Label help = new Label(I18n.tr("ui.clv.param.help"));
        help.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        help.setWrapText(true);
        VBox box = new VBox(8, ll, t, help);
        VBox.setVgrow(t, Priority.ALWAYS);
        box.setPadding(new Insets(10, 2, 6, 2));
        return box;
    }

    // ---- RFM

    private Node segmentsTab() {
        TableView<Rfm.Segment> seg = new TableView<>(vm.segments());
        seg.setId("clvSegmentsTable");
        seg.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        seg.getColumns().setAll(List.of(
                text("ui.clv.rfm.segment", Rfm.Segment::name),
                number("ui.clv.rfm.customers", s -> (double) s.customers(), v -> ClvFormat.integer(Math.round(v))),
                number("ui.clv.rfm.customerShare", Rfm.Segment::customerShare, ClvFormat::share),
                number("ui.clv.rfm.revenue", Rfm.Segment::revenue, ClvFormat::money),
                number("ui.clv.rfm.revenueShare", Rfm.Segment::revenueShare, ClvFormat::share)));
        seg.setPlaceholder(new Label(I18n.tr("ui.clv.empty")));
        fitted(seg);

        TableView<RfmRule> rules = new TableView<>(vm.rules());
        rules.setId("clvRulesTable");
        rules.setEditable(true);
        rules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RfmRule, String> name = new TableColumn<>(I18n.tr("ui.clv.rfm.rule.name"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().displayName()));
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(e -> {
            RfmRule r = e.getRowValue();
            if (!vm.editRule(e.getTablePosition().getRow(), e.getNewValue(), r.rMin(), r.rMax(), r.fMin(), r.fMax(), r.mMin(), r.mMax())) rules.refresh();
        });
        name.setPrefWidth(160);
        rules.getColumns().add(name);
        String[] keys = {"ui.clv.rfm.rule.rMin", "ui.clv.rfm.rule.rMax", "ui.clv.rfm.rule.fMin", "ui.clv.rfm.rule.fMax", "ui.clv.rfm.rule.mMin", "ui.clv.rfm.rule.mMax"};
        for (int k = 0; k < 6; k++) {
            final int which = k;
            TableColumn<RfmRule, Integer> c = new TableColumn<>(I18n.tr(keys[k]));
            c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(bounds(x.getValue())[which]));
            c.setCellFactory(TextFieldTableCell.forTableColumn(new IntegerStringConverter() {
                @Override public Integer fromString(String s) {
                    try {
                        return super.fromString(s == null ? null : s.trim());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            }));
            c.setOnEditCommit(e -> {
                int[] b = bounds(e.getRowValue());
                if (e.getNewValue() == null) {
                    rules.refresh();
                    return;
                }
                b[which] = e.getNewValue();
                if (!vm.editRule(e.getTablePosition().getRow(), e.getRowValue().name(), b[0], b[1], b[2], b[3], b[4], b[5])) rules.refresh();
            });
            c.setPrefWidth(70);
            c.setStyle("-fx-alignment: CENTER;");
            rules.getColumns().add(c);
        }
        fitted(rules);
        Button reset = new Button(I18n.tr("ui.clv.rfm.reset"), Icons.icon(MaterialDesignA.ARROW_U_LEFT_TOP));
        reset.setId("clvResetRules");
        reset.getStyleClass().add(Styles.FLAT);
        reset.setOnAction(e -> vm.resetRules());
        Label help = new Label(I18n.tr("ui.clv.rfm.help"));
        help.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        help.setWrapText(true);
        HBox rulesHead = new HBox(8, cardTitle("ui.clv.rfm.rules"), new Region(), reset);
        HBox.setHgrow(rulesHead.getChildren().get(1), Priority.ALWAYS);
        rulesHead.setAlignment(Pos.CENTER_LEFT);
        VBox segCard = card(cardTitle("ui.clv.rfm.title"), seg);
        VBox rulesCard = card(rulesHead, help, rules);
        VBox.setVgrow(seg, Priority.ALWAYS);
        VBox.setVgrow(rules, Priority.ALWAYS);
        HBox box = new HBox(10, segCard, rulesCard);
        HBox.setHgrow(segCard, Priority.ALWAYS);
        HBox.setHgrow(rulesCard, Priority.ALWAYS);
        // the segments need room for revenue in the millions; the rules are seven short columns
        segCard.setPrefWidth(600);
        rulesCard.setPrefWidth(440);
        box.setPadding(new Insets(10, 2, 6, 2));
        return box;
    }

    private static int[] bounds(RfmRule r) {
        return new int[]{r.rMin(), r.rMax(), r.fMin(), r.fMax(), r.mMin(), r.mMax()};
    }

    // ---- customers

    private Node customersTab() {
        SortedList<Integer> sorted = new SortedList<>(vm.customerRows());
        TableView<Integer> t = new TableView<>(sorted);
        sorted.comparatorProperty().bind(t.comparatorProperty());
        t.setId("clvCustomersTable");
        t.setPlaceholder(new Label(I18n.tr("ui.clv.empty")));
        TableColumn<Integer, String> id = new TableColumn<>(I18n.tr("ui.clv.customer.id"));
        id.setCellValueFactory(c -> new ReadOnlyStringWrapper(summary() == null ? "" : summary().customerId(c.getValue())));
        id.setPrefWidth(110);
        t.getColumns().add(id);
        t.getColumns().add(perCustomer("ui.clv.customer.frequency", i -> (double) summary().frequency(i), v -> ClvFormat.integer(Math.round(v))));
        t.getColumns().add(perCustomer("ui.clv.customer.recency", i -> summary().recency(i), v -> ClvFormat.number(v, 1)));
        t.getColumns().add(perCustomer("ui.clv.customer.age", i -> summary().age(i), v -> ClvFormat.number(v, 1)));
        t.getColumns().add(perCustomer("ui.clv.customer.monetary", i -> summary().monetary(i), ClvFormat::money));
        t.getColumns().add(perCustomer("ui.clv.customer.expected", i -> scores().expectedPurchases()[i], v -> ClvFormat.number(v, 2)));
        t.getColumns().add(perCustomer("ui.clv.customer.alive", i -> scores().probabilityAlive()[i], ClvFormat::share));
        t.getColumns().add(perCustomer("ui.clv.customer.spend", i -> scores().hasClv() ? scores().expectedSpend()[i] : Double.NaN, ClvFormat::money));
        t.getColumns().add(perCustomer("ui.clv.customer.clv", i -> scores().hasClv() ? scores().clv()[i] : Double.NaN, ClvFormat::money));
        TableColumn<Integer, String> tier = new TableColumn<>(I18n.tr("ui.clv.customer.tier"));
        tier.setCellValueFactory(c -> new ReadOnlyStringWrapper(scores() == null ? "" : I18n.tr(scores().tiers()[c.getValue()].labelKey())));
        tier.setPrefWidth(110);
        TableColumn<Integer, String> segment = new TableColumn<>(I18n.tr("ui.clv.customer.segment"));
        segment.setCellValueFactory(c -> new ReadOnlyStringWrapper(result() == null ? "" : result().rfm().segmentName(c.getValue())));
        segment.setPrefWidth(130);
        t.getColumns().add(tier);
        t.getColumns().add(segment);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fitted(t);
        disposer.add(vm.outcomeProperty().subscribe(o -> {
            t.refresh();
            fitColumns(t);
        }));
        return t;
    }

    private ClvResult result() { return vm.result(); }

    private TransactionSummary summary() { return vm.result() == null ? null : vm.result().summary(); }

    private ClvScores scores() { return vm.result() == null ? null : vm.result().scores(); }

    private TableColumn<Integer, Number> perCustomer(String key, IntFunction<Double> value, Function<Double, String> fmt) {
        TableColumn<Integer, Number> c = new TableColumn<>(I18n.tr(key));
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(vm.result() == null || x.getValue() >= vm.result().summary().size()
                ? Double.NaN : value.apply(x.getValue())));
        c.setCellFactory(col -> numberCell(fmt));
        c.getProperties().put(FORMAT, fmt);
        c.setComparator((a, b) -> Double.compare(a.doubleValue(), b.doubleValue()));
        c.setPrefWidth(105);
        return c;
    }

    // ---- validation

    private Node validationTab() {
        calibrationChart.setId("clvCalibrationChart");
        calibrationChart.getXAxis().setLabel(I18n.tr("ui.clv.validation.xAxis"));
        calibrationChart.getYAxis().setLabel(I18n.tr("ui.clv.validation.yAxis"));
        calibrationChart.setAnimated(false);
        calibrationChart.setCreateSymbols(true);
        calibrationChart.setMinHeight(220);
        calibrationChart.setPrefHeight(266); // with the card title above: the whole tab still fits at 1600 × 1000

        Label sentence = new Label();
        sentence.setId("clvHoldoutSentence");
        sentence.setWrapText(true);
        sentence.getStyleClass().add("clv-sentence");
        sentence.textProperty().bind(vm.holdoutSentenceProperty());
        metricsGrid.setId("clvMetrics");
        metricsGrid.setHgap(18);
        metricsGrid.setVgap(4);
        Label noHoldout = new Label(I18n.tr("ui.clv.validation.noHoldout"));
        noHoldout.getStyleClass().add(Styles.TEXT_MUTED);
        noHoldout.setWrapText(true);
        noHoldout.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.result() != null && vm.result().holdout() == null, vm.outcomeProperty()));
        noHoldout.managedProperty().bind(noHoldout.visibleProperty());
        Label metricsHelp = new Label(I18n.tr("ui.clv.validation.metricsHelp"));
        metricsHelp.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        metricsHelp.setWrapText(true);
        VBox metrics = card(cardTitle("ui.clv.validation.metrics"), sentence, metricsGrid, metricsHelp, noHoldout);
        metrics.setMinWidth(360);
        metrics.setPrefWidth(380);
        // the chart's title as a card title like the other cards': the plot keeps the height for its y-axis label
        VBox chartCard = card(cardTitle("ui.clv.validation.chart"), calibrationChart);
        VBox.setVgrow(calibrationChart, Priority.ALWAYS);
        HBox top = new HBox(10, chartCard, metrics);
        HBox.setHgrow(chartCard, Priority.ALWAYS);

        expectedHeatmap.setId("clvExpectedHeatmap");
        aliveHeatmap.setId("clvAliveHeatmap");
        Label expTitle = cardTitle("ui.clv.heatmap.expected");
        expTitle.textProperty().bind(Bindings.createStringBinding(() -> vm.result() == null ? I18n.tr("ui.clv.heatmap.expected", "—")
                : I18n.tr("ui.clv.heatmap.expected", ClvFormat.number(vm.result().scores().horizonMonths(), 0)), vm.outcomeProperty()));
        VBox e = card(expTitle, expectedHeatmap);
        VBox a = card(cardTitle("ui.clv.heatmap.alive"), aliveHeatmap);
        VBox.setVgrow(expectedHeatmap, Priority.ALWAYS);
        VBox.setVgrow(aliveHeatmap, Priority.ALWAYS);
        HBox maps = new HBox(10, e, a);
        HBox.setHgrow(e, Priority.ALWAYS);
        HBox.setHgrow(a, Priority.ALWAYS);
        VBox box = new VBox(10, top, maps);
        box.setPadding(new Insets(10, 2, 10, 2));
        ScrollPane s = new ScrollPane(box);
        s.setFitToWidth(true);
        return s;
    }

    private void showCharts() {
        ClvViewModel.Outcome o = vm.outcomeProperty().get();
        calibrationChart.getData().clear();
        metricsGrid.getChildren().clear();
        if (o == null) {
            expectedHeatmap.setData(null, 0, null);
            aliveHeatmap.setData(null, 0, null);
            return;
        }
        String unit = I18n.tr("ui.clv.unit." + o.summaryOptions().unit().key()).toLowerCase(I18n.locale());
        expectedHeatmap.setData(o.expectedMatrix(), o.matrixAge(), unit);
        aliveHeatmap.setData(o.aliveMatrix(), o.matrixAge(), unit);
        Validation.Holdout h = o.result().holdout();
        if (h == null) return;
        XYChart.Series<String, Number> actual = new XYChart.Series<>();
        actual.setName(I18n.tr("ui.clv.validation.actual"));
        XYChart.Series<String, Number> predicted = new XYChart.Series<>();
        predicted.setName(I18n.tr("ui.clv.validation.predicted", I18n.tr(o.options().model().labelKey())));
        for (Validation.CalibrationHoldoutRow r : h.byFrequency()) {
            String x = r.andAbove() ? r.frequency() + "+" : Integer.toString(r.frequency());
            actual.getData().add(new XYChart.Data<>(x, r.actualMean()));
            predicted.getData().add(new XYChart.Data<>(x, r.predictedMean()));
        }
        calibrationChart.getData().setAll(List.of(actual, predicted));
        Validation.HoldoutMetrics m = h.metrics();
        metricsGrid.add(muted(""), 0, 0);
        metricsGrid.add(muted(I18n.tr("ui.clv.validation.model")), 1, 0);
        metricsGrid.add(muted(I18n.tr("ui.clv.validation.baseline")), 2, 0);
        metricsGrid.add(new Label(I18n.tr("ui.clv.validation.mae")), 0, 1);
        metricsGrid.add(value("clvMae", ClvFormat.number(m.mae(), 3)), 1, 1);
        metricsGrid.add(value("clvBaselineMae", ClvFormat.number(m.baselineMae(), 3)), 2, 1);
        metricsGrid.add(new Label(I18n.tr("ui.clv.validation.rmse")), 0, 2);
        metricsGrid.add(value("clvRmse", ClvFormat.number(m.rmse(), 3)), 1, 2);
        metricsGrid.add(value("clvBaselineRmse", ClvFormat.number(m.baselineRmse(), 3)), 2, 2);
        // predicted totals under "Model" and "Past rate", then the actual total on a row of its own to compare with
        metricsGrid.add(new Label(I18n.tr("ui.clv.validation.total")), 0, 3);
        metricsGrid.add(value("clvPredictedTotal", ClvFormat.number(m.predictedTotal(), 0)), 1, 3);
        metricsGrid.add(value("clvBaselineTotal", ClvFormat.number(m.baselineTotal(), 0)), 2, 3);
        metricsGrid.add(new Label(I18n.tr("ui.clv.validation.actualRow")), 0, 4);
        metricsGrid.add(value("clvActualTotal", ClvFormat.number(m.actualTotal(), 0)), 1, 4);
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return l;
    }

    private static Label value(String id, String s) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setId(id);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    // ---- helpers

    private static Label cardTitle(String key) {
        Label l = new Label(I18n.tr(key));
        l.getStyleClass().add("clv-card-title");
        return l;
    }

    /** Left and right padding of a header label and of a cell in the theme, plus the border (as in TableFit). */
    private static final double HEADER_PAD = 16, CELL_PAD = 17, MAX_PREF = 220;
    /** Rows measured for the widest cell: enough for the per-customer table's first screens. */
    private static final int FIT_ROWS = 300;
    private static final String FORMAT = "clv.format";

    /**
     * Headers that wrap onto two lines instead of ending in "…", and columns at least as wide as their longest
     * header word and their widest formatted cell ({@link TableFit#fit} would measure the raw numbers).
     */
    private static <S> void fitted(TableView<S> t) {
        for (TableColumn<S, ?> c : t.getColumns()) TableFit.wrapHeader(c);
        t.skinProperty().addListener((o, a, b) -> Platform.runLater(() -> fitColumns(t)));
        t.getItems().addListener((ListChangeListener<S>) ch -> fitColumns(t));
    }

    private static <S> void fitColumns(TableView<S> t) {
        Font header = null, cell = null;
        for (TableColumn<S, ?> c : t.getColumns()) {
            if (c.getGraphic() instanceof Label l && l.getScene() != null && l.getParent() instanceof Labeled outer) {
                outer.applyCss();
                l.applyCss();
                header = l.getFont();
                cell = Font.font(outer.getFont().getFamily(), FontWeight.NORMAL, outer.getFont().getSize());
                break;
            }
        }
        if (header == null) return; // not shown yet: fitted when the skin comes
        int rows = Math.min(FIT_ROWS, t.getItems().size());
        for (TableColumn<S, ?> c : t.getColumns()) {
            String title = TableFit.title(c);
            double word = 0;
            for (String w : title.trim().split("\\s+")) word = Math.max(word, textWidth(w, header));
            @SuppressWarnings("unchecked")
            Function<Double, String> fmt = (Function<Double, String>) c.getProperties().get(FORMAT);
            double cells = 0;
            for (int i = 0; i < rows; i++) {
                Object v = c.getCellData(i);
                if (v == null) continue;
                String text = fmt != null && v instanceof Number n ? fmt.apply(n.doubleValue()) : v.toString();
                cells = Math.max(cells, textWidth(text, cell));
            }
            double min = Math.ceil(Math.max(word + HEADER_PAD, cells + CELL_PAD));
            c.setMinWidth(min);
            c.setPrefWidth(Math.max(min, Math.min(MAX_PREF, Math.ceil(Math.max(textWidth(title, header) + HEADER_PAD, cells + CELL_PAD)))));
        }
        // a constrained policy shares the width out only when the table is resized: run it for the new widths
        if (t.getColumnResizePolicy() != TableView.UNCONSTRAINED_RESIZE_POLICY) {
            t.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(t, null, 0.0));
        }
    }

    private static final Text MEASURE = new Text();

    private static double textWidth(String s, Font f) {
        MEASURE.setFont(f);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    private static VBox card(Node... children) {
        VBox v = new VBox(8, children);
        v.getStyleClass().add("clv-card");
        return v;
    }

    private static <S> TableColumn<S, String> text(String key, Function<S, String> f) {
        TableColumn<S, String> c = new TableColumn<>(I18n.tr(key));
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        return c;
    }

    private static <S> TableColumn<S, Number> number(String key, Function<S, Double> f, Function<Double, String> fmt) {
        TableColumn<S, Number> c = new TableColumn<>(I18n.tr(key));
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue())));
        c.setCellFactory(col -> numberCell(fmt));
        c.getProperties().put(FORMAT, fmt);
        return c;
    }

    private static <S> TableCell<S, Number> numberCell(Function<Double, String> fmt) {
        TableCell<S, Number> cell = new TableCell<>() {
            @Override protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : fmt.apply(v.doubleValue()));
            }
        };
        cell.setAlignment(Pos.CENTER_RIGHT);
        return cell;
    }
}
