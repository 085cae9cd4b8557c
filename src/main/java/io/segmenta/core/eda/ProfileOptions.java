package io.segmenta.core.eda;

import io.segmenta.core.util.UserException;

/**
 * What {@link ColumnProfiler#profile} computes.
 *
 * @param filter   rows to profile ({@link RowFilter#NONE} = all)
 * @param target   the target column for the leakage check, or null for none
 * @param positive the target value counted as positive (e.g. "yes"), or null to choose it automatically
 *                 (see {@link TargetSpec})
 * @param topN     how many top values to list for categorical, text and boolean columns (1–100)
 */
public record ProfileOptions(RowFilter filter, String target, String positive, int topN) {
    public static final int DEFAULT_TOP_N = 5;
    public static final int MAX_TOP_N = 100;

    public ProfileOptions {
        filter = filter == null ? RowFilter.NONE : filter;
        target = target == null || target.isBlank() ? null : target;
        positive = positive == null || positive.isBlank() ? null : positive;
        if (topN < 1 || topN > MAX_TOP_N) throw new UserException("eda.options.topN", topN, MAX_TOP_N);
    }

    /** All rows, no target, {@value #DEFAULT_TOP_N} top values. */
    public static ProfileOptions defaults() { return new ProfileOptions(RowFilter.NONE, null, null, DEFAULT_TOP_N); }

    public ProfileOptions withFilter(RowFilter f) { return new ProfileOptions(f, target, positive, topN); }

    public ProfileOptions withTarget(String t) { return new ProfileOptions(filter, t, positive, topN); }

    public ProfileOptions withTarget(String t, String positiveValue) { return new ProfileOptions(filter, t, positiveValue, topN); }

    public ProfileOptions withTopN(int n) { return new ProfileOptions(filter, target, positive, n); }
}
