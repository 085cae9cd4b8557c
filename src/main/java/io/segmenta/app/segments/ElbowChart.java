package io.segmenta.app.segments;

import io.segmenta.app.segments.SegmentsViewModel.Metric;
import io.segmenta.core.segment.KResult;
import io.segmenta.core.util.I18n;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The elbow chart: inertia per k on the left axis (solid line), the chosen second metric on the right axis
 * (dashed), the knee and the best silhouette marked, the chosen k ringed. Clicking near a point chooses
 * its k. Points can arrive one by one while the sweep runs; the k axis spans the whole range from the start.
 * The marker labels sit in a band above the plot, so they never cover a point: one label per k (the knee and
 * the best silhouette merged when they agree), moved to a second row when two would touch
 * ({@link #layoutLabels}).
 */
final class ElbowChart extends SegChart {
    private static final double L = 74, R = 74, B = 44;
    /** Top of the plot without marker labels; each row of marker labels above the plot adds {@link #ROW_H}. */
    private static final double T0 = 30, ROW_H = 20, LABEL_H = 17, LABEL_GAP = 8;
    private static final Font BOLD_SMALL = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 11);

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

    @Override public boolean hasData() { return !points.isEmpty(); }

    private double x(int k, double w) { return L + (k - kMin) * (w - L - R) / (kMax - kMin); }

    /** Where the point of {@code k} is drawn (local coordinates), or null when it is not on the chart. */
    Point2D pointAt(int k) {
        KResult r = result(k);
        if (r == null) return null;
        double w = canvas.getWidth(), h = canvas.getHeight();
        double[] iy = inertiaRange();
        return new Point2D(x(k, w), y(r.inertia(), iy, top(w), h));
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

    private static double y(double v, double[] range, double top, double h) {
        return top + (1 - (v - range[0]) / (range[1] - range[0])) * (h - top - B);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<MarkerLabel> labels = markerLabels(w);
        final double T = top(labels);
        double[] iy = inertiaRange();
        double[] my = metricRange();
        int tickCount = (int) Math.max(2, Math.min(5, (h - T - B) / 26)); // tick labels at least 26 px apart
        Color inertiaColor = pal.accent();
        Color metricColor = pal.accent2();
        // grid and left axis (inertia)
        for (double t : ticks(iy[0], iy[1], tickCount)) {
            double yy = Math.round(y(t, iy, T, h)) + 0.5;
            g.setStroke(pal.grid());
            g.setLineWidth(1);
            g.strokeLine(L, yy, w - R, yy);
            text(g, num(t), L - 8, yy, TextAlignment.RIGHT, VPos.CENTER, SMALL, inertiaColor.deriveColor(0, 1, 0.85, 1));
        }
        axisTitle(g, I18n.tr("ui.segments.elbow.inertia"), 14, T, h, inertiaColor);
        if (my != null) {
            for (double t : ticks(my[0], my[1], tickCount)) {
                text(g, num(t), w - R + 8, y(t, my, T, h), TextAlignment.LEFT, VPos.CENTER, SMALL, metricColor);
            }
            axisTitle(g, I18n.tr(metric.key()), w - 14, T, h, metricColor);
        }
        // k axis
        g.setStroke(pal.axis());
        g.strokeLine(L, h - B + 0.5, w - R, h - B + 0.5);
        for (int k = kMin; k <= kMax; k++) {
            text(g, Integer.toString(k), x(k, w), h - B + 8, TextAlignment.CENTER, VPos.TOP, k == chosen ? BOLD : SMALL,
                    k == chosen ? pal.fg() : pal.muted());
        }
        text(g, I18n.tr("ui.segments.elbow.kAxis"), (L + w - R) / 2, h - 14, TextAlignment.CENTER, VPos.CENTER, FONT, pal.muted());

        // knee and best silhouette markers, their labels above the plot
        for (MarkerLabel m : labels) markerLine(g, m, w, h, T);
        for (MarkerLabel m : labels) markerLabel(g, m, T);

        // chosen k band
        if (chosen > 0 && result(chosen) != null) {
            double cx = x(chosen, w);
            g.setFill(pal.accent().deriveColor(0, 1, 1, 0.08));
            g.fillRect(cx - 14, T, 28, h - T - B);
        }

        // metric line (dashed)
        if (my != null) {
            List<double[]> pts = new ArrayList<>();
            for (KResult r : points) if (!Double.isNaN(metric.of(r))) pts.add(new double[]{x(r.k(), w), y(metric.of(r), my, T, h)});
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
        for (KResult r : points) pts.add(new double[]{x(r.k(), w), y(r.inertia(), iy, T, h)});
        g.setStroke(inertiaColor);
        g.setLineWidth(2.2);
        polyline(g, pts);
        for (KResult r : points) {
            double px = x(r.k(), w), py = y(r.inertia(), iy, T, h);
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
        // legend; the click hint only where it does not run into it
        double lx = L, right = w - 8;
        g.setLineWidth(2.2);
        g.setStroke(inertiaColor);
        g.strokeLine(lx, 12, lx + 18, 12);
        String il = fit(I18n.tr("ui.segments.elbow.inertiaLegend"), SMALL, Math.max(20, right - lx - 24));
        text(g, il, lx + 24, 12, TextAlignment.LEFT, VPos.CENTER, SMALL, pal.fg());
        lx += 30 + textWidth(il, SMALL) + 16;
        if (my != null && right - lx > 24 + 40) {
            g.setStroke(metricColor);
            g.setLineDashes(6, 4);
            g.strokeLine(lx, 12, lx + 18, 12);
            g.setLineDashes();
            String ml = fit(I18n.tr(metric.key()) + " " + I18n.tr(metric.higherIsBetter() ? "ui.segments.metric.higher" : "ui.segments.metric.lower"),
                    SMALL, right - lx - 24);
            text(g, ml, lx + 24, 12, TextAlignment.LEFT, VPos.CENTER, SMALL, pal.fg());
            lx += 30 + textWidth(ml, SMALL) + 16;
        }
        String hint = I18n.tr("ui.segments.elbow.clickHint");
        if (lx + textWidth(hint, SMALL) <= w - R) text(g, hint, w - R, 12, TextAlignment.RIGHT, VPos.CENTER, SMALL, pal.muted());
    }

    /** A vertical axis title centred on the plot, moved (then cut) to stay within the chart's height. */
    private void axisTitle(GraphicsContext g, String title, double x, double top, double h, Color c) {
        String t = fit(title, FONT, h - 8);
        double half = textWidth(t, FONT) / 2;
        double cy = Math.max(4 + half, Math.min(h - 4 - half, (top + h - B) / 2));
        yTitle(g, t, x, cy, c);
    }

    /** A marker label: its k, colour, text and where it was placed (left edge and row above the plot). */
    private record MarkerLabel(int k, Color color, String text, double x, double width, int row) { }

    /** A label box to place: centred on {@code center} if it can be, {@code width} wide. */
    record Box(double center, double width) { }

    /** Where a box went: its left edge and its row (0 is the row nearest the plot). */
    record Placed(double left, int row) { }

    /**
     * Lays label boxes out on rows so that no two overlap: each is centred on its point where the range
     * [{@code lo}, {@code hi}] allows, and goes on the lowest row where it keeps {@code gap} from every box
     * already there. Boxes are placed from left to right; the result is in the order of {@code boxes}.
     */
    static List<Placed> layoutLabels(List<Box> boxes, double lo, double hi, double gap) {
        Integer[] order = new Integer[boxes.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> boxes.get(i).center()));
        Placed[] out = new Placed[boxes.size()];
        List<List<double[]>> rows = new ArrayList<>();
        for (int i : order) {
            Box b = boxes.get(i);
            double left = Math.max(lo, Math.min(b.center() - b.width() / 2, hi - b.width()));
            int row = 0;
            while (row < rows.size() && collides(rows.get(row), left, left + b.width(), gap)) row++;
            if (row == rows.size()) rows.add(new ArrayList<>());
            rows.get(row).add(new double[]{left, left + b.width()});
            out[i] = new Placed(left, row);
        }
        return List.of(out);
    }

    private static boolean collides(List<double[]> row, double a, double b, double gap) {
        for (double[] r : row) if (a < r[1] + gap && b > r[0] - gap) return true;
        return false;
    }

    /** The marker labels for the current data at width {@code w}: one per k, laid out by {@link #layoutLabels}. */
    private List<MarkerLabel> markerLabels(double w) {
        List<Integer> ks = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        boolean kneeShown = knee != null && result(knee) != null, silShown = bestSil != null && result(bestSil) != null;
        if (kneeShown && silShown && knee.equals(bestSil)) {
            ks.add(knee);
            colors.add(pal.good());
            texts.add(I18n.tr("ui.segments.elbow.knee") + " · " + I18n.tr("ui.segments.elbow.bestSil") + " (k = " + knee + ")");
        } else {
            if (kneeShown) { ks.add(knee); colors.add(pal.accent()); texts.add(I18n.tr("ui.segments.elbow.knee") + " (k = " + knee + ")"); }
            if (silShown) { ks.add(bestSil); colors.add(pal.good()); texts.add(I18n.tr("ui.segments.elbow.bestSil") + " (k = " + bestSil + ")"); }
        }
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < ks.size(); i++) {
            Font f = labelFont(ks.get(i));
            texts.set(i, fit(texts.get(i), f, Math.max(40, w - L - R - 10)));
            boxes.add(new Box(x(ks.get(i), w), textWidth(texts.get(i), f) + 10));
        }
        List<Placed> placed = layoutLabels(boxes, L, w - R, LABEL_GAP);
        List<MarkerLabel> out = new ArrayList<>();
        for (int i = 0; i < ks.size(); i++) {
            out.add(new MarkerLabel(ks.get(i), colors.get(i), texts.get(i), placed.get(i).left(), boxes.get(i).width(), placed.get(i).row()));
        }
        return out;
    }

    private static double top(List<MarkerLabel> labels) {
        int rows = 0;
        for (MarkerLabel m : labels) rows = Math.max(rows, m.row() + 1);
        return T0 + rows * ROW_H;
    }

    private double top(double w) { return top(markerLabels(w)); }

    private void markerLine(GraphicsContext g, MarkerLabel m, double w, double h, double top) {
        double px = Math.round(x(m.k(), w)) + 0.5;
        g.setStroke(m.color());
        g.setLineWidth(1.2);
        g.setLineDashes(3, 3);
        g.strokeLine(px, labelY(m, top) + LABEL_H, px, h - B);
        g.setLineDashes();
    }

    /** The label box, opaque so that the line of a label on a higher row passes behind it. */
    private void markerLabel(GraphicsContext g, MarkerLabel m, double top) {
        double by = labelY(m, top);
        g.setFill(pal.bg());
        g.fillRoundRect(m.x(), by, m.width(), LABEL_H, 8, 8);
        g.setFill(m.color().deriveColor(0, 1, 1, 0.16));
        g.fillRoundRect(m.x(), by, m.width(), LABEL_H, 8, 8);
        text(g, m.text(), m.x() + m.width() / 2, by + LABEL_H / 2, TextAlignment.CENTER, VPos.CENTER, labelFont(m.k()), m.color());
    }

    private static double labelY(MarkerLabel m, double top) { return top - 3 - LABEL_H - m.row() * ROW_H; }

    /** The label of the chosen k is bold. */
    private Font labelFont(int k) { return k == chosen ? BOLD_SMALL : SMALL; }

    private static void polyline(GraphicsContext g, List<double[]> pts) {
        if (pts.size() < 2) return;
        g.beginPath();
        g.moveTo(pts.get(0)[0], pts.get(0)[1]);
        for (int i = 1; i < pts.size(); i++) g.lineTo(pts.get(i)[0], pts.get(i)[1]);
        g.stroke();
    }

    @Override
    protected String hoverAt(double px, double py) {
        int k = kAt(px, py);
        KResult r = k > 0 ? result(k) : null;
        if (r == null) return null;
        return I18n.tr("ui.segments.elbow.tip", k, num(r.inertia()), SegmentsFormat.metric(r.silhouette()),
                SegmentsFormat.metric(r.calinskiHarabasz()), SegmentsFormat.metric(r.daviesBouldin()), SegmentsFormat.seconds(r.seconds()));
    }
}
