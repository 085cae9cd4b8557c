package io.segmenta.core.model;

import java.util.List;

/**
 * k-fold cross-validation on the non-test rows.
 *
 * @param folds  k
 * @param metric "roc_auc" or "r2"
 * @param values the metric on each held-out fold
 * @param mean   mean of the values
 * @param std    sample standard deviation of the values
 */
public record CrossValidation(int folds, String metric, List<Double> values, double mean, double std) {
    public CrossValidation {
        values = List.copyOf(values);
    }

    static CrossValidation of(String metric, List<Double> values) {
        double m = 0;
        for (double v : values) m += v;
        m /= values.size();
        double s = 0;
        for (double v : values) s += (v - m) * (v - m);
        double sd = values.size() > 1 ? Math.sqrt(s / (values.size() - 1)) : 0;
        return new CrossValidation(values.size(), metric, values, m, sd);
    }
}
