package io.segmenta.app.segments;

import io.segmenta.core.segment.SegmentProfiles.NumericStat;
import io.segmenta.core.segment.SegmentProfiles.Profiles;
import io.segmenta.core.segment.SegmentProfiles.SegmentProfile;
import io.segmenta.core.util.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * One horizontal box plot per segment for a numeric feature: the box spans the quartiles, the bar is the
 * median, the whiskers reach the minimum and maximum, the dot is the mean; the dashed line is the median
 * of all customers.
 */
final class BoxChart extends SegChart {
    private static final double LABEL_W = 210, R = 30, T = 30, B = 44;
    private Profiles p;
    private String column;
    private double lo, hi;

    BoxChart(boolean dark) {
        super(dark);
        setId("boxChart");
    }

    void set(Profiles p, String column) {
        this.p = p;
        this.column = column;
        if (hasData()) {
            lo = Double.POSITIVE_INFINITY;
            hi = Double.NEGATIVE_INFINITY;
            for (SegmentProfile s : p.segments()) {
                NumericStat st = s.numeric(column);
                if (st == null || st.count() == 0) continue;
                lo = Math.min(lo, st.segMin());
                hi = Math.max(hi, st.segMax());
            }
            if (!(hi > lo)) { hi = lo + 1; }
            double pad = (hi - lo) * 0.03;
            lo -= pad;
            hi += pad;
        }
        redraw();
    }

    @Override public boolean hasData() { return p != null && column != null && !p.segments().isEmpty() && p.segments().get(0).numeric(column) != null; }

    private double sx(double v, double w) { return LABEL_W + (v - lo) / (hi - lo) * (w - LABEL_W - R); }

    private double rowH(double h) { return Math.min(54, (h - T - B) / p.segments().size()); }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double rh = rowH(h);
        double bottom = T + rh * p.segments().size();
        for (double t : ticks(lo, hi, 7)) {
            double xx = Math.round(sx(t, w)) + 0.5;
            g.setStroke(pal.grid());
            g.setLineWidth(1);
            g.strokeLine(xx, T, xx, bottom);
            text(g, num(t), xx, bottom + 6, TextAlignment.CENTER, VPos.TOP, SMALL, pal.muted());
        }
        NumericStat first = p.segments().get(0).numeric(column);
        double am = Math.round(sx(first.allMedian(), w)) + 0.5;
        g.setStroke(pal.fg());
        g.setLineDashes(4, 4);
        g.strokeLine(am, T - 8, am, bottom);
        g.setLineDashes();
        text(g, I18n.tr("ui.segments.box.allMedian", SegmentsFormat.value(first.allMedian())), am, T - 12, TextAlignment.CENTER,
                VPos.BOTTOM, SMALL, pal.fg());
        for (SegmentProfile s : p.segments()) {
            NumericStat st = s.numeric(column);
            double cy = T + s.index() * rh + rh / 2;
            text(g, fit(s.name(), FONT, LABEL_W - 16), LABEL_W - 12, cy, TextAlignment.RIGHT, VPos.CENTER, FONT, pal.fg());
            if (st == null || st.count() == 0) continue;
            var c = SegmentColors.color(s.index());
            double bh = Math.min(26, rh * 0.6);
            g.setStroke(c.darker());
            g.setLineWidth(1.4);
            g.strokeLine(sx(st.segMin(), w), cy, sx(st.segQ1(), w), cy);
            g.strokeLine(sx(st.segQ3(), w), cy, sx(st.segMax(), w), cy);
            g.strokeLine(sx(st.segMin(), w), cy - bh / 4, sx(st.segMin(), w), cy + bh / 4);
            g.strokeLine(sx(st.segMax(), w), cy - bh / 4, sx(st.segMax(), w), cy + bh / 4);
            double x1 = sx(st.segQ1(), w), x3 = sx(st.segQ3(), w);
            g.setFill(c.deriveColor(0, 1, 1, 0.35));
            g.fillRect(x1, cy - bh / 2, Math.max(1, x3 - x1), bh);
            g.strokeRect(x1, cy - bh / 2, Math.max(1, x3 - x1), bh);
            g.setLineWidth(2.6);
            double xm = sx(st.segMedian(), w);
            g.strokeLine(xm, cy - bh / 2, xm, cy + bh / 2);
            g.setFill(pal.bg());
            g.fillOval(sx(st.segMean(), w) - 3.5, cy - 3.5, 7, 7);
            g.setLineWidth(1.5);
            g.strokeOval(sx(st.segMean(), w) - 3.5, cy - 3.5, 7, 7);
        }
        text(g, column + " — " + I18n.tr("ui.segments.box.legend"), (LABEL_W + w - R) / 2, h - 12, TextAlignment.CENTER, VPos.CENTER,
                SMALL, pal.muted());
    }

    @Override
    protected String hoverAt(double x, double y) {
        double rh = rowH(canvas.getHeight());
        int s = (int) Math.floor((y - T) / rh);
        if (y < T || s < 0 || s >= p.segments().size()) return null;
        NumericStat st = p.segments().get(s).numeric(column);
        if (st == null) return null;
        return I18n.tr("ui.segments.box.tip", p.segments().get(s).name(), SegmentsFormat.value(st.segMin()), SegmentsFormat.value(st.segQ1()),
                SegmentsFormat.value(st.segMedian()), SegmentsFormat.value(st.segQ3()), SegmentsFormat.value(st.segMax()),
                SegmentsFormat.value(st.segMean()));
    }
}
