package io.segmenta.app.join;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import io.segmenta.app.task.TaskHandle;
import io.segmenta.app.ui.CheckPicker;
import io.segmenta.app.ui.Disposer;
import io.segmenta.app.ui.Formats;
import io.segmenta.app.ui.Icons;
import io.segmenta.core.join.JoinReport;
import io.segmenta.core.join.JoinResult;
import io.segmenta.core.util.I18n;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.List;

/** The join dialog's content: the form, progress, then the match report. */
public final class JoinView {
    private final JoinViewModel vm;
    private final Disposer disposer = new Disposer();
    private final BorderPane root = new BorderPane();

    public JoinView(JoinViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("join-dialog");
        Label title = new Label(I18n.tr("ui.join.title"), Icons.icon(MaterialDesignT.TABLE_MERGE_CELLS, 22));
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label(I18n.tr("ui.join.intro"));
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        intro.setWrapText(true);
        VBox top = new VBox(6, title, intro);
        top.setPadding(new Insets(16, 20, 8, 20));
        root.setTop(top);
        StackPane body = new StackPane();
        Node form = form();
        Node running = running();
        disposer.add(vm.stepProperty().subscribe(step -> body.getChildren().setAll(switch (step) {
            case FORM -> form;
            case RUNNING -> running;
            case REPORT -> report(vm.resultProperty().get());
        })));
        root.setCenter(body);
        root.setBottom(footer());
    }

    public Parent root() { return root; }

    public void dispose() { disposer.dispose(); }

