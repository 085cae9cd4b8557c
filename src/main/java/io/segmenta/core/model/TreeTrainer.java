package io.segmenta.core.model;

import io.segmenta.core.task.TaskContext;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/** Trains gradient-boosted trees and random forests with {@link TreeLearner}. */
final class TreeTrainer {
    private TreeTrainer() { }

    /**
     * Gradient boosting: logistic loss for classification, squared error for regression; leaves are
     * −G/(H+λ) × learning rate, categorical splits one category against the rest, with XGBoost's constraints (hessian sum per leaf ≥ min_child_weight, and
     * rows per leaf ≥ minLeaf when above 1). The training loss of the live chart comes exactly, at no extra
     * pass, from the pass that computes the next stage's gradients.
     *
     * @param w row weights (class weights), never null
     */
    static TreeEnsemble gbm(FeatureFrame train, double[] y, double[] w, FeatureFrame val, double[] yVal, Task task,
                            HyperParameters hp, long seed, TaskContext ctx, HistoryRecorder rec) {
        TreeLearner learner = TreeLearner.bin(train, hp.maxBins());
        int n = train.rows(), p = train.width();
        boolean cls = task == Task.CLASSIFICATION;
        double sw = 0, swy = 0;
        for (int i = 0; i < n; i++) { sw += w[i]; swy += w[i] * y[i]; }
        double base;
        if (cls) {
            double p0 = Math.min(1 - 1e-6, Math.max(1e-6, swy / sw));
            base = Math.log(p0 / (1 - p0));
        } else {
            base = swy / sw;
        }
        double[] f = new double[n];
        java.util.Arrays.fill(f, base);
        int nv = val == null ? 0 : val.rows();
        double[] fv = new double[nv];
        java.util.Arrays.fill(fv, base);
        double[] g = new double[n], h = new double[n];
        int[] idx = new int[n];
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        double[] gain = new double[p];
        List<Tree> trees = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        TreeLearner.Params prm = new TreeLearner.Params(hp.maxDepth(), hp.minLeaf(), Math.max(hp.minChildWeight(), 1e-6),
                Math.max(hp.l2(), 1e-6), hp.learningRate(), p, true, true);
        int sampleSize = hp.subsample() >= 1 ? n : Math.max(1, (int) Math.round(hp.subsample() * n));
        double sst = 0;
        if (!cls) {
            double mean = 0;
            for (double v : y) mean += v;
            mean /= Math.max(1, n);
            for (double v : y) sst += (v - mean) * (v - mean);
        }
        double[] stats = new double[2];
        gradients(cls, f, y, w, g, h, sst, stats);
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestStage = 0, since = 0;
        for (int t = 0; t < hp.trees(); t++) {
            ctx.checkCancelled();
            int count;
            if (sampleSize < n) {
                for (int i = 0; i < sampleSize; i++) {
                    int j = i + rnd.nextInt(n - i);
                    int tmp = perm[i]; perm[i] = perm[j]; perm[j] = tmp;
                }
                System.arraycopy(perm, 0, idx, 0, sampleSize);
                java.util.Arrays.sort(idx, 0, sampleSize);
                count = sampleSize;
            } else {
                for (int i = 0; i < n; i++) idx[i] = i;
                count = n;
            }
            Tree tree = learner.grow(g, h, null, idx, count, prm, rnd, gain, ctx, count == n ? f : null);
            if (count < n) tree.addTo(train.columns(), f, 1.0, 0, n);
            if (nv > 0) tree.addTo(val.columns(), fv, 1.0, 0, nv);
            trees.add(tree);
            gradients(cls, f, y, w, g, h, sst, stats); // this stage's loss; next stage's gradients
            rec.record(t + 1, stats[0], stats[1], nv > 0 ? fv : null, cls);
            if (hp.earlyStoppingRounds() > 0 && nv > 0) {
                double vl = rec.lastValidationLoss();
                if (vl < bestLoss - 1e-12) {
                    bestLoss = vl;
                    bestStage = t + 1;
                    since = 0;
                } else if (++since >= hp.earlyStoppingRounds()) {
                    break;
                }
            }
        }
        if (hp.earlyStoppingRounds() > 0 && bestStage > 0 && bestStage < trees.size()) {
            trees = new ArrayList<>(trees.subList(0, bestStage));
            rec.markBest(bestStage);
        }
        return new TreeEnsemble(task, true, base, trees, normalise(gain));
    }

    /** Rows per partial product of (1 + e^−|f|) before its logarithm is taken: at most 2^512, never overflowing. */
    private static final int LOG_BATCH = 512;
    /**
     * Rows per chunk of the gradient pass (a multiple of {@value #LOG_BATCH}). Chunks are fixed by the row
     * count alone and their partial sums added in chunk order, so the result does not depend on the workers.
     */
    static final int GRADIENT_CHUNK = 8 * LOG_BATCH;

