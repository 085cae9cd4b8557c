package io.segmenta.app.models;

import io.segmenta.core.model.FeatureImportance;
import io.segmenta.core.util.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Feature importance as horizontal bars, most important first: the permutation drop of the test metric
 * (with its spread over the repeats as a whisker) and, beside it, the learner's own importance as a share.
 */
public final class ImportanceChart extends Region {
    private static final double ROW = 26;
    private final Canvas canvas = new Canvas();
    private final PlotCanvas.Palette pal;
    private final List<FeatureImportance> rows = new ArrayList<>();
    private String metricName = "";

    public ImportanceChart(boolean dark) {
        pal = PlotCanvas.Palette.of(dark);
        getStyleClass().add("models-plot");
        getChildren().add(canvas);
    }

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

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        redraw();
    }

    private void text(GraphicsContext g, String s, double x, double y, TextAlignment a, Color c, boolean bold) {
        g.setFont(bold ? PlotCanvas.BOLD : PlotCanvas.SMALL);
        g.setFill(c);
        g.setTextAlign(a);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s, x, y);
    }

    private void redraw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (w <= 0 || h <= 0) return;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(pal.bg());
        g.fillRect(0, 0, w, h);
        if (rows.isEmpty()) {
            text(g, I18n.tr("ui.models.importance.none"), w / 2, h / 2, TextAlignment.CENTER, pal.muted(), false);
            return;
        }
        double labelW = 0;
        for (FeatureImportance f : rows) labelW = Math.max(labelW, PlotCanvas.textWidth(f.feature(), PlotCanvas.FONT));
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
            text(g, PlotCanvas.textWidth(f.feature(), PlotCanvas.FONT) > labelW ? f.feature().substring(0, Math.min(f.feature().length(), 26)) + "…" : f.feature(),
                    labelW, y, TextAlignment.RIGHT, pal.fg(), false);
            double scale = (permRight - permLeft) / maxPerm;
            double m = Math.max(0, f.permutationMean());
            g.setFill(perm);
            g.fillRoundRect(permLeft, y - 8, Math.max(1, m * scale), 16, 4, 4);
            if (f.permutationStd() > 0) {
                g.setStroke(pal.fg());
                double a = permLeft + Math.max(0, f.permutationMean() - f.permutationStd()) * scale;
                double b = permLeft + (f.permutationMean() + f.permutationStd()) * scale;
                g.strokeLine(a, y, b, y);
                g.strokeLine(b, y - 4, b, y + 4);
            }
            text(g, num.format(f.permutationMean()), permLeft + m * scale + 6, y, TextAlignment.LEFT, pal.muted(), false);
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
