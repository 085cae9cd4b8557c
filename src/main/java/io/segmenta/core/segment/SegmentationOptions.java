package io.segmenta.core.segment;

import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that decides a segmentation, recorded with its result. Validated on construction: a bad
 * value throws a {@link UserException} with a {@code segment.options.*} key.
 *
 * @param features              the columns used, each numeric or categorical (one-hot) with its own
 *                              transform and weight; at least one
 * @param scaling               how numeric features are put on a common scale (one-hot columns are 0/weight)
 * @param missing               impute (median / mode) or drop rows with a missing feature
 * @param filter                conditions every row taking part must meet, applied before the subset
 *                              (so top N is taken among the rows the filter keeps); empty keeps every row
 * @param subset                which rows take part: all, given rows, or the top N by a score column
 * @param kMin                  smallest k of the elbow sweep, at least 2
 * @param kMax                  largest k of the elbow sweep, at least kMin, at most {@link #MAX_K}
 * @param restarts              k-means++ restarts per k (the best inertia wins), at least 1
 * @param seed                  random seed: the same options on the same data give the same result
 * @param silhouetteSampleSize  silhouette is exact up to this many rows, above it computed on a seeded
 *                              random sample of this many rows (at least 100)
 * @param maxIterations         Lloyd iterations per run at most
 * @param tolerance             relative tolerance: a run stops when the squared centre shift is at most
 *                              {@code tolerance} times the mean feature variance (as scikit-learn)
 */
public record SegmentationOptions(List<Feature> features, Scaling scaling, MissingPolicy missing, RowFilter filter, RowSubset subset,
                                  int kMin, int kMax, int restarts, long seed, int silhouetteSampleSize,
                                  int maxIterations, double tolerance) {

    public static final int MAX_K = 50;
    /** Largest feature weight: a feature 1,000 times another already decides the segments alone. */
    public static final double MAX_WEIGHT = 1000;
    public static final int DEFAULT_K_MIN = 2;
    public static final int DEFAULT_K_MAX = 10;
    public static final int DEFAULT_RESTARTS = 10;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_SILHOUETTE_SAMPLE = 10_000;
    public static final int DEFAULT_MAX_ITERATIONS = 300;
    public static final double DEFAULT_TOLERANCE = 1e-4;

    /** Kind of a feature. */
    public enum FeatureKind {
        /** Integer, decimal or boolean column used as a number. */
        NUMERIC,
        /** Categorical (or short text) column expanded to one 0/weight column per level. */
        CATEGORICAL;

        public String key() { return name().toLowerCase(Locale.ROOT); }

        public static FeatureKind fromKey(String k) { return valueOf(k.trim().toUpperCase(Locale.ROOT)); }
    }

    /** Per-feature transform applied before scaling. */
    public enum Transform {
        NONE, LOG1P;

        public String key() { return name().toLowerCase(Locale.ROOT); }

        public static Transform fromKey(String k) { return valueOf(k.trim().toUpperCase(Locale.ROOT)); }
    }

    /** Scaling of numeric features. */
    public enum Scaling {
        /** (x − mean) / standard deviation (population). */
        ZSCORE,
        /** (x − median) / interquartile range; the standard deviation when the IQR is 0. */
        ROBUST,
        /** (x − min) / (max − min). */
        MINMAX,
        /** Values as they are. */
        NONE;

        public String key() { return name().toLowerCase(Locale.ROOT); }

        public static Scaling fromKey(String k) {
            try {
                return valueOf(k.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserException("segment.options.badScaling", k);
            }
        }
    }

    /** What to do with rows where a feature is missing. */
    public enum MissingPolicy {
        /** Numeric: the median of the used rows; categorical: the most frequent level. */
        IMPUTE,
        /** Leave such rows out (the count is reported). */
        DROP;

        public String key() { return name().toLowerCase(Locale.ROOT); }

        public static MissingPolicy fromKey(String k) {
            try {
                return valueOf(k.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserException("segment.options.badMissing", k);
            }
        }
    }

    /**
     * One feature.
     *
     * @param column    dataset column name
     * @param kind      numeric or categorical
     * @param transform none or log1p (numeric only)
     * @param weight    multiplier after scaling (for one-hot columns the value of a present level); &gt; 0 and at
     *                  most {@link #MAX_WEIGHT} (beyond, squared distances overflow and every metric is NaN)
     */
    public record Feature(String column, FeatureKind kind, Transform transform, double weight) {
        public Feature {
            if (column == null || column.isBlank()) throw new UserException("segment.options.blankFeature");
            Objects.requireNonNull(kind, "kind");
            transform = transform == null ? Transform.NONE : transform;
            if (!(weight > 0) || !(weight <= MAX_WEIGHT)) throw new UserException("segment.options.badWeight", column, weight, MAX_WEIGHT);
            if (kind == FeatureKind.CATEGORICAL && transform != Transform.NONE) {
                throw new UserException("segment.options.transformOnCategory", column);
            }
        }

        public static Feature numeric(String column) { return new Feature(column, FeatureKind.NUMERIC, Transform.NONE, 1.0); }

        public static Feature log1p(String column) { return new Feature(column, FeatureKind.NUMERIC, Transform.LOG1P, 1.0); }

        public static Feature categorical(String column, double weight) {
            return new Feature(column, FeatureKind.CATEGORICAL, Transform.NONE, weight);
        }

        public Feature withWeight(double w) { return new Feature(column, kind, transform, w); }

        public Feature withTransform(Transform t) { return new Feature(column, kind, t, weight); }
    }

    /** Which rows take part. */
    public sealed interface RowSubset permits AllRows, Rows, TopN {
        /** Stable name for JSON. */
        String key();
    }

    /** Every row of the dataset. */
    public record AllRows() implements RowSubset {
        @Override public String key() { return "all"; }
    }

    /** The given dataset rows (0-based), e.g. from a filter; kept in ascending order without repeats. */
    public record Rows(int[] rows) implements RowSubset {
        public Rows {
            Objects.requireNonNull(rows, "rows");
            rows = Arrays.stream(rows).sorted().distinct().toArray();
            if (rows.length > 0 && rows[0] < 0) throw new UserException("segment.options.badRow", rows[0]);
        }

        @Override public String key() { return "rows"; }

        @Override public boolean equals(Object o) { return o instanceof Rows r && Arrays.equals(rows, r.rows); }

        @Override public int hashCode() { return Arrays.hashCode(rows); }

        @Override public String toString() { return "Rows[" + rows.length + " rows]"; }
    }

    /** The {@code n} rows with the highest value of a numeric score column (missing scores never taken). */
    public record TopN(String scoreColumn, int n) implements RowSubset {
        public TopN {
            if (scoreColumn == null || scoreColumn.isBlank()) throw new UserException("segment.options.blankScore");
            if (n < 1) throw new UserException("segment.options.badTopN", n);
        }

        @Override public String key() { return "top_n"; }
    }

    public SegmentationOptions {
        if (features == null || features.isEmpty()) throw new UserException("segment.error.noFeatures");
        features = List.copyOf(features);
        Set<String> seen = new HashSet<>();
        for (Feature f : features) {
            if (!seen.add(f.column())) throw new UserException("segment.options.duplicateFeature", f.column());
        }
        scaling = scaling == null ? Scaling.ZSCORE : scaling;
        missing = missing == null ? MissingPolicy.IMPUTE : missing;
        filter = filter == null ? RowFilter.NONE : filter;
        subset = subset == null ? new AllRows() : subset;
        if (kMin < 2) throw new UserException("segment.options.badKMin", kMin);
        if (kMax < kMin) throw new UserException("segment.options.badKRange", kMin, kMax);
        if (kMax > MAX_K) throw new UserException("segment.options.kTooLarge", kMax, MAX_K);
        if (restarts < 1 || restarts > 1000) throw new UserException("segment.options.badRestarts", restarts);
        if (silhouetteSampleSize < 100) throw new UserException("segment.options.badSample", silhouetteSampleSize);
        if (maxIterations < 1) throw new UserException("segment.options.badIterations", maxIterations);
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) throw new UserException("segment.options.badTolerance", tolerance);
    }

    /** Defaults: z-score, impute, no filter, all rows, k 2..10, 10 restarts, seed 42, silhouette sample 10,000. */
    public static SegmentationOptions of(List<Feature> features) {
        return new SegmentationOptions(features, Scaling.ZSCORE, MissingPolicy.IMPUTE, RowFilter.NONE, new AllRows(),
                DEFAULT_K_MIN, DEFAULT_K_MAX, DEFAULT_RESTARTS, DEFAULT_SEED, DEFAULT_SILHOUETTE_SAMPLE,
                DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
    }

    public static SegmentationOptions of(Feature... features) { return of(List.of(features)); }

    public List<String> featureColumns() {
        List<String> l = new ArrayList<>();
        for (Feature f : features) l.add(f.column());
        return l;
    }

    public SegmentationOptions withFeatures(List<Feature> f) {
        return new SegmentationOptions(f, scaling, missing, filter, subset, kMin, kMax, restarts, seed, silhouetteSampleSize, maxIterations, tolerance);
    }

    public SegmentationOptions withScaling(Scaling s) {
        return new SegmentationOptions(features, s, missing, filter, subset, kMin, kMax, restarts, seed, silhouetteSampleSize, maxIterations, tolerance);
    }

    public SegmentationOptions withMissing(MissingPolicy m) {
        return new SegmentationOptions(features, scaling, m, filter, subset, kMin, kMax, restarts, seed, silhouetteSampleSize, maxIterations, tolerance);
    }

    public SegmentationOptions withSubset(RowSubset s) {
        return new SegmentationOptions(features, scaling, missing, filter, s, kMin, kMax, restarts, seed, silhouetteSampleSize, maxIterations, tolerance);
    }

    /** The same options with these filter conditions (null or empty: every row). */
    public SegmentationOptions withFilter(RowFilter f) {
        return new SegmentationOptions(features, scaling, missing, f, subset, kMin, kMax, restarts, seed, silhouetteSampleSize, maxIterations, tolerance);
    }

    public SegmentationOptions withKRange(int min, int max) {
        return new SegmentationOptions(features, scaling, missing, filter, subset, min, max, restarts, seed, silhouetteSampleSize, maxIterations, tolerance);
    }

    public SegmentationOptions withRestarts(int r) {
        return new SegmentationOptions(features, scaling, missing, filter, subset, kMin, kMax, r, seed, silhouetteSampleSize, maxIterations, tolerance);
    }

    public SegmentationOptions withSeed(long s) {
        return new SegmentationOptions(features, scaling, missing, filter, subset, kMin, kMax, restarts, s, silhouetteSampleSize, maxIterations, tolerance);
    }

    public SegmentationOptions withSilhouetteSampleSize(int s) {
        return new SegmentationOptions(features, scaling, missing, filter, subset, kMin, kMax, restarts, seed, s, maxIterations, tolerance);
    }

    public SegmentationOptions withIterations(int maxIter, double tol) {
        return new SegmentationOptions(features, scaling, missing, filter, subset, kMin, kMax, restarts, seed, silhouetteSampleSize, maxIter, tol);
    }
}
