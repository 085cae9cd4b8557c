package io.segmenta.core.segment;

import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How reproducible the segments of one k are: k-means is run several times and every pair of runs is
 * compared with the adjusted Rand index on the same rows (1 = identical partitions, about 0 = chance).
 * <ul>
 *   <li>{@link Mode#SEEDS}: each run on the same rows with a different seed;</li>
 *   <li>{@link Mode#BOOTSTRAP}: each run on a bootstrap sample (rows drawn with replacement) and then
 *       every evaluated row assigned to its nearest centre.</li>
 * </ul>
 * Above {@code maxRows} rows the evaluation uses a seeded random sample of that many rows.
 */
public final class Stability {
    public static final int DEFAULT_RUNS = 5;
    public static final int DEFAULT_MAX_ROWS = 20_000;

    private Stability() { }

    public enum Mode { SEEDS, BOOTSTRAP }

    /**
     * @param meanAri mean adjusted Rand index over all pairs of runs
     * @param minAri  lowest pairwise index
     * @param rows    rows compared
     */
    public record Result(int k, Mode mode, int runs, double meanAri, double minAri, int rows) {
        /** A plain verdict: stable (≥ 0.9), fairly stable (≥ 0.75) or unstable. */
        public String verdict(Locale l) {
            String key = meanAri >= 0.9 ? "segment.stability.stable" : meanAri >= 0.75 ? "segment.stability.fair" : "segment.stability.unstable";
            return I18n.tr(l, key, meanAri, k);
        }
    }

    public static Result assess(FeatureMatrix m, int k, Mode mode, int runs, int restarts, long seed, int maxRows,
                                int threads, TaskContext ctx) {
        if (runs < 2) throw new IllegalArgumentException("runs < 2");
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        m.checkK(k);
        int d = m.d();
        int[] eval = ClusterMetrics.sampleRows(m.n(), maxRows, seed);
        int e = eval.length;
        double[] xe = new double[e * d];
        for (int i = 0; i < e; i++) System.arraycopy(m.data(), eval[i] * d, xe, i * d, d);
        double tol = KMeans.absoluteTolerance(m, 1e-4);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<int[]> labelings = new ArrayList<>();
        try (Workers w = new Workers(threads, c)) {
            for (int r = 0; r < runs; r++) {
                c.checkCancelled();
                c.progress(r, runs, I18n.tr("segment.progress.stability", r + 1, runs));
                long runSeed = rnd.nextLong();
                if (mode == Mode.SEEDS) {
                    labelings.add(KMeans.fit(xe, e, d, k, restarts, runSeed, 300, tol, w, null).labels());
                } else {
                    SplittableRandom br = new SplittableRandom(runSeed);
                    double[] xb = new double[e * d];
                    for (int i = 0; i < e; i++) System.arraycopy(xe, br.nextInt(e) * d, xb, i * d, d);
                    KMeans.Result fit = KMeans.fit(xb, e, d, k, restarts, br.nextLong(), 300, tol, w, null);
                    labelings.add(KMeans.predict(xe, e, d, fit.centroids(), k, w));
                }
            }
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        int pairs = 0;
        for (int a = 0; a < labelings.size(); a++) {
            for (int b = a + 1; b < labelings.size(); b++) {
                double ari = ClusterMetrics.adjustedRand(labelings.get(a), labelings.get(b));
                sum += ari;
                min = Math.min(min, ari);
                pairs++;
            }
        }
        c.progress(runs, runs, I18n.tr("segment.progress.stability", runs, runs));
        return new Result(k, mode, runs, sum / pairs, min, e);
    }
}
