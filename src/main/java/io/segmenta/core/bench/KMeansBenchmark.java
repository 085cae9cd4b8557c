package io.segmenta.core.bench;

import io.segmenta.core.segment.ElbowSweep;
import io.segmenta.core.segment.FeatureMatrix;
import io.segmenta.core.segment.KMeans;
import io.segmenta.core.segment.ClusterMetrics;
import io.segmenta.core.segment.Workers;
import io.segmenta.core.task.TaskContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The elbow-sweep speed benchmark: k-means for k = kMin..kMax with {@code restarts} k-means++ restarts per
 * k on a generated {@code rows × dims} matrix (seeded Gaussian blobs of unequal size and spread, the kind
 * of data segmentation meets), timed for Segmenta's k-means, and the same work done by scikit-learn's
 * {@code KMeans(n_clusters=k, n_init=restarts, random_state=seed)} (Lloyd, tol 1e-4, max_iter 300) on the
 * same numbers, passed through a temporary little-endian float64 file to {@code /usr/bin/python3}. The
 * metrics (silhouette on a 10,000-row sample, CH, DB) are timed separately; scikit-learn's KMeans does
 * not compute them. Core code: returns a record, logs through the consumer, never prints.
 */
public final class KMeansBenchmark {
    private KMeansBenchmark() { }

    /**
     * @param javaSeconds        Segmenta's k-means over all k (after a small JIT warm-up)
     * @param javaInertia        best inertia per k, Segmenta
     * @param javaIterations     Lloyd iterations of the best run per k
     * @param metricsSeconds     silhouette (sampled), CH and DB over all k, Segmenta
     * @param sklearnSeconds     scikit-learn's KMeans.fit over all k, or null when unavailable
     * @param sklearnInertia     best inertia per k, scikit-learn, or null
     * @param sklearnVersion     scikit-learn's version, or the reason it is missing
     * @param worstInertiaDiff   max over k of (Segmenta − scikit-learn) / scikit-learn (positive: Segmenta worse), or NaN
     */
    public record Result(int rows, int dims, int kMin, int kMax, int restarts, int threads, double javaSeconds,
                         double[] javaInertia, int[] javaIterations, double metricsSeconds, Double sklearnSeconds,
                         double[] sklearnInertia, String sklearnVersion, double worstInertiaDiff) {
        /** Segmenta time / scikit-learn time, or NaN. */
        public double ratio() { return sklearnSeconds == null ? Double.NaN : javaSeconds / sklearnSeconds; }
    }

