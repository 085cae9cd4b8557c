package io.segmenta.core.segment;

import io.segmenta.core.task.TaskContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClusterMetricsTest {
    /*
     * Expected values from Debian's scikit-learn 1.2.1 (/usr/bin/python3) on KMeansTest.X30:
     *   labels i % 3:        silhouette_score -0.0991777994551, calinski_harabasz_score 0.337505054596,
     *                        davies_bouldin_score 7.53243387387
     *   labels i / 10 (the k-means result): 0.616558668878, 72.615203577, 0.454550696387
     *   adjusted_rand_score([0,0,0,1,1,1,2,2,2,2], [0,0,1,1,1,2,2,2,0,0]) = 0.0909090909091
     *   adjusted_rand_score([0,0,1,1], [1,1,0,0]) = 1
     *   adjusted_rand_score([0,1,2,0,1,2,0,1], [5,5,5,7,7,7,9,9]) = -0.333333333333
     */
    @Test
    void metricsMatchScikitLearn() {
        double[] x = KMeansTest.flat(KMeansTest.X30);
        int[] mod = new int[30];
        int[] div = new int[30];
        for (int i = 0; i < 30; i++) { mod[i] = i % 3; div[i] = i / 10; }
        try (Workers w = new Workers(2, TaskContext.NONE)) {
            ClusterMetrics.Values a = ClusterMetrics.compute(x, 30, 2, mod, 3, 10_000, 1, w);
            assertThat(a.silhouette()).isCloseTo(-0.0991777994551, within(1e-10));
            assertThat(a.calinskiHarabasz()).isCloseTo(0.337505054596, within(1e-9));
            assertThat(a.daviesBouldin()).isCloseTo(7.53243387387, within(1e-9));
            assertThat(a.silhouetteRows()).isEqualTo(30);
            ClusterMetrics.Values b = ClusterMetrics.compute(x, 30, 2, div, 3, 10_000, 1, w);
            assertThat(b.silhouette()).isCloseTo(0.616558668878, within(1e-10));
            assertThat(b.calinskiHarabasz()).isCloseTo(72.615203577, within(1e-7));
            assertThat(b.daviesBouldin()).isCloseTo(0.454550696387, within(1e-10));
            assertThat(b.inertia()).isCloseTo(42.88083, within(1e-9));
        }
    }

    @Test
    void adjustedRandMatchesScikitLearn() {
        assertThat(ClusterMetrics.adjustedRand(new int[]{0, 0, 0, 1, 1, 1, 2, 2, 2, 2}, new int[]{0, 0, 1, 1, 1, 2, 2, 2, 0, 0}))
                .isCloseTo(0.0909090909091, within(1e-12));
        assertThat(ClusterMetrics.adjustedRand(new int[]{0, 0, 1, 1}, new int[]{1, 1, 0, 0})).isEqualTo(1.0);
        assertThat(ClusterMetrics.adjustedRand(new int[]{0, 1, 2, 0, 1, 2, 0, 1}, new int[]{5, 5, 5, 7, 7, 7, 9, 9}))
                .isCloseTo(-1.0 / 3, within(1e-12));
    }

    @Test
    void largeDataUsesAStatedSeededSample() {
        Blobs b = Blobs.of(Blobs.FOUR, 1500, 2, 8);
        try (Workers w = new Workers(2, TaskContext.NONE)) {
            ClusterMetrics.Values exact = ClusterMetrics.compute(b.x, b.n, b.d, b.truth, 4, 10_000, 1, w);
            ClusterMetrics.Values s1 = ClusterMetrics.compute(b.x, b.n, b.d, b.truth, 4, 1000, 1, w);
            ClusterMetrics.Values s2 = ClusterMetrics.compute(b.x, b.n, b.d, b.truth, 4, 1000, 1, w);
            assertThat(exact.silhouetteRows()).isEqualTo(6000);
            assertThat(s1.silhouetteRows()).isEqualTo(1000);
            assertThat(s1.silhouette()).isEqualTo(s2.silhouette()).isCloseTo(exact.silhouette(), within(0.02));
        }
        int[] sample = ClusterMetrics.sampleRows(1_000_000, 100, 3);
        assertThat(sample).hasSize(100).doesNotHaveDuplicates().isSorted();
        assertThat(sample[99]).isLessThan(1_000_000);
    }
}
