package io.segmenta.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluation measures, defined as scikit-learn defines them (its values are pasted into the tests):
 * {@code roc_curve}/{@code roc_auc_score} (ties form one step), {@code precision_recall_curve}/
 * {@code average_precision_score}, {@code calibration_curve(strategy="uniform")}, {@code brier_score_loss},
 * {@code log_loss}, {@code classification_report}, {@code mean_absolute_error}, {@code r2_score}.
 * {@code y} holds 1 for the positive class and 0 otherwise; {@code p} the predicted probability.
 */
public final class Metrics {
    /** Scores that form one group of ties; NaN scores form one group (NaN == NaN is false: no endless loop). */
    private static boolean tied(double a, double b) { return a == b || (a != a && b != b); }

    private Metrics() { }

    /** ROC curve: one point per distinct score, highest first, after (0, 0). */
    public record RocCurve(double[] fpr, double[] tpr, double[] thresholds, double auc) { }

    /** Precision–recall curve, one point per distinct score from the highest, and average precision. */
    public record PrCurve(double[] precision, double[] recall, double[] thresholds, double averagePrecision) { }

    /**
     * One tenth (or group) of the rows sorted by score, highest first (ties in row order).
     *
     * @param group          1 = highest scores
     * @param rows           rows in the group
     * @param positives      positive rows in the group
     * @param rate           positives / rows
     * @param lift           rate / overall rate
     * @param cumulativeRowShare share of all rows in groups 1..group
     * @param cumulativeGain share of all positives captured by groups 1..group
     * @param cumulativeLift cumulative rate / overall rate
     * @param minScore       lowest score in the group
     */
    public record GainsRow(int group, int rows, int positives, double rate, double lift, double cumulativeRowShare,
                           double cumulativeGain, double cumulativeLift, double minScore) { }

    /** A uniform probability bin: mean predicted probability against the observed positive rate. */
    public record CalibrationBin(double lower, double upper, int count, double meanPredicted, double fractionPositive) { }

    /** Counts at a threshold (score ≥ threshold = predicted positive). */
    public record Confusion(double threshold, long tp, long fp, long tn, long fn) {
        public long contacted() { return tp + fp; }

        public double contactedShare() { long n = tp + fp + tn + fn; return n == 0 ? 0 : (double) contacted() / n; }

        public double precision() { return tp + fp == 0 ? 0 : (double) tp / (tp + fp); }

        public double recall() { return tp + fn == 0 ? 0 : (double) tp / (tp + fn); }

        public double accuracy() { long n = tp + fp + tn + fn; return n == 0 ? 0 : (double) (tp + tn) / n; }

        public double f1() { double p = precision(), r = recall(); return p + r == 0 ? 0 : 2 * p * r / (p + r); }

        /** Value of the true positives minus the cost of contacting every predicted positive. */
        public double profit(double valuePerTruePositive, double costPerContact) {
            return tp * valuePerTruePositive - contacted() * costPerContact;
        }
    }

    /** The most profitable threshold and what it gives. */
    public record ProfitPoint(double threshold, double profit, Confusion confusion) { }

    /** Per-class precision, recall, F1 and support, as scikit-learn's classification_report. */
    public record ClassRow(String label, double precision, double recall, double f1, long support) { }

    public record ClassificationReport(List<ClassRow> classes, double accuracy, ClassRow macroAvg, ClassRow weightedAvg) { }

    // ------------------------------------------------------------------------------------------------

    /** Row order by score, highest first; ties keep row order. */
    static int[] descending(double[] p) {
        Integer[] o = new Integer[p.length];
        for (int i = 0; i < o.length; i++) o[i] = i;
        Arrays.sort(o, (a, b) -> Double.compare(p[b], p[a]));
        int[] r = new int[o.length];
        for (int i = 0; i < r.length; i++) r[i] = o[i];
        return r;
    }

