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
        }
        ModelFit f = ClvFitter.fit(o.model(), s, o.fit(), c);
        if (!f.converged()) warnings.add(new ClvResult.Warning(f.messageKey(), f.messageArgs()));
        ModelFit gg = null;
        double corr = ClvFitter.frequencyMonetaryCorrelation(s);
        if (withSpend) {
            gg = ClvFitter.fitGammaGamma(s, o.fit(), c);
            if (!gg.converged()) warnings.add(new ClvResult.Warning(gg.messageKey(), gg.messageArgs()));
            if (Math.abs(corr) > ClvFitter.GG_CORRELATION_WARNING) {
                warnings.add(new ClvResult.Warning("clv.warn.correlation", List.of(ClvFitter.fmt(corr))));
            }
        }
        ClvScores scores = ClvScoring.score(s, f, gg != null && gg.converged() ? gg : null, o.horizonMonths(), o.monthlyDiscount(), c);
        Rfm.Result rfm = Rfm.score(s, o.rfmRules());
        Validation.Holdout h = s.hasHoldout() ? Validation.holdout(s, f, Validation.DEFAULT_GROUPS) : null;
        return new ClvResult(s, f, gg, scores, rfm, h, corr, warnings);
    }
}
