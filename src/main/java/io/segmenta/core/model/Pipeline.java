package io.segmenta.core.model;

import io.segmenta.core.data.Dataset;

/**
 * One fitted model: its preprocessing and its learner.
 *
 * @param algorithm   the learner's algorithm
 * @param preprocessor imputation, coding and scaling learned on the training rows
 * @param predictor   the fitted learner
 */
public record Pipeline(Algorithm algorithm, Preprocessor preprocessor, Predictor predictor) {
    /** Probability or value for every row of {@code ds} (null rows = all). */
    public double[] predict(Dataset ds, int[] rows) {
        return predictor.predict(preprocessor.transform(ds, rows));
    }
}
