package io.segmenta.core.segment;

import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs k-means for every k of the options' range with its restarts and computes the metrics, reporting
 * each k as soon as it is done (the GUI plots points as they arrive). Cancellable through the
 * {@link TaskContext}; the worker threads are always stopped on return.
 */
public final class ElbowSweep {
    private ElbowSweep() { }

    /** The seed k-means uses for {@code k}: the sweep and the final fit with the same options agree. */
    public static long seedFor(long seed, int k) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * k)).nextLong();
    }

    public static SweepResult run(FeatureMatrix m, SegmentationOptions o, Consumer<KResult> onK, TaskContext ctx) {
        return run(m, o, Workers.defaultThreads(), onK, ctx);
    }

    /**
     * @param onK called on the calling thread after each k (may be null)
     * @throws CancelledException when cancelled; the k finished before are lost to the caller except
     *                            through {@code onK}
     */
    public static SweepResult run(FeatureMatrix m, SegmentationOptions o, int threads, Consumer<KResult> onK, TaskContext ctx) {
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        m.checkK(o.kMax());
        double tol = KMeans.absoluteTolerance(m, o.tolerance());
        long total = (long) (o.kMax() - o.kMin() + 1) * (o.restarts() + 1);
        AtomicLong done = new AtomicLong();
        List<KResult> results = new ArrayList<>();
        try (Workers w = new Workers(threads, c)) {
            for (int k = o.kMin(); k <= o.kMax(); k++) {
                c.checkCancelled();
                int kk = k;
                c.progress(done.get(), total, I18n.tr("segment.progress.k", k, o.kMax()));
                long t0 = System.nanoTime();
                KMeans.Result r = KMeans.fit(m.data(), m.n(), m.d(), k, o.restarts(), seedFor(o.seed(), k), o.maxIterations(),
                        tol, w, () -> c.progress(done.incrementAndGet(), total, I18n.tr("segment.progress.k", kk, o.kMax())));
                ClusterMetrics.Values v = ClusterMetrics.compute(m.data(), m.n(), m.d(), r.labels(), k, o.silhouetteSampleSize(),
                        o.seed(), w);
                double secs = (System.nanoTime() - t0) / 1e9;
                KResult kr = new KResult(k, r.inertia(), v.silhouette(), v.silhouetteRows(), v.calinskiHarabasz(),
                        v.daviesBouldin(), secs, r.iterations(), r.converged());
                results.add(kr);
                c.progress(done.incrementAndGet(), total, I18n.tr("segment.progress.k", k, o.kMax()));
                if (onK != null) onK.accept(kr);
            }
        }
        return SweepResult.of(results);
    }
}
