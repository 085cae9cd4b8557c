package io.segmenta.app.segments;

import io.segmenta.core.segment.Pca;
import io.segmenta.core.util.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import java.util.List;

/** The customers on the first two principal components, coloured by segment, with each centre marked. */
final class PcaChart extends SegChart {
    private static final double L = 56, R = 190, T = 20, B = 44;
    private Pca.Projection p;
    private List<String> names = List.of();
    private double x0, x1, y0, y1;

    PcaChart(boolean dark) {
        super(dark);
        setId("pcaChart");
    }

    void set(Pca.Projection p, List<String> names) {
        this.p = p;
        this.names = names == null ? List.of() : List.copyOf(names);
        if (p != null && p.x().length > 0) {
            x0 = y0 = Double.POSITIVE_INFINITY;
            x1 = y1 = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < p.x().length; i++) {
                x0 = Math.min(x0, p.x()[i]); x1 = Math.max(x1, p.x()[i]);
                y0 = Math.min(y0, p.y()[i]); y1 = Math.max(y1, p.y()[i]);
            }
            double px = Math.max(1e-9, (x1 - x0) * 0.04), py = Math.max(1e-9, (y1 - y0) * 0.04);
            x0 -= px; x1 += px; y0 -= py; y1 += py;
        }
        redraw();
    }

    @Override public boolean hasData() { return p != null && p.x().length > 0; }

    private double sx(double v, double w) { return L + (v - x0) / (x1 - x0) * (w - L - R); }

    private double sy(double v, double h) { return T + (1 - (v - y0) / (y1 - y0)) * (h - T - B); }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        for (double t : ticks(x0, x1, 6)) {
            double xx = Math.round(sx(t, w)) + 0.5;
            g.setStroke(pal.grid());
            g.strokeLine(xx, T, xx, h - B);
            text(g, num(t), xx, h - B + 6, TextAlignment.CENTER, VPos.TOP, SMALL, pal.muted());
        }
        for (double t : ticks(y0, y1, 5)) {
            double yy = Math.round(sy(t, h)) + 0.5;
            g.setStroke(pal.grid());
            g.strokeLine(L, yy, w - R, yy);
            text(g, num(t), L - 6, yy, TextAlignment.RIGHT, VPos.CENTER, SMALL, pal.muted());
        }
        g.setGlobalAlpha(0.55);
        for (int i = 0; i < p.x().length; i++) {
            g.setFill(SegmentColors.color(p.labels()[i]));
            g.fillOval(sx(p.x()[i], w) - 2.2, sy(p.y()[i], h) - 2.2, 4.4, 4.4);
        }
        g.setGlobalAlpha(1);
        for (int c = 0; c < p.centroidX().length; c++) {
            double cx = sx(p.centroidX()[c], w), cy = sy(p.centroidY()[c], h);
            g.setFill(SegmentColors.color(c));
            g.fillOval(cx - 8, cy - 8, 16, 16);
            g.setStroke(pal.bg());
            g.setLineWidth(2.5);
            g.strokeOval(cx - 8, cy - 8, 16, 16);
            text(g, Integer.toString(c + 1), cx, cy, TextAlignment.CENTER, VPos.CENTER, BOLD, javafx.scene.paint.Color.WHITE);
        }
        text(g, I18n.tr("ui.segments.pca.axis", 1, io.segmenta.app.ui.Formats.percent(p.explained()[0])), (L + w - R) / 2, h - 12,
                TextAlignment.CENTER, VPos.CENTER, FONT, pal.muted());
        yTitle(g, I18n.tr("ui.segments.pca.axis", 2, io.segmenta.app.ui.Formats.percent(p.explained()[1])), 12, (T + h - B) / 2, pal.muted());
        double ly = T + 4;
        for (int c = 0; c < p.centroidX().length; c++) {
            g.setFill(SegmentColors.color(c));
            g.fillOval(w - R + 16, ly + 2, 10, 10);
            String n = (c + 1) + "  " + (c < names.size() ? names.get(c) : "");
            text(g, fit(n, SMALL, R - 40), w - R + 32, ly + 7, TextAlignment.LEFT, VPos.CENTER, SMALL, pal.fg());
            ly += 20;
        }
    }

    @Override
    protected String hoverAt(double x, double y) {
        double w = canvas.getWidth(), h = canvas.getHeight();
        for (int c = 0; c < p.centroidX().length; c++) {
            double cx = sx(p.centroidX()[c], w), cy = sy(p.centroidY()[c], h);
            if (Math.hypot(cx - x, cy - y) <= 9) return I18n.tr("ui.segments.pca.centreTip", c < names.size() ? names.get(c) : c + 1);
        }
        return null;
    }
}
