package io.segmenta.core.model;

/**
 * Logistic or linear regression on standardised numeric features and one-hot coded categories.
 *
 * @param task      classification (logistic link) or regression (identity)
 * @param intercept the intercept
 * @param weights   per feature: one weight on the standardised value for numeric and boolean features,
 *                  one per code (levels, then "other") for categorical ones
 */
public record LinearPredictor(Task task, double intercept, double[][] weights) implements Predictor {

    @Override
    public double[] predict(FeatureFrame frame) {
        double[] out = new double[frame.rows()];
        java.util.Arrays.fill(out, intercept);
        for (int f = 0; f < weights.length; f++) {
            FeatureSpec spec = frame.specs().get(f);
            double[] col = frame.columns()[f];
            double[] w = weights[f];
            if (spec.kind() == FeatureSpec.Kind.CATEGORICAL) {
                int last = w.length - 1;
                for (int i = 0; i < out.length; i++) {
                    int code = (int) col[i];
                    out[i] += w[code >= 0 && code <= last ? code : last];
                }
            } else {
                double wf = w[0];
                for (int i = 0; i < out.length; i++) out[i] += wf * spec.input(col[i]);
                if (w.length > 1) for (int i = 0; i < out.length; i++) if (spec.isMissing(col[i])) out[i] += w[1];
            }
        }
        if (task == Task.CLASSIFICATION) for (int i = 0; i < out.length; i++) out[i] = sigmoid(out[i]);
        return out;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** Mean absolute standardised coefficient per feature (over its codes for a categorical one), normalised. */
    @Override
    public double[] nativeImportance() {
        double[] imp = new double[weights.length];
        double total = 0;
        for (int f = 0; f < weights.length; f++) {
            double s = 0;
            for (double w : weights[f]) s += Math.abs(w);
            imp[f] = s / weights[f].length;
            total += imp[f];
        }
        if (total > 0) for (int f = 0; f < imp.length; f++) imp[f] /= total;
        return imp;
    }
}
