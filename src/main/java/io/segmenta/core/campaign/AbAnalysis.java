package io.segmenta.core.campaign;

import io.segmenta.core.campaign.AbReport.ArmMetrics;
import io.segmenta.core.campaign.AbReport.ArmRate;
import io.segmenta.core.campaign.AbReport.BayesArm;
import io.segmenta.core.campaign.AbReport.Comparison;
import io.segmenta.core.campaign.AbReport.Decision;
import io.segmenta.core.campaign.AbReport.MetricResult;
import io.segmenta.core.campaign.AbReport.Recommendation;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A/B(/n) analysis of campaign results per creative.
 *
 * <p>Per arm and per segment × arm: delivery rate, open rate and CTR (per delivered), click and conversion
 * rates (per send), revenue, revenue per send, cost and ROI from the cost per send (the control is not sent,
 * so it costs nothing), incremental revenue per send and ROI against the control, and the median hours from
 * send to open, click and purchase.
 *
 * <p>Per binary metric (open, click, conversion, as the data allow): the rate per send with its Wilson
 * interval; two-sided pooled two-proportion z tests of each creative against the control (not for opens,
 * which a holdout cannot have) and of every pair of creatives, Holm-adjusted over all the metric's tests;
 * Beta(1,1)–Binomial posteriors with P(best) and expected loss among the contest arms (the creatives, or
 * every arm when there is only one creative) and P(beats control).
 *
 * <p>Recommendation rule, on the primary metric:
 * <ol>
 *   <li><b>Declare a winner</b> when the leader's P(best) ≥ {@link AbOptions#winProbability()} (0.95) and its
 *       expected loss ≤ {@link AbOptions#lossTolerance()} (5%) × its posterior mean rate.</li>
 *   <li>Otherwise <b>increase the sample</b> when the smallest contest arm has fewer sends than the power
 *       calculator asks for per arm to detect a lift of {@link AbOptions#mde()} (relative) over the baseline
 *       (the control's rate, else the pooled rate of the contest arms) at α = 1 − confidence and the chosen power;
 *       the next wave needs that many per arm. Also when no arm has any event yet.</li>
 *   <li>Otherwise <b>keep testing</b>: the sample could detect that lift, yet no arm is clearly best, so the arms
 *       likely differ by less; keep collecting results (or treat them as equivalent).</li>
 * </ol>
 */
public final class AbAnalysis {
    private AbAnalysis() { }

    public static AbReport analyze(AbData data, AbOptions o) {
        List<ArmCounts> arms = data.arms();
        if (arms.size() < 2) throw new UserException("campaign.ab.oneArm", arms.size());
        // the loader refuses an arm column with more values; this guards data built any other way
        if (arms.size() > AbResultsLoader.MAX_ARMS) throw new UserException("campaign.ab.tooManyArmsData", arms.size(), AbResultsLoader.MAX_ARMS);
        List<String> names = arms.stream().map(ArmCounts::arm).toList();
        ArmCounts control = null;
        if (o.control() != null) {
            control = arms.stream().filter(a -> a.arm().equals(o.control())).findFirst().orElseThrow(() ->
                    new UserException("campaign.ab.unknownControl", o.control(), I18n.quotedList(names)));
        }
        for (ArmCounts a : arms) if (a.sends() == 0) throw new UserException("campaign.ab.emptyArm", a.arm());

        List<ArmMetrics> armMetrics = new ArrayList<>();
        for (ArmCounts a : arms) armMetrics.add(metrics(a, control, o));
        armMetrics = withRevenueTests(armMetrics, control, o);
        Map<String, ArmCounts> controlOfSegment = new HashMap<>();
        if (control != null) {
            for (ArmCounts b : data.segmentArms()) if (b.arm().equals(control.arm())) controlOfSegment.put(b.segment(), b);
        }
        List<ArmMetrics> segMetrics = new ArrayList<>();
        for (ArmCounts a : data.segmentArms()) segMetrics.add(metrics(a, controlOfSegment.get(a.segment()), o));

        List<ArmCounts> contest = new ArrayList<>();
        for (ArmCounts a : arms) if (control == null || a != control) contest.add(a);
        if (contest.size() < 2) contest = arms;

        List<MetricResult> results = new ArrayList<>();
        for (AbMetric m : AbMetric.values()) {
            if (!arms.get(0).knows(m)) continue;
            results.add(metric(m, arms, control, contest, o));
        }
        AbMetric primary = o.primary();
        if (primary == null) {
            for (AbMetric m : List.of(AbMetric.CONVERSION, AbMetric.CLICK, AbMetric.OPEN)) {
                if (arms.get(0).knows(m)) { primary = m; break; }
            }
        }
        if (primary == null) throw new UserException("campaign.ab.noMetric");
        AbMetric p = primary;
        MetricResult pr = results.stream().filter(r -> r.metric() == p).findFirst().orElseThrow(() ->
                new UserException("campaign.ab.metricMissing", p.key()));
        Recommendation rec = recommend(pr, contest, control, o);
        return new AbReport(o, data, armMetrics, segMetrics, results, rec);
    }

    private static ArmMetrics metrics(ArmCounts a, ArmCounts control, AbOptions o) {
        ArmCounts.Known k = a.known();
        double n = a.sends();
        Double delivery = k.delivery() ? a.delivered() / n : null;
        Double open = k.open() && a.delivered() > 0 ? (double) a.opened() / a.delivered() : null;
        Double ctr = k.click() && a.delivered() > 0 ? (double) a.clicked() / a.delivered() : null;
        Double click = k.click() ? a.clicked() / n : null;
        Double conv = k.conversion() ? a.converted() / n : null;
        Double rps = k.revenue() ? a.revenue() / n : null;
        boolean isControl = control != null && a.arm().equals(control.arm());
        Double cost = o.costPerSend() == null ? null : isControl ? 0.0 : n * o.costPerSend();
        Double roi = cost == null || cost == 0 || !k.revenue() ? null : (a.revenue() - cost) / cost;
        Double incr = null;
        Double incrRoi = null;
        if (control != null && k.revenue() && !isControl) {
            incr = rps - control.revenue() / control.sends();
            if (o.costPerSend() != null && o.costPerSend() > 0) incrRoi = (incr - o.costPerSend()) / o.costPerSend();
        }
        return new ArmMetrics(a, delivery, open, ctr, click, conv, rps, cost, roi, incr, incrRoi, null, null);
    }

    /**
     * Revenue per send of each arm against the control: Welch's difference of means with a normal
     * approximation (campaign arms hold hundreds of customers or more), its interval at the report's
     * confidence and a two-sided p-value, Holm-adjusted over the arms tested. Needs one row per customer.
     */
    static List<ArmMetrics> withRevenueTests(List<ArmMetrics> ms, ArmCounts control, AbOptions o) {
        if (control == null || control.revenueVariance() == null) return ms;
        double vc = control.revenueVariance() / control.sends();
        double q = Distributions.normalQuantile(1 - (1 - o.confidence()) / 2);
        List<Integer> tested = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<ProportionStats.Interval> ci = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            ArmMetrics m = ms.get(i);
            Double va = m.counts().revenueVariance();
            if (m.counts() == control || va == null || m.incrementalRevenuePerSend() == null) continue;
            double d = m.incrementalRevenuePerSend();
            double se = Math.sqrt(va / m.counts().sends() + vc);
            if (!Double.isFinite(d) || !Double.isFinite(se)) continue; // sums past the range of doubles: no test
            tested.add(i);
            ci.add(new ProportionStats.Interval(d - q * se, d + q * se));
            raw.add(se > 0 ? 2 * (1 - Distributions.normalCdf(Math.abs(d) / se)) : d == 0 ? 1.0 : 0.0);
        }
        double[] holm = ProportionStats.holm(raw.stream().mapToDouble(Double::doubleValue).toArray());
        List<ArmMetrics> out = new ArrayList<>(ms);
        for (int t = 0; t < tested.size(); t++) out.set(tested.get(t), ms.get(tested.get(t)).withRevenueTest(ci.get(t), holm[t]));
        return out;
    }

    private static MetricResult metric(AbMetric m, List<ArmCounts> arms, ArmCounts control, List<ArmCounts> contest, AbOptions o) {
        List<ArmRate> rates = new ArrayList<>();
        for (ArmCounts a : arms) {
            long x = a.successes(m);
            rates.add(new ArmRate(a.arm(), x, a.sends(), (double) x / a.sends(), ProportionStats.wilson(x, a.sends(), o.confidence())));
        }
        record Pair(ArmCounts a, ArmCounts b, boolean vsControl) { }
        List<Pair> pairs = new ArrayList<>();
        if (control != null && m.possibleWithoutSend()) {
            for (ArmCounts a : arms) if (a != control) pairs.add(new Pair(a, control, true));
        }
        List<ArmCounts> creatives = arms.stream().filter(a -> a != control).toList();
        for (int i = 0; i < creatives.size(); i++) {
            for (int j = i + 1; j < creatives.size(); j++) pairs.add(new Pair(creatives.get(i), creatives.get(j), false));
        }
        List<ProportionStats.ZTest> tests = new ArrayList<>();
        for (Pair pr : pairs) {
            tests.add(ProportionStats.zTest(pr.a().successes(m), pr.a().sends(), pr.b().successes(m), pr.b().sends(), o.confidence()));
        }
        double[] holm = ProportionStats.holm(tests.stream().mapToDouble(ProportionStats.ZTest::pValue).toArray());
        List<Comparison> comps = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            comps.add(new Comparison(pairs.get(i).a().arm(), pairs.get(i).b().arm(), pairs.get(i).vsControl(), tests.get(i), holm[i],
                    holm[i] < o.alpha()));
        }

        List<BayesianComparison.Posterior> post = contest.stream().map(a -> BayesianComparison.Posterior.of(a.successes(m), a.sends())).toList();
        BayesianComparison.Result br = BayesianComparison.compare(post);
        BayesianComparison.Posterior cp = control == null || !m.possibleWithoutSend() ? null
                : BayesianComparison.Posterior.of(control.successes(m), control.sends());
        List<BayesArm> bayes = new ArrayList<>();
        Map<ArmCounts, Integer> contestIndex = new IdentityHashMap<>();
        for (int i = 0; i < contest.size(); i++) contestIndex.put(contest.get(i), i);
        for (ArmCounts a : arms) {
            BayesianComparison.Posterior pa = BayesianComparison.Posterior.of(a.successes(m), a.sends());
            int idx = contestIndex.getOrDefault(a, -1);
            Double beats = cp == null || a == control ? null : BayesianComparison.probabilityBeats(pa, cp);
            bayes.add(new BayesArm(a.arm(), pa.mean(), pa.credible(o.confidence()), idx < 0 ? Double.NaN : br.probabilityBest()[idx],
                    idx < 0 ? Double.NaN : br.expectedLoss()[idx], beats));
        }
        return new MetricResult(m, rates, comps, bayes);
    }

    /** Sends every arm of the contest needs before a winner is declared (the usual floor of the normal approximation). */
    static final int MIN_SENDS_FOR_WINNER = 30;

    /**
     * When every contest arm's comparison with the control is significant (Holm) and below it, the one closest
     * to the control (the largest adjusted p); otherwise null.
     */
    private static AbReport.Comparison allBelowControl(MetricResult r, List<ArmCounts> contest, ArmCounts control) {
        AbReport.Comparison closest = null;
        int below = 0;
        for (AbReport.Comparison c : r.comparisons()) {
            if (!c.versusControl() || !c.other().equals(control.arm())) continue;
            if (!c.significant() || !(c.test().p1() < c.test().p2())) return null;
            below++;
            if (closest == null || c.holmP() > closest.holmP()) closest = c;
        }
        return below == contest.size() ? closest : null;
    }

    /**
     * The leader's comparison with another contest arm that is not significant after the Holm adjustment (the
     * one with the largest adjusted p), or null when the leader beats every other contest arm.
     */
    private static AbReport.Comparison weakestLead(MetricResult r, List<ArmCounts> contest, ArmCounts control, String leader) {
        java.util.Set<String> inContest = new java.util.HashSet<>();
        for (ArmCounts a : contest) inContest.add(a.arm());
        // the lead over the control counts too: a creative that does not beat sending nothing is no proven winner
        if (control != null) inContest.add(control.arm());
        AbReport.Comparison weakest = null;
        for (AbReport.Comparison c : r.comparisons()) {
            boolean mine = c.arm().equals(leader) || c.other().equals(leader);
            String other = c.arm().equals(leader) ? c.other() : c.arm();
            if (!mine || other.equals(leader) || !inContest.contains(other) || c.significant()) continue;
            if (weakest == null || c.holmP() > weakest.holmP()) weakest = c;
        }
        return weakest;
    }

    private static Recommendation recommend(MetricResult r, List<ArmCounts> contest, ArmCounts control, AbOptions o) {
        AbMetric m = r.metric();
        BayesArm leader = null;
        for (BayesArm b : r.bayes()) {
            if (Double.isNaN(b.probabilityBest())) continue;
            if (leader == null || b.probabilityBest() > leader.probabilityBest()) leader = b;
        }
        long current = contest.stream().mapToLong(ArmCounts::sends).min().orElse(0);
        long events = contest.stream().mapToLong(a -> a.successes(m)).sum();
        long trials = contest.stream().mapToLong(ArmCounts::sends).sum();
        double baseline = control != null && m.possibleWithoutSend() ? (double) control.successes(m) / control.sends()
                : (double) events / trials;
        PowerCalculator.Result plan = null;
        try {
            if (baseline > 0 && baseline < 1) {
                plan = PowerCalculator.sampleSize(new PowerCalculator.Plan(baseline, o.mde(), true, o.alpha(), o.power()));
            }
        } catch (UserException e) {
            plan = null; // the lift would take the rate past 100%: nothing to plan
        }
        double pBest = leader.probabilityBest();
        double loss = leader.expectedLoss();
        // the control beats every creative, each significantly (Holm): the leader among them is no winner
        AbReport.Comparison closest = control != null && m.possibleWithoutSend() && contest.size() > 0 && !contest.contains(control)
                ? allBelowControl(r, contest, control) : null;
        if (closest != null) {
            double controlRate = (double) control.successes(m) / control.sends();
            return new Recommendation(Decision.KEEP_CONTROL, m, control.arm(), pBest, loss, current, plan,
                    "campaign.recommend.keepControl",
                    List.of(control.arm(), m, controlRate, closest.arm(), closest.test().p1(), closest.holmP()));
        }
        // the posterior of an arm of a handful of sends is mostly the prior: one sale in one send is not a winner
        // the best creative converts no better than the control: there is nothing to roll out
        if (control != null && m.possibleWithoutSend() && !contest.contains(control)) {
            double controlRate = (double) control.successes(m) / control.sends();
            BayesArm best = leader;
            AbReport.ArmRate bestRate = r.rates().stream().filter(a -> a.arm().equals(best.arm())).findFirst().orElseThrow();
            if (bestRate.rate() <= controlRate) {
                AbReport.Comparison vs = r.comparisons().stream()
                        .filter(c -> c.versusControl() && c.arm().equals(best.arm())).findFirst().orElse(null);
                return new Recommendation(Decision.KEEP_CONTROL, m, control.arm(), pBest, loss, current, plan,
                        "campaign.recommend.noneBeatsControl", List.of(control.arm(), m, controlRate, best.arm(), bestRate.rate(),
                        vs == null ? 1.0 : vs.holmP()));
            }
        }
        boolean bayesWinner = pBest >= o.winProbability() && loss <= o.lossTolerance() * leader.posteriorMean()
                && current >= MIN_SENDS_FOR_WINNER;
        if (bayesWinner) {
            BayesArm winner = leader;
            double rate = r.rates().stream().filter(a -> a.arm().equals(winner.arm())).findFirst().orElseThrow().rate();
            // the decision weighs the expected loss; the z tests printed beside it may not call the lead significant
            // (after Holm over every comparison): then the message says so, so that the two never seem to disagree
            AbReport.Comparison unproven = weakestLead(r, contest, control != null && m.possibleWithoutSend() ? control : null,
                    leader.arm());
            // the loss is a difference of rates: the message shows it in percentage points
            if (unproven == null) {
                return new Recommendation(Decision.DECLARE_WINNER, m, leader.arm(), pBest, loss, current, plan,
                        "campaign.recommend.winner", List.of(leader.arm(), m, pBest, 100 * loss, rate));
            }
            String other = unproven.arm().equals(leader.arm()) ? unproven.other() : unproven.arm();
            return new Recommendation(Decision.DECLARE_WINNER, m, leader.arm(), pBest, loss, current, plan,
                    "campaign.recommend.winnerNotSignificant",
                    List.of(leader.arm(), m, pBest, 100 * loss, rate, other, unproven.holmP(), r.comparisons().size()));
        }
        if (events == 0 || plan == null) {
            return new Recommendation(Decision.INCREASE_SAMPLE, m, leader.arm(), pBest, loss, current, plan,
                    "campaign.recommend.noEvents", List.of(m, current));
        }
        if (current < plan.perArm()) {
            return new Recommendation(Decision.INCREASE_SAMPLE, m, leader.arm(), pBest, loss, current, plan,
                    "campaign.recommend.increase", List.of(leader.arm(), pBest, current, plan.perArm(), o.mde(), m));
        }
        return new Recommendation(Decision.KEEP_TESTING, m, leader.arm(), pBest, loss, current, plan,
                "campaign.recommend.keepTesting", List.of(leader.arm(), pBest, current, plan.perArm(), o.mde(), m));
    }
}
