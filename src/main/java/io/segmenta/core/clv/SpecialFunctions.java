package io.segmenta.core.clv;

/**
 * Log-gamma and the Gaussian hypergeometric function 2F1, written for the buy-till-you-die likelihoods.
 * <p>
 * {@link #hyp2f1} sums the power series for |z| ≤ 0.9, maps negative z into (0, 1) with Pfaff's
 * transformation 2F1(a,b;c;z) = (1−z)^(−a) 2F1(a, c−b; c; z/(z−1)), and for z close to 1 uses the linear
 * 1−z transformation (Abramowitz &amp; Stegun 15.3.6) unless c−a−b is (nearly) an integer, where the two
 * terms of that formula cancel and the series, summed further, is used instead (slow close to z = 1).
 * <p>
 * The Pareto/NBD likelihood needs only 2F1(a, b; a+1; z), often with z within 1e-4 of 1 when time is in days;
 * {@link #lnHyp2f1Ap1} evaluates that family in a few dozen operations everywhere, integer c − a − b included.
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
    // ---------------------------------------------------------------- 2F1(a, b; a + 1; z): the Pareto/NBD integral

    /** Above this a·(1 − z) the 1 − z expansion of {@link #lnHyp2f1Ap1} cancels too much and Euler's series is used. */
    static final double AW_LIMIT = 1.5;

    /**
     * ln 2F1(a, b; a + 1; z) for a &gt; 0, 0 &lt; b &lt; a + 1 and 0 ≤ z &lt; 1, the function behind the Pareto/NBD
     * likelihood, with w = 1 − z passed separately so that it keeps its precision when z is close to 1.
     * <p>
     * Euler's transformation 2F1(a, b; a+1; z) = (1−z)^(1−b) Σ (a+1−b)_k / (a+1)_k z^k gives a series of positive
     * terms whose ratio stays below z; it is used for z ≤ ½, and whenever a·w is large. Close to z = 1 that series
     * needs about 40/w terms, so there 2F1 = a z^(−a) B_z(a, q) (q = 1 − b) is expanded around w = 0: with
     * n = round(−q) and ε = q + n,
     * <pre>
     *   B_z(a, q) = (a+q)_n / (q)_n · [R(ε) − P(ε)] / ε − w^q (1−w)^a / q · Σ_{k&lt;n} (a+q)_k / (q+1)_k w^k,
     *   R(ε) = Γ(a) Γ(1+ε) / Γ(a+ε),   P(ε) = w^ε (1−w)^a Σ_j (a+ε)_j / (1+ε)_j w^j,
     * </pre>
     * where R and P both tend to 1 as ε → 0; [R − P]/ε is computed from (ln R)/ε and (ln P)/ε, each formed without
     * cancellation (divided differences of ln Γ; the series difference P − (1−w)^(−a) term by term), so the poles
     * of the textbook 1 − z transformation at integer c − a − b never appear. Relative accuracy is about 1e-14.
     */
    public static double lnHyp2f1Ap1(double a, double b, double z, double w) {
        if (!(a > 0) || !(b > 0) || !(b < a + 1) || !(z >= 0) || !(w > 0)) return Double.NaN;
        if (z == 0) return 0;
        if (z > 0.5 && a * w <= AW_LIMIT) {
            double v = lnHyp2f1Ap1NearOne(a, b, w);
            if (Double.isFinite(v)) return v;
        }
        return lnHyp2f1Ap1Euler(a, b, z, w);
    }

    /** Euler's series of positive terms; the tail after term k is below t_k z / (1 − z). */
    static double lnHyp2f1Ap1Euler(double a, double b, double z, double w) {
        double c = a + 1 - b, d = a + 1;
        double t = 1, sum = 1;
        for (int k = 0; k < 50_000_000; k++) {
            t *= (c + k) / (d + k) * z;
            sum += t;
            if (t * z <= 1e-17 * sum * w) break;
        }
        return (1 - b) * Math.log(w) + Math.log(sum);
    }

    /** The expansion around z = 1 (see {@link #lnHyp2f1Ap1}); NaN when it breaks down. */
    static double lnHyp2f1Ap1NearOne(double a, double b, double w) {
        double q = 1 - b;
        int n = (int) Math.max(0, Math.rint(-q));
        double e = q + n;
        double lnW = Math.log(w);
        double lnOneMinusW = Math.log1p(-w);
        double c = Math.exp(a * lnOneMinusW); // (1 − w)^a
        // (ln R)/ε
        double m = lnGammaSlope(1, e) - lnGammaSlope(a, e);
        // (T(ε) − T(0))/ε term by term, T(ε) = Σ (a+ε)_j/(1+ε)_j w^j, T(0) = (1 − w)^(−a)
        double t0 = 1, et = 0, sumE = 0;
        for (int j = 0; j < 10_000_000; j++) {
            double rho0 = (a + j) / (1 + j) * w;
            double rhoE = (a + e + j) / (1 + e + j) * w;
            et = et * rhoE + t0 * w * (1 - a) / ((1 + e + j) * (1 + j));
            sumE += et;
            t0 *= rho0;
            if (rho0 < 1 && rhoE < 1 && Math.abs(et) <= 1e-17 * Math.abs(sumE)
                    && t0 * w * Math.abs(1 - a) <= 1e-17 * Math.abs(sumE) * (j + 1) * (j + 1)) break;
            if (rho0 < 1 && t0 < 1e-300) break;
        }
        double u = e * c * sumE;
        double lnPOverE = lnW + c * sumE * log1pOverX(u); // (ln P)/ε
        double h = expm1OverX(e, m) - expm1OverX(e, lnPOverE);
        double pre = 1;
        for (int k = 0; k < n; k++) pre *= (a + q + k) / (q + k);
        double inner = pre * h * Math.exp(-q * lnW);
        if (n > 0) {
            double sLow = 0, t = 1;
            for (int k = 0; k < n; k++) {
                sLow += t;
                if (k + 1 < n) t *= (a + q + k) / (q + 1 + k) * w;
            }
            inner -= c * sLow / q;
        }
        if (!(inner > 0) || !Double.isFinite(inner)) return Double.NaN;
        return Math.log(a) - a * lnOneMinusW + q * lnW + Math.log(inner);
    }

    /** log1p(u)/u, 1 at u = 0. */
    private static double log1pOverX(double u) {
        return u == 0 ? 1 : Math.log1p(u) / u;
    }

    /** expm1(e·v)/e, v at e = 0. */
    private static double expm1OverX(double e, double v) {
        double ev = e * v;
        return ev == 0 ? v : Math.expm1(ev) / e;
    }

    /**
     * (ln Γ(x+e) − ln Γ(x)) / e for x &gt; 0 and x + e &gt; 0, and ψ(x) at e = 0: the divided difference of the
     * Lanczos form taken analytically, so it keeps full relative precision however small e is.
     */
    public static double lnGammaSlope(double x, double e) {
        if (!(x > 0) || !(x + e > 0)) return Double.NaN;
        double shift = 0;
        while (x < 0.5 || x + e < 0.5) {
            // ln Γ(y) = ln Γ(y+1) − ln y
            shift += log1pOverX(e / x) / x;
            x += 1;
        }
        double g = x + 6.5, ge = g + e;
        double s = LANCZOS[0], v = 0;
        for (int i = 1; i < 9; i++) {
            double d0 = x - 1 + i, d1 = d0 + e;
            s += LANCZOS[i] / d0;
            v -= LANCZOS[i] / (d0 * d1);
        }
        v /= s;
        double slope = (x - 0.5) / g * log1pOverX(e / g) + Math.log(ge) - 1 + v * log1pOverX(e * v);
        return slope - shift;
    }
}
