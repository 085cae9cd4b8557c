package io.segmenta.core.model;

import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;

import java.util.ArrayList;
import java.util.List;

/** Computes and collects the per-stage losses of one learner, and reports them and the progress. */
final class HistoryRecorder {
    private final String member;
    private final Task task;
    private final double[] yTrain;
    private final double[] yVal;
    private final TrainingListener listener;
    private final TaskContext ctx;
    private final int total;
    private final long progressBase;
    private final long progressTotal;
    private final List<Integer> stages = new ArrayList<>();
    private final List<Double> trainLoss = new ArrayList<>(), valLoss = new ArrayList<>();
    private final List<Double> trainMetric = new ArrayList<>(), valMetric = new ArrayList<>();
    private int best = -1;

    HistoryRecorder(String member, Task task, double[] yTrain, double[] yVal, TrainingListener listener,
                    TaskContext ctx, int total, long progressBase, long progressTotal) {
        this.member = member;
        this.task = task;
        this.yTrain = yTrain;
        this.yVal = yVal;
        this.listener = listener;
        this.ctx = ctx;
        this.total = total;
        this.progressBase = progressBase;
        this.progressTotal = progressTotal;
    }

    /**
     * Records stage {@code stage} from current predictions: {@code scale} × the accumulators, through the
     * logistic link when {@code logit} (raw boosting scores).
     */
    void record(int stage, double[] train, double[] val, double scale, boolean logit) {
        add(stage, loss(yTrain, train, scale, logit), val, scale, logit);
    }

    private void add(int stage, double[] t, double[] val, double scale, boolean logit) {
        Double vl = null, vm = null;
        if (val != null && yVal != null && yVal.length > 0) {
            double[] v = loss(yVal, val, scale, logit);
            vl = v[0];
            vm = v[1];
        }
        stages.add(stage);
        trainLoss.add(t[0]);
        trainMetric.add(t[1]);
        valLoss.add(vl);
        valMetric.add(vm);
        listener.onStage(new HistoryPoint(member, stage, total, t[0], vl, t[1], vm));
        ctx.progress(progressBase + stage, progressTotal, I18n.tr("model.progress.stage", member, stage, total));
    }

    /**
     * Records stage {@code stage} from the training loss and metric already computed by the learner and the
     * validation raw scores (through the logistic link when {@code logit}).
     */
    void record(int stage, double trainLoss, double trainMetric, double[] val, boolean logit) {
        add(stage, new double[]{trainLoss, trainMetric}, val, 1.0, logit);
    }

    /** Validation loss of the last stage, or NaN. */
    double lastValidationLoss() {
        Double v = valLoss.isEmpty() ? null : valLoss.get(valLoss.size() - 1);
        return v == null ? Double.NaN : v;
    }

    void markBest(int stage) { best = stage; }

    TrainingHistory history() {
        String lossName = task == Task.CLASSIFICATION ? "log_loss" : "mse";
        String metricName = task == Task.CLASSIFICATION ? "accuracy" : "r2";
        int b = best > 0 ? best : stages.isEmpty() ? 0 : stages.get(stages.size() - 1);
        return new TrainingHistory(member, lossName, metricName, stages, trainLoss, valLoss, trainMetric, valMetric, b);
    }

    private double[] loss(double[] y, double[] pred, double scale, boolean logit) {
        int n = y.length;
        if (n == 0) return new double[]{0, 0};
        if (task == Task.CLASSIFICATION) {
            double ll = 0;
            int correct = 0;
            for (int i = 0; i < n; i++) {
                double s = pred[i] * scale;
                double pr = logit ? LinearPredictor.sigmoid(s) : s;
                pr = Math.min(1 - 1e-15, Math.max(1e-15, pr));
                ll -= y[i] == 1 ? Math.log(pr) : Math.log(1 - pr);
                if ((pr >= 0.5) == (y[i] == 1)) correct++;
            }
            return new double[]{ll / n, (double) correct / n};
        }
        double mean = 0;
        for (double v : y) mean += v;
        mean /= n;
        double sse = 0, sst = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - pred[i] * scale;
            sse += e * e;
            sst += (y[i] - mean) * (y[i] - mean);
        }
        return new double[]{sse / n, sst > 0 ? 1 - sse / sst : 0};
    }
}
