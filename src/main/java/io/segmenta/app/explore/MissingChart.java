package io.segmenta.app.explore;

import io.segmenta.core.eda.MissingOverview;
import io.segmenta.core.util.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import java.util.Comparator;
import java.util.List;

/** Share of missing values per column (only columns with any), largest first. */
final class MissingChart extends ChartCanvas {
    private MissingOverview data;
    private List<MissingOverview.ColumnMissing> shown = List.of();
    private double top, rowH;

    MissingChart(boolean dark) { super(dark); }

    void setData(MissingOverview m) {
        data = m;
        shown = m == null ? List.of() : m.columns().stream().filter(c -> c.missing() > 0)
                .sorted(Comparator.comparingInt(MissingOverview.ColumnMissing::missing).reversed()).toList();
        setEmptyText(m == null ? "" : I18n.tr("ui.explore.missing.none"));
    }

    @Override public boolean hasData() { return !shown.isEmpty(); }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double labelW = 0;
        for (MissingOverview.ColumnMissing c : shown) labelW = Math.max(labelW, textWidth(c.column(), FONT));
        labelW = Math.min(labelW, w * 0.35);
        double left = 16 + labelW + 10;
        double right = w - textWidth("100,000,000 (100 %)", SMALL) - 16;
        top = 12;
        rowH = Math.min(30, (h - top - 10) / shown.size());
        double barH = Math.max(2, rowH * 0.66);
        for (int i = 0; i < shown.size(); i++) {
            MissingOverview.ColumnMissing c = shown.get(i);
            double y = top + i * rowH;
            g.setFill(pal.grid());
            g.fillRect(left, y + (rowH - barH) / 2, right - left, barH);
            g.setFill(c.share() > 0.5 ? pal.danger() : pal.accent());
            g.fillRect(left, y + (rowH - barH) / 2, Math.max(1, c.share() * (right - left)), barH);
            if (rowH >= 11) {
                text(g, fit(c.column(), FONT, labelW), left - 10, y + rowH / 2, TextAlignment.RIGHT, VPos.CENTER, FONT, pal.fg());
                text(g, Fmt.integer(c.missing()) + " (" + Fmt.percent(c.share()) + ")", right + 8, y + rowH / 2,
                        TextAlignment.LEFT, VPos.CENTER, SMALL, pal.muted());
            }
        }
    }

    @Override
    protected String hoverAt(double x, double y) {
        int i = (int) Math.floor((y - top) / rowH);
        if (i < 0 || i >= shown.size()) return null;
        MissingOverview.ColumnMissing c = shown.get(i);
        return I18n.tr("ui.explore.hover.missing", c.column(), Fmt.integer(c.missing()), Fmt.percent(c.share()));
    }
}
