package io.segmenta.core.model;

import java.util.List;
import java.util.Locale;

/**
 * Learning algorithms. {@link #LOGISTIC} is for classification only, {@link #RIDGE} (linear regression with
 * an L2 penalty; penalty 0 gives ordinary least squares) for regression only; the tree methods and the
 * ensemble and the neural network ({@link #MLP}, DJL with PyTorch) serve both tasks.
 */
public enum Algorithm {
    LOGISTIC("logistic"), RIDGE("ridge"), RANDOM_FOREST("random-forest"), GBM("gbm"), ENSEMBLE("ensemble"),
    /** Multilayer perceptron trained with DJL on the PyTorch engine (see {@link MlpParameters}). */
    MLP("mlp");

    private final String key;

    Algorithm(String key) { this.key = key; }

    /** Stable name used by the CLI, JSON and model files ("random-forest"). */
    public String key() { return key; }

    public boolean supports(Task task) {
        return switch (this) {
            case LOGISTIC -> task == Task.CLASSIFICATION;
            case RIDGE -> task == Task.REGRESSION;
            default -> true;
        };
    }

    /** The linear model of a task: logistic regression or ridge. */
    public static Algorithm linearFor(Task task) { return task == Task.CLASSIFICATION ? LOGISTIC : RIDGE; }

    /** What an ensemble averages when no members are named: the linear model, the forest and gradient boosting. */
    public static List<Algorithm> defaultEnsembleMembers(Task task) { return List.of(linearFor(task), RANDOM_FOREST, GBM); }

    /** Parses {@link #key()} (also "linear" for ridge, "random_forest", "rf", "neural-network" for the MLP). */
    public static Algorithm fromKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (k) {
            case "linear", "ridge" -> RIDGE;
            case "rf", "random-forest", "forest" -> RANDOM_FOREST;
            case "gbm", "gradient-boosting", "boosting" -> GBM;
            case "logistic", "logit" -> LOGISTIC;
            case "ensemble" -> ENSEMBLE;
            case "mlp", "neural-network", "nn" -> MLP;
            default -> throw new IllegalArgumentException("Unknown algorithm '" + key + "'");
        };
    }
}
