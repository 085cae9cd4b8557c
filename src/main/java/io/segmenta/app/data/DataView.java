package io.segmenta.app.data;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.segmenta.app.ui.Disposer;
import io.segmenta.app.ui.EmptyState;
import io.segmenta.app.ui.Formats;
import io.segmenta.app.ui.Icons;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.util.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.Locale;

/**
 * The project's datasets on the left and the selected one as a table on the right. The table's items are
 * row indices ({@link RowIndexList}); each cell reads its value straight from the columnar data, so a
 * million rows scroll without being copied into row objects.
 */
public final class DataView {
    public static final double ROW_HEIGHT = 28;

    private final DataViewModel vm;
    private final Disposer disposer = new Disposer();
    private final StackPane root = new StackPane();
    private final TableView<Integer> table = new TableView<>();
    private final Label datasetTitle = new Label();
    private final Label counts = new Label();
    private final Label origin = new Label();

    public DataView(DataViewModel vm, Runnable importAction, Runnable joinAction, ObservableBooleanValue canJoin) {
        this.vm = vm;
        root.getStyleClass().add("data-view");

        ListView<DatasetEntry> list = new ListView<>(vm.datasets());
        list.setId("datasetList");
        list.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "dataset-list");
        list.setCellFactory(l -> new DatasetCell());
        disposer.add(vm.selectedProperty().subscribe(sel -> {
            if (list.getSelectionModel().getSelectedItem() != sel) list.getSelectionModel().select(sel);
        }));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b);
        });
        Label listTitle = new Label(I18n.tr("ui.data.datasets"));
        listTitle.getStyleClass().addAll(Styles.TITLE_4);
        Button importButton = new Button(null, Icons.icon(MaterialDesignF.FILE_IMPORT_OUTLINE));
        importButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        importButton.setTooltip(new Tooltip(I18n.tr("ui.action.importCsv")));
        importButton.setOnAction(e -> importAction.run());
        Button joinButton = new Button(null, Icons.icon(MaterialDesignT.TABLE_MERGE_CELLS));
        joinButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        joinButton.setTooltip(new Tooltip(I18n.tr("ui.action.join")));
        joinButton.setOnAction(e -> joinAction.run());
        joinButton.disableProperty().bind(Bindings.not(canJoin));
        joinButton.setId("joinButton");
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox listHeader = new HBox(4, listTitle, sp, importButton, joinButton);
        listHeader.setAlignment(Pos.CENTER_LEFT);
        listHeader.setPadding(new Insets(14, 10, 10, 16));
        VBox left = new VBox(listHeader, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.getStyleClass().add("dataset-pane");
        left.setMinWidth(200);

        datasetTitle.setId("datasetTitle");
        datasetTitle.getStyleClass().add(Styles.TITLE_3);
        counts.setId("datasetCounts");
        counts.getStyleClass().add(Styles.TEXT_MUTED);
        origin.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Button remove = new Button(I18n.tr("ui.data.remove"), Icons.icon(MaterialDesignD.DELETE_OUTLINE));
        remove.getStyleClass().addAll(Styles.FLAT, Styles.DANGER);
        remove.setOnAction(e -> vm.removeSelected());
        Region sp2 = new Region();
        HBox.setHgrow(sp2, Priority.ALWAYS);
        HBox head = new HBox(12, new VBox(2, datasetTitle, counts, origin), sp2, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(14, 20, 12, 20));

        table.setId("dataTable");
        table.setFixedCellSize(ROW_HEIGHT);
        table.getStyleClass().addAll(Styles.BORDERED, Styles.STRIPED, "data-table");
        table.setPlaceholder(new Label(I18n.tr("ui.data.noRows")));
        VBox right = new VBox(head, table);
        VBox.setVgrow(table, Priority.ALWAYS);

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(left, false);

        VBox empty = EmptyState.create(MaterialDesignD.DATABASE_OUTLINE, I18n.tr("ui.empty.title"), I18n.tr("ui.empty.text"),
                I18n.tr("ui.action.importCsv"), importAction);
        empty.setId("emptyState");

        disposer.add(vm.selectedProperty().subscribe(this::show));
        disposer.add(Bindings.isEmpty(vm.datasets()).subscribe(isEmpty -> root.getChildren().setAll(isEmpty ? empty : split)));
    }

    private void show(DatasetEntry e) {
        table.getColumns().clear();
        if (e == null) {
            table.setItems(new RowIndexList(0));
            datasetTitle.setText("");
            counts.setText("");
            origin.setText("");
            return;
        }
        Dataset d = e.dataset();
        datasetTitle.setText(d.name());
        counts.setText(I18n.tr("ui.data.counts", Formats.integer(d.rowCount()), Formats.integer(d.columnCount())));
        origin.setText(I18n.tr("ui.data.origin." + ("import".equals(e.origin()) || "join".equals(e.origin()) ? e.origin() : "other"),
                Formats.dateTime(e.createdAt())));
        table.getColumns().add(rowNumberColumn(d.rowCount()));
        Locale locale = I18n.locale();
        for (Column c : d.columns()) table.getColumns().add(column(d, c, locale));
        table.setItems(new RowIndexList(d.rowCount()));
        table.scrollTo(0);
    }

    private static TableColumn<Integer, String> rowNumberColumn(int rows) {
        TableColumn<Integer, String> col = new TableColumn<>("#");
        col.setSortable(false);
        col.setReorderable(false);
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(Integer.toString(cd.getValue() + 1)));
        col.setPrefWidth(Math.max(56, 12 + 9 * Integer.toString(rows).length()));
        col.getStyleClass().add("row-number-column");
        return col;
    }

    private static TableColumn<Integer, String> column(Dataset d, Column c, Locale locale) {
        TableColumn<Integer, String> col = new TableColumn<>();
        FontIcon icon = Icons.icon(Icons.forType(c.type()), 16);
        icon.getStyleClass().add("type-icon");
        Label header = new Label(c.name(), icon);
        header.setId("header-" + c.name());
        String typeText = Icons.typeName(c.type()) + (c.idLike() ? " · " + I18n.tr("ui.data.idLike") : "");
        String description = d.description(c.name()).orElse(null);
        Tooltip tip = new Tooltip(description == null || description.isBlank() ? typeText : description + "\n" + typeText);
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        header.setTooltip(tip);
        col.setGraphic(header);
        col.setUserData(c.name());
        col.setSortable(false);
        col.setPrefWidth(Math.max(110, Math.min(300, 60 + 9.5 * c.name().length())));
        CellFormat format = new CellFormat(c, locale);
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(format.format(cd.getValue())));
        boolean right = format.rightAligned();
        col.setCellFactory(tc -> new ValueCell(right));
        return col;
    }

    /** A table cell that shows a dash for missing values and right-aligns numbers. */
    private static final class ValueCell extends TableCell<Integer, String> {
        ValueCell(boolean right) {
            if (right) getStyleClass().add("numeric-cell");
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty) {
                setText(null);
                getStyleClass().remove("missing-cell");
            } else if (item == null) {
                setText("—");
                if (!getStyleClass().contains("missing-cell")) getStyleClass().add("missing-cell");
            } else {
                setText(item);
                getStyleClass().remove("missing-cell");
            }
        }
    }

    private static final class DatasetCell extends ListCell<DatasetEntry> {
        @Override
        protected void updateItem(DatasetEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(e.name(), Icons.icon("join".equals(e.origin()) ? MaterialDesignT.TABLE_MERGE_CELLS : MaterialDesignT.TABLE_LARGE));
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label sub = new Label(I18n.tr("ui.data.counts", Formats.integer(e.dataset().rowCount()), Formats.integer(e.dataset().columnCount())));
            sub.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            VBox box = new VBox(2, name, sub);
            box.setPadding(new Insets(4, 4, 4, 6));
            setText(null);
            setGraphic(box);
        }
    }

    public Parent root() { return root; }

    public TableView<Integer> table() { return table; }

    public void dispose() { disposer.dispose(); }
}
