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
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;

/** Key figures of the project as TilesFX tiles, or an invitation to import when the project is empty. */
public final class OverviewView {
    public static final double TILE_WIDTH = 230;
    public static final double TILE_HEIGHT = 170;

    private final OverviewViewModel vm;
    private final Disposer disposer = new Disposer();
    private final StackPane root = new StackPane();
    private final boolean dark;
    private Tile datasetsTile;
    private Tile rowsTile;
    private Tile columnsTile;
    private Tile missingTile;
    private Tile lastImportTile;

    public OverviewView(OverviewViewModel vm, ProjectViewModel project, Runnable importAction, boolean dark) {
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
                .unit("%")
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
        for (Tile t : List.of(datasetsTile, rowsTile, columnsTile, missingTile, lastImportTile)) {
            t.setPrefSize(TILE_WIDTH, TILE_HEIGHT);
            t.setMinSize(TILE_WIDTH, TILE_HEIGHT);
            t.setMaxSize(TILE_WIDTH, TILE_HEIGHT);
            t.getStyleClass().add("overview-tile");
        }
        FlowPane tiles = new FlowPane(16, 16, datasetsTile, rowsTile, columnsTile, missingTile, lastImportTile);
        tiles.setId("overviewTiles");

        Label hint = new Label(I18n.tr("ui.overview.hint"), Icons.icon(MaterialDesignD.DATABASE_OUTLINE));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);

        VBox filled = new VBox(24, header, tiles, hint);
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
                .unitColor(muted).descriptionColor(fg).barBackgroundColor(dark ? Color.web("#30363d") : Color.web("#e6eaef"))
                .roundedCorners(true);
    }

    public Parent root() { return root; }

    /** The tiles shown (for tests). */
    public List<Tile> tiles() { return List.of(datasetsTile, rowsTile, columnsTile, missingTile, lastImportTile); }

    public void dispose() { disposer.dispose(); }
}
