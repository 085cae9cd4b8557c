package io.segmenta.core.eda;

import java.util.Arrays;

/**
 * Numerical building blocks shared by the profile and the charts, defined to match numpy/pandas so that
 * figures can be checked against them.
 */
public final class Stats {
    private Stats() { }

    /**
     * The {@code q}-quantile (0 ≤ q ≤ 1) of ascending {@code sorted[0..n)} exactly as
     * {@code numpy.percentile(x, 100*q)} / {@code numpy.quantile} with the default method 'linear':
     * virtual index {@code (n-1)·q}, interpolated between its neighbours with numpy's lerp. NaN when n = 0.
     */
    public static double quantileSorted(double[] sorted, int n, double q) {
        if (n <= 0) return Double.NaN;
        if (q < 0 || q > 1 || Double.isNaN(q)) throw new IllegalArgumentException("q must be in [0, 1]: " + q);
        double vi = (n - 1) * q;
        int lo = (int) Math.floor(vi);
        if (lo >= n - 1) return sorted[n - 1];
        if (lo < 0) return sorted[0];
        double gamma = vi - lo;
        return lerp(sorted[lo], sorted[lo + 1], gamma);
    }

    /** numpy's {@code _lerp}: a + (b−a)·t, computed from b when t ≥ 0.5 (bit-for-bit the same rounding). */
    static double lerp(double a, double b, double t) {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /** Mean of {@code v[0..n)} with compensated (Neumaier) summation; NaN when n = 0. */
    public static double mean(double[] v, int n) {
        if (n == 0) return Double.NaN;
        return sum(v, n) / n;
    }

    static double sum(double[] v, int n) {
        double s = 0, c = 0;
        for (int i = 0; i < n; i++) {
            double x = v[i];
            double t = s + x;
            if (Math.abs(s) >= Math.abs(x)) c += (s - t) + x; else c += (x - t) + s;
            s = t;
        }
        return s + c;
    }

    /**
     * Central moment sums around {@code mean}: {@code [Σ(x−m)², Σ(x−m)³]} for {@code v[0..n)}, as pandas
     * computes them for {@code Series.skew()} (two passes, not updating formulas).
     */
    static double[] centralSums(double[] v, int n, double mean) {
        double m2 = 0, m3 = 0;
        for (int i = 0; i < n; i++) {
            double d = v[i] - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
        }
        return new double[]{m2, m3};
    }

    /** Sample standard deviation (divisor n−1) from Σ(x−m)²; NaN when n < 2. */
    static double sampleStd(double m2, int n) {
        return n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
    }

    /**
     * Skewness as pandas {@code Series.skew()}: the adjusted Fisher–Pearson coefficient
     * {@code n·√(n−1)/(n−2) · m3/m2^1.5} on sums of centred powers. NaN when n < 3 or when the values are
     * constant (pandas returns 0 there; a constant has no defined skewness, so the profile reports none).
     */
    static double skewness(double m2, double m3, int n) {
        if (n < 3) return Double.NaN;
        // pandas zeroes sums that are pure floating-point noise
        if (Math.abs(m2) < 1e-14) m2 = 0;
        if (Math.abs(m3) < 1e-14) m3 = 0;
        if (m2 == 0) return Double.NaN;
        double nn = n;
        return (nn * Math.sqrt(nn - 1) / (nn - 2)) * (m3 / Math.pow(m2, 1.5));
    }

    /** Skewness of {@code v[0..n)} as pandas {@code Series.skew()}, NaN where undefined. */
    public static double skewness(double[] v, int n) {
        double m = mean(v, n);
        double[] s = centralSums(v, n, m);
        return skewness(s[0], s[1], n);
    }

    /** Sample standard deviation (n−1) of {@code v[0..n)}; NaN when n < 2. */
    public static double std(double[] v, int n) {
        double m = mean(v, n);
        return sampleStd(centralSums(v, n, m)[0], n);
    }

    /**
     * Ranks 1..n of {@code v[0..n)}, ties given their average rank (pandas {@code rank(method='average')},
     * the ranking behind Spearman correlation). NaN values must have been removed.
     */
    public static double[] averageRanks(double[] v, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        sortIndices(idx, v, n);
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i + 1;
            double x = v[idx[i]];
            while (j < n && v[idx[j]] == x) j++;
            double r = (i + 1 + j) / 2.0; // average of ranks i+1 .. j
            for (int k = i; k < j; k++) ranks[idx[k]] = r;
            i = j;
        }
        return ranks;
    }

    /** Sorts {@code idx[0..n)} by {@code v[idx]} ascending (stable merge sort on primitives). */
    static void sortIndices(int[] idx, double[] v, int n) {
        int[] tmp = new int[n];
        // bottom-up merge sort with insertion-sorted runs of 32
        final int run = 32;
        for (int lo = 0; lo < n; lo += run) {
            int hi = Math.min(lo + run, n);
            for (int i = lo + 1; i < hi; i++) {
                int x = idx[i];
                double xv = v[x];
                int j = i - 1;
                while (j >= lo && v[idx[j]] > xv) { idx[j + 1] = idx[j]; j--; }
                idx[j + 1] = x;
            }
        }
        int[] src = idx, dst = tmp;
        for (int width = run; width < n; width <<= 1) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                int a = lo, b = mid, k = lo;
                if (mid >= hi || v[src[mid - 1]] <= v[src[mid]]) {
                    System.arraycopy(src, lo, dst, lo, hi - lo);
                    continue;
                }
                while (a < mid && b < hi) dst[k++] = v[src[b]] < v[src[a]] ? src[b++] : src[a++];
                while (a < mid) dst[k++] = src[a++];
                while (b < hi) dst[k++] = src[b++];
            }
            int[] t = src; src = dst; dst = t;
        }
        if (src != idx) System.arraycopy(src, 0, idx, 0, n);
    }

    /** Pearson correlation of {@code x[0..n)} and {@code y[0..n)} (two-pass); NaN when n < 2 or a side is constant. */
    public static double pearson(double[] x, double[] y, int n) {
        if (n < 2) return Double.NaN;
        double mx = mean(x, n), my = mean(y, n);
        double sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx == 0 || syy == 0) return Double.NaN;
        double r = sxy / Math.sqrt(sxx * syy);
        return Math.max(-1, Math.min(1, r));
    }

    /** A sorted copy of {@code v[0..n)}. */
    static double[] sortedCopy(double[] v, int n) {
        double[] s = Arrays.copyOf(v, n);
        Arrays.sort(s);
        return s;
    }

    /**
     * ROC AUC of scores against a binary outcome by ranks (the Mann–Whitney U statistic over n₁·n₀), ties
     * counting one half. {@code pos} and {@code neg} hold the scores of positive and negative cases and
     * are sorted in place. NaN when either group is empty.
     */
    public static double aucByRanks(double[] pos, int nPos, double[] neg, int nNeg) {
        if (nPos == 0 || nNeg == 0) return Double.NaN;
        Arrays.sort(pos, 0, nPos);
        Arrays.sort(neg, 0, nNeg);
        double u = 0;
        int below = 0; // negatives strictly below the current positive value
        int i = 0;
        while (i < nPos) {
            double x = pos[i];
            int j = i;
            while (j < nPos && pos[j] == x) j++;
            while (below < nNeg && neg[below] < x) below++;
            int equal = below;
            while (equal < nNeg && neg[equal] == x) equal++;
            u += (j - i) * (below + 0.5 * (equal - below));
            i = j;
        }
        return u / ((double) nPos * nNeg);
    }
}
