package io.segmenta.core.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

/**
 * Beta–Binomial comparison of rates: with a uniform Beta(1, 1) prior, arm i with x successes in n trials has
 * the posterior Beta(1 + x, 1 + n − x). The probability that arm i is best and its expected loss are
 * computed by numerical integration (adaptive Simpson on a partition that brackets every posterior), so
 * they are deterministic and accurate to far better than three decimals:
 * <ul>
 *   <li>P(i best) = ∫ f_i(t) · Π_{j≠i} F_j(t) dt;</li>
 *   <li>expected loss of choosing i = E[max_j θ_j − θ_i] = ∫₀¹ (1 − Π_j F_j(t)) dt − E[θ_i];</li>
 *   <li>P(θ_i &gt; θ_c) = ∫ f_c(t) · (1 − F_i(t)) dt.</li>
 * </ul>
 */
public final class BayesianComparison {
    private static final double TOLERANCE = 1e-11;

    private BayesianComparison() { }

    /** A Beta posterior. */
    public record Posterior(double alpha, double beta) {
        public static Posterior of(long successes, long trials) {
            return new Posterior(1.0 + successes, 1.0 + (trials - successes));
        }

        public double mean() { return alpha / (alpha + beta); }

        public double sd() {
            double s = alpha + beta;
            return Math.sqrt(alpha * beta / (s * s * (s + 1)));
        }

        public double pdf(double t) { return Distributions.betaPdf(t, alpha, beta); }

        public double cdf(double t) { return Distributions.betaCdf(t, alpha, beta); }

        /** Equal-tailed credible interval, found by bisection on the CDF. */
        public ProportionStats.Interval credible(double level) {
            return new ProportionStats.Interval(quantile((1 - level) / 2), quantile(1 - (1 - level) / 2));
        }

