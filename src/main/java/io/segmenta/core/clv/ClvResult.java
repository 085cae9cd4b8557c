package io.segmenta.core.clv;

import io.segmenta.core.util.I18n;

import java.util.List;

/**
 * Everything one CLV run produced.
 *
 * @param summary        the per-customer calibration summary
 * @param frequencyFit   the purchase-frequency model
 * @param gammaGamma     the spend model, or null (no amount column, or no repeat customer with spend)
 * @param scores         per-customer predictions
 * @param rfm            RFM scores and segments
 * @param holdout        holdout validation, or null without a holdout period
 * @param frequencyMonetaryCorrelation corr(frequency, monetary) over repeat customers (NaN when undefined)
 * @param warnings       cautions for the user (i18n keys with arguments)
 */
public record ClvResult(TransactionSummary summary, ModelFit frequencyFit, ModelFit gammaGamma, ClvScores scores,
                        Rfm.Result rfm, Validation.Holdout holdout, double frequencyMonetaryCorrelation,
                        List<Warning> warnings) {
    public ClvResult {
        warnings = List.copyOf(warnings);
    }

    /** A caution: an i18n key and its arguments (counts as numbers, so the message groups their digits per language). */
    public record Warning(String key, List<Object> args) {
        public Warning {
            args = ModelFit.messageArgs(args);
        }

        public String message() { return I18n.tr(key, args.toArray()); }
    }
}