    private Node form() {
        ComboBox<String> left = new ComboBox<>(vm.datasetNames());
        left.setId("joinLeft");
        left.valueProperty().bindBidirectional(vm.leftDatasetProperty());
        ComboBox<String> right = new ComboBox<>(vm.datasetNames());
        right.setId("joinRight");
        right.valueProperty().bindBidirectional(vm.rightDatasetProperty());
        GridPane tables = new GridPane();
        tables.setHgap(12);
        tables.setVgap(8);
        tables.addRow(0, caption("ui.join.left"), left);
        tables.addRow(1, caption("ui.join.right"), right);

        VBox keys = new VBox(6);
        Runnable fillKeys = () -> {
            keys.getChildren().clear();
            int index = 0;
            for (KeyPairRow k : List.copyOf(vm.keys())) {
                ComboBox<String> l = new ComboBox<>(vm.leftColumns());
                l.setId("joinKeyLeft-" + index);
                l.valueProperty().bindBidirectional(k.leftColumnProperty());
                l.setPrefWidth(200);
                ComboBox<String> r = new ComboBox<>(vm.rightColumns());
                r.setId("joinKeyRight-" + index++);
                r.valueProperty().bindBidirectional(k.rightColumnProperty());
                r.setPrefWidth(200);
                Button remove = new Button(null, Icons.icon(MaterialDesignC.CLOSE));
                remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
                remove.setOnAction(e -> vm.removeKey(k));
                remove.setDisable(vm.keys().size() == 1);
                HBox row = new HBox(8, l, new Label("="), r, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                keys.getChildren().add(row);
            }
        };
        disposer.add(vm.keys().subscribe(() -> {
            if (vm.keys().size() != keys.getChildren().size()) fillKeys.run();
        }));
        fillKeys.run();
        Button addKey = new Button(I18n.tr("ui.join.addKey"), Icons.icon(MaterialDesignP.PLUS));
        addKey.getStyleClass().add(Styles.FLAT);
        addKey.setOnAction(e -> vm.addKey());

        CheckBox trim = new CheckBox(I18n.tr("ui.join.trim"));
        trim.selectedProperty().bindBidirectional(vm.trimProperty());
        CheckBox cas = new CheckBox(I18n.tr("ui.join.ignoreCase"));
        cas.selectedProperty().bindBidirectional(vm.ignoreCaseProperty());
        CheckBox zeros = new CheckBox(I18n.tr("ui.join.leadingZeros"));
        zeros.selectedProperty().bindBidirectional(vm.stripLeadingZerosProperty());
        CheckBox first = new CheckBox(I18n.tr("ui.join.firstWord"));
        first.setId("joinFirstWord");
        first.selectedProperty().bindBidirectional(vm.firstWordProperty());
        FlowPane norm = new FlowPane(18, 8, trim, cas, zeros, first);

        // which of the right table's columns to bring, and the suffix for names both tables have
        CheckPicker bring = new CheckPicker("joinColumns", I18n.tr("ui.join.columns"), vm::rightColumnChoices,
                () -> vm.bringProperty().get() == null ? vm.rightColumnChoices() : vm.bringProperty().get(),
                ticked -> vm.bringProperty().set(ticked.size() == vm.rightColumnChoices().size() ? null : ticked));
        disposer.add(vm.rightDatasetProperty().subscribe(x -> bring.refresh()));
        disposer.add(vm.keys().subscribe(bring::refresh));
        TextField suffix = new TextField();
        suffix.setId("joinSuffix");
        suffix.setPrefColumnCount(8);
        suffix.textProperty().bindBidirectional(vm.suffixProperty());
        suffix.setTooltip(new javafx.scene.control.Tooltip(I18n.tr("ui.join.suffix.hint")));
        HBox columnsRow = new HBox(10, bring.node(), new Label(I18n.tr("ui.join.suffix")), suffix);
        columnsRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TextField name = new TextField();
        name.setId("joinResultName");
        name.textProperty().bindBidirectional(vm.resultNameProperty());
        name.setPrefColumnCount(22);

        Message error = new Message(I18n.tr("ui.join.error"), "", Icons.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        error.getStyleClass().add(Styles.DANGER);
        error.descriptionProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        VBox box = new VBox(10, tables, caption("ui.join.keys"), keys, addKey, caption("ui.join.normalization"), norm,
                caption("ui.join.bring"), columnsRow, caption("ui.join.resultName"), name, error);
        box.setPadding(new Insets(8, 20, 8, 20));
        return box;
    }

    private static Label caption(String key) {
        Label l = new Label(I18n.tr(key));
        l.getStyleClass().addAll(Styles.TEXT_BOLD);
        return l;
    }

    private Node running() {
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(380);
        Label msg = new Label();
        msg.getStyleClass().add(Styles.TEXT_MUTED);
        disposer.add(vm.taskProperty().subscribe((TaskHandle<?> t) -> {
            bar.progressProperty().unbind();
            msg.textProperty().unbind();
            if (t != null) {
                bar.progressProperty().bind(t.progressProperty());
                msg.textProperty().bind(t.messageProperty());
            }
        }));
        Button cancel = new Button(I18n.tr("ui.action.cancel"));
        cancel.setOnAction(e -> vm.cancelRun());
        VBox box = new VBox(12, new Label(I18n.tr("ui.join.running")), bar, msg, cancel);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node report(JoinResult r) {
        if (r == null) return new Label();
        JoinReport rep = r.report();
        Label head = new Label(I18n.tr("ui.join.report.summary", Formats.percent(rep.matchRate()),
                Formats.integer(rep.matchedRows()), Formats.integer(rep.leftRows())));
        head.setId("joinSummary");
        head.getStyleClass().add(Styles.TITLE_4);
        head.setWrapText(true);
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(6);
        int row = 0;
        row = line(g, row, "ui.join.report.matched", Formats.integer(rep.matchedRows()));
        row = line(g, row, "ui.join.report.unmatched", Formats.integer(rep.unmatchedRows()));
        row = line(g, row, "ui.join.report.missingKeys", Formats.integer(rep.missingKeyRows()));
        row = line(g, row, "ui.join.report.duplicates", Formats.integer(rep.duplicateRightKeys()));
        row = line(g, row, "ui.join.report.added", String.join(", ", rep.addedColumns()));
        row = line(g, row, "ui.join.report.unmatchedExamples", I18n.quotedList(rep.unmatchedExamples()));
        row = line(g, row, "ui.join.report.duplicateExamples", I18n.quotedList(rep.duplicateKeyExamples()));
        row = line(g, row, "ui.join.report.normalizationExamples", I18n.quotedList(rep.normalizationExamples()));
        line(g, row, "ui.join.report.policy", rep.policy());
        VBox box = new VBox(14, head, g);
        if (vm.noMatchProperty().get() != null) {
            Message none = new Message(I18n.tr("ui.join.noMatchTitle"), vm.noMatchProperty().get(),
                    Icons.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
            none.setId("joinNoMatch");
            none.getStyleClass().add(Styles.WARNING);
            box.getChildren().add(1, none);
        }
        box.setPadding(new Insets(8, 20, 8, 20));
        return box;
    }

    private static int line(GridPane g, int row, String key, String value) {
        Label k = new Label(I18n.tr(key));
        k.getStyleClass().add(Styles.TEXT_MUTED);
        Label v = new Label(value == null || value.isBlank() ? "—" : value);
        v.setWrapText(true);
        v.setMaxWidth(460);
        g.addRow(row, k, v);
        return row + 1;
    }

    private Node footer() {
        Label validation = new Label();
        validation.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        validation.textProperty().bind(Bindings.createStringBinding(() -> vm.stepProperty().get() == JoinViewModel.Step.FORM
                && vm.validationBinding().get() != null ? vm.validationBinding().get() : "", vm.validationBinding(), vm.stepProperty()));
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        Button cancel = new Button(I18n.tr("ui.action.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.cancel());
        Button back = new Button(I18n.tr("ui.action.back"));
        back.setOnAction(e -> vm.back());
        Button run = new Button(I18n.tr("ui.join.run"), Icons.icon(MaterialDesignT.TABLE_MERGE_CELLS));
        run.setId("joinRunButton");
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(vm.canRunBinding().not());
        run.setOnAction(e -> vm.run());
        Button add = new Button(I18n.tr("ui.join.add"));
        add.setId("joinAddButton");
        add.getStyleClass().add(Styles.SUCCESS);
        add.setOnAction(e -> vm.finish());
        add.disableProperty().bind(vm.noMatchProperty().isNotNull());
        disposer.add(vm.stepProperty().subscribe(step -> {
            boolean report = step == JoinViewModel.Step.REPORT;
            back.setVisible(report);
            back.setManaged(report);
            add.setVisible(report);
            add.setManaged(report);
            run.setVisible(step == JoinViewModel.Step.FORM);
            run.setManaged(step == JoinViewModel.Step.FORM);
        }));
        HBox bar = new HBox(10, validation, sp, cancel, back, run, add);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(12, 20, 16, 20));
        return bar;
    }
}