    /** Seeded Gaussian blobs: 8 centres, unequal sizes and spreads, row-major n × d. */
    public static double[] blobs(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int centres = 8;
        double[] c = new double[centres * d];
        double[] sd = new double[centres];
        double[] w = new double[centres];
        double tw = 0;
        for (int i = 0; i < centres; i++) {
            for (int j = 0; j < d; j++) c[i * d + j] = r.nextDouble(-10, 10);
            sd[i] = r.nextDouble(1.0, 3.0);
            w[i] = r.nextDouble(0.5, 2.0);
            tw += w[i];
        }
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble() * tw;
            int b = 0;
            while (b < centres - 1 && u >= w[b]) { u -= w[b]; b++; }
            for (int j = 0; j < d; j++) x[i * d + j] = c[b * d + j] + sd[b] * gaussian(r);
        }
        return x;
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    public static Result run(int rows, int dims, int kMin, int kMax, int restarts, long seed, int threads, String python,
                             Consumer<String> log) throws IOException {
        log.accept(String.format(Locale.ROOT, "Generating %,d x %d Gaussian blobs (seed %d)", rows, dims, seed));
        double[] x = blobs(rows, dims, seed);
        FeatureMatrix m = FeatureMatrix.of(x, rows, dims);
        double tol = KMeans.absoluteTolerance(m, 1e-4);
        int ks = kMax - kMin + 1;
        double[] inertia = new double[ks];
        int[] iters = new int[ks];
        double javaSecs = 0;
        double metricSecs = 0;
        try (Workers w = new Workers(threads, TaskContext.NONE)) {
            // JIT warm-up on a small slice.
            int wn = Math.min(rows, 20_000);
            for (int k = kMin; k <= Math.min(kMax, kMin + 2); k++) KMeans.fit(x, wn, dims, k, 1, seed, 300, tol, w, null);
            for (int k = kMin; k <= kMax; k++) {
                long t0 = System.nanoTime();
                KMeans.Result r = KMeans.fit(x, rows, dims, k, restarts, ElbowSweep.seedFor(seed, k), 300, tol, w, null);
                double s = (System.nanoTime() - t0) / 1e9;
                javaSecs += s;
                long t1 = System.nanoTime();
                ClusterMetrics.compute(x, rows, dims, r.labels(), k, 10_000, seed, w);
                double ms = (System.nanoTime() - t1) / 1e9;
                metricSecs += ms;
                inertia[k - kMin] = r.inertia();
                iters[k - kMin] = r.iterations();
                log.accept(String.format(Locale.ROOT, "  Segmenta k=%2d inertia %.6e  %3d iterations  %.2f s (+ metrics %.2f s)",
                        k, r.inertia(), r.iterations(), s, ms));
            }
        }
        log.accept(String.format(Locale.ROOT, "Segmenta k-means total %.2f s on %d threads; metrics %.2f s", javaSecs, threads, metricSecs));

        Double skSecs = null;
        double[] skInertia = null;
        String version;
        Path tmp = Files.createTempFile("segmenta-kmeans-", ".f64");
        try {
            writeLittleEndian(x, tmp);
            x = null; // let the matrix go while python runs
            m = null;
            List<JsonNode> lines = new ArrayList<>();
            version = sklearn(python == null ? "/usr/bin/python3" : python, tmp, rows, dims, kMin, kMax, restarts, seed, lines, log);
            if (version.startsWith("sklearn ")) {
                skInertia = new double[ks];
                double total = 0;
                for (JsonNode n : lines) {
                    if (n.has("k")) {
                        int k = n.get("k").intValue();
                        skInertia[k - kMin] = n.get("inertia").doubleValue();
                        total += n.get("seconds").doubleValue();
                        log.accept(String.format(Locale.ROOT, "  sklearn  k=%2d inertia %.6e  %3d iterations  %.2f s", k,
                                n.get("inertia").doubleValue(), n.get("n_iter").intValue(), n.get("seconds").doubleValue()));
                    }
                }
                skSecs = total;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        double worst = Double.NaN;
        if (skInertia != null) {
            worst = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < ks; i++) worst = Math.max(worst, (inertia[i] - skInertia[i]) / skInertia[i]);
        }
        return new Result(rows, dims, kMin, kMax, restarts, threads, javaSecs, inertia, iters, metricSecs, skSecs, skInertia, version, worst);
    }

    private static void writeLittleEndian(double[] x, Path f) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
            ByteBuffer b = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < x.length; i++) {
                b.putDouble(x[i]);
                if (!b.hasRemaining()) { out.write(b.array(), 0, b.position()); b.clear(); }
            }
            out.write(b.array(), 0, b.position());
        }
    }

    private static final String SCRIPT = """
            import sys, time, json
            import numpy as np
            import sklearn
            from sklearn.cluster import KMeans
            path, n, d, kmin, kmax, restarts, seed = sys.argv[1], *map(int, sys.argv[2:8])
            X = np.fromfile(path, dtype='<f8').reshape(n, d)
            print(json.dumps({"version": sklearn.__version__}), flush=True)
            for k in range(kmin, kmax + 1):
                t = time.perf_counter()
                km = KMeans(n_clusters=k, n_init=restarts, random_state=seed % (2**32), algorithm="lloyd").fit(X)
                s = time.perf_counter() - t
                print(json.dumps({"k": k, "inertia": float(km.inertia_), "n_iter": int(km.n_iter_), "seconds": s}), flush=True)
            """;

    /** Runs the script; fills {@code lines}; returns "sklearn VERSION" or why it could not run. */
    private static String sklearn(String python, Path data, int n, int d, int kMin, int kMax, int restarts, long seed,
                                  List<JsonNode> lines, Consumer<String> log) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            Process p = new ProcessBuilder(python, "-c", SCRIPT, data.toString(), Integer.toString(n), Integer.toString(d),
                    Integer.toString(kMin), Integer.toString(kMax), Integer.toString(restarts), Long.toString(Math.abs(seed)))
                    .redirectErrorStream(true).start();
            String version = null;
            StringBuilder other = new StringBuilder();
            try (var r = p.inputReader(StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("{")) {
                        JsonNode j = mapper.readTree(line);
                        if (j.has("version")) version = j.get("version").stringValue();
                        else lines.add(j);
                    } else {
                        other.append(line).append('\n');
                    }
                }
            }
            if (!p.waitFor(1, TimeUnit.HOURS)) { p.destroyForcibly(); return "scikit-learn timed out"; }
            if (p.exitValue() != 0 || version == null) {
                String last = other.toString().strip();
                last = last.isEmpty() ? "exit " + p.exitValue() : last.substring(last.lastIndexOf('\n') + 1);
                log.accept("scikit-learn unavailable: " + last);
                return "scikit-learn unavailable (" + last + "); apt-get install python3-sklearn";
            }
            return "sklearn " + version;
        } catch (IOException e) {
            return "scikit-learn unavailable (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
