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
 * built from the rows of the smaller child only; the larger child's is the parent's minus it. Histograms
 * are summed in fixed chunks of rows added in order ({@link #histograms}), so a tree does not depend on the
 * number of workers; boosting grows its trees level by level, one parallel step per level
 * ({@link #growByLevel}). Rows are partitioned in place and stably (ascending row order within a node),
 * which keeps the reads of bins and gradients sequential. Split gain is the second-order one of
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

    /**
     * Split points, midpoints between consecutive distinct values. With at most {@code maxBins} distinct
     * values every one has its bin. With more, the bins are filled greedily in value order to about equal row
     * counts, as LightGBM does: a value holding at least a bin's share of the rows gets a bin of its own
     * (e.g. the 82 % of {@code pdays = -1} in the bank data), and the other bins share the remaining rows —
     * so a heavy value does not swallow the bins that plain quantiles would have placed on it.
     */
    static double[] cuts(double[] col, int maxBins) {
        double[] s = col.clone();
        Arrays.sort(s);
        int n = s.length;
        if (n == 0) return new double[0];
        double[] value = new double[n];
        int[] count = new int[n];
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (d > 0 && s[i] == value[d - 1]) count[d - 1]++;
            else { value[d] = s[i]; count[d++] = 1; }
        }
        if (d <= maxBins) {
            double[] t = new double[d - 1];
            for (int i = 0; i + 1 < d; i++) t[i] = between(value[i], value[i + 1]);
            return t;
        }
        double share = (double) n / maxBins;
        int heavy = 0;
        long heavyRows = 0;
        for (int i = 0; i < d; i++) if (count[i] >= share) { heavy++; heavyRows += count[i]; }
        double rest = heavy < maxBins ? (n - heavyRows) / (double) (maxBins - heavy) : share;
        double[] t = new double[maxBins - 1];
        int k = 0;
        long acc = 0;
        for (int i = 0; i + 1 < d && k < maxBins - 1; i++) {
            acc += count[i];
            boolean isHeavy = count[i] >= share, nextHeavy = count[i + 1] >= share;
            if (isHeavy || nextHeavy || acc >= rest || value[i] == FeatureSpec.MISSING) {
                t[k++] = between(value[i], value[i + 1]);
                acc = 0;
            }
        }
        return Arrays.copyOf(t, k);
    }

    /**
     * The split point between two consecutive distinct values: their midpoint, or for the missing values
     * ({@link FeatureSpec#MISSING}, below every number) the lowest finite number, so that they have a bin of
     * their own and a split can set them apart.
     */
    private static double between(double a, double b) {
        return a == FeatureSpec.MISSING ? -Double.MAX_VALUE : a + (b - a) / 2;
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
        /**
         * Each grown row's gradient, hessian and (when counted) row weight side by side at {@code stride × row},
         * so a histogram update reads one cache line per row instead of two or three.
         */
        final double[] packed;
        final ArrayDeque<double[]> pool = new ArrayDeque<>();

        Grower(double[] g, double[] h, double[] w, int[] idx, int count, Params prm) {
            this.g = g;
            this.h = h;
            this.w = w;
            this.idx = idx;
            this.tmp = new int[count];
            this.prm = prm;
            this.stride = w != null || prm.minLeaf() > 1 ? 3 : 2;
            this.packed = new double[stride * g.length];
            for (int i = 0; i < count; i++) {
                int r = idx[i], k = stride * r;
                packed[k] = g[r];
                packed[k + 1] = h[r];
                if (stride == 3) packed[k + 2] = w == null ? 1 : w[r];
            }
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
        if (prm.parallel()) return growByLevel(gr, rnd, gainAcc, ctx, leafOut);
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
            int l = split(nodes, wk.node(), best), r = l + 1;
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

    /** A node of one level whose split is chosen: its work, the split, and where its rows divide. */
    private static final class Pending {
        final Work wk;
        final Best best = new Best();
        int mid;
        double[] histL, histR;

        Pending(Work wk) { this.wk = wk; }
    }

    /**
     * Grows a tree level by level (boosting): the splits of a level are chosen, then all its nodes' rows are
     * partitioned in one parallel step and their children's histograms built in another (chunks of rows of
     * every node at once, see {@link #histograms}), so a tree of depth d waits on the workers a few times per
     * level instead of once per node. It is the tree depth-first growth gives: every node sees the same rows
     * and histograms either way (no random choice is involved when every feature is tried).
     */
    private Tree growByLevel(Grower gr, SplittableRandom rnd, double[] gainAcc, TaskContext ctx, double[] leafOut) {
        Params prm = gr.prm;
        int[] idx = gr.idx;
        int count = gr.tmp.length;
        Nodes nodes = new Nodes();
        int root = nodes.add();
        double G = 0, H = 0, C = 0;
        for (int i = 0; i < count; i++) {
            int r = idx[i];
            G += gr.g[r];
            H += gr.h[r];
            C += gr.w == null ? 1 : gr.w[r];
        }
        double[] rootHist = null;
        if (p > 0 && gr.canSplit(0, C, H)) {
            rootHist = gr.take();
            histogram(gr, 0, count, rootHist);
        }
        int[] perm = new int[p];
        List<Work> level = new ArrayList<>();
        level.add(new Work(root, 0, count, 0, rootHist, G, H, C));
        while (!level.isEmpty()) {
            ctx.checkCancelled();
            List<Pending> splits = new ArrayList<>();
            for (Work wk : level) {
                Pending pd = new Pending(wk);
                pd.best.gain = 1e-12;
                if (wk.hist() != null) findSplit(gr, wk, rnd, perm, pd.best);
                if (pd.best.feature < 0) {
                    leaf(nodes, wk, prm, idx, leafOut);
                    if (wk.hist() != null) gr.pool.push(wk.hist());
                } else {
                    splits.add(pd);
                }
            }
            if (splits.isEmpty()) break;
            partitionLevel(gr, splits);
            // children's histograms: the smaller child's rows summed, the larger child's = parent − smaller
            List<Pending> built = new ArrayList<>();
            for (Pending pd : splits) {
                Work wk = pd.wk;
                int d = wk.depth() + 1;
                double cl = gr.stride == 3 ? pd.best.cl : pd.mid - wk.start();
                boolean needL = gr.canSplit(d, cl, pd.best.hl);
                boolean needR = gr.canSplit(d, wk.c() - cl, wk.h() - pd.best.hl);
                if (!needL && !needR) {
                    gr.pool.push(wk.hist());
                    continue;
                }
                boolean leftSmaller = pd.mid - wk.start() <= wk.end() - pd.mid;
                double[] small = gr.take();
                if (leftSmaller) { pd.histL = small; pd.histR = wk.hist(); } else { pd.histL = wk.hist(); pd.histR = small; }
                built.add(pd);
            }
            int[] from = new int[built.size()], to = new int[built.size()];
            double[][] small = new double[built.size()][];
            for (int q = 0; q < built.size(); q++) {
                Pending pd = built.get(q);
                boolean leftSmaller = pd.histL != pd.wk.hist();
                from[q] = leftSmaller ? pd.wk.start() : pd.mid;
                to[q] = leftSmaller ? pd.mid : pd.wk.end();
                small[q] = leftSmaller ? pd.histL : pd.histR;
            }
            histograms(gr, from, to, small, (q, sum) -> {
                double[] parent = built.get(q).wk.hist();
                for (int k = 0; k < parent.length; k++) parent[k] -= sum[k];
            });
            // children, in node order
            List<Work> next = new ArrayList<>(2 * splits.size());
            for (Pending pd : splits) {
                Work wk = pd.wk;
                Best best = pd.best;
                int f = best.feature;
                gainAcc[f] += best.gain;
                int l = split(nodes, wk.node(), best), r = l + 1;
                double cl = gr.stride == 3 ? best.cl : pd.mid - wk.start();
                double gR = wk.g() - best.gl, hR = wk.h() - best.hl, cR = wk.c() - cl;
                int d = wk.depth() + 1;
                double[] histL = pd.histL, histR = pd.histR;
                if (histL != null && !gr.canSplit(d, cl, best.hl)) { gr.pool.push(histL); histL = null; }
                if (histR != null && !gr.canSplit(d, cR, hR)) { gr.pool.push(histR); histR = null; }
                next.add(new Work(l, wk.start(), pd.mid, d, histL, best.gl, best.hl, cl));
                next.add(new Work(r, pd.mid, wk.end(), d, histR, gR, hR, cR));
            }
            level = next;
        }
        return nodes.toTree();
    }

    /** Makes {@code node} the split {@code best} and adds its two children; returns the left one (the right is next). */
    private int split(Nodes nodes, int node, Best best) {
        int f = best.feature;
        nodes.kind[node] = categorical[f] ? Tree.CATEGORICAL : Tree.NUMERIC;
        nodes.feature[node] = f;
        nodes.threshold[node] = categorical[f] ? 0 : thresholds[f][best.bin];
        nodes.mask[node] = categorical[f] ? best.mask : 0;
        int l = nodes.add(), r = nodes.add();
        nodes.left[node] = l;
        nodes.right[node] = r;
        return l;
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

    /** Rows of a node from which its partition is cut into ranges done in parallel. */
    private static final int PARALLEL_MIN_PARTITION = 1 << 13;

    /** Stable partition of {@code idx[start..end)} by the calling thread: rows going left first, both parts in order. */
    private int partition(Grower gr, int start, int end, int f, Best best) {
        int left = partitionRange(gr, start, end, f, best);
        System.arraycopy(gr.tmp, start, gr.idx, start + left, end - start - left);
        return start + left;
    }

    /** Rows per chunk of a histogram, summed by one worker. */
    static final int HIST_CHUNK = 4096;

    /** The jobs ordered by decreasing size ({@code sized}: size, index), so the workers finish together. */
    private static List<Runnable> largestFirst(List<Runnable> jobs, List<long[]> sized) {
        sized.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
        List<Runnable> out = new ArrayList<>(jobs.size());
        for (long[] z : sized) out.add(jobs.get((int) z[1]));
        return out;
    }

    /**
     * Partitions the rows of every node of a level at once: each node's rows cut into ranges of at least
     * {@value #PARALLEL_MIN_PARTITION} rows, every range partitioned on its own by one worker (largest
     * first), then each node's left parts and right parts concatenated in range order — the same order as
     * one pass over the node.
     */
    private void partitionLevel(Grower gr, List<Pending> splits) {
        int[] idx = gr.idx, tmp = gr.tmp;
        List<int[]> ranges = new ArrayList<>(); // {split, from, to}
        int[][] firstLast = new int[splits.size()][2];
        long rowsAll = 0;
        for (int q = 0; q < splits.size(); q++) {
            Work wk = splits.get(q).wk;
            int rows = wk.end() - wk.start();
            rowsAll += rows;
            int parts = Math.max(1, Math.min(4 * ModelExecutor.threads(), rows / PARALLEL_MIN_PARTITION));
            firstLast[q][0] = ranges.size();
            for (int t = 0; t < parts; t++) {
                ranges.add(new int[]{q, wk.start() + (int) ((long) rows * t / parts), wk.start() + (int) ((long) rows * (t + 1) / parts)});
            }
            firstLast[q][1] = ranges.size();
        }
        int[] lefts = new int[ranges.size()];
        List<Runnable> jobs = new ArrayList<>(ranges.size());
        List<long[]> sized = new ArrayList<>(ranges.size());
        for (int c = 0; c < ranges.size(); c++) {
            int[] rg = ranges.get(c);
            Best best = splits.get(rg[0]).best;
            int k = c;
            sized.add(new long[]{rg[2] - rg[1], c});
            jobs.add(() -> lefts[k] = partitionRange(gr, rg[1], rg[2], best.feature, best));
        }
        if (jobs.size() > 1 && rowsAll >= PARALLEL_MIN_PARTITION) ModelExecutor.runAll(largestFirst(jobs, sized));
        else for (Runnable j : jobs) j.run();
        for (int q = 0; q < splits.size(); q++) {
            int c0 = firstLast[q][0], c1 = firstLast[q][1];
            int pos = ranges.get(c0)[1] + lefts[c0];
            for (int c = c0 + 1; c < c1; c++) { // moves left never overlap a later range's unread part
                System.arraycopy(idx, ranges.get(c)[1], idx, pos, lefts[c]);
                pos += lefts[c];
            }
            splits.get(q).mid = pos;
            for (int c = c0; c < c1; c++) {
                int[] rg = ranges.get(c);
                int right = rg[2] - rg[1] - lefts[c];
                System.arraycopy(tmp, rg[1], idx, pos, right);
                pos += right;
            }
        }
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

    /** The histogram of rows {@code idx[start..end)} into {@code out} (zeroed), see {@link #histograms}. */
    private void histogram(Grower gr, int start, int end, double[] out) {
        histograms(gr, new int[]{start}, new int[]{end}, new double[][]{out}, null);
    }

    /** What to do with a finished histogram: q = its index in the request. */
    private interface Finished {
        void accept(int q, double[] sum);
    }

    /**
     * Histograms of several row ranges {@code idx[from[q]..to[q])} into {@code out[q]} (zeroed). A range is
     * cut into chunks of {@value #HIST_CHUNK} rows (fewer for the last), each chunk summed over all features
     * by one worker into its own buffer, and the chunks added in order; the chunks depend on the row count
     * only, so the sums — and the trees — do not depend on the number of workers. (Cutting by features
     * instead leaves each worker too few features per row to hide the latency of updating the same bin
     * again, and was no faster on two cores than one.) {@code then}, when given, runs on each finished
     * histogram, in the same parallel step as its last additions.
     */
    private void histograms(Grower gr, int[] from, int[] to, double[][] out, Finished then) {
        int m = from.length;
        List<Runnable> jobs = new ArrayList<>();
        List<long[]> sized = new ArrayList<>();
        double[][][] parts = new double[m][][];
        long rowsAll = 0;
        for (int q = 0; q < m; q++) {
            int rows = to[q] - from[q];
            rowsAll += rows;
            int chunks = Math.max(1, (rows + HIST_CHUNK / 2) / HIST_CHUNK);
            parts[q] = new double[chunks][];
            for (int c = 0; c < chunks; c++) {
                double[] buf = c == 0 ? out[q] : gr.take();
                parts[q][c] = buf;
                int a = from[q] + (int) ((long) rows * c / chunks), b = from[q] + (int) ((long) rows * (c + 1) / chunks);
                sized.add(new long[]{b - a, jobs.size()});
                jobs.add(() -> histogramRange(gr, a, b, buf, 0, p));
            }
        }
        boolean parallel = gr.prm.parallel() && ModelExecutor.threads() > 1 && rowsAll * p >= PARALLEL_MIN_WORK;
        if (parallel && jobs.size() > 1) ModelExecutor.runAll(largestFirst(jobs, sized));
        else for (Runnable j : jobs) j.run();
        List<Runnable> finish = new ArrayList<>(m);
        for (int q = 0; q < m; q++) {
            int k = q;
            double[][] ps = parts[q];
            if (ps.length == 1 && then == null) continue;
            finish.add(() -> {
                double[] sum = ps[0];
                for (int c = 1; c < ps.length; c++) {
                    double[] part = ps[c];
                    for (int i = 0; i < sum.length; i++) sum[i] += part[i];
                }
                if (then != null) then.accept(k, sum);
            });
        }
        if (parallel && finish.size() > 1) ModelExecutor.runAll(finish);
        else for (Runnable f : finish) f.run();
        for (double[][] ps : parts) for (int c = 1; c < ps.length; c++) gr.pool.push(ps[c]);
    }

    /** Adds rows {@code idx[start..end)} to the bins of features {@code [f0, f1)}. */
    private void histogramRange(Grower gr, int start, int end, double[] out, int f0, int f1) {
        final int p = this.p;
        final byte[] bins = this.bins;
        final int[] off = this.offset;
        final int[] idx = gr.idx;
        final double[] packed = gr.packed;
        if (gr.stride == 2) {
            for (int i = start; i < end; i++) {
                int r = idx[i];
                double gi = packed[2 * r], hi = packed[2 * r + 1];
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
                double gi = packed[3 * r], hi = packed[3 * r + 1], ci = packed[3 * r + 2];
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
