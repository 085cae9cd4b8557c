package io.segmenta.core.clv;

import io.segmenta.core.util.I18n;

import java.util.List;
import java.util.Objects;

/**
 * A maximum-likelihood fit: parameters with standard errors (delta method from the numerically differentiated
 * Hessian in log-parameter space), log-likelihood and convergence diagnostics.
 *
 * @param model          "bgnbd", "paretonbd", "mbgnbd" or "gammagamma"
 * @param names          parameter names
 * @param values         estimates (natural scale)
 * @param standardErrors their standard errors; NaN when the Hessian is not positive definite (shown as "—", never as NaN)
 * @param logLikelihood  the log-likelihood at the estimates (without the penalty)
 * @param customers      customers the fit used
 * @param penalty        L2 penalty coefficient (0 = none)
 * @param converged      true when the optimiser met its gradient test with finite, interior parameters and
 *                       positive-definite Hessian
 * @param iterations     optimiser iterations
 * @param gradientNorm   largest gradient component of the mean log-likelihood in log-parameter space
 * @param messageKey     i18n key of the diagnostic when not converged (or a caution), or null
 * @param messageArgs    its arguments: counts as numbers (the message formats them per language), other values as text
 */
public record ModelFit(String model, List<String> names, double[] values, double[] standardErrors, double logLikelihood,
                       int customers, double penalty, boolean converged, int iterations, double gradientNorm,
                       String messageKey, List<Object> messageArgs) {
    public ModelFit {
        Objects.requireNonNull(model, "model");
        names = List.copyOf(names);
        if (values.length != names.size() || standardErrors.length != names.size()) {
            throw new IllegalArgumentException("parameter arrays differ in length");
        }
        messageArgs = messageArgs == null ? List.of() : messageArgs(messageArgs);
    }

    /**
     * A message's arguments as stored: whole numbers as {@code Long}, so a list equals itself read back from JSON.
     */
    static List<Object> messageArgs(List<?> args) {
        return List.copyOf(args.stream().map(a -> a instanceof Integer || a instanceof Short || a instanceof Byte
                ? (Object) ((Number) a).longValue() : a).toList());
    }

    public double value(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("No parameter " + name + " in " + names);
        return values[i];
    }

    public double standardError(String name) { return standardErrors[names.indexOf(name)]; }

    /** Frequency model of this fit, or null for Gamma-Gamma. */
    public FrequencyModel frequencyModel() {
        return "gammagamma".equals(model) ? null : FrequencyModel.fromKey(model);
    }

    /** The diagnostic in the current language, or null. */
    public String message() {
        return messageKey == null ? null : I18n.tr(messageKey, messageArgs.toArray());
    }

    /** Akaike information criterion. */
    public double aic() { return 2 * values.length - 2 * logLikelihood; }
}
