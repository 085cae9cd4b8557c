package io.segmenta.core.clv;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.task.TaskContext;

import java.util.ArrayList;
import java.util.List;

/**
 * One CLV run from a transaction log: summary, frequency model, Gamma-Gamma, scores, RFM and holdout validation.
 */
public final class ClvAnalysis {
    private ClvAnalysis() { }

    public static ClvResult run(Dataset log, SummaryOptions summaryOptions, ClvOptions options, TaskContext ctx) {
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        TransactionSummary s = SummaryBuilder.build(log, summaryOptions, c);
        return run(s, summaryOptions.amountColumn() != null, options, c);
    }

    /**
     * @param withSpend fit Gamma-Gamma and compute CLV (the summary's monetary values are meaningful)
     */
    public static ClvResult run(TransactionSummary s, boolean withSpend, ClvOptions options, TaskContext ctx) {
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        ClvOptions o = options == null ? ClvOptions.defaults() : options;
        List<ClvResult.Warning> warnings = new ArrayList<>();
        SummaryReport rep = s.report();
        if (rep != null) {
            if (rep.rowsNegative() > 0) {
                warnings.add(new ClvResult.Warning(rep.returns() == ReturnsPolicy.DROP ? "clv.warn.returnsDropped" : "clv.warn.returnsNetted",
                        List.of(rep.rowsNegative(), rep.returnDays())));
            }
            if (rep.rowsZero() > 0) warnings.add(new ClvResult.Warning("clv.warn.zeroAmounts", List.of(rep.rowsZero())));
            if (rep.customersOnlyInHoldout() > 0) {
                warnings.add(new ClvResult.Warning("clv.warn.onlyHoldout", List.of(rep.customersOnlyInHoldout())));
            }
            if (rep.rowsMissing() > 0) warnings.add(new ClvResult.Warning("clv.warn.missingRows", List.of(rep.rowsMissing())));
            if (rep.rowsAfterEnd() > 0 && s.calibrationEnd() != null) {
                java.time.LocalDate end = s.calibrationEnd().plusDays(s.hasHoldout() ? s.holdoutDays() : 0);
                warnings.add(new ClvResult.Warning("clv.warn.afterEnd", List.of(rep.rowsAfterEnd(), end.toString())));
            }
        }
        int quiet = daysSinceLastPurchase(s);
        if (s.calibrationEnd() != null && quiet > QUIET_DAYS_WARNING) {
            warnings.add(new ClvResult.Warning("clv.warn.quietEnd",
                    List.of(s.calibrationEnd().toString(), quiet, s.calibrationEnd().minusDays(quiet).toString())));
        }
        ModelFit f = ClvFitter.fit(o.model(), s, o.fit(), c);
        if (!f.converged()) warnings.add(new ClvResult.Warning(f.messageKey(), f.messageArgs()));
        ModelFit gg = null;
        double corr = ClvFitter.frequencyMonetaryCorrelation(s);
        if (withSpend && !hasRepeatSpend(s)) {
            // purchase frequency and probability alive are still worth having: say why there is no CLV
            warnings.add(new ClvResult.Warning("clv.gg.noRepeat", List.of()));
            warnings.add(new ClvResult.Warning("clv.warn.noClv", List.of()));
        } else if (withSpend) {
            gg = ClvFitter.fitGammaGamma(s, o.fit(), c);
            if (!gg.converged()) {
                warnings.add(new ClvResult.Warning(gg.messageKey(), gg.messageArgs()));
                if (!"clv.gg.qBelowOne".equals(gg.messageKey())) warnings.add(new ClvResult.Warning("clv.warn.noClv", List.of()));
            }
            if (Math.abs(corr) > ClvFitter.GG_CORRELATION_WARNING) {
                warnings.add(new ClvResult.Warning("clv.warn.correlation", List.of(ClvFitter.fmt(corr))));
            }
        }
        ClvScores scores = ClvScoring.score(s, f, gg != null && gg.converged() ? gg : null, o.horizonMonths(), o.monthlyDiscount(), c);
        Rfm.Result rfm = Rfm.score(s, o.rfmRules());
        Validation.Holdout h = s.hasHoldout() ? Validation.holdout(s, f, Validation.DEFAULT_GROUPS) : null;
        return new ClvResult(s, f, gg, scores, rfm, h, corr, warnings);
    }

    /** A calibration end this many days after the last calibration purchase of anyone draws a warning. */
    static final int QUIET_DAYS_WARNING = 90;

    /** Days from the most recent calibration purchase of any customer to the calibration end. */
    static int daysSinceLastPurchase(TransactionSummary s) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) min = Math.min(min, s.ageDays()[i] - s.recencyDays()[i]);
        return s.size() == 0 ? 0 : (int) Math.round(min);
    }

    /** Whether some customer has a repeat purchase with a positive mean spend (what Gamma-Gamma is fitted to). */
    private static boolean hasRepeatSpend(TransactionSummary s) {
        for (int i = 0; i < s.size(); i++) if (s.frequency(i) > 0 && s.monetary(i) > 0) return true;
        return false;
    }
}
