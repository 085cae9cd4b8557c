package io.segmenta.core.segment;

import java.util.Arrays;

/**
 * A 2-D principal-component view of the matrix for the scatter plot: covariance of the (already scaled)
 * matrix columns, eigen decomposition by cyclic Jacobi rotations (exact for symmetric matrices, fine for
 * d up to a few hundred), and the projection of a seeded sample of points and of the centroids on the
 * two leading components. Each component's sign is fixed so its largest-magnitude loading is positive.
 */
public final class Pca {
    /** Rows used for the covariance at most (a seeded sample above that). */
    public static final int COVARIANCE_ROWS = 200_000;

    private Pca() { }

    /**
     * @param components     2 × d loadings (unit vectors)
     * @param explained      share of total variance of each of the two components
     * @param x              first coordinate of each plotted point
     * @param y              second coordinate
     * @param matrixRows     matrix row of each plotted point
     * @param labels         segment of each plotted point
     * @param centroidX      first coordinate of each centroid
     * @param centroidY      second coordinate of each centroid
     */
    public record Projection(double[][] components, double[] explained, double[] x, double[] y, int[] matrixRows, int[] labels,
                             double[] centroidX, double[] centroidY) { }

    /** Eigen decomposition of a symmetric matrix: values descending, vectors[i] the i-th unit eigenvector. */
    public record Eigen(double[] values, double[][] vectors) { }

    public static Projection project(FeatureMatrix m, int[] labels, double[] centroids, int k, int maxPoints, long seed) {
        int d = m.d();
        double[] x = m.data();
        int[] covRows = ClusterMetrics.sampleRows(m.n(), COVARIANCE_ROWS, seed);
        double[] mean = new double[d];
        for (int r : covRows) for (int j = 0; j < d; j++) mean[j] += x[r * d + j];
        for (int j = 0; j < d; j++) mean[j] /= covRows.length;
        double[][] cov = new double[d][d];
        double[] t = new double[d];
        for (int r : covRows) {
            for (int j = 0; j < d; j++) t[j] = x[r * d + j] - mean[j];
            for (int a = 0; a < d; a++) {
                double ta = t[a];
                for (int b = a; b < d; b++) cov[a][b] += ta * t[b];
            }
        }
        int denom = Math.max(1, covRows.length - 1);
        for (int a = 0; a < d; a++) for (int b = a; b < d; b++) { cov[a][b] /= denom; cov[b][a] = cov[a][b]; }
        Eigen e = eigen(cov);
        double trace = 0;
        for (double v : e.values()) trace += Math.max(0, v);
        double[][] comp = new double[2][d];
        double[] expl = new double[2];
        for (int c = 0; c < Math.min(2, d); c++) {
            comp[c] = e.vectors()[c].clone();
            expl[c] = trace > 0 ? Math.max(0, e.values()[c]) / trace : 0;
        }
        int[] pts = ClusterMetrics.sampleRows(m.n(), maxPoints, seed + 1);
        double[] px = new double[pts.length];
        double[] py = new double[pts.length];
        int[] pl = new int[pts.length];
        for (int i = 0; i < pts.length; i++) {
            int o = pts[i] * d;
            px[i] = dot(x, o, mean, comp[0], d);
            py[i] = dot(x, o, mean, comp[1], d);
            pl[i] = labels[pts[i]];
        }
        double[] cx = new double[k];
        double[] cy = new double[k];
        for (int c = 0; c < k; c++) {
            cx[c] = dot(centroids, c * d, mean, comp[0], d);
            cy[c] = dot(centroids, c * d, mean, comp[1], d);
        }
        return new Projection(comp, expl, px, py, pts, pl, cx, cy);
    }

    private static double dot(double[] x, int off, double[] mean, double[] v, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) s += (x[off + j] - mean[j]) * v[j];
        return s;
    }

    /** Cyclic Jacobi eigenvalue algorithm for a symmetric matrix (not modified). */
    public static Eigen eigen(double[][] sym) {
        int d = sym.length;
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) a[i] = sym[i].clone();
        double[][] v = new double[d][d];
        for (int i = 0; i < d; i++) v[i][i] = 1;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double norm = 0;
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < d; q++) {
                    norm += a[p][q] * a[p][q];
                    if (p != q) off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-30 * Math.max(norm, 1e-300)) break;
            for (int p = 0; p < d - 1; p++) {
                for (int q = p + 1; q < d; q++) {
                    double apq = a[p][q];
                    if (Math.abs(apq) < 1e-300) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * apq);
                    double tt = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) tt = 1;
                    double c = 1 / Math.sqrt(tt * tt + 1);
                    double s = tt * c;
                    for (int r = 0; r < d; r++) {
                        double arp = a[r][p];
                        double arq = a[r][q];
                        a[r][p] = c * arp - s * arq;
                        a[r][q] = s * arp + c * arq;
                    }
                    for (int r = 0; r < d; r++) {
                        double apr = a[p][r];
                        double aqr = a[q][r];
                        a[p][r] = c * apr - s * aqr;
                        a[q][r] = s * apr + c * aqr;
                    }
                    for (int r = 0; r < d; r++) {
                        double vrp = v[r][p];
                        double vrq = v[r][q];
                        v[r][p] = c * vrp - s * vrq;
                        v[r][q] = s * vrp + c * vrq;
                    }
                }
            }
        }
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) order[i] = i;
        double[] diag = new double[d];
        for (int i = 0; i < d; i++) diag[i] = a[i][i];
        Arrays.sort(order, (p, q) -> Double.compare(diag[q], diag[p]));
        double[] values = new double[d];
        double[][] vectors = new double[d][d];
        for (int i = 0; i < d; i++) {
            int col = order[i];
            values[i] = diag[col];
            int big = 0;
            for (int r = 0; r < d; r++) {
                vectors[i][r] = v[r][col];
                if (Math.abs(v[r][col]) > Math.abs(v[big][col])) big = r;
            }
            if (v[big][col] < 0) for (int r = 0; r < d; r++) vectors[i][r] = -vectors[i][r];
        }
        return new Eigen(values, vectors);
    }
}
