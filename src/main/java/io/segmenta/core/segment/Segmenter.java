package io.segmenta.core.segment;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fits the final model for a chosen k. Uses the same per-k seed as {@link ElbowSweep}, so the final
 * model is the sweep's best run for that k. Segments are renumbered by decreasing size.
 */
public final class Segmenter {
    private Segmenter() { }

    public static Segmentation fit(Dataset ds, SegmentationOptions o, int k, SweepResult sweep, TaskContext ctx) {
        return fit(ds, FeatureMatrix.build(ds, o), o, k, sweep, Workers.defaultThreads(), ctx);
    }

    /**
     * @param m     the matrix built from {@code ds} and {@code o} (reuse the one of the sweep)
     * @param sweep the sweep the choice was made on, or null
     */
    public static Segmentation fit(Dataset ds, FeatureMatrix m, SegmentationOptions o, int k, SweepResult sweep, int threads,
                                   TaskContext ctx) {
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        // as for the elbow sweep: segments are for people to read, and k-means cost grows with k (k = 19,000 ran for minutes)
        if (k > SegmentationOptions.MAX_K) throw new UserException("segment.options.kTooLarge", k, SegmentationOptions.MAX_K);
        m.checkK(k);
        double tol = KMeans.absoluteTolerance(m, o.tolerance());
        KMeans.Result r;
        ClusterMetrics.Values v;
        long t0 = System.nanoTime();
        try (Workers w = new Workers(threads, c)) {
            int[] done = {0};
            r = KMeans.fit(m.data(), m.n(), m.d(), k, o.restarts(), ElbowSweep.seedFor(o.seed(), k), o.maxIterations(), tol, w,
                    () -> c.progress(++done[0], o.restarts() + 1L, I18n.tr("segment.progress.fit", k)));
            v = ClusterMetrics.compute(m.data(), m.n(), m.d(), r.labels(), k, o.silhouetteSampleSize(), o.seed(), w);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        c.progress(o.restarts() + 1L, o.restarts() + 1L, I18n.tr("segment.progress.fit", k));

        // Renumber by decreasing size (ties: original order).
        int[] size = new int[k];
        for (int a : r.labels()) size[a]++;
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(a, b));
        int[] newOf = new int[k];
        for (int i = 0; i < k; i++) newOf[order[i]] = i;
        int d = m.d();
        double[] cent = new double[k * d];
        for (int i = 0; i < k; i++) System.arraycopy(r.centroids(), order[i] * d, cent, i * d, d);
        int[] assignment = new int[m.n()];
        for (int i = 0; i < assignment.length; i++) assignment[i] = newOf[r.labels()[i]];

        KResult kr = new KResult(k, r.inertia(), v.silhouette(), v.silhouetteRows(), v.calinskiHarabasz(), v.daviesBouldin(),
                secs, r.iterations(), r.converged());
        return new Segmentation(ds.name(), ds.rowCount(), o, sweep == null ? List.of() : sweep.results(),
                sweep == null ? null : sweep.suggestedK(), sweep == null ? null : sweep.bestSilhouetteK(), k, m.transform(), cent,
                m.rows().clone(), assignment, defaultNames(k, I18n.locale()), kr, m.subsetRows(), m.droppedRows(),
                m.imputedCells(), null);
    }

    /** "Segment 1" … "Segment k" in the given language. */
    public static List<String> defaultNames(int k, Locale l) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= k; i++) names.add(I18n.tr(l, "segment.defaultName", i));
        return names;
    }
}
