package io.segmenta.core.model;

import io.segmenta.core.task.TaskContext;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Histogram tree growing shared by gradient boosting and the random forest. Numeric features are cut into
 * at most 255 quantile bins on the training rows; categorical features keep one bin per code and split
 * into two sets of categories (ordered by mean gradient, as LightGBM does) or, for boosting, one category
 * against the rest. Each node's histogram of
 * gradient and hessian (and row count, only when a minimum row count or row multiplicities ask for it) is
 * built from the rows of the smaller child only; the larger child's is the parent's minus it. Large
 * histograms are built in parallel over features, each feature by one worker in row order, so a tree does
 * not depend on the number of workers. Rows are partitioned in place and stably (ascending row order within
 * a node), which keeps the reads of bins and gradients sequential. Split gain is the second-order one of
 * XGBoost with an L2 penalty on leaf values; with gradient −y and hessian 1 it is the variance reduction of
 * a regression (or Gini-equivalent) tree.
 */
final class TreeLearner {
    /** Histogram updates (rows × features) from which a histogram is built in parallel. */
    private static final long PARALLEL_MIN_WORK = 1L << 16;

    final int n;
    final int p;
    final byte[] bins;
    final int[] nBins;
    final int[] offset;
    final int totalBins;
    final double[][] thresholds;
    final boolean[] categorical;

    private TreeLearner(int n, int p, byte[] bins, int[] nBins, double[][] thresholds, boolean[] categorical) {
        this.n = n;
        this.p = p;
        this.bins = bins;
        this.nBins = nBins;
        this.thresholds = thresholds;
        this.categorical = categorical;
        this.offset = new int[p];
        int o = 0;
        for (int f = 0; f < p; f++) { offset[f] = o; o += nBins[f]; }
        this.totalBins = o;
    }

    /** Bins the training frame. */
    static TreeLearner bin(FeatureFrame frame, int maxBins) {
        int n = frame.rows(), p = frame.width();
        byte[] bins = new byte[n * p];
        int[] nb = new int[p];
        double[][] thr = new double[p][];
        boolean[] cat = new boolean[p];
        for (int f = 0; f < p; f++) {
            double[] col = frame.columns()[f];
            FeatureSpec spec = frame.specs().get(f);
            if (spec.kind() == FeatureSpec.Kind.CATEGORICAL) {
                cat[f] = true;
                nb[f] = spec.width();
                thr[f] = new double[0];
                for (int i = 0; i < n; i++) bins[i * p + f] = (byte) (int) col[i];
            } else {
                double[] t = cuts(col, maxBins);
                thr[f] = t;
                nb[f] = t.length + 1;
                for (int i = 0; i < n; i++) {
                    int b = Arrays.binarySearch(t, col[i]);
                    bins[i * p + f] = (byte) (b >= 0 ? b : -b - 1);
                }
            }
        }
        return new TreeLearner(n, p, bins, nb, thr, cat);
    }

    /** Split points: midpoints between distinct values when few, else distinct quantiles below the maximum. */
    static double[] cuts(double[] col, int maxBins) {
        double[] s = col.clone();
        Arrays.sort(s);
        int n = s.length;
        if (n == 0) return new double[0];
        double[] distinct = new double[Math.min(n, maxBins + 1)];
        int d = 0;
        for (int i = 0; i < n && d <= maxBins; i++) {
            if (d == 0 || s[i] != distinct[d - 1]) {
                if (d == distinct.length) { d++; break; }
                distinct[d++] = s[i];
            }
        }
        if (d <= maxBins) {
            double[] t = new double[d - 1];
            for (int i = 0; i + 1 < d; i++) t[i] = distinct[i] + (distinct[i + 1] - distinct[i]) / 2;
            return t;
        }
        double[] t = new double[maxBins - 1];
        int k = 0;
        double max = s[n - 1];
        for (int q = 1; q < maxBins; q++) {
            double v = s[(int) ((long) q * n / maxBins)];
            if (v >= max) break;
            if (k == 0 || v > t[k - 1]) t[k++] = v;
        }
        return Arrays.copyOf(t, k);
    }

