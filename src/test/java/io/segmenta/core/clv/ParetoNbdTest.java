package io.segmenta.core.clv;

import io.segmenta.core.task.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Pareto/NBD at daily scale, checked against a formula that involves no hypergeometric function: the likelihood's
 * death-time integral ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ by Gauss–Legendre quadrature.
 */
class ParetoNbdTest {

    @Test
    void a0MatchesQuadratureInEveryRegime() {
        double[][] params = {
                {2.52285, 139.7316, 0.009447, 0.0043044}, // sample project's MLE in days: alpha >> beta, s near 0
                {0.5533, 10.578, 0.6062, 11.669},         // CDNOW in weeks: alpha close to beta
                {1, 30, 1, 500},                           // integer r and s: the poles of the textbook 1 - z formula
                {0.9, 1000, 2, 5},                         // alpha >> beta, integer s
                {3, 5, 0.5, 2000},                         // beta >> alpha, integer r
                {0.25, 0.5, 4.5, 80},
        };
        int[] xs = {0, 1, 2, 5, 20, 60};
        double[][] times = {{0, 700}, {0, 1}, {3, 400}, {300, 301}, {0.5, 729}, {650, 700}};
        for (double[] p : params) {
            for (int x : xs) {
                for (double[] tt : times) {
                    double tx = x == 0 ? 0 : tt[0], t = tt[1];
                    double expected = Math.log(p[0] + p[2] + x) + lnIntegral(p, x, tx, t);
                    double actual = BtydModels.paretoLnA0(p[0], p[1], p[2], p[3], x, tx, t);
                    assertThat(actual).as("ln A0 at %s, x=%d, tx=%s, T=%s", java.util.Arrays.toString(p), x, tx, t)
                            .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
                }
            }
        }
    }

    @Test
    void twentyThousandDailyCustomersFitInSecondsAndMatchAnIndependentLikelihood() {
        double[] truth = {0.75, 60, 0.6, 400}; // per day
        TransactionSummary s = simulate(20_000, truth, 17);
        long t0 = System.nanoTime();
        ModelFit f = ClvFitter.fit(FrequencyModel.PARETONBD, s, FitOptions.defaults(), TaskContext.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(f.converged()).as(String.valueOf(f.message())).isTrue();
        // about a second on a laptop core; minutes before the 2F1 near z = 1 was reworked
        assertThat(seconds).isLessThan(30);
        double[] p = f.values();
        // the fitted optimum, evaluated independently, is the likelihood the fitter reports ...
        double independent = quadratureLogLikelihood(p, s);
        assertThat(f.logLikelihood()).isCloseTo(independent, within(1e-6));
        // ... and beats the generating parameters on that independent likelihood
        assertThat(independent).isGreaterThan(quadratureLogLikelihood(truth, s));
        // the generating parameters come back (standard errors: a few % for r and alpha, 10-20% for s and beta)
        double[] tolerance = {0.10, 0.15, 0.30, 0.40};
        for (int i = 0; i < 4; i++) {
            assertThat(p[i]).as("%s", f.names().get(i)).isCloseTo(truth[i], within(tolerance[i] * truth[i]));
            assertThat(Math.abs(p[i] - truth[i])).as("%s within 4 standard errors", f.names().get(i))
                    .isLessThan(4 * f.standardErrors()[i]);
        }
    }

    // ---------------------------------------------------------------- simulation

    /** Pareto/NBD customers acquired over a year, observed to day 729, times in whole days (recency rounded down). */
    static TransactionSummary simulate(int n, double[] p, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] x = new int[n];
        double[] rec = new double[n], age = new double[n];
        for (int i = 0; i < n; i++) {
            double lambda = gamma(rnd, p[0]) / p[1];
            double mu = gamma(rnd, p[2]) / p[3];
            double big = 729 - rnd.nextInt(365);
            double death = -Math.log(1 - rnd.nextDouble()) / mu;
            double end = Math.min(death, big);
            double t = 0, last = 0;
            int k = 0;
            while (true) {
                t += -Math.log(1 - rnd.nextDouble()) / lambda;
                if (t > end) break;
                k++;
                last = t;
            }
            x[i] = k;
            rec[i] = Math.floor(last);
            age[i] = big;
        }
        return TransactionSummary.ofUnits(x, rec, age, null, TimeUnit.DAYS);
    }

