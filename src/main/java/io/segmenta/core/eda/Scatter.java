package io.segmenta.core.eda;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scatter data of two number/date columns, optionally coloured by a third. Rows where x or y is missing
 * are left out. When more than {@code maxPoints} rows remain, a uniform random sample of exactly
 * {@code maxPoints} of them (without replacement, from {@link SplittableRandom} with the stated seed, in
 * row order) is returned, so the chart never has to draw millions of points; a 2-D density grid over
 * all points can be asked for as well.
 *
 * @param options   what was asked
 * @param xType     type of x (dates: epoch days; date-times: epoch milliseconds)
 * @param yType     type of y
 * @param rows      dataset row index of each point
 * @param x         x of each point
 * @param y         y of each point
 * @param colour    colour of each point, or null when no colour column was given
 * @param rowsKept  rows the filter kept
 * @param available kept rows with both x and y (the points before sampling)
 * @param sampled   true when the points are a sample of {@code available}
 * @param seed      the seed of the sample (the options' seed)
 * @param density   counts over all available points on a grid, or null when not asked for
 */
public record Scatter(Options options, ColumnType xType, ColumnType yType, int[] rows, double[] x, double[] y,
                      Colour colour, int rowsKept, int available, boolean sampled, long seed, Density density)
        implements ChartData {

    public static final int DEFAULT_MAX_POINTS = 50_000;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_COLOUR_LEVELS = 12;

    /**
     * @param x            x column (number, date or date-time)
     * @param y            y column (number, date or date-time)
     * @param colour       colour column (any type but text with many values is folded into "other"), or null
     * @param filter       rows to use
     * @param maxPoints    points returned at most (1000–1000000); more are sampled
     * @param seed         seed of the sample
     * @param densityBins  cells per axis of the density grid (2–500), or 0 for none
     * @param colourLevels categories coloured individually (1–50); the others share one colour
     */
    public record Options(String x, String y, String colour, RowFilter filter, int maxPoints, long seed, int densityBins,
                          int colourLevels) {
        public Options {
            filter = filter == null ? RowFilter.NONE : filter;
            colour = colour == null || colour.isBlank() ? null : colour;
            if (maxPoints < 1000 || maxPoints > 1_000_000) throw new UserException("eda.options.maxPoints", maxPoints);
            if (densityBins != 0 && (densityBins < 2 || densityBins > 500)) throw new UserException("eda.options.densityBins", densityBins);
            if (colourLevels < 1 || colourLevels > 50) throw new UserException("eda.options.colourLevels", colourLevels);
        }

        public static Options of(String x, String y) {
            return new Options(x, y, null, RowFilter.NONE, DEFAULT_MAX_POINTS, DEFAULT_SEED, 0, DEFAULT_COLOUR_LEVELS);
        }

        public Options withColour(String c) { return new Options(x, y, c, filter, maxPoints, seed, densityBins, colourLevels); }

        public Options withFilter(RowFilter f) { return new Options(x, y, colour, f, maxPoints, seed, densityBins, colourLevels); }

        public Options withDensity(int bins) { return new Options(x, y, colour, filter, maxPoints, seed, bins, colourLevels); }

        public Options withSample(int max, long s) { return new Options(x, y, colour, filter, max, s, densityBins, colourLevels); }
    }

    /** Code of a point whose colour value is missing. */
    public static final int MISSING_CODE = -1;
    /** Code of a point whose category is outside the coloured levels. */
    public static final int OTHER_CODE = -2;

    /**
     * Colour per point: numeric ({@code values}, NaN when missing) for number/date columns, else categorical
     * ({@code codes} into {@code levels}, or {@link #MISSING_CODE}/{@link #OTHER_CODE}).
     */
    public record Colour(String column, boolean numeric, double[] values, int[] codes, List<String> levels) {
        public Colour {
            levels = List.copyOf(levels);
        }
    }

    /**
     * Point counts on a grid: {@code counts[i][j]} for x in cell i and y in cell j; cells are equal-width
     * from min to max of each axis, the last cell closed.
     */
    public record Density(int bins, double xMin, double xMax, double yMin, double yMax, long[][] counts) { }

    public int points() { return x.length; }

    public static Scatter compute(Dataset ds, Options o, TaskContext ctx) {
        Column cx = EdaData.numericColumn(ds, o.x());
        Column cy = EdaData.numericColumn(ds, o.y());
        Column cc = o.colour() == null ? null : EdaData.column(ds, o.colour());
        RowSelection sel = o.filter().apply(ds, ctx);
        int[] kept = sel.rows();
        double[] ax = EdaData.aligned(cx, kept), ay = EdaData.aligned(cy, kept);
        int[] idx = new int[kept.length];
        int n = 0;
        for (int i = 0; i < kept.length; i++) if (ax[i] == ax[i] && ay[i] == ay[i]) idx[n++] = i;
        ctx.checkCancelled();
        Density density = o.densityBins() > 0 && n > 0 ? density(ax, ay, idx, n, o.densityBins()) : null;
        boolean sampled = n > o.maxPoints();
        int k = n;
        if (sampled) {
            SplittableRandom rnd = new SplittableRandom(o.seed());
            for (int i = 0; i < o.maxPoints(); i++) {
                int j = i + rnd.nextInt(n - i);
                int t = idx[i]; idx[i] = idx[j]; idx[j] = t;
            }
            k = o.maxPoints();
            Arrays.sort(idx, 0, k);
        }
        int[] rows = new int[k];
        double[] px = new double[k], py = new double[k];
        for (int i = 0; i < k; i++) {
            rows[i] = kept[idx[i]];
            px[i] = ax[idx[i]];
            py[i] = ay[idx[i]];
        }
        Colour colour = cc == null ? null : colour(cc, rows, o.colourLevels());
        return new Scatter(o, cx.type(), cy.type(), rows, px, py, colour, sel.kept(), n, sampled, o.seed(), density);
    }

    private static Colour colour(Column c, int[] rows, int levels) {
        if (!(c instanceof StringColumn) && !(c instanceof BooleanColumn) && EdaData.isNumericLike(c.type())) {
            return new Colour(c.name(), true, EdaData.aligned(c, rows), null, List.of());
        }
        EdaData.Groups g = EdaData.groups(c, rows);
        int[] top = g.top(levels);
        int[] map = new int[g.levels()];
        Arrays.fill(map, OTHER_CODE);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < top.length; i++) { map[top[i]] = i; names.add(g.labels()[top[i]]); }
        int[] codes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) codes[i] = g.ids()[i] < 0 ? MISSING_CODE : map[g.ids()[i]];
        return new Colour(c.name(), false, null, codes, names);
    }

    private static Density density(double[] ax, double[] ay, int[] idx, int n, int bins) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double x = ax[idx[k]], y = ay[idx[k]];
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
        }
        long[][] counts = new long[bins][bins];
        double wx = x1 > x0 ? bins / (x1 - x0) : 0, wy = y1 > y0 ? bins / (y1 - y0) : 0;
        for (int k = 0; k < n; k++) {
            int i = Math.min(bins - 1, (int) ((ax[idx[k]] - x0) * wx));
            int j = Math.min(bins - 1, (int) ((ay[idx[k]] - y0) * wy));
            counts[i][j]++;
        }
        return new Density(bins, x0, x1, y0, y1, counts);
    }

    /** One row per point: row (1-based, as in the data table), x, y and the colour value when there is one. */
    @Override
    public String toCsv() {
        Csv csv = colour == null ? new Csv("row", options.x(), options.y())
                : new Csv("row", options.x(), options.y(), colour.column());
        for (int i = 0; i < x.length; i++) {
            Object xv = temporal(xType) ? EdaData.valueText(xType, x[i]) : x[i];
            Object yv = temporal(yType) ? EdaData.valueText(yType, y[i]) : y[i];
            if (colour == null) csv.row(rows[i] + 1, xv, yv);
            else if (colour.numeric()) csv.row(rows[i] + 1, xv, yv, colour.values()[i]);
            else {
                int c = colour.codes()[i];
                csv.row(rows[i] + 1, xv, yv, c >= 0 ? colour.levels().get(c)
                        : (c == MISSING_CODE ? Bucket.MISSING : Bucket.OTHER).display(null));
            }
        }
        return csv.toString();
    }

    private static boolean temporal(ColumnType t) { return t == ColumnType.DATE || t == ColumnType.DATETIME; }
}
