package io.segmenta.core.segment;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.StringColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Planted Gaussian blobs for the tests (seeded). */
final class Blobs {
    final double[] x;
    final int n;
    final int d;
    final int[] truth;

    private Blobs(double[] x, int n, int d, int[] truth) {
        this.x = x;
        this.n = n;
        this.d = d;
        this.truth = truth;
    }

    /** {@code perBlob} points around each centre with standard deviation {@code sd}. */
    static Blobs of(double[][] centres, int perBlob, double sd, long seed) {
        Random r = new Random(seed);
        int k = centres.length;
        int d = centres[0].length;
        int n = k * perBlob;
        double[] x = new double[n * d];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % k;
            truth[i] = c;
            for (int j = 0; j < d; j++) x[i * d + j] = centres[c][j] + sd * r.nextGaussian();
        }
        return new Blobs(x, n, d, truth);
    }

    static final double[][] FOUR = {{0, 0, 0}, {10, 0, 0}, {0, 10, 0}, {0, 0, 10}};

    FeatureMatrix matrix() { return FeatureMatrix.of(x, n, d); }

    /** As a dataset with columns x1..xd. */
    Dataset dataset(String name) {
        List<io.segmenta.core.data.Column> cols = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = x[i * d + j];
            cols.add(new DoubleColumn("x" + (j + 1), v, null));
        }
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) ids[i] = "c" + i;
        cols.add(StringColumn.of("id", false, ids).withIdLike(true));
        return new Dataset(name, cols);
    }
}
