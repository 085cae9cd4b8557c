package io.segmenta.app.models;

import io.segmenta.app.ui.CanvasChart;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A small x/y chart drawn on a canvas that fills the region (redrawn on resize): lines, points or bars,
 * optional diagonal and reference lines, a vertical marker (the threshold) and a legend. Drawing costs one
 * pass over already computed, small data (curves are thinned by the core to at most a few hundred points).
 */
public class PlotCanvas extends CanvasChart {

    /** How a series is drawn. */
    public enum Kind { LINE, POINTS, BARS }

    /** One series: a name for the legend (null = none), a colour and x/y values of equal length. */
    public record Series(String name, Color color, double[] x, double[] y, Kind kind, boolean dashed) {
        public static Series line(String name, Color c, double[] x, double[] y) { return new Series(name, c, x, y, Kind.LINE, false); }

        public static Series dashed(String name, Color c, double[] x, double[] y) { return new Series(name, c, x, y, Kind.LINE, true); }

        public static Series points(String name, Color c, double[] x, double[] y) { return new Series(name, c, x, y, Kind.POINTS, false); }

        public static Series bars(String name, Color c, double[] x, double[] y) { return new Series(name, c, x, y, Kind.BARS, false); }
    }

    /** Colours of the light and dark themes and the series colours. */
    public record Palette(Color bg, Color fg, Color muted, Color grid, Color axis, Color accent, Color danger, Color[] series) {
        public static Palette of(boolean dark) {
            Color[] s = {Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#59a14f"), Color.web("#e15759"),
                Color.web("#76b7b2"), Color.web("#b07aa1")};
            return dark
                    ? new Palette(Color.web("#161b22"), Color.web("#e6edf3"), Color.web("#8d96a0"), Color.web("#262c36"),
                    Color.web("#3d444d"), Color.web("#4493f8"), Color.web("#f85149"), s)
                    : new Palette(Color.WHITE, Color.web("#1f2328"), Color.web("#59636e"), Color.web("#eef1f4"),
                    Color.web("#d1d9e0"), Color.web("#0969da"), Color.web("#cf222e"), s);
        }
    }

    protected final Palette pal;
    private final List<Series> series = new ArrayList<>();
    private final List<double[]> hLines = new ArrayList<>();
    private String xTitle = "", yTitle = "";
    private DoubleFunction<String> xFormat = v -> NumberFormat.getNumberInstance().format(v);
    private DoubleFunction<String> yFormat = xFormat;
    private double fxMin = Double.NaN, fxMax = Double.NaN, fyMin = Double.NaN, fyMax = Double.NaN;
    private boolean diagonal;
    private double marker = Double.NaN;
    private String markerLabel;
    private double[] highlight;

    public PlotCanvas(boolean dark) {
        super("models-plot", null);
        this.pal = Palette.of(dark);
    }

    @Override protected Color background() { return pal.bg(); }

    @Override protected Color mutedText() { return pal.muted(); }

    public Palette palette() { return pal; }

    public PlotCanvas titles(String x, String y) {
        xTitle = x == null ? "" : x;
        yTitle = y == null ? "" : y;
        return this;
    }

    public PlotCanvas formats(DoubleFunction<String> x, DoubleFunction<String> y) {
        xFormat = x;
        yFormat = y;
        return this;
    }

    /** Fixed axis ranges; NaN = from the data. */
    public PlotCanvas range(double xMin, double xMax, double yMin, double yMax) {
        fxMin = xMin; fxMax = xMax; fyMin = yMin; fyMax = yMax;
        return this;
    }

    /** Draws the dashed y = x line (ROC chance line, perfect calibration, predicted = actual). */
    public PlotCanvas diagonal(boolean d) {
        diagonal = d;
        return this;
    }

    /** Replaces the series and horizontal reference lines, then redraws. */
    public void setSeries(List<Series> s) {
        series.clear();
        series.addAll(s);
        redraw();
    }

    /** A dashed horizontal reference line at {@code y}. */
    public void setHorizontalLines(double... ys) {
        hLines.clear();
        for (double y : ys) hLines.add(new double[]{y});
        redraw();
    }

    /** A vertical marker at {@code x} (NaN = none) with a label, and an optional highlighted point. */
    public void setMarker(double x, String label, double[] point) {
        marker = x;
        markerLabel = label;
        highlight = point;
        redraw();
    }

