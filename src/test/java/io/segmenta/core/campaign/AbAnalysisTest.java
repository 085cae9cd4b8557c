package io.segmenta.core.campaign;

import io.segmenta.core.campaign.AbReport.Decision;
import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AbAnalysisTest {

    private static Dataset aggregated(String[] arms, long[] sends, long[] conversions) {
        long[] zeros = new long[arms.length];
        return new Dataset("agg", List.of(StringColumn.of("arm", true, arms), new LongColumn("sends", sends, new BitSet()),
                new LongColumn("conversions", conversions, new BitSet()), new LongColumn("clicks", zeros, new BitSet())));
    }

    private static AbReport analyzeAggregated(String[] arms, long[] sends, long[] conv, AbOptions o) {
        AbData d = AbResultsLoader.aggregated(aggregated(arms, sends, conv),
                new AggregateColumns("arm", null, "sends", null, null, null, "clicks", "conversions", null));
        return AbAnalysis.analyze(d, o);
    }

    @Test
    void perCustomerRatesMoneyAndMedianDelays() {
        // 4 customers per arm; A: 3 delivered, 2 opened, 1 clicked, 1 converted (40.0); B: 4 delivered, 1 opened, 0 clicked
        String[] arm = {"A", "A", "A", "A", "B", "B", "B", "B"};
        boolean[] bounced = {false, false, false, true, false, false, false, false};
        LocalDateTime sent = LocalDateTime.of(2025, 5, 1, 9, 0);
        LocalDateTime[] opened = {sent.plusHours(2), sent.plusHours(6), null, null, sent.plusMinutes(30), null, null, null};
        LocalDateTime[] clicked = {sent.plusHours(3), null, null, null, null, null, null, null};
        LocalDateTime[] bought = {sent.plusHours(27), null, null, null, null, null, null, null};
        double[] revenue = {40, 0, 0, 0, 0, 0, 0, 0};
        int n = arm.length;
        BitSet b = new BitSet();
        for (int i = 0; i < n; i++) if (bounced[i]) b.set(i);
        List<Column> cols = new ArrayList<>();
        cols.add(StringColumn.of("creative", true, arm));
        cols.add(new BooleanColumn("bounced", n, b, new BitSet()));
        cols.add(ts("sent_at", new LocalDateTime[]{sent, sent, sent, sent, sent, sent, sent, sent}));
        cols.add(ts("opened_at", opened));
        cols.add(ts("clicked_at", clicked));
        cols.add(ts("purchased_at", bought));
        cols.add(new DoubleColumn("revenue", revenue, new BitSet()));
        Dataset ds = new Dataset("results", cols);
        ResultColumns rc = new ResultColumns("creative", null, null, null, "bounced", null, null, null, "revenue", "sent_at",
                "opened_at", "clicked_at", "purchased_at");
        AbReport r = AbAnalysis.analyze(AbResultsLoader.perCustomer(ds, rc), AbOptions.defaults().withCostPerSend(2.0));
        AbReport.ArmMetrics a = r.arms().get(0);
        assertThat(a.counts().arm()).isEqualTo("A");
        assertThat(a.counts().delivered()).isEqualTo(3);
        assertThat(a.deliveryRate()).isEqualTo(0.75);
        assertThat(a.openRate()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(a.ctr()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(a.conversionRate()).isEqualTo(0.25);
        assertThat(a.revenuePerSend()).isEqualTo(10.0);
        assertThat(a.cost()).isEqualTo(8.0);
        assertThat(a.roi()).isEqualTo((40.0 - 8.0) / 8.0);
        assertThat(a.counts().medianHoursToOpen()).isEqualTo(4.0);   // median of 2 h and 6 h
        assertThat(a.counts().medianHoursToClick()).isEqualTo(3.0);
        assertThat(a.counts().medianHoursToPurchase()).isEqualTo(27.0);
        AbReport.ArmMetrics bm = r.arms().get(1);
        assertThat(bm.openRate()).isEqualTo(0.25);
        assertThat(bm.counts().medianHoursToOpen()).isEqualTo(0.5);
        assertThat(bm.counts().medianHoursToClick()).isNull();
        assertThat(bm.roi()).isEqualTo(-1.0);
        assertThat(r.metrics()).extracting(AbReport.MetricResult::metric).containsExactly(AbMetric.OPEN, AbMetric.CLICK, AbMetric.CONVERSION);
    }

    @Test
    void anArmOfAFewSendsIsNeverDeclaredTheWinner() {
        // B converted its only send: a posterior P(best) of about 97 %, but one send is no evidence
        AbReport r = analyzeAggregated(new String[]{"A", "B", "C"}, new long[]{200, 1, 200}, new long[]{6, 1, 5}, AbOptions.defaults());
        assertThat(r.recommendation().decision()).isNotEqualTo(Decision.DECLARE_WINNER);
        AbReport enough = analyzeAggregated(new String[]{"A", "B"}, new long[]{1000, 1000}, new long[]{80, 150}, AbOptions.defaults());
        assertThat(enough.recommendation().decision()).isEqualTo(Decision.DECLARE_WINNER);
    }

    @Test
    void revenuePerSendAgainstTheControlHasAWelchIntervalAndHolmP() {
        // three arms of 400 customers with seeded, skewed spends (most buy nothing): A spends more, B like control
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        int per = 400;
        String[] names = {"control", "A", "B"};
        double[] buyRate = {0.05, 0.12, 0.05};
        String[] arm = new String[3 * per];
        double[] revenue = new double[3 * per];
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < per; i++) {
                arm[g * per + i] = names[g];
                revenue[g * per + i] = rnd.nextDouble() < buyRate[g] ? 20 + 80 * rnd.nextDouble() : 0;
            }
        }
        BitSet bought = new BitSet();
        for (int i = 0; i < revenue.length; i++) if (revenue[i] > 0) bought.set(i);
        Dataset ds = new Dataset("results", List.of(StringColumn.of("arm", true, arm), new DoubleColumn("revenue", revenue, new BitSet()),
                new BooleanColumn("bought", revenue.length, bought, new BitSet())));
        AbReport r = AbAnalysis.analyze(AbResultsLoader.perCustomer(ds, ResultColumns.arm("arm").withConverted("bought").withRevenue("revenue")),
                AbOptions.defaults().withControl("control"));
        // the textbook computation, written out independently: two-pass variances, Welch's standard error
        double[] mean = new double[3], var = new double[3];
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < per; i++) mean[g] += revenue[g * per + i] / per;
            for (int i = 0; i < per; i++) var[g] += Math.pow(revenue[g * per + i] - mean[g], 2) / (per - 1);
        }
        double[] rawP = new double[2];
        for (int g = 1; g < 3; g++) {
            String name = names[g];
            AbReport.ArmMetrics m = r.arms().stream().filter(x -> x.counts().arm().equals(name)).findFirst().orElseThrow();
            double d = mean[g] - mean[0], se = Math.sqrt(var[g] / per + var[0] / per);
            assertThat(m.incrementalRevenuePerSend()).isCloseTo(d, within(1e-9));
            assertThat(m.incrementalRevenueInterval().low()).isCloseTo(d - 1.959963984540054 * se, within(1e-9));
            assertThat(m.incrementalRevenueInterval().high()).isCloseTo(d + 1.959963984540054 * se, within(1e-9));
            rawP[g - 1] = 2 * (1 - Distributions.normalCdf(Math.abs(d) / se));
        }
        double[] holm = ProportionStats.holm(rawP);
        AbReport.ArmMetrics a = r.arms().stream().filter(x -> x.counts().arm().equals("A")).findFirst().orElseThrow();
        AbReport.ArmMetrics b = r.arms().stream().filter(x -> x.counts().arm().equals("B")).findFirst().orElseThrow();
        assertThat(a.incrementalRevenueHolmP()).isCloseTo(holm[0], within(1e-12)).isLessThan(0.05);
        assertThat(b.incrementalRevenueHolmP()).isCloseTo(holm[1], within(1e-12)).isGreaterThan(0.05);
        assertThat(a.incrementalRevenueInterval().low()).isPositive();
        // sums past the range of doubles give no interval (they used to read as a "significant" NaN)
        double[] huge = new double[100];
        String[] arm2 = new String[100];
        BitSet bought2 = new BitSet();
        for (int i = 0; i < 100; i++) { arm2[i] = i < 50 ? "control" : "A"; }
        huge[60] = 1.5e308; huge[61] = 1.5e308; bought2.set(60); bought2.set(61);
        Dataset hd = new Dataset("huge", List.of(StringColumn.of("arm", true, arm2), new DoubleColumn("revenue", huge, new BitSet()),
                new BooleanColumn("bought", 100, bought2, new BitSet())));
        AbReport hr = AbAnalysis.analyze(AbResultsLoader.perCustomer(hd, ResultColumns.arm("arm").withConverted("bought").withRevenue("revenue")),
                AbOptions.defaults().withControl("control"));
        assertThat(hr.arms()).allSatisfy(m -> assertThat(m.incrementalRevenueInterval()).isNull());
        // the control itself, and counts per arm (no per-customer spread), have no interval
        assertThat(r.arms().stream().filter(x -> x.counts().arm().equals("control")).findFirst().orElseThrow()
                .incrementalRevenueInterval()).isNull();
    }

    private static DateTimeColumn ts(String name, LocalDateTime[] v) {
        long[] ms = new long[v.length];
        BitSet miss = new BitSet();
        for (int i = 0; i < v.length; i++) {
            if (v[i] == null) miss.set(i); else ms[i] = DateTimeColumn.toMillis(v[i]);
        }
        return new DateTimeColumn(name, ms, miss);
    }

    @Test
    void comparisonsAgainstControlAndPairwiseAreHolmCorrectedTogether() {
        // same arms as StatisticsTest (numbers from statsmodels there)
        AbReport r = analyzeAggregated(new String[]{"A", "B", "C", "control"}, new long[]{1000, 1000, 1000, 1000},
                new long[]{120, 150, 95, 80}, AbOptions.defaults().withControl("control"));
        AbReport.MetricResult conv = r.metrics().stream().filter(m -> m.metric() == AbMetric.CONVERSION).findFirst().orElseThrow();
        assertThat(conv.comparisons()).extracting(c -> c.arm() + ">" + c.other())
                .containsExactly("A>control", "B>control", "C>control", "A>B", "A>C", "B>C");
        assertThat(conv.comparisons().get(0).holmP()).isCloseTo(0.011476451168306478, within(1e-12));
        assertThat(conv.comparisons().get(3).holmP()).isCloseTo(0.14892116059610633, within(1e-12));
        assertThat(conv.comparisons()).extracting(AbReport.Comparison::significant).containsExactly(true, true, false, false, false, true);
        AbReport.BayesArm control = conv.bayes().get(3);
        assertThat(control.probabilityBest()).isNaN();
        assertThat(conv.bayes().get(1).probabilityBest()).isCloseTo(0.9750225327342711, within(1e-7));
        assertThat(conv.bayes().get(0).probabilityBeatsControl()).isCloseTo(0.9985710080474653, within(1e-7));
        // clicks are all zero here: tested, but nothing to find
        AbReport.MetricResult clicks = r.metrics().stream().filter(m -> m.metric() == AbMetric.CLICK).findFirst().orElseThrow();
        assertThat(clicks.comparisons()).allSatisfy(c -> assertThat(c.test().pValue()).isEqualTo(1.0));
        // P(best) 0.975 ≥ 0.95 and loss 0.000144 ≤ 5% of 0.15: a winner
        assertThat(r.recommendation().decision()).isEqualTo(Decision.DECLARE_WINNER);
        assertThat(r.recommendation().leader()).isEqualTo("B");
        // …but the z test of B against A (Holm over the 6 comparisons, 0.149) does not call the lead significant:
        // the message says so instead of seeming to contradict the table above it
        assertThat(r.recommendation().args()).containsExactly("B", AbMetric.CONVERSION, r.recommendation().probabilityBest(),
                100 * r.recommendation().expectedLoss(), 0.15, "A", conv.comparisons().get(3).holmP(), 6);
        // with twice the sends the lead is significant as well: the plain message
        AbReport twice = analyzeAggregated(new String[]{"A", "B", "C", "control"}, new long[]{2000, 2000, 2000, 2000},
                new long[]{240, 300, 190, 160}, AbOptions.defaults().withControl("control"));
        assertThat(twice.recommendation().decision()).isEqualTo(Decision.DECLARE_WINNER);
        assertThat(twice.recommendation().messageKey()).isEqualTo("campaign.recommend.winner");
        assertThat(twice.recommendation().winnerNotSignificant()).isFalse();
        assertThat(r.recommendation().winnerNotSignificant()).isTrue();
    }

    /** Regression: with the control significantly ahead of every creative the advice was "increase the sample". */
    @Test
    void whenTheControlBeatsEveryCreativeKeepTheControl() {
        Locale before = I18n.locale();
        try {
            I18n.setLocale(Locale.ENGLISH);
            AbReport r = analyzeAggregated(new String[]{"A", "B", "C"}, new long[]{10_000, 10_000, 10_000}, new long[]{260, 200, 205},
                    AbOptions.defaults().withControl("A"));
            assertThat(r.recommendation().decision()).isEqualTo(Decision.KEEP_CONTROL);
            assertThat(r.recommendation().leader()).isEqualTo("A");
            assertThat(r.recommendation().message()).startsWith("Keep the control: every creative's conversion rate is significantly"
                    + " below that of \"A\" (2.6%); the closest, \"C\", reached 2.05% (Holm p = 0.0");
            // the best creative below the control, if not significantly: still nothing to roll out
            AbReport close = analyzeAggregated(new String[]{"A", "B", "C"}, new long[]{10_000, 10_000, 10_000}, new long[]{260, 200, 250},
                    AbOptions.defaults().withControl("A"));
            assertThat(close.recommendation().decision()).isEqualTo(Decision.KEEP_CONTROL);
            assertThat(close.recommendation().messageKey()).isEqualTo("campaign.recommend.noneBeatsControl");
            assertThat(close.recommendation().message()).contains("\"C\", reached 2.5%");
            // the best creative above the control but not significantly: a winner among the creatives, unproven
            // against sending nothing (regression: it read as a proven winner)
            AbReport above = analyzeAggregated(new String[]{"A", "B", "C"}, new long[]{10_000, 10_000, 10_000}, new long[]{260, 200, 290},
                    AbOptions.defaults().withControl("A"));
            assertThat(above.recommendation().decision()).isEqualTo(Decision.DECLARE_WINNER);
            assertThat(above.recommendation().winnerNotSignificant()).isTrue();
            assertThat(above.recommendation().message()).contains("its lead over \"A\" significant");
        } finally {
            I18n.setLocale(before);
        }
    }

    @Test
    void recommendationsReadNaturallyInEnglishAndSpanish() {
        Locale before = I18n.locale();
        try {
            // winner: P(best) 0.9750, expected loss 0.000144 (0.0144 percentage points), B converts 15%
            AbReport.Recommendation win = analyzeAggregated(new String[]{"A", "B", "C", "control"}, new long[]{1000, 1000, 1000, 1000},
                    new long[]{120, 150, 95, 80}, AbOptions.defaults().withControl("control")).recommendation();
            assertThat(win.expectedLoss()).isBetween(0.000135, 0.000145);
            I18n.setLocale(Locale.ENGLISH);
            assertThat(win.message()).isEqualTo("Lean towards \"B\", a low-risk choice but not a proven winner: it has the best conversion rate (15%) with a probability of 97.5%;"
                    + " choosing it risks an expected loss of 0.014 percentage points. The z test does not call its lead over \"A\""
                    + " significant once the 6 comparisons are adjusted"
                    + " (Holm p = 0.149).");
            I18n.setLocale(Locale.of("es"));
            assertThat(win.message()).isEqualTo("Inclínese por \"B\", una elección de poco riesgo pero no un ganador demostrado: tiene la mejor tasa de conversión (15\u00a0%) con una"
                    + " probabilidad del 97,5\u00a0%; elegirlo supone una pérdida esperada de 0,014 puntos porcentuales. La"
                    + " prueba z no considera significativa su ventaja sobre"
                    + " \"A\" una vez ajustadas las 6 comparaciones (p de Holm = 0,149).");

            // small and close: increase the sample
            AbReport.Recommendation small = analyzeAggregated(new String[]{"A", "B"}, new long[]{200, 200}, new long[]{12, 10},
                    AbOptions.defaults()).recommendation();
            long next = small.nextWave().perArm();
            I18n.setLocale(Locale.ENGLISH);
            assertThat(small.message()).isEqualTo(String.format(Locale.ENGLISH, "Increase the sample: the leader \"A\" is best with a"
                    + " probability of only %s%%, and 200 sends per arm cannot detect a relative lift of 10%% in the conversion rate;"
                    + " the next wave needs %,d sends per arm.", percent(small.probabilityBest(), '.'), next));
            I18n.setLocale(Locale.of("es"));
            assertThat(small.message()).isEqualTo(String.format(Locale.ENGLISH, "Aumente la muestra: el líder \"A\" es el mejor con una"
                    + " probabilidad de solo el %s\u00a0%%, y 200 envíos por brazo no detectan una mejora relativa del 10\u00a0%% en la"
                    + " tasa de conversión; la próxima oleada necesita %s envíos por brazo.",
                    percent(small.probabilityBest(), ','), String.format(Locale.ENGLISH, "%,d", next).replace(',', '.')));

            // large and equal: keep testing (sends grouped per language)
            AbReport.Recommendation big = analyzeAggregated(new String[]{"A", "B"}, new long[]{100_000, 100_000}, new long[]{5000, 5010},
                    AbOptions.defaults().withMde(0.2)).recommendation();
            I18n.setLocale(Locale.ENGLISH);
            assertThat(big.message()).startsWith("Keep testing: 100,000 sends per arm could detect a relative lift of 20% in the"
                    + " conversion rate (it takes ").contains("yet the leader \"B\" is best with a probability of only ");
            I18n.setLocale(Locale.of("es"));
            assertThat(big.message()).startsWith("Siga probando: 100.000 envíos por brazo detectarían una mejora relativa del"
                    + " 20\u00a0% en la tasa de conversión (hacen falta ").contains("pero el líder \"B\" es el mejor con una probabilidad");

            // no events: the metric is named, never its key
            AbReport.Recommendation none = analyzeAggregated(new String[]{"A", "B"}, new long[]{50, 50}, new long[]{0, 0},
                    AbOptions.defaults().withPrimary(AbMetric.CLICK)).recommendation();
            I18n.setLocale(Locale.ENGLISH);
            assertThat(none.message()).isEqualTo("Increase the sample: with 50 sends per arm there is not enough data yet to compare"
                    + " the click rate.");
            I18n.setLocale(Locale.of("es"));
            assertThat(none.message()).isEqualTo("Aumente la muestra: con 50 envíos por brazo todavía no hay datos suficientes para"
                    + " comparar la tasa de clics.");
        } finally {
            I18n.setLocale(before);
        }
    }

    /** {@code p} as a percentage with at most one decimal, as the bundles' {@code #,##0.#%} writes it. */
    private static String percent(double p, char decimal) {
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.#", java.text.DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return f.format(100 * p).replace('.', decimal);
    }

    @Test
    void recommendationRules() {
        // small and close: P(best) far from 0.95 and 200 per arm cannot detect +10% → increase the sample
        AbReport small = analyzeAggregated(new String[]{"A", "B"}, new long[]{200, 200}, new long[]{12, 10}, AbOptions.defaults());
        AbReport.Recommendation rs = small.recommendation();
        assertThat(rs.decision()).isEqualTo(Decision.INCREASE_SAMPLE);
        assertThat(rs.leader()).isEqualTo("A");
        assertThat(rs.probabilityBest()).isBetween(0.6, 0.8);
        PowerCalculator.Result expected = PowerCalculator.sampleSize(new PowerCalculator.Plan(22 / 400.0, 0.1, true, 0.05, 0.8));
        assertThat(rs.nextWave().perArm()).isEqualTo(expected.perArm()).isGreaterThan(200);
        assertThat(rs.currentPerArm()).isEqualTo(200);

        // large and equal: enough sends to detect +20%, still no leader → keep testing
        AbReport big = analyzeAggregated(new String[]{"A", "B"}, new long[]{100_000, 100_000}, new long[]{5000, 5010},
                AbOptions.defaults().withMde(0.2));
        assertThat(big.recommendation().decision()).isEqualTo(Decision.KEEP_TESTING);
        assertThat(big.recommendation().nextWave().perArm()).isLessThan(100_000);
        assertThat(big.recommendation().probabilityBest()).isBetween(0.5, 0.7);

        // clear difference → winner
        AbReport clear = analyzeAggregated(new String[]{"A", "B"}, new long[]{1000, 1000}, new long[]{150, 100}, AbOptions.defaults());
        assertThat(clear.recommendation().decision()).isEqualTo(Decision.DECLARE_WINNER);
        assertThat(clear.recommendation().leader()).isEqualTo("A");

        // no events at all → increase the sample
        AbReport none = analyzeAggregated(new String[]{"A", "B"}, new long[]{50, 50}, new long[]{0, 0}, AbOptions.defaults());
        assertThat(none.recommendation().decision()).isEqualTo(Decision.INCREASE_SAMPLE);
        assertThat(none.recommendation().messageKey()).isEqualTo("campaign.recommend.noEvents");

        assertThatThrownBy(() -> analyzeAggregated(new String[]{"A", "B"}, new long[]{10, 10}, new long[]{1, 2},
                AbOptions.defaults().withControl("Z"))).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("campaign.ab.unknownControl");
        assertThatThrownBy(() -> analyzeAggregated(new String[]{"A", "B"}, new long[]{10, 10}, new long[]{11, 2},
                AbOptions.defaults())).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("campaign.ab.countAboveSends"); // 11 conversions of 10 sends, named by row
    }

    @Test
    void resultsJoinTheCampaignListById() {
        Dataset customers = Customers.dataset(300, 300);
        CampaignList list = CampaignBuilder.build(customers, Customers.stratified(200, 2, Holdout.count(40), 17), TaskContext.NONE);
        // results for the first 150 listed customers plus 5 strangers; every third listed customer converted
        List<String> ids = new ArrayList<>();
        List<String> conv = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(list.assignments().get(i).id());
            conv.add(i % 3 == 0 ? "yes" : "no");
        }
        for (int i = 0; i < 5; i++) { ids.add("X" + i); conv.add("yes"); }
        Dataset results = new Dataset("results", List.of(StringColumn.of("customer_id", false, ids.toArray(String[]::new)),
                StringColumn.of("converted", true, conv.toArray(String[]::new))));
        Map<String, AbResultsLoader.Listed> listed = AbResultsLoader.assignmentsOf(list, "holdout");
        AbData d = AbResultsLoader.joined(results, new ResultColumns(null, null, "customer_id", null, null, null, null, "converted",
                null, null, null, null, null), listed);
        assertThat(d.join()).isEqualTo(new AbData.Join(200, 150, 5));
        assertThat(d.arms()).extracting(ArmCounts::arm).containsExactly("A", "B", "holdout");
        assertThat(d.arms()).extracting(ArmCounts::sends).containsExactly(80L, 80L, 40L);
        long expectedConversions = 0;
        for (int i = 0; i < 150; i += 3) expectedConversions++;
        assertThat(d.arms().stream().mapToLong(ArmCounts::converted).sum()).isEqualTo(expectedConversions);
        // per segment × arm adds up to the arms
        assertThat(d.segmentArms().stream().mapToLong(ArmCounts::sends).sum()).isEqualTo(200);
        AbReport r = AbAnalysis.analyze(d, AbOptions.defaults().withControl("holdout"));
        assertThat(r.segmentArms()).hasSize(6);
        assertThat(r.recommendation().metric()).isEqualTo(AbMetric.CONVERSION);
    }
}
