package io.segmenta.app.explore;

import io.segmenta.app.ui.FilterCondition;
import atlantafx.base.theme.Styles;
import io.segmenta.app.ui.Disposer;
import io.segmenta.app.ui.Icons;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.eda.BarChart;
import io.segmenta.core.eda.BoxPlot;
import io.segmenta.core.eda.ColumnProfile;
import io.segmenta.core.eda.CorrelationMatrix;
import io.segmenta.core.eda.DatasetProfile;
import io.segmenta.core.eda.Flag;
import io.segmenta.core.eda.Histogram;
import io.segmenta.core.eda.MissingOverview;
import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.eda.Scatter;
import io.segmenta.core.eda.TargetRate;
import io.segmenta.core.eda.TopValue;
import io.segmenta.core.util.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Explore section: dataset and target choosers, the row filter editor, the column profile table and
 * the charts, each exportable as PNG and copyable as CSV. It only binds to {@link ExploreViewModel};
 * {@link #dispose()} removes its listeners from it.
 */
public final class ExploreView {
    /** The stylesheet of this view. */
    public static final String CSS = Objects.requireNonNull(ExploreView.class.getResource("/io/segmenta/app/explore.css"))
            .toExternalForm();

    /** How the view saves pictures and copies text; replaced in tests (no native file chooser headless). */
    public interface ExportIo {
        /** The file to write a PNG to, or empty when the user cancelled. */
        Optional<Path> choosePng(Window owner, String suggestedName);

        /** Puts text on the clipboard. */
        void copyText(String text);

        /** The file chooser and the system clipboard. */
        static ExportIo fx() {
            return new ExportIo() {
                @Override
                public Optional<Path> choosePng(Window owner, String suggestedName) {
                    FileChooser fc = new FileChooser();
                    fc.setTitle(I18n.tr("ui.explore.export.pngTitle"));
                    fc.setInitialFileName(suggestedName);
                    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.tr("ui.explore.export.pngFiles"), "*.png"));
                    File f = fc.showSaveDialog(owner);
                    if (f == null) return Optional.empty();
                    Path p = f.toPath();
                    return Optional.of(p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")
                            ? p : p.resolveSibling(p.getFileName() + ".png"));
                }

                @Override
                public void copyText(String text) {
                    ClipboardContent c = new ClipboardContent();
                    c.putString(text);
                    Clipboard.getSystemClipboard().setContent(c);
                }
            };
        }
    }

    private final ExploreViewModel vm;
    private final boolean dark;
    private final ExportIo exportIo;
    private final Disposer disposer = new Disposer();
    private final VBox root = new VBox();
    private final TabPane tabs = new TabPane();
    private final Map<ExploreTab, Node> exportNodes = new EnumMap<>(ExploreTab.class);
    private final Map<ExploreTab, ChartCanvas> charts = new EnumMap<>(ExploreTab.class);
    private final List<Object> strongRefs = new ArrayList<>(); // keeps bidirectionally bound wrappers alive
    private TableView<ColumnProfile> profileTable;

    public ExploreView(ExploreViewModel vm, boolean dark) { this(vm, dark, ExportIo.fx()); }

    public ExploreView(ExploreViewModel vm, boolean dark, ExportIo io) {
        this.vm = vm;
        this.dark = dark;
        this.exportIo = io;
        build();
    }

    public Parent root() { return root; }

    public TabPane tabs() { return tabs; }

    TableView<ColumnProfile> profileTable() { return profileTable; }

    ChartCanvas chart(ExploreTab t) { return charts.get(t); }

    public void dispose() { disposer.dispose(); }

    private void build() {
        root.getStyleClass().add("explore");
        root.getStylesheets().add(CSS);
        Label title = new Label(I18n.tr("ui.explore.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label subtitle = new Label(I18n.tr("ui.explore.subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(2, title, subtitle);

        VBox filterRows = new VBox(6);
        filterRows.setId("exploreFilterRows");
        Runnable rebuildRows = () -> {
            filterRows.getChildren().clear();
            for (int i = 0; i < vm.conditions().size(); i++) filterRows.getChildren().add(conditionRow(vm.conditions().get(i), i));
            filterRows.setVisible(!vm.conditions().isEmpty());
            filterRows.setManaged(!vm.conditions().isEmpty());
        };
        ListChangeListener<FilterCondition> onConditions = c -> {
            boolean structural = false;
            while (c.next()) structural |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
            if (structural) rebuildRows.run();
        };
        vm.conditions().addListener(onConditions);
        disposer.add(() -> vm.conditions().removeListener(onConditions));
        rebuildRows.run();

        VBox top = new VBox(12, header, toolbar(), filterRows);
        top.getStyleClass().add("explore-header");

        tabs.setId("exploreTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("explore-tabs");
        for (ExploreTab t : ExploreTab.values()) {
            Tab tab = new Tab(I18n.tr(t.key()), switch (t) {
                case PROFILES -> profilesPane();
                case HISTOGRAM -> histogramPane();
                case BOX_PLOT -> boxPlotPane();
                case BAR_CHART -> barChartPane();
                case SCATTER -> scatterPane();
                case CORRELATION -> correlationPane();
                case TARGET -> targetPane();
                case MISSING -> missingPane();
            });
            tab.setId("tab-" + t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            tab.setUserData(t);
            tabs.getTabs().add(tab);
        }
        disposer.add(vm.tabProperty().subscribe(t -> {
            for (Tab tab : tabs.getTabs()) if (tab.getUserData() == t) tabs.getSelectionModel().select(tab);
        }));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.tabProperty().set((ExploreTab) b.getUserData());
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().addAll(top, tabs);
    }

    // ---- toolbar and filter

    private Node toolbar() {
        ComboBox<String> dataset = new ComboBox<>();
        dataset.setId("exploreDataset");
        dataset.setItems(vm.datasets());
        dataset.valueProperty().bindBidirectional(vm.selectedDatasetProperty());
        dataset.setPrefWidth(190);
        Label datasetLabel = new Label(I18n.tr("ui.explore.dataset"), Icons.icon(MaterialDesignF.FILE_TABLE_OUTLINE));

        ComboBox<String> target = columnCombo(vm.targetColumns(), vm.targetProperty(), true, "exploreTarget",
                I18n.tr("ui.explore.target.none"));
        target.setPrefWidth(190);
        Label targetLabel = new Label(I18n.tr("ui.explore.target"), Icons.icon(MaterialDesignC.CROSSHAIRS_GPS));
        Tooltip.install(targetLabel, new Tooltip(I18n.tr("ui.explore.target.tip")));
        target.setTooltip(new Tooltip(I18n.tr("ui.explore.target.tip")));

        Label kept = new Label();
        kept.setId("exploreKept");
        kept.getStyleClass().add("kept-rows");
        kept.textProperty().bind(Bindings.createStringBinding(() -> {
            Integer k = vm.keptRowsProperty().get();
            int total = vm.totalRowsBinding().get();
            if (vm.datasetProperty().get() == null) return "";
            if (k == null) return I18n.tr("ui.explore.kept.counting");
            if (vm.filterProperty().get().isEmpty()) return I18n.tr("ui.explore.kept.all", Fmt.integer(total));
            return I18n.tr("ui.explore.kept.some", Fmt.integer(k), Fmt.integer(total), Fmt.percent(total == 0 ? 0 : (double) k / total));
        }, vm.keptRowsProperty(), vm.totalRowsBinding(), vm.filterProperty(), vm.datasetProperty()));
        kept.setGraphic(Icons.icon(MaterialDesignF.FILTER_OUTLINE));

        Button add = new Button(I18n.tr("ui.explore.filter.add"), Icons.icon(MaterialDesignP.PLUS));
        add.setId("exploreAddCondition");
        add.getStyleClass().add(Styles.BUTTON_OUTLINED);
        add.setOnAction(e -> vm.addCondition());
        add.disableProperty().bind(vm.datasetProperty().isNull());
        Button clear = new Button(I18n.tr("ui.explore.filter.clear"));
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> vm.clearConditions());
        clear.visibleProperty().bind(Bindings.isNotEmpty(vm.conditions()));
        clear.managedProperty().bind(clear.visibleProperty());

        Label filterError = new Label();
        filterError.setId("exploreFilterError");
        filterError.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        filterError.textProperty().bind(vm.filterErrorProperty());
        filterError.visibleProperty().bind(vm.filterErrorProperty().isNotNull());
        filterError.managedProperty().bind(filterError.visibleProperty());
        filterError.setWrapText(true);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // which of the target's values counts as positive (CLI profile --positive); shown for few-valued targets
        // "" stands for automatic, so that a chosen value can be taken back
        javafx.collections.ObservableList<String> positiveItems = javafx.collections.FXCollections.observableArrayList();
        Runnable fillPositive = () -> {
            List<String> items = new java.util.ArrayList<>();
            items.add("");
            items.addAll(vm.positiveValues());
            positiveItems.setAll(items);
        };
        vm.positiveValues().addListener((javafx.collections.ListChangeListener<String>) c -> fillPositive.run());
        fillPositive.run();
        ComboBox<String> positive = new ComboBox<>(positiveItems);
        positive.setId("explorePositive");
        positive.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(String v) {
                return v == null || v.isEmpty() ? I18n.tr("ui.explore.positive.auto") : I18n.tr("ui.explore.positive.value", v);
            }

            @Override public String fromString(String t) { return t; }
        });
        positive.setValue("");
        positive.valueProperty().addListener((o, a, b) -> vm.positiveProperty().set(b == null || b.isEmpty() ? null : b));
        disposer.add(vm.positiveProperty().subscribe(p -> {
            String want = p == null ? "" : p;
            if (!want.equals(positive.getValue())) positive.setValue(want);
        }));
        positive.setTooltip(new Tooltip(I18n.tr("ui.explore.positive.tip")));
        positive.setMinWidth(Region.USE_PREF_SIZE);
        positive.setPrefWidth(200);
        positive.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.positiveValues()));
        positive.managedProperty().bind(positive.visibleProperty());
        HBox bar = new HBox(10, datasetLabel, dataset, new Separator(javafx.geometry.Orientation.VERTICAL), targetLabel, target,
                positive, spacer, kept, add, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("explore-toolbar");
        return new VBox(6, bar, filterError);
    }

    private Node conditionRow(FilterCondition c, int index) {
        Label join = new Label(I18n.tr(index == 0 ? "ui.explore.filter.where" : "ui.explore.filter.and"));
        join.getStyleClass().addAll(Styles.TEXT_MUTED, "filter-join");
        join.setMinWidth(60);
        ComboBox<String> column = columnCombo(vm.columns(), c.columnProperty(), false, null, null);
        column.setPrefWidth(200);
        ComboBox<RowFilter.Operator> op = new ComboBox<>(FXCollections.observableArrayList(RowFilter.Operator.values()));
        op.setConverter(new StringConverter<>() {
            @Override public String toString(RowFilter.Operator o) { return o == null ? "" : operatorText(o); }

            @Override public RowFilter.Operator fromString(String s) { return null; }
        });
        op.valueProperty().bindBidirectional(c.operatorProperty());
        op.setPrefWidth(150);
        TextField value = new TextField();
        value.textProperty().bindBidirectional(c.valueProperty());
        value.setPrefColumnCount(16);
        value.disableProperty().bind(Bindings.createBooleanBinding(
                () -> c.operatorProperty().get() != null && !c.operatorProperty().get().needsValue(), c.operatorProperty()));
        value.promptTextProperty().bind(Bindings.createStringBinding(() -> c.operatorProperty().get() == RowFilter.Operator.IN
                ? I18n.tr("ui.explore.filter.valuesPrompt") : I18n.tr("ui.explore.filter.valuePrompt"), c.operatorProperty()));
        Label error = new Label(null, Icons.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        error.getStyleClass().add(Styles.DANGER);
        error.visibleProperty().bind(c.errorProperty().isNotNull());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(c.errorProperty());
        error.setTooltip(tip);
        Button remove = new Button(null, Icons.icon(MaterialDesignC.CLOSE));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        remove.setTooltip(new Tooltip(I18n.tr("ui.explore.filter.remove")));
        remove.setOnAction(e -> vm.removeCondition(c));
        HBox row = new HBox(8, join, column, op, value, remove, error);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("filter-row");
        return row;
    }

    private static String operatorText(RowFilter.Operator o) {
        return switch (o) {
            case EQ, NE, LT, LE, GT, GE -> o.display() + "  " + I18n.tr("ui.explore.op." + o.name().toLowerCase(java.util.Locale.ROOT));
            default -> I18n.tr("ui.explore.op." + o.name().toLowerCase(java.util.Locale.ROOT));
        };
    }

    /**
     * A column chooser bound to {@code prop}; with {@code none} it offers an empty choice meaning "no column"
     * (null in the view model). Its items mirror {@code source} so a dataset switch never writes a stray
     * null back.
     */
    private ComboBox<String> columnCombo(ObservableList<String> source, StringProperty prop, boolean none, String id,
                                         String noneText) {
        ObservableList<String> items = FXCollections.observableArrayList();
        ComboBox<String> combo = new ComboBox<>(items);
        if (id != null) combo.setId(id);
        boolean[] syncing = {false};
        Runnable fill = () -> {
            syncing[0] = true;
            List<String> l = new ArrayList<>();
            if (none) l.add("");
            l.addAll(source);
            items.setAll(l);
            combo.setValue(prop.get() == null ? (none ? "" : null) : prop.get());
            syncing[0] = false;
        };
        ListChangeListener<String> onSource = c -> fill.run();
        source.addListener(onSource);
        disposer.add(() -> source.removeListener(onSource));
        fill.run();
        disposer.add(prop.subscribe((a, b) -> {
            syncing[0] = true;
            combo.setValue(b == null ? (none ? "" : null) : b);
            syncing[0] = false;
        }));
        combo.valueProperty().addListener((o, a, b) -> {
            if (syncing[0]) return;
            prop.set(b == null || b.isEmpty() ? null : b);
        });
        String noneLabel = noneText != null ? noneText : I18n.tr("ui.explore.none");
        Function<String, ListCell<String>> cell = x -> new ListCell<>() {
            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) { setText(null); setGraphic(null); return; }
                if (s.isEmpty()) { setText(noneLabel); setGraphic(null); getStyleClass().add("none-choice"); return; }
                getStyleClass().remove("none-choice");
                setText(s);
                ColumnType t = vm.typeOf(s);
                setGraphic(t == null ? null : Icons.icon(Icons.forType(t)));
            }
        };
        combo.setCellFactory(lv -> cell.apply(null));
        combo.setButtonCell(cell.apply(null));
        combo.setVisibleRowCount(14);
        return combo;
    }

    // ---- shared chart frame

    private BorderPane chartFrame(ExploreTab t, Node controls, Node content, Label caption) {
        Button copy = new Button(I18n.tr("ui.explore.export.copyCsv"), Icons.icon(MaterialDesignC.CONTENT_COPY));
        copy.setId("copyCsv-" + idOf(t));
        copy.getStyleClass().add(Styles.FLAT);
        copy.setTooltip(new Tooltip(I18n.tr("ui.explore.export.copyCsvTip")));
        copy.setOnAction(e -> vm.copyCsv(t, exportIo::copyText));
        Button png = new Button(I18n.tr("ui.explore.export.png"), Icons.icon(MaterialDesignI.IMAGE_OUTLINE));
        png.setId("savePng-" + idOf(t));
        png.getStyleClass().add(Styles.FLAT);
        png.setOnAction(e -> savePng(t));
        copy.setMinWidth(Region.USE_PREF_SIZE);
        png.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, controls, spacer, copy, png);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("chart-controls");

        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty(t));
        busy.setMouseTransparent(true);
        StackPane.setAlignment(busy, Pos.TOP_RIGHT);
        StackPane.setMargin(busy, new Insets(10));
        Label error = new Label();
        error.getStyleClass().addAll(Styles.DANGER, "chart-error");
        error.setWrapText(true);
        error.setMaxWidth(520);
        error.textProperty().bind(vm.errorProperty(t));
        error.visibleProperty().bind(vm.errorProperty(t).isNotNull());
        error.setGraphic(Icons.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        content.getStyleClass().add("chart-card");
        exportNodes.put(t, content);
        StackPane center = new StackPane(content, error, busy);
        caption.getStyleClass().addAll(Styles.TEXT_MUTED, "chart-caption");
        caption.setId("caption-" + idOf(t));
        caption.setWrapText(true);
        copy.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.result(t) == null, vm.busyProperty(t)));
        png.disableProperty().bind(copy.disableProperty());
        BorderPane pane = new BorderPane(center, bar, null, caption, null);
        pane.getStyleClass().add("chart-pane");
        return pane;
    }

    private static String idOf(ExploreTab t) { return t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

    private void savePng(ExploreTab t) {
        Node node = exportNodes.get(t);
        Window owner = root.getScene() == null ? null : root.getScene().getWindow();
        Optional<Path> target = exportIo.choosePng(owner, vm.suggestedFileName(t));
        if (target.isEmpty()) return;
        ChartCanvas c = charts.get(t);
        if (c != null) c.hideTip();
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(dark ? Color.web("#161b22") : Color.WHITE);
        WritableImage img = node.snapshot(params, null);
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        vm.savePng(target.get(), w, h, argb);
    }

    private static Label caption() { return new Label(); }

    private static Label label(String key) {
        Label l = new Label(I18n.tr(key));
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    // ---- profiles

    private Node profilesPane() {
        TableView<ColumnProfile> table = new TableView<>();
        profileTable = table;
        table.setId("profileTable");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, "profile-table");
        table.setPlaceholder(new Label(I18n.tr("ui.explore.profile.empty")));
        TableColumn<ColumnProfile, ColumnProfile> name = col("ui.explore.col.name", p -> p, 170);
        name.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(ColumnProfile p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) { setText(null); setGraphic(null); return; }
                setText(p.name());
                setGraphic(Icons.icon(Icons.forType(p.type())));
                getStyleClass().add(Styles.TEXT_BOLD);
            }
        });
        name.setComparator(java.util.Comparator.comparing(ColumnProfile::name));
        TableColumn<ColumnProfile, String> type = col("ui.explore.col.type", p -> Icons.typeName(p.type()), 140);
        TableColumn<ColumnProfile, ColumnProfile> flags = col("ui.explore.col.flags", p -> p, 240);
        flags.setSortable(false);
        flags.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(ColumnProfile p, boolean empty) {
                super.updateItem(p, empty);
                setText(null);
                setGraphic(empty || p == null || p.flags().isEmpty() ? null : chips(p));
            }
        });
        table.getColumns().addAll(List.of(name, type, flags,
                intCol("ui.explore.col.count", p -> (long) p.count()),
                intCol("ui.explore.col.missing", p -> (long) p.missing()),
                pctCol("ui.explore.col.missingShare", ColumnProfile::missingShare),
                intCol("ui.explore.col.distinct", p -> (long) p.distinct()),
                statCol("ui.explore.col.mean", ColumnProfile::mean, true),
                statCol("ui.explore.col.std", ColumnProfile::std, false),
                statCol("ui.explore.col.min", ColumnProfile::min, true),
                statCol("ui.explore.col.p5", ColumnProfile::p5, true),
                statCol("ui.explore.col.p25", ColumnProfile::p25, true),
                statCol("ui.explore.col.median", ColumnProfile::median, true),
                statCol("ui.explore.col.p75", ColumnProfile::p75, true),
                statCol("ui.explore.col.p95", ColumnProfile::p95, true),
                statCol("ui.explore.col.max", ColumnProfile::max, true),
                statCol("ui.explore.col.skewness", ColumnProfile::skewness, false),
                pctCol("ui.explore.col.zeros", p -> p.zeros() == null ? Double.NaN : p.zeros()),
                topCol()));
        table.setRowFactory(tv -> {
            TableRow<ColumnProfile> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) vm.showColumn(row.getItem().name());
            });
            return row;
        });
        Label summary = new Label();
        summary.setId("profileSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        disposer.add(vm.profileProperty().subscribe(p -> {
            table.getItems().setAll(p == null ? List.of() : p.columns());
            summary.setText(p == null ? "" : summaryOf(p));
        }));
        Label hint = caption();
        hint.setText(I18n.tr("ui.explore.profile.hint"));
        hint.setGraphic(Icons.icon(MaterialDesignI.INFORMATION_OUTLINE));
        HBox controls = new HBox(14, summary);
        controls.setAlignment(Pos.CENTER_LEFT);
        return chartFrame(ExploreTab.PROFILES, controls, table, hint);
    }

    private String summaryOf(DatasetProfile p) {
        long flagged = p.columns().stream().filter(c -> !c.flags().isEmpty()).count();
        String s = I18n.tr("ui.explore.profile.summary", Fmt.integer(p.columns().size()), Fmt.integer(p.rowsKept()),
                Fmt.integer(flagged));
        if (p.target() != null) {
            long leaks = p.columns().stream().filter(c -> c.hasFlag(Flag.Kind.LEAKAGE)).count();
            s += " · " + I18n.tr("ui.explore.profile.leaks", p.target().column(), Fmt.integer(leaks));
        }
        return s;
    }

    private Node chips(ColumnProfile p) {
        HBox box = new HBox(4);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Flag f : p.flags()) {
            String text = I18n.tr("ui.explore.flag." + f.kind().key());
            if (f.kind() == Flag.Kind.SKEWED && f.key().endsWith(".log")) text = I18n.tr("ui.explore.flag.skewedLog");
            Label chip = new Label(text);
            chip.getStyleClass().addAll("flag-chip", "flag-" + f.kind().key().replace('_', '-'));
            Tooltip tip = new Tooltip(f.message());
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            tip.setShowDelay(Duration.millis(200));
            chip.setTooltip(tip);
            box.getChildren().add(chip);
        }
        return box;
    }

    private static <S, T> TableColumn<S, T> col(String key, Function<S, T> value, double width) {
        TableColumn<S, T> c = new TableColumn<>(I18n.tr(key));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<ColumnProfile, Long> intCol(String key, Function<ColumnProfile, Long> f) {
        TableColumn<ColumnProfile, Long> c = col(key, f, 84);
        c.setCellFactory(x -> numericCell(v -> Fmt.integer(v)));
        c.getStyleClass().add("numeric-column");
        return c;
    }

    private static TableColumn<ColumnProfile, Double> pctCol(String key, Function<ColumnProfile, Double> f) {
        TableColumn<ColumnProfile, Double> c = col(key, f, 96);
        c.setCellFactory(x -> numericCell(v -> Double.isNaN(v) ? Fmt.NONE : Fmt.percent(v)));
        c.getStyleClass().add("numeric-column");
        return c;
    }

    /** A statistic; {@code location} ones are dates for date columns. Sorted by value, undefined last. */
    private static TableColumn<ColumnProfile, ColumnProfile> statCol(String key, Function<ColumnProfile, Double> f, boolean location) {
        TableColumn<ColumnProfile, ColumnProfile> c = col(key, p -> p, 108);
        c.setCellFactory(x -> new TableCell<>() {
            @Override protected void updateItem(ColumnProfile p, boolean empty) {
                super.updateItem(p, empty);
                setAlignment(Pos.CENTER_RIGHT);
                Double v = empty || p == null ? null : f.apply(p);
                setText(empty || p == null ? null : v == null ? Fmt.NONE : location ? Fmt.value(p.type(), v) : Fmt.number(v));
            }
        });
        c.setComparator(java.util.Comparator.comparing(f, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        c.getStyleClass().add("numeric-column");
        return c;
    }

    private static <T> TableCell<ColumnProfile, T> numericCell(Function<T, String> format) {
        return new TableCell<>() {
            @Override protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setAlignment(Pos.CENTER_RIGHT);
                setText(empty || v == null ? null : format.apply(v));
            }
        };
    }

    private static TableColumn<ColumnProfile, ColumnProfile> topCol() {
        TableColumn<ColumnProfile, ColumnProfile> c = col("ui.explore.col.top", p -> p, 260);
        c.setSortable(false);
        c.setCellFactory(x -> new TableCell<>() {
            @Override protected void updateItem(ColumnProfile p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null || p.topValues().isEmpty()) { setText(null); setTooltip(null); return; }
                StringBuilder s = new StringBuilder(), tip = new StringBuilder();
                for (TopValue t : p.topValues()) {
                    if (!s.isEmpty()) s.append(" · ");
                    s.append(t.value()).append(' ').append(Fmt.percent(t.share()));
                    tip.append(t.value()).append(": ").append(Fmt.integer(t.count())).append(" (").append(Fmt.percent(t.share()))
                            .append(")\n");
                }
                setText(s.toString());
                setTooltip(new Tooltip(tip.toString().strip()));
            }
        });
        return c;
    }

    // ---- charts

    private Node histogramPane() {
        HistogramChart chart = new HistogramChart(dark);
        charts.put(ExploreTab.HISTOGRAM, chart);
        ComboBox<String> column = columnCombo(vm.numericColumns(), vm.histColumnProperty(), false, "histColumn", null);
        CheckBox auto = new CheckBox(I18n.tr("ui.explore.hist.auto"));
        auto.setId("histAuto");
        auto.selectedProperty().bindBidirectional(vm.histAutoBinsProperty());
        auto.setTooltip(new Tooltip(I18n.tr("ui.explore.hist.autoTip")));
        Spinner<Integer> bins = new Spinner<>(1, ExploreViewModel.MAX_BINS, vm.histBinsProperty().get());
        bins.setId("histBins");
        bins.setEditable(true);
        bins.setPrefWidth(96);
        var binsValue = vm.histBinsProperty().asObject();
        strongRefs.add(binsValue);
        bins.getValueFactory().valueProperty().bindBidirectional(binsValue);
        bins.disableProperty().bind(vm.histAutoBinsProperty());
        CheckBox log = new CheckBox(I18n.tr("ui.explore.hist.log"));
        log.setId("histLog");
        log.selectedProperty().bindBidirectional(vm.histLogProperty());
        Label caption = caption();
        disposer.add(vm.histogramProperty().subscribe(h -> {
            chart.setData(h);
            caption.setText(h == null ? "" : histogramCaption(h));
        }));
        chart.setEmptyText(I18n.tr("ui.explore.hist.empty"));
        HBox controls = new HBox(10, label("ui.explore.column"), column, auto, label("ui.explore.hist.bins"), bins, log);
        controls.setAlignment(Pos.CENTER_LEFT);
        return chartFrame(ExploreTab.HISTOGRAM, controls, chart, caption);
    }

    private String histogramCaption(Histogram h) {
        String rule = I18n.tr("ui.explore.hist.rule." + h.rule().name().toLowerCase(java.util.Locale.ROOT), Fmt.integer(h.bins()));
        String s = rule + " · " + I18n.tr("ui.explore.caption.values", Fmt.integer(h.total()));
        if (h.missing() > 0) s += " · " + I18n.tr("ui.explore.caption.missing", Fmt.integer(h.missing()));
        if (h.excluded() > 0) s += " · " + I18n.tr("ui.explore.hist.excluded", Fmt.integer(h.excluded()));
        return s;
    }

    private Node boxPlotPane() {
        BoxPlotChart chart = new BoxPlotChart(dark);
        charts.put(ExploreTab.BOX_PLOT, chart);
        ComboBox<String> column = columnCombo(vm.numericColumns(), vm.boxColumnProperty(), false, "boxColumn", null);
        ComboBox<String> group = columnCombo(vm.groupColumns(), vm.boxGroupByProperty(), true, "boxGroupBy", null);
        Label caption = caption();
        disposer.add(vm.boxPlotProperty().subscribe(b -> {
            chart.setData(b);
            caption.setText(b == null ? "" : boxCaption(b));
        }));
        chart.setEmptyText(I18n.tr("ui.explore.hist.empty"));
        HBox controls = new HBox(10, label("ui.explore.column"), column, label("ui.explore.box.split"), group);
        controls.setAlignment(Pos.CENTER_LEFT);
        return chartFrame(ExploreTab.BOX_PLOT, controls, chart, caption);
    }

    private String boxCaption(BoxPlot b) {
        long values = b.boxes().stream().mapToLong(BoxPlot.Box::count).sum();
        String s = I18n.tr("ui.explore.caption.values", Fmt.integer(values));
        if (b.missing() > 0) s += " · " + I18n.tr("ui.explore.caption.missing", Fmt.integer(b.missing()));
        if (b.groupsOmitted() > 0) s += " · " + I18n.tr("ui.explore.box.omitted", Fmt.integer(b.groupsOmitted()));
        return s + " · " + I18n.tr("ui.explore.box.legend");
    }

    private Node barChartPane() {
        BarsChart chart = new BarsChart(dark);
        charts.put(ExploreTab.BAR_CHART, chart);
        ComboBox<String> column = columnCombo(vm.groupColumns(), vm.barColumnProperty(), false, "barColumn", null);
        Spinner<Integer> top = new Spinner<>(1, ExploreViewModel.MAX_TOP_N, vm.barTopNProperty().get());
        top.setId("barTopN");
        top.setEditable(true);
        top.setPrefWidth(86);
        var topValue = vm.barTopNProperty().asObject();
        strongRefs.add(topValue);
        top.getValueFactory().valueProperty().bindBidirectional(topValue);
        Label caption = caption();
        disposer.add(vm.barChartProperty().subscribe(b -> {
            chart.setData(b);
            caption.setText(b == null ? "" : I18n.tr("ui.explore.bar.caption", Fmt.integer(
                    b.bars().stream().filter(x -> x.bucket() == io.segmenta.core.eda.Bucket.VALUE).count()),
                    Fmt.integer(b.distinct()), Fmt.integer(b.rowsKept())));
        }));
        chart.setEmptyText(I18n.tr("ui.explore.bar.empty"));
        HBox controls = new HBox(10, label("ui.explore.column"), column, label("ui.explore.bar.top"), top);
        controls.setAlignment(Pos.CENTER_LEFT);
        return chartFrame(ExploreTab.BAR_CHART, controls, chart, caption);
    }

    private Node scatterPane() {
        ScatterChart chart = new ScatterChart(dark);
        charts.put(ExploreTab.SCATTER, chart);
        ComboBox<String> x = columnCombo(vm.numericColumns(), vm.scatterXProperty(), false, "scatterX", null);
        ComboBox<String> y = columnCombo(vm.numericColumns(), vm.scatterYProperty(), false, "scatterY", null);
        ComboBox<String> colour = columnCombo(vm.columns(), vm.scatterColourProperty(), true, "scatterColour", null);
        Label caption = caption();
        disposer.add(vm.scatterProperty().subscribe(s -> {
            chart.setData(s);
            caption.setText(s == null ? "" : scatterCaption(s));
        }));
        chart.setEmptyText(I18n.tr("ui.explore.scatter.empty"));
        HBox controls = new HBox(10, label("ui.explore.scatter.x"), x, label("ui.explore.scatter.y"), y,
                label("ui.explore.scatter.colour"), colour);
        controls.setAlignment(Pos.CENTER_LEFT);
        return chartFrame(ExploreTab.SCATTER, controls, chart, caption);
    }

    private String scatterCaption(Scatter s) {
        String c = s.sampled()
                ? I18n.tr("ui.explore.scatter.sampled", Fmt.integer(s.points()), Fmt.integer(s.available()))
                : I18n.tr("ui.explore.scatter.all", Fmt.integer(s.points()));
        int without = s.rowsKept() - s.available();
        if (without > 0) c += " · " + I18n.tr("ui.explore.scatter.without", Fmt.integer(without));
        return c;
    }

    private Node correlationPane() {
        HeatmapChart chart = new HeatmapChart(dark);
        charts.put(ExploreTab.CORRELATION, chart);
        ToggleGroup method = new ToggleGroup();
        ToggleButton pearson = new ToggleButton(I18n.tr("ui.explore.corr.pearson"));
        pearson.setId("corrPearson");
        ToggleButton spearman = new ToggleButton(I18n.tr("ui.explore.corr.spearman"));
        spearman.setId("corrSpearman");
        pearson.setToggleGroup(method);
        spearman.setToggleGroup(method);
        pearson.getStyleClass().add(Styles.LEFT_PILL);
        spearman.getStyleClass().add(Styles.RIGHT_PILL);
        pearson.setUserData(CorrelationMatrix.Method.PEARSON);
        spearman.setUserData(CorrelationMatrix.Method.SPEARMAN);
        disposer.add(vm.corrMethodProperty().subscribe(m -> (m == CorrelationMatrix.Method.SPEARMAN ? spearman : pearson).setSelected(true)));
        method.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);
            else vm.corrMethodProperty().set((CorrelationMatrix.Method) b.getUserData());
        });
        VBox pairs = new VBox(4);
        pairs.setId("strongestPairs");
        Label pairsTitle = new Label(I18n.tr("ui.explore.corr.strongest"));
        pairsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox side = new VBox(8, pairsTitle, pairs);
        side.getStyleClass().add("chart-side");
        side.setPrefWidth(290);
        side.setMinWidth(250);
        Label caption = caption();
        disposer.add(vm.correlationProperty().subscribe(m -> {
            chart.setData(m);
            pairs.getChildren().clear();
            if (m == null) { caption.setText(""); return; }
            boolean sp = m.options().rankBy() == CorrelationMatrix.Method.SPEARMAN;
            for (CorrelationMatrix.Pair p : m.strongest()) {
                double r = sp ? p.spearman() : p.pearson();
                Label name = new Label(p.a() + "  ↔  " + p.b());
                name.setWrapText(true);
                Label value = new Label(Fmt.tick(r, 0.01));
                value.getStyleClass().addAll("pair-value", r >= 0 ? "positive" : "negative");
                Region sp2 = new Region();
                HBox.setHgrow(sp2, Priority.ALWAYS);
                HBox row = new HBox(8, name, sp2, value);
                row.setAlignment(Pos.CENTER_LEFT);
                row.getStyleClass().add("pair-row");
                Tooltip.install(row, new Tooltip(I18n.tr("ui.explore.hover.correlation", p.a(), p.b(),
                        Fmt.tick(p.pearson(), 0.001), Fmt.tick(p.spearman(), 0.001), Fmt.integer(p.n()))));
                pairs.getChildren().add(row);
            }
            caption.setText(I18n.tr("ui.explore.corr.caption", Fmt.integer(m.columns().size()), Fmt.integer(m.rowsKept())));
        }));
        chart.setEmptyText(I18n.tr("ui.explore.corr.empty"));
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox card = new HBox(12, chart, side);
        HBox controls = new HBox(0, pearson, spearman);
        controls.setAlignment(Pos.CENTER_LEFT);
        return chartFrame(ExploreTab.CORRELATION, controls, card, caption);
    }

    private Node targetPane() {
        TargetRateChart chart = new TargetRateChart(dark);
        charts.put(ExploreTab.TARGET, chart);
        Label target = new Label();
        target.setId("targetName");
        target.getStyleClass().add(Styles.TEXT_BOLD);
        target.textProperty().bind(Bindings.createStringBinding(() -> vm.targetProperty().get() == null
                ? I18n.tr("ui.explore.target.choose") : I18n.tr("ui.explore.target.of", vm.targetProperty().get()), vm.targetProperty()));
        ComboBox<String> by = columnCombo(vm.columns(), vm.targetByProperty(), false, "targetBy", null);
        Spinner<Integer> bins = new Spinner<>(2, 50, vm.targetBinsProperty().get());
        bins.setId("targetBins");
        bins.setEditable(true);
        bins.setPrefWidth(80);
        var binsValue = vm.targetBinsProperty().asObject();
        strongRefs.add(binsValue);
        bins.getValueFactory().valueProperty().bindBidirectional(binsValue);
        bins.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ColumnType t = vm.typeOf(vm.targetByProperty().get());
            return t == null || !(t.isNumeric() || Fmt.temporal(t));
        }, vm.targetByProperty(), vm.datasetProperty()));
        Label caption = caption();
        disposer.add(vm.targetRateProperty().subscribe(t -> {
            chart.setData(t);
            caption.setText(t == null ? "" : targetCaption(t));
        }));
        disposer.add(vm.targetProperty().subscribe(t -> chart.setEmptyText(I18n.tr(t == null
                ? "ui.explore.target.empty" : "ui.explore.target.pickBy"))));
        HBox controls = new HBox(10, target, label("ui.explore.target.by"), by, label("ui.explore.target.bins"), bins);
        controls.setAlignment(Pos.CENTER_LEFT);
        return chartFrame(ExploreTab.TARGET, controls, chart, caption);
    }

    private String targetCaption(TargetRate t) {
        String s = t.target().binary()
                ? I18n.tr("ui.explore.target.captionRate", t.target().column(), t.target().positive(), Fmt.percent(t.overallRate()),
                Fmt.integer(t.overallCount()))
                : I18n.tr("ui.explore.target.captionMean", t.target().column(), Fmt.number(t.overallRate()), Fmt.integer(t.overallCount()));
        if (t.missingTarget() > 0) s += " · " + I18n.tr("ui.explore.target.missing", Fmt.integer(t.missingTarget()));
        return s;
    }

    private Node missingPane() {
        MissingChart chart = new MissingChart(dark);
        charts.put(ExploreTab.MISSING, chart);
        TableView<MissingOverview.Pattern> patterns = new TableView<>();
        patterns.setId("missingPatterns");
        patterns.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        patterns.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<MissingOverview.Pattern, String> which = col("ui.explore.missing.pattern",
                p -> p.missingColumns().isEmpty() ? I18n.tr("ui.explore.missing.complete") : String.join(" + ", p.missingColumns()), 240);
        TableColumn<MissingOverview.Pattern, Long> rows = col("ui.explore.missing.rows", MissingOverview.Pattern::rows, 80);
        rows.setCellFactory(x -> new TableCell<>() {
            @Override protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setAlignment(Pos.CENTER_RIGHT);
                setText(empty || v == null ? null : Fmt.integer(v));
            }
        });
        TableColumn<MissingOverview.Pattern, Double> share = col("ui.explore.missing.share", MissingOverview.Pattern::share, 70);
        share.setCellFactory(x -> new TableCell<>() {
            @Override protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setAlignment(Pos.CENTER_RIGHT);
                setText(empty || v == null ? null : Fmt.percent(v));
            }
        });
        patterns.getColumns().addAll(List.of(which, rows, share));
        Label patternsTitle = new Label(I18n.tr("ui.explore.missing.patterns"));
        patternsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox side = new VBox(8, patternsTitle, patterns);
        VBox.setVgrow(patterns, Priority.ALWAYS);
        side.getStyleClass().add("chart-side");
        side.setPrefWidth(420);
        side.setMinWidth(300);
        Label caption = caption();
        disposer.add(vm.missingProperty().subscribe(m -> {
            chart.setData(m);
            patterns.getItems().setAll(m == null ? List.of() : m.patterns());
            if (m == null) { caption.setText(""); return; }
            long complete = m.columns().stream().filter(c -> c.missing() == 0).count();
            caption.setText(I18n.tr("ui.explore.missing.caption", Fmt.integer(m.rowsWithMissing()), Fmt.integer(m.rowsKept()),
                    Fmt.percent(m.rowsKept() == 0 ? 0 : (double) m.rowsWithMissing() / m.rowsKept()), Fmt.integer(m.patternCount()),
                    Fmt.integer(complete)));
        }));
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox card = new HBox(12, chart, side);
        Label title = new Label(I18n.tr("ui.explore.missing.byColumn"));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        HBox controls = new HBox(10, title);
        controls.setAlignment(Pos.CENTER_LEFT);
        return chartFrame(ExploreTab.MISSING, controls, card, caption);
    }
}