        public double quantile(double q) {
            double lo = 0;
            double hi = 1;
            for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
                double mid = 0.5 * (lo + hi);
                if (cdf(mid) < q) lo = mid; else hi = mid;
            }
            return 0.5 * (lo + hi);
        }
    }

    /** Per arm, in input order: posterior mean, P(best), expected loss. */
    public record Result(List<Posterior> posteriors, double[] probabilityBest, double[] expectedLoss) { }

    /**
     * P(best) and expected loss for every arm. The k P(best) integrands and the one of E[max] are integrated
     * together, as one vector, so that each point costs one CDF and one density per arm, with the products
     * "all arms but i" from prefix and suffix products: work grows with k × points, not k² × points as it would
     * integrating each arm on its own (minutes for a few hundred arms).
     */
    public static Result compare(List<Posterior> arms) {
        int k = arms.size();
        if (k == 0) return new Result(List.of(), new double[0], new double[0]);
        Posterior[] p = arms.toArray(Posterior[]::new);
        double[] grid = partition(arms);
        double[] cdf = new double[k];
        double[] suffix = new double[k + 1];
        // out[i] = f_i(t) · Π_{j≠i} F_j(t) for i < k; out[k] = 1 − Π_j F_j(t)
        VectorFunction f = (t, out) -> {
            for (int j = 0; j < k; j++) cdf[j] = p[j].cdf(t);
            suffix[k] = 1;
            for (int j = k - 1; j >= 0; j--) suffix[j] = suffix[j + 1] * cdf[j];
            double prefix = 1;
            for (int i = 0; i < k; i++) {
                double v = p[i].pdf(t);
                out[i] = v == 0 ? 0 : v * prefix * suffix[i + 1];
                prefix *= cdf[i];
            }
            out[k] = 1 - suffix[0];
        };
        double[] all = integrate(f, k + 1, grid);
        double[] best = Arrays.copyOf(all, k);
        double eMax = all[k];
        double[] loss = new double[k];
        for (int i = 0; i < k; i++) loss[i] = Math.max(0, eMax - p[i].mean());
        return new Result(List.copyOf(arms), best, loss);
    }

    /** P(θ_arm &gt; θ_control). */
    public static double probabilityBeats(Posterior arm, Posterior control) {
        double[] grid = partition(List.of(arm, control));
        return integrate(t -> {
            double f = control.pdf(t);
            return f == 0 ? 0 : f * (1 - arm.cdf(t));
        }, grid);
    }

    /** Break points: 0, 1 and each posterior's mean ± {1, 3, 6, 12, 24} standard deviations. */
    private static double[] partition(List<Posterior> arms) {
        TreeSet<Double> pts = new TreeSet<>();
        pts.add(0.0);
        pts.add(1.0);
        double[] ks = {0, 1, 3, 6, 12, 24};
        for (Posterior p : arms) {
            for (double kk : ks) {
                for (int sign : new int[]{-1, 1}) {
                    double t = p.mean() + sign * kk * p.sd();
                    if (t > 0 && t < 1) pts.add(t);
                }
            }
        }
        List<Double> l = new ArrayList<>(pts);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = l.get(i);
        return out;
    }

    /** A function of t with {@code n} values, written into {@code out}. */
    private interface VectorFunction {
        void apply(double t, double[] out);
    }

    /**
     * Adaptive Simpson of every component of {@code f} over each piece of {@code grid}, refining a piece until
     * every component meets the tolerance (so each one is at least as accurate as integrated on its own).
     */
    private static double[] integrate(VectorFunction f, int n, double[] grid) {
        double[] total = new double[n];
        double tol = TOLERANCE / (grid.length - 1);
        for (int i = 0; i + 1 < grid.length; i++) {
            double a = grid[i];
            double b = grid[i + 1];
            double[] fa = safe(f, a, n);
            double[] fb = safe(f, b, n);
            double[] fm = safe(f, 0.5 * (a + b), n);
            double[] whole = new double[n];
            for (int c = 0; c < n; c++) whole[c] = (b - a) / 6 * (fa[c] + 4 * fm[c] + fb[c]);
            simpson(f, n, a, b, fa, fm, fb, whole, tol, 60, total);
        }
        return total;
    }

    private static double[] safe(VectorFunction f, double t, int n) {
        double[] v = new double[n];
        f.apply(t, v);
        for (int c = 0; c < n; c++) if (!Double.isFinite(v[c])) v[c] = 0; // an infinite density at an end point carries no mass
        return v;
    }

    private static void simpson(VectorFunction f, int n, double a, double b, double[] fa, double[] fm, double[] fb,
                                double[] whole, double tol, int depth, double[] total) {
        double m = 0.5 * (a + b);
        double[] flm = safe(f, 0.5 * (a + m), n);
        double[] frm = safe(f, 0.5 * (m + b), n);
        double[] left = new double[n];
        double[] right = new double[n];
        double worst = 0;
        for (int c = 0; c < n; c++) {
            left[c] = (m - a) / 6 * (fa[c] + 4 * flm[c] + fm[c]);
            right[c] = (b - m) / 6 * (fm[c] + 4 * frm[c] + fb[c]);
            worst = Math.max(worst, Math.abs(left[c] + right[c] - whole[c]));
        }
        if (depth <= 0 || worst <= 15 * tol) {
            for (int c = 0; c < n; c++) total[c] += left[c] + right[c] + (left[c] + right[c] - whole[c]) / 15;
            return;
        }
        simpson(f, n, a, m, fa, flm, fm, left, tol / 2, depth - 1, total);
        simpson(f, n, m, b, fm, frm, fb, right, tol / 2, depth - 1, total);
    }

    private static double integrate(DoubleUnaryOperator f, double[] grid) {
        double total = 0;
        double tol = TOLERANCE / (grid.length - 1);
        for (int i = 0; i + 1 < grid.length; i++) {
            double a = grid[i];
            double b = grid[i + 1];
            double fa = safe(f, a);
            double fb = safe(f, b);
            double m = 0.5 * (a + b);
            double fm = safe(f, m);
            double whole = (b - a) / 6 * (fa + 4 * fm + fb);
            total += simpson(f, a, b, fa, fm, fb, whole, tol, 60);
        }
        return total;
    }

    private static double safe(DoubleUnaryOperator f, double t) {
        double v = f.applyAsDouble(t);
        return Double.isFinite(v) ? v : 0; // an infinite density at an end point carries no mass
    }

    private static double simpson(DoubleUnaryOperator f, double a, double b, double fa, double fm, double fb,
                                  double whole, double tol, int depth) {
        double m = 0.5 * (a + b);
        double lm = 0.5 * (a + m);
        double rm = 0.5 * (m + b);
        double flm = safe(f, lm);
        double frm = safe(f, rm);
        double left = (m - a) / 6 * (fa + 4 * flm + fm);
        double right = (b - m) / 6 * (fm + 4 * frm + fb);
        double diff = left + right - whole;
        if (depth <= 0 || Math.abs(diff) <= 15 * tol) return left + right + diff / 15;
        return simpson(f, a, m, fa, flm, fm, left, tol / 2, depth - 1) + simpson(f, m, b, fm, frm, fb, right, tol / 2, depth - 1);
    }
}
