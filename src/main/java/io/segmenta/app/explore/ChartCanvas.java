package io.segmenta.app.explore;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart drawn on a {@link Canvas} that fills the region and is redrawn on resize; a hover label shows
 * the value under the mouse. Subclasses draw their data with the helpers here (palette, nice ticks, text
 * measuring). Drawing a chart costs one pass over already computed, small data.
 */
abstract class ChartCanvas extends Region {
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

    static final Font FONT = Font.font(Font.getDefault().getFamily(), 12);
    static final Font SMALL = Font.font(Font.getDefault().getFamily(), 11);
    static final Font BOLD = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12);

    protected final Canvas canvas = new Canvas();
    protected final Palette pal;
    private final Label tip = new Label();
    private String emptyText = "";

    ChartCanvas(boolean dark) {
        this.pal = Palette.of(dark);
        getStyleClass().add("chart-canvas");
        tip.getStyleClass().add("chart-tip");
        tip.setManaged(false);
        tip.setVisible(false);
        tip.setMouseTransparent(true);
        getChildren().addAll(canvas, tip);
        canvas.setOnMouseMoved(e -> showTip(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> tip.setVisible(false));
    }

    /** Text shown when there is nothing to draw. */
    void setEmptyText(String text) {
        emptyText = text == null ? "" : text;
        redraw();
    }

    abstract boolean hasData();

    abstract void draw(GraphicsContext g, double w, double h);

    /** The text to show for the mouse at (x, y), or null. */
    String hoverAt(double x, double y) { return null; }

    /** The hover text for a point, for tests (same as moving the mouse there). */
    String hoverTextAt(double x, double y) { return hasData() ? hoverAt(x, y) : null; }

    /** Hides the hover label (before a snapshot). */
    void hideTip() { tip.setVisible(false); }

    @Override protected double computePrefWidth(double h) { return 640; }

    @Override protected double computePrefHeight(double w) { return 380; }

    @Override protected double computeMinWidth(double h) { return 160; }

    @Override protected double computeMinHeight(double w) { return 120; }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        redraw();
    }

    final void redraw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (w <= 0 || h <= 0) return;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setGlobalAlpha(1);
        g.setLineDashes();
        g.setFill(pal.bg());
        g.fillRect(0, 0, w, h);
        if (!hasData()) {
            g.setFill(pal.muted());
            g.setFont(FONT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyText, w / 2, h / 2, Math.max(20, w - 40));
            return;
        }
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
        draw(g, w, h);
    }

    private void showTip(double x, double y) {
        String t = hoverTextAt(x, y);
        if (t == null) {
            tip.setVisible(false);
            return;
        }
        tip.setText(t);
        tip.autosize();
        double tw = tip.getWidth(), th = tip.getHeight();
        double px = x + 14, py = y + 14;
        if (px + tw > getWidth() - 4) px = Math.max(4, x - 14 - tw);
        if (py + th > getHeight() - 4) py = Math.max(4, y - 14 - th);
        tip.relocate(px, py);
        tip.setVisible(true);
    }

    // ---- helpers

    private static final Text MEASURE = new Text();

    static double textWidth(String s, Font f) {
        MEASURE.setFont(f);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** {@code s} cut with an ellipsis to fit {@code max} pixels. */
    static String fit(String s, Font f, double max) {
        if (s == null) return "";
        if (textWidth(s, f) <= max) return s;
        int lo = 0, hi = s.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (textWidth(s.substring(0, mid) + "…", f) <= max) lo = mid; else hi = mid - 1;
        }
        return lo == 0 ? "…" : s.substring(0, lo) + "…";
    }

    /** A round step (1, 2 or 5 × 10ⁿ) giving about {@code target} intervals over {@code range}. */
    static double niceStep(double range, int target) {
        if (!(range > 0)) return 1;
        double raw = range / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        double nice = r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10;
        return nice * mag;
    }

    /** The round ticks within [lo, hi]. */
    static List<Double> ticks(double lo, double hi, double step) {
        List<Double> out = new ArrayList<>();
        if (!(hi >= lo) || !(step > 0)) return out;
        double start = Math.ceil(lo / step - 1e-9) * step;
        for (int i = 0; i < 200; i++) {
            double t = start + i * step;
            if (t > hi + step * 1e-9) break;
            out.add(t);
        }
        return out;
    }

    void text(GraphicsContext g, String s, double x, double y, TextAlignment align, VPos base, Font f, Color c) {
        g.setFont(f);
        g.setFill(c);
        g.setTextAlign(align);
        g.setTextBaseline(base);
        g.fillText(s, x, y);
    }

    /** A horizontal grid line with its label at the left of the plot area. */
    void yGrid(GraphicsContext g, double left, double right, double y, String label) {
        g.setStroke(pal.grid());
        g.setLineWidth(1);
        g.strokeLine(left, Math.round(y) + 0.5, right, Math.round(y) + 0.5);
        text(g, label, left - 6, y, TextAlignment.RIGHT, VPos.CENTER, SMALL, pal.muted());
    }

    /** The axis title rotated along the left edge. */
    void yTitle(GraphicsContext g, String title, double x, double yMid) {
        g.save();
        g.translate(x, yMid);
        g.rotate(-90);
        text(g, title, 0, 0, TextAlignment.CENTER, VPos.TOP, FONT, pal.muted());
        g.restore();
    }
}
