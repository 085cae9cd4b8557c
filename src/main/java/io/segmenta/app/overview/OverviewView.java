package io.segmenta.app.overview;

import atlantafx.base.theme.Styles;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.ui.Disposer;
import io.segmenta.app.ui.EmptyState;
import io.segmenta.app.ui.Formats;
import io.segmenta.app.ui.Icons;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.util.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Key figures of the project as TilesFX tiles, or an invitation to import when the project is empty. */
public final class OverviewView {
    public static final double TILE_WIDTH = 230;
    public static final double TILE_MIN_WIDTH = 190;
    public static final double TILE_HEIGHT = 160;
    public static final double TILE_GAP = 16;
    private static final double TABLE_ROW_HEIGHT = 36;
    private static final double TABLE_HEADER_HEIGHT = 48;

    private final OverviewViewModel vm;
    private final Disposer disposer = new Disposer();
    private final StackPane root = new StackPane();
    private final boolean dark;
    private Tile datasetsTile;
    private Tile rowsTile;
    private Tile columnsTile;
    private Tile missingTile;
    private Tile lastImportTile;

    /**
     * @param openDataset shows the named dataset on the Data page (double-click or Enter in the table)
     */
    public OverviewView(OverviewViewModel vm, ProjectViewModel project, Runnable importAction, Consumer<String> openDataset,
                        boolean dark) {
        this.vm = vm;
        this.dark = dark;
        root.getStyleClass().add("overview");

        Label title = new Label(I18n.tr("ui.overview.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label();
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.tr("ui.overview.subtitle", project.displayName()), project.fileProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button importButton = new Button(I18n.tr("ui.action.importCsv"), Icons.icon(MaterialDesignF.FILE_IMPORT_OUTLINE));
        importButton.getStyleClass().add(Styles.ACCENT);
        importButton.setOnAction(e -> importAction.run());
        HBox header = new HBox(12, new VBox(2, title, subtitle), spacer, importButton);
        header.setAlignment(Pos.CENTER_LEFT);

        datasetsTile = numberTile("ui.overview.tile.datasets", "ui.overview.tile.datasets.text");
        datasetsTile.setId("tileDatasets");
        rowsTile = numberTile("ui.overview.tile.rows", "ui.overview.tile.rows.text");
        rowsTile.setId("tileRows");
        columnsTile = numberTile("ui.overview.tile.columns", "ui.overview.tile.columns.text");
        columnsTile.setId("tileColumns");
        missingTile = colors(TileBuilder.create()
                .skinType(Tile.SkinType.CIRCULAR_PROGRESS)
                .title(I18n.tr("ui.overview.tile.missing"))
                .text(I18n.tr("ui.overview.tile.missing.text"))
                .minValue(0).maxValue(100).decimals(1)
                .unit("")
                .valueVisible(false)
                .locale(I18n.locale())
                .animated(false))
                .barColor(accent())
                .build();
        missingTile.setId("tileMissing");
        lastImportTile = colors(TileBuilder.create()
                .skinType(Tile.SkinType.TEXT)
                .title(I18n.tr("ui.overview.tile.lastImport"))
                .descriptionAlignment(Pos.CENTER)
                .textAlignment(TextAlignment.CENTER)
                .textVisible(true))
                .build();
        lastImportTile.setId("tileLastImport");
        List<Tile> all = List.of(datasetsTile, rowsTile, columnsTile, missingTile, lastImportTile);
        for (Tile t : all) {
            t.setPrefSize(TILE_WIDTH, TILE_HEIGHT);
            t.setMinSize(TILE_MIN_WIDTH, TILE_HEIGHT);
            t.setMaxSize(TILE_WIDTH, TILE_HEIGHT);
            t.getStyleClass().add("overview-tile");
        }
        FlowPane tiles = new FlowPane(TILE_GAP, TILE_GAP);
        tiles.getChildren().setAll(all);
        tiles.setId("overviewTiles");
        // the tiles share the width: as many per row as fit at their minimum width, then stretched to fill it
        tiles.widthProperty().addListener((o, a, w) -> {
            double avail = w.doubleValue() - 1;
            if (avail <= 0) return;
            int perRow = (int) Math.max(1, Math.min(all.size(), Math.floor((avail + TILE_GAP) / (TILE_MIN_WIDTH + TILE_GAP))));
            double width = Math.floor((avail - (perRow - 1) * TILE_GAP) / perRow);
            for (Tile t : all) {
                t.setPrefWidth(width);
                t.setMaxWidth(width);
            }
        });

        Label tableTitle = new Label(I18n.tr("ui.overview.datasets.title"));
        tableTitle.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label(I18n.tr("ui.overview.datasets.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        VBox tableBox = new VBox(8, new VBox(2, tableTitle, hint), datasetTable(openDataset));

        VBox filled = new VBox(24, header, tiles, tableBox);
        filled.setPadding(new Insets(28, 32, 28, 32));
        ScrollPane scroll = new ScrollPane(filled);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");

        VBox empty = EmptyState.create(MaterialDesignD.DATABASE_OUTLINE, I18n.tr("ui.empty.title"), I18n.tr("ui.empty.text"),
                I18n.tr("ui.action.importCsv"), importAction);
        empty.setId("emptyState");

        disposer.add(vm.emptyProperty().subscribe(isEmpty -> root.getChildren().setAll(isEmpty ? empty : scroll)));
        disposer.add(vm.datasetsProperty().subscribe(n -> datasetsTile.setValue(n.doubleValue())));
        disposer.add(vm.rowsProperty().subscribe(n -> rowsTile.setValue(n.doubleValue())));
        disposer.add(vm.columnsProperty().subscribe(n -> columnsTile.setValue(n.doubleValue())));
        disposer.add(vm.missingShareProperty().subscribe(n -> missingTile.setValue(n.doubleValue() * 100)));
        disposer.add(vm.lastImportProperty().subscribe(this::showLastImport));
    }

    /** One row per dataset: what a marketer checks first (how many customers, how complete, where from). */
    private TableView<DatasetEntry> datasetTable(Consumer<String> openDataset) {
        TableView<DatasetEntry> table = new TableView<>(vm.datasets());
        table.setId("overviewDatasets");
        table.getStyleClass().addAll(Styles.STRIPED, "overview-datasets");
        table.setFixedCellSize(TABLE_ROW_HEIGHT);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // tall enough for every dataset, so the page scrolls rather than the table
        table.prefHeightProperty().bind(Bindings.size(vm.datasets()).multiply(TABLE_ROW_HEIGHT).add(TABLE_HEADER_HEIGHT));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.maxHeightProperty().bind(table.prefHeightProperty());

        TableColumn<DatasetEntry, DatasetEntry> name = new TableColumn<>(I18n.tr("ui.overview.col.dataset"));
        name.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(DatasetEntry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(e.name());
                    setGraphic(Icons.icon("join".equals(e.origin()) ? MaterialDesignT.TABLE_MERGE_CELLS : MaterialDesignT.TABLE_LARGE));
                }
            }
        });
        name.getStyleClass().add("dataset-name-column");
        name.setPrefWidth(220);
        table.getColumns().add(name);
        table.getColumns().add(textColumn("ui.overview.col.rows", 120, true, e -> Formats.integer(e.dataset().rowCount())));
        table.getColumns().add(textColumn("ui.overview.col.columns", 100, true, e -> Formats.integer(e.dataset().columnCount())));
        table.getColumns().add(textColumn("ui.overview.col.missing", 130, true,
                e -> Formats.percent(OverviewViewModel.missingShare(e.dataset()))));
        table.getColumns().add(textColumn("ui.overview.col.origin", 150, false, e -> I18n.tr(switch (e.origin()) {
            case "import" -> "ui.overview.origin.import";
            case "join" -> "ui.overview.origin.join";
            default -> "ui.overview.origin.other";
        })));
        table.getColumns().add(textColumn("ui.overview.col.added", 200, false, e -> Formats.dateTime(e.createdAt())));
        table.getColumns().forEach(c -> {
            c.setSortable(false);
            c.setReorderable(false);
        });

        table.setRowFactory(t -> {
            TableRow<DatasetEntry> row = new TableRow<>();
            row.setOnMouseClicked(ev -> {
                if (ev.getButton() == MouseButton.PRIMARY && ev.getClickCount() == 2 && !row.isEmpty()) {
                    openDataset.accept(row.getItem().name());
                }
            });
            return row;
        });
        table.setOnKeyPressed(ev -> {
            DatasetEntry sel = table.getSelectionModel().getSelectedItem();
            if (ev.getCode() == KeyCode.ENTER && sel != null) {
                openDataset.accept(sel.name());
                ev.consume();
            }
        });
        return table;
    }

    private static TableColumn<DatasetEntry, String> textColumn(String key, double width, boolean numeric,
                                                                Function<DatasetEntry, String> text) {
        TableColumn<DatasetEntry, String> c = new TableColumn<>(I18n.tr(key));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(text.apply(cd.getValue())));
        c.setPrefWidth(width);
        if (numeric) c.getStyleClass().add("numeric-column");
        return c;
    }

