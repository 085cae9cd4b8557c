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
    static Color diverging(double sd) {
        if (Double.isNaN(sd)) return Color.web("#d0d7de");
        double t = Math.max(-1, Math.min(1, sd / 2));
        Color lo = Color.web("#2166ac");
        Color hi = Color.web("#d6604d");
        return t < 0 ? Color.WHITE.interpolate(lo, -t) : Color.WHITE.interpolate(hi, t);
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
