package io.segmenta.core.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trains a {@link MlpPredictor} with DJL on the PyTorch engine: Adam on shuffled mini-batches (a seeded order
 * per epoch), weighted binary cross-entropy (classification, class weights as row weights) or weighted squared
 * error on the standardised target (regression), per-epoch history on the training and validation parts,
 * early stopping on the validation loss with the best epoch's weights kept. Cancellation is checked before
 * every batch; every native resource is released when training ends, normally or not.
 */
final class MlpLearner {
    private MlpLearner() { }

    /** The model manager of the latest run, so tests can check it was closed. */
    static final AtomicReference<NDManager> LAST_MANAGER = new AtomicReference<>();
    /** The device decision of the latest run. */
    static final AtomicReference<MlpDevice.Choice> LAST_DEVICE = new AtomicReference<>();

    /**
     * PyTorch's random generator (initial weights, dropout) is one per process: one network trains at a time,
     * so that its seed alone decides its weights even when two trainings are started together.
     */
    private static final java.util.concurrent.locks.ReentrantLock TORCH_RANDOM = new java.util.concurrent.locks.ReentrantLock();

    static MlpPredictor fit(FeatureFrame train, double[] y, double[] w, FeatureFrame val, double[] yVal, Task task,
                            MlpParameters hp, long seed, TaskContext ctx, HistoryRecorder rec) {
        try {
            while (!TORCH_RANDOM.tryLock(100, java.util.concurrent.TimeUnit.MILLISECONDS)) ctx.checkCancelled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
        try {
            return fitAlone(train, y, w, val, yVal, task, hp, seed, ctx, rec);
        } finally {
            TORCH_RANDOM.unlock();
        }
    }

    private static MlpPredictor fitAlone(FeatureFrame train, double[] y, double[] w, FeatureFrame val, double[] yVal, Task task,
                                         MlpParameters hp, long seed, TaskContext ctx, HistoryRecorder rec) {
        MlpDevice.Choice choice = MlpDevice.detect(hp.device(), MlpDevice.weights(MlpPredictor.inputWidth(train.specs()), hp),
                Math.min(hp.batchSize(), train.rows()));
        ctx.progress(0, 0, choice.message());
        LAST_DEVICE.set(choice);
        if (choice.gpu()) {
            try {
                return fitOn(Device.gpu(), choice, train, y, w, val, task, hp, seed, ctx, rec);
            } catch (CancelledException | UserException e) {
                throw e;
            } catch (RuntimeException | LinkageError e) {
                choice = MlpDevice.gpuFailed(choice, String.valueOf(e.getMessage()));
                ctx.progress(0, 0, choice.message());
                LAST_DEVICE.set(choice);
            }
        }
        try {
            return fitOn(Device.cpu(), choice, train, y, w, val, task, hp, seed, ctx, rec);
        } catch (EngineException | LinkageError e) {
            throw engineFailed(e, choice.engine());
        }
    }

    /**
     * A PyTorch error on the CPU, where nothing is left to fall back to: a user message with the engine's first
     * line (seen when PYTORCH_LIBRARY_PATH points at a libtorch of another version than the JNI layer's, and
     * as an UnsatisfiedLinkError when a JNI layer built for another DJL version lacks a function).
     */
    static UserException engineFailed(Throwable e, String engine) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        String first = (nl < 0 ? m : m.substring(0, nl)).strip();
        if (!first.isEmpty() && !first.endsWith(".")) first += ".";
        return new UserException(e, "model.mlp.engineFailed", first, engine);
    }

