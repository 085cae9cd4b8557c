package io.segmenta.app.segments;

import atlantafx.base.theme.Styles;
import io.segmenta.app.segments.SegmentsDialogs.BriefFormat;
import io.segmenta.app.segments.SegmentsViewModel.Metric;
import io.segmenta.app.segments.SegmentsViewModel.ProfileRow;
import io.segmenta.app.segments.SegmentsViewModel.SegmentName;
import io.segmenta.app.ui.CheckPicker;
import io.segmenta.app.ui.Disposer;
import io.segmenta.app.ui.Formats;
import io.segmenta.app.ui.Icons;
import io.segmenta.core.segment.CreativeBrief;
import io.segmenta.core.segment.SegmentProfiles.SegmentProfile;
import io.segmenta.core.segment.SegmentationOptions.MissingPolicy;
import io.segmenta.core.segment.SegmentationOptions.Scaling;
import io.segmenta.core.segment.SegmentationOptions.Transform;
import io.segmenta.core.segment.SegmentationOptions;
import io.segmenta.core.segment.SweepResult;
import io.segmenta.core.util.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Segments section: setup on the left; on the right the elbow chart (click a point to choose k) with
 * the advice, stability and fit, and below it the results: segment names and profiles, charts (heatmap,
 * PCA map, box plots) and the brief for creatives. Only binds to {@link SegmentsViewModel}.
 */
public final class SegmentsView {
    public static final String CSS = Objects.requireNonNull(SegmentsView.class.getResource("/io/segmenta/app/segments.css")).toExternalForm();

    private final SegmentsViewModel vm;
    private final boolean dark;
    private final Disposer disposer = new Disposer();
    private final BorderPane root = new BorderPane();
    private final ElbowChart elbow;
    private final HeatmapChart heatmap;
    private final PcaChart pcaChart;
    private final BoxChart boxChart;
    private final TabPane results = new TabPane();
    private final TableView<ProfileRow> profileTable = new TableView<>();
    private VBox runBar;

    public SegmentsView(SegmentsViewModel vm, boolean dark) {
        this.vm = vm;
        this.dark = dark;
        this.elbow = new ElbowChart(dark);
        this.heatmap = new HeatmapChart(dark);
        this.pcaChart = new PcaChart(dark);
        this.boxChart = new BoxChart(dark);
        vm.refreshLanguage();
        build();
    }

    public Parent root() { return root; }

    ElbowChart elbowChart() { return elbow; }

