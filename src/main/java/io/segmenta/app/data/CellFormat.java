package io.segmenta.app.data;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.util.I18n;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Turns one cell of a column into display text in the user's language: decimals with the locale's
 * separators, dates in the locale's medium style, yes/no for booleans. Integers are shown without grouping
 * because they are often codes and years. Missing values give null. Formatters are not thread-safe: one per
 * column, used on the FX thread.
 */
public final class CellFormat {
    private final Column column;
    private final NumberFormat decimal;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final String yes;
    private final String no;

    public CellFormat(Column column, Locale locale) {
        this.column = column;
        this.decimal = NumberFormat.getNumberInstance(locale);
        decimal.setMaximumFractionDigits(6);
        decimal.setGroupingUsed(!column.idLike());
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale);
        this.yes = I18n.tr(locale, "ui.value.true");
        this.no = I18n.tr(locale, "ui.value.false");
    }

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
