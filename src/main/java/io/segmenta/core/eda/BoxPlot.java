package io.segmenta.core.eda;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Box plot data of a number, date or date-time column, optionally one box per level of a categorical
 * column. Quartiles are numpy 'linear' percentiles; Tukey whiskers end at the most extreme values within
 * 1.5·IQR of the quartiles; values beyond are outliers (all counted, an evenly spread sample of at most
 * {@code maxOutliers} kept, always including the most extreme ones).
 *
 * @param options  what was asked
 * @param type     the value column's type
 * @param boxes    one box per group: the top levels by row count, then "other" and "missing" when present;
 *                 a single {@link Bucket#ALL} box when not split
 * @param rowsKept rows the filter kept
 * @param missing  kept rows with a missing value
 * @param groupsOmitted levels folded into the "other" box
 */
public record BoxPlot(Options options, ColumnType type, List<Box> boxes, int rowsKept, int missing, int groupsOmitted)
        implements ChartData {

    public static final int DEFAULT_MAX_GROUPS = 20;
    public static final int DEFAULT_MAX_OUTLIERS = 200;
    public static final int MAX_GROUPS = 200;

    public BoxPlot {
        boxes = List.copyOf(boxes);
    }

    /**
     * @param column      the value column
     * @param groupBy     categorical, text, boolean or integer column splitting the boxes, or null
     * @param filter      rows to use
     * @param maxGroups   levels shown as their own box (1–{@value #MAX_GROUPS}); the rest go to "other"
     * @param maxOutliers outliers kept per box (0–100000)
     */
    public record Options(String column, String groupBy, RowFilter filter, int maxGroups, int maxOutliers) {
        public Options {
            filter = filter == null ? RowFilter.NONE : filter;
            groupBy = groupBy == null || groupBy.isBlank() ? null : groupBy;
            if (maxGroups < 1 || maxGroups > MAX_GROUPS) throw new UserException("eda.options.groups", maxGroups, MAX_GROUPS);
            if (maxOutliers < 0 || maxOutliers > 100_000) throw new UserException("eda.options.outliers", maxOutliers);
        }

        public static Options of(String column) {
            return new Options(column, null, RowFilter.NONE, DEFAULT_MAX_GROUPS, DEFAULT_MAX_OUTLIERS);
        }

        public Options withGroupBy(String g) { return new Options(column, g, filter, maxGroups, maxOutliers); }

        public Options withFilter(RowFilter f) { return new Options(column, groupBy, f, maxGroups, maxOutliers); }
    }

    /**
     * One box. Statistics are NaN when the group has no values.
     *
     * @param label         the level (or the column name for an unsplit plot); null for other/missing
     * @param bucket        what the box stands for
     * @param count         values in the box
     * @param lowerWhisker  smallest value ≥ q1 − 1.5·IQR
     * @param upperWhisker  largest value ≤ q3 + 1.5·IQR
     * @param outliers      values outside the whiskers
     * @param outlierSample at most maxOutliers of them, ascending
     */
    public record Box(String label, Bucket bucket, int count, double min, double q1, double median, double q3, double max,
                      double mean, double lowerWhisker, double upperWhisker, long outliers, double[] outlierSample) {
        public String displayLabel() { return bucket.display(label); }

        public double iqr() { return q3 - q1; }
    }

    public static BoxPlot compute(Dataset ds, Options o, TaskContext ctx) {
        Column c = EdaData.numericColumn(ds, o.column());
        Column g = o.groupBy() == null ? null : EdaData.groupColumn(ds, o.groupBy());
        RowSelection sel = o.filter().apply(ds, ctx);
        int[] rows = sel.rows();
        List<Box> boxes = new ArrayList<>();
        int omitted = 0;
        int missing;
        if (g == null) {
            double[] v = EdaData.values(c, rows);
            missing = rows.length - v.length;
            ctx.checkCancelled();
            boxes.add(box(o.column(), Bucket.ALL, v, o.maxOutliers()));
        } else {
            double[] x = EdaData.aligned(c, rows);
            EdaData.Groups groups = EdaData.groups(g, rows);
            int[] top = groups.top(o.maxGroups());
            omitted = groups.usedLevels() - top.length;
            int[] slot = new int[groups.levels()];
            Arrays.fill(slot, top.length); // "other"
            for (int i = 0; i < top.length; i++) slot[top[i]] = i;
            int missingSlot = top.length + 1;
            int[] sizes = new int[top.length + 2];
            int[] ids = groups.ids();
            missing = 0;
            for (int i = 0; i < x.length; i++) {
                if (x[i] != x[i]) { missing++; continue; }
                sizes[ids[i] < 0 ? missingSlot : slot[ids[i]]]++;
            }
            double[][] vals = new double[sizes.length][];
            for (int s = 0; s < sizes.length; s++) vals[s] = new double[sizes[s]];
            int[] fill = new int[sizes.length];
            for (int i = 0; i < x.length; i++) {
                if (x[i] != x[i]) continue;
                int s = ids[i] < 0 ? missingSlot : slot[ids[i]];
                vals[s][fill[s]++] = x[i];
            }
            for (int i = 0; i < top.length; i++) {
                ctx.checkCancelled();
                boxes.add(box(groups.labels()[top[i]], Bucket.VALUE, vals[i], o.maxOutliers()));
            }
            if (sizes[top.length] > 0) boxes.add(box(null, Bucket.OTHER, vals[top.length], o.maxOutliers()));
            if (sizes[missingSlot] > 0) boxes.add(box(null, Bucket.MISSING, vals[missingSlot], o.maxOutliers()));
        }
        return new BoxPlot(o, c.type(), boxes, sel.kept(), missing, omitted);
    }

    /** The box of the given values (sorted in place). */
    static Box box(String label, Bucket bucket, double[] v, int maxOutliers) {
        int n = v.length;
        Arrays.sort(v);
        if (n == 0) {
            double nan = Double.NaN;
            return new Box(label, bucket, 0, nan, nan, nan, nan, nan, nan, nan, nan, 0, new double[0]);
        }
        double q1 = Stats.quantileSorted(v, n, 0.25), med = Stats.quantileSorted(v, n, 0.5), q3 = Stats.quantileSorted(v, n, 0.75);
        double iqr = q3 - q1;
        double lo = q1 - 1.5 * iqr, hi = q3 + 1.5 * iqr;
        int a = 0;
        while (a < n && v[a] < lo) a++;
        int b = n - 1;
        while (b >= 0 && v[b] > hi) b--;
        long outliers = a + (n - 1 - b);
        double[] sample = new double[(int) Math.min(outliers, maxOutliers)];
        if (sample.length > 0) {
            // indices of the outliers in v: [0, a) then (b, n); spread the sample evenly over them
            long m = outliers;
            for (int k = 0; k < sample.length; k++) {
                long j = sample.length == 1 ? 0 : Math.round((double) k * (m - 1) / (sample.length - 1));
                sample[k] = j < a ? v[(int) j] : v[(int) (b + 1 + (j - a))];
            }
        }
        return new Box(label, bucket, n, v[0], q1, med, q3, v[n - 1], Stats.mean(v, n), v[a], v[b], outliers, sample);
    }

    /** One row per box. */
    @Override
    public String toCsv() {
        Csv csv = new Csv("group", "count", "min", "lower_whisker", "q1", "median", "q3", "upper_whisker", "max", "mean",
                "outliers");
        boolean temporal = type == ColumnType.DATE || type == ColumnType.DATETIME;
        for (Box b : boxes) {
            if (temporal) {
                csv.row(b.displayLabel(), b.count(), t(b.min()), t(b.lowerWhisker()), t(b.q1()), t(b.median()), t(b.q3()),
                        t(b.upperWhisker()), t(b.max()), t(b.mean()), b.outliers());
            } else {
                csv.row(b.displayLabel(), b.count(), b.min(), b.lowerWhisker(), b.q1(), b.median(), b.q3(), b.upperWhisker(),
                        b.max(), b.mean(), b.outliers());
            }
        }
        return csv.toString();
    }

    private String t(double v) { return EdaData.valueText(type, v); }
}