    private static MlpPredictor fitOn(Device device, MlpDevice.Choice choice, FeatureFrame train, double[] y, double[] w,
                                      FeatureFrame val, Task task, MlpParameters hp, long seed, TaskContext ctx,
                                      HistoryRecorder rec) {
        Engine engine = MlpRuntime.engine();
        boolean cls = task == Task.CLASSIFICATION;
        int n = train.rows(), d = MlpPredictor.inputWidth(train.specs());
        double mean = 0, scale = 1;
        if (!cls) {
            for (double v : y) mean += v;
            mean /= n;
            double ss = 0;
            for (double v : y) ss += (v - mean) * (v - mean);
            scale = Math.sqrt(ss / n);
            if (!(scale > 0) || !Double.isFinite(scale)) scale = 1;
        }
        float[] x = MlpPredictor.encode(train, 0, n, d);
        float[] yt = new float[n], wt = new float[n];
        double wSum = 0;
        for (int i = 0; i < n; i++) wSum += w[i];
        for (int i = 0; i < n; i++) {
            yt[i] = (float) ((y[i] - mean) / scale);
            wt[i] = (float) (w[i] * n / wSum);
        }
        float[] xVal = val == null || val.rows() == 0 ? null : MlpPredictor.encode(val, 0, val.rows(), d);
        int[] units = new int[hp.layers() + 1];
        for (int l = 0; l < hp.layers(); l++) units[l] = hp.units();
        units[hp.layers()] = 1;
        engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
        Block block = MlpPredictor.block(units, hp.dropout());
        Model model = Model.newInstance("segmenta-mlp", device, MlpRuntime.ENGINE);
        LAST_MANAGER.set(model.getNDManager());
        Trainer trainer = null;
        try {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(new WeightedLoss(cls))
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) hp.learningRate())).build())
                    .optDevices(new Device[]{device});
            trainer = model.newTrainer(config);
            int batch = Math.min(hp.batchSize(), n);
            trainer.initialize(new Shape(batch, d));
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            double bestLoss = Double.POSITIVE_INFINITY;
            int bestEpoch = 0;
            List<float[]> bestW = null, bestB = null;
            float[] xb = new float[batch * d], yb = new float[batch], wb = new float[batch];
            for (int epoch = 1; epoch <= hp.epochs(); epoch++) {
                SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + epoch);
                for (int i = n - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    int t = order[i]; order[i] = order[j]; order[j] = t;
                }
                for (int from = 0; from < n; from += batch) {
                    ctx.checkCancelled();
                    int b = Math.min(batch, n - from);
                    for (int k = 0; k < b; k++) {
                        int r = order[from + k];
                        System.arraycopy(x, r * d, xb, k * d, d);
                        yb[k] = yt[r];
                        wb[k] = wt[r];
                    }
                    try (NDManager bm = trainer.getManager().newSubManager()) {
                        NDArray xa = bm.create(b == batch ? xb : java.util.Arrays.copyOf(xb, b * d), new Shape(b, d));
                        NDArray ya = bm.create(b == batch ? yb : java.util.Arrays.copyOf(yb, b), new Shape(b, 1));
                        NDArray wa = bm.create(b == batch ? wb : java.util.Arrays.copyOf(wb, b), new Shape(b, 1));
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray out = trainer.forward(new NDList(xa)).singletonOrThrow();
                            NDArray loss = trainer.getLoss().evaluate(new NDList(ya, wa), new NDList(out));
                            gc.backward(loss);
                        }
                        trainer.step();
                    }
                }
                double[] pTrain = evaluate(trainer, x, n, d, cls, mean, scale);
                double[] pVal = xVal == null ? null : evaluate(trainer, xVal, val.rows(), d, cls, mean, scale);
                rec.record(epoch, pTrain, pVal, 1.0, false);
                double vl = rec.lastValidationLoss();
                boolean better = Double.isNaN(vl) || vl < bestLoss - 1e-7;
                if (better) {
                    if (!Double.isNaN(vl)) bestLoss = vl;
                    bestEpoch = epoch;
                    bestW = new ArrayList<>();
                    bestB = new ArrayList<>();
                    for (Linear lin : MlpPredictor.dense(block)) {
                        bestW.add(lin.getParameters().get("weight").getArray().toFloatArray());
                        bestB.add(lin.getParameters().get("bias").getArray().toFloatArray());
                    }
                } else if (hp.patience() > 0 && epoch - bestEpoch >= hp.patience()) {
                    break;
                }
            }
            rec.markBest(bestEpoch);
            return new MlpPredictor(task, d, bestW, bestB, MlpPredictor.RELU, hp.dropout(), cls ? 0 : mean, cls ? 1 : scale,
                    choice.gpu() && device.isGpu() ? "gpu" : "cpu");
        } finally {
            if (trainer != null) trainer.close();
            model.close();
        }
    }

    /** Predictions of the network in inference mode (no dropout), probabilities or target values. */
    private static double[] evaluate(Trainer trainer, float[] x, int n, int d, boolean cls, double mean, double scale) {
        double[] out = new double[n];
        for (int from = 0; from < n; from += MlpPredictor.BATCH) {
            int to = Math.min(n, from + MlpPredictor.BATCH);
            try (NDManager bm = trainer.getManager().newSubManager()) {
                NDArray xa = bm.create(java.util.Arrays.copyOfRange(x, from * d, to * d), new Shape(to - from, d));
                float[] z = trainer.evaluate(new NDList(xa)).singletonOrThrow().toFloatArray();
                for (int i = 0; i < z.length; i++) out[from + i] = cls ? LinearPredictor.sigmoid(z[i]) : z[i] * scale + mean;
            }
        }
        return out;
    }

    /**
     * Row-weighted loss on the raw output: binary cross-entropy with logits (computed stably as
     * max(z, 0) − z·y + log(1 + e^−|z|), never overflowing) or squared error. Labels are {@code [y, weight]}.
     */
    static final class WeightedLoss extends Loss {
        private final boolean classification;

        WeightedLoss(boolean classification) {
            super(classification ? "weighted_bce" : "weighted_mse");
            this.classification = classification;
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray z = predictions.singletonOrThrow();
            NDArray y = labels.get(0), w = labels.get(1);
            NDArray per;
            if (classification) {
                per = z.maximum(0f).sub(z.mul(y)).add(z.abs().neg().exp().add(1f).log());
            } else {
                NDArray e = z.sub(y);
                per = e.mul(e);
            }
            return per.mul(w).mean();
        }
    }
}
