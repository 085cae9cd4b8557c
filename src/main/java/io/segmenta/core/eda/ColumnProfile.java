package io.segmenta.core.eda;

import io.segmenta.core.data.ColumnType;

import java.util.List;

/**
 * The statistics of one column over the kept rows. A null statistic is not defined for the column
 * (for example the mean of a text column, the skewness of fewer than three values or of a constant).
 *
 * <p>Numbers, dates and date-times carry location statistics (mean, min, quantiles, max) in the
 * column's numeric view: the value for numbers, epoch days for dates, epoch milliseconds for
 * date-times; {@link #valueText(Double)} turns them into text (an ISO date or date-time). For dates and
 * date-times {@code std} is in days. Booleans have {@code mean} (the share of true) and {@code std}.
 *
 * @param name        column name
 * @param type        column type
 * @param count       non-missing values
 * @param missing     missing values
 * @param distinct    distinct non-missing values (exact)
 * @param mean        arithmetic mean
 * @param std         sample standard deviation (divisor n−1)
 * @param min         smallest value
 * @param p5          5th percentile, numpy's default 'linear' definition
 * @param p25         25th percentile
 * @param median      50th percentile
 * @param p75         75th percentile
 * @param p95         95th percentile
 * @param max         largest value
 * @param skewness    adjusted Fisher–Pearson skewness as pandas {@code Series.skew()}
 * @param zeros       share of the non-missing values equal to 0 (numbers only)
 * @param modeShare   share of the most frequent value among the non-missing values
 * @param topValues   most frequent values (categorical, text, boolean), most frequent first
 * @param leakageAuc  max(AUC, 1−AUC) of this column alone against the binary target; null when not computed
 * @param flags       things to act on
 */
public record ColumnProfile(String name, ColumnType type, int count, int missing, int distinct,
                            Double mean, Double std, Double min, Double p5, Double p25, Double median,
                            Double p75, Double p95, Double max, Double skewness, Double zeros, Double modeShare,
                            List<TopValue> topValues, Double leakageAuc, List<Flag> flags) {
    public ColumnProfile {
        topValues = List.copyOf(topValues);
        flags = List.copyOf(flags);
    }

    /** Rows considered: count + missing. */
    public int rows() { return count + missing; }

    /** Share of rows missing (0 when there are no rows). */
    public double missingShare() { return rows() == 0 ? 0 : (double) missing / rows(); }

    public boolean hasFlag(Flag.Kind kind) { return flags.stream().anyMatch(f -> f.kind() == kind); }

    /** A location statistic as text: ISO date / date-time for temporal columns, the number otherwise; "" when null. */
    public String valueText(Double v) {
        return v == null ? "" : EdaData.valueText(type, v);
    }
}
