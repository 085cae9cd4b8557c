package io.segmenta.core.model;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Trees laid out for fast scoring: all nodes of all trees in flat arrays, siblings next to each other (the
 * right child is the left child + 1), leaves pointing at themselves so that every row takes exactly
 * {@code depth} steps per tree without a data-dependent exit. Rows are scored in blocks copied row-major into
 * a small buffer, four rows in step to overlap their memory latency. Results equal {@link Tree#addTo}'s.
 */
final class CompiledTrees {
    private static final int BLOCK = 256;

    private final int p;
    private final int[] roots;
    private final int[] depths;
    private final int[] feature;
    /** Left child of a split; for a leaf its own index − 1 (so that + 1 stays on it). */
    private final int[] child;
    /** Numeric split value; NaN for a leaf or a categorical split (x ≤ NaN is false). */
    private final double[] threshold;
    /** Left-going codes (0 to 63) of a categorical split, 0 otherwise. */
    private final long[] mask;
    private final double[] value;

    private CompiledTrees(int p, int[] roots, int[] depths, int[] feature, int[] child, double[] threshold,
                          long[] mask, double[] value) {
        this.p = p;
        this.roots = roots;
        this.depths = depths;
        this.feature = feature;
        this.child = child;
        this.threshold = threshold;
        this.mask = mask;
        this.value = value;
    }

    static CompiledTrees of(List<Tree> trees, int features) {
        int total = 0;
        for (Tree t : trees) total += t.size();
        int[] roots = new int[trees.size()], depths = new int[trees.size()];
        int[] feature = new int[total], child = new int[total];
        double[] threshold = new double[total], value = new double[total];
        long[] mask = new long[total];
        int next = 0;
        ArrayDeque<int[]> queue = new ArrayDeque<>(); // {original node, new index, depth}
        for (int ti = 0; ti < trees.size(); ti++) {
            Tree t = trees.get(ti);
            roots[ti] = next;
            queue.add(new int[]{0, next++, 0});
            int depth = 0;
            while (!queue.isEmpty()) {
                int[] q = queue.poll();
                int o = q[0], k = q[1], d = q[2];
                if (t.kind()[o] == Tree.LEAF) {
                    child[k] = k - 1;
                    threshold[k] = Double.NaN;
                    value[k] = t.value()[o];
                    depth = Math.max(depth, d);
                    continue;
                }
                feature[k] = t.feature()[o];
                boolean cat = t.kind()[o] == Tree.CATEGORICAL;
                threshold[k] = cat ? Double.NaN : t.threshold()[o];
                mask[k] = cat ? t.mask()[o] : 0;
                child[k] = next;
                queue.add(new int[]{t.left()[o], next++, d + 1});
                queue.add(new int[]{t.right()[o], next++, d + 1});
            }
            depths[ti] = depth;
        }
        return new CompiledTrees(features, roots, depths, feature, child, threshold, mask, value);
    }

    /** One step down: left when the value is at most the threshold or its code is in the mask, else right. */
    private int step(int node, double[] buf, int row) {
        double x = buf[row + feature[node]];
        int code = (int) x;
        int inRange = (code & ~63) == 0 ? 1 : 0;
        int catLeft = (int) (mask[node] >>> code) & inRange; // a long shift uses the low 6 bits of code
        int numLeft = x <= threshold[node] ? 1 : 0;
        return child[node] + 1 - (catLeft | numLeft);
    }

    /** Adds {@code scale} × the sum of the trees' predictions for rows {@code [from, to)} to {@code acc}. */
    void addTo(double[][] cols, double[] acc, double scale, int from, int to) {
        double[] buf = new double[BLOCK * Math.max(1, p)];
        double[] sum = new double[BLOCK];
        for (int b = from; b < to; b += BLOCK) {
            int m = Math.min(BLOCK, to - b);
            for (int f = 0; f < p; f++) {
                double[] c = cols[f];
                for (int i = 0; i < m; i++) buf[i * p + f] = c[b + i];
            }
            java.util.Arrays.fill(sum, 0, m, 0);
            for (int t = 0; t < roots.length; t++) {
                int root = roots[t], depth = depths[t];
                int i = 0;
                for (; i + 4 <= m; i += 4) {
                    int n0 = root, n1 = root, n2 = root, n3 = root;
                    int r0 = i * p, r1 = r0 + p, r2 = r1 + p, r3 = r2 + p;
                    for (int d = 0; d < depth; d++) {
                        n0 = step(n0, buf, r0);
                        n1 = step(n1, buf, r1);
                        n2 = step(n2, buf, r2);
                        n3 = step(n3, buf, r3);
                    }
                    sum[i] += value[n0];
                    sum[i + 1] += value[n1];
                    sum[i + 2] += value[n2];
                    sum[i + 3] += value[n3];
                }
                for (; i < m; i++) {
                    int n0 = root, r0 = i * p;
                    for (int d = 0; d < depth; d++) n0 = step(n0, buf, r0);
                    sum[i] += value[n0];
                }
            }
            for (int i = 0; i < m; i++) acc[b + i] += scale * sum[i];
        }
    }
}