    public static RocCurve roc(double[] y, double[] p) {
        int[] o = descending(p);
        List<double[]> pts = new ArrayList<>();
        double totalPos = 0;
        for (double v : y) totalPos += v == 1 ? 1 : 0;
        double totalNeg = y.length - totalPos;
        double tp = 0, fp = 0;
        pts.add(new double[]{0, 0, Double.POSITIVE_INFINITY});
        for (int i = 0; i < o.length; ) {
            double s = p[o[i]];
            int j = i;
            while (j < o.length && tied(p[o[j]], s)) {
                if (y[o[j]] == 1) tp++; else fp++;
                j++;
            }
            pts.add(new double[]{fp, tp, s});
            i = j;
        }
        int k = pts.size();
        double[] fpr = new double[k], tpr = new double[k], thr = new double[k];
        for (int i = 0; i < k; i++) {
            fpr[i] = totalNeg == 0 ? Double.NaN : pts.get(i)[0] / totalNeg;
            tpr[i] = totalPos == 0 ? Double.NaN : pts.get(i)[1] / totalPos;
            thr[i] = pts.get(i)[2];
        }
        double auc = 0;
        for (int i = 1; i < k; i++) auc += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        if (totalPos == 0 || totalNeg == 0) auc = Double.NaN;
        return new RocCurve(fpr, tpr, thr, auc);
    }

    public static double rocAuc(double[] y, double[] p) { return roc(y, p).auc(); }

    public static PrCurve pr(double[] y, double[] p) {
        int[] o = descending(p);
        double totalPos = 0;
        for (double v : y) totalPos += v == 1 ? 1 : 0;
        List<double[]> pts = new ArrayList<>();
        double tp = 0, fp = 0, ap = 0, prevRecall = 0;
        for (int i = 0; i < o.length; ) {
            double s = p[o[i]];
            int j = i;
            while (j < o.length && tied(p[o[j]], s)) {
                if (y[o[j]] == 1) tp++; else fp++;
                j++;
            }
            double precision = tp / (tp + fp);
            double recall = totalPos == 0 ? Double.NaN : tp / totalPos;
            ap += (recall - prevRecall) * precision;
            prevRecall = recall;
            pts.add(new double[]{precision, recall, s});
            i = j;
        }
        int k = pts.size();
        double[] pr = new double[k], rc = new double[k], th = new double[k];
        for (int i = 0; i < k; i++) { pr[i] = pts.get(i)[0]; rc[i] = pts.get(i)[1]; th[i] = pts.get(i)[2]; }
        return new PrCurve(pr, rc, th, totalPos == 0 ? Double.NaN : ap);
    }

    public static double averagePrecision(double[] y, double[] p) { return pr(y, p).averagePrecision(); }

    /** Lift and cumulative gains by {@code groups} equal groups (10 = deciles) of rows sorted by score. */
    public static List<GainsRow> gains(double[] y, double[] p, int groups) {
        int n = y.length;
        int[] o = descending(p);
        double totalPos = 0;
        for (double v : y) totalPos += v == 1 ? 1 : 0;
        double overall = n == 0 ? 0 : totalPos / n;
        List<GainsRow> out = new ArrayList<>();
        int cumRows = 0, cumPos = 0;
        for (int g = 0; g < groups; g++) {
            int from = (int) ((long) n * g / groups), to = (int) ((long) n * (g + 1) / groups);
            int pos = 0;
            double min = Double.NaN;
            for (int i = from; i < to; i++) {
                if (y[o[i]] == 1) pos++;
                min = p[o[i]];
            }
            int rows = to - from;
            cumRows += rows;
            cumPos += pos;
            double rate = rows == 0 ? 0 : (double) pos / rows;
            double cumRate = cumRows == 0 ? 0 : (double) cumPos / cumRows;
            out.add(new GainsRow(g + 1, rows, pos, rate, overall == 0 ? 0 : rate / overall,
                    n == 0 ? 0 : (double) cumRows / n, totalPos == 0 ? 0 : cumPos / totalPos,
                    overall == 0 ? 0 : cumRate / overall, rows == 0 ? Double.NaN : min));
        }
        return out;
    }