    /**
     * Gradients and hessians at the raw scores {@code f}, and into {@code stats} the unweighted mean loss and
     * metric there: log loss and accuracy for classification (log loss = max(f, 0) − y·f + log(1 + e^−|f|),
     * the logarithm taken once per {@value #LOG_BATCH} rows of a product), MSE and R² for regression. Large
     * inputs are processed in parallel, in chunks of {@value #GRADIENT_CHUNK} rows.
     */
    static void gradients(boolean cls, double[] f, double[] y, double[] w, double[] g, double[] h, double sst,
                          double[] stats) {
        int n = f.length;
        if (n == 0) { stats[0] = 0; stats[1] = 0; return; }
        int chunks = (n + GRADIENT_CHUNK - 1) / GRADIENT_CHUNK;
        double[] part = new double[2 * chunks];
        int workers = Math.min(ModelExecutor.threads(), chunks);
        if (workers < 2) {
            for (int c = 0; c < chunks; c++) gradientChunk(cls, f, y, w, g, h, c, part);
        } else {
            List<Runnable> jobs = new ArrayList<>(workers);
            for (int t = 0; t < workers; t++) {
                int c0 = chunks * t / workers, c1 = chunks * (t + 1) / workers;
                jobs.add(() -> { for (int c = c0; c < c1; c++) gradientChunk(cls, f, y, w, g, h, c, part); });
            }
            ModelExecutor.runAll(jobs);
        }
        double loss = 0, metric = 0;
        for (int c = 0; c < chunks; c++) { loss += part[2 * c]; metric += part[2 * c + 1]; }
        if (cls) {
            stats[0] = loss / n;
            stats[1] = metric / n;
        } else {
            stats[0] = loss / n;
            stats[1] = sst > 0 ? 1 - loss / sst : 0;
        }
    }

    /** One chunk of {@link #gradients}: into {@code part[2c]} its loss sum, into {@code part[2c + 1]} its correct rows. */
    private static void gradientChunk(boolean cls, double[] f, double[] y, double[] w, double[] g, double[] h, int c,
                                      double[] part) {
        int from = c * GRADIENT_CHUNK, to = Math.min(f.length, from + GRADIENT_CHUNK);
        if (cls) {
            double ll = 0, logs = 0, prod = 1;
            int correct = 0;
            for (int i = from; i < to; i++) {
                double fi = f[i], yi = y[i];
                double e = Math.exp(-Math.abs(fi));
                double inv = 1 / (1 + e);
                double pr = fi >= 0 ? inv : e * inv;
                g[i] = w[i] * (pr - yi);
                h[i] = Math.max(w[i] * pr * (1 - pr), 1e-16);
                ll += Math.max(fi, 0) - yi * fi;
                prod *= 1 + e;
                if (i % LOG_BATCH == LOG_BATCH - 1) { logs += Math.log(prod); prod = 1; }
                if ((pr >= 0.5) == (yi == 1)) correct++;
            }
            logs += Math.log(prod);
            part[2 * c] = ll + logs;
            part[2 * c + 1] = correct;
        } else {
            double sse = 0;
            for (int i = from; i < to; i++) {
                double e = f[i] - y[i];
                g[i] = w[i] * e;
                h[i] = w[i];
                sse += e * e;
            }
            part[2 * c] = sse;
        }
    }

    /**
     * Random forest: bootstrap samples, √p (classification) or p/3 (regression) features tried per split,
     * leaves holding the (weighted) mean target, so the forest's mean is a probability for classification.
     * Trees grow in parallel, one per worker; the result does not depend on the number of workers.
     */
    static TreeEnsemble forest(FeatureFrame train, double[] y, double[] w, FeatureFrame val, double[] yVal, Task task,
                               HyperParameters hp, long seed, TaskContext ctx, HistoryRecorder rec) {
        TreeLearner learner = TreeLearner.bin(train, hp.maxBins());
        int n = train.rows(), p = train.width();
        boolean cls = task == Task.CLASSIFICATION;
        int mtry = hp.featureFraction() > 0 ? (int) Math.round(hp.featureFraction() * p)
                : cls ? (int) Math.round(Math.sqrt(p)) : p / 3;
        mtry = Math.max(1, Math.min(p, mtry));
        TreeLearner.Params prm = new TreeLearner.Params(hp.maxDepth(), hp.minLeaf(), 1e-12, 0, 1.0, mtry, false, false);
        double[] sumTrain = new double[n];
        int nv = val == null ? 0 : val.rows();
        double[] sumVal = new double[nv];
        double[] gain = new double[p];
        List<Tree> trees = new ArrayList<>();
        int batch = Math.max(1, ModelExecutor.threads());
        for (int t0 = 0; t0 < hp.trees(); t0 += batch) {
            ctx.checkCancelled();
            List<Callable<Object[]>> jobs = new ArrayList<>();
            for (int t = t0; t < Math.min(hp.trees(), t0 + batch); t++) {
                long treeSeed = seed * 1_000_003L + t;
                jobs.add(() -> {
                    SplittableRandom rnd = new SplittableRandom(treeSeed);
                    int[] counts = new int[n];
                    for (int i = 0; i < n; i++) counts[rnd.nextInt(n)]++;
                    double[] g = new double[n], h = new double[n], c = new double[n];
                    int[] idx = new int[n];
                    int k = 0;
                    for (int i = 0; i < n; i++) {
                        if (counts[i] == 0) continue;
                        idx[k++] = i;
                        double wt = w[i] * counts[i];
                        g[i] = -y[i] * wt;
                        h[i] = wt;
                        c[i] = counts[i];
                    }
                    double[] localGain = new double[p];
                    Tree tree = learner.grow(g, h, c, idx, k, prm, rnd, localGain, ctx, null);
                    return new Object[]{tree, localGain};
                });
            }
            for (Object[] r : ModelExecutor.invokeAll(jobs)) {
                Tree tree = (Tree) r[0];
                double[] lg = (double[]) r[1];
                for (int f = 0; f < p; f++) gain[f] += lg[f];
                trees.add(tree);
                tree.addTo(train.columns(), sumTrain, 1.0, 0, n);
                if (nv > 0) tree.addTo(val.columns(), sumVal, 1.0, 0, nv);
                rec.record(trees.size(), sumTrain, nv > 0 ? sumVal : null, 1.0 / trees.size(), false);
            }
        }
        return new TreeEnsemble(task, false, 0, trees, normalise(gain));
    }

    static double[] normalise(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        double[] out = v.clone();
        if (s > 0) for (int i = 0; i < out.length; i++) out[i] /= s;
        return out;
    }
}
