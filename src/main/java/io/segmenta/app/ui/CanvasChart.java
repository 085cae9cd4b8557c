package io.segmenta.app.ui;

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
 * The base of every chart of the app: a {@link Canvas} that fills the region and is redrawn on resize or
 * when its data changes, an optional hover label that follows the mouse, a text shown when there is nothing
 * to draw, and the drawing helpers the charts share (fonts, text measuring and fitting, round ticks).
 * Each feature package keeps its own palette (light and dark); a subclass gives its background and the
 * colour of the empty text. Drawing is one pass over small, already computed data.
 */
public abstract class CanvasChart extends Region {
    public static final Font FONT = Font.font(Font.getDefault().getFamily(), 12);
    public static final Font SMALL = Font.font(Font.getDefault().getFamily(), 11);
    public static final Font BOLD = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12);

    protected final Canvas canvas = new Canvas();
    private final Label tip;
    private String emptyText = "";

    /**
     * @param styleClass    CSS class of the chart
     * @param tipStyleClass CSS class of the hover label; null = no hover label
     */
    protected CanvasChart(String styleClass, String tipStyleClass) {
        getStyleClass().add(styleClass);
        getChildren().add(canvas);
        if (tipStyleClass == null) {
            tip = null;
            return;
        }
        tip = new Label();
        tip.getStyleClass().add(tipStyleClass);
        tip.setManaged(false);
        tip.setVisible(false);
        tip.setMouseTransparent(true);
        getChildren().add(tip);
        canvas.setOnMouseMoved(e -> showTip(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> tip.setVisible(false));
    }

    /** Whether there is anything to draw; if not, the empty text is shown. */
    public abstract boolean hasData();

    /** Draws the data on a cleared canvas of {@code w} × {@code h}. */
    protected abstract void draw(GraphicsContext g, double w, double h);

    /** The chart's background colour ({@link Color#TRANSPARENT}: the region's own background shows). */
    protected abstract Color background();

    /** The colour of the empty text. */
    protected abstract Color mutedText();

    /** The text to show for the mouse at (x, y), or null. */
    protected String hoverAt(double x, double y) { return null; }

    /** The hover text for a point, for tests (the same as moving the mouse there). */
    public String hoverTextAt(double x, double y) { return hasData() ? hoverAt(x, y) : null; }

    /** Hides the hover label (before a snapshot). */
    public void hideTip() {
        if (tip != null) tip.setVisible(false);
    }

    /** Text shown when there is nothing to draw. */
    public void setEmptyText(String text) {
        emptyText = text == null ? "" : text;
        redraw();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        redraw();
    }

    /** Clears the canvas and draws the data, or the empty text. */
    protected final void redraw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (w <= 0 || h <= 0) return;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setGlobalAlpha(1);
        g.setLineDashes();
        g.clearRect(0, 0, w, h);
        g.setFill(background());
        g.fillRect(0, 0, w, h);
        if (!hasData()) {
            g.setFill(mutedText());
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

    // ---------------------------------------------------------------------------------------------- helpers

    private static final Text MEASURE = new Text();

    /** Width of {@code s} in font {@code f}, in pixels. */
    public static double textWidth(String s, Font f) {
        MEASURE.setFont(f);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** {@code s} cut with an ellipsis to fit {@code max} pixels. */
    public static String fit(String s, Font f, double max) {
        if (s == null) return "";
        if (textWidth(s, f) <= max) return s;
        int lo = 0, hi = s.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (textWidth(s.substring(0, mid) + "…", f) <= max) lo = mid; else hi = mid - 1;
        }
        return lo == 0 ? "…" : s.substring(0, lo) + "…";
    }

    /** A round step (1, 2, 2.5 or 5 × 10ⁿ) giving about {@code target} intervals over {@code range}. */
    public static double niceStep(double range, int target) {
        if (!(range > 0)) return 1;
        double raw = range / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        double nice = r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10;
        return nice * mag;
    }

    /** The multiples of {@code step} within [lo, hi] (at most 200; a tick at zero is exactly 0). */
    public static List<Double> ticks(double lo, double hi, double step) {
        List<Double> out = new ArrayList<>();
        if (!(hi >= lo) || !(step > 0)) return out;
        double start = Math.ceil(lo / step - 1e-9) * step;
        for (int i = 0; i < 200; i++) {
            double t = start + i * step;
            if (t > hi + step * 1e-9) break;
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return out;
    }

    /** Draws {@code s} at (x, y) with the given alignment, font and colour. */
    public static void text(GraphicsContext g, String s, double x, double y, TextAlignment align, VPos base, Font f, Color c) {
        g.setFont(f);
        g.setFill(c);
        g.setTextAlign(align);
        g.setTextBaseline(base);
        g.fillText(s, x, y);
    }

    /** An axis title rotated along a vertical axis, centred on (x, yMid). */
    public static void yTitle(GraphicsContext g, String title, double x, double yMid, Color c) {
        yTitle(g, title, x, yMid, VPos.CENTER, c);
    }

    /** An axis title rotated along a vertical axis at yMid; {@code base} places it relative to x. */
    public static void yTitle(GraphicsContext g, String title, double x, double yMid, VPos base, Color c) {
        g.save();
        g.translate(x, yMid);
        g.rotate(-90);
        text(g, title, 0, 0, TextAlignment.CENTER, base, FONT, c);
        g.restore();
    }
}