    private void build() {
        root.getStylesheets().add(CSS);
        root.getStyleClass().add("segments");
        root.setId("segmentsView");
        if (dark) root.getStyleClass().add("dark");

        Label title = new Label(I18n.tr("ui.segments.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label(I18n.tr("ui.segments.subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        VBox header = new VBox(2, title, subtitle);
        header.getStyleClass().add("segments-header");
        root.setTop(header);

        ScrollPane setup = new ScrollPane(setupPanel());
        setup.setFitToWidth(true);
        setup.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setup.getStyleClass().add("setup-scroll");
        VBox.setVgrow(setup, Priority.ALWAYS);
        VBox left = new VBox(10, setup, runBar);
        left.getStyleClass().add("setup-column");
        left.setPrefWidth(400);
        left.setMinWidth(360);
        root.setLeft(left);

        VBox right = new VBox(12, elbowCard(), resultsPane());
        VBox.setVgrow(results, Priority.ALWAYS);
        right.getStyleClass().add("segments-main");
        root.setCenter(right);
    }

    // =============================================================================================
    // setup

    private Node setupPanel() {
        VBox box = new VBox(10);
        box.getStyleClass().add("setup");

        ComboBox<String> datasets = new ComboBox<>(vm.datasets());
        datasets.setId("segmentsDataset");
        datasets.setMaxWidth(Double.MAX_VALUE);
        datasets.valueProperty().bindBidirectional(vm.datasetProperty());
        disposer.add(() -> datasets.valueProperty().unbindBidirectional(vm.datasetProperty()));

        Label filterLabel = new Label(I18n.tr("ui.segments.setup.filter"));
        TextField filter = new TextField();
        filter.setId("segmentsFilter");
        filter.setPromptText(I18n.tr("ui.segments.setup.filterPrompt"));
        filter.setTooltip(new Tooltip(I18n.tr("ui.segments.setup.filterHint")));
        filterLabel.setLabelFor(filter);
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        disposer.add(() -> filter.textProperty().unbindBidirectional(vm.filterTextProperty()));
        Label filterError = new Label();
        filterError.setId("segmentsFilterError");
        filterError.setWrapText(true);
        filterError.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        filterError.textProperty().bind(vm.filterErrorProperty());
        filterError.visibleProperty().bind(vm.filterErrorProperty().isNotEmpty());
        filterError.managedProperty().bind(filterError.visibleProperty());
        VBox filterBox = new VBox(4, filterLabel, filter, filterError);

        CheckBox subset = new CheckBox(I18n.tr("ui.segments.setup.subset"));
        subset.setId("subsetCheck");
        subset.selectedProperty().bindBidirectional(vm.subsetEnabledProperty());
        disposer.add(() -> subset.selectedProperty().unbindBidirectional(vm.subsetEnabledProperty()));
        Spinner<Integer> topN = intSpinner(1, 10_000_000, vm.topNProperty().get(), 1000);
        topN.setId("topNSpinner");
        topN.setPrefWidth(110);
        bindInt(topN, vm.topNProperty());
        ComboBox<String> score = new ComboBox<>(vm.scoreColumns());
        score.setId("scoreColumn");
        score.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(score, Priority.ALWAYS);
        score.valueProperty().bindBidirectional(vm.scoreColumnProperty());
        disposer.add(() -> score.valueProperty().unbindBidirectional(vm.scoreColumnProperty()));
        Label by = new Label(I18n.tr("ui.segments.setup.by"));
        by.setMinWidth(Region.USE_PREF_SIZE);
        HBox subsetRow = new HBox(6, topN, by, score);
        subsetRow.setAlignment(Pos.CENTER_LEFT);
        subsetRow.disableProperty().bind(vm.subsetEnabledProperty().not());

        VBox featureBox = new VBox(2);
        featureBox.setId("featureList");
        featureBox.getStyleClass().add("feature-list");
        Runnable fillFeatures = () -> {
            featureBox.getChildren().clear();
            for (FeatureRow f : vm.features()) featureBox.getChildren().add(featureRow(f));
            if (vm.features().isEmpty()) {
                Label none = new Label(I18n.tr("ui.segments.setup.noColumns"));
                none.getStyleClass().add(Styles.TEXT_MUTED);
                featureBox.getChildren().add(none);
            }
        };
        fillFeatures.run();
        ListChangeListener<FeatureRow> onFeatures = c -> fillFeatures.run();
        vm.features().addListener(onFeatures);
        disposer.add(() -> vm.features().removeListener(onFeatures));
        Label featureHint = muted(I18n.tr("ui.segments.setup.featuresHint"));

        ComboBox<Scaling> scaling = enumCombo(Scaling.values(), s -> I18n.tr("ui.segments.scaling." + s.key()));
        scaling.setId("scalingCombo");
        scaling.valueProperty().bindBidirectional(vm.scalingProperty());
        disposer.add(() -> scaling.valueProperty().unbindBidirectional(vm.scalingProperty()));
        ComboBox<MissingPolicy> missing = enumCombo(MissingPolicy.values(), m -> I18n.tr("ui.segments.missing." + m.key()));
        missing.setId("missingCombo");
        missing.valueProperty().bindBidirectional(vm.missingProperty());
        disposer.add(() -> missing.valueProperty().unbindBidirectional(vm.missingProperty()));

        Label rows = new Label();
        rows.setId("rowsInfo");
        rows.setWrapText(true);
        rows.getStyleClass().add("rows-info");
        rows.textProperty().bind(vm.rowsInfoProperty());
        rows.setGraphic(Icons.icon(MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE));
        rows.visibleProperty().bind(vm.rowsInfoProperty().isNotEmpty());
        rows.managedProperty().bind(rows.visibleProperty());
        Label error = shownWhenSet("setupError", vm.setupErrorProperty(), Styles.DANGER, "setup-error");

        Spinner<Integer> kMin = intSpinner(2, SegmentationOptions.MAX_K, vm.kMinProperty().get(), 1);
        kMin.setId("kMinSpinner");
        bindInt(kMin, vm.kMinProperty());
        Spinner<Integer> kMax = intSpinner(2, SegmentationOptions.MAX_K, vm.kMaxProperty().get(), 1);
        kMax.setId("kMaxSpinner");
        bindInt(kMax, vm.kMaxProperty());
        Spinner<Integer> restarts = intSpinner(1, 1000, vm.restartsProperty().get(), 1);
        restarts.setId("restartsSpinner");
        bindInt(restarts, vm.restartsProperty());
        TextField seed = new TextField(Long.toString(vm.seedProperty().get()));
        seed.setId("seedField");
        seed.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("-?\\d{0,18}") ? c : null));
        seed.textProperty().addListener((o, a, b) -> {
            try {
                vm.seedProperty().set(Long.parseLong(b));
            } catch (NumberFormatException ignored) {
                // incomplete entry ("" or "-"): keep the last seed
            }
        });
        disposer.add(vm.seedProperty().subscribe(v -> {
            if (!seed.getText().equals(Long.toString(v.longValue()))) seed.setText(Long.toString(v.longValue()));
        }));
        GridPane k = new GridPane(8, 6);
        k.addRow(0, new Label(I18n.tr("ui.segments.setup.kFrom")), kMin, new Label(I18n.tr("ui.segments.setup.kTo")), kMax);
        k.addRow(1, new Label(I18n.tr("ui.segments.setup.restarts")), restarts, new Label(I18n.tr("ui.segments.setup.seed")), seed);
        kMin.setPrefWidth(80);
        kMax.setPrefWidth(80);
        restarts.setPrefWidth(80);
        seed.setPrefWidth(80);

        Button run = new Button(I18n.tr("ui.segments.elbow.run"), Icons.icon(MaterialDesignP.PLAY));
        run.setId("runSweepButton");
        run.getStyleClass().add(Styles.ACCENT);
        run.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(run, Priority.ALWAYS);
        run.setOnAction(e -> vm.runSweep());
        run.disableProperty().bind(vm.sweepingProperty().or(vm.setupErrorProperty().isNotEmpty()).or(vm.datasetProperty().isNull()));
        Button cancel = new Button(I18n.tr("ui.segments.elbow.cancel"), Icons.icon(MaterialDesignS.STOP));
        cancel.setId("cancelSweepButton");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.setOnAction(e -> vm.cancelSweep());
        cancel.visibleProperty().bind(vm.sweepingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("sweepProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(vm.sweepingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label progressText = muted("");
        progressText.visibleProperty().bind(vm.sweepingProperty());
        progressText.managedProperty().bind(progressText.visibleProperty());
        disposer.add(vm.sweepTaskProperty().subscribe(t -> {
            progress.progressProperty().unbind();
            progressText.textProperty().unbind();
            if (t != null) {
                progress.progressProperty().bind(t.progressProperty());
                progressText.textProperty().bind(t.messageProperty());
            }
        }));

        box.getChildren().addAll(
                section("ui.segments.setup.data", MaterialDesignT.TABLE),
                labelled("ui.segments.setup.dataset", datasets), filterBox, subset, subsetRow,
                section("ui.segments.setup.features", MaterialDesignF.FORMAT_LIST_CHECKS), featureHint, featureBox,
                section("ui.segments.setup.prepare", MaterialDesignT.TUNE_VARIANT),
                labelled("ui.segments.setup.scaling", scaling), labelled("ui.segments.setup.missing", missing), rows, error,
                section("ui.segments.setup.sweep", MaterialDesignC.CHART_BELL_CURVE_CUMULATIVE), k);
        runBar = new VBox(6, new HBox(6, run, cancel), progress, progressText);
        runBar.getStyleClass().add("run-bar");
        return box;
    }

    private Node featureRow(FeatureRow f) {
        CheckBox check = new CheckBox(f.column());
        check.setId("feature-" + f.column());
        check.selectedProperty().bindBidirectional(f.selectedProperty());
        check.setMnemonicParsing(false);
        check.setMinWidth(Region.USE_PREF_SIZE);
        Label kind = new Label(f.numeric() ? "" : I18n.tr("ui.segments.feature.categorical", Formats.integer(f.levels())));
        kind.setMinWidth(Region.USE_PREF_SIZE);
        kind.setVisible(!f.numeric());
        kind.setManaged(!f.numeric());
        kind.getStyleClass().addAll("kind-tag", f.numeric() ? "numeric" : "categorical");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(6, check, kind, spacer);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("feature-row");
        if (f.numeric()) {
            ComboBox<Transform> t = enumCombo(Transform.values(), x -> I18n.tr("ui.segments.transform." + x.key()));
            t.setId("transform-" + f.column());
            t.valueProperty().bindBidirectional(f.transformProperty());
            t.disableProperty().bind(f.selectedProperty().not().or(Bindings.createBooleanBinding(() -> !f.log1pAllowed())));
            t.setPrefWidth(118);
            if (f.skewed()) {
                Label skew = new Label(I18n.tr("ui.segments.feature.skewed"));
                skew.getStyleClass().add("skew-tag");
                skew.setMinWidth(Region.USE_PREF_SIZE);
                skew.setTooltip(new Tooltip(I18n.tr(f.log1pAllowed() ? "ui.segments.feature.skewedTip" : "ui.segments.feature.skewedNoLogTip")));
                row.getChildren().add(row.getChildren().size() - 1, skew);
            }
            row.getChildren().add(t);
        } else {
            Spinner<Double> w = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.1, 10, f.weightProperty().get(), 0.1));
            w.setId("weight-" + f.column());
            w.setEditable(true);
            w.setPrefWidth(96);
            w.getValueFactory().setConverter(new StringConverter<>() {
                @Override public String toString(Double d) { return d == null ? "" : SegmentsFormat.value(d); }

                @Override public Double fromString(String s) {
                    try {
                        return java.text.NumberFormat.getNumberInstance(I18n.locale()).parse(s.strip()).doubleValue();
                    } catch (java.text.ParseException e) {
                        return f.weightProperty().get();
                    }
                }
            });
            // both ways: a saved segmentation applies its weights after the rows are built
            javafx.beans.property.ObjectProperty<Double> weight = f.weightProperty().asObject();
            w.getProperties().put("weight", weight); // the binding holds it weakly
            w.getValueFactory().valueProperty().bindBidirectional(weight);
            w.disableProperty().bind(f.selectedProperty().not());
            w.setTooltip(new Tooltip(I18n.tr("ui.segments.feature.weightTip")));
            w.setPromptText(I18n.tr("ui.segments.feature.weight"));
            row.getChildren().add(w);
        }
        if (f.missing() > 0) {
            row.getChildren().get(0).setAccessibleHelp(I18n.tr("ui.segments.feature.missing", Formats.integer(f.missing())));
            Tooltip.install(check, new Tooltip(I18n.tr("ui.segments.feature.missing", Formats.integer(f.missing()))));
        }
        return row;
    }

