package io.segmenta.app.clv;

import io.segmenta.core.util.I18n;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Numbers and dates of the Customer value section in the current language; never "NaN". */
public final class ClvFormat {
    private ClvFormat() { }

    /** "—" for a value that is not a finite number. */
    public static final String NONE = "—";

    public static String integer(long n) {
        return NumberFormat.getIntegerInstance(I18n.locale()).format(n);
    }

    /** A number with {@code digits} decimals (grouping on). */
    public static String number(double v, int digits) {
        if (!Double.isFinite(v)) return NONE;
        NumberFormat f = NumberFormat.getNumberInstance(I18n.locale());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(v);
    }

    /** A number with about four significant digits (model parameters, which range over many magnitudes). */
    public static String significant(double v) {
        if (!Double.isFinite(v)) return NONE;
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(I18n.locale(), "%.3e", v);
        int digits = a == 0 ? 0 : Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return number(v, Math.min(6, digits));
    }

    public static String money(double v) { return number(v, 2); }

    public static String percent(double share) {
        if (!Double.isFinite(share)) return NONE;
        NumberFormat f = NumberFormat.getPercentInstance(I18n.locale());
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(share > 0 && share < 0.1 ? 1 : 0);
        return f.format(share);
    }

    /**
     * A share as a percentage with exactly {@code digits} decimals, for table columns whose numbers should line up
     * ("12.0%" under "52.2%"); "—" for a value that is not a finite number.
     */
    public static String percent(double share, int digits) {
        if (!Double.isFinite(share)) return NONE;
        NumberFormat f = NumberFormat.getPercentInstance(I18n.locale());
        f.setMaximumFractionDigits(digits);
        f.setMinimumFractionDigits(digits);
        return f.format(share);
    }

    /** A share in a table column: one decimal on every row. */
    public static String share(double share) { return percent(share, 1); }

    public static String date(LocalDate d) {
        return d == null ? NONE : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(I18n.locale()).format(d);
    }
}
