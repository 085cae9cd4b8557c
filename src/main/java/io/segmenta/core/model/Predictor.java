package io.segmenta.core.model;

/**
 * A fitted learner: data only (arrays of numbers), so it is saved in a plain format and never
 * deserialised as Java objects.
 */
public sealed interface Predictor permits LinearPredictor, TreeEnsemble, MlpPredictor {

    /** Probability of the positive class (classification) or the predicted value (regression), per row. */
    double[] predict(FeatureFrame frame);

    /** Built-in importance per feature (same order as the frame), summing to 1; null when none. */
    double[] nativeImportance();
}
