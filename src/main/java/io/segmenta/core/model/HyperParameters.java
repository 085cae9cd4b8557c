package io.segmenta.core.model;

import io.segmenta.core.util.UserException;

/**
 * Knobs of the learners; each algorithm reads the ones it uses and ignores the others.
 *
 * @param trees              trees of a random forest or boosting stages of gradient boosting
 * @param maxDepth           deepest split level of a tree (the root is depth 0)
 * @param learningRate       shrinkage of each boosting stage
 * @param minLeaf            fewest training rows in a leaf
 * @param subsample          share of training rows drawn (without replacement) for each boosting stage
 * @param featureFraction    share of features tried at each split of a random forest; 0 = √p for
 *                           classification and p/3 for regression
 * @param l2                 L2 penalty: on leaf values for boosting, on coefficients for logistic/ridge
 *                           (the inverse of scikit-learn's C for logistic regression, its alpha for ridge)
 * @param maxBins            histogram bins per numeric feature for the tree learners (2–255)
 * @param earlyStoppingRounds stop boosting when the validation loss has not improved for this many stages
 *                           (0 = never; the model keeps the best stage)
 * @param maxIterations      Newton iterations of logistic regression
 * @param minChildWeight     fewest hessian sum in a leaf of gradient boosting (XGBoost's min_child_weight:
 *                           about 4 rows at p = 0.5 for classification, rows × weight for regression)
 * @param mlp                the neural network's settings (layers, units, dropout, epochs, batch size, Adam
 *                           learning rate, patience, device); null = {@link MlpParameters#defaults()}
 */
public record HyperParameters(int trees, int maxDepth, double learningRate, int minLeaf, double subsample,
                              double featureFraction, double l2, int maxBins, int earlyStoppingRounds,
                              int maxIterations, double minChildWeight, MlpParameters mlp) {
    public HyperParameters {
        mlp = mlp == null ? MlpParameters.defaults() : mlp;
        if (trees < 1 || trees > 100_000) throw new UserException("model.options.trees", trees);
        if (maxDepth < 1 || maxDepth > 40) throw new UserException("model.options.depth", maxDepth);
        if (!(learningRate > 0 && learningRate <= 1)) throw new UserException("model.options.learningRate", learningRate);
        if (minLeaf < 1) throw new UserException("model.options.minLeaf", minLeaf);
        if (!(subsample > 0 && subsample <= 1)) throw new UserException("model.options.subsample", subsample);
        if (!(featureFraction >= 0 && featureFraction <= 1)) throw new UserException("model.options.featureFraction", featureFraction);
        if (!(l2 >= 0) || Double.isInfinite(l2)) throw new UserException("model.options.l2", l2);
        if (maxBins < 2 || maxBins > 255) throw new UserException("model.options.maxBins", maxBins);
        if (earlyStoppingRounds < 0) throw new UserException("model.options.earlyStopping", earlyStoppingRounds);
        if (maxIterations < 1) throw new UserException("model.options.maxIterations", maxIterations);
        if (!(minChildWeight >= 0) || Double.isInfinite(minChildWeight)) {
            throw new UserException("model.options.minChildWeight", minChildWeight);
        }
    }

    /** Without the neural network's settings (defaults). */
    public HyperParameters(int trees, int maxDepth, double learningRate, int minLeaf, double subsample,
                           double featureFraction, double l2, int maxBins, int earlyStoppingRounds, int maxIterations,
                           double minChildWeight) {
        this(trees, maxDepth, learningRate, minLeaf, subsample, featureFraction, l2, maxBins, earlyStoppingRounds,
                maxIterations, minChildWeight, null);
    }

    /** Without {@code minChildWeight}: 1, XGBoost's default (used by gradient boosting only). */
    public HyperParameters(int trees, int maxDepth, double learningRate, int minLeaf, double subsample,
                           double featureFraction, double l2, int maxBins, int earlyStoppingRounds, int maxIterations) {
        this(trees, maxDepth, learningRate, minLeaf, subsample, featureFraction, l2, maxBins, earlyStoppingRounds,
                maxIterations, 1.0);
    }

    /** Boosting stages without a better validation loss after which gradient boosting stops by default. */
    public static final int DEFAULT_EARLY_STOPPING = 25;

    /**
     * Defaults for an algorithm: at most 300 boosting stages of depth 6 at 0.1 with XGBoost's leaf constraints
     * (no row minimum, hessian sum ≥ 1, L2 penalty 1), stopping after {@value #DEFAULT_EARLY_STOPPING} stages
     * without a better validation loss when there is a validation part (the best stage is kept); 200 forest
     * trees of depth 20.
     */
    public static HyperParameters defaults(Algorithm a) {
        return switch (a) {
            case RANDOM_FOREST -> new HyperParameters(200, 20, 0.1, 3, 1.0, 0, 0, 255, 0, 100);
            case LOGISTIC, RIDGE -> new HyperParameters(100, 6, 0.1, 20, 1.0, 0, 1.0, 255, 0, 100);
            case GBM, ENSEMBLE, MLP -> new HyperParameters(300, 6, 0.1, 1, 1.0, 0, 1.0, 255, DEFAULT_EARLY_STOPPING, 100, 1.0);
        };
    }

    public HyperParameters withTrees(int n) {
        return new HyperParameters(n, maxDepth, learningRate, minLeaf, subsample, featureFraction, l2, maxBins, earlyStoppingRounds, maxIterations, minChildWeight, mlp);
    }

    public HyperParameters withMaxDepth(int d) {
        return new HyperParameters(trees, d, learningRate, minLeaf, subsample, featureFraction, l2, maxBins, earlyStoppingRounds, maxIterations, minChildWeight, mlp);
    }

    public HyperParameters withLearningRate(double r) {
        return new HyperParameters(trees, maxDepth, r, minLeaf, subsample, featureFraction, l2, maxBins, earlyStoppingRounds, maxIterations, minChildWeight, mlp);
    }

    public HyperParameters withMinLeaf(int m) {
        return new HyperParameters(trees, maxDepth, learningRate, m, subsample, featureFraction, l2, maxBins, earlyStoppingRounds, maxIterations, minChildWeight, mlp);
    }

    public HyperParameters withL2(double v) {
        return new HyperParameters(trees, maxDepth, learningRate, minLeaf, subsample, featureFraction, v, maxBins, earlyStoppingRounds, maxIterations, minChildWeight, mlp);
    }

    public HyperParameters withEarlyStoppingRounds(int r) {
        return new HyperParameters(trees, maxDepth, learningRate, minLeaf, subsample, featureFraction, l2, maxBins, r, maxIterations, minChildWeight, mlp);
    }

    public HyperParameters withMinChildWeight(double v) {
        return new HyperParameters(trees, maxDepth, learningRate, minLeaf, subsample, featureFraction, l2, maxBins, earlyStoppingRounds, maxIterations, v, mlp);
    }

    public HyperParameters withMlp(MlpParameters m) {
        return new HyperParameters(trees, maxDepth, learningRate, minLeaf, subsample, featureFraction, l2, maxBins, earlyStoppingRounds, maxIterations, minChildWeight, m);
    }
}
