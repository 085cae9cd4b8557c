package io.segmenta.app.segments;

import io.segmenta.core.util.I18n;

import java.text.NumberFormat;

/** Numbers of the Segments section formatted in the application's language. */
final class SegmentsFormat {
    private SegmentsFormat() { }

    /** A metric value with 2–3 significant decimals, "–" when undefined. */
    static String metric(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "–";
        NumberFormat f = NumberFormat.getNumberInstance(I18n.locale());
        double a = Math.abs(v);
        f.setMaximumFractionDigits(a >= 1000 ? 0 : a >= 10 ? 1 : 3);
        f.setMinimumFractionDigits(a >= 1000 ? 0 : a >= 10 ? 1 : 2);
        return f.format(v);
    }

    /** A value in original units: 0–2 decimals depending on its size. */
    static String value(double v) {
        if (Double.isNaN(v)) return "–";
        NumberFormat f = NumberFormat.getNumberInstance(I18n.locale());
        double a = Math.abs(v);
        f.setMaximumFractionDigits(a >= 100 ? 0 : a >= 10 ? 1 : 2);
        return f.format(v);
    }

    static String seconds(double s) {
        NumberFormat f = NumberFormat.getNumberInstance(I18n.locale());
        f.setMaximumFractionDigits(s >= 10 ? 0 : 2);
        return I18n.tr("ui.segments.seconds", f.format(s));
    }

    /** A lift like "1.8×". */
    static String lift(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "–";
        NumberFormat f = NumberFormat.getNumberInstance(I18n.locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(v) + "×";
    }
}