    /** Uniform bins over [0, 1]; a probability on an inner edge belongs to the lower bin (as scikit-learn). */
    public static List<CalibrationBin> calibration(double[] y, double[] p, int bins) {
        double step = 1.0 / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i < bins; i++) edges[i] = i * step;
        edges[bins] = 1.0;
        int[] count = new int[bins];
        double[] sumP = new double[bins], sumY = new double[bins];
        for (int i = 0; i < y.length; i++) {
            int b = 0;
            while (b < bins - 1 && edges[b + 1] < p[i]) b++;
            count[b]++;
            sumP[b] += p[i];
            sumY[b] += y[i] == 1 ? 1 : 0;
        }
        List<CalibrationBin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            out.add(new CalibrationBin(edges[b], edges[b + 1], count[b],
                    count[b] == 0 ? 0 : sumP[b] / count[b], count[b] == 0 ? 0 : sumY[b] / count[b]));
        }
        return out;
    }

    public static double brier(double[] y, double[] p) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (p[i] - y[i]) * (p[i] - y[i]);
        return y.length == 0 ? Double.NaN : s / y.length;
    }

    /** Mean negative log-likelihood, probabilities clipped to [1e-15, 1 − 1e-15]. */
    public static double logLoss(double[] y, double[] p) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
            s -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        return y.length == 0 ? Double.NaN : s / y.length;
    }

    public static Confusion confusion(double[] y, double[] p, double threshold) {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean pred = p[i] >= threshold;
            boolean pos = y[i] == 1;
            if (pred && pos) tp++;
            else if (pred) fp++;
            else if (pos) fn++;
            else tn++;
        }
        return new Confusion(threshold, tp, fp, tn, fn);
    }

    /**
     * The threshold with the highest profit = value × true positives − cost × contacted, trying every
     * distinct score (and "contact nobody", threshold just above the highest score).
     */
    public static ProfitPoint bestProfit(double[] y, double[] p, double valuePerTruePositive, double costPerContact) {
        int[] o = descending(p);
        long totalPos = 0;
        for (double v : y) totalPos += v == 1 ? 1 : 0;
        long n = y.length;
        double best = 0;
        double bestThr = o.length == 0 ? 1 : Math.nextUp(p[o[0]]);
        long bestTp = 0, bestFp = 0;
        long tp = 0, fp = 0;
        for (int i = 0; i < o.length; ) {
            double s = p[o[i]];
            int j = i;
            while (j < o.length && tied(p[o[j]], s)) {
                if (y[o[j]] == 1) tp++; else fp++;
                j++;
            }
            double profit = tp * valuePerTruePositive - (tp + fp) * costPerContact;
            if (profit > best) { best = profit; bestThr = s; bestTp = tp; bestFp = fp; }
            i = j;
        }
        Confusion c = new Confusion(bestThr, bestTp, bestFp, n - totalPos - bestFp, totalPos - bestTp);
        return new ProfitPoint(bestThr, best, c);
    }

    /** scikit-learn's classification_report at a threshold, negative class first. */
    public static ClassificationReport report(double[] y, double[] p, double threshold, String negative, String positive) {
        Confusion c = confusion(y, p, threshold);
        ClassRow neg = row(negative, c.tn(), c.fn(), c.fp(), c.tn() + c.fp());
        ClassRow pos = row(positive, c.tp(), c.fp(), c.fn(), c.tp() + c.fn());
        long n = neg.support() + pos.support();
        ClassRow macro = new ClassRow("macro avg", (neg.precision() + pos.precision()) / 2, (neg.recall() + pos.recall()) / 2,
                (neg.f1() + pos.f1()) / 2, n);
        double wn = n == 0 ? 0 : (double) neg.support() / n, wp = n == 0 ? 0 : (double) pos.support() / n;
        ClassRow weighted = new ClassRow("weighted avg", wn * neg.precision() + wp * pos.precision(),
                wn * neg.recall() + wp * pos.recall(), wn * neg.f1() + wp * pos.f1(), n);
        return new ClassificationReport(List.of(neg, pos), c.accuracy(), macro, weighted);
    }

    private static ClassRow row(String label, long truePred, long falsePredOther, long missed, long support) {
        // truePred: correctly predicted as this class; falsePredOther: wrongly predicted as this class
        double precision = truePred + falsePredOther == 0 ? 0 : (double) truePred / (truePred + falsePredOther);
        double recall = truePred + missed == 0 ? 0 : (double) truePred / (truePred + missed);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassRow(label, precision, recall, f1, support);
    }

    public static double mae(double[] y, double[] p) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += Math.abs(y[i] - p[i]);
        return s / y.length;
    }

    public static double rmse(double[] y, double[] p) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (y[i] - p[i]) * (y[i] - p[i]);
        return Math.sqrt(s / y.length);
    }

    /** Coefficient of determination; NaN when the actual values are constant. */
    public static double r2(double[] y, double[] p) {
        double m = 0;
        for (double v : y) m += v;
        m /= y.length;
        double sse = 0, sst = 0;
        for (int i = 0; i < y.length; i++) {
            sse += (y[i] - p[i]) * (y[i] - p[i]);
            sst += (y[i] - m) * (y[i] - m);
        }
        return sst == 0 ? Double.NaN : 1 - sse / sst;
    }
}
