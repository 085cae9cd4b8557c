package io.segmenta.core.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelBenchmarkTest {
    @Test
    void pairedDifferenceIsTheMeanOfPerSplitDifferencesWithItsStandardError() {
        // differences 0.002, -0.001, 0.003, 0.000: mean 0.001, sample SD sqrt(((1+4+4+1)e-6)/3) = 0.0018257,
        // standard error 0.0018257 / 2 = 0.00091287; higher on the two positive splits (a tie is not higher)
        var d = ModelBenchmark.Paired.of("peer", "v", new double[]{0.802, 0.799, 0.803, 0.800},
                new double[]{0.800, 0.800, 0.800, 0.800});
        assertEquals(0.001, d.meanDifference(), 1e-12);
        assertEquals(0.00091287, d.standardError(), 1e-8);
        assertEquals(2, d.higher());
        assertEquals(4, d.splits());
    }

    @Test
    void segmentaIsPairedWithEveryPeerOfTheSameVariantOnly() {
        var ours = ModelBenchmark.SplitAuc.of("segmenta gbm", "without duration", new double[]{0.80, 0.79});
        var oursWith = ModelBenchmark.SplitAuc.of("segmenta gbm", "with duration", new double[]{0.93, 0.94});
        var xgb = ModelBenchmark.SplitAuc.of("xgboost 1.7.4", "without duration", new double[]{0.81, 0.78});
        var hgb = ModelBenchmark.SplitAuc.of("sklearn", "with duration", new double[]{0.92, 0.92});
        var p = ModelBenchmark.paired(List.of(ours, oursWith, xgb, hgb));
        assertEquals(2, p.size());
        assertEquals("xgboost 1.7.4", p.get(0).tool());
        assertEquals(0.0, p.get(0).meanDifference(), 1e-12);
        assertEquals(1, p.get(0).higher());
        assertEquals("sklearn", p.get(1).tool());
        assertEquals(0.015, p.get(1).meanDifference(), 1e-12);
    }
}
