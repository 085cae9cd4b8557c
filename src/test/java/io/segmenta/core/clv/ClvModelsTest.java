package io.segmenta.core.clv;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.project.Artifact;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClvModelsTest {

    @Test
    void degenerateDataGivesANonConvergenceMessageNotNaN() {
        int n = 300;
        int[] x = new int[n];
        double[] t = new double[n], big = new double[n];
        Arrays.fill(x, 5);
        Arrays.fill(t, 50);
        Arrays.fill(big, 50);
        TransactionSummary s = TransactionSummary.ofUnits(x, t, big, null, TimeUnit.WEEKS);
        ModelFit f = ClvFitter.fit(FrequencyModel.BGNBD, s, FitOptions.defaults(), TaskContext.NONE);
        assertThat(f.converged()).isFalse();
        assertThat(f.messageKey()).isIn("clv.fit.boundary", "clv.fit.notConverged", "clv.fit.noStandardErrors", "clv.fit.weaklyIdentified");
        assertThat(f.message()).contains("penalty").doesNotContain("!clv.");
        for (double v : f.values()) assertThat(v).isFinite().isPositive();
        assertThat(f.logLikelihood()).isFinite();
    }

    @Test
    void noRepeatBuyersIsAUserError() {
        TransactionSummary s = TransactionSummary.ofUnits(new int[]{0, 0, 0}, new double[3], new double[]{5, 6, 7}, null, TimeUnit.DAYS);
        assertThatThrownBy(() -> ClvFitter.fit(FrequencyModel.PARETONBD, s, null, null))
                .isInstanceOf(UserException.class).extracting(e -> ((UserException) e).key()).isEqualTo("clv.fit.noRepeat");
        assertThatThrownBy(() -> ClvFitter.fitGammaGamma(s, null, null))
                .isInstanceOf(UserException.class).extracting(e -> ((UserException) e).key()).isEqualTo("clv.gg.noRepeat");
    }

    @Test
    void penaltyShrinksParameters() {
        ModelFit plain = ClvFitter.fit(FrequencyModel.BGNBD, Cdnow.summary(), FitOptions.defaults(), TaskContext.NONE);
        ModelFit pen = ClvFitter.fit(FrequencyModel.BGNBD, Cdnow.summary(), FitOptions.defaults().withPenalty(0.01), TaskContext.NONE);
        assertThat(pen.penalty()).isEqualTo(0.01);
        assertThat(pen.value("alpha")).isLessThan(plain.value("alpha"));
        assertThat(pen.logLikelihood()).isLessThan(plain.logLikelihood());
    }

    @Test
    void clvDiscountsMonthlyIncrementsAsComputedByHand() {
        TransactionSummary s = Cdnow.summary();
        ModelFit f = ClvFitter.fit(FrequencyModel.BGNBD, s, FitOptions.defaults(), TaskContext.NONE);
        ModelFit g = ClvFitter.fitGammaGamma(s, FitOptions.defaults(), TaskContext.NONE);
        ClvScores sc = ClvScoring.score(s, f, g, 3, 0.05, TaskContext.NONE);
        int i = 0; // customer 1: x = 2, t_x = 30.43, T = 38.86
        double m = 365.25 / 12 / 7;
        double e1 = BtydModels.conditionalExpected(FrequencyModel.BGNBD, f.values(), 2, s.recency(i), s.age(i), m);
        double e2 = BtydModels.conditionalExpected(FrequencyModel.BGNBD, f.values(), 2, s.recency(i), s.age(i), 2 * m);
        double e3 = BtydModels.conditionalExpected(FrequencyModel.BGNBD, f.values(), 2, s.recency(i), s.age(i), 3 * m);
        double spend = BtydModels.expectedSpend(g.values(), 2, s.monetary(i));
        double hand = spend * (e1 / 1.05 + (e2 - e1) / (1.05 * 1.05) + (e3 - e2) / (1.05 * 1.05 * 1.05));
        assertThat(sc.clv()[i]).isCloseTo(hand, within(1e-9));
        assertThat(sc.expectedPurchases()[i]).isCloseTo(e3, within(1e-12));
        assertThat(sc.expectedSpend()[i]).isCloseTo(spend, within(1e-12));
        ClvScores flat = ClvScoring.score(s, f, g, 3, 0, TaskContext.NONE);
        assertThat(flat.clv()[i]).isCloseTo(spend * e3, within(1e-9));
        assertThat(sc.valueAtRisk()[i]).isCloseTo((1 - sc.probabilityAlive()[i]) * sc.clv()[i], within(1e-12));
        long high = Arrays.stream(sc.tiers()).filter(t -> t == ValueTier.HIGH).count();
        assertThat(high).isBetween(1L, (long) (0.2 * s.size()));
        for (int k = 0; k < s.size(); k++) assertThat(sc.clv()[k]).isFinite().isGreaterThanOrEqualTo(0);
    }

    @Test
    void clvColumnsJoinACustomerDataset() {
        TransactionSummary s = Cdnow.summary();
        ModelFit f = ClvFitter.fit(FrequencyModel.BGNBD, s, FitOptions.defaults(), TaskContext.NONE);
        ClvScores sc = ClvScoring.score(s, f, null, 12, 0.01, TaskContext.NONE);
        assertThat(sc.hasClv()).isFalse();
        Dataset customers = new Dataset("customers", List.of(StringColumn.of("id", false, "0002", "9999", "0001")));
        Dataset out = sc.addTo(customers, "id", s);
        assertThat(out.columnNames()).containsExactly("id", "clv_expected_purchases", "clv_p_alive", "clv_tier");
        assertThat(out.column("clv_p_alive").getDouble(2)).isCloseTo(sc.probabilityAlive()[0], within(1e-15));
        assertThat(out.column("clv_p_alive").isMissing(1)).isTrue();
        assertThat(out.column("clv_expected_purchases").getDouble(0)).isCloseTo(sc.expectedPurchases()[1], within(1e-15));
    }

    @Test
    void holdoutMetricsAndCalibrationTableMatchAHandComputation() {
        TransactionSummary s = Cdnow.summary();
        ModelFit f = ClvFitter.fit(FrequencyModel.BGNBD, s, FitOptions.defaults(), TaskContext.NONE);
        Validation.Holdout h = Validation.holdout(s, f, 8);
        assertThat(s.holdoutLength()).isCloseTo(39.0, within(0.15));
        double ae = 0, se = 0, bae = 0, act = 0;
        for (int i = 0; i < s.size(); i++) {
            double pred = BtydModels.conditionalExpected(FrequencyModel.BGNBD, f.values(), s.frequency(i), s.recency(i), s.age(i), s.holdoutLength());
            double y = s.holdoutFrequency()[i];
            ae += Math.abs(pred - y);
            se += (pred - y) * (pred - y);
            bae += Math.abs(s.frequency(i) / s.age(i) * s.holdoutLength() - y);
            act += y;
        }
        int n = s.size();
        assertThat(h.metrics().mae()).isCloseTo(ae / n, within(1e-12));
        assertThat(h.metrics().rmse()).isCloseTo(Math.sqrt(se / n), within(1e-12));
        assertThat(h.metrics().baselineMae()).isCloseTo(bae / n, within(1e-12));
        assertThat(h.metrics().actualTotal()).isEqualTo(act);
        assertThat(h.metrics().mae()).isLessThan(h.metrics().baselineMae());
        assertThat(h.byFrequency().stream().mapToInt(Validation.CalibrationHoldoutRow::customers).sum()).isEqualTo(n);
        assertThat(h.byFrequency().get(0).frequency()).isZero();
        assertThat(h.byFrequency().get(h.byFrequency().size() - 1).andAbove()).isTrue();
        // the model tracks the holdout by frequency group within a purchase for the first groups
        for (int g = 0; g < 4; g++) {
            var row = h.byFrequency().get(g);
            assertThat(row.predictedMean()).isCloseTo(row.actualMean(), within(0.5));
        }
        double[][] ep = Validation.frequencyRecencyMatrix(f, 10, 38.86, 5, 39, true);
        double[][] pa = Validation.frequencyRecencyMatrix(f, 10, 38.86, 5, 39, false);
        assertThat(ep[10][4]).isGreaterThan(ep[10][0]);
        assertThat(pa[5][4]).isGreaterThan(pa[5][1]);
        assertThat(pa[0][0]).isEqualTo(1.0);
    }

    @Test
    void rfmQuintilesShareTiesAndRulesNameSegments() {
        assertThat(Rfm.quintiles(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(Rfm.quintiles(new double[]{1, 1, 1, 1, 9})).containsExactly(1, 1, 1, 1, 5);
        Rfm.Result r = Rfm.score(Cdnow.summary(), Rfm.defaultRules());
        assertThat(r.segments().stream().mapToInt(Rfm.Segment::customers).sum()).isEqualTo(2357);
        assertThat(r.segments().stream().mapToDouble(Rfm.Segment::revenueShare).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(r.segments()).noneMatch(sg -> sg.key().equals(Rfm.OTHER)); // the defaults cover every (R, F)
        assertThat(r.segments().get(0).name()).isEqualTo("Champions");
        Rfm.Segment champions = r.segments().get(0);
        assertThat(champions.revenueShare()).isGreaterThan(champions.customerShare());
        List<RfmRule> custom = List.of(new RfmRule("vip", "VIP", 5, 5, 5, 5, 5, 5));
        Rfm.Result c = Rfm.score(Cdnow.summary(), custom);
        assertThat(c.segments().get(0).name()).isEqualTo("VIP");
        assertThat(c.segments().get(1).key()).isEqualTo(Rfm.OTHER);
        for (int i = 0; i < 2357; i++) {
            boolean vip = c.recency()[i] == 5 && c.frequency()[i] == 5 && c.monetary()[i] == 5;
            assertThat(c.segment()[i]).isEqualTo(vip ? 0 : 1);
        }
        assertThat(io.segmenta.core.util.I18n.tr(java.util.Locale.of("es"), "clv.rfm.segment.at_risk")).isEqualTo("En riesgo");
    }

    @Test
    void aClvResultSurvivesTheArtifactRoundTrip() {
        SummaryOptions so = SummaryOptions.of("column_2", "column_3", "column_5", Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END);
        ClvOptions co = ClvOptions.defaults().withModel(FrequencyModel.PARETONBD);
        ClvResult r = ClvAnalysis.run(Cdnow.summary(), true, co, TaskContext.NONE);
        assertThat(r.holdout()).isNotNull();
        assertThat(r.warnings()).extracting(ClvResult.Warning::key).contains("clv.warn.zeroAmounts");
        Artifact a = ClvArtifacts.toArtifact("cdnow clv", "CDNOW_sample", so, co, r);
        assertThat(a.kind()).isEqualTo("clv");
        ClvArtifacts.Saved back = ClvArtifacts.fromArtifact(a);
        assertThat(back.summaryOptions()).isEqualTo(so);
        assertThat(back.options().model()).isEqualTo(FrequencyModel.PARETONBD);
        assertThat(back.options().rfmRules()).isEqualTo(co.rfmRules());
        assertThat(back.frequencyFit().values()).containsExactly(r.frequencyFit().values());
        assertThat(back.frequencyFit().standardErrors()).containsExactly(r.frequencyFit().standardErrors());
        assertThat(back.frequencyFit().names()).isEqualTo(r.frequencyFit().names());
        assertThat(back.gammaGamma().values()).containsExactly(r.gammaGamma().values());
        assertThat(back.holdout()).isEqualTo(r.holdout().metrics());
        assertThat(back.byFrequency()).isEqualTo(r.holdout().byFrequency());
        assertThat(back.segments()).isEqualTo(r.rfm().segments());
        assertThat(back.report()).isEqualTo(r.summary().report());
        assertThat(back.warnings()).isEqualTo(r.warnings());
        assertThat(back.customers()).isEqualTo(2357);
        assertThat(back.repeatCustomers()).isEqualTo(946);

        // artifacts saved when counts were stored as text still format them as numbers
        String legacy = a.resultJson().replaceAll("(\"args\":\\[)(\\d+)", "$1\"$2\"");
        assertThat(legacy).isNotEqualTo(a.resultJson());
        ClvArtifacts.Saved old = ClvArtifacts.fromArtifact(new Artifact(a.kind(), a.name(), a.datasetName(), a.optionsJson(), legacy,
                a.payload(), a.createdAt()));
        assertThat(old.warnings()).isEqualTo(r.warnings());
    }

    @Test
    void warningCountsAreGroupedPerLanguage() {
        ClvResult.Warning holdout = new ClvResult.Warning("clv.warn.onlyHoldout", List.of(3168));
        ClvResult.Warning netted = new ClvResult.Warning("clv.warn.returnsNetted", List.of(12_345L, 1200L));
        assertThat(holdout.args()).containsExactly(3168L);
        assertThat(I18n.tr(Locale.ENGLISH, holdout.key(), holdout.args().toArray()))
                .isEqualTo("3,168 customers made their first purchase in the holdout period and are left out.");
        assertThat(I18n.tr(Locale.of("es"), holdout.key(), holdout.args().toArray()))
                .isEqualTo("3.168 clientes hicieron su primera compra en el periodo de validación y quedan fuera.");
        assertThat(I18n.tr(Locale.ENGLISH, netted.key(), netted.args().toArray())).startsWith("12,345 transactions")
                .contains("; 1,200 customer-days");
        assertThat(I18n.tr(Locale.of("es"), netted.key(), netted.args().toArray())).startsWith("Se han compensado 12.345 transacciones")
                .contains("; 1.200 días-cliente");
        assertThat(I18n.tr(Locale.ENGLISH, "clv.fit.notConverged", "BG/NBD", 2500, "1.2e-05"))
                .startsWith("The BG/NBD fit did not converge after 2,500 iterations (gradient 1.2e-05).");
    }
}
