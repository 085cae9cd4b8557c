package io.segmenta.core.campaign;

import io.segmenta.core.util.I18n;

import java.util.List;

/**
 * The result of {@link AbAnalysis}.
 *
 * @param options        what was asked
 * @param data           the counts analysed
 * @param arms           metrics per arm
 * @param segmentArms    metrics per segment × arm
 * @param metrics        tests and posteriors per binary metric the data has
 * @param recommendation what to do next
 */
public record AbReport(AbOptions options, AbData data, List<ArmMetrics> arms, List<ArmMetrics> segmentArms,
                       List<MetricResult> metrics, Recommendation recommendation) {

    /**
     * Rates and money of one arm; a value is null when the data cannot give it.
     *
     * @param deliveryRate  delivered / sends
     * @param openRate      opened / delivered
     * @param ctr           clicked / delivered (click-through rate; the visit rate when every send is delivered)
     * @param clickRate     clicked / sends
     * @param conversionRate converted / sends
     * @param revenuePerSend revenue / sends
     * @param cost          sends × cost per send (0 for the control, which is not sent)
     * @param roi           (revenue − cost) / cost
     * @param incrementalRevenuePerSend revenue per send minus the control's
     * @param incrementalRoi (incremental revenue per send − cost per send) / cost per send
     * @param incrementalRevenueInterval confidence interval of the incremental revenue per send (Welch's
     *                      normal approximation from the per-customer revenues); null without per-customer
     *                      revenue or a control
     * @param incrementalRevenueHolmP two-sided p-value of "no difference in revenue per send" against the
     *                      control, Holm-adjusted over the creatives; null when the interval is
     */
    public record ArmMetrics(ArmCounts counts, Double deliveryRate, Double openRate, Double ctr, Double clickRate,
                             Double conversionRate, Double revenuePerSend, Double cost, Double roi,
                             Double incrementalRevenuePerSend, Double incrementalRoi,
                             ProportionStats.Interval incrementalRevenueInterval, Double incrementalRevenueHolmP) {

        ArmMetrics withRevenueTest(ProportionStats.Interval interval, Double holmP) {
            return new ArmMetrics(counts, deliveryRate, openRate, ctr, clickRate, conversionRate, revenuePerSend, cost, roi,
                    incrementalRevenuePerSend, incrementalRoi, interval, holmP);
        }
    }

    /** Share of an arm's sends with the outcome, with its Wilson interval. */
    public record ArmRate(String arm, long successes, long trials, double rate, ProportionStats.Interval wilson) { }

    /**
     * One two-proportion test.
     *
     * @param versusControl whether {@code other} is the control (else a pairwise comparison of creatives)
     * @param holmP         p-value adjusted with Holm over all the metric's comparisons
     * @param significant   holmP &lt; α
     */
    public record Comparison(String arm, String other, boolean versusControl, ProportionStats.ZTest test, double holmP,
                             boolean significant) { }

    /**
     * Bayesian view of one arm.
     *
     * @param probabilityBest      P(this arm has the highest rate) among the contest arms; NaN when not in the contest
     * @param expectedLoss         expected rate lost by choosing it; NaN when not in the contest
     * @param probabilityBeatsControl P(rate &gt; control's rate), or null without a control
     */
    public record BayesArm(String arm, double posteriorMean, ProportionStats.Interval credible, double probabilityBest,
                           double expectedLoss, Double probabilityBeatsControl) { }

    /** Everything about one metric. */
    public record MetricResult(AbMetric metric, List<ArmRate> rates, List<Comparison> comparisons, List<BayesArm> bayes) { }

    /** The decision. */
    public enum Decision {
        DECLARE_WINNER, KEEP_TESTING, INCREASE_SAMPLE,
        /** Every creative did significantly worse than the control: send none of them. */
        KEEP_CONTROL;

        public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /**
     * What to do next (see {@link AbAnalysis} for the rule).
     *
     * @param leader          the arm with the highest P(best)
     * @param currentPerArm   fewest sends among the contest arms
     * @param nextWave        sample size for the next wave at the baseline and MDE, or null when it cannot be planned
     * @param messageKey      i18n key of the explanation; {@link #message()} formats it with {@code args}
     * @param args            the message's arguments: numbers as they are (the bundle formats them for the language)
     *                        and metrics as {@link AbMetric}, named with {@link AbMetric#label()} when formatting
     */
    public record Recommendation(Decision decision, AbMetric metric, String leader, double probabilityBest,
                                 double expectedLoss, long currentPerArm, PowerCalculator.Result nextWave,
                                 String messageKey, List<Object> args) {
        /**
         * A winner on probability and expected loss whose lead the Holm-adjusted z test does not call significant
         * (a low-risk choice, not a proven difference).
         */
        public boolean winnerNotSignificant() { return "campaign.recommend.winnerNotSignificant".equals(messageKey); }

        /** The explanation in the current language. */
        public String message() {
            return I18n.tr(messageKey, args.stream().map(a -> a instanceof AbMetric m ? m.label() : a).toArray());
        }
    }
}
