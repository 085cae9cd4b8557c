package io.segmenta.core.model;

import java.util.List;

/**
 * Gradient-boosted trees (prediction = link(base + Σ trees)) or a random forest (prediction = mean of the
 * trees, a probability for classification).
 *
 * @param task       classification or regression
 * @param boosted    true for gradient boosting, false for a random forest
 * @param base       initial score of boosting (log-odds or mean); unused by a forest
 * @param trees      the trees (boosting leaves already include the learning rate)
 * @param importance total split gain per feature, normalised to sum 1
 */
public record TreeEnsemble(Task task, boolean boosted, double base, List<Tree> trees, double[] importance) implements Predictor {
    public TreeEnsemble {
        trees = List.copyOf(trees);
    }

    @Override
    public double[] predict(FeatureFrame frame) {
        double[] acc = new double[frame.rows()];
        int n = frame.rows();
        int chunks = n >= 20_000 ? Math.min(ModelExecutor.threads(), (n + 9_999) / 10_000) : 1;
        if (chunks <= 1) {
            predictRange(frame.columns(), acc, 0, n);
        } else {
            java.util.List<Runnable> jobs = new java.util.ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                int from = (int) ((long) n * c / chunks), to = (int) ((long) n * (c + 1) / chunks);
                jobs.add(() -> predictRange(frame.columns(), acc, from, to));
            }
            ModelExecutor.runAll(jobs);
        }
        return acc;
    }

    private void predictRange(double[][] cols, double[] acc, int from, int to) {
        final int block = 4096;
        for (int b = from; b < to; b += block) {
            int e = Math.min(to, b + block);
            if (boosted) {
                for (int i = b; i < e; i++) acc[i] = base;
                for (Tree t : trees) t.addTo(cols, acc, 1.0, b, e);
                if (task == Task.CLASSIFICATION) for (int i = b; i < e; i++) acc[i] = LinearPredictor.sigmoid(acc[i]);
            } else {
                double s = 1.0 / trees.size();
                for (Tree t : trees) t.addTo(cols, acc, s, b, e);
            }
        }
    }

    @Override
    public double[] nativeImportance() { return importance == null ? null : importance.clone(); }
}
