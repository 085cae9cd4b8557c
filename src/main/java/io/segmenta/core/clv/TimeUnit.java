package io.segmenta.core.clv;

import java.util.Locale;

/** The unit of recency, T and forecast horizons. */
public enum TimeUnit {
    DAYS(1), WEEKS(7);

    private final int days;

    TimeUnit(int days) { this.days = days; }

    /** Length of one unit in days. */
    public int days() { return days; }

    /** Units in an average calendar month (365.25 / 12 days). */
    public double unitsPerMonth() { return 365.25 / 12.0 / days; }

    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static TimeUnit fromKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT));
    }
}
