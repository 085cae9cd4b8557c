package io.segmenta.app.explore;

import io.segmenta.app.ui.Formats;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.util.I18n;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Numbers, shares and values of the Explore views in the application's language. */
final class Fmt {
    private Fmt() { }

    /** Shown where a statistic is not defined. */
    static final String NONE = "–";

    static String integer(long n) { return Formats.integer(n); }

    static String percent(double share) { return Double.isNaN(share) ? NONE : Formats.percent(share); }

    /** A number with as many decimals as its size calls for (about four significant digits for small ones). */
    static String number(double v) {
        if (Double.isNaN(v)) return NONE;
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        double a = Math.abs(v);
        int decimals;
        if (a == 0 || a >= 1000) decimals = 0;
        else if (a >= 100) decimals = 1;
        else if (a >= 1) decimals = 2;
        else decimals = Math.min(8, 3 - (int) Math.floor(Math.log10(a)));
        if (a >= 1000 && a != Math.rint(a) && a < 10_000) decimals = 1;
        NumberFormat f = NumberFormat.getNumberInstance(I18n.locale());
        f.setMaximumFractionDigits(decimals);
        f.setMinimumFractionDigits(0);
        return f.format(v);
    }

    /** A number for an axis whose ticks are {@code step} apart: the decimals the step needs. */
    static String tick(double v, double step) {
        int decimals = step >= 1 || step <= 0 ? 0 : Math.min(10, (int) Math.ceil(-Math.log10(step) - 1e-9));
        NumberFormat f = NumberFormat.getNumberInstance(I18n.locale());
        f.setMaximumFractionDigits(decimals);
        f.setMinimumFractionDigits(decimals);
        return f.format(Math.abs(v) < step * 1e-9 ? 0 : v);
    }

    /** A value in a column's numeric view: a localised date for dates and date-times, a number otherwise. */
    static String value(ColumnType type, double v) {
        if (Double.isNaN(v)) return NONE;
        return switch (type) {
            case DATE -> LocalDate.ofEpochDay(Math.round(v)).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(I18n.locale()));
            case DATETIME -> DateTimeColumn.toLocal(Math.round(v)).format(DateTimeFormatter
                    .ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(I18n.locale()));
            default -> number(v);
        };
    }

    static boolean temporal(ColumnType t) { return t == ColumnType.DATE || t == ColumnType.DATETIME; }
}
