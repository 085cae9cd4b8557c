package io.segmenta.core.clv;

import static io.segmenta.core.clv.SpecialFunctions.hyp2f1;
import static io.segmenta.core.clv.SpecialFunctions.lnGamma;

/**
 * Likelihoods and customer-level predictions of BG/NBD, Pareto/NBD, MBG/NBD and Gamma-Gamma, written from
 * Fader, Hardie &amp; Lee (2005a, "Counting your customers the easy way"), Fader &amp; Hardie (2005, "A note on
 * deriving the Pareto/NBD model and related expressions"), Batislam, Denizel &amp; Filiztekin (2007) and Fader,
 * Hardie &amp; Lee (2005b, "RFM and CLV"). Parameters are on the natural scale, in the order of
 * {@link FrequencyModel#parameterNames()}; x = repeat purchases, tx = recency, T = age, all in one time unit.
 */
public final class BtydModels {
    private BtydModels() { }

    // ---------------------------------------------------------------- log-likelihoods

    /** Total log-likelihood of a frequency model over the (weighted) fit data. */
    static double logLikelihood(FrequencyModel m, double[] p, FitData d) {
        return switch (m) {
            case BGNBD -> bgLogLikelihood(p, d, false);
            case MBGNBD -> bgLogLikelihood(p, d, true);
            case PARETONBD -> paretoLogLikelihood(p, d);
        };
    }

    private static double bgLogLikelihood(double[] p, FitData d, boolean modified) {
        double r = p[0], alpha = p[1], a = p[2], b = p[3];
        double[] lnAt = new double[d.times.length];
        for (int k = 0; k < lnAt.length; k++) lnAt[k] = Math.log(alpha + d.times[k]);
        int mx = d.maxX;
        double[] c12 = new double[mx + 1];
        double[] c4 = new double[mx + 1];
        double base = -lnGamma(r) + r * Math.log(alpha) + lnGamma(a + b) - lnGamma(b);
        double lnA = Math.log(a);
        int sh = modified ? 1 : 0;
        for (int x = 0; x <= mx; x++) {
            c12[x] = base + lnGamma(r + x) + lnGamma(b + x + sh) - lnGamma(a + b + x + sh);
            c4[x] = x > 0 || modified ? lnA - Math.log(b + x - 1 + sh) : Double.NEGATIVE_INFINITY;
        }
        return d.sum(i -> {
            int x = d.x[i];
            double rx = r + x;
            double a3 = -rx * lnAt[d.bigTIdx[i]];
            double a4 = c4[x] - rx * lnAt[d.tIdx[i]];
            double hi = Math.max(a3, a4), lo = Math.min(a3, a4);
            return d.weight[i] * (c12[x] + hi + Math.log1p(Math.exp(lo - hi)));
        });
    }

    private static double paretoLogLikelihood(double[] p, FitData d) {
        double r = p[0], alpha = p[1], s = p[2], beta = p[3];
        double base = -lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
        double[] lg = new double[d.maxX + 1];
        double[] lnS = new double[d.maxX + 1];
        for (int x = 0; x <= d.maxX; x++) {
            lg[x] = lnGamma(r + x);
            lnS[x] = Math.log(s / (r + s + x));
        }
        double[] lnAt = new double[d.times.length], lnBt = new double[d.times.length];
        for (int k = 0; k < lnAt.length; k++) {
            lnAt[k] = Math.log(alpha + d.times[k]);
            lnBt[k] = Math.log(beta + d.times[k]);
        }
        // the 2F1 part depends on (x, time) only: once per distinct pair
        FitData.Pairs pr = d.pairs();
        double[] lnF = new double[pr.size()];
        FitData.fill(lnF, k -> paretoLnF(r, alpha, s, beta, pr.x()[k], d.times[pr.time()[k]]));
        int[] txPair = pr.txPair(), bigTPair = pr.bigTPair();
        return d.sum(i -> {
            int x = d.x[i];
            int ti = d.bigTIdx[i];
            double l1 = -(r + x) * lnAt[ti] - s * lnBt[ti];
            double l2 = lnS[x] + lnA0(lnF[txPair[i]], lnF[bigTPair[i]]);
            double hi = Math.max(l1, l2), lo = Math.min(l1, l2);
            double ll = base + lg[x] + hi + (lo == Double.NEGATIVE_INFINITY ? 0 : Math.log1p(Math.exp(lo - hi)));
            return d.weight[i] * ll;
        });
    }

