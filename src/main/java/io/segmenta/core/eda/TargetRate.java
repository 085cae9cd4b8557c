package io.segmenta.core.eda;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The target by bins of another column, e.g. "churn rate by contract type": for a binary target the
 * share of positives per group, for a numeric target its mean, with row counts. Rows with a missing
 * target are left out (and counted).
 *
 * <p>Numeric (and date) columns are cut into quantile bins as pandas {@code qcut(x, q, duplicates='drop')}:
 * edges are the linear quantiles at 0, 1/q, …, 1 with repeats dropped; bins are (left, right], the first
 * also holding its left edge. Categorical, text and boolean columns (and integer columns when
 * {@code byCategory} is set) give one group per value: the top levels by count, then "other".
 * Rows with a missing value form their own "missing" group.
 *
 * @param options        what was asked
 * @param target         how the target was read (binary with which positive value, or numeric)
 * @param byType         type of the grouping column
 * @param groups         the groups in display order
 * @param overallRate    rate (binary) or mean (numeric) over all kept rows with a target value
 * @param overallCount   kept rows with a target value
 * @param missingTarget  kept rows without a target value (left out)
 * @param rowsKept       rows the filter kept
 */
public record TargetRate(Options options, TargetSpec target, ColumnType byType, List<Group> groups, double overallRate,
                         int overallCount, int missingTarget, int rowsKept) implements ChartData {

    public static final int DEFAULT_BINS = 10;
    public static final int DEFAULT_MAX_LEVELS = 20;

    public TargetRate {
        groups = List.copyOf(groups);
    }

    /**
     * @param target     the target column (boolean, 0/1, two-level category, or numeric)
     * @param positive   the target value counted as positive, or null to choose automatically ({@link TargetSpec})
     * @param by         the column to group by
     * @param filter     rows to use
     * @param bins       quantile bins for a numeric {@code by} (2–100)
     * @param maxLevels  levels shown for a categorical {@code by} (1–200); the rest form "other"
     * @param byCategory group an integer column by value instead of by quantile bins
     */
    public record Options(String target, String positive, String by, RowFilter filter, int bins, int maxLevels,
                          boolean byCategory) {
        public Options {
            filter = filter == null ? RowFilter.NONE : filter;
            positive = positive == null || positive.isBlank() ? null : positive;
            if (bins < 2 || bins > 100) throw new UserException("eda.options.rateBins", bins);
            if (maxLevels < 1 || maxLevels > 200) throw new UserException("eda.options.groups", maxLevels, 200);
        }

        public static Options of(String target, String by) {
            return new Options(target, null, by, RowFilter.NONE, DEFAULT_BINS, DEFAULT_MAX_LEVELS, false);
        }

        public Options withFilter(RowFilter f) { return new Options(target, positive, by, f, bins, maxLevels, byCategory); }

        public Options withBins(int b) { return new Options(target, positive, by, filter, b, maxLevels, byCategory); }

        public Options withPositive(String p) { return new Options(target, p, by, filter, bins, maxLevels, byCategory); }

        public Options withByCategory(boolean c) { return new Options(target, positive, by, filter, bins, maxLevels, c); }
    }

    /**
     * One group.
     *
     * @param label  category value or bin text such as "(30, 45]"; null for other/missing
     * @param bucket what the group stands for
     * @param lower  left edge of a numeric bin (NaN for categories)
     * @param upper  right edge of a numeric bin (NaN for categories)
     * @param count  rows with a target value in the group
     * @param sum    positives (binary target) or the sum of the target (numeric)
     * @param rate   sum / count: the rate or the mean; NaN when count is 0
     */
    public record Group(String label, Bucket bucket, double lower, double upper, long count, double sum, double rate) {
        public String displayLabel() { return bucket.display(label); }
    }

    public static TargetRate compute(Dataset ds, Options o, TaskContext ctx) {
        if (o.by() != null && o.by().equals(o.target())) throw new UserException("eda.target.sameColumn", o.by());
        Column by = EdaData.column(ds, o.by());
        RowSelection sel = o.filter().apply(ds, ctx);
        int[] rows = sel.rows();
        TargetSpec.Values tv = TargetSpec.resolve(ds, o.target(), o.positive(), rows);
        double[] y = tv.y();
        int withTarget = 0;
        double total = 0;
        for (double t : y) if (t == t) { withTarget++; total += t; }
        ctx.checkCancelled();
        boolean categorical = by instanceof StringColumn || by instanceof BooleanColumn || (by instanceof LongColumn && o.byCategory());
        List<Group> groups = categorical ? byCategory(by, rows, y, o.maxLevels()) : byBins(by, rows, y, o.bins());
        return new TargetRate(o, tv.spec(), by.type(), groups, withTarget == 0 ? Double.NaN : total / withTarget, withTarget,
                rows.length - withTarget, sel.kept());
    }

    private static List<Group> byCategory(Column by, int[] rows, double[] y, int maxLevels) {
        EdaData.Groups g = EdaData.groups(by, rows);
        int[] top = g.top(maxLevels);
        int[] slot = new int[g.levels()];
        Arrays.fill(slot, top.length);
        for (int i = 0; i < top.length; i++) slot[top[i]] = i;
        int slots = top.length + 2; // + other + missing
        long[] count = new long[slots];
        double[] sum = new double[slots];
        int[] ids = g.ids();
        for (int i = 0; i < rows.length; i++) {
            if (y[i] != y[i]) continue;
            int s = ids[i] < 0 ? slots - 1 : slot[ids[i]];
            count[s]++;
            sum[s] += y[i];
        }
        List<Group> out = new ArrayList<>();
        for (int i = 0; i < top.length; i++) out.add(group(g.labels()[top[i]], Bucket.VALUE, Double.NaN, Double.NaN, count[i], sum[i]));
        boolean otherLevels = g.usedLevels() > top.length;
        if (otherLevels) out.add(group(null, Bucket.OTHER, Double.NaN, Double.NaN, count[top.length], sum[top.length]));
        if (g.missing() > 0) out.add(group(null, Bucket.MISSING, Double.NaN, Double.NaN, count[slots - 1], sum[slots - 1]));
        return out;
    }

    private static List<Group> byBins(Column by, int[] rows, double[] y, int bins) {
        if (!EdaData.isNumericLike(by.type())) throw new UserException("eda.column.notGroupable", by.name(), by.type().key());
        double[] x = EdaData.aligned(by, rows);
        double[] v = EdaData.values(by, rows);
        Arrays.sort(v);
        int n = v.length;
        List<Group> out = new ArrayList<>();
        long missCount = 0;
        double missSum = 0;
        for (int i = 0; i < rows.length; i++) {
            if (x[i] != x[i] && y[i] == y[i]) { missCount++; missSum += y[i]; }
        }
        if (n > 0) {
            // qcut edges: linear quantiles at k/bins, duplicates dropped
            double[] e = new double[bins + 1];
            int m = 0;
            for (int k = 0; k <= bins; k++) {
                double q = Stats.quantileSorted(v, n, (double) k / bins);
                if (m == 0 || q != e[m - 1]) e[m++] = q;
            }
            if (m == 1) { e[1] = e[0]; m = 2; } // a single value: one bin [v, v]
            e = Arrays.copyOf(e, m);
            int nb = m - 1;
            long[] count = new long[nb];
            double[] sum = new double[nb];
            for (int i = 0; i < rows.length; i++) {
                double xv = x[i];
                if (xv != xv || y[i] != y[i]) continue;
                int b = Arrays.binarySearch(e, xv);
                // (e[b-1], e[b]]: a value equal to an edge belongs to the bin ending there; the first edge to bin 0
                int bin = b >= 0 ? Math.max(0, b - 1) : -b - 2;
                bin = Math.min(Math.max(bin, 0), nb - 1);
                count[bin]++;
                sum[bin] += y[i];
            }
            for (int b = 0; b < nb; b++) {
                String label = (b == 0 ? "[" : "(") + EdaData.valueText(by.type(), e[b]) + ", "
                        + EdaData.valueText(by.type(), e[b + 1]) + "]";
                out.add(group(label, Bucket.VALUE, e[b], e[b + 1], count[b], sum[b]));
            }
        }
        if (x.length > n) out.add(group(null, Bucket.MISSING, Double.NaN, Double.NaN, missCount, missSum));
        return out;
    }

    private static Group group(String label, Bucket bucket, double lo, double hi, long count, double sum) {
        return new Group(label, bucket, lo, hi, count, sum, count == 0 ? Double.NaN : sum / count);
    }

    @Override
    public String toCsv() {
        boolean temporal = byType == ColumnType.DATE || byType == ColumnType.DATETIME;
        Csv csv = new Csv("group", "lower", "upper", "count", target.binary() ? "positives" : "sum",
                target.binary() ? "rate" : "mean");
        for (Group g : groups) {
            Object lo = temporal ? EdaData.valueText(byType, g.lower()) : g.lower();
            Object hi = temporal ? EdaData.valueText(byType, g.upper()) : g.upper();
            csv.row(g.displayLabel(), lo, hi, g.count(), target.binary() ? (Object) (long) g.sum() : g.sum(), g.rate());
        }
        return csv.toString();
    }
}