    public boolean hasData() {
        for (Series s : series) if (s.x().length > 0) return true;
        return false;
    }

    /** Series shown now (tests read them). */
    public List<Series> series() { return List.copyOf(series); }

    @Override protected double computePrefWidth(double h) { return 420; }

    @Override protected double computePrefHeight(double w) { return 280; }

    @Override protected double computeMinWidth(double h) { return 160; }

    @Override protected double computeMinHeight(double w) { return 140; }

    private double x0, x1, y0, y1, left, right, top, bottom;

    private double px(double v) { return left + (v - x0) / (x1 - x0) * (right - left); }

    private double py(double v) { return bottom - (v - y0) / (y1 - y0) * (bottom - top); }

    protected void draw(GraphicsContext g, double w, double h) {
        x0 = Double.POSITIVE_INFINITY; x1 = Double.NEGATIVE_INFINITY; y0 = Double.POSITIVE_INFINITY; y1 = Double.NEGATIVE_INFINITY;
        boolean bars = false;
        for (Series s : series) {
            bars |= s.kind() == Kind.BARS;
            for (int i = 0; i < s.x().length; i++) {
                double xv = s.x()[i], yv = s.y()[i];
                if (Double.isNaN(xv) || Double.isNaN(yv) || Double.isInfinite(xv) || Double.isInfinite(yv)) continue;
                x0 = Math.min(x0, xv); x1 = Math.max(x1, xv); y0 = Math.min(y0, yv); y1 = Math.max(y1, yv);
            }
        }
        if (x0 > x1) { x0 = 0; x1 = 1; y0 = 0; y1 = 1; }
        for (double[] hl : hLines) { y0 = Math.min(y0, hl[0]); y1 = Math.max(y1, hl[0]); }
        if (bars) { x0 -= 0.5; x1 += 0.5; y0 = Math.min(0, y0); }
        if (diagonal) { double lo = Math.min(x0, y0), hi = Math.max(x1, y1); x0 = y0 = lo; x1 = y1 = hi; }
        if (!Double.isNaN(fxMin)) x0 = fxMin;
        if (!Double.isNaN(fxMax)) x1 = fxMax;
        if (!Double.isNaN(fyMin)) y0 = fyMin;
        if (!Double.isNaN(fyMax)) y1 = fyMax;
        if (x1 <= x0) { x0 -= 0.5; x1 += 0.5; }
        if (y1 <= y0) { y0 -= 0.5; y1 += 0.5; }
        double yStep = niceStep(y1 - y0, Math.max(2, (int) (h / 55)));
        if (Double.isNaN(fyMax)) y1 = Math.ceil(y1 / yStep - 1e-9) * yStep;
        if (Double.isNaN(fyMin) && !bars) y0 = Math.floor(y0 / yStep + 1e-9) * yStep;
        List<Double> yt = ticks(y0, y1, yStep);
        double labelW = 0;
        for (double t : yt) labelW = Math.max(labelW, textWidth(yFormat.apply(t), SMALL));
        left = 26 + labelW;
        right = w - 14;
        top = 12;
        bottom = h - 40;
        if (right - left < 40 || bottom - top < 30) return;

        g.setLineWidth(1);
        for (double t : yt) {
            double y = Math.round(py(t)) + 0.5;
            g.setStroke(pal.grid());
            g.strokeLine(left, y, right, y);
            text(g, yFormat.apply(t), left - 6, y, TextAlignment.RIGHT, VPos.CENTER, SMALL, pal.muted());
        }
        if (bars) {
            for (Series s : series) {
                if (s.kind() != Kind.BARS) continue;
                for (int i = 0; i < s.x().length; i++) {
                    double x = px(s.x()[i]);
                    text(g, xFormat.apply(s.x()[i]), x, bottom + 6, TextAlignment.CENTER, VPos.TOP, SMALL, pal.muted());
                }
                break;
            }
        } else {
            double xStep = niceStep(x1 - x0, Math.max(2, (int) (w / 90)));
            for (double t : ticks(x0, x1, xStep)) {
                double x = Math.round(px(t)) + 0.5;
                g.setStroke(pal.grid());
                g.strokeLine(x, top, x, bottom);
                text(g, xFormat.apply(t), x, bottom + 6, TextAlignment.CENTER, VPos.TOP, SMALL, pal.muted());
            }
        }
        g.setStroke(pal.axis());
        g.strokeLine(left, Math.round(bottom) + 0.5, right, Math.round(bottom) + 0.5);
        text(g, xTitle, (left + right) / 2, h - 4, TextAlignment.CENTER, VPos.BOTTOM, FONT, pal.muted());
        g.save();
        g.translate(4, (top + bottom) / 2);
        g.rotate(-90);
        text(g, yTitle, 0, 0, TextAlignment.CENTER, VPos.TOP, FONT, pal.muted());
        g.restore();

        g.save();
        g.beginPath();
        // a little room past the axes, so that markers on the first and last points are drawn whole
        g.rect(left - 5, top - 5, right - left + 10, bottom - top + 10);
        g.clip();
        if (diagonal) {
            g.setStroke(pal.muted());
            g.setLineDashes(5, 4);
            g.strokeLine(px(Math.max(x0, y0)), py(Math.max(x0, y0)), px(Math.min(x1, y1)), py(Math.min(x1, y1)));
            g.setLineDashes();
        }
        for (double[] hl : hLines) {
            g.setStroke(pal.muted());
            g.setLineDashes(5, 4);
            g.strokeLine(left, py(hl[0]), right, py(hl[0]));
            g.setLineDashes();
        }
        int barSeries = (int) series.stream().filter(s -> s.kind() == Kind.BARS).count();
        int barIndex = 0;
        for (Series s : series) {
            double[] xs = s.x(), ys = s.y();
            switch (s.kind()) {
                case BARS -> {
                    double slot = (px(1) - px(0)) * 0.7;
                    double bw = slot / Math.max(1, barSeries);
                    g.setFill(s.color());
                    for (int i = 0; i < xs.length; i++) {
                        if (Double.isNaN(ys[i])) continue;
                        double x = px(xs[i]) - slot / 2 + barIndex * bw;
                        double ya = py(Math.max(0, ys[i])), yb = py(Math.min(0, ys[i]));
                        g.fillRect(x, ya, bw - 1, Math.max(1, yb - ya));
                    }
                    barIndex++;
                }
                case POINTS -> {
                    g.setFill(s.color().deriveColor(0, 1, 1, xs.length > 2000 ? 0.35 : 0.6));
                    double r = xs.length > 2000 ? 2 : 3;
                    for (int i = 0; i < xs.length; i++) {
                        if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) continue;
                        g.fillOval(px(xs[i]) - r, py(ys[i]) - r, 2 * r, 2 * r);
                    }
                }
                case LINE -> {
                    g.setStroke(s.color());
                    g.setLineWidth(2);
                    if (s.dashed()) g.setLineDashes(6, 4);
                    g.beginPath();
                    boolean started = false;
                    for (int i = 0; i < xs.length; i++) {
                        if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) { started = false; continue; }
                        if (!started) g.moveTo(px(xs[i]), py(ys[i])); else g.lineTo(px(xs[i]), py(ys[i]));
                        started = true;
                    }
                    g.stroke();
                    g.setLineDashes();
                    g.setLineWidth(1);
                    if (xs.length <= 12) {
                        g.setFill(s.color());
                        for (int i = 0; i < xs.length; i++) if (!Double.isNaN(ys[i])) g.fillOval(px(xs[i]) - 3, py(ys[i]) - 3, 6, 6);
                    }
                }
            }
        }
        if (!Double.isNaN(marker)) {
            double x = Math.round(px(marker)) + 0.5;
            g.setStroke(pal.danger());
            g.setLineWidth(1.5);
            g.strokeLine(x, top, x, bottom);
            g.setLineWidth(1);
        }
        if (highlight != null) {
            g.setFill(pal.danger());
            g.fillOval(px(highlight[0]) - 5, py(highlight[1]) - 5, 10, 10);
            g.setStroke(pal.bg());
            g.strokeOval(px(highlight[0]) - 5, py(highlight[1]) - 5, 10, 10);
        }
        g.restore();
        if (!Double.isNaN(marker) && markerLabel != null) {
            double x = px(marker);
            boolean leftSide = x > (left + right) / 2;
            // on the side away from the legend (top right for falling curves, bottom right for rising ones)
            double[] lb = legendBox();
            boolean legendOnTop = lb == null ? !(diagonal || isRising()) : lb[1] < (top + bottom) / 2;
            text(g, markerLabel, leftSide ? x - 5 : x + 5, legendOnTop ? bottom - 2 : top + 2,
                    leftSide ? TextAlignment.RIGHT : TextAlignment.LEFT, legendOnTop ? VPos.BOTTOM : VPos.TOP, BOLD, pal.danger());
        }
        drawLegend(g);
    }

    private void drawLegend(GraphicsContext g) {
        List<Series> named = series.stream().filter(s -> s.name() != null && !s.name().isEmpty()).toList();
        double[] box = legendBox();
        if (box == null) return;
        double bx = box[0], by = box[1], boxW = box[2], boxH = box[3];
        g.setFill(pal.bg().deriveColor(0, 1, 1, 0.88));
        g.fillRoundRect(bx, by, boxW, boxH, 6, 6);
        g.setStroke(pal.grid());
        g.strokeRoundRect(bx + 0.5, by + 0.5, boxW, boxH, 6, 6);
        double y = by + 12;
        for (Series s : named) {
            g.setStroke(s.color());
            g.setFill(s.color());
            if (s.kind() == Kind.LINE) {
                g.setLineWidth(2);
                if (s.dashed()) g.setLineDashes(4, 3);
                g.strokeLine(bx + 8, y, bx + 24, y);
                g.setLineDashes();
                g.setLineWidth(1);
            } else {
                g.fillRect(bx + 10, y - 5, 10, 10);
            }
            text(g, s.name(), bx + 30, y, TextAlignment.LEFT, VPos.CENTER, SMALL, pal.fg());
            y += 17;
        }
    }

    /**
     * Where the legend goes, {x, y, width, height}, or null without named series: the corner where the box hides
     * the fewest points of the curves, preferring the one away from a falling (top right) or rising (bottom right)
     * curve's end.
     */
    private double[] legendBox() {
        List<Series> named = series.stream().filter(s -> s.name() != null && !s.name().isEmpty()).toList();
        if (named.isEmpty()) return null;
        double lw = 0;
        for (Series s : named) lw = Math.max(lw, textWidth(s.name(), SMALL));
        double boxW = lw + 34, boxH = named.size() * 17 + 8;
        boolean ascending = diagonal || isRising();
        double xr = right - boxW - 6, xl = left + 6, yt = top + 6, yb = bottom - boxH - 6;
        double[][] corners = ascending
                ? new double[][]{{xr, yb}, {xr, yt}, {xl, yb}, {xl, yt}}
                : new double[][]{{xr, yt}, {xr, yb}, {xl, yt}, {xl, yb}};
        double bx = corners[0][0], by = corners[0][1];
        int fewest = Integer.MAX_VALUE;
        for (double[] c : corners) {
            int n = pointsIn(c[0] - 10, c[1] - 10, boxW + 20, boxH + 20);
            if (n < fewest) {
                fewest = n;
                bx = c[0];
                by = c[1];
            }
        }
        return new double[]{bx, by, boxW, boxH};
    }

    /** Points of the series, and midpoints of their line segments, that fall in a rectangle of the canvas. */
    private int pointsIn(double x, double y, double w, double h) {
        int n = 0;
        for (Series s : series) {
            double[] xs = s.x(), ys = s.y();
            for (int i = 0; i < xs.length; i++) {
                if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) continue;
                if (inside(px(xs[i]), py(ys[i]), x, y, w, h)) n++;
                if (s.kind() == Kind.LINE && i > 0 && !Double.isNaN(xs[i - 1]) && !Double.isNaN(ys[i - 1])
                        && inside((px(xs[i]) + px(xs[i - 1])) / 2, (py(ys[i]) + py(ys[i - 1])) / 2, x, y, w, h)) n++;
            }
        }
        return n;
    }

    private static boolean inside(double px, double py, double x, double y, double w, double h) {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }

    /** Whether the first series ends higher than it starts (legend goes bottom right, out of the way). */
    private boolean isRising() {
        for (Series s : series) {
            if (s.y().length < 2) continue;
            return s.y()[s.y().length - 1] > s.y()[0];
        }
        return false;
    }
}