    /**
     * ln A0 of the Pareto/NBD likelihood (Fader &amp; Hardie 2005, eq. 19–20): the difference of the two terms
     * F(t_x) − F(T) taken in log space.
     */
    static double paretoLnA0(double r, double alpha, double s, double beta, int x, double tx, double t) {
        return lnA0(paretoLnF(r, alpha, s, beta, x, tx), paretoLnF(r, alpha, s, beta, x, t));
    }

    private static double lnA0(double l1, double l2) {
        double dl = l2 - l1;
        if (!(dl < 0)) return Double.NEGATIVE_INFINITY; // tx = T: the two terms cancel exactly
        return l1 + Math.log1p(-Math.exp(dl));
    }

    /**
     * ln F(y) = ln 2F1(r+s+x, b; r+s+x+1; |α−β|/(max(α,β)+y)) − (r+s+x) ln(max(α,β)+y), one term of A0, with
     * b = s + 1 when α ≥ β and r + x otherwise (the representation whose argument lies in [0, 1)); the
     * complement 1 − z = (min(α,β)+y)/(max(α,β)+y) is passed exactly so 2F1 stays accurate close to z = 1.
     */
    static double paretoLnF(double r, double alpha, double s, double beta, int x, double y) {
        double rsx = r + s + x;
        double big = Math.max(alpha, beta), small = Math.min(alpha, beta);
        double b = alpha >= beta ? s + 1 : r + x;
        double by = big + y;
        return SpecialFunctions.lnHyp2f1Ap1(rsx, b, (big - small) / by, (small + y) / by) - rsx * Math.log(by);
    }

