package io.segmenta.app.models;

import io.segmenta.core.model.FeatureImportance;
import io.segmenta.core.util.I18n;
import io.segmenta.app.ui.CanvasChart;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Feature importance as horizontal bars, most important first: the permutation drop of the test metric
 * (with its spread over the repeats as a whisker) and, beside it, the learner's own importance as a share.
 */
public final class ImportanceChart extends CanvasChart {
    private static final double ROW = 26;
    private final PlotCanvas.Palette pal;
    private final List<FeatureImportance> rows = new ArrayList<>();
    private String metricName = "";

    public ImportanceChart(boolean dark) {
        super("models-plot", null);
        pal = PlotCanvas.Palette.of(dark);
        setEmptyText(I18n.tr("ui.models.importance.none"));
    }

    @Override public boolean hasData() { return !rows.isEmpty(); }

    @Override protected Color background() { return pal.bg(); }

    @Override protected Color mutedText() { return pal.muted(); }

    /** Shows {@code imp} (at most 25 features); {@code metric} names the permutation drop ("ROC AUC"). */
    public void setData(List<FeatureImportance> imp, String metric) {
        rows.clear();
        if (imp != null) rows.addAll(imp.subList(0, Math.min(25, imp.size())));
        metricName = metric == null ? "" : metric;
        requestLayout();
        redraw();
    }

    public int rowCount() { return rows.size(); }

    @Override protected double computePrefHeight(double w) { return Math.max(120, 56 + rows.size() * ROW); }

    @Override protected double computePrefWidth(double h) { return 560; }

    private static void text(GraphicsContext g, String s, double x, double y, TextAlignment a, Color c, boolean bold) {
        text(g, s, x, y, a, VPos.CENTER, bold ? BOLD : SMALL, c);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double labelW = 0;
        for (FeatureImportance f : rows) labelW = Math.max(labelW, textWidth(f.feature(), FONT));
        labelW = Math.min(220, labelW + 12);
        double left = labelW + 8, valueW = 70, right = w - 12;
        double mid = left + (right - left) * 0.62;
        double permLeft = left, permRight = mid - valueW - 10;
        double natLeft = mid + 10, natRight = right - valueW;
        double maxPerm = 1e-12, maxNat = 1e-12;
        boolean anyNative = false;
        for (FeatureImportance f : rows) {
            maxPerm = Math.max(maxPerm, f.permutationMean() + f.permutationStd());
            if (f.nativeImportance() != null) { anyNative = true; maxNat = Math.max(maxNat, f.nativeImportance()); }
        }
        NumberFormat num = NumberFormat.getNumberInstance(I18n.locale());
        num.setMaximumFractionDigits(4);
        num.setMinimumFractionDigits(3);
        NumberFormat pct = NumberFormat.getPercentInstance(I18n.locale());
        pct.setMaximumFractionDigits(1);
        text(g, I18n.tr("ui.models.importance.permutation", metricName), permLeft, 14, TextAlignment.LEFT, pal.fg(), true);
        if (anyNative) text(g, I18n.tr("ui.models.importance.native"), natLeft, 14, TextAlignment.LEFT, pal.fg(), true);
        double sumNat = 0;
        for (FeatureImportance f : rows) if (f.nativeImportance() != null) sumNat += f.nativeImportance();
        boolean shares = Math.abs(sumNat - 1) < 0.02;
        double y = 40;
        Color perm = pal.series()[0], nat = pal.series()[1];
        for (FeatureImportance f : rows) {
            text(g, fit(f.feature(), SMALL, labelW - 4), labelW, y, TextAlignment.RIGHT, pal.fg(), false);
            double scale = (permRight - permLeft) / maxPerm;
            double m = Math.max(0, f.permutationMean());
            g.setFill(perm);
            g.fillRoundRect(permLeft, y - 8, Math.max(1, m * scale), 16, 4, 4);
            double end = permLeft + m * scale; // the value goes after the bar and its whisker
            if (f.permutationStd() > 0) {
                g.setStroke(pal.fg());
                double a = permLeft + Math.max(0, f.permutationMean() - f.permutationStd()) * scale;
                double b = permLeft + (f.permutationMean() + f.permutationStd()) * scale;
                g.strokeLine(a, y, b, y);
                g.strokeLine(b, y - 4, b, y + 4);
                end = Math.max(end, b);
            }
            text(g, num.format(f.permutationMean()), end + 6, y, TextAlignment.LEFT, pal.muted(), false);
            if (f.nativeImportance() != null) {
                double ns = (natRight - natLeft) / maxNat;
                g.setFill(nat);
                g.fillRoundRect(natLeft, y - 6, Math.max(1, f.nativeImportance() * ns), 12, 4, 4);
                text(g, (shares ? pct : num).format(f.nativeImportance()), natLeft + f.nativeImportance() * ns + 6, y, TextAlignment.LEFT, pal.muted(), false);
            }
            y += ROW;
        }
    }
}
