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
 * The elbow-sweep benchmark: k-means for k = kMin..kMax with {@code restarts} k-means++ restarts per k on a
 * generated {@code rows × dims} matrix (seeded Gaussian blobs of unequal size and spread, the kind of data
 * segmentation meets), timed for Segmenta's k-means and for scikit-learn's
 * {@code KMeans(n_clusters=k, n_init=restarts, random_state=seed, algorithm="lloyd")} (tol 1e-4, max_iter
 * 300, greedy k-means++) on the same float64 numbers, passed through a temporary little-endian file to
 * {@code /usr/bin/python3}. Both sides do the same work in double precision.
 *
 * <p>Which local minimum a run lands in depends on its random seeding, so one seed cannot compare
 * quality: the whole sweep is repeated for {@code seeds} k-means seeds ({@code seed}, {@code seed + 1},
 * …; the data stay the same), alternating Segmenta and scikit-learn per seed so that both see the same
 * machine load. Reported: the sweep time of each side per seed and its median, the ratio of the medians,
 * and per k the median over the seeds of each side's best-of-{@code restarts} inertia with the relative
 * difference. Rule: Segmenta meets the inertia target at k when its median is at most
 * {@link #INERTIA_TOLERANCE} above scikit-learn's (lower is better, so a lower median passes). The best
 * over all seeds (the best of seeds × restarts runs) is reported too. The metrics (silhouette on a
 * 10,000-row sample, CH, DB) are timed separately, for the first seed only: scikit-learn's KMeans does not
 * compute them. Core code: returns a record, logs through the consumer, never prints.
 */
public final class KMeansBenchmark {
    /** The inertia target: Segmenta's per-k median at most this fraction above scikit-learn's. */
    public static final double INERTIA_TOLERANCE = 0.005;

    private KMeansBenchmark() { }

    /**
     * @param seeds           k-means seeds, one sweep each per side
     * @param javaSeconds     Segmenta's k-means over all k, per seed (after a small JIT warm-up)
     * @param javaInertia     [seed][k − kMin] best-of-restarts inertia, Segmenta
     * @param javaIterations  [seed][k − kMin] Lloyd iterations of the best run, Segmenta
     * @param metricsSeconds  silhouette (sampled), CH and DB over all k for the first seed, Segmenta
     * @param sklearnSeconds  scikit-learn's KMeans.fit over all k, per seed, or null when unavailable
     * @param sklearnInertia  [seed][k − kMin] best-of-n_init inertia, scikit-learn, or null
     * @param sklearnVersion  scikit-learn's version, or the reason it is missing
     */
    public record Result(int rows, int dims, int kMin, int kMax, int restarts, long[] seeds, int threads, double[] javaSeconds,
                         double[][] javaInertia, int[][] javaIterations, double metricsSeconds, double[] sklearnSeconds,
                         double[][] sklearnInertia, String sklearnVersion) {
        public int ks() { return kMax - kMin + 1; }

        public double javaMedianSeconds() { return median(javaSeconds); }

        /** Median over the seeds of scikit-learn's sweep time, or NaN. */
        public double sklearnMedianSeconds() { return sklearnSeconds == null ? Double.NaN : median(sklearnSeconds); }

        /** Segmenta's median sweep time / scikit-learn's, or NaN. */
        public double ratio() { return javaMedianSeconds() / sklearnMedianSeconds(); }

        /** Median over the seeds of Segmenta's best inertia for {@code k}. */
        public double javaMedianInertia(int k) { return median(column(javaInertia, k - kMin)); }

        /** Median over the seeds of scikit-learn's best inertia for {@code k}, or NaN. */
        public double sklearnMedianInertia(int k) { return sklearnInertia == null ? Double.NaN : median(column(sklearnInertia, k - kMin)); }

        /** Lowest inertia for {@code k} over all seeds, Segmenta. */
        public double javaBestInertia(int k) { return min(column(javaInertia, k - kMin)); }

        /** Lowest inertia for {@code k} over all seeds, scikit-learn, or NaN. */
        public double sklearnBestInertia(int k) { return sklearnInertia == null ? Double.NaN : min(column(sklearnInertia, k - kMin)); }

        /** (Segmenta − scikit-learn) / scikit-learn of the medians for {@code k} (positive: Segmenta worse), or NaN. */
        public double medianInertiaDiff(int k) { return javaMedianInertia(k) / sklearnMedianInertia(k) - 1; }

        /** The largest {@link #medianInertiaDiff} over k, or NaN. */
        public double worstInertiaDiff() {
            double w = Double.NEGATIVE_INFINITY;
            for (int k = kMin; k <= kMax; k++) w = Math.max(w, medianInertiaDiff(k));
            return w;
        }

        /** Whether the inertia rule holds at every k (false without scikit-learn). */
        public boolean inertiaTargetMet() { return worstInertiaDiff() <= INERTIA_TOLERANCE; }

        /** Whether the time target (ratio at most 1) holds (false without scikit-learn). */
        public boolean timeTargetMet() { return ratio() <= 1.0; }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) m = Math.min(m, x);
        return m;
    }

    private static double[] column(double[][] a, int j) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = a[i][j];
        return c;
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

    /**
     * @param seed  seed of the data and of the first k-means sweep
     * @param seeds number of k-means sweeps per side (seeds {@code seed .. seed + seeds − 1}), at least 1
     */
    public static Result run(int rows, int dims, int kMin, int kMax, int restarts, long seed, int seeds, int threads, String python,
                             Consumer<String> log) throws IOException {
        if (seeds < 1) throw new IllegalArgumentException("seeds = " + seeds);
        log.accept(String.format(Locale.ROOT, "Generating %,d x %d Gaussian blobs (seed %d)", rows, dims, seed));
        double[] x = blobs(rows, dims, seed);
        FeatureMatrix m = FeatureMatrix.of(x, rows, dims);
        double tol = KMeans.absoluteTolerance(m, 1e-4);
        int ks = kMax - kMin + 1;
        long[] seedList = new long[seeds];
        for (int s = 0; s < seeds; s++) seedList[s] = seed + s;
        double[][] inertia = new double[seeds][ks];
        int[][] iters = new int[seeds][ks];
        double[] javaSecs = new double[seeds];
        double metricSecs = 0;
        double[][] skInertia = new double[seeds][ks];
        double[] skSecs = new double[seeds];
        String version = null;
        boolean skOk = true;
        String py = python == null ? "/usr/bin/python3" : python;
        ObjectMapper mapper = new ObjectMapper();
        Path tmp = Files.createTempFile("segmenta-kmeans-", ".f64");
        try (Workers w = new Workers(threads, TaskContext.NONE)) {
            writeLittleEndian(x, tmp);
            // JIT warm-up on a small slice.
            int wn = Math.min(rows, 20_000);
            for (int k = kMin; k <= Math.min(kMax, kMin + 2); k++) KMeans.fit(x, wn, dims, k, 1, seed, 300, tol, w, null);
            for (int s = 0; s < seeds; s++) {
                long ks0 = seedList[s];
                log.accept(String.format(Locale.ROOT, "k-means seed %d (%d of %d)", ks0, s + 1, seeds));
                for (int k = kMin; k <= kMax; k++) {
                    long t0 = System.nanoTime();
                    KMeans.Result r = KMeans.fit(x, rows, dims, k, restarts, ElbowSweep.seedFor(ks0, k), 300, tol, w, null);
                    double sec = (System.nanoTime() - t0) / 1e9;
                    javaSecs[s] += sec;
                    inertia[s][k - kMin] = r.inertia();
                    iters[s][k - kMin] = r.iterations();
                    String metrics = "";
                    if (s == 0) {
                        long t1 = System.nanoTime();
                        ClusterMetrics.compute(x, rows, dims, r.labels(), k, 10_000, seed, w);
                        double ms = (System.nanoTime() - t1) / 1e9;
                        metricSecs += ms;
                        metrics = String.format(Locale.ROOT, " (+ metrics %.2f s)", ms);
                    }
                    log.accept(String.format(Locale.ROOT, "  Segmenta k=%2d inertia %.6e  %3d iterations  %.2f s%s",
                            k, r.inertia(), r.iterations(), sec, metrics));
                }
                if (!skOk) continue;
                List<JsonNode> lines = new ArrayList<>();
                String v = sklearn(py, tmp, rows, dims, kMin, kMax, restarts, ks0, mapper, lines, log);
                if (!v.startsWith("sklearn ")) {
                    skOk = false;
                    version = v;
                    continue;
                }
                version = v;
                int got = 0;
                for (JsonNode n : lines) {
                    if (!n.has("k")) continue;
                    int k = n.get("k").intValue();
                    skInertia[s][k - kMin] = n.get("inertia").doubleValue();
                    skSecs[s] += n.get("seconds").doubleValue();
                    got++;
                    log.accept(String.format(Locale.ROOT, "  sklearn  k=%2d inertia %.6e  %3d iterations  %.2f s", k,
                            n.get("inertia").doubleValue(), n.get("n_iter").intValue(), n.get("seconds").doubleValue()));
                }
                if (got != ks) {
                    skOk = false;
                    version = "scikit-learn answered " + got + " of " + ks + " k";
                    continue;
                }
                log.accept(String.format(Locale.ROOT, "  seed %d: Segmenta %.2f s, scikit-learn %.2f s", ks0, javaSecs[s], skSecs[s]));
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Result(rows, dims, kMin, kMax, restarts, seedList, threads, javaSecs, inertia, iters, metricSecs,
                skOk ? skSecs : null, skOk ? skInertia : null, version);
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
                km = KMeans(n_clusters=k, n_init=restarts, random_state=seed % (2**32), algorithm="lloyd",
                            tol=1e-4, max_iter=300).fit(X)
                s = time.perf_counter() - t
                print(json.dumps({"k": k, "inertia": float(km.inertia_), "n_iter": int(km.n_iter_), "seconds": s}), flush=True)
            """;

    /** Runs the script; fills {@code lines}; returns "sklearn VERSION" or why it could not run. */
    private static String sklearn(String python, Path data, int n, int d, int kMin, int kMax, int restarts, long seed,
                                  ObjectMapper mapper, List<JsonNode> lines, Consumer<String> log) {
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
