package io.segmenta.app.explore;

import io.segmenta.core.eda.Histogram;
import io.segmenta.core.util.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

/** Bars of a {@link Histogram}; with a log scale the x axis is logarithmic (bins are equal there). */
final class HistogramChart extends ChartCanvas {
    private Histogram data;
    private double left, right, top, bottom;

    HistogramChart(boolean dark) { super(dark); }

    void setData(Histogram h) {
        data = h;
        redraw();
    }

    Histogram data() { return data; }

    @Override public boolean hasData() { return data != null && data.bins() > 0; }

    private double tx(double v) { return data.options().logScale() ? Math.log10(v) : v; }

    private double xPos(double v) {
        double a = tx(data.edges()[0]), b = tx(data.edges()[data.bins()]);
        return left + (tx(v) - a) / (b - a) * (right - left);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        long max = 1;
        for (long c : data.counts()) max = Math.max(max, c);
        double step = Math.max(1, niceStep(max, 5));
        List<Double> yt = ticks(0, max * 1.05, step);
        double yMax = Math.max(max * 1.05, yt.isEmpty() ? 1 : yt.get(yt.size() - 1));
        double labelW = 0;
        for (double t : yt) labelW = Math.max(labelW, textWidth(Fmt.integer((long) t), SMALL));
        left = 30 + labelW;
        right = w - 18;
        top = 14;
        bottom = h - 46;
        for (double t : yt) yGrid(g, left, right, bottom - t / yMax * (bottom - top), Fmt.integer((long) t));
        yTitle(g, I18n.tr("ui.explore.axis.rows"), 6, (top + bottom) / 2);

        double[] e = data.edges();
        long[] c = data.counts();
        for (int i = 0; i < c.length; i++) {
            double x0 = xPos(e[i]), x1 = xPos(e[i + 1]);
            double gap = x1 - x0 > 5 ? 1 : 0;
            double y = bottom - c[i] / yMax * (bottom - top);
            g.setFill(pal.accent());
            g.fillRect(x0 + gap, y, Math.max(0.6, x1 - x0 - 2 * gap), bottom - y);
        }
        g.setStroke(pal.axis());
        g.strokeLine(left, bottom + 0.5, right, bottom + 0.5);
        // x ticks in data units
        for (double[] t : xTicks()) {
            double x = xPos(t[0]);
            g.setStroke(pal.axis());
            g.strokeLine(Math.round(x) + 0.5, bottom, Math.round(x) + 0.5, bottom + 4);
            text(g, xLabel(t[0], t[1]), x, bottom + 7, TextAlignment.CENTER, VPos.TOP, SMALL, pal.muted());
        }
        text(g, data.options().column() + (data.options().logScale() ? " (" + I18n.tr("ui.explore.axis.log") + ")" : ""),
                (left + right) / 2, h - 6, TextAlignment.CENTER, VPos.BOTTOM, FONT, pal.muted());
    }

    /** Tick values with the step they belong to. */
    private List<double[]> xTicks() {
        double[] e = data.edges();
        double lo = e[0], hi = e[e.length - 1];
        List<double[]> out = new ArrayList<>();
        int target = (int) Math.max(2, Math.min(8, (right - left) / 90));
        if (data.options().logScale()) {
            int a = (int) Math.ceil(Math.log10(lo) - 1e-9), b = (int) Math.floor(Math.log10(hi) + 1e-9);
            int every = Math.max(1, (b - a + 1) / target);
            for (int k = a; k <= b; k += every) out.add(new double[]{Math.pow(10, k), Math.pow(10, k)});
            if (out.size() < 2) {
                double s = niceStep(hi - lo, target);
                for (double t : ticks(lo, hi, s)) out.add(new double[]{t, s});
            }
            return out;
        }
        if (Fmt.temporal(data.type())) {
            double unit = data.type() == io.segmenta.core.data.ColumnType.DATE ? 1 : 86_400_000d;
            double days = (hi - lo) / unit;
            double s = (days > 3 * 365 ? niceStep(days / 365.25, target) * 365.25 : niceStep(days, target)) * unit;
            for (double t : ticks(lo, hi, s)) out.add(new double[]{t, s});
            return out;
        }
        double s = niceStep(hi - lo, target);
        for (double t : ticks(lo, hi, s)) out.add(new double[]{t, s});
        return out;
    }

    private String xLabel(double v, double step) {
        if (Fmt.temporal(data.type())) return Fmt.value(data.type(), v);
        return data.options().logScale() ? Fmt.number(v) : Fmt.tick(v, step);
    }

    @Override
    protected String hoverAt(double x, double y) {
        if (x < left || x > right) return null;
        double[] e = data.edges();
        for (int i = 0; i < data.bins(); i++) {
            if (x >= xPos(e[i]) && x <= xPos(e[i + 1])) {
                long total = Math.max(1, data.total());
                String range = (i == data.bins() - 1 ? "[%s, %s]" : "[%s, %s)")
                        .formatted(Fmt.value(data.type(), e[i]), Fmt.value(data.type(), e[i + 1]));
                return I18n.tr("ui.explore.hover.bin", range, Fmt.integer(data.counts()[i]),
                        Fmt.percent((double) data.counts()[i] / total));
            }
        }
        return null;
    }
}
