package io.segmenta.core.segment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means written for this project: greedy k-means++ seeding (as scikit-learn: {@code 2 + ln k} candidate
 * centres per step, sampled in proportion to the squared distance to the closest centre so far; the one
 * that lowers the potential most wins) and Lloyd iterations over a dense
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
     * Candidate centres per k-means++ step, as a multiple of scikit-learn's {@code 2 + ln k}: 1, the same
     * greedy seeding as scikit-learn, so both draw their local minima from the same distribution. Three
     * times as many cost about 30% more CPU time for the whole sweep of {@code bench kmeans} (1M x 10,
     * k = 2..10, 3 restarts), where the per-k median inertia over 5 seeds already matches scikit-learn's.
     */
    static final int TRIAL_FACTOR = 1;

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
            Block b = new Block(d);
            for (int s0 = from; s0 < to; s0 += BLOCK) {
                int m = Math.min(BLOCK, to - s0);
                b.gather(x, d, s0, m);
                b.nearest(centers, k, d, m);
                System.arraycopy(b.label, 0, labels, s0, m);
            }
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

    /**
     * Buffers reused across the restarts of one fit: {@code trials(k) + 1} arrays of n doubles. k-means++
     * keeps the squared distance of every row to its closest centre in one and the same with each candidate
     * added in the others (the winner's array becomes the next closest, no extra pass); Lloyd uses two of
     * them for its bounds.
     */
    static final class Scratch {
        final int[] labels;
        final double[][] pool;
        final int chunks;
        final double[] chunkSum;

        Scratch(int n, int k) {
            labels = new int[n];
            pool = new double[Math.max(2, trials(k) + 1)][n];
            chunks = Workers.chunks(n);
            chunkSum = new double[chunks];
        }
    }

    // ---- blocked distance kernel ---------------------------------------------------------------------

    /** Rows per block of the distance kernel: the block's columns ({@code d × BLOCK} doubles) stay in L1. */
    static final int BLOCK = 256;
    /** Distance between the block's columns: not a multiple of 4 KiB, so the columns do not alias in the caches. */
    private static final int STRIDE = BLOCK + 8;

    /**
     * A block of up to {@link #BLOCK} rows copied column by column, so that the distance to one centre is a
     * loop over the rows (which the JIT vectorises) instead of a d-long reduction per row. The squared
     * distance of a row adds {@code (x_j − c_j)²} for j = 0..d−1 in order, exactly as {@link #sq} does, so
     * both give the same bits. One per task: never shared between threads.
     */
    static final class Block {
        final double[] xt;
        final double[] dist = new double[BLOCK];
        final double[] best = new double[BLOCK];
        final double[] second = new double[BLOCK];
        final int[] label = new int[BLOCK];
        final int[] rows = new int[BLOCK];

        Block(int d) { xt = new double[d * STRIDE]; }

        /** Copies rows {@code from..from+m-1}. */
        void gather(double[] x, int d, int from, int m) {
            for (int j = 0; j < d; j++) {
                int base = j * STRIDE;
                int off = from * d + j;
                for (int r = 0; r < m; r++) xt[base + r] = x[off + r * d];
            }
        }

        /** Copies the rows {@code rows[0..m-1]}. */
        void gatherRows(double[] x, int d, int m) {
            for (int j = 0; j < d; j++) {
                int base = j * STRIDE;
                for (int r = 0; r < m; r++) xt[base + r] = x[rows[r] * d + j];
            }
        }

        /** dist[r] = squared distance of block row r to {@code c[co..co+d-1]}. */
        void distTo(double[] c, int co, int d, int m) {
            double[] t = xt;
            double[] out = dist;
            double c0 = c[co];
            for (int r = 0; r < m; r++) {
                double v = t[r] - c0;
                out[r] = v * v;
            }
            for (int j = 1; j < d; j++) {
                double cj = c[co + j];
                int base = j * STRIDE;
                for (int r = 0; r < m; r++) {
                    double v = t[base + r] - cj;
                    out[r] += v * v;
                }
            }
        }

        /** label/best/second: nearest centre (the lowest index on a tie), its squared distance, the next one's. */
        void nearest(double[] centers, int k, int d, int m) {
            Arrays.fill(best, 0, m, Double.POSITIVE_INFINITY);
            Arrays.fill(second, 0, m, Double.POSITIVE_INFINITY);
            Arrays.fill(label, 0, m, 0);
            for (int c = 0; c < k; c++) {
                distTo(centers, c * d, d, m);
                for (int r = 0; r < m; r++) {
                    double v = dist[r];
                    double bv = best[r];
                    boolean lt = v < bv;
                    second[r] = lt ? bv : Math.min(second[r], v);
                    best[r] = lt ? v : bv;
                    label[r] = lt ? c : label[r];
                }
            }
        }
    }

    /** Sum of {@code a[0..m-1]} with four interleaved accumulators (a fixed order: deterministic). */
    private static double sum4(double[] a, int m) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int r = 0;
        for (; r + 3 < m; r += 4) {
            s0 += a[r];
            s1 += a[r + 1];
            s2 += a[r + 2];
            s3 += a[r + 3];
        }
        for (; r < m; r++) s0 += a[r];
        return (s0 + s1) + (s2 + s3);
    }

    // ---- k-means++ ----------------------------------------------------------------------------------

    /** Candidate centres per greedy k-means++ step for {@code k} clusters. */
    static int trials(int k) { return TRIAL_FACTOR * (2 + (int) Math.log(k)); }

    static double[] initPlusPlus(double[] x, int n, int d, int k, SplittableRandom rnd, Workers w, Scratch s) {
        double[] centers = new double[k * d];
        int trials = trials(k);
        int first = rnd.nextInt(n);
        System.arraycopy(x, first * d, centers, 0, d);
        double[][] pool = s.pool;
        double[] chunkSum = s.chunkSum;
        int chunks = s.chunks;
        updateClosest(x, n, d, centers, 0, pool[trials], chunkSum, true, w);
        double pot = sum(chunkSum);
        double[] partial = new double[chunks * trials];
        int[] cand = new int[trials];
        double[] cx = new double[trials * d];
        for (int c = 1; c < k; c++) {
            double[] closest = pool[trials];
            for (int t = 0; t < trials; t++) {
                cand[t] = search(closest, chunkSum, n, rnd.nextDouble() * pot);
                System.arraycopy(x, cand[t] * d, cx, t * d, d);
            }
            w.forEachChunk(chunks, ch -> {
                int from = ch * Workers.CHUNK;
                int to = Math.min(n, from + Workers.CHUNK);
                Block b = new Block(d);
                double[] acc = new double[trials];
                for (int s0 = from; s0 < to; s0 += BLOCK) {
                    int m = Math.min(BLOCK, to - s0);
                    b.gather(x, d, s0, m);
                    double[] dist = b.dist;
                    for (int t = 0; t < trials; t++) {
                        b.distTo(cx, t * d, d, m);
                        double[] out = pool[t];
                        for (int r = 0; r < m; r++) {
                            double v = Math.min(dist[r], closest[s0 + r]);
                            dist[r] = v;
                            out[s0 + r] = v;
                        }
                        acc[t] += sum4(dist, m);
                    }
                }
                System.arraycopy(acc, 0, partial, ch * trials, trials);
            });
            int bestT = 0;
            double bestPot = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double p = 0;
                for (int ch = 0; ch < chunks; ch++) p += partial[ch * trials + t];
                if (p < bestPot) { bestPot = p; bestT = t; }
            }
            System.arraycopy(x, cand[bestT] * d, centers, c * d, d);
            // The winner's distances are the new closest ones: swap the arrays instead of another pass.
            pool[trials] = pool[bestT];
            pool[bestT] = closest;
            for (int ch = 0; ch < chunks; ch++) chunkSum[ch] = partial[ch * trials + bestT];
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
            Block b = new Block(d);
            double acc = 0;
            for (int s0 = from; s0 < to; s0 += BLOCK) {
                int m = Math.min(BLOCK, to - s0);
                b.gather(x, d, s0, m);
                b.distTo(centers, co, d, m);
                double[] dist = b.dist;
                for (int r = 0; r < m; r++) {
                    double v = first ? dist[r] : Math.min(dist[r], closest[s0 + r]);
                    closest[s0 + r] = v;
                    acc += v;
                }
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
     * centre) cannot change cluster, so its k distances are skipped. The assignments are exactly Lloyd's.
     * Every chunk keeps the sums of its points per cluster: recomputed from the labels on a full pass and
     * updated for the points that changed cluster otherwise, then reduced in chunk order (the centres are
     * the means of the labelled points up to rounding, independent of the thread count). The points whose bounds do not settle it are gathered in
     * blocks and their k squared distances computed directly (sum of squared differences, no
     * ||x||^2 - 2x.c cancellation) by the column-wise kernel of {@link Block}.
     */
    private static Result lloyd(double[] x, int n, int d, int k, double[] init, int maxIter, double tol, Workers w, Scratch s,
                                int restart) {
        double[] centers = init.clone();
        double[] next = new double[k * d];
        int[] labels = s.labels;
        // As scikit-learn's labels_old: the first assignment always counts as a change, whatever the labels
        // an earlier restart left in the shared buffer.
        Arrays.fill(labels, -1);
        double[] upper = s.pool[0];
        double[] lower = s.pool[1];
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
            w.forEachChunk(chunks, ch -> pchanged[ch] = assignChunk(x, n, d, k, cc, half, move, m1, m2, mi, fullPass,
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
            // Stopped on the tolerance or the iteration limit: label every point for the final centres (as
            // scikit-learn's last E-step), skipping the k distances wherever the bounds settle the label.
            double[] fhalf = new double[k];
            halfGaps(fc, k, d, fhalf);
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
            w.forEachChunk(chunks, ch -> pin[ch] = finalChunk(x, n, d, k, fc, fhalf, move, m1, m2, mi, fullPass, labels, upper,
                    lower, ch));
        }
        return new Result(k, d, centers, labels, sum(pin), iter, stopped, restart);
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

    /** Final labels of one chunk for the centres {@code fc}; returns the chunk's inertia (in row order). */
    private static double finalChunk(double[] x, int n, int d, int k, double[] fc, double[] half, double[] move, double maxMove,
                                     double secondMove, int maxIdx, boolean full, int[] labels, double[] upper, double[] lower,
                                     int ch) {
        int from = ch * Workers.CHUNK;
        int to = Math.min(n, from + Workers.CHUNK);
        Block b = new Block(d);
        double total = 0;
        for (int s0 = from; s0 < to; s0 += BLOCK) {
            int e = Math.min(to, s0 + BLOCK);
            int m = 0;
            for (int i = s0; i < e; i++) {
                if (!full) {
                    int a = labels[i];
                    double u = upper[i] + move[a];
                    double z = Math.max(lower[i] - (a == maxIdx ? secondMove : maxMove), half[a]);
                    if (u <= z) continue;
                    if (Math.sqrt(sq(x, i * d, fc, a * d, d)) <= z) continue;
                }
                b.rows[m++] = i;
            }
            if (m > 0) {
                b.gatherRows(x, d, m);
                b.nearest(fc, k, d, m);
                for (int r = 0; r < m; r++) labels[b.rows[r]] = b.label[r];
            }
            for (int i = s0; i < e; i++) total += sq(x, i * d, fc, labels[i] * d, d);
        }
        return total;
    }

    /**
     * One chunk of an iteration: bounds, (re)assignment and the chunk's centre sums. A full pass recomputes
     * the chunk's sums from the labels; a bounded pass only moves the points that changed cluster from one
     * sum to the other (so it reads the rows of those points alone).
     */
    private static int assignChunk(double[] x, int n, int d, int k, double[] centers, double[] half, double[] move,
                                   double maxMove, double secondMove, int maxIdx, boolean full, int[] labels, double[] upper,
                                   double[] lower, int ch, double[] sums, long[] counts) {
        int from = ch * Workers.CHUNK;
        int to = Math.min(n, from + Workers.CHUNK);
        Block b = new Block(d);
        int[] rows = b.rows;
        int m = 0;
        int changed = 0;
        for (int i = from; i < to; i++) {
            if (!full) {
                int a = labels[i];
                double u = upper[i] + move[a];
                double l = lower[i] - (a == maxIdx ? secondMove : maxMove);
                double z = Math.max(l, half[a]);
                if (u <= z) { upper[i] = u; lower[i] = l; continue; }
                u = Math.sqrt(sq(x, i * d, centers, a * d, d));
                if (u <= z) { upper[i] = u; lower[i] = l; continue; }
            }
            rows[m++] = i;
            if (m == BLOCK) {
                changed += reassign(b, x, d, k, centers, m, labels, upper, lower, full ? null : sums, counts);
                m = 0;
            }
        }
        if (m > 0) changed += reassign(b, x, d, k, centers, m, labels, upper, lower, full ? null : sums, counts);
        if (full) {
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            for (int i = from; i < to; i++) {
                int so = labels[i] * d;
                int off = i * d;
                counts[labels[i]]++;
                for (int j = 0; j < d; j++) sums[so + j] += x[off + j];
            }
        }
        return changed;
    }

    /**
     * Nearest centre for the block's rows; sets labels and exact bounds; when {@code sums} is given, moves
     * each point that changed cluster between the sums and counts. Returns how many labels changed.
     */
    private static int reassign(Block b, double[] x, int d, int k, double[] centers, int m, int[] labels, double[] upper,
                                double[] lower, double[] sums, long[] counts) {
        b.gatherRows(x, d, m);
        b.nearest(centers, k, d, m);
        int changed = 0;
        for (int r = 0; r < m; r++) {
            int i = b.rows[r];
            int lab = b.label[r];
            int old = labels[i];
            if (lab != old) {
                changed++;
                labels[i] = lab;
                if (sums != null) {
                    int off = i * d;
                    int so = old * d;
                    int sn = lab * d;
                    for (int j = 0; j < d; j++) {
                        sums[so + j] -= x[off + j];
                        sums[sn + j] += x[off + j];
                    }
                    counts[old]--;
                    counts[lab]++;
                }
            }
            upper[i] = Math.sqrt(b.best[r]);
            lower[i] = Math.sqrt(b.second[r]);
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
