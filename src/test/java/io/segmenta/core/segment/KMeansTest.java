package io.segmenta.core.segment;

import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KMeansTest {
    /**
     * 30 points, three groups: numpy default_rng(7), normal around (0,0) sd 1, (4,1) sd 0.8, (1,5) sd 1.2,
     * rounded to 2 decimals (the same literal feeds the sklearn script below).
     */
    static final double[][] X30 = {{0.0, 0.3}, {-0.27, -0.89}, {-0.45, -0.99}, {0.06, 1.34}, {-0.49, -0.62}, {0.49, 0.36},
            {0.11, -0.93}, {-0.03, 0.7}, {-1.34, -0.46}, {-1.9, -1.29}, {2.53, 0.81}, {2.99, 1.22}, {4.13, 0.85}, {1.99, 0.57},
            {3.96, 1.09}, {2.78, 0.62}, {3.22, 0.35}, {4.85, 0.35}, {3.97, 1.71}, {3.53, 0.91}, {1.13, 5.08}, {-0.47, 5.09},
            {2.63, 3.14}, {2.03, 5.14}, {0.23, 7.4}, {1.91, 3.56}, {1.09, 5.69}, {0.77, 5.82}, {0.92, 5.8}, {2.73, 4.19}};

    static double[] flat(double[][] a) {
        double[] x = new double[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) System.arraycopy(a[i], 0, x, i * a[0].length, a[0].length);
        return x;
    }

    /*
     * Expected values from Debian's scikit-learn 1.2.1 (/usr/bin/python3):
     *   KMeans(n_clusters=3, init=np.array([[0,0],[1,1],[2,2]]), n_init=1, algorithm="lloyd", tol=1e-4,
     *          max_iter=300).fit(X)  ->  inertia_ 42.88083, n_iter_ 5, labels 10x0 10x1 10x2,
     *          cluster_centers_ [[-0.382,-0.248],[3.395,0.848],[1.297,5.091]]
     *   the same with max_iter=1  ->  inertia_ 137.616576415
     * (tol=1e-4 is relative: sklearn multiplies it by the mean column variance, as absoluteTolerance does.)
     */
    @Test
    void lloydFromGivenCentresMatchesScikitLearn() {
        double[] x = flat(X30);
        FeatureMatrix m = FeatureMatrix.of(x, 30, 2);
        double tol = KMeans.absoluteTolerance(m, 1e-4);
        double[] init = {0, 0, 1, 1, 2, 2};
        try (Workers w = new Workers(2, TaskContext.NONE)) {
            KMeans.Result r = KMeans.lloyd(x, 30, 2, 3, init, 300, tol, w);
            assertThat(r.inertia()).isCloseTo(42.88083, within(1e-9));
            assertThat(r.iterations()).isEqualTo(5);
            assertThat(r.converged()).isTrue();
            for (int i = 0; i < 30; i++) assertThat(r.labels()[i]).isEqualTo(i / 10);
            assertThat(r.centroids()).containsExactly(new double[]{-0.382, -0.248, 3.395, 0.848, 1.297, 5.091}, within(1e-12));

            KMeans.Result one = KMeans.lloyd(x, 30, 2, 3, init, 1, tol, w);
            assertThat(one.inertia()).isCloseTo(137.616576415, within(1e-8));
            assertThat(one.iterations()).isEqualTo(1);
            assertThat(one.converged()).isFalse();
        }
    }

    @Test
    void sameSeedSameResultOnAnyNumberOfThreads() {
        Blobs b = Blobs.of(Blobs.FOUR, 3000, 2.5, 11);
        KMeans.Result a;
        KMeans.Result c;
        KMeans.Result other;
        try (Workers w1 = new Workers(1, TaskContext.NONE); Workers w3 = new Workers(3, TaskContext.NONE)) {
            a = KMeans.fit(b.x, b.n, b.d, 5, 3, 99, 300, 1e-6, w1, null);
            c = KMeans.fit(b.x, b.n, b.d, 5, 3, 99, 300, 1e-6, w3, null);
            other = KMeans.fit(b.x, b.n, b.d, 5, 1, 12345, 300, 1e-6, w3, null);
        }
        assertThat(c.inertia()).isEqualTo(a.inertia());
        assertThat(c.labels()).isEqualTo(a.labels());
        assertThat(c.centroids()).isEqualTo(a.centroids());
        assertThat(other.centroids()).isNotEqualTo(a.centroids());
    }

    @Test
    void recoversPlantedBlobs() {
        Blobs b = Blobs.of(Blobs.FOUR, 2500, 1.5, 3);
        KMeans.Result r;
        try (Workers w = new Workers(2, TaskContext.NONE)) {
            r = KMeans.fit(b.x, b.n, b.d, 4, 3, 42, 300, 1e-6, w, null);
        }
        assertThat(ClusterMetrics.adjustedRand(b.truth, r.labels())).isGreaterThanOrEqualTo(0.95);
        int[] sizes = new int[4];
        for (int l : r.labels()) sizes[l]++;
        for (int size : sizes) assertThat(size).isBetween(2450, 2550);
    }

    /**
     * The bounded passes (Hamerly iterations with incrementally updated sums, and the final labelling after a
     * tolerance stop) must give what a plain computation from the result gives: every label the nearest
     * centre, every centre the mean of its points, the inertia the sum of squared distances.
     */
    @Test
    void resultAgreesWithBruteForceAfterToleranceStop() {
        Blobs b = Blobs.of(Blobs.FOUR, 3000, 4.0, 21); // overlapping blobs: many points change cluster
        double tol = KMeans.absoluteTolerance(b.matrix(), 1e-3);
        KMeans.Result r;
        try (Workers w = new Workers(2, TaskContext.NONE)) {
            r = KMeans.fit(b.x, b.n, b.d, 6, 2, 7, 300, tol, w, null);
        }
        int k = 6;
        int d = b.d;
        double inertia = 0;
        double[] sums = new double[k * d];
        long[] counts = new long[k];
        for (int i = 0; i < b.n; i++) {
            assertThat(r.labels()[i]).as("row %d", i).isEqualTo(KMeans.nearest(b.x, i * d, d, r.centroids(), k));
            inertia += KMeans.sq(b.x, i * d, r.centroids(), r.labels()[i] * d, d);
        }
        assertThat(r.inertia()).isCloseTo(inertia, within(1e-9 * inertia));
        // With a tolerance stop the centres are the means of the labels of the last iteration, which the final
        // labelling may change for a few points: compare the means over the points that kept theirs (Lloyd with
        // max_iter=1 from the result's centres).
        KMeans.Result strict;
        try (Workers w = new Workers(1, TaskContext.NONE)) {
            strict = KMeans.lloyd(b.x, b.n, d, k, r.centroids(), 300, 0, w);
        }
        for (int i = 0; i < b.n; i++) {
            int c = strict.labels()[i];
            counts[c]++;
            for (int j = 0; j < d; j++) sums[c * d + j] += b.x[i * d + j];
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                assertThat(strict.centroids()[c * d + j]).isCloseTo(sums[c * d + j] / counts[c], within(1e-9));
            }
        }
        assertThat(strict.converged()).isTrue();
        assertThat(strict.inertia()).isLessThanOrEqualTo(r.inertia());
    }

    @Test
    void emptyClustersAreRefilled() {
        // Two far groups; the third initial centre is far from everything, so it starts empty.
        double[] x = {0, 0, 0.1, 0, 0, 0.1, 10, 10, 10.1, 10, 10, 10.1};
        double[] init = {0, 0, 10, 10, 100, 100};
        try (Workers w = new Workers(1, TaskContext.NONE)) {
            KMeans.Result r = KMeans.lloyd(x, 6, 2, 3, init, 300, 0, w);
            int[] count = new int[3];
            for (int l : r.labels()) count[l]++;
            assertThat(count).doesNotContain(0);
        }
    }

    @Test
    void cancellationStopsAndLeavesNoThreads() {
        Blobs b = Blobs.of(Blobs.FOUR, 20_000, 3, 5);
        int[] calls = {0};
        TaskContext ctx = new TaskContext() {
            @Override public void progress(long done, long total, String message) { }
            @Override public boolean isCancelled() { return ++calls[0] > 3; }
        };
        SegmentationOptions o = SegmentationOptions.of(SegmentationOptions.Feature.numeric("x1")).withKRange(2, 10);
        assertThatThrownBy(() -> ElbowSweep.run(b.matrix(), o, 2, null, ctx)).isInstanceOf(CancelledException.class);
        // The pool has terminated; its threads may take a moment to return from their run methods.
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("segmenta-kmeans")) assertThat(joined(t)).as(t.getName()).isTrue();
        }
    }

    private static boolean joined(Thread t) {
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }
}
