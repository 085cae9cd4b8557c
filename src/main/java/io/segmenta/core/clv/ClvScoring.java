package io.segmenta.core.clv;

import io.segmenta.core.task.TaskContext;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Per-customer predictions from fitted models: expected purchases over a horizon, probability alive, expected
 * spend and the discounted CLV. The CLV follows lifetimes' convention: for months i = 1..M,
 * CLV = Σ spend × (E[Y(i·m)] − E[Y((i−1)·m)]) / (1 + d)^i, where m is a month in the summary's unit,
 * E[Y(t)] the conditional expected purchases in (T, T + t] and d the monthly discount rate.
 */
public final class ClvScoring {
    private ClvScoring() { }

    /** Default tier shares: top 20% HIGH, next 30% MEDIUM. */
    public static final double HIGH_SHARE = 0.2, MEDIUM_SHARE = 0.3;

    /**
     * @param gammaGamma the spend model, or null (then no spend or CLV)
     */
    public static ClvScores score(TransactionSummary s, ModelFit frequency, ModelFit gammaGamma, double horizonMonths,
                                  double monthlyDiscount, TaskContext ctx) {
        if (!(horizonMonths > 0) || !(monthlyDiscount >= 0) || monthlyDiscount >= 1) {
            throw new IllegalArgumentException("horizon must be > 0 and 0 <= discount < 1");
        }
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        FrequencyModel m = frequency.frequencyModel();
        double[] p = frequency.values();
        int n = s.size();
        double perMonth = s.unit().unitsPerMonth();
        double horizon = horizonMonths * perMonth;
        double[] exp = new double[n], alive = new double[n];
        double[] spend = gammaGamma == null ? null : new double[n];
        double[] clv = gammaGamma == null ? null : new double[n];
        int months = (int) Math.ceil(horizonMonths - 1e-9);
        IntStream.range(0, n).parallel().forEach(i -> {
            if ((i & 0xFFFF) == 0) c.checkCancelled();
            int x = s.frequency(i);
            double tx = s.recency(i), t = s.age(i);
            exp[i] = BtydModels.conditionalExpected(m, p, x, tx, t, horizon);
            alive[i] = BtydModels.probabilityAlive(m, p, x, tx, t);
            if (spend != null) {
                spend[i] = BtydModels.expectedSpend(gammaGamma.values(), x, s.monetary(i));
                clv[i] = spend[i] * discountedPurchases(m, p, x, tx, t, perMonth, horizonMonths, months, monthlyDiscount);
            }
        });
        return new ClvScores(horizonMonths, horizon, monthlyDiscount, exp, alive, spend, clv, tiers(clv != null ? clv : exp));
    }

    /** Σ over months of the expected purchases in that month discounted to today (a last partial month pro rata). */
    static double discountedPurchases(FrequencyModel m, double[] p, int x, double tx, double t, double perMonth,
                                      double horizonMonths, int months, double d) {
        double total = 0, prev = 0;
        for (int i = 1; i <= months; i++) {
            double end = Math.min(i, horizonMonths) * perMonth;
            double cum = BtydModels.conditionalExpected(m, p, x, tx, t, end);
            total += (cum - prev) / Math.pow(1 + d, i);
            prev = cum;
        }
        return total;
    }

    /** Tiers by value: the top {@link #HIGH_SHARE} HIGH, the next {@link #MEDIUM_SHARE} MEDIUM, the rest LOW. */
    public static ValueTier[] tiers(double[] value) {
        int n = value.length;
        ValueTier[] t = new ValueTier[n];
        if (n == 0) return t;
        double[] sorted = value.clone();
        Arrays.parallelSort(sorted);
        double highCut = sorted[Math.max(0, (int) Math.ceil(n * (1 - HIGH_SHARE)) - 1)];
        double mediumCut = sorted[Math.max(0, (int) Math.ceil(n * (1 - HIGH_SHARE - MEDIUM_SHARE)) - 1)];
        for (int i = 0; i < n; i++) {
            t[i] = value[i] > highCut ? ValueTier.HIGH : value[i] > mediumCut ? ValueTier.MEDIUM : ValueTier.LOW;
        }
        return t;
    }
}