    // =============================================================================================
    // elbow

    private Node elbowCard() {
        Label title = new Label(I18n.tr("ui.segments.elbow.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        ToggleGroup metrics = new ToggleGroup();
        HBox metricBox = new HBox();
        Label second = muted(I18n.tr("ui.segments.elbow.secondAxis"));
        second.setWrapText(false);
        second.setMinWidth(Region.USE_PREF_SIZE);
        metricBox.getChildren().add(second);
        HBox.setMargin(second, new Insets(0, 8, 0, 0));
        metricBox.setAlignment(Pos.CENTER_RIGHT);
        Metric[] all = Metric.values();
        for (int i = 0; i < all.length; i++) {
            Metric m = all[i];
            ToggleButton b = new ToggleButton(I18n.tr(m.key()));
            b.setId("metric-" + m.name().toLowerCase(java.util.Locale.ROOT));
            b.setUserData(m);
            b.setToggleGroup(metrics);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.getStyleClass().addAll(Styles.SMALL, i == 0 ? Styles.LEFT_PILL : i == all.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            metricBox.getChildren().add(b);
        }
        disposer.add(vm.metricProperty().subscribe(m -> metrics.getToggles().forEach(t -> t.setSelected(t.getUserData() == m))));
        metrics.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) { if (a != null) a.setSelected(true); } else vm.metricProperty().set((Metric) b.getUserData());
        });
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox head = new HBox(8, title, sp, metricBox);
        head.setAlignment(Pos.CENTER_LEFT);

        elbow.setEmptyText(I18n.tr("ui.segments.elbow.empty"));
        elbow.setPrefHeight(250);
        elbow.setMinHeight(200);
        elbow.setOnPick(vm::chooseK);
        Runnable redraw = () -> {
            SweepResult r = vm.sweepProperty().get();
            elbow.set(vm.sweepPoints(), vm.kMinProperty().get(), vm.kMaxProperty().get(), vm.metricProperty().get(),
                    r == null ? null : r.suggestedK(), r == null ? null : r.bestSilhouetteK(), vm.chosenKProperty().get());
        };
        ListChangeListener<Object> onPoints = c -> redraw.run();
        vm.sweepPoints().addListener(onPoints);
        disposer.add(() -> vm.sweepPoints().removeListener(onPoints));
        disposer.add(vm.sweepProperty().subscribe(redraw));
        disposer.add(vm.metricProperty().subscribe(redraw));
        disposer.add(vm.chosenKProperty().subscribe(redraw));
        disposer.add(vm.sweepingProperty().subscribe(s -> {
            if (s) elbow.set(List.of(), vm.kMinProperty().get(), vm.kMaxProperty().get(), vm.metricProperty().get(), null, null, 0);
            redraw.run();
        }));

        Label advice = new Label();
        advice.setId("adviceLabel");
        advice.setWrapText(true);
        advice.setMinHeight(Region.USE_PREF_SIZE);
        advice.getStyleClass().add("advice");
        advice.textProperty().bind(vm.sweepMessageProperty());
        advice.setGraphic(Icons.icon(MaterialDesignL.LIGHTBULB_ON_OUTLINE));
        advice.visibleProperty().bind(vm.sweepMessageProperty().isNotEmpty());
        advice.managedProperty().bind(advice.visibleProperty());
        disposer.add(vm.sweepProperty().subscribe(r -> advice.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("disagree"), r != null && r.disagree())));
        Label stale = new Label(I18n.tr("ui.segments.elbow.stale"));
        stale.setId("staleLabel");
        stale.setWrapText(true);
        stale.getStyleClass().addAll(Styles.WARNING, "stale");
        stale.visibleProperty().bind(vm.sweepStaleProperty());
        stale.managedProperty().bind(stale.visibleProperty());

