package io.segmenta.core.eda;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;

import java.util.Arrays;

/**
 * Histogram data of a number, date or date-time column: equal-width bins over the kept, non-missing values.
 *
 * <p>Automatic bins follow numpy's {@code histogram(bins='fd')}: width h = 2·IQR·n^(−1/3) (IQR from
 * linear percentiles), bins = ⌈range / h⌉; when the IQR is 0 Sturges' rule is used instead
 * (⌈log₂ n⌉ + 1 bins, numpy's {@code 'sturges'}). At most {@link #MAX_BINS} bins. The edges are numpy's
 * {@code linspace(min, max, bins+1)} (±0.5 around a single value) and each bin holds [left, right), the
 * last [left, right], counted as numpy does. With a log scale the bins are equal-width in log10 of the
 * positive values; zero and negative values are left out and counted in {@code excluded}.
 *
 * @param options  what was asked
 * @param type     the column's type (edges of dates are epoch days, of date-times epoch milliseconds)
 * @param edges    bins + 1 ascending edges, in data units (also with a log scale)
 * @param counts   values per bin
 * @param rule     how the bin count was chosen
 * @param rowsKept rows the filter kept
 * @param missing  kept rows with a missing value
 * @param excluded values left out by the log scale (≤ 0)
 */
public record Histogram(Options options, ColumnType type, double[] edges, long[] counts, BinRule rule, int rowsKept,
                        int missing, int excluded) implements ChartData {

    /** Largest number of bins, automatic or asked for. */
    public static final int MAX_BINS = 1000;

    /** How the number of bins was chosen. */
    public enum BinRule { FREEDMAN_DIACONIS, STURGES, USER }

    /**
     * @param column   the column to show
     * @param filter   rows to use
     * @param bins     number of bins, 1–{@value #MAX_BINS}; 0 = automatic (Freedman–Diaconis)
     * @param logScale bins on log10 of the positive values
     */
    public record Options(String column, RowFilter filter, int bins, boolean logScale) {
        public Options {
            filter = filter == null ? RowFilter.NONE : filter;
            if (bins < 0 || bins > MAX_BINS) throw new UserException("eda.options.bins", bins, MAX_BINS);
        }

        /** Automatic bins, linear scale, all rows. */
        public static Options of(String column) { return new Options(column, RowFilter.NONE, 0, false); }

        public Options withBins(int b) { return new Options(column, filter, b, logScale); }

        public Options withLogScale(boolean log) { return new Options(column, filter, bins, log); }

        public Options withFilter(RowFilter f) { return new Options(column, f, bins, logScale); }
    }

    public int bins() { return counts.length; }

    /** Values counted in the bins. */
    public long total() {
        long t = 0;
        for (long c : counts) t += c;
        return t;
    }

    /** An edge as text (a date for date columns). */
    public String edgeText(int i) { return EdaData.valueText(type, edges[i]); }

    public static Histogram compute(Dataset ds, Options o, TaskContext ctx) {
        Column c = EdaData.numericColumn(ds, o.column());
        RowSelection sel = o.filter().apply(ds, ctx);
        double[] v = EdaData.values(c, sel.rows());
        int missing = sel.kept() - v.length;
        int excluded = 0;
        if (o.logScale()) {
            int k = 0;
            for (double x : v) if (x > 0) v[k++] = Math.log10(x);
            excluded = v.length - k;
            v = Arrays.copyOf(v, k);
        }
        ctx.checkCancelled();
        int n = v.length;
        if (n == 0) {
            return new Histogram(o, c.type(), new double[0], new long[0], o.bins() > 0 ? BinRule.USER : BinRule.FREEDMAN_DIACONIS,
                    sel.kept(), missing, excluded);
        }
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double x : v) { if (x < min) min = x; if (x > max) max = x; }
        double first = min, last = max;
        if (first == last) { first -= 0.5; last += 0.5; }
        int bins;
        BinRule rule;
        if (o.bins() > 0) {
            bins = o.bins();
            rule = BinRule.USER;
        } else {
            double[] s = Stats.sortedCopy(v, n);
            double iqr = Stats.quantileSorted(s, n, 0.75) - Stats.quantileSorted(s, n, 0.25);
            double width = 2.0 * iqr * Math.pow(n, -1.0 / 3.0);
            if (width > 0) {
                bins = (int) Math.min(MAX_BINS, Math.ceil((last - first) / width));
                rule = BinRule.FREEDMAN_DIACONIS;
            } else {
                double sw = (max - min) / (log2(n) + 1.0); // numpy: ptp(x) / (log2(n) + 1)
                bins = sw > 0 ? (int) Math.min(MAX_BINS, Math.ceil((last - first) / sw)) : 1;
                rule = BinRule.STURGES;
            }
            bins = Math.max(1, bins);
        }
        double[] e = linspace(first, last, bins);
        long[] counts = count(v, e);
        double[] edges = e;
        if (o.logScale()) {
            edges = new double[e.length];
            for (int i = 0; i < e.length; i++) edges[i] = Math.pow(10, e[i]);
        }
        return new Histogram(o, c.type(), edges, counts, rule, sel.kept(), missing, excluded);
    }

    private static double log2(int n) {
        if ((n & (n - 1)) == 0) return 31 - Integer.numberOfLeadingZeros(n); // exact for powers of two
        return Math.log(n) / Math.log(2);
    }

    /** numpy.linspace(first, last, bins+1): start + i·step, the last edge exactly {@code last}. */
    static double[] linspace(double first, double last, int bins) {
        double[] e = new double[bins + 1];
        double step = (last - first) / bins;
        for (int i = 0; i <= bins; i++) e[i] = i * step + first;
        e[bins] = last;
        return e;
    }

    /** numpy's equal-width bin counting, including its correction of rounding at the edges. */
    static long[] count(double[] v, double[] e) {
        int bins = e.length - 1;
        double first = e[0], last = e[bins];
        double norm = bins / (last - first);
        long[] counts = new long[bins];
        for (double x : v) {
            if (x < first || x > last) continue;
            int i = (int) ((x - first) * norm);
            if (i == bins) i--;
            if (x < e[i]) i--;
            else if (i != bins - 1 && x >= e[i + 1]) i++;
            counts[i]++;
        }
        return counts;
    }

    /** left, right, count per bin; edges as dates for date columns. */
    @Override
    public String toCsv() {
        Csv csv = new Csv("bin_left", "bin_right", "count");
        boolean temporal = type == ColumnType.DATE || type == ColumnType.DATETIME;
        for (int i = 0; i < counts.length; i++) {
            csv.row(temporal ? edgeText(i) : edges[i], temporal ? edgeText(i + 1) : edges[i + 1], counts[i]);
        }
        return csv.toString();
    }
}
