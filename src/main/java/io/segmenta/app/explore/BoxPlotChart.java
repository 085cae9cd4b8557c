package io.segmenta.app.explore;

import io.segmenta.core.eda.BoxPlot;
import io.segmenta.core.util.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.List;

/** Tukey box plots side by side: box q1–q3, median line, mean diamond, whiskers and sampled outliers. */
final class BoxPlotChart extends ChartCanvas {
    private BoxPlot data;
    private double left, right, top, bottom, lo, hi;

    BoxPlotChart(boolean dark) { super(dark); }

    void setData(BoxPlot b) {
        data = b;
        redraw();
    }

    @Override public boolean hasData() { return data != null && data.boxes().stream().anyMatch(b -> b.count() > 0); }

    private double y(double v) { return bottom - (v - lo) / (hi - lo) * (bottom - top); }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        lo = Double.POSITIVE_INFINITY;
        hi = Double.NEGATIVE_INFINITY;
        for (BoxPlot.Box b : data.boxes()) {
            if (b.count() == 0) continue;
            lo = Math.min(lo, b.min());
            hi = Math.max(hi, b.max());
        }
        if (hi == lo) { hi += 0.5; lo -= 0.5; }
        double pad = (hi - lo) * 0.04;
        lo -= pad;
        hi += pad;
        double step = niceStep(hi - lo, 6);
        List<Double> yt = ticks(lo, hi, step);
        double labelW = 0;
        for (double t : yt) labelW = Math.max(labelW, textWidth(label(t, step), SMALL));
        left = 30 + labelW;
        right = w - 18;
        top = 14;
        bottom = h - (data.options().groupBy() == null ? 30 : 62);
        for (double t : yt) yGrid(g, left, right, y(t), label(t, step));
        yTitle(g, data.options().column(), 6, (top + bottom) / 2);

        List<BoxPlot.Box> boxes = data.boxes();
        double slot = (right - left) / boxes.size();
        double bw = Math.min(70, slot * 0.55);
        for (int i = 0; i < boxes.size(); i++) {
            BoxPlot.Box b = boxes.get(i);
            double cx = left + slot * (i + 0.5);
            Color fill = b.bucket() == io.segmenta.core.eda.Bucket.VALUE || b.bucket() == io.segmenta.core.eda.Bucket.ALL
                    ? pal.series()[i % pal.series().length] : pal.other();
            if (b.count() > 0) {
                g.setStroke(pal.fg());
                g.setLineWidth(1.2);
                g.strokeLine(cx, y(b.upperWhisker()), cx, y(b.q3()));
                g.strokeLine(cx, y(b.q1()), cx, y(b.lowerWhisker()));
                g.strokeLine(cx - bw / 4, y(b.upperWhisker()), cx + bw / 4, y(b.upperWhisker()));
                g.strokeLine(cx - bw / 4, y(b.lowerWhisker()), cx + bw / 4, y(b.lowerWhisker()));
                g.setFill(fill.deriveColor(0, 1, 1, 0.55));
                double top3 = y(b.q3()), h13 = Math.max(1, y(b.q1()) - top3);
                g.fillRect(cx - bw / 2, top3, bw, h13);
                g.strokeRect(cx - bw / 2, top3, bw, h13);
                g.setLineWidth(2.2);
                g.strokeLine(cx - bw / 2, y(b.median()), cx + bw / 2, y(b.median()));
                g.setLineWidth(1);
                double my = y(b.mean());
                g.setFill(pal.bg());
                g.fillPolygon(new double[]{cx - 4, cx, cx + 4, cx}, new double[]{my, my - 4, my, my + 4}, 4);
                g.strokePolygon(new double[]{cx - 4, cx, cx + 4, cx}, new double[]{my, my - 4, my, my + 4}, 4);
                g.setFill(fill.deriveColor(0, 1, 0.8, 0.6));
                for (double o : b.outlierSample()) g.fillOval(cx - 2.5 + jitter(o) * bw * 0.3, y(o) - 2.5, 5, 5);
            }
            String name = fit(data.options().groupBy() == null ? b.displayLabel() : b.displayLabel(), SMALL, slot - 6);
            text(g, name, cx, bottom + 6, TextAlignment.CENTER, VPos.TOP, SMALL, pal.fg());
            if (data.options().groupBy() != null) {
                text(g, fit("n = " + Fmt.integer(b.count()), SMALL, slot - 4), cx, bottom + 22, TextAlignment.CENTER, VPos.TOP,
                        SMALL, pal.muted());
            }
        }
        g.setStroke(pal.axis());
        g.strokeLine(left, bottom + 0.5, right, bottom + 0.5);
        if (data.options().groupBy() != null) {
            text(g, data.options().groupBy(), (left + right) / 2, h - 4, TextAlignment.CENTER, VPos.BOTTOM, FONT, pal.muted());
        }
    }

    /** A small, repeatable horizontal offset so that equal outliers do not hide each other entirely. */
    private static double jitter(double v) {
        long bits = Double.doubleToLongBits(v) * 0x9E3779B97F4A7C15L;
        return ((bits >>> 40) & 0xFFFF) / 65535.0 - 0.5;
    }

    private String label(double v, double step) {
        return Fmt.temporal(data.type()) ? Fmt.value(data.type(), v) : Fmt.tick(v, step);
    }

    @Override
    protected String hoverAt(double x, double yy) {
        if (x < left || x > right) return null;
        List<BoxPlot.Box> boxes = data.boxes();
        int i = (int) ((x - left) / ((right - left) / boxes.size()));
        if (i < 0 || i >= boxes.size()) return null;
        BoxPlot.Box b = boxes.get(i);
        if (b.count() == 0) return b.displayLabel() + "\n" + I18n.tr("ui.explore.hover.noValues");
        var t = data.type();
        return I18n.tr("ui.explore.hover.box", b.displayLabel(), Fmt.integer(b.count()), Fmt.value(t, b.median()),
                Fmt.value(t, b.q1()), Fmt.value(t, b.q3()), Fmt.value(t, b.lowerWhisker()), Fmt.value(t, b.upperWhisker()),
                Fmt.value(t, b.mean()), Fmt.integer(b.outliers()));
    }
}
