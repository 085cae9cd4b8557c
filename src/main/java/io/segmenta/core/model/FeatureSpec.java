package io.segmenta.core.model;

import io.segmenta.core.data.ColumnType;

import java.util.List;

/**
 * How one input column becomes one model feature; learned on the training rows only and applied unchanged
 * at scoring time. Data only.
 *
 * @param name        column name
 * @param kind        numeric (numbers, dates as days since 1970), boolean (0/1) or categorical (a code)
 * @param trainedType the column's type at training time; other types are coerced to it at scoring
 * @param impute      value used for a missing cell: the training median (numeric), the most frequent
 *                    value (boolean, 0/1), or for a categorical feature the code of "missing" itself,
 *                    {@code levels.size() + 1}, when the training rows had missing values (a missing
 *                    category is information: "unknown" job, no previous campaign), else the "other" code
 *                    {@code levels.size()}; models made before this rule store 0, the most frequent level
 * @param mean        training mean after imputation, for the scaling of linear models
 * @param scale       training standard deviation (population) after imputation; 1 when constant
 * @param levels      categorical levels by training frequency, most frequent first: level i has code i and
 *                    any other value (unseen or too rare to keep) the code {@code levels.size()}
 * @param missingInTraining training rows where the value was missing
 * @param missingIndicator a numeric feature whose training rows had missing values: a missing value is
 *                    {@link #MISSING} in the feature frame, a second input ("is missing", 0/1) beside the
 *                    imputed value for linear models and the network, and a bin of its own below every value
 *                    for the trees — being missing is often information (no income given, never contacted)
 *                    that the median alone would hide; false in models made before this rule
 */
public record FeatureSpec(String name, Kind kind, ColumnType trainedType, double impute, double mean, double scale,
                          List<String> levels, int missingInTraining, boolean missingIndicator) {
    /** Most categorical levels kept for the trees; the rest share the "other" code (see {@link Preprocessor#wideLevels}). */
    public static final int MAX_LEVELS = 62;

    public enum Kind { NUMERIC, BOOLEAN, CATEGORICAL }

    public FeatureSpec {
        levels = levels == null ? List.of() : List.copyOf(levels);
        if (!(scale > 0) || Double.isInfinite(scale)) scale = 1;
        missingIndicator = missingIndicator && kind == Kind.NUMERIC;
    }

    /** Without a missing indicator. */
    public FeatureSpec(String name, Kind kind, ColumnType trainedType, double impute, double mean, double scale,
                       List<String> levels, int missingInTraining) {
        this(name, kind, trainedType, impute, mean, scale, levels, missingInTraining, false);
    }

    /**
     * A missing value in the frame of a feature with {@link #missingIndicator()}: below every number, so a tree
     * split can send the missing rows their own way (an infinity read from data is missing already, never this).
     */
    public static final double MISSING = Double.NEGATIVE_INFINITY;

    /** Whether a frame value of this feature stands for a missing one. */
    public boolean isMissing(double frameValue) { return missingIndicator && frameValue == MISSING; }

    /** The standardised input of a linear model or the network: a missing value as the imputed one. */
    public double input(double frameValue) {
        return standardise(isMissing(frameValue) ? impute : frameValue);
    }

    /** Largest magnitude of a standardised value; beyond it (far outside anything seen in training) it is clamped. */
    static final double MAX_STANDARDISED = 1e9;

    /**
     * A numeric value standardised with the training mean and scale, as the linear models and the neural
     * network read it: (v − mean) / scale, computed without overflow for huge values and clamped to
     * ±{@value #MAX_STANDARDISED} so that an extreme value at scoring time cannot turn a prediction into NaN.
     */
    public double standardise(double v) {
        double z = (v - mean) / scale;
        if (Double.isFinite(z)) return Math.max(-MAX_STANDARDISED, Math.min(MAX_STANDARDISED, z));
        z = v / scale - mean / scale;
        if (Double.isNaN(z)) return 0;
        return Math.max(-MAX_STANDARDISED, Math.min(MAX_STANDARDISED, z));
    }

    /** The code of values not among {@link #levels()} (categorical). */
    public int otherCode() { return levels.size(); }

    /** Whether missing cells of this categorical feature have a code of their own, {@code levels.size() + 1}. */
    public boolean hasMissingCode() { return kind == Kind.CATEGORICAL && impute == levels.size() + 1; }

    /**
     * Inputs of a linear model or the network: a categorical feature's codes (levels, "other" and, when it has
     * one, "missing"); 2 for a number with a missing indicator (the value and "is missing"); 1 for the others.
     */
    public int width() {
        return kind == Kind.CATEGORICAL ? levels.size() + (hasMissingCode() ? 2 : 1) : missingIndicator ? 2 : 1;
    }
}
