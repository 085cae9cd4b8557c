package io.segmenta.core.model;

/**
 * How much a feature matters.
 *
 * @param feature          column name
 * @param permutationMean  mean drop of the test ROC AUC (classification) or R² (regression) when the
 *                         feature's test values are shuffled (seeded)
 * @param permutationStd   standard deviation of that drop over the repeats
 * @param nativeImportance the learner's own measure (split gain share for trees, mean absolute standardised
 *                         coefficient for linear models, averaged over ensemble members), null if none
 */
public record FeatureImportance(String feature, double permutationMean, double permutationStd, Double nativeImportance) { }
