package io.segmenta.app.models;

import atlantafx.base.theme.Styles;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.app.ui.Disposer;
import io.segmenta.app.ui.Formats;
import io.segmenta.core.model.Algorithm;
import io.segmenta.core.model.Evaluation;
import io.segmenta.core.model.HistoryPoint;
import io.segmenta.core.model.Leaderboard;
import io.segmenta.core.model.LeakageFlag;
import io.segmenta.core.model.Metrics;
import io.segmenta.core.model.MlpParameters.ComputeDevice;
import io.segmenta.core.model.MlpPredictor;
import io.segmenta.core.model.ModelScorer;
import io.segmenta.core.model.ScoringPolicy;
import io.segmenta.core.model.Task;
import io.segmenta.core.model.TrainedModel;
import io.segmenta.core.model.TrainingHistory;
import io.segmenta.core.util.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * The Models section: the setup on the left; on the right the selected model and tabs for the training
 * curves, the evaluation (with the threshold the user drags), feature importance, the leaderboard and
 * scoring. Binds to {@link ModelsViewModel} only.
 */
public final class ModelsView {
    public static final String CSS = Objects.requireNonNull(ModelsView.class.getResource("/io/segmenta/app/models.css")).toExternalForm();

    private final ModelsViewModel vm;
    private final boolean dark;
    private final Disposer disposer = new Disposer();
    private final List<Object> keep = new ArrayList<>();
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();

    // training
    private final PlotCanvas lossChart;
    private final PlotCanvas metricChart;
    private final Label curvesTitle = new Label();
    // evaluation
    private final StackPane evaluationHolder = new StackPane();
    private final Slider thresholdSlider = new Slider(0, 1, 0.5);
    private final Label thresholdValue = new Label();
    private final Label tp = cell("cmTp"), fp = cell("cmFp"), tn = cell("cmTn"), fn = cell("cmFn");
    private final Label precisionValue = stat("precisionValue"), recallValue = stat("recallValue"),
            contactedValue = stat("contactedValue"), profitValue = stat("profitValue");
    private final Label bestProfitNote = new Label();
    private PlotCanvas rocChart, prChart;
    private final ImportanceChart importance;

    public ModelsView(ModelsViewModel vm, boolean dark) {
        this.vm = vm;
        this.dark = dark;
        lossChart = new PlotCanvas(dark);
        metricChart = new PlotCanvas(dark);
        importance = new ImportanceChart(dark);
        root.getStyleClass().add("models-root");
        root.getStylesheets().add(CSS);
        root.setId("modelsView");
        root.setLeft(setupPanel());
        VBox right = new VBox(modelBar(), tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        right.getStyleClass().add("models-main");
        root.setCenter(right);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("tabTraining", "ui.models.tab.training", MaterialDesignC.CHART_LINE, trainingTab()),
                tab("tabEvaluation", "ui.models.tab.evaluation", MaterialDesignC.CHART_BELL_CURVE_CUMULATIVE, evaluationHolder),
                tab("tabImportance", "ui.models.tab.importance", MaterialDesignF.FORMAT_LIST_NUMBERED, importanceTab()),
                tab("tabLeaderboard", "ui.models.tab.leaderboard", MaterialDesignT.TROPHY_OUTLINE, leaderboardTab()),
                tab("tabScoring", "ui.models.tab.scoring", MaterialDesignA.ACCOUNT_STAR_OUTLINE, scoringTab()));
        disposer.add(vm.selectedModelProperty().subscribe(this::showModel));
        disposer.add(vm.confusionProperty().subscribe(c -> updateThresholdPanel()));
        disposer.add(vm.profitProperty().subscribe(c -> updateThresholdPanel()));
        ListChangeListener<HistoryPoint> live = c -> showCurves();
        vm.liveHistory().addListener(live);
        disposer.add(() -> vm.liveHistory().removeListener(live));
        disposer.add(vm.trainingProperty().subscribe(t -> {
            if (t) tabs.getSelectionModel().select(0);
            showCurves();
        }));
    }

    public Region root() { return root; }

    /** Selects a tab by index (0 training … 4 scoring). */
    public void selectTab(int i) { tabs.getSelectionModel().select(i); }

    public void dispose() {
        disposer.dispose();
        keep.clear();
    }

    // ================================================================================== small helpers

    private static Tab tab(String id, String key, org.kordamp.ikonli.Ikon icon, Node content) {
        Tab t = new Tab(I18n.tr(key), content);
        t.setGraphic(new FontIcon(icon));
        t.setId(id);
        return t;
    }

    private static Label cell(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("cm-count");
        return l;
    }

    private static Label stat(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("stat-value");
        return l;
    }

