package io.segmenta.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Metric functions against scikit-learn 1.2.1. The expected numbers were computed with Debian's
 * /usr/bin/python3 (python3-sklearn) on the same arrays:
 * <pre>
 *   roc_auc_score(y, p), average_precision_score(y, p), log_loss(y, p), brier_score_loss(y, p),
 *   calibration_curve(y, p, n_bins=5, strategy='uniform'),
 *   precision_recall_fscore_support(y, p &gt;= 0.5), accuracy_score,
 *   lift/cumulative gains: o = np.argsort(-p, kind='stable'); rows n*g//10 .. n*(g+1)//10 of y[o]
 * </pre>
 * The scores contain ties across both classes (0.8, 0.6, 0.5, 0.3, 0.1), which is where AUC and AP
 * implementations usually disagree.
 */
class MetricsTest {
    static final double[] Y = {1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0};
    static final double[] P = {0.9, 0.8, 0.8, 0.7, 0.6, 0.6, 0.55, 0.5, 0.5, 0.4, 0.35, 0.3, 0.3, 0.3, 0.2, 0.15, 0.1, 0.1, 0.05, 0.7};

    @Test
    void rocAucWithTiesMatchesScikitLearn() {
        assertThat(Metrics.rocAuc(Y, P)).isCloseTo(0.5404040404040404, within(1e-12));
        Metrics.RocCurve c = Metrics.roc(Y, P);
        assertThat(c.fpr()[0]).isZero();
        assertThat(c.tpr()[c.tpr().length - 1]).isEqualTo(1.0);
        // one point per distinct score plus the origin
        assertThat(c.fpr()).hasSize(1 + 13);
    }

    @Test
    void averagePrecisionMatchesScikitLearn() {
        assertThat(Metrics.averagePrecision(Y, P)).isCloseTo(0.5719298245614035, within(1e-12));
    }

    @Test
    void logLossAndBrierMatchScikitLearn() {
        assertThat(Metrics.logLoss(Y, P)).isCloseTo(0.803182880346565, within(1e-12));
        assertThat(Metrics.brier(Y, P)).isCloseTo(0.2865000000000001, within(1e-12));
    }

    @Test
    void calibrationBinsMatchScikitLearn() {
        List<Metrics.CalibrationBin> bins = Metrics.calibration(Y, P, 5);
        double[] fracTrue = {0.4, 0.4, 0.4, 0.5, 1.0};
        double[] meanPred = {0.12, 0.33, 0.55, 0.75, 0.9};
        List<Metrics.CalibrationBin> used = bins.stream().filter(b -> b.count() > 0).toList();
        assertThat(used).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(used.get(i).fractionPositive()).isCloseTo(fracTrue[i], within(1e-12));
            assertThat(used.get(i).meanPredicted()).isCloseTo(meanPred[i], within(1e-12));
        }
        assertThat(bins.stream().mapToInt(Metrics.CalibrationBin::count).sum()).isEqualTo(20);
    }

    @Test
    void classificationReportMatchesScikitLearn() {
        Metrics.ClassificationReport r = Metrics.report(Y, P, 0.5, "no", "yes");
        assertThat(r.classes().get(0).precision()).isCloseTo(0.6, within(1e-12));
        assertThat(r.classes().get(1).precision()).isCloseTo(0.5, within(1e-12));
        assertThat(r.classes().get(0).recall()).isCloseTo(0.5454545454545454, within(1e-12));
        assertThat(r.classes().get(1).recall()).isCloseTo(0.5555555555555556, within(1e-12));
        assertThat(r.classes().get(0).f1()).isCloseTo(0.5714285714285713, within(1e-12));
        assertThat(r.classes().get(1).f1()).isCloseTo(0.5263157894736842, within(1e-12));
        assertThat(r.classes().get(0).support()).isEqualTo(11);
        assertThat(r.classes().get(1).support()).isEqualTo(9);
        assertThat(r.accuracy()).isCloseTo(0.55, within(1e-12));
    }

    @Test
    void liftAndGainsByDecileMatchNumpy() {
        double[] lift = {1.1111111111111112, 2.2222222222222223, 0.0, 1.1111111111111112, 1.1111111111111112, 0.0,
                1.1111111111111112, 1.1111111111111112, 1.1111111111111112, 1.1111111111111112};
        double[] gain = {0.1111111111111111, 0.3333333333333333, 0.3333333333333333, 0.4444444444444444,
                0.5555555555555556, 0.5555555555555556, 0.6666666666666666, 0.7777777777777778, 0.8888888888888888, 1.0};
        List<Metrics.GainsRow> g = Metrics.gains(Y, P, 10);
        for (int i = 0; i < 10; i++) {
            assertThat(g.get(i).lift()).as("lift %d", i + 1).isCloseTo(lift[i], within(1e-12));
            assertThat(g.get(i).cumulativeGain()).as("gain %d", i + 1).isCloseTo(gain[i], within(1e-12));
            assertThat(g.get(i).rows()).isEqualTo(2);
        }
    }

    @Test
    void profitAndBestThreshold() {
        // at 0.5: tp 5, fp 5 (sklearn's confusion matrix of p >= 0.5 above)
        Metrics.Confusion c = Metrics.confusion(Y, P, 0.5);
        assertThat(c.tp()).isEqualTo(5);
        assertThat(c.fp()).isEqualTo(5);
        assertThat(c.profit(100, 10)).isEqualTo(5 * 100 - 10 * 10);
        Metrics.ProfitPoint best = Metrics.bestProfit(Y, P, 100, 10);
        // brute force over every distinct threshold
        double bestProfit = 0;
        for (double t : P) bestProfit = Math.max(bestProfit, Metrics.confusion(Y, P, t).profit(100, 10));
        assertThat(best.profit()).isEqualTo(bestProfit);
        assertThat(Metrics.confusion(Y, P, best.threshold()).profit(100, 10)).isEqualTo(bestProfit);
        // too expensive to contact anyone: nobody is contacted
        assertThat(Metrics.bestProfit(Y, P, 1, 10).confusion().contacted()).isZero();
    }

    @Test
    void regressionMetrics() {
        double[] y = {3, -0.5, 2, 7}, p = {2.5, 0.0, 2, 8};
        // sklearn: mean_absolute_error 0.5, mean_squared_error 0.375, r2_score 0.9486081370449679
        assertThat(Metrics.mae(y, p)).isCloseTo(0.5, within(1e-12));
        assertThat(Metrics.rmse(y, p)).isCloseTo(Math.sqrt(0.375), within(1e-12));
        assertThat(Metrics.r2(y, p)).isCloseTo(0.9486081370449679, within(1e-12));
    }

    @Test
    void nanScoresDoNotStallTheCurves() {
        // regression: a NaN score made roc/pr/bestProfit loop forever, adding points until the heap ran out
        double[] y = {1, 0, 1, 0};
        double[] p = {0.9, Double.NaN, Double.NaN, 0.1};
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            assertThat(Metrics.roc(y, p).fpr()).hasSizeLessThanOrEqualTo(4);
            assertThat(Metrics.pr(y, p).precision()).hasSizeLessThanOrEqualTo(3);
            Metrics.bestProfit(y, p, 10, 1);
        });
    }
}
