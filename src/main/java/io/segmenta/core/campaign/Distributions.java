package io.segmenta.core.campaign;

/**
 * The special functions the A/B statistics need, written from their textbook definitions so results do not
 * depend on a statistics library: the standard normal distribution (CDF, upper tail, quantile), log-gamma,
 * and the Beta distribution (density and CDF through the regularized incomplete beta function).
 * Accuracy is close to double precision in the ranges campaigns produce (checked against SciPy in tests).
 */
public final class Distributions {
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private Distributions() { }

    // ---- normal ---------------------------------------------------------------------------------------

    /** Complementary error function, erfc(z), for any real z. */
    public static double erfc(double z) {
        if (Double.isNaN(z)) return Double.NaN;
        if (z < 0) return 2.0 - erfc(-z);
        if (z < 2.0) {
            // Maclaurin series of erf: 2/sqrt(pi) * sum (-1)^n z^(2n+1) / (n! (2n+1))
            double term = z;
            double sum = z;
            double z2 = z * z;
            for (int n = 1; n < 200; n++) {
                term *= -z2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
            }
            return 1.0 - 2.0 / SQRT_PI * sum;
        }
        if (z > 27.3) return 0.0; // below the smallest double
        // Continued fraction erfc(z) = exp(-z^2)/sqrt(pi) / (z + (1/2)/(z + (2/2)/(z + (3/2)/(z + ...)))),
        // evaluated with the modified Lentz method.
        double tiny = 1e-300;
        double f = z;
        double c = z;
        double d = 0;
        for (int n = 1; n < 5000; n++) {
            double a = n / 2.0;
            d = z + a * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = z + a / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) break;
        }
        return Math.exp(-z * z) / (SQRT_PI * f);
    }

    /** P(Z ≤ x) for a standard normal Z. */
    public static double normalCdf(double x) { return 0.5 * erfc(-x / SQRT2); }

    /** P(Z > x) for a standard normal Z, accurate far into the tail. */
    public static double normalSf(double x) { return 0.5 * erfc(x / SQRT2); }

    /** Standard normal density. */
    public static double normalPdf(double x) { return Math.exp(-0.5 * x * x - HALF_LOG_2PI); }

    /**
     * The standard normal quantile Φ⁻¹(p): a rational first guess refined with Halley steps against
     * {@link #normalCdf} until it stops moving.
     */
    public static double normalQuantile(double p) {
        if (Double.isNaN(p) || p < 0 || p > 1) throw new IllegalArgumentException("probability " + p);
        if (p == 0) return Double.NEGATIVE_INFINITY;
        if (p == 1) return Double.POSITIVE_INFINITY;
        if (p > 0.5) return -normalQuantile(1.0 - p);
        // p <= 0.5: start from the tail approximation x ≈ -sqrt(-2 ln p) adjusted, then refine
        double t = Math.sqrt(-2.0 * Math.log(p));
        double x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
                / (1.0 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
        for (int i = 0; i < 50; i++) {
            double e = normalCdf(x) - p;
            double u = e / normalPdf(x);
            double step = u / (1.0 + x * u / 2.0);
            x -= step;
            if (Math.abs(step) < 1e-15 * Math.max(1.0, Math.abs(x))) break;
        }
        return x;
    }

    // ---- gamma and beta -------------------------------------------------------------------------------

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};

    /** ln Γ(x) for x &gt; 0: Stirling's series from 10 up, the Lanczos approximation (g = 7) below. */
    public static double logGamma(double x) {
        if (!(x > 0)) throw new IllegalArgumentException("logGamma needs x > 0, not " + x);
        if (x >= 10) {
            double inv = 1.0 / x;
            double inv2 = inv * inv;
            double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 / 1188))));
            return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
        }
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1.0 - x);
        double y = x - 1.0;
        double a = LANCZOS[0];
        double t = y + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (y + i);
        return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** ln B(a, b). */
    public static double logBeta(double a, double b) { return logGamma(a) + logGamma(b) - logGamma(a + b); }

    /** Density of Beta(a, b) at x. */
    public static double betaPdf(double x, double a, double b) {
        if (x < 0 || x > 1) return 0;
        if (x == 0) return a < 1 ? Double.POSITIVE_INFINITY : a == 1 ? Math.exp(-logBeta(a, b)) : 0;
        if (x == 1) return b < 1 ? Double.POSITIVE_INFINITY : b == 1 ? Math.exp(-logBeta(a, b)) : 0;
        return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b));
    }

    /** P(X ≤ x) for X ~ Beta(a, b): the regularized incomplete beta function I_x(a, b). */
    public static double betaCdf(double x, double a, double b) {
        if (!(a > 0) || !(b > 0)) throw new IllegalArgumentException("Beta needs a, b > 0");
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
        if (x < (a + 1) / (a + b + 2)) return Math.exp(logFront) * betaFraction(x, a, b) / a;
        return 1.0 - Math.exp(logFront) * betaFraction(1.0 - x, b, a) / b;
    }

    /**
     * The continued fraction of the incomplete beta function (Abramowitz &amp; Stegun 26.5.8),
     * 1/(1+ d1/(1+ d2/(1+ …))) with d(2m+1) = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)) and
     * d(2m) = m(b−m)x / ((a+2m−1)(a+2m)), by the modified Lentz method.
     */
    private static double betaFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1.0;
        double d = 1.0 - (a + b) * x / (a + 1.0);
        if (Math.abs(d) < tiny) d = tiny;
        d = 1.0 / d;
        double h = d;
        for (int m = 1; m < 100_000; m++) {
            int m2 = 2 * m;
            double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1.0 + num * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = 1.0 + num / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1.0 / d;
            h *= d * c;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1.0 + num * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = 1.0 + num / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) return h;
        }
        return h;
    }
}
