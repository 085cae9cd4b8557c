package io.segmenta.core.segment;

import java.util.SplittableRandom;

/**
 * Quality measures of a clustering, computed as scikit-learn's {@code sklearn.metrics} does (centroids
 * are the means of the labelled points, distances Euclidean):
 * <ul>
 *   <li>inertia: within-cluster sum of squared distances to the cluster means;</li>
 *   <li>silhouette: mean over points of {@code (b − a) / max(a, b)}, 0 for a point alone in its cluster;
 *       exact up to {@code sampleSize} rows, above that on a seeded random sample of {@code sampleSize}
 *       rows without replacement (as {@code silhouette_score(sample_size=…)}), so never O(n²) on large
 *       data;</li>
 *   <li>Calinski–Harabasz: between / within dispersion, each divided by its degrees of freedom;</li>
 *   <li>Davies–Bouldin: mean over clusters of the worst {@code (s_i + s_j) / d(c_i, c_j)}.</li>
 * </ul>
 */
public final class ClusterMetrics {
    private ClusterMetrics() { }

    /**
     * @param silhouetteRows rows the silhouette was computed on (all rows, or the sample size)
     */
    public record Values(double inertia, double silhouette, double calinskiHarabasz, double daviesBouldin, int silhouetteRows) { }

    public static Values compute(double[] x, int n, int d, int[] labels, int k, int sampleSize, long seed, Workers w) {
        double[] means = new double[k * d];
        long[] counts = new long[k];
        for (int i = 0; i < n; i++) {
            int c = labels[i];
            counts[c]++;
            for (int j = 0; j < d; j++) means[c * d + j] += x[i * d + j];
        }
        for (int c = 0; c < k; c++) if (counts[c] > 0) for (int j = 0; j < d; j++) means[c * d + j] /= counts[c];
        double inertia = 0;
        double[] spread = new double[k];
        for (int i = 0; i < n; i++) {
            double s = KMeans.sq(x, i * d, means, labels[i] * d, d);
            inertia += s;
            spread[labels[i]] += Math.sqrt(s);
        }
        int used = 0;
        for (int c = 0; c < k; c++) if (counts[c] > 0) used++;
        double ch = calinskiHarabasz(x, n, d, means, counts, k, inertia, used);
        double db = daviesBouldin(d, means, counts, spread, k, used);
        int[] sample = sampleRows(n, sampleSize, seed);
        double sil = silhouette(x, d, labels, k, sample, w);
        return new Values(inertia, sil, ch, db, sample.length);
    }

