package io.segmenta.core.campaign;

import io.segmenta.core.util.UserException;

/**
 * Sample size and power for comparing two proportions with equal arms, using Cohen's effect size
 * h = 2·asin(√p2) − 2·asin(√p1) and the normal approximation, the way statsmodels'
 * {@code NormalIndPower} does for {@code proportion_effectsize}: for a two-sided test the power counts both
 * rejection tails, power(n) = Φ(|h|·√(n/2) − z(1−α/2)) + Φ(−|h|·√(n/2) − z(1−α/2)).
 */
public final class PowerCalculator {
    private PowerCalculator() { }

    /**
     * What to plan for.
     *
     * @param baseline  the current rate p1, in (0, 1)
     * @param mde       minimum detectable effect: absolute (p2 = p1 + mde) or relative (p2 = p1·(1 + mde))
     * @param relative  whether {@code mde} is relative to the baseline
     * @param alpha     two-sided significance level, in (0, 1)
     * @param power     wanted power, in (0, 1)
     */
    public record Plan(double baseline, double mde, boolean relative, double alpha, double power) {
        public Plan {
            if (!(baseline > 0 && baseline < 1)) throw new UserException("campaign.power.badBaseline", baseline);
            if (!(alpha > 0 && alpha < 1)) throw new UserException("campaign.power.badAlpha", alpha);
            if (!(power > 0 && power < 1)) throw new UserException("campaign.power.badPower", power);
            if (!(mde != 0) || Double.isNaN(mde) || Double.isInfinite(mde)) throw new UserException("campaign.power.badMde", mde);
            double p2 = relative ? baseline * (1 + mde) : baseline + mde;
            if (!(p2 > 0 && p2 < 1)) throw new UserException("campaign.power.badTarget", baseline, p2);
        }

        /** The rate to detect. */
        public double target() { return relative ? baseline * (1 + mde) : baseline + mde; }
    }

    /** A result: the effect size, the exact (fractional) n and the rounded-up n per arm. */
    public record Result(Plan plan, double effectSize, double exactPerArm, long perArm, long total) { }

    /** Cohen's h between two rates. */
    public static double effectSize(double p1, double p2) {
        return 2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1));
    }

    /** Power of a two-sided test with {@code nPerArm} in each arm. */
    public static double power(double p1, double p2, double nPerArm, double alpha) {
        double h = Math.abs(effectSize(p1, p2));
        double crit = Distributions.normalQuantile(1 - alpha / 2);
        double shift = h * Math.sqrt(nPerArm / 2.0);
        return Distributions.normalCdf(shift - crit) + Distributions.normalCdf(-shift - crit);
    }

    /** The customers needed per arm (and in total for two arms) to reach the plan's power. */
    public static Result sampleSize(Plan plan) {
        double p1 = plan.baseline();
        double p2 = plan.target();
        double h = effectSize(p1, p2);
        double crit = Distributions.normalQuantile(1 - plan.alpha() / 2);
        double zb = Distributions.normalQuantile(plan.power());
        // one-tail closed form as a start, then bisection on the two-tail power
        double guess = 2 * Math.pow((crit + zb) / h, 2);
        double lo = Math.max(1e-9, guess * 0.5);
        double hi = guess * 1.5 + 1;
        while (power(p1, p2, lo, plan.alpha()) > plan.power()) lo /= 2;
        while (power(p1, p2, hi, plan.alpha()) < plan.power()) hi *= 2;
        for (int i = 0; i < 200 && hi - lo > 1e-10 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (power(p1, p2, mid, plan.alpha()) < plan.power()) lo = mid; else hi = mid;
        }
        double exact = 0.5 * (lo + hi);
        long n = (long) Math.ceil(exact - 1e-9);
        return new Result(plan, h, exact, n, 2 * n);
    }
}
