package io.segmenta.core.clv;

import java.util.List;

/**
 * What to fit and predict.
 *
 * @param model            the frequency model
 * @param horizonMonths    CLV and expected-purchases horizon in months
 * @param monthlyDiscount  monthly discount rate (0.01 = 1% a month)
 * @param fit              optimiser options for both fits (penalty, iterations)
 * @param rfmRules         RFM segment rules, in order
 */
public record ClvOptions(FrequencyModel model, double horizonMonths, double monthlyDiscount, FitOptions fit,
                         List<RfmRule> rfmRules) {
    public ClvOptions {
        model = model == null ? FrequencyModel.BGNBD : model;
        if (!(horizonMonths > 0) || horizonMonths > 1200) throw new IllegalArgumentException("horizon must be in (0, 1200] months");
        if (!(monthlyDiscount >= 0 && monthlyDiscount < 1)) throw new IllegalArgumentException("discount rate must be in [0, 1)");
        fit = fit == null ? FitOptions.defaults() : fit;
        rfmRules = rfmRules == null ? Rfm.defaultRules() : List.copyOf(rfmRules);
    }

    public static ClvOptions defaults() { return new ClvOptions(FrequencyModel.BGNBD, 12, 0.01, FitOptions.defaults(), null); }

    public ClvOptions withModel(FrequencyModel m) { return new ClvOptions(m, horizonMonths, monthlyDiscount, fit, rfmRules); }

    public ClvOptions withHorizon(double months, double discount) { return new ClvOptions(model, months, discount, fit, rfmRules); }

    public ClvOptions withFit(FitOptions f) { return new ClvOptions(model, horizonMonths, monthlyDiscount, f, rfmRules); }

    public ClvOptions withRfmRules(List<RfmRule> r) { return new ClvOptions(model, horizonMonths, monthlyDiscount, fit, r); }
}
