package io.segmenta.app.explore;

import io.segmenta.app.ui.CanvasChart;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * An Explore chart: a {@link CanvasChart} with the Explore palette (light or dark) and a hover label that
 * shows the value under the mouse.
 */
abstract class ChartCanvas extends CanvasChart {
    /** Colours of the chart in the light or dark theme. */
    record Palette(Color bg, Color fg, Color muted, Color grid, Color axis, Color accent, Color accentSoft, Color other,
                   Color danger, Color[] series) {
        static Palette of(boolean dark) {
            Color[] series = {Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#59a14f"), Color.web("#e15759"),
                Color.web("#76b7b2"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"),
                Color.web("#9c755f"), Color.web("#17becf"), Color.web("#bcbd22"), Color.web("#7f7f7f")};
            return dark
                    ? new Palette(Color.web("#161b22"), Color.web("#e6edf3"), Color.web("#8d96a0"), Color.web("#262c36"),
                    Color.web("#3d444d"), Color.web("#4493f8"), Color.web("#4493f8", 0.35), Color.web("#6e7681"),
                    Color.web("#f85149"), series)
                    : new Palette(Color.WHITE, Color.web("#1f2328"), Color.web("#59636e"), Color.web("#eef1f4"),
                    Color.web("#d1d9e0"), Color.web("#0969da"), Color.web("#0969da", 0.25), Color.web("#9aa4ae"),
                    Color.web("#cf222e"), series);
        }
    }

    protected final Palette pal;

    ChartCanvas(boolean dark) {
        super("chart-canvas", "chart-tip");
        this.pal = Palette.of(dark);
    }

    @Override protected Color background() { return pal.bg(); }

    @Override protected Color mutedText() { return pal.muted(); }

    @Override protected double computePrefWidth(double h) { return 640; }

    @Override protected double computePrefHeight(double w) { return 380; }

    @Override protected double computeMinWidth(double h) { return 160; }

    @Override protected double computeMinHeight(double w) { return 120; }

    /** A horizontal grid line with its label at the left of the plot area. */
    void yGrid(GraphicsContext g, double left, double right, double y, String label) {
        g.setStroke(pal.grid());
        g.setLineWidth(1);
        g.strokeLine(left, Math.round(y) + 0.5, right, Math.round(y) + 0.5);
        text(g, label, left - 6, y, TextAlignment.RIGHT, VPos.CENTER, SMALL, pal.muted());
    }

    /** The axis title rotated along the left edge. */
    void yTitle(GraphicsContext g, String title, double x, double yMid) {
        yTitle(g, title, x, yMid, VPos.TOP, pal.muted());
    }
}