    /**
     * How a tree is grown.
     *
     * @param minLeaf fewest rows (counting bootstrap multiplicity) in a leaf; 1 or less needs no row counts
     * @param minHess fewest hessian sum in a leaf (XGBoost's min_child_weight)
     * @param lambda  L2 penalty on leaf values
     * @param oneVsRest categorical splits send one category left (what XGBoost does on one-hot codes) rather
     *                  than a set of categories ordered by mean gradient (which fits boosting stages' noise)
     */
    record Params(int maxDepth, int minLeaf, double minHess, double lambda, double leafScale, int mtry, boolean parallel,
                  boolean oneVsRest) { }

    private record Work(int node, int start, int end, int depth, double[] hist, double g, double h, double c) { }

    private static final class Best {
        int feature = -1;
        int bin;
        long mask;
        double gain;
        double gl, hl, cl;
    }

    /** Growable flat arrays of a tree. */
    private static final class Nodes {
        byte[] kind = new byte[64];
        int[] feature = new int[64];
        double[] threshold = new double[64];
        long[] mask = new long[64];
        int[] left = new int[64];
        int[] right = new int[64];
        double[] value = new double[64];
        int size;

        int add() {
            if (size == kind.length) {
                int m = size * 2;
                kind = Arrays.copyOf(kind, m);
                feature = Arrays.copyOf(feature, m);
                threshold = Arrays.copyOf(threshold, m);
                mask = Arrays.copyOf(mask, m);
                left = Arrays.copyOf(left, m);
                right = Arrays.copyOf(right, m);
                value = Arrays.copyOf(value, m);
            }
            return size++;
        }

