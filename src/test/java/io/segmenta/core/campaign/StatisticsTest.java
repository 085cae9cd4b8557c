package io.segmenta.core.campaign;

import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Expected numbers computed independently with SciPy 1.10.1 and statsmodels 0.13.5 (Debian python3-scipy,
 * python3-statsmodels, /usr/bin/python3):
 * <pre>
 * arms = A 120/1000, B 150/1000, C 95/1000, control 80/1000
 * proportion_confint(x, n, alpha=0.05, method='wilson')
 * proportions_ztest([x1, x2], [n1, n2])                       # pooled, two-sided
 * confint_proportions_2indep(x1, n1, x2, n2, method='wald', compare='diff')
 * multipletests(p_values, method='holm')[1]                 # A-ctl, B-ctl, C-ctl, A-B, A-C, B-C
 * P(best): integrate.quad(beta.pdf_i * prod beta.cdf_j, 0, 1, points=…, epsabs=1e-13) with Beta(1+x, 1+n-x)
 * loss:    quad(1 - prod beta.cdf_j, 0, 1) - beta.mean_i
 * NormalIndPower().solve_power(effect_size=proportion_effectsize(0.06, 0.05), alpha=0.05, power=0.8, ratio=1)
 * norm.sf, norm.ppf, beta.cdf, beta.pdf, special.gammaln
 * </pre>
 */
class StatisticsTest {

