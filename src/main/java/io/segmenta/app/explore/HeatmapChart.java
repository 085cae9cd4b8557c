package io.segmenta.app.explore;

import io.segmenta.core.eda.CorrelationMatrix;
import io.segmenta.core.util.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.List;

/** A correlation matrix as a heatmap: blue for negative, red for positive, values in large cells. */
final class HeatmapChart extends ChartCanvas {
    private CorrelationMatrix data;
    private double left, top, cell;

    HeatmapChart(boolean dark) { super(dark); }

    void setData(CorrelationMatrix m) {
        data = m;
        redraw();
    }

    @Override public boolean hasData() { return data != null && !data.columns().isEmpty(); }

    private double[][] values() {
        return data.options().rankBy() == CorrelationMatrix.Method.SPEARMAN ? data.spearman() : data.pearson();
    }

    Color colour(double r) {
        if (r != r) return pal.grid();
        Color neutral = pal.bg().getBrightness() > 0.5 ? Color.web("#f7f7f7") : Color.web("#2d333b");
        return r < 0 ? neutral.interpolate(Color.web("#2166ac"), Math.min(1, -r))
                : neutral.interpolate(Color.web("#b2182b"), Math.min(1, r));
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<String> cols = data.columns();
        int k = cols.size();
        double labelW = 0;
        for (String c : cols) labelW = Math.min(150, Math.max(labelW, textWidth(c, SMALL)));
        double legendW = 70;
        double topLabels = labelW * 0.72 + 12;
        cell = Math.max(4, Math.min((w - labelW - 24 - legendW) / k, (h - topLabels - 16) / k));
        cell = Math.min(cell, 64);
        left = labelW + 16;
        top = topLabels;
        double[][] v = values();
        boolean showValues = cell >= 30;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double r = v[a][b];
                g.setFill(colour(r));
                g.fillRect(left + b * cell, top + a * cell, cell - 1, cell - 1);
                if (showValues && r == r) {
                    Color tc = Math.abs(r) > 0.55 ? Color.WHITE : pal.fg();
                    text(g, Fmt.tick(r, 0.01), left + b * cell + cell / 2, top + a * cell + cell / 2, TextAlignment.CENTER,
                            VPos.CENTER, cell >= 40 ? SMALL : javafx.scene.text.Font.font(SMALL.getFamily(), 9), tc);
                }
            }
            text(g, fit(cols.get(a), SMALL, labelW), left - 6, top + a * cell + cell / 2, TextAlignment.RIGHT, VPos.CENTER,
                    SMALL, pal.fg());
            g.save();
            g.translate(left + a * cell + cell / 2, top - 6);
            g.rotate(-45);
            text(g, fit(cols.get(a), SMALL, labelW), 0, 0, TextAlignment.LEFT, VPos.CENTER, SMALL, pal.fg());
            g.restore();
        }
        // legend
        double lx = left + k * cell + 24, ly = top, lh = Math.min(200, k * cell);
        for (int i = 0; i < 100; i++) {
            g.setFill(colour(1 - 2 * i / 99.0));
            g.fillRect(lx, ly + i * lh / 100, 14, lh / 100 + 1);
        }
        text(g, "+1", lx + 20, ly, TextAlignment.LEFT, VPos.TOP, SMALL, pal.muted());
        text(g, "0", lx + 20, ly + lh / 2, TextAlignment.LEFT, VPos.CENTER, SMALL, pal.muted());
        text(g, "−1", lx + 20, ly + lh, TextAlignment.LEFT, VPos.BOTTOM, SMALL, pal.muted());
    }

    @Override
    protected String hoverAt(double x, double y) {
        int k = data.columns().size();
        int b = (int) Math.floor((x - left) / cell), a = (int) Math.floor((y - top) / cell);
        if (a < 0 || b < 0 || a >= k || b >= k) return null;
        return I18n.tr("ui.explore.hover.correlation", data.columns().get(a), data.columns().get(b),
                Fmt.tick(data.pearson()[a][b], 0.001), Fmt.tick(data.spearman()[a][b], 0.001), Fmt.integer(data.pairs()[a][b]));
    }

    /** Centre of the cell of columns a and b (tests hover there). */
    double[] cellCentre(int a, int b) { return new double[]{left + b * cell + cell / 2, top + a * cell + cell / 2}; }
}
