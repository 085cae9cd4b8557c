package io.segmenta.app.campaigns;

import atlantafx.base.theme.Styles;
import io.segmenta.app.ui.CheckPicker;
import io.segmenta.app.ui.Disposer;
import io.segmenta.app.ui.FilterCondition;
import io.segmenta.app.ui.Icons;
import io.segmenta.app.ui.TableFit;
import io.segmenta.core.campaign.AbMetric;
import io.segmenta.core.campaign.AbReport;
import io.segmenta.core.campaign.Allocation;
import io.segmenta.core.campaign.ExportOptions;
import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.util.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleGroup;
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
import javafx.util.converter.LongStringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Campaigns section: tabs to build a list (form on the left, live preview and funnel on the right, save),
 * export it to CSV, analyse A/B results and plan the next wave. Binds to {@link CampaignsViewModel} only.
 */
public final class CampaignsView {
    public static final String CSS = Objects.requireNonNull(CampaignsView.class.getResource("/io/segmenta/app/campaigns.css")).toExternalForm();
    private static final String NONE = "\u0000none";

    private final CampaignsViewModel vm;
    private final boolean dark;
    private final Disposer disposer = new Disposer();
    private final List<Object> keep = new ArrayList<>();
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final VBox filterRows = new VBox(6);
    private final FlowPane creativeFields = new FlowPane(6, 6);
    private final TableView<PreviewRow> previewTable = new TableView<>(); 
    private final VBox funnelBox = new VBox(4);
    private final AbChart chart;
    private final TableView<AbReport.ArmMetrics> armTable = new TableView<>();
    private final TableView<AbReport.ArmMetrics> segmentTable = new TableView<>();
    private final TableView<AbReport.ArmRate> ratesTable = new TableView<>();
    private final TableView<AbReport.Comparison> testsTable = new TableView<>();
    private final TableView<AbReport.BayesArm> bayesTable = new TableView<>();
    private final Label recommendation = new Label();
    private final ComboBox<AbMetric> metricChoice = new ComboBox<>();
    private final Label recommendationTitle = new Label();
    private final VBox recommendationBox = new VBox(4);

