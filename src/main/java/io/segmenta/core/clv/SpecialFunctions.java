package io.segmenta.core.clv;

/**
 * Log-gamma and the Gaussian hypergeometric function 2F1, written for the buy-till-you-die likelihoods.
 * <p>
 * {@link #hyp2f1} sums the power series for |z| ≤ 0.9, maps negative z into (0, 1) with Pfaff's
 * transformation 2F1(a,b;c;z) = (1−z)^(−a) 2F1(a, c−b; c; z/(z−1)), and for z close to 1 uses the linear
 * 1−z transformation (Abramowitz &amp; Stegun 15.3.6) unless c−a−b is (nearly) an integer, where the two
 * terms of that formula cancel and the series, summed further, is used instead.
 */
public final class SpecialFunctions {
    private SpecialFunctions() { }

    private static final double[] LANCZOS = {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
    private static final double HALF_LN_2PI = 0.9189385332046727;

    /** ln Γ(x) for x &gt; 0 (Lanczos, g = 7, relative error about 1e-15). */
    public static double lnGamma(double x) {
        if (!(x > 0)) return x == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        if (x < 0.5) {
            // reflection keeps the accuracy near 0: Γ(x)Γ(1−x) = π / sin(πx)
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
        }
        double y = x - 1;
        double s = LANCZOS[0];
        double t = y + 7.5;
        for (int i = 1; i < 9; i++) s += LANCZOS[i] / (y + i);
        return HALF_LN_2PI + (y + 0.5) * Math.log(t) - t + Math.log(s);
    }

    /** ln |Γ(x)| for any real x that is not a non-positive integer. */
    public static double lnAbsGamma(double x) {
        if (x > 0) return lnGamma(x);
        double s = Math.sin(Math.PI * x);
        return Math.log(Math.PI / Math.abs(s)) - lnGamma(1 - x);
    }

    /** Sign of Γ(x): +1, −1, or 0 at the poles (non-positive integers, where 1/Γ = 0). */
    public static int gammaSign(double x) {
        if (x > 0) return 1;
        if (x == Math.rint(x)) return 0;
        // Γ is negative on (−1, 0), (−3, −2), …
        return ((long) Math.floor(x)) % 2 == 0 ? 1 : -1;
    }

    /** ln B(a, b). */
    public static double lnBeta(double a, double b) {
        return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
    }

    /** The Gaussian hypergeometric function 2F1(a, b; c; z) for real arguments and z &lt; 1. */
    public static double hyp2f1(double a, double b, double c, double z) {
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(z)) return Double.NaN;
        if (z == 0 || a == 0 || b == 0) return 1.0;
        if (c <= 0 && c == Math.rint(c)) return Double.NaN;
        if (z >= 1) {
            if (z == 1 && c - a - b > 0) {
                return Math.exp(lnAbsGamma(c) + lnAbsGamma(c - a - b) - lnAbsGamma(c - a) - lnAbsGamma(c - b))
                        * gammaSign(c) * gammaSign(c - a - b) * gammaSign(c - a) * gammaSign(c - b);
            }
            return Double.NaN;
        }
        if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) return series(a, b, c, z, 1_000_000);
        if (z < -0.5) {
            // Pfaff: the new argument z/(z−1) lies in (1/3, 1)
            return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
        }
        if (z <= 0.9) return series(a, b, c, z, 1_000_000);
        double d = c - a - b;
        if (Math.abs(d - Math.rint(d)) < 0.05) return series(a, b, c, z, 5_000_000);
        return oneMinusZ(a, b, c, z);
    }

    private static boolean isNonPositiveInteger(double v) { return v <= 0 && v == Math.rint(v); }

    /** Direct power series Σ (a)_k (b)_k / ((c)_k k!) z^k, summed until the terms stop mattering. */
    static double series(double a, double b, double c, double z, int maxTerms) {
        double term = 1, sum = 1;
        for (int k = 0; k < maxTerms; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            if (term == 0) return sum;
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum) && k > 2) return sum;
            if (!Double.isFinite(sum)) return Double.NaN;
        }
        return sum;
    }

    /** A&amp;S 15.3.6: expresses 2F1 at z through two series in 1−z (requires c−a−b not an integer). */
    private static double oneMinusZ(double a, double b, double c, double z) {
        double w = 1 - z;
        double d = c - a - b;
        double t1 = 0, t2 = 0;
        int s1 = gammaSign(c) * gammaSign(d) * gammaSign(c - a) * gammaSign(c - b);
        if (gammaSign(c - a) != 0 && gammaSign(c - b) != 0) {
            double l1 = lnAbsGamma(c) + lnAbsGamma(d) - lnAbsGamma(c - a) - lnAbsGamma(c - b);
            t1 = s1 * Math.exp(l1) * series(a, b, 1 - d, w, 1_000_000);
        }
        if (gammaSign(a) != 0 && gammaSign(b) != 0) {
            int s2 = gammaSign(c) * gammaSign(-d) * gammaSign(a) * gammaSign(b);
            double l2 = lnAbsGamma(c) + lnAbsGamma(-d) - lnAbsGamma(a) - lnAbsGamma(b) + d * Math.log(w);
            t2 = s2 * Math.exp(l2) * series(c - a, c - b, d + 1, w, 1_000_000);
        }
        return t1 + t2;
    }
}
