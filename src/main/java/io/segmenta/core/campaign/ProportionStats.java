package io.segmenta.core.campaign;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Frequentist statistics for rates: Wilson score intervals, the two-proportion z test with a pooled
 * standard error (what statsmodels' {@code proportions_ztest} computes by default), a Wald interval for
 * the difference, and Holm's step-down correction for several comparisons.
 */
public final class ProportionStats {
    private ProportionStats() { }

    /** A confidence interval; both ends NaN when there is no data. */
    public record Interval(double low, double high) { }

    /**
     * One two-sided two-proportion z test of arm 1 against arm 2.
     *
     * @param difference  p1 − p2
     * @param z           (p1 − p2) / sqrt(p(1−p)(1/n1 + 1/n2)) with the pooled p; 0 when that error is 0
     * @param pValue      2·P(Z &gt; |z|); 1 when the error is 0 (both arms all 0 or all 1)
     * @param differenceCi Wald interval for p1 − p2 (unpooled error)
     */
    public record ZTest(double p1, double p2, double difference, double z, double pValue, Interval differenceCi) { }

    /** The z quantile for a two-sided interval of the given confidence, e.g. 1.959964 for 0.95. */
    public static double zFor(double confidence) {
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence " + confidence);
        return Distributions.normalQuantile(1 - (1 - confidence) / 2);
    }

    /** Wilson score interval for x successes in n trials. */
    public static Interval wilson(long x, long n, double confidence) {
        if (n <= 0) return new Interval(Double.NaN, Double.NaN);
        double z = zFor(confidence);
        double p = (double) x / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, center - half), Math.min(1, center + half));
    }

    /** Two-sided pooled two-proportion z test of x1/n1 against x2/n2. */
    public static ZTest zTest(long x1, long n1, long x2, long n2, double confidence) {
        if (n1 <= 0 || n2 <= 0) throw new IllegalArgumentException("both arms need at least one trial");
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double z = se == 0 ? 0 : (p1 - p2) / se;
        double p = se == 0 ? 1 : Math.min(1, 2 * Distributions.normalSf(Math.abs(z)));
        double seu = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double zc = zFor(confidence);
        return new ZTest(p1, p2, p1 - p2, z, p, new Interval(p1 - p2 - zc * seu, p1 - p2 + zc * seu));
    }

    /**
     * Holm–Bonferroni adjusted p-values, in the order given: sort ascending, multiply the i-th smallest
     * (from 0) by (m − i), make them non-decreasing and cap at 1. NaN counts as 1.
     */
    public static double[] holm(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) order[i] = i;
        double[] p = Arrays.stream(pValues).map(v -> Double.isNaN(v) ? 1 : v).toArray();
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adj = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            running = Math.max(running, Math.min(1, (m - k) * p[i]));
            adj[i] = running;
        }
        return adj;
    }
}
