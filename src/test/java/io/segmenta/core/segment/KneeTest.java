package io.segmenta.core.segment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KneeTest {
    static final int[] K = {2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void sharpElbowIsFound() {
        double[] y = {1000, 600, 200, 180, 165, 150, 140, 130, 120};
        assertThat(Knee.find(K, y).knee()).isEqualTo(4);
    }

    @Test
    void elbowAtThree() {
        double[] y = {500, 100, 90, 82, 75, 70, 66, 62, 59};
        assertThat(Knee.find(K, y).knee()).isEqualTo(3);
    }

    @Test
    void straightLineHasNoElbow() {
        double[] y = new double[K.length];
        for (int i = 0; i < K.length; i++) y[i] = 1000 - 100 * i;
        Knee.Result r = Knee.find(K, y);
        assertThat(r.knee()).isNull();
        assertThat(r.maxDifference()).isLessThan(1e-9);
    }

    @Test
    void gentleCurveBelowThresholdHasNoElbow() {
        // Slightly convex: the largest normalised gap to the chord is about 0.06 < 0.10.
        double[] y = new double[K.length];
        for (int i = 0; i < K.length; i++) { double t = i / 8.0; y[i] = 1 - t - 0.25 * t * (1 - t); }
        Knee.Result r = Knee.find(K, y);
        assertThat(r.maxDifference()).isBetween(0.05, Knee.MIN_DIFFERENCE);
        assertThat(r.knee()).isNull();
    }

    @Test
    void concaveAndFlatCurvesHaveNoElbow() {
        double[] concave = new double[K.length];
        for (int i = 0; i < K.length; i++) concave[i] = 100 - i * i;
        assertThat(Knee.find(K, concave).knee()).isNull();
        assertThat(Knee.find(K, new double[]{5, 5, 5, 5, 5, 5, 5, 5, 5}).knee()).isNull();
        assertThat(Knee.find(new int[]{2, 3}, new double[]{10, 1}).knee()).isNull();
    }
}
