package io.segmenta.app.explore;

import io.segmenta.core.eda.Bucket;
import io.segmenta.core.eda.TargetRate;
import io.segmenta.core.util.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import java.util.List;

/** Target rate (or mean) per group as columns, with the overall rate as a dashed line and counts below. */
final class TargetRateChart extends ChartCanvas {
    private TargetRate data;
    private double left, right, top, bottom;

    TargetRateChart(boolean dark) { super(dark); }

    void setData(TargetRate t) {
        data = t;
        redraw();
    }

    @Override public boolean hasData() { return data != null && !data.groups().isEmpty(); }

    private String rate(double v) { return data.target().binary() ? Fmt.percent(v) : Fmt.number(v); }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<TargetRate.Group> groups = data.groups();
        double max = data.overallRate() == data.overallRate() ? data.overallRate() : 0;
        double min = 0;
        for (TargetRate.Group gr : groups) if (gr.rate() == gr.rate()) { max = Math.max(max, gr.rate()); min = Math.min(min, gr.rate()); }
        if (max <= min) max = min + 1;
        double step = niceStep((max - min) * 1.12, 5);
        List<Double> yt = ticks(min, max * 1.12, step);
        double yMax = Math.max(max * 1.12, yt.get(yt.size() - 1));
        double labelW = 0;
        for (double t : yt) labelW = Math.max(labelW, textWidth(axis(t, step), SMALL));
        left = 30 + labelW;
        right = w - 18;
        top = 16;
        bottom = h - 62;
        double lo = min;
        java.util.function.DoubleUnaryOperator y = v -> bottom - (v - lo) / (yMax - lo) * (bottom - top);
        for (double t : yt) yGrid(g, left, right, y.applyAsDouble(t), axis(t, step));
        String yName = data.target().binary()
                ? I18n.tr("ui.explore.axis.rate", data.target().column(), data.target().positive())
                : I18n.tr("ui.explore.axis.mean", data.target().column());
        yTitle(g, yName, 6, (top + bottom) / 2);
        double slot = (right - left) / groups.size();
        double bw = Math.min(80, slot * 0.66);
        for (int i = 0; i < groups.size(); i++) {
            TargetRate.Group gr = groups.get(i);
            double cx = left + slot * (i + 0.5);
            if (gr.rate() == gr.rate()) {
                double yy = y.applyAsDouble(gr.rate()), y0 = y.applyAsDouble(0);
                g.setFill(gr.bucket() == Bucket.VALUE ? pal.accent() : pal.other());
                g.fillRect(cx - bw / 2, Math.min(yy, y0), bw, Math.max(1, Math.abs(y0 - yy)));
                if (slot > 34) text(g, rate(gr.rate()), cx, Math.min(yy, y0) - 3, TextAlignment.CENTER, VPos.BOTTOM, SMALL, pal.fg());
            }
            text(g, fit(gr.displayLabel(), SMALL, slot - 4), cx, bottom + 6, TextAlignment.CENTER, VPos.TOP, SMALL, pal.fg());
            text(g, fit("n = " + Fmt.integer(gr.count()), SMALL, slot - 4), cx, bottom + 22, TextAlignment.CENTER, VPos.TOP,
                    SMALL, pal.muted());
        }
        g.setStroke(pal.axis());
        g.strokeLine(left, bottom + 0.5, right, bottom + 0.5);
        if (data.overallRate() == data.overallRate()) {
            double oy = y.applyAsDouble(data.overallRate());
            g.setStroke(pal.danger());
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            g.strokeLine(left, oy, right, oy);
            g.setLineDashes();
            g.setLineWidth(1);
            String label = I18n.tr("ui.explore.target.overall", rate(data.overallRate()));
            double tw = textWidth(label, SMALL);
            g.setFill(pal.bg());
            g.fillRect(right - tw - 8, oy - 16, tw + 6, 14);
            text(g, label, right - 4, oy - 3, TextAlignment.RIGHT, VPos.BOTTOM, SMALL, pal.danger());
        }
        text(g, data.options().by(), (left + right) / 2, h - 4, TextAlignment.CENTER, VPos.BOTTOM, FONT, pal.muted());
    }

    private String axis(double v, double step) {
        if (!data.target().binary()) return Fmt.tick(v, step);
        java.text.NumberFormat f = java.text.NumberFormat.getPercentInstance(io.segmenta.core.util.I18n.locale());
        f.setMaximumFractionDigits(step * 100 >= 1 ? 0 : 1);
        return f.format(v);
    }

    @Override
    protected String hoverAt(double x, double yy) {
        if (x < left || x > right) return null;
        int i = (int) ((x - left) / ((right - left) / data.groups().size()));
        if (i < 0 || i >= data.groups().size()) return null;
        TargetRate.Group g = data.groups().get(i);
        return data.target().binary()
                ? I18n.tr("ui.explore.hover.rate", g.displayLabel(), rate(g.rate()), Fmt.integer((long) g.sum()), Fmt.integer(g.count()))
                : I18n.tr("ui.explore.hover.mean", g.displayLabel(), rate(g.rate()), Fmt.integer(g.count()));
    }
}