    public CampaignsView(CampaignsViewModel vm, boolean dark) {
        this.vm = vm;
        this.dark = dark;
        this.chart = new AbChart(dark);
        root.getStyleClass().add("campaigns-root");
        root.getStylesheets().add(CSS);
        root.setId("campaignsView");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("tabBuild", "ui.campaigns.tab.build", MaterialDesignA.ACCOUNT_MULTIPLE_CHECK_OUTLINE, buildTab()),
                tab("tabExport", "ui.campaigns.tab.export", MaterialDesignF.FILE_EXPORT_OUTLINE, exportTab()),
                tab("tabAb", "ui.campaigns.tab.ab", MaterialDesignC.CHART_BAR, abTab()),
                tab("tabPower", "ui.campaigns.tab.power", MaterialDesignC.CALCULATOR_VARIANT_OUTLINE, powerTab()));
        root.setCenter(tabs);
    }

    public Parent root() { return root; }

    public TabPane tabs() { return tabs; }

    public void dispose() { disposer.dispose(); }

    private static Tab tab(String id, String key, org.kordamp.ikonli.Ikon icon, Node content) {
        Tab t = new Tab(I18n.tr(key), content);
        t.setId(id);
        t.setGraphic(Icons.icon(icon, 16));
        return t;
    }

    // ================================================================ build tab

    private Node buildTab() {
        VBox form = new VBox(10);
        form.getStyleClass().add("campaigns-form");
        form.setPadding(new Insets(12));

        // source
        GridPane src = grid();
        ComboBox<String> ds = combo(vm.datasets(), vm.datasetProperty(), false, "campaignDataset");
        row(src, 0, "ui.campaigns.dataset", ds);
        row(src, 1, "ui.campaigns.idColumn", combo(vm.columns(), vm.idColumnProperty(), false, "campaignId"));
        row(src, 2, "ui.campaigns.segmentColumn", combo(vm.columns(), vm.segmentColumnProperty(), true, "campaignSegment"));

        // filters
        Button addFilter = new Button(I18n.tr("ui.campaigns.filter.add"), Icons.icon(MaterialDesignP.PLUS, 14));
        addFilter.setId("addFilterButton");
        addFilter.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        addFilter.setOnAction(e -> vm.addFilter());
        ListChangeListener<FilterCondition> onFilters = c -> {
            boolean structural = false;
            while (c.next()) structural |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
            if (structural) rebuildFilterRows();
        };
        vm.filters().addListener(onFilters);
        disposer.add(() -> vm.filters().removeListener(onFilters));
        rebuildFilterRows();
        GridPane targeting = grid();
        row(targeting, 0, "ui.campaigns.scoreColumn", combo(vm.numericColumns(), vm.scoreColumnProperty(), true, "scoreColumn"));
        row(targeting, 1, "ui.campaigns.minScore", text(vm.minScoreProperty(), "minScore", "0.5"));
        row(targeting, 2, "ui.campaigns.tierColumn", combo(vm.columns(), vm.tierColumnProperty(), true, "tierColumn"));
        row(targeting, 3, "ui.campaigns.tiers", tiersField());
        row(targeting, 4, "ui.campaigns.topN", text(vm.topNProperty(), "topN", "10000"));
        row(targeting, 5, "ui.campaigns.topBy", combo(vm.numericColumns(), vm.topByProperty(), true, "topBy"));

        // suppression
        ToggleGroup supGroup = new ToggleGroup();
        HBox supModes = new HBox(10);
        for (SuppressionMode m : SuppressionMode.values()) {
            RadioButton r = new RadioButton(I18n.tr(m.key()));
            r.setId("suppression-" + m.name().toLowerCase(java.util.Locale.ROOT));
            r.setToggleGroup(supGroup);
            r.setUserData(m);
            supModes.getChildren().add(r);
        }
        bindToggle(supGroup, vm.suppressionModeProperty());
        GridPane supTable = grid();
        row(supTable, 0, "ui.campaigns.suppression.dataset", combo(vm.datasets(), vm.suppressionDatasetProperty(), false, "suppressionDataset"));
        row(supTable, 1, "ui.campaigns.suppression.column", combo(vm.suppressionColumns(), vm.suppressionColumnProperty(), false, "suppressionColumn"));
        showWhen(supTable, vm.suppressionModeProperty(), SuppressionMode.DATASET);
        Button chooseCsv = new Button(I18n.tr("ui.campaigns.suppression.choose"), Icons.icon(MaterialDesignF.FILE_DOCUMENT_OUTLINE, 14));
        chooseCsv.setId("suppressionFileButton");
        chooseCsv.setOnAction(e -> vm.chooseSuppressionFile());
        showWhen(chooseCsv, vm.suppressionModeProperty(), SuppressionMode.FILE);
        Label supSummary = muted(new Label());
        supSummary.setId("suppressionSummary");
        supSummary.setWrapText(true);
        supSummary.textProperty().bind(vm.suppressionSummaryProperty());

        // sample and creatives
        GridPane sample = grid();
        Spinner<Integer> size = intSpinner(1, 10_000_000, vm.sampleSizeProperty(), 100, "sampleSize");
        row(sample, 0, "ui.campaigns.sampleSize", size);
        row(sample, 1, "ui.campaigns.creatives", intSpinner(1, 52, vm.creativeCountProperty(), 1, "creativeCount"));
        ListChangeListener<StringProperty> onCreatives = c -> {
            boolean structural = false;
            while (c.next()) structural |= c.wasAdded() || c.wasRemoved();
            if (structural) rebuildCreativeFields();
        };
        vm.creativeNames().addListener(onCreatives);
        disposer.add(() -> vm.creativeNames().removeListener(onCreatives));
        rebuildCreativeFields();
        ToggleGroup alloc = new ToggleGroup();
        RadioButton stratified = new RadioButton(I18n.tr("ui.campaigns.allocation.stratified"));
        stratified.setId("allocation-stratified");
        stratified.setUserData(Allocation.STRATIFIED);
        stratified.setTooltip(new Tooltip(I18n.tr("ui.campaigns.allocation.stratified.help")));
        RadioButton perSegment = new RadioButton(I18n.tr("ui.campaigns.allocation.perSegment"));
        perSegment.setId("allocation-per-segment");
        perSegment.setUserData(Allocation.PER_SEGMENT);
        perSegment.setTooltip(new Tooltip(I18n.tr("ui.campaigns.allocation.perSegment.help")));
        stratified.setToggleGroup(alloc);
        perSegment.setToggleGroup(alloc);
        bindToggle(alloc, vm.allocationProperty());
        GridPane more = grid();
        TextField holdout = text(vm.holdoutProperty(), "holdout", "10% / 200");
        holdout.setTooltip(new Tooltip(I18n.tr("ui.campaigns.holdout.help")));
        row(more, 0, "ui.campaigns.holdout", holdout);
        TextField seed = new TextField();
        seed.setId("seed");
        TextFormatter<Long> seedFormat = new TextFormatter<>(new LongStringConverter(), vm.seedProperty().get());
        seed.setTextFormatter(seedFormat);
        ObjectProperty<Long> seedObj = vm.seedProperty().asObject();
        keep.add(seedObj);
        seedFormat.valueProperty().bindBidirectional(seedObj);
        Button dice = new Button(null, Icons.icon(MaterialDesignD.DICE_5_OUTLINE, 16));
        dice.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dice.setTooltip(new Tooltip(I18n.tr("ui.campaigns.seed.new")));
        dice.setOnAction(e -> vm.seedProperty().set(new java.util.Random().nextInt(1_000_000)));
        HBox seedBox = new HBox(4, seed, dice);
        HBox.setHgrow(seed, Priority.ALWAYS);
        row(more, 1, "ui.campaigns.seed", seedBox);

        form.getChildren().addAll(
                heading("ui.campaigns.section.source"), src,
                heading("ui.campaigns.section.filters"), filterRows, addFilter, targeting,
                heading("ui.campaigns.section.suppression"), supModes, supTable, chooseCsv, supSummary,
                heading("ui.campaigns.section.sample"), sample, muted(new Label(I18n.tr("ui.campaigns.creativeNames"))), creativeFields,
                muted(new Label(I18n.tr("ui.campaigns.allocation"))), new VBox(4, stratified, perSegment), more);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("campaigns-form-scroll");
        scroll.setPrefWidth(380);
        scroll.setMinWidth(340);

        BorderPane b = new BorderPane();
        b.setLeft(scroll);
        b.setCenter(previewPanel());
        return b;
    }

    private Node previewPanel() {
        Label title = new Label(I18n.tr("ui.campaigns.preview.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.previewBusyProperty());
        Label summary = new Label();
        summary.setId("previewSummary");
        summary.getStyleClass().add("preview-summary");
        summary.textProperty().bind(vm.previewSummaryProperty());
        HBox head = new HBox(10, title, busy);
        head.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("previewError");
        error.setWrapText(true);
        error.getStyleClass().add("campaigns-error");
        error.setGraphic(Icons.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE, 18));
        error.textProperty().bind(vm.previewErrorProperty());
        error.visibleProperty().bind(vm.previewErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        error.setMaxWidth(Double.MAX_VALUE);
        Label warning = new Label();
        warning.setWrapText(true);
        warning.getStyleClass().add("campaigns-warning");
        warning.textProperty().bind(vm.previewWarningProperty());
        warning.visibleProperty().bind(vm.previewWarningProperty().isNotNull());
        warning.managedProperty().bind(warning.visibleProperty());
        warning.setMaxWidth(Double.MAX_VALUE);

        previewTable.setId("previewTable");
        previewTable.setItems(vm.previewRows());
        previewTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        previewTable.setPlaceholder(new Label(I18n.tr("ui.campaigns.preview.empty")));
        previewTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(PreviewRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("total"), item != null && item.totalRow());
            }
        });
        ListChangeListener<String> onCreatives = c -> rebuildPreviewColumns();
        vm.previewCreatives().addListener(onCreatives);
        disposer.add(() -> vm.previewCreatives().removeListener(onCreatives));
        rebuildPreviewColumns();
        previewTable.setPrefHeight(260);

        Label funnelTitle = new Label(I18n.tr("ui.campaigns.funnel.title"));
        funnelTitle.getStyleClass().add("card-title");
        funnelBox.setId("funnel");
        ListChangeListener<FunnelStep> onFunnel = c -> rebuildFunnel();
        vm.funnel().addListener(onFunnel);
        disposer.add(() -> vm.funnel().removeListener(onFunnel));
        VBox funnelCard = new VBox(6, funnelTitle, funnelBox);
        funnelCard.getStyleClass().add("campaigns-card");

        // save and saved lists
        TextField name = text(vm.campaignNameProperty(), "campaignName", I18n.tr("ui.campaigns.saved.namePrompt"));
        Button save = new Button(I18n.tr("ui.campaigns.save"), Icons.icon(MaterialDesignC.CONTENT_SAVE_OUTLINE, 16));
        save.setId("saveCampaignButton");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.previewProperty().isNull().or(vm.savingProperty()));
        save.setOnAction(e -> vm.save());
        Button export = new Button(I18n.tr("ui.campaigns.export.go"), Icons.icon(MaterialDesignF.FILE_EXPORT_OUTLINE, 16));
        export.disableProperty().bind(vm.previewProperty().isNull());
        export.setOnAction(e -> tabs.getSelectionModel().select(1));
        HBox saveRow = new HBox(8, name, save, export);
        HBox.setHgrow(name, Priority.ALWAYS);
        saveRow.setAlignment(Pos.CENTER_LEFT);

        TableView<SavedCampaign> savedTable = new TableView<>(vm.saved());
        savedTable.setId("savedTable");
        savedTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        savedTable.setPlaceholder(new Label(I18n.tr("ui.campaigns.saved.empty")));
        savedTable.getColumns().addAll(List.of(
                col("ui.campaigns.saved.name", SavedCampaign::name),
                col("ui.campaigns.dataset", SavedCampaign::dataset),
                col("ui.campaigns.saved.size", s -> CampaignsFormat.integer(s.size())),
                col("ui.campaigns.saved.creatives", s -> String.join(", ", s.list().definition().creativeNames())),
                col("ui.campaigns.saved.seed", s -> Long.toString(s.list().seed())),
                col("ui.campaigns.saved.created", s -> io.segmenta.app.ui.Formats.dateTime(s.createdAt()))));
        savedTable.setPrefHeight(120);
        Button open = new Button(I18n.tr("ui.campaigns.saved.open"), Icons.icon(MaterialDesignF.FOLDER_OPEN_OUTLINE, 14));
        open.setId("openCampaignButton");
        open.disableProperty().bind(savedTable.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> vm.open(savedTable.getSelectionModel().getSelectedItem()));
        savedTable.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && savedTable.getSelectionModel().getSelectedItem() != null) {
                vm.open(savedTable.getSelectionModel().getSelectedItem());
            }
        });
        Label savedTitle = new Label(I18n.tr("ui.campaigns.saved.title"));
        savedTitle.getStyleClass().add("card-title");
        HBox savedHead = new HBox(8, savedTitle, spacer(), open);
        savedHead.setAlignment(Pos.CENTER_LEFT);
        VBox savedCard = new VBox(6, saveRow, savedHead, savedTable);
        savedCard.getStyleClass().add("campaigns-card");

        VBox right = new VBox(10, head, summary, error, warning, previewTable, funnelCard, savedCard);
        VBox.setVgrow(previewTable, Priority.ALWAYS);
        right.setPadding(new Insets(12));
        right.getStyleClass().add("campaigns-main");
        return right;
    }

    private void rebuildPreviewColumns() {
        List<TableColumn<PreviewRow, String>> cols = new ArrayList<>();
        cols.add(col("ui.campaigns.preview.segment", PreviewRow::segment));
        cols.add(numCol(I18n.tr("ui.campaigns.preview.population"), r -> CampaignsFormat.integer(r.population())));
        for (int i = 0; i < vm.previewCreatives().size(); i++) {
            int k = i;
            cols.add(numCol(vm.previewCreatives().get(i), r -> CampaignsFormat.integer(r.creatives().get(k))));
        }
        cols.add(numCol(I18n.tr("ui.campaigns.preview.holdout"), r -> CampaignsFormat.integer(r.holdout())));
        cols.add(numCol(I18n.tr("ui.campaigns.preview.listTotal"), r -> CampaignsFormat.integer(r.total())));
        previewTable.getColumns().setAll(cols);
    }

    private void rebuildFunnel() {
        funnelBox.getChildren().clear();
        int max = vm.funnel().stream().mapToInt(FunnelStep::count).max().orElse(1);
        for (FunnelStep s : vm.funnel()) {
            Label l = new Label(s.label());
            l.setMinWidth(220);
            l.setPrefWidth(220);
            Region bar = new Region();
            bar.getStyleClass().add("funnel-bar");
            double share = max == 0 ? 0 : (double) s.count() / max;
            bar.setMinHeight(14);
            bar.setMaxHeight(14);
            StackPane track = new StackPane(bar);
            track.getStyleClass().add("funnel-track");
            StackPane.setAlignment(bar, Pos.CENTER_LEFT);
            bar.maxWidthProperty().bind(track.widthProperty().multiply(share));
            bar.prefWidthProperty().bind(bar.maxWidthProperty());
            HBox.setHgrow(track, Priority.ALWAYS);
            Label n = new Label(CampaignsFormat.integer(s.count()));
            n.setMinWidth(80);
            n.setAlignment(Pos.CENTER_RIGHT);
            n.getStyleClass().add("funnel-count");
            HBox row = new HBox(8, l, track, n);
            row.setAlignment(Pos.CENTER_LEFT);
            funnelBox.getChildren().add(row);
        }
    }

    private void rebuildFilterRows() {
        filterRows.getChildren().clear();
        for (FilterCondition f : vm.filters()) {
            ComboBox<String> c = combo(vm.columns(), f.columnProperty(), false, null);
            c.setPrefWidth(130);
            ComboBox<RowFilter.Operator> op = new ComboBox<>();
            op.getItems().setAll(RowFilter.Operator.values());
            op.setConverter(new StringConverter<>() {
                @Override public String toString(RowFilter.Operator o) { return o == null ? "" : o.display(); }

                @Override public RowFilter.Operator fromString(String s) { return null; }
            });
            op.valueProperty().bindBidirectional(f.operatorProperty());
            op.setPrefWidth(90);
            TextField v = new TextField();
            v.textProperty().bindBidirectional(f.valueProperty());
            v.disableProperty().bind(Bindings.createBooleanBinding(() -> f.operatorProperty().get() != null
                    && !f.operatorProperty().get().needsValue(), f.operatorProperty()));
            HBox.setHgrow(v, Priority.ALWAYS);
            Button remove = new Button(null, Icons.icon(MaterialDesignC.CLOSE, 14));
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            remove.setOnAction(e -> vm.removeFilter(f));
            HBox row = new HBox(4, c, op, v, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            filterRows.getChildren().add(row);
        }
    }

    private void rebuildCreativeFields() {
        creativeFields.getChildren().clear();
        for (int i = 0; i < vm.creativeNames().size(); i++) {
            TextField t = new TextField();
            t.setId("creative-" + i);
            t.setPrefColumnCount(6);
            t.textProperty().bindBidirectional(vm.creativeNames().get(i));
            creativeFields.getChildren().add(t);
        }
    }

    // ================================================================ export tab

    private Node exportTab() {
        VBox box = new VBox(10);
        box.setPadding(new Insets(16));
        box.setMaxWidth(760);
        FlowPane cols = new FlowPane(14, 8);
        for (ExportOptions.Column c : ExportOptions.Column.values()) {
            CheckBox cb = new CheckBox(I18n.tr("ui.campaigns.export.column." + c.key()));
            cb.setId("exportColumn-" + c.key());
            cb.selectedProperty().bindBidirectional(vm.exportColumnProperty(c));
            boolean required = c == ExportOptions.Column.ID || c == ExportOptions.Column.SEGMENT
                    || c == ExportOptions.Column.CREATIVE || c == ExportOptions.Column.GROUP;
            if (required) {
                vm.exportColumnProperty(c).set(true);
                cb.setDisable(true);
            }
            cols.getChildren().add(cb);
        }
        Label contacts = muted(new Label());
        contacts.setWrapText(true);
        contacts.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!vm.exportColumnProperty(ExportOptions.Column.CONTACT).get()) return I18n.tr("ui.campaigns.export.contactsOff");
            List<String> c = vm.exportContactColumns();
            if (vm.contactChoiceProperty().get() != null) {
                return c.isEmpty() ? I18n.tr("ui.campaigns.export.noContactsChosen") : I18n.tr("ui.campaigns.export.contactsChosen", String.join(", ", c));
            }
            return c.isEmpty() ? I18n.tr("ui.campaigns.export.noContacts") : I18n.tr("ui.campaigns.export.contacts", String.join(", ", c));
        }, vm.previewProperty(), vm.contactChoiceProperty(), vm.exportColumnProperty(ExportOptions.Column.CONTACT)));
        // which fields to copy: those found by name, changed by ticking the dataset's columns (CLI --contact)
        CheckPicker contactPicker = new CheckPicker("contactPicker", I18n.tr("ui.campaigns.export.contactPicker"),
                vm::contactCandidates, vm::exportContactColumns, vm.contactChoiceProperty()::set);
        contactPicker.node().disableProperty().bind(vm.exportColumnProperty(ExportOptions.Column.CONTACT).not());
        disposer.add(vm.previewProperty().subscribe(p -> contactPicker.refresh()));
        disposer.add(vm.contactChoiceProperty().subscribe(c -> { if (c == null) contactPicker.refresh(); }));

        ToggleGroup delim = new ToggleGroup();
        RadioButton comma = new RadioButton(I18n.tr("ui.campaigns.export.comma"));
        comma.setId("delimiterComma");
        comma.setUserData(',');
        RadioButton semi = new RadioButton(I18n.tr("ui.campaigns.export.semicolon"));
        semi.setId("delimiterSemicolon");
        semi.setUserData(';');
        comma.setToggleGroup(delim);
        semi.setToggleGroup(delim);
        bindToggle(delim, vm.delimiterProperty());
        CheckBox bom = new CheckBox(I18n.tr("ui.campaigns.export.bom"));
        bom.setId("bom");
        bom.selectedProperty().bindBidirectional(vm.bomProperty());
        GridPane g = grid();
        row(g, 0, "ui.campaigns.export.action", text(vm.actionProperty(), "exportAction", "send"));

        Button go = new Button(I18n.tr("ui.campaigns.export.go"), Icons.icon(MaterialDesignF.FILE_EXPORT_OUTLINE, 16));
        go.setId("exportButton");
        go.getStyleClass().add(Styles.ACCENT);
        go.disableProperty().bind(vm.previewProperty().isNull().or(vm.exportingProperty()));
        go.setOnAction(e -> vm.export());
        Label listInfo = muted(new Label());
        listInfo.textProperty().bind(Bindings.createStringBinding(() -> vm.getPreview() == null ? I18n.tr("ui.campaigns.error.noPreview")
                : vm.previewSummaryProperty().get(), vm.previewProperty(), vm.previewSummaryProperty()));
        listInfo.setWrapText(true);
        Label result = new Label();
        result.setId("exportSummary");
        result.setWrapText(true);
        result.getStyleClass().add("campaigns-success");
        result.textProperty().bind(vm.exportSummaryProperty());
        result.visibleProperty().bind(vm.exportSummaryProperty().isNotEmpty());
        Label safety = muted(new Label(I18n.tr("ui.campaigns.export.safety")));
        safety.setWrapText(true);

        box.getChildren().addAll(heading("ui.campaigns.export.columns"), cols, contacts, contactPicker.node(),
                heading("ui.campaigns.export.format"), new HBox(14, comma, semi), bom, g, safety,
                new HBox(10, go, listInfo), result);
        ScrollPane s = new ScrollPane(box);
        s.setFitToWidth(true);
        return s;
    }

    // ================================================================ A/B tab

    private Node abTab() {
        VBox form = new VBox(10);
        form.setPadding(new Insets(12));
        form.getStyleClass().add("campaigns-form");
        Button importCsv = new Button(I18n.tr("ui.campaigns.ab.import"), Icons.icon(MaterialDesignF.FILE_UPLOAD_OUTLINE, 16));
        importCsv.setId("importResultsButton");
        importCsv.setOnAction(e -> vm.importResults());
        GridPane srcGrid = grid();
        row(srcGrid, 0, "ui.campaigns.ab.projectDataset", combo(vm.datasets(), vm.resultsProjectDatasetProperty(), false, "resultsDataset"));
        Label source = muted(new Label());
        source.setWrapText(true);
        source.textProperty().bind(vm.resultsLabelProperty());

        ToggleGroup modes = new ToggleGroup();
        VBox modeBox = new VBox(4);
        for (AbMode m : AbMode.values()) {
            RadioButton r = new RadioButton(I18n.tr(m.key()));
            r.setId("abMode-" + m.name().toLowerCase(java.util.Locale.ROOT));
            r.setWrapText(true); // the long choices wrap in the narrow column instead of ending in "…"
            r.setUserData(m);
            r.setToggleGroup(modes);
            modeBox.getChildren().add(r);
        }
        bindToggle(modes, vm.abModeProperty());
        ObservableList<String> savedNames = javafx.collections.FXCollections.observableArrayList();
        Runnable fillSaved = () -> savedNames.setAll(vm.saved().stream().map(SavedCampaign::name).toList());
        ListChangeListener<SavedCampaign> onSaved = c -> fillSaved.run();
        vm.saved().addListener(onSaved);
        disposer.add(() -> vm.saved().removeListener(onSaved));
        fillSaved.run();
        GridPane joinGrid = grid();
        row(joinGrid, 0, "ui.campaigns.ab.joinList", combo(savedNames, vm.joinCampaignProperty(), false, "joinCampaign"));
        showWhen(joinGrid, vm.abModeProperty(), AbMode.JOIN_LIST);

        GridPane map = grid();
        int r = 0;
        for (ResultField f : ResultField.values()) {
            ComboBox<String> c = combo(vm.resultsColumns(), vm.mappingProperty(f), true, "map-" + f.name().toLowerCase(java.util.Locale.ROOT));
            Label l = row(map, r++, f.key(), c);
            ObservableValue<Boolean> relevant = Bindings.createBooleanBinding(() -> switch (vm.abModeProperty().get()) {
                case ARM_COLUMN -> f != ResultField.SENDS;
                case JOIN_LIST -> f != ResultField.SENDS && f != ResultField.ARM && f != ResultField.SEGMENT;
                case AGGREGATED -> f != ResultField.ID && f.ordinal() <= ResultField.REVENUE.ordinal();
            }, vm.abModeProperty());
            l.visibleProperty().bind(relevant);
            l.managedProperty().bind(relevant);
            c.visibleProperty().bind(relevant);
            c.managedProperty().bind(relevant);
        }
        GridPane opts = grid();
        ObservableList<String> armsWithAuto = vm.arms();
        row(opts, 0, "ui.campaigns.ab.control", combo(armsWithAuto, vm.controlProperty(), true, "controlArm"));
        row(opts, 1, "ui.campaigns.ab.cost", text(vm.costPerSendProperty(), "costPerSend", "0.05"));
        Button analyse = new Button(I18n.tr("ui.campaigns.ab.analyse"), Icons.icon(MaterialDesignC.CHART_BAR, 16));
        analyse.setId("analyseButton");
        analyse.getStyleClass().add(Styles.ACCENT);
        analyse.disableProperty().bind(vm.resultsDatasetProperty().isNull().or(vm.analysingProperty()));
        analyse.setOnAction(e -> vm.analyse());
        analyse.setMaxWidth(Double.MAX_VALUE);

        form.getChildren().addAll(heading("ui.campaigns.ab.section.source"), importCsv, srcGrid, source,
                heading("ui.campaigns.ab.section.mode"), modeBox, joinGrid,
                heading("ui.campaigns.ab.section.columns"), map,
                heading("ui.campaigns.ab.section.options"), opts, analyse);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("campaigns-form-scroll");
        scroll.setPrefWidth(360);
        scroll.setMinWidth(320);

        // results
        recommendationBox.setId("recommendation");
        recommendationBox.getStyleClass().add("recommendation");
        recommendationTitle.getStyleClass().add("recommendation-title");
        recommendation.setWrapText(true);
        recommendation.setId("recommendationText");
        recommendation.getStyleClass().add("recommendation-text");
        recommendationBox.getChildren().addAll(recommendationTitle, recommendation);
        Label abError = new Label();
        abError.setId("abError");
        abError.setWrapText(true);
        abError.getStyleClass().add("campaigns-error");
        abError.textProperty().bind(vm.abErrorProperty());
        abError.visibleProperty().bind(vm.abErrorProperty().isNotNull());
        abError.managedProperty().bind(abError.visibleProperty());
        abError.setMaxWidth(Double.MAX_VALUE);
        Label join = muted(new Label());
        join.textProperty().bind(vm.joinSummaryProperty());

        armTable.setId("armTable");
        armTable.getColumns().setAll(metricColumns(false));
        segmentTable.setId("segmentArmTable");
        segmentTable.getColumns().setAll(metricColumns(true));
        for (TableView<?> t : List.of(armTable, segmentTable, ratesTable, testsTable, bayesTable)) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            t.setPlaceholder(new Label(I18n.tr("ui.campaigns.ab.empty")));
        }
        armTable.setMinHeight(260);
        armTable.setPrefHeight(300); // five creatives under a two-line header without a scroll bar
        segmentTable.setMinHeight(260);
        segmentTable.setPrefHeight(260);

        ComboBox<AbMetric> metric = metricChoice;
        metric.setId("metricChoice");
        metric.getItems().setAll(AbMetric.values());
        metric.setConverter(new StringConverter<>() {
            @Override public String toString(AbMetric m) { return m == null ? "" : I18n.tr("ui.campaigns.ab.metric." + m.key()); }

            @Override public AbMetric fromString(String s) { return null; }
        });
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        ratesTable.setId("ratesTable");
        ratesTable.getColumns().setAll(List.of(
                col("ui.campaigns.ab.col.arm", AbReport.ArmRate::arm),
                numCol(I18n.tr("ui.campaigns.ab.col.successes"), x -> CampaignsFormat.integer(x.successes()) + " / " + CampaignsFormat.integer(x.trials())),
                numCol(I18n.tr("ui.campaigns.ab.col.rate"), x -> CampaignsFormat.rate(x.rate())),
                numCol(I18n.tr("ui.campaigns.ab.col.wilson"), x -> CampaignsFormat.rate(x.wilson().low()) + " – " + CampaignsFormat.rate(x.wilson().high()))));
        testsTable.setId("testsTable");
        testsTable.getColumns().setAll(List.of(
                col("ui.campaigns.ab.col.comparison", x -> x.arm() + " vs " + x.other()),
                numCol(I18n.tr("ui.campaigns.ab.col.difference"), x -> signed(x.test().difference())),
                numCol(I18n.tr("ui.campaigns.ab.col.diffCi"), x -> signed(x.test().differenceCi().low()) + " – " + signed(x.test().differenceCi().high())),
                numCol(I18n.tr("ui.campaigns.ab.col.z"), x -> CampaignsFormat.decimal(x.test().z(), 2)),
                numCol(I18n.tr("ui.campaigns.ab.col.p"), x -> CampaignsFormat.pValue(x.test().pValue())),
                numCol(I18n.tr("ui.campaigns.ab.col.holm"), x -> CampaignsFormat.pValue(x.holmP())),
                col("ui.campaigns.ab.col.significant", x -> I18n.tr(x.significant() ? "ui.campaigns.yes" : "ui.campaigns.no"))));
        bayesTable.setId("bayesTable");
        bayesTable.getColumns().setAll(List.of(
                col("ui.campaigns.ab.col.arm", AbReport.BayesArm::arm),
                numCol(I18n.tr("ui.campaigns.ab.col.posterior"), x -> CampaignsFormat.rate(x.posteriorMean())),
                numCol(I18n.tr("ui.campaigns.ab.col.credible"), x -> CampaignsFormat.rate(x.credible().low()) + " – " + CampaignsFormat.rate(x.credible().high())),
                numCol(I18n.tr("ui.campaigns.ab.col.pBest"), x -> CampaignsFormat.percent(x.probabilityBest(), CampaignsFormat.PROBABILITY_DIGITS)),
                numCol(I18n.tr("ui.campaigns.ab.col.loss"), x -> CampaignsFormat.rate(x.expectedLoss())),
                numCol(I18n.tr("ui.campaigns.ab.col.beatsControl"), x -> CampaignsFormat.percent(x.probabilityBeatsControl(), CampaignsFormat.PROBABILITY_DIGITS))));
        for (TableView<?> t : List.of(ratesTable, testsTable, bayesTable)) {
            t.setMinHeight(200);
            t.setPrefHeight(200);
        }
        for (TableView<?> t : List.of(armTable, segmentTable, ratesTable, testsTable, bayesTable)) wrapHeaders(t);
        chart.setPrefHeight(190);

        disposer.add(vm.reportProperty().subscribe(this::showReport));
        disposer.add(vm.metricProperty().subscribe(m -> showReport(vm.getReport())));

        Label freqTitle = cardTitle("ui.campaigns.ab.frequentist");
        Label bayesTitle = cardTitle("ui.campaigns.ab.bayesian");
        HBox metricRow = new HBox(8, cardTitle("ui.campaigns.ab.metric"), metric);
        metricRow.setAlignment(Pos.CENTER_LEFT);
        VBox statsRow = new VBox(10, card(freqTitle, ratesTable, testsTable), card(bayesTitle, chart, bayesTable));
        VBox results = new VBox(10, recommendationBox, abError, join,
                card(cardTitle("ui.campaigns.ab.perCreative"), armTable),
                card(cardTitle("ui.campaigns.ab.perSegment"), segmentTable),
                metricRow, statsRow);
        results.setPadding(new Insets(12));
        results.getStyleClass().add("campaigns-main");
        ScrollPane rs = new ScrollPane(results);
        rs.setFitToWidth(true);
        BorderPane b = new BorderPane();
        b.setLeft(scroll);
        b.setCenter(rs);
        return b;
    }

    private void showReport(AbReport r) {
        armTable.getItems().setAll(r == null ? List.of() : r.arms());
        segmentTable.getItems().setAll(r == null ? List.of() : r.segmentArms());
        AbReport.MetricResult m = vm.shownMetric();
        ratesTable.getItems().setAll(m == null ? List.of() : m.rates());
        testsTable.getItems().setAll(m == null ? List.of() : m.comparisons());
        bayesTable.getItems().setAll(m == null ? List.of() : m.bayes());
        showHoursColumns(r);
        for (TableView<?> t : List.of(armTable, segmentTable, ratesTable, testsTable, bayesTable)) TableFit.fit(t);
        metricChoice.setPromptText(m == null ? "" : I18n.tr("ui.campaigns.ab.metric." + m.metric().key()));
        chart.show(m, r == null ? null : r.recommendation().leader(), r == null ? null : r.options().control());
        recommendationBox.setVisible(r != null);
        recommendationBox.setManaged(r != null);
        recommendationBox.getStyleClass().removeAll("declare_winner", "keep_testing", "increase_sample", "winner_not_significant",
                "keep_control");
        if (r != null) {
            // a winner whose lead is not significant reads as a caution, not a success
            recommendationBox.getStyleClass().add(r.recommendation().winnerNotSignificant() ? "winner_not_significant"
                    : r.recommendation().decision().key());
            recommendationTitle.setText(I18n.tr("ui.campaigns.ab.recommendation"));
            recommendationTitle.setGraphic(Icons.icon(switch (r.recommendation().decision()) {
                case DECLARE_WINNER -> MaterialDesignC.CHECK_DECAGRAM_OUTLINE;
                case KEEP_TESTING -> MaterialDesignT_TIMER;
                case INCREASE_SAMPLE -> MaterialDesignA.ACCOUNT_MULTIPLE_PLUS_OUTLINE;
                case KEEP_CONTROL -> MaterialDesignA.ALERT_OUTLINE;
            }, 20));
            recommendation.setText(r.recommendation().message());
        }
    }

    private static final org.kordamp.ikonli.Ikon MaterialDesignT_TIMER = org.kordamp.ikonli.materialdesign2.MaterialDesignT.TIMER_SAND;

    private static String signedMoney(double d) {
        String s = CampaignsFormat.decimal(d, 2);
        return d > 0 && !s.equals(CampaignsFormat.decimal(0.0, 2)) ? "+" + s : s;
    }

    private static String signed(double d) {
        String s = CampaignsFormat.rate(d);
        return d > 0 && !s.equals(CampaignsFormat.rate(0.0)) ? "+" + s : s;
    }

    private List<TableColumn<AbReport.ArmMetrics, String>> metricColumns(boolean segment) {
        List<TableColumn<AbReport.ArmMetrics, String>> l = new ArrayList<>();
        if (segment) l.add(col("ui.campaigns.ab.col.segment", m -> m.counts().segment()));
        l.add(col("ui.campaigns.ab.col.arm", m -> m.counts().arm()));
        l.add(numCol(I18n.tr("ui.campaigns.ab.col.sends"), m -> CampaignsFormat.integer(m.counts().sends())));
        l.add(numCol(I18n.tr("ui.campaigns.ab.col.delivery"), m -> CampaignsFormat.rate(m.deliveryRate())));
        l.add(numCol(I18n.tr("ui.campaigns.ab.col.open"), m -> CampaignsFormat.rate(m.openRate())));
        l.add(numCol(I18n.tr("ui.campaigns.ab.col.ctr"), m -> CampaignsFormat.rate(m.ctr())));
        l.add(numCol(I18n.tr("ui.campaigns.ab.col.conversion"), m -> CampaignsFormat.rate(m.conversionRate())));
        l.add(numCol(I18n.tr("ui.campaigns.ab.col.revenue"), m -> m.counts().known().revenue() ? CampaignsFormat.decimal(m.counts().revenue(), 2) : CampaignsFormat.NONE));
        l.add(numCol(I18n.tr("ui.campaigns.ab.col.revenuePerSend"), m -> CampaignsFormat.decimal(m.revenuePerSend(), 2)));
        l.add(numCol(I18n.tr("ui.campaigns.ab.col.roi"), m -> CampaignsFormat.roi(m.roi())));
        if (!segment) {
            // the difference in revenue per send from the control, with its interval (one row per customer only)
            TableColumn<AbReport.ArmMetrics, String> vs = numCol(I18n.tr("ui.campaigns.ab.col.revenueVsControl"),
                    m -> m.incrementalRevenueInterval() == null ? CampaignsFormat.NONE
                    : I18n.tr("ui.campaigns.ab.revenueVsControl", signedMoney(m.incrementalRevenuePerSend()),
                    signedMoney(m.incrementalRevenueInterval().low()), signedMoney(m.incrementalRevenueInterval().high())));
            vs.setId("revenueVsControlColumn");
            l.add(vs);
        }
        if (!segment) {
            // one "Median hours to" header over three short ones: three long titles would not fit at 1600 px
            TableColumn<AbReport.ArmMetrics, String> hours = new TableColumn<>(I18n.tr("ui.campaigns.ab.col.hoursTo"));
            hours.setId("hoursColumns");
            hours.getColumns().setAll(List.of(
                    hoursCol("ui.campaigns.ab.col.hoursTo.open", "ui.campaigns.ab.col.hoursOpen", m -> m.counts().medianHoursToOpen()),
                    hoursCol("ui.campaigns.ab.col.hoursTo.click", "ui.campaigns.ab.col.hoursClick", m -> m.counts().medianHoursToClick()),
                    hoursCol("ui.campaigns.ab.col.hoursTo.purchase", "ui.campaigns.ab.col.hoursPurchase", m -> m.counts().medianHoursToPurchase())));
            hours.setSortable(false);
            l.add(hours);
        }
        return l;
    }

    private static TableColumn<AbReport.ArmMetrics, String> hoursCol(String shortKey, String fullKey,
                                                                     Function<AbReport.ArmMetrics, Double> f) {
        TableColumn<AbReport.ArmMetrics, String> c = numCol(I18n.tr(shortKey), m -> CampaignsFormat.decimal(f.apply(m), 1));
        c.getProperties().put("tooltip", I18n.tr(fullKey));
        return c;
    }

    private static boolean known(Double d) { return d != null && !d.isNaN(); }

    /** The median-hours columns only when the results have the timestamps they come from. */
    private void showHoursColumns(AbReport r) {
        boolean any = false;
        if (r != null) {
            for (AbReport.ArmMetrics m : r.arms()) {
                any |= known(m.counts().medianHoursToOpen()) || known(m.counts().medianHoursToClick())
                        || known(m.counts().medianHoursToPurchase());
            }
        }
        for (TableColumn<AbReport.ArmMetrics, ?> c : armTable.getColumns()) if ("hoursColumns".equals(c.getId())) c.setVisible(any);
        // revenue against the control only with a control and one row per customer
        boolean vs = r != null && r.arms().stream().anyMatch(m -> m.incrementalRevenueInterval() != null);
        for (TableColumn<AbReport.ArmMetrics, ?> c : armTable.getColumns()) if ("revenueVsControlColumn".equals(c.getId())) c.setVisible(vs);
    }

    // ================================================================ power tab

    private Node powerTab() {
        VBox box = new VBox(10);
        box.setPadding(new Insets(16));
        box.setMaxWidth(640);
        Label intro = muted(new Label(I18n.tr("ui.campaigns.power.intro")));
        intro.setWrapText(true);
        GridPane g = grid();
        row(g, 0, "ui.campaigns.power.baseline", text(vm.baselineProperty(), "powerBaseline", "2%"));
        row(g, 1, "ui.campaigns.power.mde", text(vm.mdeProperty(), "powerMde", "10%"));
        CheckBox rel = new CheckBox(I18n.tr("ui.campaigns.power.relative"));
        rel.setId("powerRelative");
        rel.selectedProperty().bindBidirectional(vm.mdeRelativeProperty());
        g.add(rel, 1, 2);
        row(g, 3, "ui.campaigns.power.confidence", text(vm.confidenceProperty(), "powerConfidence", "95%"));
        row(g, 4, "ui.campaigns.power.power", text(vm.powerProperty(), "powerPower", "80%"));
        row(g, 5, "ui.campaigns.power.arms", intSpinner(2, 52, vm.powerArmsProperty(), 1, "powerArms"));
        Label result = new Label();
        result.setId("powerSummary");
        result.setWrapText(true);
        result.getStyleClass().add("power-result");
        result.textProperty().bind(vm.powerSummaryProperty());
        box.getChildren().addAll(heading("ui.campaigns.power.title"), intro, g, result);
        ScrollPane s = new ScrollPane(box);
        s.setFitToWidth(true);
        return s;
    }

    // ================================================================ helpers

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        ColumnConstraints a = new ColumnConstraints();
        a.setMinWidth(110);
        a.setPrefWidth(130);
        ColumnConstraints b = new ColumnConstraints();
        b.setHgrow(Priority.ALWAYS);
        b.setFillWidth(true);
        g.getColumnConstraints().addAll(a, b);
        return g;
    }

    private static Label row(GridPane g, int r, String key, Node field) {
        Label l = new Label(I18n.tr(key));
        l.setWrapText(true);
        l.setLabelFor(field);
        if (field instanceof Region reg) reg.setMaxWidth(Double.MAX_VALUE);
        g.add(l, 0, r);
        g.add(field, 1, r);
        return l;
    }

    private static Label heading(String key) {
        Label l = new Label(I18n.tr(key));
        l.getStyleClass().add("campaigns-heading");
        l.setWrapText(true);
        return l;
    }

    private static Label cardTitle(String key) {
        Label l = new Label(I18n.tr(key));
        l.getStyleClass().add("card-title");
        return l;
    }

    private static VBox card(Node... children) {
        VBox v = new VBox(6, children);
        v.getStyleClass().add("campaigns-card");
        return v;
    }

    private static Label muted(Label l) {
        l.getStyleClass().addAll(Styles.TEXT_MUTED);
        return l;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /**
     * The tiers to keep: typed as a comma-separated list, or ticked in a menu of the tier column's values
     * (most frequent first), which is filled each time it opens.
     */
    private HBox tiersField() {
        TextField field = text(vm.tiersProperty(), "tiers", I18n.tr("ui.campaigns.tiers.prompt"));
        javafx.scene.control.MenuButton pick = new javafx.scene.control.MenuButton(I18n.tr("ui.campaigns.tiers.pick"));
        pick.setId("tiersPick");
        pick.getStyleClass().add(Styles.SMALL);
        pick.setTooltip(new Tooltip(I18n.tr("ui.campaigns.tiers.pick.tip")));
        pick.disableProperty().bind(vm.tierColumnProperty().isNull().or(vm.tierColumnProperty().isEqualTo(NONE)));
        pick.setOnShowing(e -> {
            List<String> chosen = vm.tierList();
            List<javafx.scene.control.MenuItem> items = new ArrayList<>();
            for (String v : vm.tierValues()) {
                javafx.scene.control.CheckMenuItem item = new javafx.scene.control.CheckMenuItem(v);
                item.setSelected(chosen.contains(v));
                item.setOnAction(a -> vm.toggleTier(v, item.isSelected()));
                items.add(item);
            }
            if (items.isEmpty()) {
                javafx.scene.control.MenuItem none = new javafx.scene.control.MenuItem(I18n.tr("ui.campaigns.tiers.pick.none"));
                none.setDisable(true);
                items.add(none);
            }
            pick.getItems().setAll(items);
        });
        pick.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        field.setPrefColumnCount(8);
        field.setMinWidth(60);
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox box = new HBox(6, field, pick);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private TextField text(StringProperty p, String id, String prompt) {
        TextField t = new TextField();
        if (id != null) t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private Spinner<Integer> intSpinner(int min, int max, javafx.beans.property.IntegerProperty p, int step, String id) {
        Spinner<Integer> s = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, p.get(), step);
        f.setConverter(new StringConverter<>() {
            @Override public String toString(Integer v) { return v == null ? "" : CampaignsFormat.integer(v); }

            @Override public Integer fromString(String s) {
                Double d = CampaignsFormat.parse(s == null ? "" : s.replaceAll("[\\s.,\u00a0\u202f]", ""));
                return d == null ? f.getValue() : (int) Math.max(min, Math.min(max, Math.round(d)));
            }
        });
        s.setValueFactory(f);
        s.setEditable(true);
        s.setId(id);
        ObjectProperty<Integer> obj = p.asObject();
        keep.add(obj);
        f.valueProperty().bindBidirectional(obj);
        s.focusedProperty().addListener((o, a, b) -> {
            if (!b) s.increment(0); // commit typed text
        });
        return s;
    }

    /** A combo box over {@code items} kept in step with {@code p}; with {@code optional} a "none" entry maps to null. */
    private ComboBox<String> combo(ObservableList<String> items, StringProperty p, boolean optional, String id) {
        ComboBox<String> c = new ComboBox<>();
        if (id != null) c.setId(id);
        Runnable fill = () -> {
            List<String> l = new ArrayList<>();
            if (optional) l.add(NONE);
            l.addAll(items);
            String keepValue = p.get();
            c.getItems().setAll(l);
            c.setValue(keepValue == null ? (optional ? NONE : null) : keepValue);
        };
        ListChangeListener<String> onItems = ch -> fill.run();
        items.addListener(onItems);
        disposer.add(() -> items.removeListener(onItems));
        fill.run();
        StringConverter<String> conv = new StringConverter<>() {
            @Override public String toString(String s) { return s == null ? "" : NONE.equals(s) ? I18n.tr("ui.campaigns.none") : s; }

            @Override public String fromString(String s) { return s; }
        };
        c.setConverter(conv);
        c.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? (optional ? I18n.tr("ui.campaigns.none") : "") : conv.toString(item));
            }
        });
        boolean[] syncing = {false};
        disposer.add(p.subscribe(v -> {
            if (syncing[0]) return;
            syncing[0] = true;
            c.setValue(v == null ? (optional ? NONE : null) : v);
            syncing[0] = false;
        }));
        c.valueProperty().addListener((o, a, b) -> {
            if (syncing[0]) return;
            syncing[0] = true;
            p.set(b == null || NONE.equals(b) ? null : b);
            syncing[0] = false;
        });
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    private <T> void bindToggle(ToggleGroup g, ObjectProperty<T> p) {
        disposer.add(p.subscribe(v -> g.getToggles().forEach(t -> t.setSelected(Objects.equals(t.getUserData(), v)))));
        g.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                @SuppressWarnings("unchecked") T v = (T) b.getUserData();
                p.set(v);
            } else if (a != null) {
                a.setSelected(true);
            }
        });
    }

    private <T> void showWhen(Node n, ObjectProperty<T> p, T value) {
        n.visibleProperty().bind(p.isEqualTo(value));
        n.managedProperty().bind(n.visibleProperty());
    }

    private static <S> TableColumn<S, String> col(String key, Function<S, String> f) {
        TableColumn<S, String> c = new TableColumn<>(I18n.tr(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue() == null ? "" : Objects.toString(f.apply(d.getValue()), "")));
        c.setSortable(false);
        return c;
    }

    private static <S> TableColumn<S, String> numCol(String title, Function<S, String> f) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue() == null ? "" : f.apply(d.getValue())));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setSortable(false);
        return c;
    }

    /** The A/B result tables: headers wrap onto two lines and columns are never narrower than their content. */
    private static void wrapHeaders(TableView<?> t) {
        for (TableColumn<?, ?> c : t.getColumns()) wrapHeaders(c);
    }

    private static void wrapHeaders(TableColumn<?, ?> c) {
        Object tip = c.getProperties().get("tooltip");
        TableFit.wrapHeader(c);
        if (tip instanceof String s && c.getGraphic() instanceof Label l) l.setTooltip(new javafx.scene.control.Tooltip(s));
        for (TableColumn<?, ?> child : c.getColumns()) wrapHeaders(child);
    }

    @SuppressWarnings("unused")
    private static final Class<?> ICONS = MaterialDesignE.class;
}
