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
        int n = frame.rows();
        double[] acc = new double[n];
        if (boosted) java.util.Arrays.fill(acc, base);
        if (n == 0) return acc;
        CompiledTrees compiled = CompiledTrees.of(trees, frame.width());
        double scale = boosted ? 1.0 : 1.0 / trees.size();
        int chunks = n >= 8_192 ? Math.min(ModelExecutor.threads(), (n + 4_095) / 4_096) : 1;
        if (chunks <= 1) {
            predictRange(compiled, frame.columns(), acc, scale, 0, n);
        } else {
            java.util.List<Runnable> jobs = new java.util.ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                int from = (int) ((long) n * c / chunks), to = (int) ((long) n * (c + 1) / chunks);
                jobs.add(() -> predictRange(compiled, frame.columns(), acc, scale, from, to));
            }
            ModelExecutor.runAll(jobs);
        }
        return acc;
    }

    private void predictRange(CompiledTrees compiled, double[][] cols, double[] acc, double scale, int from, int to) {
        compiled.addTo(cols, acc, scale, from, to);
        if (boosted && task == Task.CLASSIFICATION) for (int i = from; i < to; i++) acc[i] = LinearPredictor.sigmoid(acc[i]);
    }

    @Override
    public double[] nativeImportance() { return importance == null ? null : importance.clone(); }
}
