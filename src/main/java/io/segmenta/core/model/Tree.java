package io.segmenta.core.model;

/**
 * One decision tree in flat arrays. Node 0 is the root. A numeric node sends a row left when its value is
 * at most {@code threshold}; a categorical node sends it left when bit {@code code} of {@code mask} is set.
 *
 * @param kind      per node: {@link #LEAF}, {@link #NUMERIC} or {@link #CATEGORICAL}
 * @param feature   feature index (split nodes)
 * @param threshold split value (numeric nodes)
 * @param mask      left-going categorical codes (categorical nodes)
 * @param left      left child
 * @param right     right child
 * @param value     prediction of a leaf
 */
public record Tree(byte[] kind, int[] feature, double[] threshold, long[] mask, int[] left, int[] right, double[] value) {
    public static final byte LEAF = 0;
    public static final byte NUMERIC = 1;
    public static final byte CATEGORICAL = 2;

    public int size() { return kind.length; }

    /** Checks the structure (used when loading a file): children in range and after their parent. */
    public void validate(int features) {
        int n = kind.length;
        if (n == 0 || feature.length != n || threshold.length != n || mask.length != n || left.length != n
                || right.length != n || value.length != n) {
            throw new IllegalArgumentException("tree arrays of different lengths");
        }
        for (int i = 0; i < n; i++) {
            if (kind[i] == LEAF) continue;
            if (kind[i] != NUMERIC && kind[i] != CATEGORICAL) throw new IllegalArgumentException("bad node kind");
            if (feature[i] < 0 || feature[i] >= features) throw new IllegalArgumentException("bad feature index");
            if (left[i] <= i || left[i] >= n || right[i] <= i || right[i] >= n) {
                throw new IllegalArgumentException("bad child index");
            }
        }
    }

    /** Adds {@code scale} × this tree's prediction for every row to {@code acc}. */
    void addTo(double[][] cols, double[] acc, double scale, int from, int to) {
        for (int r = from; r < to; r++) {
            int node = 0;
            byte k;
            while ((k = kind[node]) != LEAF) {
                double x = cols[feature[node]][r];
                boolean goLeft;
                if (k == NUMERIC) {
                    goLeft = x <= threshold[node];
                } else {
                    int code = (int) x;
                    goLeft = code >= 0 && code < 64 && ((mask[node] >>> code) & 1L) != 0;
                }
                node = goLeft ? left[node] : right[node];
            }
            acc[r] += scale * value[node];
        }
    }
}
