package io.segmenta.app.segments;

import io.segmenta.core.util.I18n;
import javafx.scene.paint.Color;

import java.text.NumberFormat;

/** The colour of each segment (same in every chart and in the exported brief) and the heatmap's scale. */
final class SegmentColors {
    private SegmentColors() { }

    private static final String[] HEX = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
        "#ff9da7", "#9c755f", "#17becf", "#bcbd22", "#7f7f7f"};

    static String hex(int segment) { return HEX[Math.floorMod(segment, HEX.length)]; }

    static Color color(int segment) { return Color.web(hex(segment)); }

    /** Blue (below all customers) – white – orange-red (above), saturating at ±2 SD. */
    static Color diverging(double sd) { return diverging(sd, false); }

    /**
     * The same scale for a chart in the light or dark theme: on a dark background the middle of the scale is a
     * dark grey instead of white, so that a row of near-average cells does not glare.
     */
    static Color diverging(double sd, boolean dark) {
        if (Double.isNaN(sd)) return Color.web(dark ? "#3d444d" : "#d0d7de");
        double t = Math.max(-1, Math.min(1, sd / 2));
        Color mid = dark ? Color.web("#2d333b") : Color.WHITE;
        Color lo = Color.web(dark ? "#3b82c4" : "#2166ac");
        Color hi = Color.web(dark ? "#e0705c" : "#d6604d");
        return t < 0 ? mid.interpolate(lo, -t) : mid.interpolate(hi, t);
    }

    /** Dark or light text, whichever reads better on {@code background}. */
    static Color textOn(Color background) {
        double l = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return l > 0.55 ? Color.web("#1f2328") : Color.web("#f0f3f6");
    }

    static String divergingHex(double sd) {
        Color c = diverging(sd);
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    /** "+1.2" / "−0.4" with one decimal in the app language. */
    static String signed(double v) {
        if (Double.isNaN(v)) return "–";
        NumberFormat f = NumberFormat.getNumberInstance(I18n.locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        String s = f.format(Math.abs(v));
        return (v >= 0.05 ? "+" : v <= -0.05 ? "−" : "") + s;
    }
}
