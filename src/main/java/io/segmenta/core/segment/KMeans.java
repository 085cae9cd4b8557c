package io.segmenta.core.segment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means written for this project: greedy k-means++ seeding (as scikit-learn, but with
 * {@link #TRIAL_FACTOR} times its {@code 2 + ln k} candidate centres per step; the one that lowers the
 * potential most wins) and Lloyd iterations over a dense
 * row-major matrix, parallel over chunks of rows with per-chunk partial sums reduced in chunk order (so a
 * seed gives the same result on any number of threads).
 *
 * <p>Stopping follows scikit-learn's Lloyd: stop when no label changed ("strict convergence") or when
 * the sum of squared centre shifts is at most {@code tol}; after a tolerance stop the labels are
 * recomputed for the final centres. Empty clusters are moved to the points farthest from their centres.
 * The inertia is the sum of squared distances of the points to the centre of their label.
 */
public final class KMeans {
    /**
     * Candidate centres per k-means++ step: three times scikit-learn's {@code 2 + ln k}. Seeding costs a
     * few passes over the data against tens of Lloyd passes, and the greedier choice reaches the best local
     * minimum more often (on 1M x 10 blobs with one restart: k = 6 in 16 of 20 seeds against 10 of 20).
     */
    static final int TRIAL_FACTOR = 3;

    private KMeans() { }

    /**
     * One k-means solution.
     *
     * @param centroids  row-major {@code k × d}, in matrix (scaled) units
     * @param labels     cluster of each matrix row, 0..k-1
     * @param inertia    within-cluster sum of squares
     * @param iterations Lloyd iterations of the winning run
     * @param converged  whether the winning run stopped before the iteration limit
     * @param restart    which restart won (0-based)
     */
    public record Result(int k, int d, double[] centroids, int[] labels, double inertia, int iterations, boolean converged,
                         int restart) {
        /** Centroid {@code c} as a new array. */
        public double[] centroid(int c) { return Arrays.copyOfRange(centroids, c * d, c * d + d); }
    }

    /** Absolute tolerance for a relative one: {@code tol × mean column variance}, as scikit-learn. */
    public static double absoluteTolerance(FeatureMatrix m, double relative) { return relative * m.meanVariance(); }

    /**
     * The best of {@code restarts} runs (lowest inertia; the earliest on a tie), each seeded k-means++
     * then Lloyd. Restart {@code r} draws from the r-th value of a {@link SplittableRandom} seeded with
     * {@code seed}.
     *
     * @param afterRestart called after each restart (for progress), may be null
     */
    public static Result fit(double[] x, int n, int d, int k, int restarts, long seed, int maxIter, double tol,
                             Workers w, Runnable afterRestart) {
        if (k < 1 || k > n) throw new IllegalArgumentException("k = " + k + " for " + n + " rows");
        SplittableRandom root = new SplittableRandom(seed);
        Scratch s = new Scratch(n, k);
        Result best = null;
        for (int r = 0; r < restarts; r++) {
            SplittableRandom rnd = new SplittableRandom(root.nextLong());
            double[] init = initPlusPlus(x, n, d, k, rnd, w, s);
            Result run = lloyd(x, n, d, k, init, maxIter, tol, w, s, r);
            if (best == null || run.inertia() < best.inertia()) {
                best = new Result(k, d, run.centroids(), run.labels().clone(), run.inertia(), run.iterations(), run.converged(), r);
            }
            if (afterRestart != null) afterRestart.run();
        }
        return best;
    }

    /** Lloyd from the given initial centres ({@code k × d}, row-major), as scikit-learn's {@code init=array, n_init=1}. */
    public static Result lloyd(double[] x, int n, int d, int k, double[] init, int maxIter, double tol, Workers w) {
        Scratch s = new Scratch(n, k);
        Result r = lloyd(x, n, d, k, init, maxIter, tol, w, s, 0);
        return new Result(k, d, r.centroids(), r.labels().clone(), r.inertia(), r.iterations(), r.converged(), 0);
    }

    /** Label of the nearest centre for every row (ties to the lowest index). */
    public static int[] predict(double[] x, int n, int d, double[] centers, int k, Workers w) {
        int[] labels = new int[n];
        w.forEachChunk(Workers.chunks(n), ch -> {
            int from = ch * Workers.CHUNK;
            int to = Math.min(n, from + Workers.CHUNK);
            for (int i = from; i < to; i++) labels[i] = nearest(x, i * d, d, centers, k);
        });
        return labels;
    }

    static int nearest(double[] x, int off, int d, double[] centers, int k) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double acc = sq(x, off, centers, c * d, d);
            if (acc < bestD) { bestD = acc; best = c; }
        }
        return best;
    }

    static double sq(double[] a, int ao, double[] b, int bo, int d) {
        double acc = 0;
        for (int j = 0; j < d; j++) {
            double t = a[ao + j] - b[bo + j];
            acc += t * t;
        }
        return acc;
    }

    /** Buffers reused across the restarts of one fit. */
    static final class Scratch {
        final int[] labels;
        final double[] dist;
        final double[] closest;
        final int chunks;
        final double[] chunkSum;

        Scratch(int n, int k) {
            labels = new int[n];
            dist = new double[n];
            closest = new double[n];
            chunks = Workers.chunks(n);
            chunkSum = new double[chunks];
        }

        private double[] norms;

        /** ||x_i||^2 of every row, computed once per fit. */
        double[] norms(double[] x, int d, Workers w) {
            if (norms == null) {
                int n = labels.length;
                double[] nr = new double[n];
                w.forEachChunk(chunks, ch -> {
                    int from = ch * Workers.CHUNK;
                    int to = Math.min(n, from + Workers.CHUNK);
                    for (int i = from; i < to; i++) {
                        double a = 0;
                        for (int j = 0; j < d; j++) a += x[i * d + j] * x[i * d + j];
                        nr[i] = a;
                    }
                });
                norms = nr;
            }
            return norms;
        }
    }

    // ---- k-means++ ----------------------------------------------------------------------------------

    static double[] initPlusPlus(double[] x, int n, int d, int k, SplittableRandom rnd, Workers w, Scratch s) {
        double[] centers = new double[k * d];
        int trials = TRIAL_FACTOR * (2 + (int) Math.log(k));
        int first = rnd.nextInt(n);
        System.arraycopy(x, first * d, centers, 0, d);
        double[] closest = s.closest;
        double[] chunkSum = s.chunkSum;
        int chunks = s.chunks;
        updateClosest(x, n, d, centers, 0, closest, chunkSum, true, w);
        double pot = sum(chunkSum);
        double[] partial = new double[chunks * trials];
        int[] cand = new int[trials];
        for (int c = 1; c < k; c++) {
            for (int t = 0; t < trials; t++) cand[t] = search(closest, chunkSum, n, rnd.nextDouble() * pot);
            Arrays.fill(partial, 0);
            w.forEachChunk(chunks, ch -> {
                int from = ch * Workers.CHUNK;
                int to = Math.min(n, from + Workers.CHUNK);
                int po = ch * trials;
                for (int t = 0; t < trials; t++) {
                    int co = cand[t] * d;
                    double acc = 0;
                    for (int i = from; i < to; i++) {
                        double dd = sq(x, i * d, x, co, d);
                        acc += Math.min(dd, closest[i]);
                    }
                    partial[po + t] = acc;
                }
            });
            int bestT = 0;
            double bestPot = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double p = 0;
                for (int ch = 0; ch < chunks; ch++) p += partial[ch * trials + t];
                if (p < bestPot) { bestPot = p; bestT = t; }
            }
            System.arraycopy(x, cand[bestT] * d, centers, c * d, d);
            updateClosest(x, n, d, centers, c, closest, chunkSum, false, w);
            pot = sum(chunkSum);
        }
        return centers;
    }

    private static void updateClosest(double[] x, int n, int d, double[] centers, int c, double[] closest, double[] chunkSum,
                                      boolean first, Workers w) {
        int co = c * d;
        w.forEachChunk(chunkSum.length, ch -> {
            int from = ch * Workers.CHUNK;
            int to = Math.min(n, from + Workers.CHUNK);
            double acc = 0;
            for (int i = from; i < to; i++) {
                double dd = sq(x, i * d, centers, co, d);
                double v = first ? dd : Math.min(dd, closest[i]);
                closest[i] = v;
                acc += v;
            }
            chunkSum[ch] = acc;
        });
    }

    /** First index whose cumulative sum of {@code weights} reaches {@code r} (numpy searchsorted, clipped). */
    private static int search(double[] weights, double[] chunkSum, int n, double r) {
        double acc = 0;
        for (int ch = 0; ch < chunkSum.length; ch++) {
            if (acc + chunkSum[ch] >= r) {
                int from = ch * Workers.CHUNK;
                int to = Math.min(n, from + Workers.CHUNK);
                for (int i = from; i < to; i++) {
                    acc += weights[i];
                    if (acc >= r) return i;
                }
                return to - 1;
            }
            acc += chunkSum[ch];
        }
        return n - 1;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }

    // ---- Lloyd ----------------------------------------------------------------------------------------

    /*
     * Lloyd's algorithm with Hamerly's bounds (G. Hamerly, "Making k-means even faster", SDM 2010): every
     * point keeps an upper bound on the distance to its centre and a lower bound on the distance to the
     * second closest; after the centres move by p[c] the bounds are loosened by those moves, and a point
     * whose upper bound is below max(lower bound, half the distance from its centre to the nearest other
     * centre) cannot change cluster, so its k distances are skipped. The assignments are exactly Lloyd's;
     * the centre sums are recomputed from the labels every iteration (per chunk, in chunk order), so the
     * centres are exactly the textbook means. Distances for a full assignment use ||c||^2 - 2 x.c with the
     * centres transposed (k-wide inner loops the JIT vectorises), as scikit-learn does with BLAS.
     */
    private static Result lloyd(double[] x, int n, int d, int k, double[] init, int maxIter, double tol, Workers w, Scratch s,
                                int restart) {
        double[] centers = init.clone();
        double[] next = new double[k * d];
        int[] labels = s.labels;
        double[] upper = s.dist;
        double[] lower = s.closest;
        double[] xn = s.norms(x, d, w);
        int chunks = s.chunks;
        double[][] psum = new double[chunks][k * d];
        long[][] pcount = new long[chunks][k];
        int[] pchanged = new int[chunks];
        double[] move = new double[k];
        double[] half = new double[k];
        boolean strict = false;
        boolean stopped = false;
        boolean full = true;
        int iter = 0;
        long[] counts = new long[k];
        while (iter < maxIter) {
            double[] cc = centers;
            double[] ct = transpose(cc, k, d);
            double[] cn = norms(cc, k, d);
            halfGaps(cc, k, d, half);
            double maxMove = 0;
            double secondMove = 0;
            int maxIdx = -1;
            for (int c = 0; c < k; c++) {
                if (move[c] > maxMove) { secondMove = maxMove; maxMove = move[c]; maxIdx = c; }
                else if (move[c] > secondMove) secondMove = move[c];
            }
            boolean fullPass = full;
            double m1 = maxMove;
            double m2 = secondMove;
            int mi = maxIdx;
            w.forEachChunk(chunks, ch -> pchanged[ch] = assignChunk(x, xn, n, d, k, cc, ct, cn, half, move, m1, m2, mi, fullPass,
                    labels, upper, lower, ch, psum[ch], pcount[ch]));
            full = false;
            iter++;
            Arrays.fill(next, 0);
            Arrays.fill(counts, 0);
            long changed = 0;
            for (int ch = 0; ch < chunks; ch++) {
                double[] ps = psum[ch];
                for (int j = 0; j < k * d; j++) next[j] += ps[j];
                for (int c = 0; c < k; c++) counts[c] += pcount[ch][c];
                changed += pchanged[ch];
            }
            if (relocateEmpty(x, n, d, k, labels, centers, next, counts, w)) full = true;
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    double inv = 1.0 / counts[c];
                    for (int j = 0; j < d; j++) next[c * d + j] *= inv;
                } else {
                    System.arraycopy(centers, c * d, next, c * d, d);
                }
            }
            double shift = 0;
            for (int c = 0; c < k; c++) {
                double m = sq(next, c * d, centers, c * d, d);
                shift += m;
                move[c] = Math.sqrt(m);
            }
            double[] tmp = centers;
            centers = next;
            next = tmp;
            if (changed == 0) { strict = true; stopped = true; break; }
            if (shift <= tol) { stopped = true; break; }
        }
        double[] fc = centers;
        double[] pin = new double[chunks];
        if (strict) {
            w.forEachChunk(chunks, ch -> {
                int from = ch * Workers.CHUNK;
                int to = Math.min(n, from + Workers.CHUNK);
                double acc = 0;
                for (int i = from; i < to; i++) acc += sq(x, i * d, fc, labels[i] * d, d);
                pin[ch] = acc;
            });
        } else {
            double[] ct = transpose(fc, k, d);
            double[] cn = norms(fc, k, d);
            w.forEachChunk(chunks, ch -> {
                int from = ch * Workers.CHUNK;
                int to = Math.min(n, from + Workers.CHUNK);
                double[] acc = new double[k];
                double total = 0;
                for (int i = from; i < to; i++) {
                    int best = dots(x, i * d, d, k, ct, cn, acc);
                    labels[i] = best;
                    total += sq(x, i * d, fc, best * d, d);
                }
                pin[ch] = total;
            });
        }
        return new Result(k, d, centers, labels, sum(pin), iter, stopped, restart);
    }

    private static double[] transpose(double[] c, int k, int d) {
        double[] t = new double[k * d];
        for (int a = 0; a < k; a++) for (int j = 0; j < d; j++) t[j * k + a] = c[a * d + j];
        return t;
    }

    private static double[] norms(double[] c, int k, int d) {
        double[] n = new double[k];
        for (int a = 0; a < k; a++) n[a] = sq(c, a * d, new double[d], 0, d);
        return n;
    }

    /** half[c] = half the distance from centre c to the nearest other centre. */
    private static void halfGaps(double[] c, int k, int d, double[] half) {
        Arrays.fill(half, Double.POSITIVE_INFINITY);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double g = 0.5 * Math.sqrt(sq(c, a * d, c, b * d, d));
                if (g < half[a]) half[a] = g;
                if (g < half[b]) half[b] = g;
            }
        }
    }

    /**
     * acc[c] = ||c||^2 - 2 x.c for every centre (the squared distance less ||x||^2); returns the index of
     * the smallest (the lowest on a tie).
     */
    private static int dots(double[] x, int off, int d, int k, double[] ct, double[] cn, double[] acc) {
        System.arraycopy(cn, 0, acc, 0, k);
        for (int j = 0; j < d; j++) {
            double xj = -2 * x[off + j];
            int b = j * k;
            for (int c = 0; c < k; c++) acc[c] += xj * ct[b + c];
        }
        int best = 0;
        double bestD = acc[0];
        for (int c = 1; c < k; c++) if (acc[c] < bestD) { bestD = acc[c]; best = c; }
        return best;
    }

    /** One chunk of an iteration: bounds, (re)assignment, then the chunk's centre sums from the labels. */
    private static int assignChunk(double[] x, double[] xn, int n, int d, int k, double[] centers, double[] ct, double[] cn,
                                   double[] half, double[] move, double maxMove, double secondMove, int maxIdx, boolean full,
                                   int[] labels, double[] upper, double[] lower, int ch, double[] sums, long[] counts) {
        int from = ch * Workers.CHUNK;
        int to = Math.min(n, from + Workers.CHUNK);
        double[] acc = new double[k];
        int changed = 0;
        for (int i = from; i < to; i++) {
            int off = i * d;
            int a = labels[i];
            if (!full) {
                double u = upper[i] + move[a];
                double l = lower[i] - (a == maxIdx ? secondMove : maxMove);
                double z = Math.max(l, half[a]);
                if (u <= z) { upper[i] = u; lower[i] = l; continue; }
                u = Math.sqrt(sq(x, off, centers, a * d, d));
                if (u <= z) { upper[i] = u; lower[i] = l; continue; }
            }
            int best = dots(x, off, d, k, ct, cn, acc);
            double second = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) if (c != best && acc[c] < second) second = acc[c];
            if (best != a) { changed++; labels[i] = best; }
            upper[i] = Math.sqrt(Math.max(0, xn[i] + acc[best]));
            lower[i] = k == 1 ? Double.POSITIVE_INFINITY : Math.sqrt(Math.max(0, xn[i] + second));
        }
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0);
        for (int i = from; i < to; i++) {
            int so = labels[i] * d;
            int off = i * d;
            counts[labels[i]]++;
            for (int j = 0; j < d; j++) sums[so + j] += x[off + j];
        }
        return changed;
    }

    /**
     * Gives each empty cluster the point farthest from its (old) centre, taking it out of its cluster's
     * sums, as scikit-learn does (labels are left for the next assignment). Returns whether any moved.
     */
    private static boolean relocateEmpty(double[] x, int n, int d, int k, int[] labels, double[] oldCenters, double[] sums,
                                         long[] counts, Workers w) {
        int empty = 0;
        for (int c = 0; c < k; c++) if (counts[c] == 0) empty++;
        if (empty == 0) return false;
        double[] dist = new double[n];
        w.forEachChunk(Workers.chunks(n), ch -> {
            int from = ch * Workers.CHUNK;
            int to = Math.min(n, from + Workers.CHUNK);
            for (int i = from; i < to; i++) dist[i] = sq(x, i * d, oldCenters, labels[i] * d, d);
        });
        boolean[] taken = new boolean[n];
        for (int c = 0; c < k; c++) {
            if (counts[c] != 0) continue;
            int far = -1;
            for (int i = 0; i < n; i++) if (!taken[i] && (far < 0 || dist[i] > dist[far])) far = i;
            if (far < 0) break;
            taken[far] = true;
            int old = labels[far];
            for (int j = 0; j < d; j++) {
                sums[old * d + j] -= x[far * d + j];
                sums[c * d + j] = x[far * d + j];
            }
            counts[old]--;
            counts[c] = 1;
        }
        return true;
    }

}
