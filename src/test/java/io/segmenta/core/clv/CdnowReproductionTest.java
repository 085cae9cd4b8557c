package io.segmenta.core.clv;

import io.segmenta.core.task.TaskContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The published CDNOW figures (Fader, Hardie &amp; Lee 2005; lifetimes' documentation), from the shipped sample. */
class CdnowReproductionTest {

    @Test
    void summaryMatchesThePublishedSummaryExactly() throws IOException {
        TransactionSummary s = Cdnow.summary();
        List<String> lines = Files.readAllLines(Cdnow.resource("cdnow_customers_summary.csv"));
        assertThat(lines.get(0)).isEqualTo("ID,frequency,recency,T");
        assertThat(s.size()).isEqualTo(lines.size() - 1).isEqualTo(2357);
        for (int i = 0; i < s.size(); i++) {
            String[] f = lines.get(i + 1).split(",");
            assertThat(Long.parseLong(s.customerId(i).trim())).as("row %d id", i).isEqualTo(Long.parseLong(f[0]));
            assertThat(s.frequency(i)).as("frequency of %s", f[0]).isEqualTo(Integer.parseInt(f[1]));
            assertThat(String.format(java.util.Locale.ROOT, "%.2f", s.recency(i))).as("recency of %s", f[0])
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", Double.parseDouble(f[2])));
            assertThat(String.format(java.util.Locale.ROOT, "%.2f", s.age(i))).as("T of %s", f[0])
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", Double.parseDouble(f[3])));
        }
        assertThat(s.repeatCustomers()).isEqualTo(946);
        assertThat(s.report().rowsSameDay()).isPositive();
    }

    @Test
    void bgNbdReproducesFaderHardieLee2005() {
        ModelFit f = ClvFitter.fit(FrequencyModel.BGNBD, Cdnow.summary(), FitOptions.defaults(), TaskContext.NONE);
        assertThat(f.converged()).as(String.valueOf(f.message())).isTrue();
        assertThat(f.value("r")).isCloseTo(0.243, within(0.0005));
        assertThat(f.value("alpha")).isCloseTo(4.414, within(0.0005));
        assertThat(f.value("a")).isCloseTo(0.793, within(0.0005));
        assertThat(f.value("b")).isCloseTo(2.426, within(0.0005));
        assertThat(f.logLikelihood()).isCloseTo(-9582.43, within(0.005));
        for (double se : f.standardErrors()) assertThat(se).isPositive().isFinite();
        double[] p = f.values();
        assertThat(BtydModels.conditionalExpected(FrequencyModel.BGNBD, p, 2, 30.43, 38.86, 39)).isCloseTo(1.226, within(0.0005));
        // E[X(78)]: published 1.8576, a value of the 2F1 series cut off early. At t = 78 its argument t/(α+t) is
        // 0.946 and c − a − b = a − 1 − r < 0, so the terms fall off slowly: the leading 1 and 150 terms give 1.85759,
        // the converged series 1.85793 at the published four-figure estimates and 1.85796 at the exact MLE.
        double ex78 = BtydModels.unconditionalExpected(FrequencyModel.BGNBD, p, 78);
        assertThat(ex78).isCloseTo(1.85796, within(0.00005));
        assertThat(truncatedExpected78(p, 150)).isCloseTo(1.8576, within(0.00005));
        // our converged value, cross-checked as the mean of the pmf (an independent formula)
        double mean78 = 0;
        for (int n = 1; n < 2000; n++) mean78 += n * BtydModels.bgProbabilityOfPurchases(p, 78, n);
        assertThat(mean78).isCloseTo(ex78, within(1e-6));
        // P(X(39) = 0) = 0.5737864 is (α/(α+39))^r at the published four-figure estimates; 0.5743 at the exact MLE
        double[] published = {0.243, 4.414, 0.793, 2.426};
        assertThat(BtydModels.bgProbabilityOfPurchases(published, 39, 0)).isCloseTo(0.5737864, within(0.00000005));
        assertThat(BtydModels.bgProbabilityOfPurchases(p, 39, 0)).isCloseTo(0.5737864, within(0.001));
        assertThat(BtydModels.conditionalExpected(FrequencyModel.BGNBD, published, 2, 30.43, 38.86, 39)).isCloseTo(1.226, within(0.0005));
        double total = 0;
        for (int n = 0; n < 200; n++) total += BtydModels.bgProbabilityOfPurchases(p, 39, n);
        assertThat(total).isCloseTo(1.0, within(1e-6));
    }

    /**
     * BG/NBD E[X(t)] at t = 78 with 2F1(r, b; a+b−1; t/(α+t)) summed over its leading 1 and {@code terms} more terms
     * only, as the published figure was.
     */
    private static double truncatedExpected78(double[] p, int terms) {
        double r = p[0], alpha = p[1], a = p[2], b = p[3], t = 78;
        double z = t / (alpha + t), c = a + b - 1;
        double term = 1, sum = 1;
        for (int k = 0; k < terms; k++) {
            term *= (r + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
        }
        return (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * sum);
    }

    @Test
    void paretoNbdReproducesPublishedFit() {
        ModelFit f = ClvFitter.fit(FrequencyModel.PARETONBD, Cdnow.summary(), FitOptions.defaults(), TaskContext.NONE);
        assertThat(f.converged()).as(String.valueOf(f.message())).isTrue();
        assertThat(f.value("r")).isCloseTo(0.553, within(0.0005));
        assertThat(f.value("alpha")).isCloseTo(10.578, within(0.0005));
        assertThat(f.value("s")).isCloseTo(0.606, within(0.0005));
        assertThat(f.value("beta")).isCloseTo(11.669, within(0.0005));
        // published to two decimals as -9594.97; the maximum is -9594.976
        assertThat(f.logLikelihood()).isCloseTo(-9594.97, within(0.01));
        for (double se : f.standardErrors()) assertThat(se).isPositive().isFinite();
        double pa = BtydModels.probabilityAlive(FrequencyModel.PARETONBD, f.values(), 2, 30.43, 38.86);
        assertThat(pa).isBetween(0.0, 1.0);
    }

    @Test
    void modifiedBgNbdFitsAndNestsCloseToBgNbd() {
        ModelFit m = ClvFitter.fit(FrequencyModel.MBGNBD, Cdnow.summary(), FitOptions.defaults(), TaskContext.NONE);
        ModelFit b = ClvFitter.fit(FrequencyModel.BGNBD, Cdnow.summary(), FitOptions.defaults(), TaskContext.NONE);
        assertThat(m.converged()).as(String.valueOf(m.message())).isTrue();
        assertThat(m.logLikelihood()).isCloseTo(b.logLikelihood(), within(5.0));
        double e = BtydModels.conditionalExpected(FrequencyModel.MBGNBD, m.values(), 2, 30.43, 38.86, 39);
        assertThat(e).isCloseTo(1.226, within(0.1));
    }

    @Test
    void gammaGammaReproducesPublishedFitAndSpends() {
        TransactionSummary s = Cdnow.summary();
        ModelFit g = ClvFitter.fitGammaGamma(s, FitOptions.defaults(), TaskContext.NONE);
        assertThat(g.converged()).as(String.valueOf(g.message())).isTrue();
        assertThat(g.customers()).isEqualTo(946);
        assertThat(g.value("p")).isCloseTo(6.25, within(0.005));
        assertThat(g.value("q")).isCloseTo(3.74, within(0.005));
        assertThat(g.value("gamma")).isCloseTo(15.44, within(0.005));
        assertThat(g.logLikelihood()).isCloseTo(-4055.92, within(0.005));
        double[] expected = {24.66, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
        for (int i = 0; i < 10; i++) {
            // the published table was computed from monetary values stored to the cent (customer 1: 22.345 -> 22.35)
            double cents = Math.round(s.monetary(i) * 100) / 100.0;
            assertThat(BtydModels.expectedSpend(g.values(), s.frequency(i), cents)).as("customer %d", i + 1)
                    .isCloseTo(expected[i], within(0.005));
        }
        assertThat(s.monetary(0)).isCloseTo(22.345, within(1e-9));
        assertThat(BtydModels.expectedSpend(g.values(), s.frequency(0), s.monetary(0))).isCloseTo(24.654, within(0.001));
        assertThat(ClvFitter.frequencyMonetaryCorrelation(s)).isBetween(0.0, ClvFitter.GG_CORRELATION_WARNING);
    }
}
