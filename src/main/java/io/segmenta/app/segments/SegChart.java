package io.segmenta.app.segments;

import io.segmenta.app.ui.CanvasChart;
import javafx.scene.paint.Color;

import java.text.NumberFormat;
import java.util.List;

/**
 * Base of the Segments charts: a {@link CanvasChart} with the Segments palette (light or dark), a hover
 * label and short axis numbers.
 */
abstract class SegChart extends CanvasChart {
    record Palette(Color bg, Color fg, Color muted, Color grid, Color axis, Color accent, Color accent2, Color good) {
        static Palette of(boolean dark) {
            return dark
                    ? new Palette(Color.web("#0d1117"), Color.web("#e6edf3"), Color.web("#8d96a0"), Color.web("#21262d"),
                    Color.web("#3d444d"), Color.web("#4493f8"), Color.web("#f0883e"), Color.web("#3fb950"))
                    : new Palette(Color.WHITE, Color.web("#1f2328"), Color.web("#59636e"), Color.web("#eef1f4"),
                    Color.web("#d1d9e0"), Color.web("#0969da"), Color.web("#d1580b"), Color.web("#1a7f37"));
        }
    }

    protected final Palette pal;

    SegChart(boolean dark) {
        super("seg-chart", "seg-chart-tip");
        this.pal = Palette.of(dark);
    }

    @Override protected Color background() { return pal.bg(); }

    @Override protected Color mutedText() { return pal.muted(); }

    @Override protected double computePrefWidth(double h) { return 560; }

    @Override protected double computePrefHeight(double w) { return 300; }

    @Override protected double computeMinWidth(double h) { return 160; }

    @Override protected double computeMinHeight(double w) { return 120; }

    /** Round ticks giving about {@code target} intervals over [lo, hi]. */
    static List<Double> ticks(double lo, double hi, int target) {
        return ticks(lo, hi, niceStep(hi - lo, target));
    }

    /** A tick or axis value, short ("12.5k") for large numbers, in the app language. */
    static String num(double v) {
        NumberFormat f = NumberFormat.getNumberInstance(io.segmenta.core.util.I18n.locale());
        double a = Math.abs(v);
        if (a >= 1e6) { f.setMaximumFractionDigits(1); return f.format(v / 1e6) + "M"; }
        if (a >= 1e4) { f.setMaximumFractionDigits(1); return f.format(v / 1e3) + "k"; }
        f.setMaximumFractionDigits(a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
        return f.format(v);
    }
}
