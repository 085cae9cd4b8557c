package io.segmenta.app.clv;

import io.segmenta.core.util.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import io.segmenta.app.ui.CanvasChart;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A frequency × recency heatmap on a Canvas: rows are calibration frequency (0 at the top), columns recency
 * from 0 to the customers' age T; the colour is the cell's value (expected purchases or P(alive)), with a
 * legend bar. Resizes with its region.
 */
public final class FrequencyRecencyHeatmap extends CanvasChart {
    private final boolean dark;
    private final boolean probability;
    private double[][] values;
    private double age;
    private String unitLabel = "";

    /** @param probability true: values are probabilities (0–1, shown as percentages) */
    public FrequencyRecencyHeatmap(boolean dark, boolean probability) {
        super("clv-heatmap", null);
        this.dark = dark;
        this.probability = probability;
        setMinSize(260, 220);
        setPrefSize(420, 300);
        setEmptyText(I18n.tr("ui.clv.heatmap.empty"));
    }

    /** Shows a matrix [frequency][recency step] for customers of age {@code age}; null clears. */
    public void setData(double[][] values, double age, String unitLabel) {
        this.values = values;
        this.age = age;
        this.unitLabel = unitLabel == null ? "" : unitLabel;
        redraw();
    }

    public double[][] values() { return values; }

    /** Whether there is a matrix to draw; otherwise the empty text shows. */
    @Override public boolean hasData() { return values != null && values.length > 0; }

    @Override protected Color background() { return Color.TRANSPARENT; }

    @Override protected Color mutedText() { return dark ? Color.web("#c9d1d9") : Color.web("#24292f"); }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        Color text = mutedText();
        g.setFont(Font.font(11));
        g.setFill(text);
        if (w < 80 || h < 80) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(I18n.tr("ui.clv.heatmap.empty"), w / 2, h / 2);
            return;
        }
        double left = 46, right = 62, top = 8, bottom = 34;
        double pw = w - left - right, ph = h - top - bottom;
        int rows = values.length, cols = values[0].length;
        double max = 0;
        for (double[] r : values) for (double v : r) if (Double.isFinite(v)) max = Math.max(max, v);
        if (probability) max = 1;
        double cw = pw / cols, ch = ph / rows;
        for (int x = 0; x < rows; x++) {
            for (int j = 0; j < cols; j++) {
                double v = values[x][j];
                g.setFill(Double.isFinite(v) ? color(max > 0 ? v / max : 0) : Color.GRAY);
                g.fillRect(left + j * cw, top + x * ch, Math.ceil(cw), Math.ceil(ch));
            }
        }
        g.setFill(text);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        int stepY = Math.max(1, (int) Math.ceil(rows / (ph / 14)));
        for (int x = 0; x < rows; x += stepY) g.fillText(Integer.toString(x), left - 4, top + (x + 0.5) * ch);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        // round recency ticks (0, 20, 40, 60 rather than quarters of the age: 0, 20, 39, 59, 78)
        double step = tickStep(age, 4);
        for (double v = 0; step > 0 && v <= age + 1e-9; v += step) {
            double fx = age > 0 ? v / age : 0;
            g.fillText(ClvFormat.number(v, step < 1 ? 1 : 0), left + fx * pw, top + ph + 3);
        }
        g.fillText(I18n.tr("ui.clv.heatmap.recency", unitLabel), left + pw / 2, top + ph + 18);
        g.save();
        g.translate(11, top + ph / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(I18n.tr("ui.clv.heatmap.frequency"), 0, 0);
        g.restore();
        double lx = w - right + 14, lw = 12;
        for (int k = 0; k < 100; k++) {
            g.setFill(color(1 - k / 99.0));
            g.fillRect(lx, top + k * ph / 100, lw, Math.ceil(ph / 100) + 1);
        }
        g.setFill(text);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(probability ? ClvFormat.percent(1) : ClvFormat.number(max, 1), lx + lw + 3, top + 4);
        g.fillText(probability ? ClvFormat.percent(0) : ClvFormat.number(0, 0), lx + lw + 3, top + ph - 4);
    }

    /** A round step (1, 2 or 5 times a power of ten) that cuts {@code range} into at most about {@code ticks} parts. */
    static double tickStep(double range, int ticks) {
        if (!(range > 0) || !Double.isFinite(range)) return 0;
        double raw = range / ticks;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 5, 10}) if (m * p >= raw) return m * p;
        return 10 * p;
    }

    /** A sequential palette from pale to deep blue-violet. */
    private Color color(double t) {
        double u = Math.max(0, Math.min(1, t));
        Color lo = dark ? Color.web("#1f2937") : Color.web("#f1f5fb");
        Color mid = Color.web("#5b8def");
        Color hi = Color.web("#3b1f8f");
        return u < 0.5 ? lo.interpolate(mid, u * 2) : mid.interpolate(hi, (u - 0.5) * 2);
    }
}
