package io.segmenta.core.eda;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.List;

/**
 * Bar chart data of a categorical, text, boolean or integer column: the top N values by count (ties by
 * value), then one "other" bar for the rest and one "missing" bar, each when non-empty.
 *
 * @param options  what was asked
 * @param bars     the bars in display order
 * @param rowsKept rows the filter kept; bar shares are counts over this (so they add up to 1)
 * @param distinct distinct non-missing values among the kept rows
 */
public record BarChart(Options options, List<Bar> bars, int rowsKept, int distinct) implements ChartData {
    public static final int DEFAULT_TOP_N = 10;
    public static final int MAX_TOP_N = 1000;

    public BarChart {
        bars = List.copyOf(bars);
    }

    /**
     * @param column         the column
     * @param filter         rows to use
     * @param topN           values shown as their own bar (1–{@value #MAX_TOP_N})
     * @param includeMissing add a bar for missing values
     */
    public record Options(String column, RowFilter filter, int topN, boolean includeMissing) {
        public Options {
            filter = filter == null ? RowFilter.NONE : filter;
            if (topN < 1 || topN > MAX_TOP_N) throw new UserException("eda.options.topN", topN, MAX_TOP_N);
        }

        public static Options of(String column) { return new Options(column, RowFilter.NONE, DEFAULT_TOP_N, true); }

        public Options withTopN(int n) { return new Options(column, filter, n, includeMissing); }

        public Options withFilter(RowFilter f) { return new Options(column, f, topN, includeMissing); }
    }

    /**
     * @param label  the value; null for other/missing
     * @param bucket what the bar stands for
     * @param count  rows
     * @param share  count / rowsKept
     * @param levels distinct values in the bar (1 for a value, the folded count for "other", 0 for missing)
     */
    public record Bar(String label, Bucket bucket, long count, double share, int levels) {
        public String displayLabel() { return bucket.display(label); }
    }

    public static BarChart compute(Dataset ds, Options o, TaskContext ctx) {
        var col = EdaData.groupColumn(ds, o.column());
        RowSelection sel = o.filter().apply(ds, ctx);
        EdaData.Groups g = EdaData.groups(col, sel.rows());
        ctx.checkCancelled();
        int kept = sel.kept();
        int[] top = g.top(o.topN());
        List<Bar> bars = new ArrayList<>();
        long shown = 0;
        for (int t : top) {
            long c = g.counts()[t];
            shown += c;
            bars.add(new Bar(g.labels()[t], Bucket.VALUE, c, share(c, kept), 1));
        }
        long other = kept - g.missing() - shown;
        int used = g.usedLevels();
        if (other > 0) bars.add(new Bar(null, Bucket.OTHER, other, share(other, kept), used - top.length));
        if (o.includeMissing() && g.missing() > 0) bars.add(new Bar(null, Bucket.MISSING, g.missing(), share(g.missing(), kept), 0));
        return new BarChart(o, bars, kept, used);
    }

    private static double share(long c, int kept) { return kept == 0 ? 0 : (double) c / kept; }

    @Override
    public String toCsv() {
        Csv csv = new Csv("value", "count", "share");
        for (Bar b : bars) csv.row(b.displayLabel(), b.count(), b.share());
        return csv.toString();
    }
}
