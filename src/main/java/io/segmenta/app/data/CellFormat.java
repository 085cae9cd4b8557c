package io.segmenta.app.data;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.util.I18n;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Turns one cell of a column into display text in the user's language: decimals with the locale's
 * separators and grouping and the same number of decimal places down the whole column (so that the decimal
 * separators line up), dates in the locale's medium style, yes/no for booleans. Integers are shown without
 * grouping because they are often codes and years. Missing values give null. Formatters are not
 * thread-safe: one per column, used on the FX thread.
 */
public final class CellFormat {
    /** Most decimal places a column is shown with; values with more are rounded for display. */
    public static final int MAX_DECIMALS = 4;
    /** At most this many values (evenly spread over the column) are looked at to choose the decimal places. */
    public static final int DECIMALS_SAMPLE = 100_000;

    private final Column column;
    private final NumberFormat decimal;
    private final int decimals;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final String yes;
    private final String no;

    public CellFormat(Column column, Locale locale) {
        this.column = column;
        this.decimals = column instanceof DoubleColumn d ? decimalsNeeded(d.rawValues(), MAX_DECIMALS, DECIMALS_SAMPLE) : 0;
        this.decimal = NumberFormat.getNumberInstance(locale);
        decimal.setMinimumFractionDigits(decimals);
        decimal.setMaximumFractionDigits(decimals);
        decimal.setRoundingMode(RoundingMode.HALF_UP);
        decimal.setGroupingUsed(!column.idLike());
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale);
        this.yes = I18n.tr(locale, "ui.value.true");
        this.no = I18n.tr(locale, "ui.value.false");
    }

    /**
     * The decimal places a column of decimals needs: the most any of its values has, up to {@code max}.
     * Missing values (NaN) and infinities are skipped. Looks at every value of a column up to {@code sample}
     * values long and at {@code sample} evenly spaced values of a longer one, so it costs well under a
     * millisecond per column; it stops early once {@code max} is reached. Binary noise such as
     * 0.1 + 0.2 = 0.30000000000000004 does not count as extra places.
     */
    public static int decimalsNeeded(double[] values, int max, int sample) {
        int n = values.length;
        if (n == 0) return 0;
        long step = n <= sample ? 1 : Math.max(1, n / (long) sample);
        int need = 0;
        for (long i = 0; i < n && need < max; i += step) {
            double v = values[(int) i];
            if (Double.isNaN(v) || Double.isInfinite(v)) continue;
            while (need < max && !hasAtMost(v, need)) need++;
        }
        return need;
    }

    private static boolean hasAtMost(double v, int places) {
        double scaled = Math.abs(v) * Math.pow(10, places);
        if (scaled >= 1e15) return true; // beyond double precision: no meaningful further places
        // a decimal read from text is the nearest double, off by at most a few units in the last place
        return Math.abs(scaled - Math.rint(scaled)) <= Math.max(1e-9, 4 * Math.ulp(scaled));
    }

    /** Decimal places this column is shown with (0 for columns that are not decimals). */
    public int decimals() { return decimals; }

    /** Display text of the row's value, or null when it is missing. */
    public String format(int row) {
        if (column.isMissing(row)) return null;
        return switch (column) {
            case LongColumn c -> Long.toString(c.getLong(row));
            case DoubleColumn c -> decimal.format(c.rawValues()[row]);
            case BooleanColumn c -> c.getBoolean(row) ? yes : no;
            case DateColumn c -> date.format(LocalDate.ofEpochDay(c.getEpochDay(row)));
            case DateTimeColumn c -> dateTime.format(DateTimeColumn.toLocal(c.getEpochMillis(row)));
            default -> column.format(row);
        };
    }

    public boolean rightAligned() { return column.type().isNumeric(); }
}
