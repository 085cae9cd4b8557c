package io.segmenta.app.segments;

import io.segmenta.core.segment.SegmentProfiles.Profiles;
import io.segmenta.core.util.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Standardised centroids: one row per segment, one column per feature (or category level), coloured by the
 * difference from all customers in standard deviations (blue below, red above) with the value written in.
 */
final class HeatmapChart extends SegChart {
    private static final double LABEL_W = 210, HEAD_H = 92;
    private Profiles p;

    private final boolean dark;

    HeatmapChart(boolean dark) {
        super(dark);
        this.dark = dark;
        setId("heatmapChart");
    }

    void set(Profiles p) {
        this.p = p;
        redraw();
    }

    @Override public boolean hasData() { return p != null && !p.heatmapColumns().isEmpty(); }

    private double cellW(double w) { return Math.max(34, Math.min(110, (w - LABEL_W - 16) / p.heatmapColumns().size())); }

    private double cellH(double h) { return Math.max(18, Math.min(44, (h - HEAD_H - 34) / p.segments().size())); }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        int cols = p.heatmapColumns().size();
        int rows = p.segments().size();
        double cw = cellW(w), ch = cellH(h);
        for (int j = 0; j < cols; j++) {
            double cx = LABEL_W + j * cw + cw / 2;
            g.save();
            g.translate(cx, HEAD_H - 6);
            g.rotate(-35);
            // rotated 35°, a label of length s reaches s·cos35° to the right: keep it inside the canvas
            double room = Math.min(120, (w - cx - 4) / Math.cos(Math.toRadians(35)));
            text(g, fit(p.heatmapColumns().get(j), SMALL, Math.max(24, room)), 0, 0, TextAlignment.LEFT, VPos.CENTER, SMALL, pal.fg());
            g.restore();
        }
        for (int s = 0; s < rows; s++) {
            double y = HEAD_H + s * ch;
            g.setFill(SegmentColors.color(s));
            g.fillRoundRect(8, y + ch / 2 - 5, 10, 10, 3, 3);
            text(g, fit(p.segments().get(s).name(), FONT, LABEL_W - 34), 24, y + ch / 2, TextAlignment.LEFT, VPos.CENTER, FONT, pal.fg());
            for (int j = 0; j < cols; j++) {
                double v = p.heatmap()[s][j];
                Color c = SegmentColors.diverging(v, dark);
                g.setFill(c);
                g.fillRect(LABEL_W + j * cw, y, cw - 2, ch - 2);
                if (cw >= 34 && ch >= 16) {
                    text(g, SegmentColors.signed(v), LABEL_W + j * cw + (cw - 2) / 2, y + (ch - 2) / 2, TextAlignment.CENTER, VPos.CENTER,
                            SMALL, SegmentColors.textOn(c));
                }
            }
        }
        double ly = HEAD_H + rows * ch + 12;
        double lx = LABEL_W;
        for (int i = 0; i <= 40; i++) {
            g.setFill(SegmentColors.diverging(-2 + i * 0.1, dark));
            g.fillRect(lx + i * 3, ly, 3, 10);
        }
        text(g, "−2", lx, ly + 12, TextAlignment.LEFT, VPos.TOP, SMALL, pal.muted());
        text(g, "0", lx + 60, ly + 12, TextAlignment.CENTER, VPos.TOP, SMALL, pal.muted());
        text(g, "+2", lx + 123, ly + 12, TextAlignment.RIGHT, VPos.TOP, SMALL, pal.muted());
        text(g, I18n.tr("ui.segments.heatmap.legend"), lx + 140, ly + 5, TextAlignment.LEFT, VPos.CENTER, SMALL, pal.muted());
    }

    @Override
    protected String hoverAt(double x, double y) {
        double cw = cellW(canvas.getWidth()), ch = cellH(canvas.getHeight());
        int j = (int) Math.floor((x - LABEL_W) / cw);
        int s = (int) Math.floor((y - HEAD_H) / ch);
        if (x < LABEL_W || y < HEAD_H || j >= p.heatmapColumns().size() || s >= p.segments().size()) return null;
        return I18n.tr("ui.segments.heatmap.tip", p.segments().get(s).name(), p.heatmapColumns().get(j), SegmentColors.signed(p.heatmap()[s][j]));
    }
}