    private static double calinskiHarabasz(double[] x, int n, int d, double[] means, long[] counts, int k, double within, int used) {
        if (used < 2 || n <= used) return Double.NaN;
        double[] all = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) all[j] += x[i * d + j];
        for (int j = 0; j < d; j++) all[j] /= n;
        double between = 0;
        for (int c = 0; c < k; c++) if (counts[c] > 0) between += counts[c] * KMeans.sq(means, c * d, all, 0, d);
        if (within == 0) return 1.0;
        return between * (n - used) / (within * (used - 1));
    }

    private static double daviesBouldin(int d, double[] means, long[] counts, double[] spread, int k, int used) {
        if (used < 2) return Double.NaN;
        double[] s = new double[k];
        for (int c = 0; c < k; c++) s[c] = counts[c] > 0 ? spread[c] / counts[c] : 0;
        double total = 0;
        for (int a = 0; a < k; a++) {
            if (counts[a] == 0) continue;
            double worst = 0;
            for (int b = 0; b < k; b++) {
                if (b == a || counts[b] == 0) continue;
                double m = Math.sqrt(KMeans.sq(means, a * d, means, b * d, d));
                double r = m == 0 ? 0 : (s[a] + s[b]) / m; // sklearn: coinciding centroids count as infinitely far
                worst = Math.max(worst, r);
            }
            total += worst;
        }
        return total / used;
    }

    /** All rows (0..n-1) when {@code n <= size}, else {@code size} distinct rows drawn with the seed, ascending. */
    public static int[] sampleRows(int n, int size, long seed) {
        if (n <= size) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        // Partial Fisher–Yates over a lazily materialised permutation (a map keeps it O(size)).
        SplittableRandom rnd = new SplittableRandom(seed);
        java.util.HashMap<Integer, Integer> swapped = new java.util.HashMap<>();
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            int j = i + rnd.nextInt(n - i);
            int vi = swapped.getOrDefault(i, i);
            int vj = swapped.getOrDefault(j, j);
            out[i] = vj;
            swapped.put(j, vi);
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /** Mean silhouette over the given rows, using only those rows (O(size² · d)). */
    static double silhouette(double[] x, int d, int[] labels, int k, int[] rows, Workers w) {
        int m = rows.length;
        int[] lab = new int[m];
        int[] count = new int[k];
        double[] xs = new double[m * d];
        for (int i = 0; i < m; i++) {
            lab[i] = labels[rows[i]];
            count[lab[i]]++;
            System.arraycopy(x, rows[i] * d, xs, i * d, d);
        }
        int used = 0;
        for (int c = 0; c < k; c++) if (count[c] > 0) used++;
        if (used < 2 || used >= m) return Double.NaN;
        int block = 256;
        int blocks = (m + block - 1) / block;
        double[] partial = new double[blocks];
        w.forEachChunk(blocks, b -> {
            double[] sums = new double[k];
            double acc = 0;
            int from = b * block;
            int to = Math.min(m, from + block);
            for (int i = from; i < to; i++) {
                java.util.Arrays.fill(sums, 0);
                int io = i * d;
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    int jo = j * d;
                    for (int t = 0; t < d; t++) {
                        double v = xs[io + t] - xs[jo + t];
                        s += v * v;
                    }
                    sums[lab[j]] += Math.sqrt(s);
                }
                int own = lab[i];
                if (count[own] <= 1) continue; // silhouette 0
                double a = sums[own] / (count[own] - 1);
                double bmin = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) if (c != own && count[c] > 0) bmin = Math.min(bmin, sums[c] / count[c]);
                double den = Math.max(a, bmin);
                acc += den == 0 ? 0 : (bmin - a) / den;
            }
            partial[b] = acc;
        });
        double total = 0;
        for (double p : partial) total += p;
        return total / m;
    }

    /** Adjusted Rand index of two labelings of the same rows (labels are any non-negative ints), as scikit-learn. */
    public static double adjustedRand(int[] a, int[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("labelings differ in length");
        int n = a.length;
        java.util.Map<Integer, Integer> ia = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> ib = new java.util.HashMap<>();
        int[] ca = new int[n];
        int[] cb = new int[n];
        for (int i = 0; i < n; i++) {
            ca[i] = ia.computeIfAbsent(a[i], q -> ia.size());
            cb[i] = ib.computeIfAbsent(b[i], q -> ib.size());
        }
        int ra = ia.size();
        int rb = ib.size();
        if (n == 0 || (ra == 1 && rb == 1) || (ra == n && rb == n)) return 1.0;
        long[] table = new long[ra * rb];
        long[] rowSum = new long[ra];
        long[] colSum = new long[rb];
        for (int i = 0; i < n; i++) {
            table[ca[i] * rb + cb[i]]++;
            rowSum[ca[i]]++;
            colSum[cb[i]]++;
        }
        double sumComb = 0;
        for (long v : table) sumComb += comb2(v);
        double sa = 0;
        for (long v : rowSum) sa += comb2(v);
        double sb = 0;
        for (long v : colSum) sb += comb2(v);
        double expected = sa * sb / comb2(n);
        double max = (sa + sb) / 2;
        if (max == expected) return 1.0;
        return (sumComb - expected) / (max - expected);
    }

    private static double comb2(long v) { return v * (v - 1) / 2.0; }
}
