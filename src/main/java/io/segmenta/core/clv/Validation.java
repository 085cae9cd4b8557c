package io.segmenta.core.clv;

import java.util.ArrayList;
import java.util.List;

/**
 * Holdout validation and the frequency/recency matrices.
 */
public final class Validation {
    private Validation() { }

    /**
     * Per-customer errors of the predicted holdout purchases and of the naive baseline (each customer's
     * calibration repeat rate x / T times the holdout length).
     */
    public record HoldoutMetrics(int customers, double holdoutLength, double actualTotal, double predictedTotal,
                                 double baselineTotal, double mae, double rmse, double baselineMae, double baselineRmse) { }

    /** Actual vs predicted mean holdout purchases for the customers with calibration frequency {@code frequency}
     *  ({@code andAbove}: that frequency or more). */
    public record CalibrationHoldoutRow(int frequency, boolean andAbove, int customers, double actualMean, double predictedMean) { }

    /** Holdout validation of a fit. */
    public record Holdout(HoldoutMetrics metrics, List<CalibrationHoldoutRow> byFrequency, double[] predicted) { }

    /** Default number of frequency groups in the calibration-vs-holdout table (0..6 and 7+). */
    public static final int DEFAULT_GROUPS = 8;

    public static Holdout holdout(TransactionSummary s, ModelFit fit, int groups) {
        if (!s.hasHoldout()) throw new IllegalArgumentException("the summary has no holdout period");
        if (groups < 2) throw new IllegalArgumentException("groups >= 2");
        FrequencyModel m = fit.frequencyModel();
        double[] p = fit.values();
        int n = s.size();
        double h = s.holdoutLength();
        double[] pred = new double[n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(i ->
                pred[i] = BtydModels.conditionalExpected(m, p, s.frequency(i), s.recency(i), s.age(i), h));
        double ae = 0, se = 0, bae = 0, bse = 0, act = 0, pr = 0, bt = 0;
        int[] cnt = new int[groups];
        double[] sa = new double[groups], sp = new double[groups];
        for (int i = 0; i < n; i++) {
            double y = s.holdoutFrequency()[i];
            double t = s.age(i);
            double base = t > 0 ? s.frequency(i) / t * h : 0;
            ae += Math.abs(pred[i] - y);
            se += (pred[i] - y) * (pred[i] - y);
            bae += Math.abs(base - y);
            bse += (base - y) * (base - y);
            act += y;
            pr += pred[i];
            bt += base;
            int g = Math.min(groups - 1, s.frequency(i));
            cnt[g]++;
            sa[g] += y;
            sp[g] += pred[i];
        }
        HoldoutMetrics hm = new HoldoutMetrics(n, h, act, pr, bt, ae / n, Math.sqrt(se / n), bae / n, Math.sqrt(bse / n));
        List<CalibrationHoldoutRow> rows = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            if (cnt[g] == 0) continue;
            rows.add(new CalibrationHoldoutRow(g, g == groups - 1, cnt[g], sa[g] / cnt[g], sp[g] / cnt[g]));
        }
        return new Holdout(hm, rows, pred);
    }

    /**
     * A frequency × recency matrix for customers of age {@code t}: cell [x][j] is for frequency x and recency
     * j·t/(recencySteps−1).
     *
     * @param expected true: expected purchases over {@code horizon}; false: probability alive
     */
    public static double[][] frequencyRecencyMatrix(ModelFit fit, int maxFrequency, double t, int recencySteps,
                                                    double horizon, boolean expected) {
        if (maxFrequency < 0 || recencySteps < 2 || !(t > 0)) throw new IllegalArgumentException("bad matrix size");
        FrequencyModel m = fit.frequencyModel();
        double[] p = fit.values();
        double[][] out = new double[maxFrequency + 1][recencySteps];
        for (int x = 0; x <= maxFrequency; x++) {
            for (int j = 0; j < recencySteps; j++) {
                double tx = x == 0 ? 0 : t * j / (recencySteps - 1);
                out[x][j] = expected ? BtydModels.conditionalExpected(m, p, x, tx, t, horizon)
                        : BtydModels.probabilityAlive(m, p, x, tx, t);
            }
        }
        return out;
    }
}
