package io.segmenta.app.segments;

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

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the Segments charts: a canvas that fills the region and is redrawn on resize or when its data
 * changes, with a hover label and light/dark colours. Drawing is one pass over small, already computed data.
 */
abstract class SegChart extends Region {
    record Palette(Color bg, Color fg, Color muted, Color grid, Color axis, Color accent, Color accent2, Color good) {
        static Palette of(boolean dark) {
            return dark
                    ? new Palette(Color.web("#0d1117"), Color.web("#e6edf3"), Color.web("#8d96a0"), Color.web("#21262d"),
                    Color.web("#3d444d"), Color.web("#4493f8"), Color.web("#f0883e"), Color.web("#3fb950"))
                    : new Palette(Color.WHITE, Color.web("#1f2328"), Color.web("#59636e"), Color.web("#eef1f4"),
                    Color.web("#d1d9e0"), Color.web("#0969da"), Color.web("#d1580b"), Color.web("#1a7f37"));
        }
    }

    static final Font FONT = Font.font(Font.getDefault().getFamily(), 12);
    static final Font SMALL = Font.font(Font.getDefault().getFamily(), 11);
    static final Font BOLD = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12);

    protected final Canvas canvas = new Canvas();
    protected final Palette pal;
    private final Label tip = new Label();
    private String emptyText = "";

    SegChart(boolean dark) {
        this.pal = Palette.of(dark);
        getStyleClass().add("seg-chart");
        tip.getStyleClass().add("seg-chart-tip");
        tip.setManaged(false);
        tip.setVisible(false);
        tip.setMouseTransparent(true);
        getChildren().addAll(canvas, tip);
        canvas.setOnMouseMoved(e -> showTip(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> tip.setVisible(false));
    }

    void setEmptyText(String t) {
        emptyText = t == null ? "" : t;
        redraw();
    }

    abstract boolean hasData();

    abstract void draw(GraphicsContext g, double w, double h);

    /** Hover text at (x, y), or null. */
    String hoverAt(double x, double y) { return null; }

    @Override protected double computePrefWidth(double h) { return 560; }

    @Override protected double computePrefHeight(double w) { return 300; }

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
            text(g, emptyText, w / 2, h / 2, TextAlignment.CENTER, VPos.CENTER, FONT, pal.muted());
            return;
        }
        draw(g, w, h);
    }

    private void showTip(double x, double y) {
        String t = hasData() ? hoverAt(x, y) : null;
        if (t == null) {
            tip.setVisible(false);
            return;
        }
        tip.setText(t);
        tip.autosize();
        double px = x + 14, py = y + 14;
        if (px + tip.getWidth() > getWidth() - 4) px = Math.max(4, x - 14 - tip.getWidth());
        if (py + tip.getHeight() > getHeight() - 4) py = Math.max(4, y - 14 - tip.getHeight());
        tip.relocate(px, py);
        tip.setVisible(true);
    }

    private static final Text MEASURE = new Text();

    static double textWidth(String s, Font f) {
        MEASURE.setFont(f);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

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

    static double niceStep(double range, int target) {
        if (!(range > 0)) return 1;
        double raw = range / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10) * mag;
    }

    static List<Double> ticks(double lo, double hi, int target) {
        double step = niceStep(hi - lo, target);
        List<Double> out = new ArrayList<>();
        double start = Math.ceil(lo / step - 1e-9) * step;
        for (int i = 0; i < 100; i++) {
            double t = start + i * step;
            if (t > hi + step * 1e-9) break;
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return out;
    }

    /** A tick or axis value, short ("12.5k") for large numbers, in the app language. */
    static String num(double v) {
        NumberFormat f = NumberFormat.getNumberInstance(io.segmenta.core.util.I18n.locale());
        double a = Math.abs(v);
        if (a >= 1e6) { f.setMaximumFractionDigits(1); return f.format(v / 1e6) + "M"; }
        if (a >= 1e4) { f.setMaximumFractionDigits(1); return f.format(v / 1e3) + "k"; }
        f.setMaximumFractionDigits(a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
        return f.format(v);
    }

    void text(GraphicsContext g, String s, double x, double y, TextAlignment align, VPos base, Font f, Color c) {
        g.setFont(f);
        g.setFill(c);
        g.setTextAlign(align);
        g.setTextBaseline(base);
        g.fillText(s, x, y);
    }

    void yTitle(GraphicsContext g, String title, double x, double yMid, Color c) {
        g.save();
        g.translate(x, yMid);
        g.rotate(-90);
        text(g, title, 0, 0, TextAlignment.CENTER, VPos.CENTER, FONT, c);
        g.restore();
    }
}