    /** The width a column needs to show its header in full (the table's bold header font, plus padding). */
    private static double headerWidth(String header) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(header);
        t.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), javafx.scene.text.FontWeight.BOLD,
                javafx.scene.text.Font.getDefault().getSize()));
        return Math.max(64, Math.ceil(t.getLayoutBounds().getWidth()) + 36);
    }

    /** " · 5-fold cross-validation AUC 0.801 ± 0.012" when the model was cross-validated, else "". */
    private static String crossValidation(TrainedModel m) {
        var cv = m.info().crossValidation();
        if (cv == null) return "";
        return " · " + I18n.tr("ui.models.bar.cv", cv.folds(), I18n.tr("ui.models.bar.cvMetric." + cv.metric()),
                fmt(cv.mean(), 3), fmt(cv.std(), 3));
    }

    /** " · network on the GPU" (or CPU) for a model with a network, else "". */
    private static String networkDevice(TrainedModel m) {
        return m.pipelines().stream().map(p -> p.predictor() instanceof MlpPredictor n ? n.device() : null)
                .filter(java.util.Objects::nonNull).findFirst()
                .map(d -> " · " + I18n.tr("gpu".equals(d) ? "ui.models.bar.networkGpu" : "ui.models.bar.networkCpu")).orElse("");
    }

    private static Label heading(String key) {
        Label l = new Label(I18n.tr(key));
        l.getStyleClass().addAll("models-heading");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }

    private static NumberFormat number(int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(I18n.locale());
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f;
    }

    static String fmt(double v, int decimals) { return Double.isNaN(v) ? "–" : number(decimals).format(v); }

    static String money(double v) {
        NumberFormat f = NumberFormat.getNumberInstance(I18n.locale());
        f.setMaximumFractionDigits(0);
        return f.format(v);
    }

    private <T> void bindBoth(Property<T> a, Property<T> b) {
        a.bindBidirectional(b);
        keep.add(b);
        disposer.add(() -> a.unbindBidirectional(b));
    }

    private static StringConverter<Double> doubleConverter(int decimals) {
        return new StringConverter<>() {
            @Override public String toString(Double v) { return v == null ? "" : number(decimals).format(v); }

            @Override public Double fromString(String s) {
                if (s == null || s.isBlank()) return 0.0;
                ParsePosition p = new ParsePosition(0);
                Number n = NumberFormat.getNumberInstance(I18n.locale()).parse(s.strip(), p);
                return n == null ? 0.0 : n.doubleValue();
            }
        };
    }

    private Spinner<Double> doubleSpinner(DoubleProperty p, double min, double max, double step, int decimals, String id) {
        SpinnerValueFactory.DoubleSpinnerValueFactory f = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, p.get(), step);
        f.setConverter(doubleConverter(decimals));
        Spinner<Double> s = new Spinner<>(f);
        s.setEditable(true);
        s.setId(id);
        s.setMaxWidth(Double.MAX_VALUE);
        ObjectProperty<Double> o = p.asObject();
        bindBoth(f.valueProperty(), o);
        return s;
    }

    private Spinner<Integer> intSpinner(IntegerProperty p, int min, int max, int step, String id) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, p.get(), step);
        Spinner<Integer> s = new Spinner<>(f);
        s.setEditable(true);
        s.setId(id);
        s.setMaxWidth(Double.MAX_VALUE);
        bindBoth(f.valueProperty(), p.asObject());
        return s;
    }

    private static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        ColumnConstraints a = new ColumnConstraints();
        a.setMaxWidth(210); // long labels (Spanish) wrap instead of squeezing the values to their arrows
        ColumnConstraints b = new ColumnConstraints();
        b.setMinWidth(96);
        b.setHgrow(Priority.ALWAYS);
        b.setFillWidth(true);
        g.getColumnConstraints().addAll(a, b);
        return g;
    }

    private static void row(GridPane g, int r, String key, Node n) {
        Label l = new Label(I18n.tr(key));
        l.setWrapText(true);
        l.setLabelFor(n);
        g.add(l, 0, r);
        g.add(n, 1, r);
        if (n instanceof Region rg) rg.setMaxWidth(Double.MAX_VALUE);
    }

    // ========================================================================================== setup

    private Node setupPanel() {
        ComboBox<String> dataset = new ComboBox<>(vm.datasetNames());
        dataset.setId("datasetCombo");
        bindBoth(dataset.valueProperty(), vm.datasetProperty());
        ComboBox<String> target = new ComboBox<>(vm.targetColumns());
        target.setId("targetCombo");
        bindBoth(target.valueProperty(), vm.targetProperty());
        ComboBox<String> positive = new ComboBox<>(vm.positiveValues());
        positive.setId("positiveCombo");
        positive.setPromptText(I18n.tr("ui.models.setup.auto"));
        positive.setButtonCell(new ListCell<>() {
            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                var setup = vm.getSetup();
                setText(s != null ? s : setup != null && setup.target().positive() != null
                        ? I18n.tr("ui.models.setup.autoValue", setup.target().positive()) : I18n.tr("ui.models.setup.auto"));
            }
        });
        bindBoth(positive.valueProperty(), vm.positiveProperty());
        ComboBox<Task> task = new ComboBox<>();
        task.setId("taskCombo");
        task.getItems().addAll(null, Task.CLASSIFICATION, Task.REGRESSION);
        StringConverter<Task> taskNames = new StringConverter<>() {
            @Override public String toString(Task t) {
                if (t != null) return I18n.tr("ui.models.task." + t.key());
                Task eff = vm.effectiveTask();
                return eff == null ? I18n.tr("ui.models.setup.inferred")
                        : I18n.tr("ui.models.setup.inferredAs", I18n.tr("ui.models.task." + eff.key()));
            }

            @Override public Task fromString(String s) { return null; }
        };
        task.setConverter(taskNames);
        task.setButtonCell(new ListCell<>() {
            @Override protected void updateItem(Task t, boolean empty) {
                super.updateItem(t, empty);
                setText(taskNames.toString(t));
            }
        });
        bindBoth(task.valueProperty(), vm.requestedTaskProperty());
        disposer.add(vm.setupProperty().subscribe(s -> {
            // refresh the "automatic (…)" texts
            Task t = task.getValue();
            task.setButtonCell(task.getButtonCell());
            task.getButtonCell().updateIndex(-1);
            task.setValue(t);
            positive.getButtonCell().updateIndex(-1);
        }));

        GridPane data = form();
        row(data, 0, "ui.models.setup.dataset", dataset);
        row(data, 1, "ui.models.setup.target", target);
        row(data, 2, "ui.models.setup.positive", positive);
        row(data, 3, "ui.models.setup.task", task);

        Label error = new Label();
        error.setId("setupError");
        error.getStyleClass().addAll(Styles.DANGER, "setup-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.setupErrorProperty());
        error.visibleProperty().bind(vm.setupErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        // leakage banner
        VBox leakBox = new VBox(6);
        leakBox.getStyleClass().add("leak-banner");
        leakBox.setId("leakBanner");
        Label leakTitle = new Label(I18n.tr("ui.models.leak.title"), new FontIcon(MaterialDesignA.ALERT));
        leakTitle.getStyleClass().add("leak-title");
        Label leakText = new Label();
        leakText.setWrapText(true);
        Button excludeLeaks = new Button(I18n.tr("ui.models.leak.exclude"));
        excludeLeaks.setId("excludeLeaksButton");
        excludeLeaks.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        excludeLeaks.setOnAction(e -> vm.excludeLeaks());
        leakBox.getChildren().addAll(leakTitle, leakText, excludeLeaks);
        Runnable updateLeaks = () -> {
            List<String> lines = new ArrayList<>();
            for (LeakageFlag f : vm.leakage()) lines.add(I18n.tr("ui.models.leak.item", f.feature(), fmt(f.auc(), 3)));
            leakText.setText(String.join("\n", lines) + "\n" + I18n.tr("ui.models.leak.explain"));
            leakBox.setVisible(!vm.leakage().isEmpty());
            leakBox.setManaged(!vm.leakage().isEmpty());
        };
        ListChangeListener<LeakageFlag> leakListener = c -> updateLeaks.run();
        vm.leakage().addListener(leakListener);
        disposer.add(() -> vm.leakage().removeListener(leakListener));
        updateLeaks.run();

        // features
        TableView<FeatureRow> table = new TableView<>(vm.features());
        table.setId("featureTable");
        table.setEditable(true);
        table.setPrefHeight(250);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<FeatureRow, Boolean> use = new TableColumn<>();
        use.setCellValueFactory(c -> c.getValue().included());
        use.setCellFactory(CheckBoxTableCell.forTableColumn(use));
        use.setEditable(true);
        use.setPrefWidth(34);
        use.setMaxWidth(34);
        use.setSortable(false);
        TableColumn<FeatureRow, String> name = new TableColumn<>(I18n.tr("ui.models.features.column"));
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setPrefWidth(120);
        TableColumn<FeatureRow, FeatureRow> note = new TableColumn<>(I18n.tr("ui.models.features.note"));
        note.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        note.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override protected void updateItem(FeatureRow f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll("note-leak", "note-excluded");
                if (empty || f == null) { setText(null); setGraphic(null); setTooltip(null); return; }
                if (f.leak()) {
                    setText(I18n.tr("ui.models.features.leak", fmt(f.leakageAuc(), 2)));
                    setGraphic(new FontIcon(MaterialDesignA.ALERT));
                    getStyleClass().add("note-leak");
                } else {
                    setText(f.reason().isEmpty() ? f.type() : f.reason());
                    setGraphic(null);
                    if (!f.reason().isEmpty()) getStyleClass().add("note-excluded");
                }
                setTooltip(new Tooltip(getText()));
            }
        });
        table.getColumns().addAll(List.of(use, name, note));
        Label featureCount = new Label();
        featureCount.getStyleClass().add(Styles.TEXT_MUTED);
        Runnable count = () -> featureCount.setText(I18n.tr("ui.models.features.count",
                vm.includedFeatures().size(), vm.features().size()));
        ListChangeListener<FeatureRow> rowsChanged = c -> {
            for (FeatureRow f : vm.features()) f.included().addListener((o, a, b) -> count.run());
            count.run();
        };
        vm.features().addListener(rowsChanged);
        disposer.add(() -> vm.features().removeListener(rowsChanged));
        rowsChanged.onChanged(null);

        // algorithms
        VBox algos = new VBox(6);
        for (Algorithm a : List.of(Algorithm.LOGISTIC, Algorithm.RIDGE, Algorithm.RANDOM_FOREST, Algorithm.GBM, Algorithm.MLP, Algorithm.ENSEMBLE)) {
            CheckBox cb = new CheckBox(I18n.tr("ui.models.algorithm." + a.key()));
            cb.setId("algo-" + a.key());
            if (a == Algorithm.ENSEMBLE) cb.setTooltip(new Tooltip(I18n.tr("ui.models.algorithm.ensemble.hint")));
            bindBoth(cb.selectedProperty(), vm.algorithmProperty(a));
            if (a == Algorithm.LOGISTIC || a == Algorithm.RIDGE) {
                disposer.add(vm.setupProperty().subscribe(s -> {
                    Task t = s == null ? null : s.target().task();
                    boolean fits = t == null || a.supports(t);
                    cb.setVisible(fits);
                    cb.setManaged(fits);
                }));
            }
            algos.getChildren().add(cb);
        }

        GridPane settings = form();
        row(settings, 0, "ui.models.setup.trees", intSpinner(vm.treesProperty(), 5, 2000, 25, "treesSpinner"));
        row(settings, 1, "ui.models.setup.depth", intSpinner(vm.maxDepthProperty(), 1, 30, 1, "depthSpinner"));
        row(settings, 2, "ui.models.setup.learningRate", doubleSpinner(vm.learningRateProperty(), 0.005, 1, 0.01, 3, "lrSpinner"));
        Spinner<Integer> stopping = intSpinner(vm.earlyStoppingProperty(), 0, 2000, 5, "earlyStoppingSpinner");
        stopping.setTooltip(new Tooltip(I18n.tr("ui.models.setup.earlyStopping.hint")));
        row(settings, 3, "ui.models.setup.earlyStopping", stopping);
        row(settings, 4, "ui.models.setup.forestTrees", intSpinner(vm.forestTreesProperty(), 5, 2000, 25, "forestTreesSpinner"));
        row(settings, 5, "ui.models.setup.forestDepth", intSpinner(vm.forestDepthProperty(), 1, 40, 1, "forestDepthSpinner"));
        row(settings, 6, "ui.models.setup.l2", doubleSpinner(vm.l2Property(), 0, 1000, 0.5, 2, "l2Spinner"));
        row(settings, 7, "ui.models.setup.testSize", doubleSpinner(vm.testSizeProperty(), 0.05, 0.5, 0.05, 2, "testSizeSpinner"));
        Spinner<Double> validation = doubleSpinner(vm.validationSizeProperty(), 0, 0.5, 0.05, 2, "validationSizeSpinner");
        validation.setTooltip(new Tooltip(I18n.tr("ui.models.setup.validationSize.hint")));
        row(settings, 8, "ui.models.setup.validationSize", validation);
        row(settings, 9, "ui.models.setup.seed", intSpinner(vm.seedProperty(), 0, Integer.MAX_VALUE, 1, "seedSpinner"));
        Spinner<Integer> folds = intSpinner(vm.cvFoldsProperty(), 0, 20, 1, "cvFoldsSpinner");
        folds.setTooltip(new Tooltip(I18n.tr("ui.models.setup.cvFolds.hint")));
        row(settings, 10, "ui.models.setup.cvFolds", folds);
        CheckBox weights = new CheckBox(I18n.tr("ui.models.setup.classWeights"));
        weights.setId("classWeights");
        weights.setWrapText(true);
        bindBoth(weights.selectedProperty(), vm.classWeightsProperty());
        settings.add(weights, 0, 11, 2, 1);

        Node network = networkSettings();

        Button train = new Button(I18n.tr("ui.models.train.button"), new FontIcon(MaterialDesignP.PLAY));
        train.setId("trainButton");
        train.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        train.setMaxWidth(Double.MAX_VALUE);
        train.setOnAction(e -> vm.train());
        train.disableProperty().bind(vm.trainingProperty().or(vm.setupProperty().isNull()).or(vm.inspectingProperty()));

        VBox box = new VBox(10,
                heading("ui.models.setup.title"), data, error, leakBox,
                heading("ui.models.features.title"), featureCount, table,
                heading("ui.models.setup.algorithms"), algos,
                heading("ui.models.setup.settings"), settings, network);
        box.setPadding(new Insets(14));
        box.getStyleClass().add("models-setup");
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sp.setPrefWidth(370);
        sp.setMinWidth(330);
        VBox.setVgrow(sp, Priority.ALWAYS);
        VBox trainBox = new VBox(train);
        trainBox.setPadding(new Insets(10, 14, 12, 14));
        trainBox.getStyleClass().add("models-train-box");
        VBox side = new VBox(sp, trainBox);
        side.getStyleClass().add("models-setup-scroll");
        return side;
    }

    /**
     * The neural network's settings and device, shown while the network is ticked, with what the engine detects
     * and where the latest network trained.
     */
    private Node networkSettings() {
        GridPane g = form();
        row(g, 0, "ui.models.network.layers", intSpinner(vm.mlpLayersProperty(), 1, 8, 1, "mlpLayersSpinner"));
        row(g, 1, "ui.models.network.units", intSpinner(vm.mlpUnitsProperty(), 1, 4096, 16, "mlpUnitsSpinner"));
        row(g, 2, "ui.models.network.dropout", doubleSpinner(vm.mlpDropoutProperty(), 0, 0.9, 0.05, 2, "mlpDropoutSpinner"));
        row(g, 3, "ui.models.network.epochs", intSpinner(vm.mlpEpochsProperty(), 1, 1000, 5, "mlpEpochsSpinner"));
        row(g, 4, "ui.models.network.batchSize", intSpinner(vm.mlpBatchSizeProperty(), 1, 65536, 32, "mlpBatchSpinner"));
        row(g, 5, "ui.models.network.learningRate", doubleSpinner(vm.mlpLearningRateProperty(), 0.00001, 1, 0.0005, 5, "mlpLrSpinner"));
        Spinner<Integer> patience = intSpinner(vm.mlpPatienceProperty(), 0, 1000, 1, "mlpPatienceSpinner");
        patience.setTooltip(new Tooltip(I18n.tr("ui.models.network.patience.hint")));
        row(g, 6, "ui.models.network.patience", patience);
        ComboBox<ComputeDevice> device = new ComboBox<>(FXCollections.observableArrayList(ComputeDevice.values()));
        device.setId("mlpDeviceCombo");
        device.setConverter(new StringConverter<>() {
            @Override public String toString(ComputeDevice d) { return d == null ? "" : I18n.tr("ui.models.network.device." + d.key()); }
            @Override public ComputeDevice fromString(String t) { return null; }
        });
        device.setTooltip(new Tooltip(I18n.tr("ui.models.network.device.hint")));
        bindBoth(device.valueProperty(), vm.mlpDeviceProperty());
        row(g, 7, "ui.models.network.device", device);
        Label engine = new Label();
        engine.setId("engineInfo");
        engine.setWrapText(true);
        engine.getStyleClass().add(Styles.TEXT_MUTED);
        engine.textProperty().bind(vm.engineInfoProperty());
        Label used = new Label();
        used.setId("deviceNote");
        used.setWrapText(true);
        used.getStyleClass().add(Styles.TEXT_MUTED);
        used.textProperty().bind(vm.deviceNoteProperty());
        for (Label l : List.of(engine, used)) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        VBox box = new VBox(8, heading("ui.models.network.title"), g, engine, used);
        box.setId("networkSettings");
        box.visibleProperty().bind(vm.networkChosenProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    // ====================================================================================== model bar

    private Node modelBar() {
        ComboBox<TrainedModel> models = new ComboBox<>();
        models.setId("modelCombo");
        models.setPromptText(I18n.tr("ui.models.bar.none"));
        models.setPrefWidth(360);
        models.setMinWidth(330);
        StringConverter<TrainedModel> names = new StringConverter<>() {
            @Override public String toString(TrainedModel m) {
                if (m == null) return "";
                return I18n.tr("ui.models.bar.item", m.name(), headline(m));
            }

            @Override public TrainedModel fromString(String s) { return null; }
        };
        models.setConverter(names);
        Runnable fill = () -> {
            List<TrainedModel> of = vm.modelsOf(vm.datasetProperty().get());
            models.getItems().setAll(of);
            models.setValue(vm.getSelectedModel());
        };
        ListChangeListener<TrainedModel> ml = c -> fill.run();
        vm.models().addListener(ml);
        disposer.add(() -> vm.models().removeListener(ml));
        disposer.add(vm.datasetProperty().subscribe(d -> fill.run()));
        disposer.add(vm.selectedModelProperty().subscribe(m -> {
            if (models.getValue() != m) {
                if (m != null && !models.getItems().contains(m)) fill.run(); else models.setValue(m);
            }
        }));
        models.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.getSelectedModel()) vm.selectedModelProperty().set(b);
        });

        Button export = new Button(I18n.tr("ui.models.bar.export"), new FontIcon(MaterialDesignE.EXPORT));
        export.setId("exportModelButton");
        export.setOnAction(e -> vm.exportSelected());
        export.disableProperty().bind(vm.selectedModelProperty().isNull());
        Button imp = new Button(I18n.tr("ui.models.bar.import"), new FontIcon(MaterialDesignF.FILE_IMPORT_OUTLINE));
        imp.setId("importModelButton");
        imp.setOnAction(e -> vm.importModel());
        Button delete = new Button(null, new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        delete.setId("deleteModelButton");
        delete.setTooltip(new Tooltip(I18n.tr("ui.models.bar.delete")));
        delete.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.DANGER);
        delete.setOnAction(e -> vm.deleteSelected());
        delete.disableProperty().bind(vm.selectedModelProperty().isNull());
        Label summary = new Label();
        summary.setId("modelSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.setWrapText(true); // under the bar, whole, rather than cut after the test rows
        disposer.add(vm.selectedModelProperty().subscribe(m -> {
            summary.setText(m == null ? "" : I18n.tr("ui.models.bar.summary",
                    Formats.integer(m.info().trainRows()), Formats.integer(m.info().testRows()),
                    fmt(m.info().trainSeconds(), 1), m.info().schema().size())
                    + (m.info().duplicateRows() > 0 ? " · " + I18n.tr("ui.models.bar.duplicates", Formats.integer(m.info().duplicateRows())) : "")
                    + networkDevice(m) + crossValidation(m));
            summary.setTooltip(m == null ? null : new Tooltip(summary.getText() + (m.info().duplicateRows() == 0 ? ""
                    : "\n" + I18n.tr("model.cli.duplicateRows", m.info().duplicateRows(),
                    m.info().trainRows() + m.info().validationRows() + m.info().testRows()))));
        }));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label(I18n.tr("ui.models.bar.model"));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setMinWidth(Region.USE_PREF_SIZE);
        for (Button b : List.of(imp, export, delete)) b.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, title, models, spacer, imp, export, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        summary.visibleProperty().bind(summary.textProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        VBox top = new VBox(6, bar, summary);
        top.setPadding(new Insets(10, 14, 10, 14));
        top.getStyleClass().add("models-bar");
        return top;
    }

    private static String headline(TrainedModel m) {
        Evaluation ev = m.info().evaluation();
        return ev.classification() != null ? "AUC " + fmt(ev.classification().rocAuc(), 3) : "R² " + fmt(ev.regression().r2(), 3);
    }

    // ======================================================================================= training

    private Node trainingTab() {
        ProgressBar progress = new ProgressBar(0);
        progress.setId("trainingProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label message = new Label();
        message.setId("trainingMessage");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        Button cancel = new Button(I18n.tr("ui.models.train.cancel"), new FontIcon(MaterialDesignS.STOP));
        cancel.setId("cancelTrainingButton");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.setOnAction(e -> vm.cancelTraining());
        cancel.disableProperty().bind(vm.trainingProperty().not());
        disposer.add(vm.trainingTaskProperty().subscribe((TaskHandle<List<TrainedModel>> h) -> {
            progress.progressProperty().unbind();
            message.textProperty().unbind();
            if (h != null) {
                progress.progressProperty().bind(h.progressProperty());
                message.textProperty().bind(h.messageProperty());
            } else {
                progress.setProgress(0);
                message.setText("");
            }
        }));
        Label status = new Label();
        status.setId("trainingStatus");
        status.getStyleClass().add(Styles.TEXT_BOLD);
        status.textProperty().bind(vm.trainingStatusProperty());
        HBox bar = new HBox(10, progress, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        lossChart.titles(I18n.tr("ui.models.chart.stage"), I18n.tr("ui.models.chart.loss"))
                .formats(v -> fmt(v, 0), v -> fmt(v, 3));
        metricChart.titles(I18n.tr("ui.models.chart.stage"), I18n.tr("ui.models.chart.metric"))
                .formats(v -> fmt(v, 0), v -> fmt(v, 3));
        lossChart.setEmptyText(I18n.tr("ui.models.chart.noCurves"));
        metricChart.setEmptyText(I18n.tr("ui.models.chart.noCurves"));
        lossChart.setId("lossChart");
        curvesTitle.getStyleClass().add("models-heading");
        HBox charts = new HBox(12, card("ui.models.chart.lossTitle", lossChart), card("ui.models.chart.metricTitle", metricChart));
        for (Node n : charts.getChildren()) HBox.setHgrow(n, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox box = new VBox(10, status, bar, message, curvesTitle, charts);
        box.setPadding(new Insets(14));
        return box;
    }

    private static VBox card(String titleKey, Region chart) {
        Label t = new Label(I18n.tr(titleKey));
        t.getStyleClass().add("card-title");
        VBox v = new VBox(6, t, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        v.getStyleClass().add("models-card");
        v.setMinWidth(0);
        v.setPrefWidth(100);
        return v;
    }

    private static VBox card(String title, Region chart, boolean raw) {
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        VBox v = new VBox(6, t, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        v.getStyleClass().add("models-card");
        v.setMinWidth(0);
        v.setPrefWidth(100);
        return v;
    }

    /** Live points while training (or after it), else the selected model's stored histories. */
    private void showCurves() {
        List<PlotCanvas.Series> loss = new ArrayList<>(), metric = new ArrayList<>();
        Color[] c = lossChart.palette().series();
        double kept = Double.NaN;
        boolean keptEpoch = false;
        if (!vm.liveHistory().isEmpty() && (vm.isTraining() || vm.getSelectedModel() == null)) {
            curvesTitle.setText(I18n.tr("ui.models.chart.live"));
            Map<String, List<HistoryPoint>> byMember = new LinkedHashMap<>();
            for (HistoryPoint p : vm.liveHistory()) byMember.computeIfAbsent(p.member(), k -> new ArrayList<>()).add(p);
            int i = 0;
            for (var e : byMember.entrySet()) {
                List<HistoryPoint> ps = e.getValue();
                int n = ps.size();
                double[] x = new double[n], tl = new double[n], vl = new double[n], tm = new double[n], vmv = new double[n];
                for (int k = 0; k < n; k++) {
                    HistoryPoint p = ps.get(k);
                    x[k] = p.stage();
                    tl[k] = p.trainLoss();
                    vl[k] = p.validationLoss() == null ? Double.NaN : p.validationLoss();
                    tm[k] = p.trainMetric();
                    vmv[k] = p.validationMetric() == null ? Double.NaN : p.validationMetric();
                }
                addCurves(loss, metric, algoName(e.getKey()), c[i++ % c.length], x, tl, vl, tm, vmv);
            }
        } else if (vm.getSelectedModel() != null) {
            TrainedModel m = vm.getSelectedModel();
            curvesTitle.setText(I18n.tr("ui.models.chart.stored", m.name()));
            int i = 0;
            for (TrainingHistory h : m.info().histories()) {
                // early stopping: the stage the model kept, where the validation loss was lowest
                if (Double.isNaN(kept) && h.bestStage() > 0 && h.bestStage() < h.size()) {
                    kept = h.bestStage();
                    keptEpoch = Algorithm.MLP.key().equals(h.member());
                }
                int n = h.size();
                double[] x = new double[n];
                for (int k = 0; k < n; k++) x[k] = h.stages().get(k);
                addCurves(loss, metric, algoName(h.member()), c[i++ % c.length], x, arr(h.trainLoss()), arr(h.validationLoss()),
                        arr(h.trainMetric()), arr(h.validationMetric()));
            }
        } else {
            curvesTitle.setText("");
        }
        lossChart.setSeries(loss);
        metricChart.setSeries(metric);
        String keptLabel = Double.isNaN(kept) ? null : I18n.tr(keptEpoch ? "ui.models.chart.keptEpoch" : "ui.models.chart.kept", (int) kept);
        lossChart.setMarker(kept, keptLabel, null);
        metricChart.setMarker(kept, keptLabel, null);
    }

    private static double[] arr(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i) == null ? Double.NaN : l.get(i);
        return a;
    }

    private static void addCurves(List<PlotCanvas.Series> loss, List<PlotCanvas.Series> metric, String name, Color color,
                                  double[] x, double[] tl, double[] vl, double[] tm, double[] vmv) {
        loss.add(PlotCanvas.Series.dashed(I18n.tr("ui.models.chart.train", name), color, x, tl));
        loss.add(PlotCanvas.Series.line(I18n.tr("ui.models.chart.validation", name), color, x, vl));
        metric.add(PlotCanvas.Series.dashed(I18n.tr("ui.models.chart.train", name), color, x, tm));
        metric.add(PlotCanvas.Series.line(I18n.tr("ui.models.chart.validation", name), color, x, vmv));
    }

    static String algoName(String key) {
        try {
            return I18n.tr("ui.models.algorithm.short." + Algorithm.fromKey(key).key());
        } catch (IllegalArgumentException e) {
            return key;
        }
    }

    // ===================================================================================== evaluation

    private void showModel(TrainedModel m) {
        showCurves();
        if (m == null) {
            evaluationHolder.getChildren().setAll(muted(I18n.tr("ui.models.eval.none")));
            importance.setData(List.of(), "");
            return;
        }
        Evaluation ev = m.info().evaluation();
        evaluationHolder.getChildren().setAll(ev.classification() != null ? classification(m, ev.classification()) : regression(m, ev.regression()));
        importance.setData(m.info().importance(), I18n.tr(m.task() == Task.CLASSIFICATION ? "ui.models.metric.roc_auc" : "ui.models.metric.r2"));
    }

    /** The cross-validated metric (mean ± standard deviation over the folds) after tile {@code at - 1}, when there is one. */
    private void addCrossValidation(FlowPane kpis, TrainedModel m, int at) {
        var cv = m.info().crossValidation();
        if (cv == null) return;
        Node tile = kpi("roc_auc".equals(cv.metric()) ? "ui.models.metric.cvAuc" : "ui.models.metric.cvR2",
                fmt(cv.mean(), 3) + " ± " + fmt(cv.std(), 3),
                I18n.tr("ui.models.hint.cv", cv.folds(), cv.values().stream().map(v -> fmt(v, 3)).collect(java.util.stream.Collectors.joining(", "))));
        tile.setId("cvKpi");
        kpis.getChildren().add(at, tile);
    }

    private Node kpi(String key, String value, String hint) {
        Label v = new Label(value);
        v.getStyleClass().add("kpi-value");
        Label t = new Label(I18n.tr(key));
        t.getStyleClass().add("kpi-label");
        VBox b = new VBox(2, t, v);
        b.getStyleClass().add("kpi");
        if (hint != null) Tooltip.install(b, new Tooltip(hint));
        // never cut: a tile is as wide as its label and value, and the row wraps when they do not fit
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** Tiles side by side, wrapping onto another line where the window is narrow or the labels long. */
    private static FlowPane kpiRow(Node... tiles) {
        return new FlowPane(10, 10, tiles);
    }

    private Node classification(TrainedModel m, Evaluation.Classification c) {
        FlowPane kpis = kpiRow(
                kpi("ui.models.metric.roc_auc", fmt(c.rocAuc(), 3), I18n.tr("ui.models.hint.auc")),
                kpi("ui.models.metric.pr_auc", fmt(c.prAuc(), 3), I18n.tr("ui.models.hint.ap")),
                kpi("ui.models.metric.log_loss", fmt(c.logLoss(), 3), I18n.tr("ui.models.hint.logLoss")),
                kpi("ui.models.metric.brier", fmt(c.brier(), 3), I18n.tr("ui.models.hint.brier")),
                kpi("ui.models.metric.accuracy", Formats.percent(c.accuracy()), null),
                kpi("ui.models.metric.base_rate", Formats.percent(c.rows() == 0 ? 0 : (double) c.positives() / c.rows()),
                        I18n.tr("ui.models.hint.baseRate", Formats.integer(c.positives()), Formats.integer(c.rows()))));
        addCrossValidation(kpis, m, 1);
        kpis.getStyleClass().add("kpi-row");

        // charts
        DoubleFunction<String> p2 = v -> fmt(v, 1);
        rocChart = new PlotCanvas(dark).titles(I18n.tr("ui.models.chart.fpr"), I18n.tr("ui.models.chart.tpr"))
                .formats(p2, p2).range(0, 1, 0, 1).diagonal(true);
        rocChart.setId("rocChart");
        rocChart.setSeries(List.of(PlotCanvas.Series.line(I18n.tr("ui.models.chart.model"), rocChart.palette().accent(), c.roc().fpr(), c.roc().tpr())));
        prChart = new PlotCanvas(dark).titles(I18n.tr("ui.models.chart.recall"), I18n.tr("ui.models.chart.precision"))
                .formats(p2, p2).range(0, 1, 0, 1);
        prChart.setId("prChart");
        prChart.setSeries(List.of(PlotCanvas.Series.line(I18n.tr("ui.models.chart.model"), prChart.palette().accent(), c.pr().recall(), c.pr().precision())));
        prChart.setHorizontalLines(c.rows() == 0 ? 0 : (double) c.positives() / c.rows());
        int g = c.gains().size();
        double[] share = new double[g + 1], gain = new double[g + 1], dec = new double[g], lift = new double[g];
        for (int i = 0; i < g; i++) {
            Metrics.GainsRow r = c.gains().get(i);
            share[i + 1] = r.cumulativeRowShare();
            gain[i + 1] = r.cumulativeGain();
            dec[i] = r.group();
            lift[i] = r.lift();
        }
        PlotCanvas gains = new PlotCanvas(dark).titles(I18n.tr("ui.models.chart.contacted"), I18n.tr("ui.models.chart.captured"))
                .formats(v -> Formats.percent(v), v -> Formats.percent(v)).range(0, 1, 0, 1).diagonal(true);
        gains.setSeries(List.of(PlotCanvas.Series.line(I18n.tr("ui.models.chart.model"), gains.palette().accent(), share, gain)));
        PlotCanvas liftChart = new PlotCanvas(dark).titles(I18n.tr("ui.models.chart.decile"), I18n.tr("ui.models.chart.lift"))
                .formats(v -> fmt(v, 0), v -> fmt(v, 1));
        liftChart.setSeries(List.of(PlotCanvas.Series.bars(null, liftChart.palette().series()[0], dec, lift)));
        liftChart.setHorizontalLines(1);
        int cb = c.calibration().size();
        List<Double> mp = new ArrayList<>(), fp0 = new ArrayList<>();
        for (Metrics.CalibrationBin b : c.calibration()) if (b.count() > 0) { mp.add(b.meanPredicted()); fp0.add(b.fractionPositive()); }
        PlotCanvas calib = new PlotCanvas(dark).titles(I18n.tr("ui.models.chart.predicted"), I18n.tr("ui.models.chart.observed"))
                .formats(p2, p2).range(0, 1, 0, 1).diagonal(true);
        calib.setSeries(List.of(PlotCanvas.Series.line(I18n.tr("ui.models.chart.model"), calib.palette().series()[1], arr(mp), arr(fp0))));
        GridPane charts = new GridPane();
        charts.setHgap(12);
        charts.setVgap(12);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / 3);
            charts.getColumnConstraints().add(cc);
        }
        charts.add(card(I18n.tr("ui.models.chart.rocTitle", fmt(c.rocAuc(), 3)), rocChart, true), 0, 0);
        charts.add(card(I18n.tr("ui.models.chart.prTitle", fmt(c.prAuc(), 3)), prChart, true), 1, 0);
        charts.add(card(I18n.tr("ui.models.chart.calibrationTitle", fmt(c.brier(), 3)), calib, true), 2, 0);
        charts.add(card(I18n.tr("ui.models.chart.gainsTitle"), gains, true), 0, 1);
        charts.add(card(I18n.tr("ui.models.chart.liftTitle"), liftChart, true), 1, 1);
        charts.add(reportCard(c), 2, 1);
        for (Node n : charts.getChildren()) {
            if (n instanceof Region r) r.setPrefHeight(280);
        }
        VBox box = new VBox(14, kpis, thresholdPanel(m), charts);
        box.setPadding(new Insets(14));
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setId("evaluationScroll");
        updateThresholdPanel();
        return sp;
    }

    private Node reportCard(Evaluation.Classification c) {
        GridPane g = new GridPane();
        g.getStyleClass().add("report-grid");
        g.setHgap(14);
        g.setVgap(6);
        String[] heads = {"", I18n.tr("ui.models.report.precision"), I18n.tr("ui.models.report.recall"),
            I18n.tr("ui.models.report.f1"), I18n.tr("ui.models.report.support")};
        for (int i = 0; i < heads.length; i++) {
            Label h = new Label(heads[i]);
            h.getStyleClass().add(Styles.TEXT_BOLD);
            g.add(h, i, 0);
        }
        int r = 1;
        List<Metrics.ClassRow> rows = new ArrayList<>(c.report().classes());
        rows.add(c.report().macroAvg());
        rows.add(c.report().weightedAvg());
        for (Metrics.ClassRow cr : rows) {
            String label = cr == c.report().macroAvg() ? I18n.tr("ui.models.report.macro")
                    : cr == c.report().weightedAvg() ? I18n.tr("ui.models.report.weighted") : cr.label();
            g.add(new Label(label), 0, r);
            g.add(new Label(fmt(cr.precision(), 3)), 1, r);
            g.add(new Label(fmt(cr.recall(), 3)), 2, r);
            g.add(new Label(fmt(cr.f1(), 3)), 3, r);
            g.add(new Label(Formats.integer(cr.support())), 4, r);
            r++;
        }
        g.add(new Label(I18n.tr("ui.models.report.accuracy")), 0, r);
        g.add(new Label(fmt(c.report().accuracy(), 3)), 3, r);
        Label note = muted(I18n.tr("ui.models.report.note", fmt(c.threshold(), 2)));
        VBox v = new VBox(8, g, note);
        return card(I18n.tr("ui.models.report.title"), v, true);
    }

    private Node thresholdPanel(TrainedModel m) {
        thresholdSlider.setId("thresholdSlider");
        thresholdSlider.setMajorTickUnit(0.1);
        thresholdSlider.setShowTickMarks(true);
        thresholdSlider.setShowTickLabels(true);
        thresholdSlider.setLabelFormatter(doubleConverter(1));
        if (keep.stream().noneMatch(o -> o == thresholdSlider)) {
            keep.add(thresholdSlider);
            bindBoth(thresholdSlider.valueProperty(), vm.thresholdProperty());
        }
        thresholdValue.getStyleClass().add("threshold-value");
        thresholdValue.setId("thresholdValue");
        HBox.setHgrow(thresholdSlider, Priority.ALWAYS);
        Label tl = new Label(I18n.tr("ui.models.threshold.label"));
        tl.getStyleClass().add(Styles.TEXT_BOLD);
        HBox sliderRow = new HBox(12, tl, thresholdSlider, thresholdValue);
        sliderRow.setAlignment(Pos.CENTER_LEFT);

        Spinner<Double> value = doubleSpinner(vm.valuePerTruePositiveProperty(), 0, 1e9, 10, 2, "valueSpinner");
        Spinner<Double> cost = doubleSpinner(vm.costPerContactProperty(), 0, 1e9, 1, 2, "costSpinner");
        value.setPrefWidth(120);
        cost.setPrefWidth(120);
        Button best = new Button(I18n.tr("ui.models.threshold.best"), new FontIcon(MaterialDesignC.CASH_MULTIPLE));
        best.setId("bestProfitButton");
        best.getStyleClass().add(Styles.SUCCESS);
        best.setOnAction(e -> {
            Metrics.ProfitPoint p = vm.pickBestThreshold();
            if (p != null) bestProfitNote.setText(I18n.tr("ui.models.threshold.bestNote", fmt(vm.thresholdProperty().get(), 3), money(p.profit())));
        });
        bestProfitNote.getStyleClass().add(Styles.TEXT_MUTED);
        bestProfitNote.setText("");
        Label vl = new Label(I18n.tr("ui.models.threshold.value")), cl = new Label(I18n.tr("ui.models.threshold.cost"));
        for (Region r : List.of(vl, cl, best)) r.setMinWidth(Region.USE_PREF_SIZE);
        HBox valueBox = new HBox(8, vl, value), costBox = new HBox(8, cl, cost);
        valueBox.setAlignment(Pos.CENTER_LEFT);
        costBox.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane econ = new javafx.scene.layout.FlowPane(18, 8, valueBox, costBox, best, bestProfitNote);
        econ.setAlignment(Pos.CENTER_LEFT);

        String col = m.info().target().column();
        String pos = col + " = " + m.info().target().positive(), neg = col + " = " + m.info().target().negative();
        GridPane cm = new GridPane();
        cm.getStyleClass().add("confusion");
        cm.setHgap(4);
        cm.setVgap(4);
        Label corner = muted(I18n.tr("ui.models.cm.corner"));
        cm.add(corner, 0, 0);
        cm.add(cmHead(I18n.tr("ui.models.cm.predicted", pos)), 1, 0);
        cm.add(cmHead(I18n.tr("ui.models.cm.predicted", neg)), 2, 0);
        cm.add(cmHead(I18n.tr("ui.models.cm.actual", pos)), 0, 1);
        cm.add(cmHead(I18n.tr("ui.models.cm.actual", neg)), 0, 2);
        cm.add(cmBox(tp, "ui.models.cm.tp", "cm-good"), 1, 1);
        cm.add(cmBox(fn, "ui.models.cm.fn", "cm-bad"), 2, 1);
        cm.add(cmBox(fp, "ui.models.cm.fp", "cm-bad"), 1, 2);
        cm.add(cmBox(tn, "ui.models.cm.tn", "cm-good"), 2, 2);

        profitValue.getStyleClass().add("profit");
        contactedValue.setWrapText(true);
        HBox stats = new HBox(10, statBox("ui.models.threshold.precision", precisionValue),
                statBox("ui.models.threshold.recall", recallValue),
                statBox("ui.models.threshold.contacted", contactedValue),
                statBox("ui.models.threshold.profit", profitValue));
        HBox lower = new HBox(cm);
        lower.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(12, heading("ui.models.threshold.title"), sliderRow, econ, stats, lower);
        box.getStyleClass().add("threshold-panel");
        box.setPadding(new Insets(14));
        return box;
    }

    private static VBox statBox(String key, Label value) {
        Label t = new Label(I18n.tr(key));
        t.getStyleClass().add("kpi-label");
        t.setWrapText(true);
        VBox b = new VBox(2, t, value);
        b.getStyleClass().add("stat-box");
        HBox.setHgrow(b, Priority.ALWAYS);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setPrefWidth(100);
        return b;
    }

    private static Label cmHead(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("cm-head");
        l.setWrapText(true);
        l.setMaxWidth(170);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static VBox cmBox(Label count, String key, String style) {
        Label cap = new Label(I18n.tr(key));
        cap.getStyleClass().add("cm-caption");
        cap.setWrapText(true); // "No detectados (falsos negativos)" wraps instead of losing its end
        cap.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox b = new VBox(2, count, cap);
        b.setAlignment(Pos.CENTER);
        b.getStyleClass().addAll("cm-cell", style);
        b.setPrefSize(180, 62);
        b.setMinWidth(150);
        b.setMinHeight(Region.USE_PREF_SIZE);
        return b;
    }

    private void updateThresholdPanel() {
        Metrics.Confusion c = vm.getConfusion();
        double t = vm.thresholdProperty().get();
        thresholdValue.setText(fmt(t, 3));
        if (c == null) {
            for (Label l : List.of(tp, fp, tn, fn, precisionValue, recallValue, contactedValue, profitValue)) l.setText("–");
            return;
        }
        tp.setText(Formats.integer(c.tp()));
        fp.setText(Formats.integer(c.fp()));
        tn.setText(Formats.integer(c.tn()));
        fn.setText(Formats.integer(c.fn()));
        precisionValue.setText(Formats.percent(c.precision()));
        recallValue.setText(Formats.percent(c.recall()));
        contactedValue.setText(I18n.tr("ui.models.threshold.contactedValue", Formats.percent(c.contactedShare()), Formats.integer(c.contacted())));
        Double p = vm.profitProperty().get();
        profitValue.setText(p == null ? "–" : money(p));
        profitValue.getStyleClass().removeAll("profit-negative");
        if (p != null && p < 0) profitValue.getStyleClass().add("profit-negative");
        long n = c.tp() + c.fp() + c.tn() + c.fn();
        if (rocChart != null && n > 0) {
            long neg = c.fp() + c.tn(), pos = c.tp() + c.fn();
            double fpr = neg == 0 ? 0 : (double) c.fp() / neg, tpr = pos == 0 ? 0 : (double) c.tp() / pos;
            rocChart.setMarker(Double.NaN, null, new double[]{fpr, tpr});
            prChart.setMarker(Double.NaN, null, c.contacted() == 0 ? null : new double[]{c.recall(), c.precision()});
        }
    }

    private Node regression(TrainedModel m, Evaluation.Regression r) {
        FlowPane kpis = kpiRow(
                kpi("ui.models.metric.mae", fmt(r.mae(), 2), I18n.tr("ui.models.hint.mae")),
                kpi("ui.models.metric.rmse", fmt(r.rmse(), 2), I18n.tr("ui.models.hint.rmse")),
                kpi("ui.models.metric.r2", fmt(r.r2(), 3), I18n.tr("ui.models.hint.r2")),
                kpi("ui.models.metric.rows", Formats.integer(r.rows()), null));
        addCrossValidation(kpis, m, 3);
        PlotCanvas scatter = new PlotCanvas(dark).titles(I18n.tr("ui.models.chart.actual"), I18n.tr("ui.models.chart.predictedValue"))
                .formats(v -> fmt(v, 0), v -> fmt(v, 0)).diagonal(true);
        scatter.setId("predictedVsActual");
        scatter.setSeries(List.of(PlotCanvas.Series.points(null, scatter.palette().accent(), r.testActual(), r.testPredicted())));
        PlotCanvas resid = new PlotCanvas(dark).titles(I18n.tr("ui.models.chart.predictedValue"), I18n.tr("ui.models.chart.residual"))
                .formats(v -> fmt(v, 0), v -> fmt(v, 0));
        resid.setSeries(List.of(PlotCanvas.Series.points(null, resid.palette().series()[1], r.testPredicted(), r.residuals())));
        resid.setHorizontalLines(0);
        HBox charts = new HBox(12, card(I18n.tr("ui.models.chart.scatterTitle"), scatter, true),
                card(I18n.tr("ui.models.chart.residualTitle"), resid, true));
        for (Node n : charts.getChildren()) {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((Region) n).setPrefHeight(420);
        }
        VBox box = new VBox(14, kpis, charts);
        box.setPadding(new Insets(14));
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }

    // ===================================================================================== importance

    private Node importanceTab() {
        Label note = muted(I18n.tr("ui.models.importance.note"));
        VBox box = new VBox(10, note, importance);
        box.setPadding(new Insets(14));
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }

    // ==================================================================================== leaderboard

    private Node leaderboardTab() {
        ComboBox<String> sort = new ComboBox<>();
        sort.setId("sortMetricCombo");
        sort.setConverter(new StringConverter<>() {
            @Override public String toString(String k) { return k == null ? "" : I18n.tr("ui.models.metric." + k); }

            @Override public String fromString(String s) { return null; }
        });
        TableView<Leaderboard.Entry> table = new TableView<>(vm.leaderboard());
        table.setId("leaderboardTable");
        // every column as wide as its header; a scroll bar rather than cut headers when the window is narrow
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(muted(I18n.tr("ui.models.leaderboard.empty")));
        Runnable columns = () -> {
            Task t = vm.effectiveTask();
            List<String> metrics = t == Task.REGRESSION ? ModelsViewModel.REGRESSION_METRICS : ModelsViewModel.CLASSIFICATION_METRICS;
            sort.getItems().setAll(metrics);
            sort.setValue(vm.sortMetricProperty().get());
            table.getColumns().clear();
            TableColumn<Leaderboard.Entry, String> rank = new TableColumn<>("#");
            rank.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Integer.toString(vm.leaderboard().indexOf(c.getValue()) + 1)));
            rank.setPrefWidth(40);
            rank.setMaxWidth(50);
            TableColumn<Leaderboard.Entry, String> name = new TableColumn<>(I18n.tr("ui.models.leaderboard.name"));
            name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
            name.setPrefWidth(200);
            TableColumn<Leaderboard.Entry, String> algo = new TableColumn<>(I18n.tr("ui.models.leaderboard.algorithm"));
            algo.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(algoName(c.getValue().algorithm())));
            algo.setMinWidth(150);
            algo.setPrefWidth(160);
            name.setMinWidth(140);
            table.getColumns().addAll(List.of(rank, name, algo));
            for (String k : metrics) {
                TableColumn<Leaderboard.Entry, String> col = new TableColumn<>(I18n.tr("ui.models.metric." + k));
                col.setCellValueFactory(c -> {
                    Double v = c.getValue().metrics().get(k);
                    return new ReadOnlyObjectWrapper<>(v == null ? "–" : fmt(v, 3));
                });
                col.getStyleClass().add("numeric-column");
                col.setMinWidth(headerWidth(col.getText()));
                col.setPrefWidth(col.getMinWidth() + 8);
                if (k.equals(vm.sortMetricProperty().get())) col.getStyleClass().add("sorted-column");
                table.getColumns().add(col);
            }
            TableColumn<Leaderboard.Entry, String> secs = new TableColumn<>(I18n.tr("ui.models.leaderboard.seconds"));
            secs.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(fmt(c.getValue().trainSeconds(), 1)));
            secs.getStyleClass().add("numeric-column");
            secs.setMinWidth(headerWidth(secs.getText()));
            secs.setPrefWidth(secs.getMinWidth() + 8);
            table.getColumns().add(secs);
            for (TableColumn<Leaderboard.Entry, ?> col : table.getColumns()) col.setSortable(false);
        };
        disposer.add(vm.setupProperty().subscribe(s -> columns.run()));
        disposer.add(vm.sortMetricProperty().subscribe(s -> columns.run()));
        sort.valueProperty().addListener((o, a, b) -> {
            if (b != null) vm.sortMetricProperty().set(b);
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                TrainedModel m = vm.model(b);
                if (m != null) vm.selectedModelProperty().set(m);
            }
        });
        Label note = muted(I18n.tr("ui.models.leaderboard.note"));
        HBox top = new HBox(10, new Label(I18n.tr("ui.models.leaderboard.sortBy")), sort, note);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(10, top, table);
        box.setPadding(new Insets(14));
        return box;
    }

    // ======================================================================================== scoring

    private Node scoringTab() {
        ComboBox<String> ds = new ComboBox<>(vm.datasetNames());
        ds.setId("scoreDatasetCombo");
        bindBoth(ds.valueProperty(), vm.scoreDatasetProperty());
        ComboBox<ScoringPolicy.Use> use = new ComboBox<>();
        use.getItems().addAll(ScoringPolicy.Use.values());
        use.setId("scoringUseCombo");
        use.setConverter(new StringConverter<>() {
            @Override public String toString(ScoringPolicy.Use u) { return u == null ? "" : I18n.tr("ui.models.score.use." + u.key()); }

            @Override public ScoringPolicy.Use fromString(String s) { return null; }
        });
        bindBoth(use.valueProperty(), vm.scoringUseProperty());
        GridPane form = form();
        row(form, 0, "ui.models.score.dataset", ds);
        row(form, 1, "ui.models.score.use", use);
        Label[] tierLabels = new Label[3];
        for (int i = 0; i < 3; i++) {
            Spinner<Double> s = doubleSpinner(vm.cutoffProperty(i), 0, 1, 0.05, 2, "cutoff" + i);
            tierLabels[i] = new Label();
            form.add(tierLabels[i], 0, 2 + i);
            form.add(s, 1, 2 + i);
        }
        Label cutNote = muted("");
        disposer.add(vm.scoringUseProperty().subscribe(u -> {
            if (u == null) return;
            ScoringPolicy p = ScoringPolicy.defaults(u);
            for (int i = 0; i < 3; i++) tierLabels[i].setText(I18n.tr("ui.models.score.cutoff", p.tierName(i, I18n.locale())));
            cutNote.setText(I18n.tr(u == ScoringPolicy.Use.LTV ? "ui.models.score.quantileNote" : "ui.models.score.probabilityNote"));
        }));
        Button score = new Button(I18n.tr("ui.models.score.button"), new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
        score.setId("scoreButton");
        score.getStyleClass().add(Styles.ACCENT);
        score.setOnAction(e -> vm.score());
        score.disableProperty().bind(vm.selectedModelProperty().isNull().or(vm.scoringProperty()));
        Button scoreFile = new Button(I18n.tr("ui.models.score.file"), new FontIcon(MaterialDesignF.FILE_UPLOAD_OUTLINE));
        scoreFile.setId("scoreFileButton");
        scoreFile.setOnAction(e -> vm.scoreFile());
        scoreFile.disableProperty().bind(vm.selectedModelProperty().isNull().or(vm.scoringProperty()));
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.scoreErrorProperty());

        TableView<long[]> tiers = new TableView<>();
        tiers.setId("tierTable");
        tiers.setPrefHeight(190);
        tiers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tiers.setPlaceholder(muted(I18n.tr("ui.models.score.none")));
        TableColumn<long[], String> tier = new TableColumn<>(I18n.tr("ui.models.score.tier"));
        TableColumn<long[], String> action = new TableColumn<>(I18n.tr("ui.models.score.action"));
        TableColumn<long[], String> rows = new TableColumn<>(I18n.tr("ui.models.score.rows"));
        TableColumn<long[], String> share = new TableColumn<>(I18n.tr("ui.models.score.share"));
        tier.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(vm.policyOrDefault().tierName((int) c.getValue()[0], I18n.locale())));
        action.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(vm.policyOrDefault().actionName((int) c.getValue()[0], I18n.locale())));
        rows.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Formats.integer(c.getValue()[1])));
        share.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Formats.percent(c.getValue()[2] == 0 ? 0 : (double) c.getValue()[1] / c.getValue()[2])));
        tiers.getColumns().addAll(List.of(tier, action, rows, share));
        for (TableColumn<long[], ?> c : tiers.getColumns()) c.setSortable(false);

        Label resultNote = new Label();
        resultNote.setId("scoreSummary");
        resultNote.setWrapText(true);
        Button add = new Button(I18n.tr("ui.models.score.add"), new FontIcon(MaterialDesignT.TABLE_COLUMN_PLUS_AFTER));
        add.setId("addScoresButton");
        add.setOnAction(e -> vm.addScoresToDataset());
        Button export = new Button(I18n.tr("ui.models.score.export"), new FontIcon(MaterialDesignF.FILE_DELIMITED_OUTLINE));
        export.setId("exportScoresButton");
        export.setOnAction(e -> vm.exportScored());
        add.disableProperty().bind(vm.scoreResultProperty().isNull().or(vm.scoredFileProperty().isNotNull()));
        export.disableProperty().bind(vm.scoreResultProperty().isNull());
        disposer.add(vm.scoreResultProperty().subscribe((ModelScorer.ScoreResult r) -> {
            if (r == null) {
                tiers.getItems().clear();
                resultNote.setText("");
                return;
            }
            long[] counts = r.tierCounts();
            List<long[]> items = new ArrayList<>();
            for (int i = 0; i < 4; i++) items.add(new long[]{i, counts[i], r.rows()});
            tiers.getItems().setAll(items);
            String summary = I18n.tr("ui.models.score.summary", Formats.integer(r.rows()),
                    String.join(", ", ModelScorer.scoredColumnNames(vm.scorePrefix())));
            java.nio.file.Path file = vm.scoredFileProperty().get();
            resultNote.setText(file == null ? summary
                    : summary + " " + I18n.tr("ui.models.score.fileSource", file.getFileName().toString()));
        }));
        HBox buttons = new HBox(10, score, scoreFile, add, export);
        buttons.setAlignment(Pos.CENTER_LEFT);
        form.setMaxWidth(520);
        Label inputNotes = new Label();
        inputNotes.setId("scoreInputNotes");
        inputNotes.setWrapText(true);
        inputNotes.getStyleClass().add(Styles.WARNING);
        inputNotes.textProperty().bind(vm.scoreNotesProperty());
        inputNotes.visibleProperty().bind(vm.scoreNotesProperty().isNotEmpty());
        inputNotes.managedProperty().bind(inputNotes.visibleProperty());
        VBox box = new VBox(12, muted(I18n.tr("ui.models.score.intro")), form, cutNote, buttons, error, tiers, resultNote, inputNotes);
        box.setPadding(new Insets(14));
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }
}