    @Test
    void normalAndSpecialFunctionsMatchScipy() {
        assertThat(Distributions.normalSf(8)).isCloseTo(6.22096057427174e-16, within(1e-28));
        assertThat(Distributions.normalSf(1.0)).isCloseTo(0.15865525393145707, within(1e-15));
        assertThat(Distributions.normalSf(0.3)).isCloseTo(0.3820885778110474, within(1e-15));
        assertThat(Distributions.normalCdf(-2.5)).isCloseTo(0.006209665325776132, within(1e-16));
        assertThat(Distributions.normalQuantile(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(Distributions.normalQuantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-10));
        assertThat(Distributions.normalQuantile(0.8)).isCloseTo(0.8416212335729143, within(1e-12));
        assertThat(Distributions.logGamma(0.5)).isCloseTo(0.5723649429247, within(1e-12));
        assertThat(Distributions.logGamma(7.3)).isCloseTo(7.147892523022249, within(1e-12));
        assertThat(Distributions.logGamma(21041.0)).isCloseTo(188401.85726338593, within(1e-8));
        assertThat(Distributions.betaCdf(0.0125, 268, 21041)).isCloseTo(0.46777034375561904, within(1e-9));
        assertThat(Distributions.betaCdf(0.3, 2.5, 4)).isCloseTo(0.3521975859067672, within(1e-12));
        assertThat(Distributions.betaCdf(0.9, 30, 3)).isCloseTo(0.36668351908062025, within(1e-12));
        assertThat(Distributions.betaPdf(0.3, 2.5, 4)).isCloseTo(2.0342672530690695, within(1e-12));
    }

    @Test
    void wilsonIntervalsMatchStatsmodels() {
        check(ProportionStats.wilson(120, 1000, 0.95), 0.10129926060130912, 0.14160907584771276);
        check(ProportionStats.wilson(150, 1000, 0.95), 0.1292100725130883, 0.17346865842680032);
        check(ProportionStats.wilson(95, 1000, 0.95), 0.07834523457904741, 0.11475443979425223);
        check(ProportionStats.wilson(80, 1000, 0.95), 0.06474803809836388, 0.09846643902950242);
        assertThat(ProportionStats.wilson(0, 0, 0.95).low()).isNaN();
    }

    private static void check(ProportionStats.Interval i, double lo, double hi) {
        assertThat(i.low()).isCloseTo(lo, within(1e-12));
        assertThat(i.high()).isCloseTo(hi, within(1e-12));
    }

    @Test
    void zTestsAndHolmMatchStatsmodels() {
        long[][] pairs = {{120, 80}, {150, 80}, {95, 80}, {120, 150}, {120, 95}, {150, 95}};
        double[] z = {2.9814239699997187, 4.9063947464516, 1.187013882373396, -1.963049807622355, 1.8047484035755383, 3.7510779116351243};
        double[] p = {0.0028691127920766196, 9.276573308780033e-07, 0.23522214472129466, 0.04964038686536878,
                0.07111406169644634, 0.0001760759707982856};
        double[] lo = {0.01376282369102216, 0.042205803324406196, -0.009758852786675425, -0.05992397117870222,
                -0.002127983219813407, 0.02636339018410735};
        double[] holm = {0.011476451168306478, 5.565943985268019e-06, 0.23522214472129466, 0.14892116059610633,
                0.14892116059610633, 0.0008803798539914281};
        double[] got = new double[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            ProportionStats.ZTest t = ProportionStats.zTest(pairs[i][0], 1000, pairs[i][1], 1000, 0.95);
            assertThat(t.z()).as("z %d", i).isCloseTo(z[i], within(1e-12));
            assertThat(t.pValue()).as("p %d", i).isCloseTo(p[i], within(1e-14 + 1e-10 * p[i]));
            assertThat(t.differenceCi().low()).as("ci %d", i).isCloseTo(lo[i], within(1e-12));
            got[i] = t.pValue();
        }
        double[] adj = ProportionStats.holm(got);
        for (int i = 0; i < adj.length; i++) assertThat(adj[i]).as("holm %d", i).isCloseTo(holm[i], within(1e-12 + 1e-9 * holm[i]));
        // identical all-zero arms: no evidence at all
        assertThat(ProportionStats.zTest(0, 50, 0, 60, 0.95).pValue()).isEqualTo(1.0);
    }

    @Test
    void bayesianProbabilityBestAndLossMatchScipyIntegration() {
        BayesianComparison.Result r = BayesianComparison.compare(List.of(BayesianComparison.Posterior.of(120, 1000),
                BayesianComparison.Posterior.of(150, 1000), BayesianComparison.Posterior.of(95, 1000)));
        assertThat(r.probabilityBest()[0]).isCloseTo(0.024923100548177497, within(1e-7));
        assertThat(r.probabilityBest()[1]).isCloseTo(0.9750225327342711, within(1e-7));
        assertThat(r.probabilityBest()[2]).isCloseTo(5.436671755392225e-05, within(1e-8));
        assertThat(r.expectedLoss()[0]).isCloseTo(0.03008447550969537, within(1e-8));
        assertThat(r.expectedLoss()[1]).isCloseTo(0.00014435574921631278, within(1e-8));
        assertThat(r.expectedLoss()[2]).isCloseTo(0.05503457531009456, within(1e-8));
        assertThat(BayesianComparison.probabilityBeats(BayesianComparison.Posterior.of(120, 1000), BayesianComparison.Posterior.of(80, 1000)))
                .isCloseTo(0.9985710080474653, within(1e-7));
    }

    @Test
    void powerCalculatorMatchesStatsmodels() {
        PowerCalculator.Result r = PowerCalculator.sampleSize(new PowerCalculator.Plan(0.05, 0.2, true, 0.05, 0.8));
        assertThat(r.effectSize()).isCloseTo(0.04390731454463309, within(1e-12));
        assertThat(r.exactPerArm()).isCloseTo(8142.595394436454, within(1e-4));
        assertThat(r.perArm()).isEqualTo(8143);
        assertThat(r.total()).isEqualTo(16286);
        PowerCalculator.Result abs = PowerCalculator.sampleSize(new PowerCalculator.Plan(0.10, 0.02, false, 0.01, 0.9));
        assertThat(abs.exactPerArm()).isCloseTo(7269.390833595851, within(1e-4));
        assertThat(PowerCalculator.power(0.05, 0.06, 1000, 0.05)).isCloseTo(0.16562772670051198, within(1e-12));
        assertThatThrownBy(() -> new PowerCalculator.Plan(0.9, 0.2, true, 0.05, 0.8)).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("campaign.power.badTarget");
    }
}
