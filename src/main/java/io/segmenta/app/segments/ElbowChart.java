package io.segmenta.app.segments;

import io.segmenta.app.segments.SegmentsViewModel.Metric;
import io.segmenta.core.segment.KResult;
import io.segmenta.core.util.I18n;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The elbow chart: inertia per k on the left axis (solid line), the chosen second metric on the right axis
 * (dashed), the knee and the best silhouette marked, the chosen k ringed. Clicking near a point chooses
 * its k. Points can arrive one by one while the sweep runs; the k axis spans the whole range from the start.
 */
final class ElbowChart extends SegChart {
    private static final double L = 74, R = 74, T = 34, B = 44;

    private List<KResult> points = List.of();
    private Metric metric = Metric.SILHOUETTE;
    private int kMin = 2, kMax = 10;
    private Integer knee, bestSil;
    private int chosen;
    private IntConsumer onPick = k -> { };

    ElbowChart(boolean dark) {
        super(dark);
        setId("elbowChart");
        canvas.setOnMouseClicked(e -> {
            int k = kAt(e.getX(), e.getY());
            if (k > 0) onPick.accept(k);
        });
        canvas.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED,
                e -> canvas.setCursor(kAt(e.getX(), e.getY()) > 0 ? Cursor.HAND : Cursor.DEFAULT));
    }

    void setOnPick(IntConsumer c) { onPick = c; }

    void set(List<KResult> pts, int kMin, int kMax, Metric m, Integer knee, Integer bestSil, int chosen) {
        this.points = List.copyOf(pts);
        int lo = kMin, hi = kMax;
        for (KResult r : pts) { lo = Math.min(lo, r.k()); hi = Math.max(hi, r.k()); }
        this.kMin = lo;
        this.kMax = Math.max(hi, lo + 1);
        this.metric = m;
        this.knee = knee;
        this.bestSil = bestSil;
        this.chosen = chosen;
        redraw();
    }

    @Override boolean hasData() { return !points.isEmpty(); }

    private double x(int k, double w) { return L + (k - kMin) * (w - L - R) / (kMax - kMin); }

    /** Where the point of {@code k} is drawn (local coordinates), or null when it is not on the chart. */
    Point2D pointAt(int k) {
        KResult r = result(k);
        if (r == null) return null;
        double w = canvas.getWidth(), h = canvas.getHeight();
        double[] iy = inertiaRange();
        return new Point2D(x(k, w), y(r.inertia(), iy, h));
    }

    private KResult result(int k) {
        for (KResult r : points) if (r.k() == k) return r;
        return null;
    }

    /** The k of the point nearest to (x, y) within reach of a click, or 0. */
    int kAt(double px, double py) {
        double w = canvas.getWidth();
        if (points.isEmpty() || px < L - 20 || px > w - R + 20) return 0;
        double step = (w - L - R) / (kMax - kMin);
        int best = 0;
        double bestD = Math.max(18, step / 2);
        for (KResult r : points) {
            double d = Math.abs(x(r.k(), w) - px);
            if (d <= bestD) { bestD = d; best = r.k(); }
        }
        return best;
    }

    private double[] inertiaRange() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (KResult r : points) { lo = Math.min(lo, r.inertia()); hi = Math.max(hi, r.inertia()); }
        if (!(hi > lo)) { hi = lo + Math.max(1, Math.abs(lo) * 0.1); }
        double pad = (hi - lo) * 0.08;
        return new double[]{Math.max(0, lo - pad), hi + pad};
    }

    private double[] metricRange() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (KResult r : points) {
            double v = metric.of(r);
            if (Double.isNaN(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo == Double.POSITIVE_INFINITY) return null;
        if (!(hi > lo)) { double p = Math.max(0.01, Math.abs(lo) * 0.1); lo -= p; hi += p; }
        double pad = (hi - lo) * 0.1;
        return new double[]{lo - pad, hi + pad};
    }

    private static double y(double v, double[] range, double h) {
        return T + (1 - (v - range[0]) / (range[1] - range[0])) * (h - T - B);
    }

    @Override
    void draw(GraphicsContext g, double w, double h) {
        double[] iy = inertiaRange();
        double[] my = metricRange();
        Color inertiaColor = pal.accent();
        Color metricColor = pal.accent2();
        // grid and left axis (inertia)
        for (double t : ticks(iy[0], iy[1], 5)) {
            double yy = Math.round(y(t, iy, h)) + 0.5;
            g.setStroke(pal.grid());
            g.setLineWidth(1);
            g.strokeLine(L, yy, w - R, yy);
            text(g, num(t), L - 8, yy, TextAlignment.RIGHT, VPos.CENTER, SMALL, inertiaColor.deriveColor(0, 1, 0.85, 1));
        }
        yTitle(g, I18n.tr("ui.segments.elbow.inertia"), 14, (T + h - B) / 2, inertiaColor);
        if (my != null) {
            for (double t : ticks(my[0], my[1], 5)) {
                text(g, num(t), w - R + 8, y(t, my, h), TextAlignment.LEFT, VPos.CENTER, SMALL, metricColor);
            }
            yTitle(g, I18n.tr(metric.key()), w - 14, (T + h - B) / 2, metricColor);
        }
        // k axis
        g.setStroke(pal.axis());
        g.strokeLine(L, h - B + 0.5, w - R, h - B + 0.5);
        for (int k = kMin; k <= kMax; k++) {
            text(g, Integer.toString(k), x(k, w), h - B + 8, TextAlignment.CENTER, VPos.TOP, k == chosen ? BOLD : SMALL,
                    k == chosen ? pal.fg() : pal.muted());
        }
        text(g, I18n.tr("ui.segments.elbow.kAxis"), (L + w - R) / 2, h - 14, TextAlignment.CENTER, VPos.CENTER, FONT, pal.muted());

        // knee and best silhouette markers
        marker(g, knee, w, h, pal.accent(), I18n.tr("ui.segments.elbow.knee"), 0);
        marker(g, bestSil, w, h, pal.good(), I18n.tr("ui.segments.elbow.bestSil"), knee != null && knee.equals(bestSil) ? 1 : 0);

        // chosen k band
        if (chosen > 0 && result(chosen) != null) {
            double cx = x(chosen, w);
            g.setFill(pal.accent().deriveColor(0, 1, 1, 0.08));
            g.fillRect(cx - 14, T, 28, h - T - B);
        }

        // metric line (dashed)
        if (my != null) {
            List<double[]> pts = new ArrayList<>();
            for (KResult r : points) if (!Double.isNaN(metric.of(r))) pts.add(new double[]{x(r.k(), w), y(metric.of(r), my, h)});
            g.setStroke(metricColor);
            g.setLineWidth(1.6);
            g.setLineDashes(6, 4);
            polyline(g, pts);
            g.setLineDashes();
            g.setFill(metricColor);
            for (double[] p : pts) g.fillRect(p[0] - 3, p[1] - 3, 6, 6);
        }
        // inertia line
        List<double[]> pts = new ArrayList<>();
        for (KResult r : points) pts.add(new double[]{x(r.k(), w), y(r.inertia(), iy, h)});
        g.setStroke(inertiaColor);
        g.setLineWidth(2.2);
        polyline(g, pts);
        for (KResult r : points) {
            double px = x(r.k(), w), py = y(r.inertia(), iy, h);
            g.setFill(pal.bg());
            g.fillOval(px - 5, py - 5, 10, 10);
            g.setStroke(inertiaColor);
            g.setLineWidth(2);
            g.strokeOval(px - 5, py - 5, 10, 10);
            if (r.k() == chosen) {
                g.setFill(inertiaColor);
                g.fillOval(px - 5, py - 5, 10, 10);
                g.setLineWidth(2);
                g.strokeOval(px - 9, py - 9, 18, 18);
            }
        }
        // legend
        double lx = L;
        g.setLineWidth(2.2);
        g.setStroke(inertiaColor);
        g.strokeLine(lx, 14, lx + 18, 14);
        text(g, I18n.tr("ui.segments.elbow.inertiaLegend"), lx + 24, 14, TextAlignment.LEFT, VPos.CENTER, SMALL, pal.fg());
        lx += 30 + textWidth(I18n.tr("ui.segments.elbow.inertiaLegend"), SMALL) + 16;
        if (my != null) {
            g.setStroke(metricColor);
            g.setLineDashes(6, 4);
            g.strokeLine(lx, 14, lx + 18, 14);
            g.setLineDashes();
            String ml = I18n.tr(metric.key()) + " " + I18n.tr(metric.higherIsBetter() ? "ui.segments.metric.higher" : "ui.segments.metric.lower");
            text(g, ml, lx + 24, 14, TextAlignment.LEFT, VPos.CENTER, SMALL, pal.fg());
        }
        text(g, I18n.tr("ui.segments.elbow.clickHint"), w - R, 14, TextAlignment.RIGHT, VPos.CENTER, SMALL, pal.muted());
    }

    private void marker(GraphicsContext g, Integer k, double w, double h, Color c, String label, int row) {
        if (k == null || result(k) == null) return;
        double px = Math.round(x(k, w)) + 0.5;
        g.setStroke(c);
        g.setLineWidth(1.2);
        g.setLineDashes(3, 3);
        g.strokeLine(px, T, px, h - B);
        g.setLineDashes();
        String s = label + " (k = " + k + ")";
        double tw = textWidth(s, SMALL) + 10;
        double bx = Math.min(Math.max(px - tw / 2, L), w - R - tw);
        double by = T + 4 + row * 20;
        g.setFill(c.deriveColor(0, 1, 1, 0.14));
        g.fillRoundRect(bx, by, tw, 17, 8, 8);
        text(g, s, bx + tw / 2, by + 8.5, TextAlignment.CENTER, VPos.CENTER, SMALL, c);
    }

    private static void polyline(GraphicsContext g, List<double[]> pts) {
        if (pts.size() < 2) return;
        g.beginPath();
        g.moveTo(pts.get(0)[0], pts.get(0)[1]);
        for (int i = 1; i < pts.size(); i++) g.lineTo(pts.get(i)[0], pts.get(i)[1]);
        g.stroke();
    }

    @Override
    String hoverAt(double px, double py) {
        int k = kAt(px, py);
        KResult r = k > 0 ? result(k) : null;
        if (r == null) return null;
        return I18n.tr("ui.segments.elbow.tip", k, num(r.inertia()), SegmentsFormat.metric(r.silhouette()),
                SegmentsFormat.metric(r.calinskiHarabasz()), SegmentsFormat.metric(r.daviesBouldin()), SegmentsFormat.seconds(r.seconds()));
    }
}
