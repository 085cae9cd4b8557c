package io.segmenta.app.ui;

import io.segmenta.core.util.I18n;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Numbers and dates formatted in the application's current language. */
public final class Formats {
    private Formats() { }

    public static String integer(long n) {
        return NumberFormat.getIntegerInstance(I18n.locale()).format(n);
    }

    /** A share 0..1 as a percentage with one decimal ("12.5 %" style of the locale). */
    public static String percent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance(I18n.locale());
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(share > 0 && share < 0.1 ? 1 : 0);
        return f.format(share);
    }

    public static String dateTime(Instant t) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(I18n.locale()).withZone(ZoneId.systemDefault()).format(t);
    }
}
