package io.segmenta.app.explore;

import io.segmenta.core.eda.BarChart;
import io.segmenta.core.eda.Bucket;
import io.segmenta.core.util.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import java.util.List;

/** Horizontal bars of a {@link BarChart}, most frequent first; "other" and "missing" in grey. */
final class BarsChart extends ChartCanvas {
    private BarChart data;
    private double top, rowH, left, right;

    BarsChart(boolean dark) { super(dark); }

    void setData(BarChart b) {
        data = b;
        redraw();
    }

    @Override public boolean hasData() { return data != null && !data.bars().isEmpty(); }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<BarChart.Bar> bars = data.bars();
        double labelW = 0;
        for (BarChart.Bar b : bars) labelW = Math.max(labelW, textWidth(b.displayLabel(), FONT));
        labelW = Math.min(labelW, Math.max(80, w * 0.28));
        long max = 1;
        for (BarChart.Bar b : bars) max = Math.max(max, b.count());
        double valueW = textWidth(Fmt.integer(max) + "  (100 %)", SMALL) + 12;
        left = 16 + labelW + 10;
        right = w - valueW - 8;
        top = 12;
        rowH = Math.min(44, (h - top - 12) / bars.size());
        double barH = Math.max(2, rowH * 0.68);
        for (int i = 0; i < bars.size(); i++) {
            BarChart.Bar b = bars.get(i);
            double y = top + i * rowH;
            double len = (double) b.count() / max * (right - left);
            g.setFill(b.bucket() == Bucket.VALUE ? pal.accent() : pal.other());
            g.fillRect(left, y + (rowH - barH) / 2, Math.max(1, len), barH);
            if (rowH >= 11) {
                text(g, fit(b.displayLabel(), FONT, labelW), left - 10, y + rowH / 2, TextAlignment.RIGHT, VPos.CENTER,
                        rowH >= 14 ? FONT : SMALL, b.bucket() == Bucket.VALUE ? pal.fg() : pal.muted());
                text(g, Fmt.integer(b.count()) + "  (" + Fmt.percent(b.share()) + ")", left + len + 6, y + rowH / 2,
                        TextAlignment.LEFT, VPos.CENTER, SMALL, pal.muted());
            }
        }
        g.setStroke(pal.axis());
        g.strokeLine(left - 0.5, top, left - 0.5, top + rowH * bars.size());
    }

    @Override
    protected String hoverAt(double x, double y) {
        int i = (int) Math.floor((y - top) / rowH);
        if (i < 0 || i >= data.bars().size()) return null;
        BarChart.Bar b = data.bars().get(i);
        String s = I18n.tr("ui.explore.hover.bar", b.displayLabel(), Fmt.integer(b.count()), Fmt.percent(b.share()));
        if (b.bucket() == Bucket.OTHER) s += "\n" + I18n.tr("ui.explore.hover.otherLevels", Fmt.integer(b.levels()));
        return s;
    }
}
