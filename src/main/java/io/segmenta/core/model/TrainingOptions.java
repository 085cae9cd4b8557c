package io.segmenta.core.model;

import io.segmenta.core.util.UserException;

import java.util.List;

/**
 * Everything that decides a training run; stored with every model so it can be repeated.
 *
 * @param dataset        name of the dataset trained on
 * @param target         target column
 * @param positive       the target value counted as the positive class (classification); null = chosen
 *                       automatically (true, 1, yes…, else the less frequent of two values)
 * @param task           classification or regression; null = inferred from the target
 * @param features       features to use; empty = every column except the target, id-like, constant and
 *                       free-text columns (see {@link ModelSetup})
 * @param exclude        columns never used as features
 * @param algorithm      learner; {@link Algorithm#ENSEMBLE} trains {@link #ensembleMembers()} and averages them
 * @param ensembleMembers algorithms averaged by an ensemble (empty = linear, random forest and gbm)
 * @param hyper          learner settings; null = {@link HyperParameters#defaults(Algorithm)}
 * @param testSize       share of the rows held out as the test part (0.05–0.5)
 * @param validationSize share of the remaining rows held out for the live validation curve and early
 *                       stopping (0–0.5)
 * @param cvFolds        k of an optional k-fold cross-validation on the non-test rows (0 = none, 2–20)
 * @param classWeights   weight classes inversely to their frequency (imbalanced targets)
 * @param seed           seed of the split, the bootstrap and the permutation importance
 */
public record TrainingOptions(String dataset, String target, String positive, Task task, List<String> features,
                              List<String> exclude, Algorithm algorithm, List<Algorithm> ensembleMembers,
                              HyperParameters hyper, double testSize, double validationSize, int cvFolds,
                              boolean classWeights, long seed) {
    public static final double DEFAULT_TEST_SIZE = 0.2;
    public static final double DEFAULT_VALIDATION_SIZE = 0.1;
    public static final long DEFAULT_SEED = 42;

    public TrainingOptions {
        if (dataset == null || dataset.isBlank()) dataset = "dataset";
        if (target == null || target.isBlank()) throw new UserException("model.options.noTarget");
        positive = positive == null || positive.isBlank() ? null : positive.strip();
        features = features == null ? List.of() : List.copyOf(features);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        algorithm = algorithm == null ? Algorithm.GBM : algorithm;
        ensembleMembers = ensembleMembers == null ? List.of() : List.copyOf(ensembleMembers);
        if (ensembleMembers.contains(Algorithm.ENSEMBLE)) throw new UserException("model.options.nestedEnsemble");
        hyper = hyper == null ? HyperParameters.defaults(algorithm) : hyper;
        if (!(testSize >= 0.05 && testSize <= 0.5)) throw new UserException("model.options.testSize", testSize);
        if (!(validationSize >= 0 && validationSize <= 0.5)) throw new UserException("model.options.validationSize", validationSize);
        if (cvFolds != 0 && (cvFolds < 2 || cvFolds > 20)) throw new UserException("model.options.cvFolds", cvFolds);
        if (features.contains(target)) throw new UserException("model.options.targetIsFeature", target);
        if (task != null && !algorithm.supports(task)) {
            throw new UserException("model.options.algorithmTask", algorithm.key(), task.key());
        }
    }

    /** Gradient boosting with default settings on every usable column. */
    public static TrainingOptions defaults(String dataset, String target) {
        return new TrainingOptions(dataset, target, null, null, List.of(), List.of(), Algorithm.GBM, List.of(),
                null, DEFAULT_TEST_SIZE, DEFAULT_VALIDATION_SIZE, 0, false, DEFAULT_SEED);
    }

    public TrainingOptions withAlgorithm(Algorithm a) {
        return new TrainingOptions(dataset, target, positive, task, features, exclude, a, ensembleMembers,
                HyperParameters.defaults(a), testSize, validationSize, cvFolds, classWeights, seed);
    }

    public TrainingOptions withHyper(HyperParameters h) {
        return new TrainingOptions(dataset, target, positive, task, features, exclude, algorithm, ensembleMembers, h,
                testSize, validationSize, cvFolds, classWeights, seed);
    }

    public TrainingOptions withPositive(String p) {
        return new TrainingOptions(dataset, target, p, task, features, exclude, algorithm, ensembleMembers, hyper,
                testSize, validationSize, cvFolds, classWeights, seed);
    }

    public TrainingOptions withTask(Task t) {
        return new TrainingOptions(dataset, target, positive, t, features, exclude, algorithm, ensembleMembers, hyper,
                testSize, validationSize, cvFolds, classWeights, seed);
    }

    public TrainingOptions withFeatures(List<String> f) {
        return new TrainingOptions(dataset, target, positive, task, f, exclude, algorithm, ensembleMembers, hyper,
                testSize, validationSize, cvFolds, classWeights, seed);
    }

    public TrainingOptions withExclude(List<String> e) {
        return new TrainingOptions(dataset, target, positive, task, features, e, algorithm, ensembleMembers, hyper,
                testSize, validationSize, cvFolds, classWeights, seed);
    }

    public TrainingOptions withEnsembleMembers(List<Algorithm> m) {
        return new TrainingOptions(dataset, target, positive, task, features, exclude, algorithm, m, hyper,
                testSize, validationSize, cvFolds, classWeights, seed);
    }

    public TrainingOptions withSplit(double test, double validation, long newSeed) {
        return new TrainingOptions(dataset, target, positive, task, features, exclude, algorithm, ensembleMembers, hyper,
                test, validation, cvFolds, classWeights, newSeed);
    }

    public TrainingOptions withCvFolds(int k) {
        return new TrainingOptions(dataset, target, positive, task, features, exclude, algorithm, ensembleMembers, hyper,
                testSize, validationSize, k, classWeights, seed);
    }

    public TrainingOptions withClassWeights(boolean w) {
        return new TrainingOptions(dataset, target, positive, task, features, exclude, algorithm, ensembleMembers, hyper,
                testSize, validationSize, cvFolds, w, seed);
    }
}