    /** Gamma-Gamma log-likelihood over customers with x &gt; 0 and a positive mean spend m. */
    static double gammaGammaLogLikelihood(double[] p, int[] x, double[] lnM, double[] m, int maxX) {
        double pp = p[0], q = p[1], g = p[2];
        double[] cx = new double[maxX + 1];
        double common = -lnGamma(q) + q * Math.log(g);
        for (int k = 1; k <= maxX; k++) cx[k] = common + lnGamma(pp * k + q) - lnGamma(pp * k) + pp * k * Math.log(k);
        int n = x.length;
        java.util.function.IntToDoubleFunction term = i -> {
            int k = x[i];
            double px = pp * k;
            return cx[k] + (px - 1) * lnM[i] - (px + q) * Math.log(g + m[i] * k);
        };
        if (n < 20_000) {
            double s = 0;
            for (int i = 0; i < n; i++) s += term.applyAsDouble(i);
            return s;
        }
        int chunks = 64;
        double[] parts = new double[chunks];
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) n * c / chunks), to = (int) ((long) n * (c + 1) / chunks);
            double s = 0;
            for (int i = from; i < to; i++) s += term.applyAsDouble(i);
            parts[c] = s;
        });
        double s = 0;
        for (double v : parts) s += v;
        return s;
    }

    // ---------------------------------------------------------------- predictions

    /** Probability that a customer with (x, tx, T) is still alive at T. */
    public static double probabilityAlive(FrequencyModel m, double[] p, int x, double tx, double t) {
        double r = p[0], alpha = p[1];
        return switch (m) {
            case BGNBD -> x == 0 ? 1.0 : 1.0 / (1.0 + Math.exp(Math.log(p[2] / (p[3] + x - 1))
                    + (r + x) * Math.log((alpha + t) / (alpha + tx))));
            case MBGNBD -> 1.0 / (1.0 + Math.exp(Math.log(p[2] / (p[3] + x)) + (r + x) * Math.log((alpha + t) / (alpha + tx))));
            case PARETONBD -> {
                double s = p[2], beta = p[3];
                double l1 = -(r + x) * Math.log(alpha + t) - s * Math.log(beta + t);
                double l2 = Math.log(s / (r + s + x)) + paretoLnA0(r, alpha, s, beta, x, tx, t);
                yield 1.0 / (1.0 + Math.exp(l2 - l1));
            }
        };
    }

    /** Expected purchases in (T, T + horizon] for a customer with (x, tx, T): the conditional expectation. */
    public static double conditionalExpected(FrequencyModel m, double[] p, int x, double tx, double t, double horizon) {
        if (horizon <= 0) return 0;
        double r = p[0], alpha = p[1];
        switch (m) {
            case PARETONBD -> {
                double s = p[2], beta = p[3];
                double pa = probabilityAlive(m, p, x, tx, t);
                double scale = (r + x) * (beta + t) / (alpha + t);
                double g;
                if (Math.abs(s - 1) < 1e-9) g = Math.log((beta + t + horizon) / (beta + t));
                else g = -Math.expm1((s - 1) * Math.log((beta + t) / (beta + t + horizon))) / (s - 1);
                return scale * g * pa;
            }
            case BGNBD, MBGNBD -> {
                double a = p[2];
                if (Math.abs(a - 1) < 1e-7) {
                    // removable singularity at a = 1: average the two sides
                    double[] lo = {p[0], p[1], a - 2e-7, p[3]}, hi = {p[0], p[1], a + 2e-7, p[3]};
                    return 0.5 * (conditionalExpected(m, lo, x, tx, t, horizon) + conditionalExpected(m, hi, x, tx, t, horizon));
                }
                boolean mod = m == FrequencyModel.MBGNBD;
                double b = p[3];
                double bb = mod ? b + 1 : b; // MBG/NBD: as BG/NBD with b + 1 in the survival part
                double z = horizon / (alpha + t + horizon);
                double f = hyp2f1(r + x, bb + x, a + bb + x - 1, z);
                double bracket = 1 - Math.exp((r + x) * Math.log((alpha + t) / (alpha + t + horizon))) * f;
                double num = (a + bb + x - 1) / (a - 1) * bracket;
                return num * probabilityAlive(m, p, x, tx, t);
            }
            default -> throw new IllegalArgumentException(m.toString());
        }
    }

    /** Expected purchases in (0, t] of a customer just acquired (the first purchase at 0 not counted). */
    public static double unconditionalExpected(FrequencyModel m, double[] p, double t) {
        double r = p[0], alpha = p[1];
        return switch (m) {
            case BGNBD -> {
                double a = p[2], b = p[3];
                yield (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
            }
            case MBGNBD -> {
                double a = p[2], b = p[3];
                yield b / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b + 1, a + b, t / (alpha + t)));
            }
            case PARETONBD -> {
                double s = p[2], beta = p[3];
                if (Math.abs(s - 1) < 1e-9) yield r * beta / alpha * Math.log((beta + t) / beta);
                yield r * beta / (alpha * (s - 1)) * (1 - Math.pow(beta / (beta + t), s - 1));
            }
        };
    }

    /**
     * BG/NBD probability that a new customer makes exactly n purchases in (0, t] (Fader, Hardie &amp; Lee 2005a, eq. 8).
     */
    public static double bgProbabilityOfPurchases(double[] p, double t, int n) {
        double r = p[0], alpha = p[1], a = p[2], b = p[3];
        double lnRatio = Math.log(alpha / (alpha + t));
        double lnZ = Math.log(t / (alpha + t));
        double first = Math.exp(SpecialFunctions.lnBeta(a, b + n) - SpecialFunctions.lnBeta(a, b)
                + lnGamma(r + n) - lnGamma(r) - lnGamma(n + 1) + r * lnRatio + n * lnZ);
        if (n == 0) return first;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += Math.exp(lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + r * lnRatio + j * lnZ);
        }
        double second = Math.exp(SpecialFunctions.lnBeta(a + 1, b + n - 1) - SpecialFunctions.lnBeta(a, b)) * (1 - sum);
        return first + second;
    }

    /** Gamma-Gamma expected mean spend per purchase given x repeat purchases with mean m (x = 0: the population mean). */
    public static double expectedSpend(double[] gg, int x, double m) {
        double p = gg[0], q = gg[1], g = gg[2];
        if (x <= 0) return p * g / (q - 1);
        return p * (g + m * x) / (p * x + q - 1);
    }
}