        Spinner<Integer> kSpin = intSpinner(2, SegmentationOptions.MAX_K, Math.max(2, vm.chosenKProperty().get()), 1);
        kSpin.setId("kSpinner");
        kSpin.setPrefWidth(84);
        disposer.add(vm.chosenKProperty().subscribe(v -> {
            if (v.intValue() >= 2 && !Objects.equals(kSpin.getValue(), v.intValue())) kSpin.getValueFactory().setValue(v.intValue());
        }));
        kSpin.valueProperty().addListener((o, a, b) -> { if (b != null && b != vm.chosenKProperty().get()) vm.chooseK(b); });
        Label kLabel = new Label(I18n.tr("ui.segments.elbow.chosenK"));

        Button stab = new Button(I18n.tr("ui.segments.stability.check"), Icons.icon(MaterialDesignS.SCALE_BALANCE));
        stab.setId("stabilityButton");
        stab.getStyleClass().add(Styles.BUTTON_OUTLINED);
        stab.setOnAction(e -> vm.assessStability());
        stab.disableProperty().bind(vm.assessingProperty().or(vm.chosenKProperty().lessThan(2)).or(vm.sweepingProperty()));
        stab.setTooltip(new Tooltip(I18n.tr("ui.segments.stability.tip")));
        Label stabLabel = new Label();
        stabLabel.setId("stabilityLabel");
        stabLabel.setWrapText(true);
        stabLabel.setMaxWidth(420);
        disposer.add(vm.stabilityProperty().subscribe(s -> {
            stabLabel.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            stabLabel.setText(s == null ? "" : s.verdict(I18n.locale()));
            if (s != null) stabLabel.getStyleClass().add(s.meanAri() >= 0.9 ? Styles.SUCCESS : s.meanAri() >= 0.75 ? Styles.WARNING : Styles.DANGER);
        }));
        disposer.add(vm.assessingProperty().subscribe(a -> { if (a) stabLabel.setText(I18n.tr("ui.segments.stability.running")); }));

