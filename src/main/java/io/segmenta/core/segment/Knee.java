package io.segmenta.core.segment;

/**
 * Kneedle (Satopää et al., 2011) for a decreasing, convex curve such as inertia against k.
 *
 * <p>Both axes are normalised to [0, 1] (min–max). For a decreasing curve the chord from the first to
 * the last point is {@code 1 − x}, and the difference curve is {@code D(x) = (1 − x) − y}: how far the
 * curve bends below the chord. The knee is the point where {@code D} is largest. It is reported only
 * when that maximum is at an inner point and at least {@link #MIN_DIFFERENCE} (a tenth of the
 * normalised range): a straight line has {@code D ≡ 0}, a gently curving one a small maximum, and then
 * there is "no clear elbow" and the result is null rather than an invented k.
 */
public final class Knee {
    /** Smallest maximum of the normalised difference curve that counts as an elbow. */
    public static final double MIN_DIFFERENCE = 0.10;

    private Knee() { }

    /**
     * @param knee          the x value at the knee, or null when there is no clear elbow
     * @param difference    the difference curve D, one value per point
     * @param maxDifference the largest value of D
     */
    public record Result(Integer knee, double[] difference, double maxDifference) { }

    /** The knee of {@code y} over increasing integer {@code x} (e.g. k and inertia). */
    public static Result find(int[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
        int n = x.length;
        double[] diff = new double[n];
        if (n < 3) return new Result(null, diff, 0);
        double xmin = x[0];
        double xmax = x[n - 1];
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (!Double.isFinite(v)) return new Result(null, diff, 0);
            ymin = Math.min(ymin, v);
            ymax = Math.max(ymax, v);
        }
        if (!(xmax > xmin) || !(ymax > ymin)) return new Result(null, diff, 0);
        int best = -1;
        double bestD = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double xn = (x[i] - xmin) / (xmax - xmin);
            double yn = (y[i] - ymin) / (ymax - ymin);
            diff[i] = (1 - xn) - yn;
            if (diff[i] > bestD + 1e-12) { bestD = diff[i]; best = i; }
        }
        boolean inner = best > 0 && best < n - 1;
        Integer knee = inner && bestD >= MIN_DIFFERENCE ? x[best] : null;
        return new Result(knee, diff, Math.max(0, bestD));
    }
}
