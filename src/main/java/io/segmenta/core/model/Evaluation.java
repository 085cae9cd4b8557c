package io.segmenta.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures of a model on the held-out test part. Exactly one of {@code classification} and
 * {@code regression} is set.
 */
public record Evaluation(Task task, Classification classification, Regression regression) {
    /** Curves keep at most this many points (the figures are computed on all of them). */
    static final int MAX_CURVE_POINTS = 501;

    /**
     * @param rows        test rows
     * @param positives   positive test rows
     * @param threshold   threshold of the report, confusion, accuracy, precision, recall and F1 (0.5)
     * @param testActual  1/0 per test row (kept so a threshold can be moved and profits computed)
     * @param testScore   predicted probability per test row
     */
    public record Classification(int rows, int positives, double rocAuc, double prAuc, double logLoss, double brier,
                                 double accuracy, double precision, double recall, double f1, double threshold,
                                 Metrics.RocCurve roc, Metrics.PrCurve pr, List<Metrics.GainsRow> gains,
                                 List<Metrics.CalibrationBin> calibration, Metrics.ClassificationReport report,
                                 Metrics.Confusion confusion, double[] testActual, double[] testScore) {

        /** Counts, precision, recall, share contacted and profit at another threshold. */
        public Metrics.Confusion at(double t) { return Metrics.confusion(testActual, testScore, t); }

        /** The most profitable threshold for a value per true positive and a cost per contact. */
        public Metrics.ProfitPoint bestProfit(double valuePerTruePositive, double costPerContact) {
            return Metrics.bestProfit(testActual, testScore, valuePerTruePositive, costPerContact);
        }
    }

    /**
     * @param testActual    actual value per test row
     * @param testPredicted predicted value per test row (residual = actual − predicted)
     */
    public record Regression(int rows, double mae, double rmse, double r2, double[] testActual, double[] testPredicted) {
        public double[] residuals() {
            double[] r = new double[testActual.length];
            for (int i = 0; i < r.length; i++) r[i] = testActual[i] - testPredicted[i];
            return r;
        }
    }

    /** Computes every figure from the test part's actual values and predictions. */
    public static Evaluation of(Task task, double[] actual, double[] predicted, String negative, String positive) {
        if (task == Task.REGRESSION) {
            return new Evaluation(task, null, new Regression(actual.length, Metrics.mae(actual, predicted),
                    Metrics.rmse(actual, predicted), Metrics.r2(actual, predicted), actual.clone(), predicted.clone()));
        }
        double threshold = 0.5;
        Metrics.RocCurve roc = Metrics.roc(actual, predicted);
        Metrics.PrCurve pr = Metrics.pr(actual, predicted);
        Metrics.Confusion c = Metrics.confusion(actual, predicted, threshold);
        int pos = 0;
        for (double v : actual) if (v == 1) pos++;
        return new Evaluation(task, new Classification(actual.length, pos, roc.auc(), pr.averagePrecision(),
                Metrics.logLoss(actual, predicted), Metrics.brier(actual, predicted), c.accuracy(), c.precision(),
                c.recall(), c.f1(), threshold, thin(roc), thin(pr), Metrics.gains(actual, predicted, 10),
                Metrics.calibration(actual, predicted, 10), Metrics.report(actual, predicted, threshold, negative, positive),
                c, actual.clone(), predicted.clone()), null);
    }

    /**
     * The headline figures with snake_case keys: roc_auc, pr_auc, log_loss, brier, accuracy, precision,
     * recall, f1 (classification) or mae, rmse, r2 (regression).
     */
    public Map<String, Double> summary() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (classification != null) {
            Classification c = classification;
            m.put("roc_auc", c.rocAuc());
            m.put("pr_auc", c.prAuc());
            m.put("log_loss", c.logLoss());
            m.put("brier", c.brier());
            m.put("accuracy", c.accuracy());
            m.put("precision", c.precision());
            m.put("recall", c.recall());
            m.put("f1", c.f1());
        } else {
            m.put("mae", regression.mae());
            m.put("rmse", regression.rmse());
            m.put("r2", regression.r2());
        }
        return m;
    }

    /** The main figure: ROC AUC, or R² for regression. */
    public double headline() { return classification != null ? classification.rocAuc() : regression.r2(); }

    private static int[] keep(int n) {
        if (n <= MAX_CURVE_POINTS) {
            int[] k = new int[n];
            for (int i = 0; i < n; i++) k[i] = i;
            return k;
        }
        int[] k = new int[MAX_CURVE_POINTS];
        for (int i = 0; i < k.length; i++) k[i] = (int) Math.round((double) i * (n - 1) / (k.length - 1));
        return k;
    }

    private static double[] pick(double[] a, int[] k) {
        double[] r = new double[k.length];
        for (int i = 0; i < k.length; i++) r[i] = a[k[i]];
        return r;
    }

    static Metrics.RocCurve thin(Metrics.RocCurve c) {
        int[] k = keep(c.fpr().length);
        double[] thr = pick(c.thresholds(), k);
        if (thr.length > 0 && Double.isInfinite(thr[0])) thr[0] = Double.MAX_VALUE; // storable in JSON
        return new Metrics.RocCurve(pick(c.fpr(), k), pick(c.tpr(), k), thr, c.auc());
    }

    static Metrics.PrCurve thin(Metrics.PrCurve c) {
        int[] k = keep(c.precision().length);
        return new Metrics.PrCurve(pick(c.precision(), k), pick(c.recall(), k), pick(c.thresholds(), k), c.averagePrecision());
    }
}
