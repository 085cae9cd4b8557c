package io.segmenta.core.bench;

import io.segmenta.core.clv.ModelFit;
import io.segmenta.core.clv.SummaryBuilder;
import io.segmenta.core.clv.SummaryOptions;
import io.segmenta.core.clv.TimeUnit;
import io.segmenta.core.clv.TransactionSummary;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.task.TaskContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The CLV benchmark's synthetic log must be BG/NBD data as the summary sees it: the fits recover its parameters. */
class ClvBenchmarkTest {

    @Test
    void fitsRecoverTheGeneratingParameters() {
        ClvBenchmark.Result r = ClvBenchmark.run(20_000, 200_000, 11, line -> { });
        assertThat(r.transactions()).isBetween(180_000, 220_000);
        assertThat(r.summarisedCustomers()).isEqualTo(20_000);
        ModelFit bg = r.bgnbd();
        assertThat(bg.converged()).as(String.valueOf(bg.message())).isTrue();
        double[] truth = r.trueBgnbd();
        // at 20,000 customers the standard errors are about 1% (r), 2% (alpha), 3% (a) and 5% (b)
        double[] tolerance = {0.08, 0.10, 0.15, 0.20};
        for (int i = 0; i < 4; i++) {
            assertThat(bg.values()[i]).as("BG/NBD %s", bg.names().get(i))
                    .isCloseTo(truth[i], within(tolerance[i] * truth[i]));
        }
        ModelFit gg = r.gammaGamma();
        assertThat(gg.converged()).as(String.valueOf(gg.message())).isTrue();
        double[] ggTruth = r.trueGammaGamma();
        // p and gamma are strongly correlated (standard errors about 5% and 7%); q is sharp
        double[] ggTolerance = {0.15, 0.08, 0.15};
        for (int i = 0; i < 3; i++) {
            assertThat(gg.values()[i]).as("Gamma-Gamma %s", gg.names().get(i))
                    .isCloseTo(ggTruth[i], within(ggTolerance[i] * ggTruth[i]));
        }
    }

    @Test
    void purchasesFallOnDistinctDaysAndReturnsLeaveTheSummaryAlone() {
        double alpha = ClvBenchmark.calibrateAlpha(10, 3);
        Dataset d = ClvBenchmark.generate(2_000, 20_000, alpha, 3);
        TransactionSummary s = SummaryBuilder.build(d, new SummaryOptions("customer", "date", "amount", null, TimeUnit.DAYS,
                LocalDate.ofEpochDay(ClvBenchmark.CAL_END), null, null), TaskContext.NONE);
        assertThat(s.size()).isEqualTo(2_000);
        // the model counts purchase days: a generator that put two purchases on one day would lose them in the summary
        assertThat(s.report().rowsSameDay()).isZero();
        assertThat(s.report().rowsNegativeDropped()).isPositive();
        double purchases = 0;
        for (int i = 0; i < s.size(); i++) {
            purchases += s.frequency(i) + 1;
            assertThat(s.age(i)).isBetween(ClvBenchmark.CAL_END - ClvBenchmark.ACQUISITION_DAYS + 1.0, (double) ClvBenchmark.CAL_END);
            assertThat(s.recency(i)).isBetween(0.0, s.age(i));
        }
        assertThat(purchases + s.report().rowsNegativeDropped()).isEqualTo(d.rowCount());
        assertThat(purchases / s.size()).isCloseTo(10, within(1.5));
    }
}