        Button fit = new Button();
        fit.setId("fitButton");
        fit.getStyleClass().add(Styles.ACCENT);
        fit.setGraphic(Icons.icon(MaterialDesignA.ACCOUNT_GROUP_OUTLINE));
        fit.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.tr("ui.segments.fit.button", Math.max(2, vm.chosenKProperty().get())), vm.chosenKProperty()));
        fit.setOnAction(e -> vm.fit());
        fit.disableProperty().bind(vm.fittingProperty().or(vm.chosenKProperty().lessThan(2)).or(vm.sweepingProperty())
                .or(vm.setupErrorProperty().isNotEmpty()));
        Region sp2 = new Region();
        HBox.setHgrow(sp2, Priority.ALWAYS);
        HBox actions = new HBox(8, kLabel, kSpin, stab, stabLabel, sp2, fit);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(8, head, elbow, advice, stale, actions);
        card.getStyleClass().add("seg-card");
        card.setId("elbowCard");
        return card;
    }

    // =============================================================================================
    // results

    private Node resultsPane() {
        results.setId("resultsTabs");
        results.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab segments = new Tab(I18n.tr("ui.segments.tab.segments"), segmentsTab());
        segments.setId("segmentsTab");
        Tab charts = new Tab(I18n.tr("ui.segments.tab.charts"), chartsTab());
        charts.setId("chartsTab");
        Tab briefTab = new Tab(I18n.tr("ui.segments.tab.brief"), briefTab());
        briefTab.setId("briefTab");
        results.getTabs().addAll(segments, charts, briefTab);

        Label empty = new Label(I18n.tr("ui.segments.results.empty"), Icons.icon(MaterialDesignA.ACCOUNT_GROUP_OUTLINE, 28));
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, "results-empty");
        empty.setWrapText(true);
        Label busy = new Label(I18n.tr("ui.segments.fit.running"));
        busy.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressBar bar = new ProgressBar(-1);
        VBox fitting = new VBox(8, busy, bar);
        fitting.setAlignment(Pos.CENTER);
        fitting.visibleProperty().bind(vm.fittingProperty());
        empty.visibleProperty().bind(vm.profilesProperty().isNull().and(vm.fittingProperty().not()));
        results.visibleProperty().bind(vm.profilesProperty().isNotNull());
        Label error = shownWhenSet("resultError", vm.resultErrorProperty(), Styles.DANGER, "result-error");
        Label warning = shownWhenSet("resultWarning", vm.resultWarningProperty(), Styles.WARNING, "result-error");
        StackPane stack = new StackPane(empty, results, fitting);
        stack.getStyleClass().add("results");
        VBox.setVgrow(stack, Priority.ALWAYS);
        VBox box = new VBox(6, error, warning, stack);
        VBox.setVgrow(box, Priority.ALWAYS);
        disposer.add(vm.segmentationProperty().subscribe((a, b) -> {
            if (a == null && b != null && results.getSelectionModel().getSelectedIndex() != 0) results.getSelectionModel().select(0);
        }));
        return box;
    }

    /** A wrapping label showing {@code text}, and taking no room while it is empty. */
    private static Label shownWhenSet(String id, javafx.beans.value.ObservableStringValue text, String... styles) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().addAll(styles);
        l.textProperty().bind(text);
        l.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private Node segmentsTab() {
        VBox names = new VBox(4);
        names.setId("segmentNames");
        Runnable fillNames = () -> {
            names.getChildren().clear();
            int max = vm.names().stream().mapToInt(SegmentName::size).max().orElse(1);
            for (SegmentName n : vm.names()) names.getChildren().add(nameRow(n, max));
        };
        ListChangeListener<SegmentName> onNames = c -> fillNames.run();
        vm.names().addListener(onNames);
        disposer.add(() -> vm.names().removeListener(onNames));
        fillNames.run();
        disposer.add(vm.selectedSegmentProperty().subscribe(s -> {
            for (int i = 0; i < names.getChildren().size(); i++) {
                names.getChildren().get(i).pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), i == s.intValue());
            }
        }));

        Button apply = new Button(I18n.tr("ui.segments.names.apply"), Icons.icon(MaterialDesignC.CHECK));
        apply.setId("applyNamesButton");
        apply.getStyleClass().add(Styles.SMALL);
        apply.setOnAction(e -> vm.applyNames());
        Button suggested = new Button(I18n.tr("ui.segments.names.suggested"));
        suggested.setId("suggestedNamesButton");
        suggested.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        suggested.setOnAction(e -> vm.useSuggestedNames());
        Button addColumn = new Button(I18n.tr("ui.segments.column.add", SegmentsViewModel.SEGMENT_COLUMN), Icons.icon(MaterialDesignT.TABLE_COLUMN_PLUS_AFTER));
        addColumn.setId("addColumnButton");
        addColumn.getStyleClass().add(Styles.SMALL);
        addColumn.setOnAction(e -> vm.addSegmentColumn());
        addColumn.setTooltip(new Tooltip(I18n.tr("ui.segments.column.tip", SegmentsViewModel.SEGMENT_COLUMN)));
        Label added = new Label(I18n.tr("ui.segments.column.present", SegmentsViewModel.SEGMENT_COLUMN), Icons.icon(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
        added.setId("columnAddedLabel");
        added.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_SMALL);
        added.visibleProperty().bind(vm.columnAddedProperty());
        added.managedProperty().bind(added.visibleProperty());
        addColumn.visibleProperty().bind(vm.columnAddedProperty().not());
        addColumn.managedProperty().bind(addColumn.visibleProperty());
        HBox nameActions = new HBox(6, apply, suggested);
        nameActions.setAlignment(Pos.CENTER_LEFT);
        Label namesTitle = new Label(I18n.tr("ui.segments.names.title"));
        namesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Label quality = muted("");
        quality.setWrapText(true);
        disposer.add(vm.segmentationProperty().subscribe(s -> quality.setText(s == null ? "" : I18n.tr("ui.segments.fit.quality",
                Formats.integer(s.rows().length), SegmentsFormat.metric(s.metrics().silhouette()),
                SegmentsFormat.metric(s.metrics().calinskiHarabasz()), SegmentsFormat.metric(s.metrics().daviesBouldin())))));
        ScrollPane namesScroll = new ScrollPane(names);
        namesScroll.setFitToWidth(true);
        namesScroll.getStyleClass().add("names-scroll");
        VBox.setVgrow(namesScroll, Priority.ALWAYS);
        VBox left = new VBox(8, namesTitle, namesScroll, nameActions, addColumn, added, quality);
        left.setPrefWidth(300);
        left.setMinWidth(280);
        left.getStyleClass().add("names-pane");

        Label profileTitle = new Label();
        profileTitle.getStyleClass().add(Styles.TEXT_BOLD);
        profileTitle.setId("profileTitle");
        Label traits = new Label();
        traits.setId("traitsLabel");
        traits.setWrapText(true);
        traits.getStyleClass().add("traits");
        Label centre = new Label();
        centre.setId("centreLabel");
        centre.setWrapText(true);
        centre.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        centre.setMinHeight(Region.USE_PREF_SIZE); // wrap onto more lines instead of cutting the centre short
        Tooltip centreTip = new Tooltip();
        centreTip.textProperty().bind(centre.textProperty());
        centre.setTooltip(centreTip);
        buildProfileTable();
        Runnable fillProfile = () -> {
            int s = vm.selectedSegmentProperty().get();
            var p = vm.profilesProperty().get();
            if (p == null || s >= p.segments().size()) {
                profileTitle.setText("");
                traits.setText("");
                centre.setText("");
                profileTable.getItems().clear();
                return;
            }
            SegmentProfile sp = p.segments().get(s);
            profileTitle.setText(I18n.tr("ui.segments.profile.title", sp.name(), Formats.integer(sp.size()), Formats.percent(sp.share())));
            CreativeBrief.Brief b = vm.briefProperty().get();
            traits.setText(b == null || s >= b.sections().size() ? "" : b.sections().get(s).apart());
            centre.setText(centreText(vm.segmentationProperty().get(), sp.index()));
            profileTable.getItems().setAll(vm.profileRows(s));
        };
        disposer.add(vm.profilesProperty().subscribe(fillProfile));
        disposer.add(vm.selectedSegmentProperty().subscribe(fillProfile));
        VBox.setVgrow(profileTable, Priority.ALWAYS);
        Label tableHint = muted(I18n.tr("ui.segments.profile.hint"));
        tableHint.setWrapText(true);
        // columns the segments were not built on, described too (CLI segment --describe)
        CheckPicker describe = new CheckPicker("describePicker", I18n.tr("ui.segments.describe"), vm::describeCandidates,
                vm::describeColumns, vm.describeColumns()::setAll);
        describe.node().setTooltip(new Tooltip(I18n.tr("ui.segments.describe.hint")));
        disposer.add(vm.segmentationProperty().subscribe(x -> describe.refresh()));
        VBox right = new VBox(6, describe.node(), profileTitle, traits, centre, profileTable, tableHint);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox box = new HBox(14, left, right);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    /** The k-means centre of a segment in the features' original units (log1p undone, one-hot as shares). */
    static String centreText(io.segmenta.core.segment.Segmentation seg, int segment) {
        if (seg == null || segment < 0 || segment >= seg.k()) return "";
        double[] c = seg.centroidOriginal(segment);
        java.util.List<String> names = seg.dimNames();
        java.text.NumberFormat nf = java.text.NumberFormat.getNumberInstance(I18n.locale());
        nf.setMaximumFractionDigits(2);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.length && i < names.size(); i++) {
            if (i > 0) sb.append(" · ");
            sb.append(names.get(i)).append(' ').append(nf.format(c[i]));
        }
        return I18n.tr("ui.segments.profile.centre", sb.toString());
    }

    private Node nameRow(SegmentName n, int max) {
        Rectangle swatch = new Rectangle(12, 12, SegmentColors.color(n.index()));
        swatch.setArcWidth(4);
        swatch.setArcHeight(4);
        TextField field = new TextField();
        field.setId("segmentName-" + (n.index() + 1));
        field.textProperty().bindBidirectional(n.nameProperty());
        field.setOnAction(e -> vm.applyNames());
        field.focusedProperty().addListener((o, a, f) -> { if (f) vm.selectedSegmentProperty().set(n.index()); });
        HBox.setHgrow(field, Priority.ALWAYS);
        Label size = new Label(Formats.integer(n.size()) + " · " + Formats.percent(n.share()));
        size.getStyleClass().addAll(Styles.TEXT_SMALL, "segment-size");
        size.setMinWidth(Region.USE_PREF_SIZE);
        Region bar = new Region();
        bar.getStyleClass().add("size-bar");
        bar.setStyle("-fx-background-color: " + SegmentColors.hex(n.index()) + ";");
        bar.setPrefHeight(4);
        bar.setMaxWidth(Region.USE_PREF_SIZE);
        bar.setPrefWidth(Math.max(4, 300.0 * n.size() / Math.max(1, max)));
        HBox top = new HBox(8, swatch, field, size);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(3, top, bar);
        row.getStyleClass().add("segment-row");
        row.setOnMouseClicked(e -> vm.selectedSegmentProperty().set(n.index()));
        if (!n.getName().equals(n.suggested())) field.setPromptText(n.suggested());
        field.setTooltip(new Tooltip(I18n.tr("ui.segments.names.suggestedTip", n.suggested())));
        return row;
    }

    private void buildProfileTable() {
        profileTable.setId("profileTable");
        profileTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        profileTable.setPlaceholder(new Label(I18n.tr("ui.segments.profile.none")));
        profileTable.getColumns().setAll(List.of(
                col("ui.segments.profile.feature", r -> r.rank() + ". " + r.feature(), 150),
                col("ui.segments.profile.segment", ProfileRow::segment, 64),
                col("ui.segments.profile.segmentMedian", ProfileRow::segmentMedian, 64),
                col("ui.segments.profile.all", ProfileRow::all, 64),
                col("ui.segments.profile.allMedian", ProfileRow::allMedian, 64),
                diffColumn(),
                col("ui.segments.profile.lift", ProfileRow::lift, 52)));
    }

    private static TableColumn<ProfileRow, String> col(String key, Function<ProfileRow, String> f, double w) {
        TableColumn<ProfileRow, String> c = new TableColumn<>(I18n.tr(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(w);
        c.setSortable(false);
        return c;
    }

    private TableColumn<ProfileRow, Double> diffColumn() {
        TableColumn<ProfileRow, Double> c = new TableColumn<>(I18n.tr("ui.segments.profile.diff"));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().diffSd()));
        c.setPrefWidth(136);
        c.setSortable(false);
        c.setCellFactory(x -> new TableCell<>() {
            @Override protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                if (empty || v == null) { setGraphic(null); setText(null); return; }
                Region bar = new Region();
                double len = Math.min(1, Math.abs(v) / 2) * 40;
                bar.setPrefSize(len, 10);
                bar.setMaxHeight(10);
                bar.setMinWidth(len);
                bar.setStyle("-fx-background-color: " + SegmentColors.divergingHex(Math.signum(v) * Math.max(1.2, Math.abs(v))) + "; -fx-background-radius: 2;");
                Region pad = new Region();
                pad.setMinWidth(40 - len);
                Label t = new Label(SegmentColors.signed(v));
                t.setMinWidth(Region.USE_PREF_SIZE);
                HBox h = v < 0 ? new HBox(4, pad, bar, t) : new HBox(4, spacer(40), bar, t);
                h.setAlignment(Pos.CENTER_LEFT);
                setGraphic(h);
                setText(null);
            }
        });
        return c;
    }

    private static Region spacer(double w) {
        Region r = new Region();
        r.setMinWidth(w);
        r.setPrefWidth(w);
        return r;
    }

    private Node chartsTab() {
        ToggleGroup which = new ToggleGroup();
        ToggleButton heat = new ToggleButton(I18n.tr("ui.segments.charts.heatmap"));
        heat.setId("heatmapToggle");
        ToggleButton map = new ToggleButton(I18n.tr("ui.segments.charts.pca"));
        map.setId("pcaToggle");
        ToggleButton boxes = new ToggleButton(I18n.tr("ui.segments.charts.box"));
        boxes.setId("boxToggle");
        heat.getStyleClass().addAll(Styles.LEFT_PILL, Styles.SMALL);
        map.getStyleClass().addAll(Styles.CENTER_PILL, Styles.SMALL);
        boxes.getStyleClass().addAll(Styles.RIGHT_PILL, Styles.SMALL);
        for (ToggleButton t : List.of(heat, map, boxes)) t.setToggleGroup(which);
        heat.setSelected(true);
        which.selectedToggleProperty().addListener((o, a, b) -> { if (b == null && a != null) a.setSelected(true); });
        ComboBox<String> feature = new ComboBox<>();
        feature.setId("boxFeature");
        feature.visibleProperty().bind(boxes.selectedProperty());
        feature.valueProperty().bindBidirectional(vm.boxFeatureProperty());
        disposer.add(() -> feature.valueProperty().unbindBidirectional(vm.boxFeatureProperty()));
        Label desc = muted("");
        desc.setWrapText(true);
        HBox bar = new HBox(0, heat, map, boxes);
        HBox controls = new HBox(12, bar, feature, desc);
        controls.setAlignment(Pos.CENTER_LEFT);
        heatmap.setEmptyText(I18n.tr("ui.segments.results.empty"));
        pcaChart.setEmptyText(I18n.tr("ui.segments.results.empty"));
        boxChart.setEmptyText(I18n.tr("ui.segments.results.empty"));
        StackPane charts = new StackPane(heatmap, pcaChart, boxChart);
        charts.getStyleClass().add("chart-frame");
        VBox.setVgrow(charts, Priority.ALWAYS);
        Runnable show = () -> {
            heatmap.setVisible(heat.isSelected());
            pcaChart.setVisible(map.isSelected());
            boxChart.setVisible(boxes.isSelected());
            desc.setText(I18n.tr(heat.isSelected() ? "ui.segments.charts.heatmapDesc" : map.isSelected() ? "ui.segments.charts.pcaDesc"
                    : "ui.segments.charts.boxDesc"));
        };
        which.selectedToggleProperty().addListener((o, a, b) -> show.run());
        show.run();
        disposer.add(vm.profilesProperty().subscribe(p -> {
            heatmap.set(p);
            feature.getItems().setAll(vm.numericProfileColumns());
            if (vm.boxFeatureProperty().get() != null) feature.setValue(vm.boxFeatureProperty().get());
            boxChart.set(p, vm.boxFeatureProperty().get());
        }));
        disposer.add(vm.boxFeatureProperty().subscribe(f -> boxChart.set(vm.profilesProperty().get(), f)));
        disposer.add(vm.pcaProperty().subscribe(p -> pcaChart.set(p, vm.profilesProperty().get() == null ? List.of()
                : vm.profilesProperty().get().segments().stream().map(SegmentProfile::name).toList())));
        VBox box = new VBox(10, controls, charts);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    private Node briefTab() {
        Button md = new Button(I18n.tr("ui.segments.brief.exportMarkdown"), Icons.icon(MaterialDesignF.FILE_DOCUMENT_OUTLINE));
        md.setId("exportMarkdownButton");
        md.setOnAction(e -> vm.exportBrief(BriefFormat.MARKDOWN));
        Button html = new Button(I18n.tr("ui.segments.brief.exportHtml"), Icons.icon(MaterialDesignL.LANGUAGE_HTML5));
        html.setId("exportHtmlButton");
        html.setOnAction(e -> vm.exportBrief(BriefFormat.HTML));
        for (Button b : List.of(md, html)) {
            b.getStyleClass().addAll(Styles.BUTTON_OUTLINED, Styles.SMALL);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label hint = muted(I18n.tr("ui.segments.brief.hint"));
        hint.setWrapText(true);
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox tools = new HBox(8, hint, md, html);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox page = new VBox(6);
        page.setId("briefView");
        page.getStyleClass().add("brief-page");
        disposer.add(vm.briefProperty().subscribe(b -> renderBrief(page, b)));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("brief-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(8, tools, scroll);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    /** The brief as styled text: title, introduction, then per segment a heading, its size, traits and what sets it apart. */
    static void renderBrief(VBox page, CreativeBrief.Brief b) {
        page.getChildren().clear();
        if (b == null) return;
        Label title = new Label(b.title());
        title.getStyleClass().addAll(Styles.TITLE_3, "brief-title");
        title.setWrapText(true);
        Label intro = new Label(b.intro());
        intro.setWrapText(true);
        intro.getStyleClass().add("brief-intro");
        page.getChildren().addAll(title, intro);
        int i = 0;
        for (CreativeBrief.Section s : b.sections()) {
            Rectangle swatch = new Rectangle(14, 14, SegmentColors.color(i));
            swatch.setArcWidth(4);
            swatch.setArcHeight(4);
            Label h = new Label(s.title(), swatch);
            h.getStyleClass().addAll(Styles.TITLE_4, "brief-heading");
            h.setWrapText(true);
            Text size = new Text(s.size());
            size.getStyleClass().addAll("brief-text", "brief-strong");
            Text compared = new Text(s.traits().isEmpty() ? "" : " " + I18n.tr("segment.brief.compared"));
            compared.getStyleClass().add("brief-text");
            TextFlow sizeFlow = new TextFlow(size, compared);
            VBox bullets = new VBox(3);
            for (String t : s.traits()) {
                Text dot = new Text("•  ");
                dot.getStyleClass().add("brief-text");
                Text tx = new Text(t);
                tx.getStyleClass().add("brief-text");
                TextFlow line = new TextFlow(dot, tx);
                line.setPadding(new Insets(0, 0, 0, 14));
                bullets.getChildren().add(line);
            }
            Text apart = new Text(s.apart());
            apart.getStyleClass().addAll("brief-text", "brief-apart");
            TextFlow apartFlow = new TextFlow(apart);
            VBox section = new VBox(6, h, sizeFlow, bullets, apartFlow);
            section.getStyleClass().add("brief-section");
            page.getChildren().add(section);
            i++;
        }
    }

    // =============================================================================================
    // helpers

    private static Label section(String key, org.kordamp.ikonli.Ikon icon) {
        Label l = new Label(I18n.tr(key).toUpperCase(I18n.locale()), Icons.icon(icon));
        l.getStyleClass().addAll("setup-section", Styles.TEXT_SMALL, Styles.TEXT_BOLD);
        return l;
    }

    private static Node labelled(String key, Node control) {
        Label l = new Label(I18n.tr(key));
        l.setMinWidth(92);
        l.setLabelFor(control);
        HBox.setHgrow(control, Priority.ALWAYS);
        if (control instanceof Region r) r.setMaxWidth(Double.MAX_VALUE);
        HBox h = new HBox(8, l, control);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        l.setWrapText(true);
        return l;
    }

    private static <E> ComboBox<E> enumCombo(E[] values, Function<E, String> label) {
        ComboBox<E> c = new ComboBox<>();
        c.getItems().setAll(values);
        c.setButtonCell(cell(label));
        c.setCellFactory(x -> cell(label));
        return c;
    }

    private static <E> ListCell<E> cell(Function<E, String> label) {
        return new ListCell<>() {
            @Override protected void updateItem(E item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : label.apply(item));
            }
        };
    }

    private static Spinner<Integer> intSpinner(int min, int max, int value, int step) {
        Spinner<Integer> s = new Spinner<>(min, max, Math.max(min, Math.min(max, value)), step);
        s.setEditable(true);
        s.getEditor().setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("\\d{0,9}") ? c : null));
        s.focusedProperty().addListener((o, a, f) -> { if (!f) s.increment(0); });
        return s;
    }

    private void bindInt(Spinner<Integer> s, javafx.beans.property.IntegerProperty p) {
        s.valueProperty().addListener((o, a, b) -> { if (b != null && b != p.get()) p.set(b); });
        disposer.add(p.subscribe(v -> {
            if (!Objects.equals(s.getValue(), v.intValue())) s.getValueFactory().setValue(v.intValue());
        }));
    }

    public void dispose() {
        disposer.dispose();
    }
}
