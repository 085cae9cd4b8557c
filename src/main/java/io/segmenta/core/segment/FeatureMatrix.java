package io.segmenta.core.segment;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.segment.SegmentationOptions.AllRows;
import io.segmenta.core.segment.SegmentationOptions.Feature;
import io.segmenta.core.segment.SegmentationOptions.FeatureKind;
import io.segmenta.core.segment.SegmentationOptions.MissingPolicy;
import io.segmenta.core.segment.SegmentationOptions.Rows;
import io.segmenta.core.segment.SegmentationOptions.Scaling;
import io.segmenta.core.segment.SegmentationOptions.TopN;
import io.segmenta.core.segment.SegmentationOptions.Transform;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The numbers k-means works on: a dense row-major {@code n × d} matrix (row {@code i} at
 * {@code x[i*d .. i*d+d)}), the dataset row each matrix row came from, and the fitted transform.
 * Built by {@link #build(Dataset, SegmentationOptions)}; immutable by convention (callers must not
 * modify {@link #data()}).
 */
public final class FeatureMatrix {
    /** Categorical features with more levels than this are refused (one-hot would swamp the rest). */
    public static final int MAX_LEVELS = 100;

    private final double[] x;
    private final int n;
    private final int d;
    private final int[] rows;
    private final FittedTransform transform;
    private final int datasetRows;
    private final int subsetRows;
    private final int droppedRows;
    private final int imputedCells;

    FeatureMatrix(double[] x, int n, int d, int[] rows, FittedTransform transform, int datasetRows, int subsetRows,
                  int droppedRows, int imputedCells) {
        if (x.length != (long) n * d) throw new IllegalArgumentException("matrix size");
        this.x = x;
        this.n = n;
        this.d = d;
        this.rows = rows;
        this.transform = transform;
        this.datasetRows = datasetRows;
        this.subsetRows = subsetRows;
        this.droppedRows = droppedRows;
        this.imputedCells = imputedCells;
    }

    /** A matrix of raw numbers (no dataset), e.g. for benchmarks and tests: rows 0..n-1, identity transform. */
    public static FeatureMatrix of(double[] x, int n, int d) {
        List<FeatureTransform> fts = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            fts.add(new FeatureTransform("x" + (j + 1), FeatureKind.NUMERIC, Transform.NONE, 1, Scaling.NONE, 0, 1,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(), null, j));
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        return new FeatureMatrix(x, n, d, rows, new FittedTransform(fts), n, n, 0, 0);
    }

    public double[] data() { return x; }

    public int n() { return n; }

    public int d() { return d; }

    /** Dataset row of each matrix row (ascending). */
    public int[] rows() { return rows; }

    public FittedTransform transform() { return transform; }

    public List<String> dimNames() { return transform.dimNames(); }

    /** Rows in the dataset. */
    public int datasetRows() { return datasetRows; }

    /** Rows selected by the subset, before dropping rows with missing features. */
    public int subsetRows() { return subsetRows; }

    /** Rows left out because a feature was missing (missing policy drop). */
    public int droppedRows() { return droppedRows; }

    /** Missing cells filled with the median or mode (missing policy impute). */
    public int imputedCells() { return imputedCells; }

    /** Mean over columns of the column variances (population), the scale of the k-means tolerance. */
    public double meanVariance() {
        if (n == 0) return 0;
        double total = 0;
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += x[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        double[] ss = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double t = x[i * d + j] - mean[j];
                ss[j] += t * t;
            }
        }
        for (int j = 0; j < d; j++) total += ss[j] / n;
        return total / d;
    }

    /**
     * Checks that k clusters can be made: at least k rows and at least k distinct points.
     *
     * @throws UserException segment.error.fewerRowsThanK or segment.error.fewDistinct
     */
    public void checkK(int k) {
        if (n < k) throw new UserException("segment.error.fewerRowsThanK", n, k);
        int distinct = distinctPoints(k);
        if (distinct < k) throw new UserException("segment.error.fewDistinct", distinct, k);
    }

    /** Number of distinct rows, counting no further than {@code limit}. */
    public int distinctPoints(int limit) {
        Set<RowKey> seen = new HashSet<>();
        for (int i = 0; i < n && seen.size() < limit; i++) seen.add(new RowKey(x, i * d, d));
        return seen.size();
    }

    private record RowKey(double[] x, int off, int d) {
        @Override public boolean equals(Object o) {
            return o instanceof RowKey r && Arrays.equals(x, off, off + d, r.x, r.off, r.off + r.d);
        }

        @Override public int hashCode() {
            int h = 1;
            for (int j = 0; j < d; j++) h = 31 * h + Double.hashCode(x[off + j] == 0.0 ? 0.0 : x[off + j]);
            return h;
        }
    }

    // ------------------------------------------------------------------------------------------------

    /**
     * Rows selected by the options' filter and then its subset, ascending: all the rows the filter keeps,
     * the given rows the filter keeps, or the top N by score among the rows the filter keeps.
     *
     * @throws UserException with an {@code eda.filter.*} key when the filter does not fit the dataset
     */
    static int[] subsetRows(Dataset ds, SegmentationOptions o) {
        int total = ds.rowCount();
        int[] kept = o.filter().isEmpty() ? null : o.filter().apply(ds).rows();
        return switch (o.subset()) {
            case AllRows a -> {
                if (kept != null) yield kept;
                int[] r = new int[total];
                for (int i = 0; i < total; i++) r[i] = i;
                yield r;
            }
            case Rows r -> {
                int[] rr = r.rows();
                if (rr.length > 0 && rr[rr.length - 1] >= total) throw new UserException("segment.options.rowOutOfRange", rr[rr.length - 1], total);
                if (kept == null) yield rr.clone();
                BitSet keep = new BitSet(total);
                for (int i : kept) keep.set(i);
                yield Arrays.stream(rr).filter(keep::get).toArray();
            }
            case TopN t -> {
                Column c = find(ds, t.scoreColumn());
                if (!c.type().isNumeric()) throw new UserException("segment.error.scoreNotNumeric", c.name());
                List<Integer> ok = new ArrayList<>();
                int candidates = kept == null ? total : kept.length;
                for (int j = 0; j < candidates; j++) {
                    int i = kept == null ? j : kept[j];
                    if (!c.isMissing(i) && !Double.isNaN(c.getDouble(i))) ok.add(i);
                }
                Integer[] idx = ok.toArray(new Integer[0]);
                Arrays.sort(idx, (a, b) -> {
                    int cmp = Double.compare(c.getDouble(b), c.getDouble(a));
                    return cmp != 0 ? cmp : Integer.compare(a, b);
                });
                int m = Math.min(t.n(), idx.length);
                int[] r = new int[m];
                for (int i = 0; i < m; i++) r[i] = idx[i];
                Arrays.sort(r);
                yield r;
            }
        };
    }

    static Column find(Dataset ds, String name) {
        return ds.find(name).orElseThrow(() -> new UserException("segment.error.unknownColumn", name, String.join(", ", ds.columnNames())));
    }

    /** Chooses numeric or categorical for a column by its type. */
    public static Feature autoFeature(Dataset ds, String column) {
        Column c = find(ds, column);
        ColumnType t = c.type();
        if (t.isNumeric() || t == ColumnType.BOOLEAN) return Feature.numeric(column);
        if (t.isString()) return Feature.categorical(column, 1.0);
        throw new UserException("segment.error.notUsable", column, t.key());
    }

    /**
     * Builds the matrix for the options on a dataset.
     *
     * @throws UserException for no features, an unknown or unusable column, an all-missing column, a
     *                       feature without variance, no rows left, log1p of a value ≤ −1, too many levels
     */
    public static FeatureMatrix build(Dataset ds, SegmentationOptions o) {
        List<Feature> features = o.features();
        if (features.isEmpty()) throw new UserException("segment.error.noFeatures");
        int[] base = subsetRows(ds, o);
        if (base.length == 0) throw new UserException("segment.error.noRows");
        int m = base.length;
        int f = features.size();
        double[][] num = new double[f][];
        int[][] codes = new int[f][];
        Column[] cols = new Column[f];
        for (int j = 0; j < f; j++) {
            Feature ft = features.get(j);
            Column c = find(ds, ft.column());
            cols[j] = c;
            if (ft.kind() == FeatureKind.NUMERIC) {
                if (!(c.type().isNumeric() || c.type() == ColumnType.BOOLEAN)) {
                    throw new UserException("segment.error.notNumeric", c.name(), c.type().key());
                }
                double[] v = new double[m];
                int present = 0;
                for (int i = 0; i < m; i++) {
                    double val = c.isMissing(base[i]) ? Double.NaN : c.getDouble(base[i]);
                    if (Double.isInfinite(val)) val = Double.NaN;
                    v[i] = val;
                    if (!Double.isNaN(val)) present++;
                }
                if (present == 0) throw new UserException("segment.error.allMissing", c.name());
                num[j] = v;
            } else {
                if (!(c instanceof StringColumn sc)) throw new UserException("segment.error.notCategorical", c.name(), c.type().key());
                int[] v = new int[m];
                int present = 0;
                for (int i = 0; i < m; i++) {
                    v[i] = sc.code(base[i]);
                    if (v[i] >= 0) present++;
                }
                if (present == 0) throw new UserException("segment.error.allMissing", c.name());
                codes[j] = v;
            }
        }

        // Missing values: drop rows or fill with median / mode.
        boolean[] keep = new boolean[m];
        Arrays.fill(keep, true);
        int kept = m;
        if (o.missing() == MissingPolicy.DROP) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < f && keep[i]; j++) {
                    if (num[j] != null ? Double.isNaN(num[j][i]) : codes[j][i] < 0) keep[i] = false;
                }
                if (!keep[i]) kept--;
            }
            if (kept == 0) throw new UserException("segment.error.noRowsLeft", m);
        }
        int[] rows = new int[kept];
        for (int i = 0, r = 0; i < m; i++) if (keep[i]) rows[r++] = base[i];

        int imputed = 0;
        List<FeatureTransform> fts = new ArrayList<>();
        int dim = 0;
        double[][] tvals = new double[f][];
        int[][] kcodes = new int[f][];
        for (int j = 0; j < f; j++) {
            Feature ft = features.get(j);
            if (num[j] != null) {
                double[] v = new double[kept];
                double fill = Double.NaN;
                if (o.missing() == MissingPolicy.IMPUTE) fill = medianIgnoringNaN(num[j]);
                for (int i = 0, r = 0; i < m; i++) {
                    if (!keep[i]) continue;
                    double val = num[j][i];
                    if (Double.isNaN(val)) { val = fill; imputed++; }
                    if (ft.transform() == Transform.LOG1P && !(val > -1)) {
                        throw new UserException("segment.error.log1pDomain", ft.column(), val);
                    }
                    v[r++] = ft.transform() == Transform.LOG1P ? Math.log1p(val) : val;
                }
                double[] sorted = v.clone();
                Arrays.sort(sorted);
                double mean = 0;
                for (double t : v) mean += t;
                mean /= kept;
                double ss = 0;
                for (double t : v) ss += (t - mean) * (t - mean);
                double sd = Math.sqrt(ss / kept);
                double min = sorted[0];
                double max = sorted[kept - 1];
                if (!(max > min)) throw new UserException("segment.error.noVariance", ft.column(), original(ft, min));
                double median = quantile(sorted, 0.5);
                double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
                double center;
                double scale;
                switch (o.scaling()) {
                    case ZSCORE -> { center = mean; scale = sd; }
                    case ROBUST -> { center = median; scale = iqr > 0 ? iqr : sd; }
                    case MINMAX -> { center = min; scale = max - min; }
                    default -> { center = 0; scale = 1; }
                }
                fts.add(new FeatureTransform(ft.column(), FeatureKind.NUMERIC, ft.transform(), ft.weight(), o.scaling(),
                        center, scale, mean, sd, median, iqr, min, max, fill, List.of(), null, dim));
                tvals[j] = v;
                dim += 1;
            } else {
                StringColumn sc = (StringColumn) cols[j];
                String[] dict = sc.dictionary();
                int[] counts = new int[dict.length];
                for (int i = 0; i < m; i++) if (keep[i] && codes[j][i] >= 0) counts[codes[j][i]]++;
                int mode = -1;
                if (o.missing() == MissingPolicy.IMPUTE) {
                    for (int l = 0; l < dict.length; l++) if (mode < 0 || counts[l] > counts[mode]) mode = l;
                    for (int i = 0; i < m; i++) if (keep[i] && codes[j][i] < 0) counts[mode]++;
                }
                int[] levelOf = new int[dict.length];
                List<String> levels = new ArrayList<>();
                for (int l = 0; l < dict.length; l++) {
                    levelOf[l] = counts[l] > 0 ? levels.size() : -1;
                    if (counts[l] > 0) levels.add(dict[l]);
                }
                if (levels.size() < 2) throw new UserException("segment.error.noVariance", ft.column(), levels.isEmpty() ? "" : levels.get(0));
                if (levels.size() > MAX_LEVELS) throw new UserException("segment.error.tooManyLevels", ft.column(), levels.size(), MAX_LEVELS);
                int[] kc = new int[kept];
                for (int i = 0, r = 0; i < m; i++) {
                    if (!keep[i]) continue;
                    int c = codes[j][i];
                    if (c < 0) { c = mode; imputed++; }
                    kc[r++] = levelOf[c];
                }
                kcodes[j] = kc;
                fts.add(new FeatureTransform(ft.column(), FeatureKind.CATEGORICAL, Transform.NONE, ft.weight(), o.scaling(),
                        0, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, levels,
                        mode >= 0 ? dict[mode] : null, dim));
                dim += levels.size();
            }
        }
        int d = dim;
        if ((long) kept * d > Integer.MAX_VALUE - 16) throw new UserException("segment.error.tooLarge", kept, d);
        double[] x = new double[kept * d];
        for (int j = 0; j < f; j++) {
            FeatureTransform t = fts.get(j);
            int off = t.firstDim();
            if (tvals[j] != null) {
                double[] v = tvals[j];
                double c = t.center();
                double s = t.weight() / t.scale();
                for (int i = 0; i < kept; i++) x[i * d + off] = (v[i] - c) * s;
            } else {
                int[] kc = kcodes[j];
                double w = t.weight();
                for (int i = 0; i < kept; i++) x[i * d + off + kc[i]] = w;
            }
        }
        return new FeatureMatrix(x, kept, d, rows, new FittedTransform(fts), ds.rowCount(), m, m - kept, imputed);
    }

    private static Object original(Feature ft, double t) {
        return ft.transform() == Transform.LOG1P ? Math.expm1(t) : t;
    }

    static double medianIgnoringNaN(double[] v) {
        double[] s = Arrays.stream(v).filter(a -> !Double.isNaN(a)).sorted().toArray();
        return quantile(s, 0.5);
    }

    /** Quantile of sorted values with linear interpolation (numpy's default). */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }
}