    private void showLastImport(DatasetEntry e) {
        if (e == null) {
            lastImportTile.setDescription(I18n.tr("ui.overview.tile.lastImport.none"));
            lastImportTile.setText("");
        } else {
            lastImportTile.setDescription(e.name());
            lastImportTile.setText(Formats.dateTime(e.createdAt()));
        }
    }

    private Tile numberTile(String titleKey, String textKey) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(I18n.locale()));
        return colors(TileBuilder.create()
                .skinType(Tile.SkinType.NUMBER)
                .title(I18n.tr(titleKey))
                .text(I18n.tr(textKey))
                .decimals(0)
                .locale(I18n.locale())
                .customDecimalFormatEnabled(true)
                .customDecimalFormat(f)
                .animated(false))
                .build();
    }

    private Color accent() { return dark ? Color.web("#4493f8") : Color.web("#0969da"); }

    private TileBuilder<?> colors(TileBuilder<?> b) {
        Color bg = dark ? Color.web("#161b22") : Color.web("#ffffff");
        Color fg = dark ? Color.web("#e6edf3") : Color.web("#1f2328");
        Color muted = dark ? Color.web("#9198a1") : Color.web("#59636e");
        return b.backgroundColor(bg).foregroundColor(fg).titleColor(muted).textColor(muted).valueColor(fg)
                .unitColor(fg).descriptionColor(fg).barBackgroundColor(dark ? Color.web("#30363d") : Color.web("#e6eaef"))
                .roundedCorners(true);
    }

    public Parent root() { return root; }

    /** The tiles shown (for tests). */
    public List<Tile> tiles() { return List.of(datasetsTile, rowsTile, columnsTile, missingTile, lastImportTile); }

    public void dispose() { disposer.dispose(); }
}