        Tree toTree() {
            return new Tree(Arrays.copyOf(kind, size), Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size),
                    Arrays.copyOf(mask, size), Arrays.copyOf(left, size), Arrays.copyOf(right, size), Arrays.copyOf(value, size));
        }
    }

    /** Per-tree state: gradients, hessians, row weights, the histogram layout and reusable buffers. */
    private final class Grower {
        final double[] g, h, w;
        final int[] idx;
        final int[] tmp;
        final Params prm;
        /** Doubles per bin: gradient, hessian and, when counted, rows. */
        final int stride;
        final ArrayDeque<double[]> pool = new ArrayDeque<>();

        Grower(double[] g, double[] h, double[] w, int[] idx, int count, Params prm) {
            this.g = g;
            this.h = h;
            this.w = w;
            this.idx = idx;
            this.tmp = new int[count];
            this.prm = prm;
            this.stride = w != null || prm.minLeaf() > 1 ? 3 : 2;
        }

        double[] take() {
            double[] a = pool.poll();
            if (a == null) return new double[stride * totalBins];
            Arrays.fill(a, 0);
            return a;
        }

        boolean canSplit(int depth, double c, double hess) {
            return depth < prm.maxDepth() && c >= 2.0 * Math.max(1, prm.minLeaf()) && hess >= 2.0 * prm.minHess();
        }
    }

    /**
     * Grows one tree on rows {@code idx[0..count)} (reordered in place).
     *
     * @param g       gradient per row
     * @param h       hessian per row
     * @param w       row count weight (bootstrap multiplicity), null = 1
     * @param gainAcc split gain added per feature
     * @param leafOut when not null, each grown row's leaf value is added to it
     */
    Tree grow(double[] g, double[] h, double[] w, int[] idx, int count, Params prm, SplittableRandom rnd,
              double[] gainAcc, TaskContext ctx, double[] leafOut) {
        Grower gr = new Grower(g, h, w, idx, count, prm);
        Nodes nodes = new Nodes();
        int[] perm = new int[p];
        for (int f = 0; f < p; f++) perm[f] = f;
        int root = nodes.add();
        double G = 0, H = 0, C = 0;
        for (int i = 0; i < count; i++) {
            int r = idx[i];
            G += g[r];
            H += h[r];
            C += w == null ? 1 : w[r];
        }
        ArrayDeque<Work> stack = new ArrayDeque<>();
        double[] rootHist = null;
        if (p > 0 && gr.canSplit(0, C, H)) {
            rootHist = gr.take();
            histogram(gr, 0, count, rootHist);
        }
        stack.push(new Work(root, 0, count, 0, rootHist, G, H, C));
        int visited = 0;
        Best best = new Best();
        while (!stack.isEmpty()) {
            if ((++visited & 31) == 0) ctx.checkCancelled();
            Work wk = stack.pop();
            best.feature = -1;
            best.gain = 1e-12;
            if (wk.hist() != null) findSplit(gr, wk, rnd, perm, best);
            if (best.feature < 0) {
                leaf(nodes, wk, prm, idx, leafOut);
                if (wk.hist() != null) gr.pool.push(wk.hist());
                continue;
            }
            int f = best.feature;
            gainAcc[f] += best.gain;
            int mid = partition(gr, wk.start(), wk.end(), f, best);
            int node = wk.node();
            nodes.kind[node] = categorical[f] ? Tree.CATEGORICAL : Tree.NUMERIC;
            nodes.feature[node] = f;
            nodes.threshold[node] = categorical[f] ? 0 : thresholds[f][best.bin];
            nodes.mask[node] = categorical[f] ? best.mask : 0;
            int l = nodes.add(), r = nodes.add();
            nodes.left[node] = l;
            nodes.right[node] = r;
            double gl = best.gl, hl = best.hl;
            double cl = gr.stride == 3 ? best.cl : mid - wk.start();
            double gR = wk.g() - gl, hR = wk.h() - hl, cR = wk.c() - cl;
            int d = wk.depth() + 1;
            boolean needL = gr.canSplit(d, cl, hl), needR = gr.canSplit(d, cR, hR);
            double[] histL = null, histR = null;
            double[] parent = wk.hist();
            boolean leftSmaller = mid - wk.start() <= wk.end() - mid;
            if (needL || needR) {
                double[] small = gr.take();
                if (leftSmaller) histogram(gr, wk.start(), mid, small);
                else histogram(gr, mid, wk.end(), small);
                for (int k = 0; k < parent.length; k++) parent[k] -= small[k];
                if (leftSmaller) { histL = small; histR = parent; } else { histL = parent; histR = small; }
                if (!needL) { gr.pool.push(histL); histL = null; }
                if (!needR) { gr.pool.push(histR); histR = null; }
            } else {
                gr.pool.push(parent);
            }
            stack.push(new Work(r, mid, wk.end(), d, histR, gR, hR, cR));
            stack.push(new Work(l, wk.start(), mid, d, histL, gl, hl, cl));
        }
        return nodes.toTree();
    }

    private static void leaf(Nodes nodes, Work wk, Params prm, int[] idx, double[] leafOut) {
        double v = -wk.g() / (wk.h() + prm.lambda()) * prm.leafScale();
        if (!Double.isFinite(v)) v = 0;
        int node = wk.node();
        nodes.kind[node] = Tree.LEAF;
        nodes.value[node] = v;
        if (leafOut != null) for (int i = wk.start(); i < wk.end(); i++) leafOut[idx[i]] += v;
    }

    private void findSplit(Grower gr, Work wk, SplittableRandom rnd, int[] perm, Best best) {
        Params prm = gr.prm;
        final int s = gr.stride;
        final boolean counted = s == 3;
        double lambda = prm.lambda();
        double G = wk.g(), H = wk.h(), C = wk.c();
        double parentScore = G * G / (H + lambda);
        double[] hist = wk.hist();
        int tries = Math.min(p, prm.mtry());
        if (tries < p) {
            for (int i = 0; i < tries; i++) {
                int j = i + rnd.nextInt(p - i);
                int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
            }
        }
        double minLeaf = counted ? Math.max(1, prm.minLeaf()) : 0, minHess = prm.minHess();
        for (int i = 0; i < tries; i++) {
            int f = tries < p ? perm[i] : i;
            int base = offset[f], nb = nBins[f];
            if (nb < 2) continue;
            if (!categorical[f]) {
                double gl = 0, hl = 0, cl = 0;
                for (int b = 0; b < nb - 1; b++) {
                    int k = s * (base + b);
                    gl += hist[k];
                    hl += hist[k + 1];
                    if (counted) cl += hist[k + 2];
                    if (cl < minLeaf || hl < minHess) continue;
                    double cr = C - cl, hr = H - hl;
                    if (cr < minLeaf || hr < minHess) break;
                    double gr2 = G - gl;
                    double gain = gl * gl / (hl + lambda) + gr2 * gr2 / (hr + lambda) - parentScore;
                    if (gain > best.gain) {
                        best.gain = gain; best.feature = f; best.bin = b; best.gl = gl; best.hl = hl; best.cl = cl;
                    }
                }
            } else {
                int[] used = new int[nb];
                double[] ratio = new double[nb];
                int k = 0;
                for (int b = 0; b < nb; b++) {
                    int q = s * (base + b);
                    if (counted ? hist[q + 2] > 0.5 : hist[q + 1] > 0) {
                        ratio[b] = hist[q] / (hist[q + 1] + lambda + 1e-12);
                        used[k++] = b;
                    }
                }
                if (k < 2) continue;
                if (prm.oneVsRest()) { // one category against the others, as trees on one-hot codes split
                    for (int a = 0; a < k; a++) {
                        int b = used[a];
                        int q = s * (base + b);
                        double gl = hist[q], hl = hist[q + 1], cl = counted ? hist[q + 2] : 0;
                        if (cl < minLeaf || hl < minHess) continue;
                        double cr = C - cl, hr = H - hl;
                        if (cr < minLeaf || hr < minHess) continue;
                        double gr2 = G - gl;
                        double gain = gl * gl / (hl + lambda) + gr2 * gr2 / (hr + lambda) - parentScore;
                        if (gain > best.gain) {
                            best.gain = gain; best.feature = f; best.mask = 1L << b; best.gl = gl; best.hl = hl; best.cl = cl;
                        }
                    }
                    continue;
                }
                for (int a = 1; a < k; a++) { // insertion sort of the used bins by ratio
                    int x = used[a];
                    int c = a - 1;
                    while (c >= 0 && ratio[used[c]] > ratio[x]) { used[c + 1] = used[c]; c--; }
                    used[c + 1] = x;
                }
                double gl = 0, hl = 0, cl = 0;
                long mask = 0;
                for (int a = 0; a < k - 1; a++) {
                    int b = used[a];
                    int q = s * (base + b);
                    gl += hist[q];
                    hl += hist[q + 1];
                    if (counted) cl += hist[q + 2];
                    mask |= 1L << b;
                    if (cl < minLeaf || hl < minHess) continue;
                    double cr = C - cl, hr = H - hl;
                    if (cr < minLeaf || hr < minHess) break;
                    double gr2 = G - gl;
                    double gain = gl * gl / (hl + lambda) + gr2 * gr2 / (hr + lambda) - parentScore;
                    if (gain > best.gain) {
                        best.gain = gain; best.feature = f; best.mask = mask; best.gl = gl; best.hl = hl; best.cl = cl;
                    }
                }
            }
        }
    }

    /** Rows of a node from which it is partitioned in parallel. */
    private static final int PARALLEL_MIN_PARTITION = 1 << 13;

    /**
     * Stable partition of {@code idx[start..end)}: rows going left first, both parts in their previous order.
     * Large nodes are cut into one range per worker, each partitioned on its own, then the ranges' left parts
     * and right parts are concatenated in range order, which gives the same order as one pass.
     */
    private int partition(Grower gr, int start, int end, int f, Best best) {
        int[] idx = gr.idx, tmp = gr.tmp;
        int rows = end - start;
        int workers = gr.prm.parallel() ? Math.min(ModelExecutor.threads(), rows / PARALLEL_MIN_PARTITION) : 1;
        if (workers < 2) {
            int left = partitionRange(gr, start, end, f, best);
            System.arraycopy(tmp, start, idx, start + left, rows - left);
            return start + left;
        }
        int[] from = new int[workers + 1];
        for (int t = 0; t <= workers; t++) from[t] = start + (int) ((long) rows * t / workers);
        int[] lefts = new int[workers];
        List<Runnable> jobs = new ArrayList<>(workers);
        for (int t = 0; t < workers; t++) {
            int c = t;
            jobs.add(() -> lefts[c] = partitionRange(gr, from[c], from[c + 1], f, best));
        }
        ModelExecutor.runAll(jobs);
        int pos = start + lefts[0];
        for (int t = 1; t < workers; t++) { // moves left never overlap a later range's unread part
            System.arraycopy(idx, from[t], idx, pos, lefts[t]);
            pos += lefts[t];
        }
        int mid = pos;
        for (int t = 0; t < workers; t++) {
            int right = from[t + 1] - from[t] - lefts[t];
            System.arraycopy(tmp, from[t], idx, pos, right);
            pos += right;
        }
        return mid;
    }

    /**
     * Partitions {@code idx[start..end)}: left-going rows to {@code idx[start..)} in order, right-going rows to
     * {@code tmp[start..)} in order; returns the number going left.
     */
    private int partitionRange(Grower gr, int start, int end, int f, Best best) {
        int[] idx = gr.idx, tmp = gr.tmp;
        final byte[] bins = this.bins;
        final int p = this.p;
        int l = start, r = start;
        if (categorical[f]) {
            long mask = best.mask;
            for (int i = start; i < end; i++) {
                int row = idx[i];
                int b = bins[row * p + f] & 0xFF;
                if (((mask >>> b) & 1L) != 0) idx[l++] = row;
                else tmp[r++] = row;
            }
        } else {
            int bin = best.bin;
            for (int i = start; i < end; i++) {
                int row = idx[i];
                if ((bins[row * p + f] & 0xFF) <= bin) idx[l++] = row;
                else tmp[r++] = row;
            }
        }
        return l - start;
    }

    private void histogram(Grower gr, int start, int end, double[] out) {
        int rows = end - start;
        int threads = Math.min(ModelExecutor.threads(), p);
        if (!gr.prm.parallel() || threads < 2 || (long) rows * p < PARALLEL_MIN_WORK) {
            histogramRange(gr, start, end, out, 0, p);
            return;
        }
        List<Runnable> jobs = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int f0 = p * t / threads, f1 = p * (t + 1) / threads;
            jobs.add(() -> histogramRange(gr, start, end, out, f0, f1));
        }
        ModelExecutor.runAll(jobs);
    }

    /** Adds rows {@code idx[start..end)} to the bins of features {@code [f0, f1)}. */
    private void histogramRange(Grower gr, int start, int end, double[] out, int f0, int f1) {
        final int p = this.p;
        final byte[] bins = this.bins;
        final int[] off = this.offset;
        final int[] idx = gr.idx;
        final double[] g = gr.g, h = gr.h, w = gr.w;
        if (gr.stride == 2) {
            for (int i = start; i < end; i++) {
                int r = idx[i];
                double gi = g[r], hi = h[r];
                int base = r * p;
                for (int f = f0; f < f1; f++) {
                    int k = (off[f] + (bins[base + f] & 0xFF)) << 1;
                    out[k] += gi;
                    out[k + 1] += hi;
                }
            }
        } else {
            for (int i = start; i < end; i++) {
                int r = idx[i];
                double gi = g[r], hi = h[r], ci = w == null ? 1 : w[r];
                int base = r * p;
                for (int f = f0; f < f1; f++) {
                    int k = 3 * (off[f] + (bins[base + f] & 0xFF));
                    out[k] += gi;
                    out[k + 1] += hi;
                    out[k + 2] += ci;
                }
            }
        }
    }
}
