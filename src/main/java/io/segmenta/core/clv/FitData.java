package io.segmenta.core.clv;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The summary compressed for fitting: customers with the same (x, t_x, T) share one weighted row, and
 * recency and T index into a table of distinct times, so each likelihood evaluation needs one logarithm
 * per distinct time instead of two per customer.
 */
final class FitData {
    final int[] x;
    final int[] tIdx;
    final int[] bigTIdx;
    final double[] weight;
    final double[] times;
    final int maxX;
    final double totalWeight;
    final double meanX;
    final double meanT;
    private volatile Pairs pairs;

    private FitData(int[] x, int[] tIdx, int[] bigTIdx, double[] weight, double[] times, double meanX, double meanT) {
        this.x = x;
        this.tIdx = tIdx;
        this.bigTIdx = bigTIdx;
        this.weight = weight;
        this.times = times;
        int m = 0;
        double w = 0;
        for (int i = 0; i < x.length; i++) { m = Math.max(m, x[i]); w += weight[i]; }
        this.maxX = m;
        this.totalWeight = w;
        this.meanX = meanX;
        this.meanT = meanT;
    }

    int size() { return x.length; }

    static FitData of(TransactionSummary s) {
        int n = s.size();
        double[] all = new double[2 * n];
        double sx = 0, st = 0;
        for (int i = 0; i < n; i++) {
            all[2 * i] = s.recency(i);
            all[2 * i + 1] = s.age(i);
            sx += s.frequency(i);
            st += s.age(i);
        }
        Arrays.parallelSort(all);
        int u = 0;
        for (int i = 0; i < all.length; i++) if (i == 0 || all[i] != all[i - 1]) all[u++] = all[i];
        double[] times = Arrays.copyOf(all, u);
        if (u >= (1 << 21) || maxFrequency(s) >= (1 << 21)) return uncompressed(s, times, sx / n, st / n);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long t = Arrays.binarySearch(times, s.recency(i));
            long tt = Arrays.binarySearch(times, s.age(i));
            keys[i] = ((long) s.frequency(i) << 42) | (t << 21) | tt;
        }
        Arrays.parallelSort(keys);
        int m = 0;
        for (int i = 0; i < n; i++) if (i == 0 || keys[i] != keys[i - 1]) m++;
        int[] x = new int[m], ti = new int[m], tti = new int[m];
        double[] w = new double[m];
        int j = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                j++;
                x[j] = (int) (keys[i] >>> 42);
                ti[j] = (int) ((keys[i] >>> 21) & 0x1FFFFF);
                tti[j] = (int) (keys[i] & 0x1FFFFF);
            }
            w[j]++;
        }
        return new FitData(x, ti, tti, w, times, sx / n, st / n);
    }

    private static int maxFrequency(TransactionSummary s) {
        int m = 0;
        for (int f : s.frequency()) m = Math.max(m, f);
        return m;
    }

    private static FitData uncompressed(TransactionSummary s, double[] times, double meanX, double meanT) {
        int n = s.size();
        int[] x = new int[n], ti = new int[n], tti = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.frequency(i);
            ti[i] = Arrays.binarySearch(times, s.recency(i));
            tti[i] = Arrays.binarySearch(times, s.age(i));
            w[i] = 1;
        }
        return new FitData(x, ti, tti, w, times, meanX, meanT);
    }

    /**
     * The distinct (x, time) pairs among the rows' (x, t_x) and (x, T), for likelihoods whose expensive part depends
     * on x and one time only (Pareto/NBD: one 2F1 per pair instead of two per row); built on first use.
     */
    Pairs pairs() {
        Pairs p = pairs;
        if (p == null) {
            synchronized (this) {
                p = pairs;
                if (p == null) pairs = p = Pairs.of(this);
            }
        }
        return p;
    }

    /**
     * @param x        frequency of each pair
     * @param time     index into {@link #times} of each pair
     * @param txPair   the pair of each row's (x, t_x)
     * @param bigTPair the pair of each row's (x, T)
     */
    record Pairs(int[] x, int[] time, int[] txPair, int[] bigTPair) {
        int size() { return x.length; }

        static Pairs of(FitData d) {
            int m = d.size();
            long[] keys = new long[2 * m];
            for (int i = 0; i < m; i++) {
                keys[2 * i] = key(d.x[i], d.tIdx[i]);
                keys[2 * i + 1] = key(d.x[i], d.bigTIdx[i]);
            }
            long[] sorted = keys.clone();
            Arrays.parallelSort(sorted);
            int u = 0;
            for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) sorted[u++] = sorted[i];
            long[] uniq = Arrays.copyOf(sorted, u);
            int[] px = new int[u], pt = new int[u];
            for (int k = 0; k < u; k++) {
                px[k] = (int) (uniq[k] >>> 32);
                pt[k] = (int) uniq[k];
            }
            int[] a = new int[m], b = new int[m];
            for (int i = 0; i < m; i++) {
                a[i] = Arrays.binarySearch(uniq, keys[2 * i]);
                b[i] = Arrays.binarySearch(uniq, keys[2 * i + 1]);
            }
            return new Pairs(px, pt, a, b);
        }

        private static long key(int x, int time) { return ((long) x << 32) | time; }
    }

    /** {@code out[k] = f(k)} for every k, in parallel chunks for large arrays (each value independent: reproducible). */
    static void fill(double[] out, java.util.function.IntToDoubleFunction f) {
        int n = out.length;
        if (n < 2_000) {
            for (int k = 0; k < n; k++) out[k] = f.applyAsDouble(k);
            return;
        }
        int chunks = 64;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) n * c / chunks), to = (int) ((long) n * (c + 1) / chunks);
            for (int k = from; k < to; k++) out[k] = f.applyAsDouble(k);
        });
    }

    /** Sum over rows of {@code term(i)}, in parallel chunks for large data (fixed chunking: reproducible). */
    double sum(RowTerm term) {
        int n = size();
        if (n < 20_000) {
            double s = 0;
            for (int i = 0; i < n; i++) s += term.value(i);
            return s;
        }
        int chunks = 64;
        double[] parts = new double[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) n * c / chunks), to = (int) ((long) n * (c + 1) / chunks);
            double s = 0;
            for (int i = from; i < to; i++) s += term.value(i);
            parts[c] = s;
        });
        double s = 0;
        for (double p : parts) s += p;
        return s;
    }

    @FunctionalInterface
    interface RowTerm {
        double value(int row);
    }
}