    private static double gamma(SplittableRandom r, double shape) {
        if (shape < 1) return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z, v;
            do {
                double u1 = 1 - r.nextDouble(), u2 = r.nextDouble();
                z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            double u = r.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) return d * v;
        }
    }

    // ---------------------------------------------------------------- the independent likelihood

    /**
     * Σ ln L with L = Γ(r+x) α^r β^s / Γ(r) · [(α+T)^−(r+x) (β+T)^−s + s ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ]
     * (the death time integrated out directly; Fader &amp; Hardie 2005, eq. 3 before the 2F1 step).
     */
    static double quadratureLogLikelihood(double[] p, TransactionSummary s) {
        double r = p[0], alpha = p[1], sh = p[2], beta = p[3];
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            int x = s.frequency(i);
            double tx = s.recency(i), t = s.age(i);
            double l1 = -(r + x) * Math.log(alpha + t) - sh * Math.log(beta + t);
            double ll = l1;
            if (t > tx) {
                double l2 = Math.log(sh) + lnIntegral(p, x, tx, t);
                double hi = Math.max(l1, l2);
                ll = hi + Math.log(Math.exp(l1 - hi) + Math.exp(l2 - hi));
            }
            sum += SpecialFunctions.lnGamma(r + x) - SpecialFunctions.lnGamma(r) + r * Math.log(alpha) + sh * Math.log(beta) + ll;
        }
        return sum;
    }

    /**
     * ln ∫_{tx}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ by composite 10-point Gauss–Legendre in u = ln(min(α,β) + τ), where
     * the integrand is smooth with a log-slope below r + x + s + 2; panels of width 1/slope keep every panel's
     * integrand close to a low-degree polynomial.
     */
    static double lnIntegral(double[] p, int x, double tx, double t) {
        double r = p[0], alpha = p[1], s = p[2], beta = p[3];
        double k = Math.min(alpha, beta);
        double u0 = Math.log(k + tx), u1 = Math.log(k + t);
        double slope = r + x + s + 2;
        int panels = (int) Math.ceil((u1 - u0) * slope) + 1;
        double h = (u1 - u0) / panels;
        double ref = lnIntegrand(r, alpha, s, beta, x, k, u0);
        double sum = 0;
        for (int j = 0; j < panels; j++) {
            double mid = u0 + (j + 0.5) * h;
            for (int q = 0; q < GL_X.length; q++) {
                sum += GL_W[q] * Math.exp(lnIntegrand(r, alpha, s, beta, x, k, mid + 0.5 * h * GL_X[q]) - ref);
            }
        }
        return ref + Math.log(sum * 0.5 * h);
    }

    /** ln of (α+τ)^−(r+x) (β+τ)^−(s+1) dτ/du at u = ln(k + τ). */
    private static double lnIntegrand(double r, double alpha, double s, double beta, int x, double k, double u) {
        double tau = Math.exp(u) - k;
        return u - (r + x) * Math.log(alpha + tau) - (s + 1) * Math.log(beta + tau);
    }

    private static final double[] GL_X = new double[10], GL_W = new double[10];

    static {
        // nodes and weights of 10-point Gauss–Legendre by Newton's method on P_10
        int n = GL_X.length;
        for (int i = 0; i < n; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1, p1 = z;
                for (int j = 2; j <= n; j++) {
                    double p2 = ((2 * j - 1) * z * p1 - (j - 1) * p0) / j;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (z * p1 - p0) / (z * z - 1);
                double dz = p1 / dp;
                z -= dz;
                if (Math.abs(dz) < 1e-16) break;
            }
            GL_X[i] = z;
            GL_W[i] = 2 / ((1 - z * z) * dp * dp);
        }
    }
}
