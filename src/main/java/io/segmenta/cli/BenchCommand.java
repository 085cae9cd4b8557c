package io.segmenta.cli;

import io.segmenta.core.bench.ImportBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code segmenta bench …}: speed and memory benchmarks, run on demand (never as timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks. Targets are checked here, not in unit tests.",
        subcommands = {BenchCommand.ImportBench.class, BenchCommand.ProjectSaveBench.class, BenchCommand.ProfileBench.class, BenchCommand.KMeansBench.class, BenchCommand.ModelsBench.class, BenchCommand.ClvBench.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Choose a benchmark, e.g. segmenta bench import");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Times CSV import, and pandas.read_csv on the same file.",
                    "Generates a CSV of ROWS x 20 columns (about 108 MB for 1M rows) unless --file is given, imports "
                            + "it several times, reports rows/s and peak heap, and times pandas.read_csv on the same file when "
                            + "python3 with pandas is installed."})
    static final class ImportBench implements Callable<Integer> {
        @Option(names = "--rows", defaultValue = "1000000", description = "Rows to generate (default ${DEFAULT-VALUE})")
        int rows;

        @Option(names = "--file", description = "Use this CSV instead of generating one")
        Path file;

        @Option(names = "--runs", defaultValue = "3", description = "Timed imports after the first (default ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--no-pandas", description = "Do not time pandas")
        boolean noPandas;

        @Option(names = "--json", description = "Print the result as JSON")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ImportBenchmark.Result r = ImportBenchmark.run(file, rows, Math.max(1, runs), !noPandas, line -> {
                if (!json) { out.println(line); out.flush(); }
            });
            if (json) {
                var n = Json.object();
                n.put("file", r.file().toString());
                n.put("size_bytes", r.sizeBytes());
                n.put("rows", r.rows());
                n.put("columns", r.columns());
                n.put("first_run_s", r.firstSeconds());
                n.put("median_s", r.medianSeconds());
                n.put("best_s", r.bestSeconds());
                n.put("rows_per_s", r.rowsPerSecond());
                n.put("peak_heap_mb", r.peakHeapMb());
                n.put("max_heap_mb", r.maxHeapMb());
                if (r.pandasMedianSeconds() != null) {
                    n.put("pandas_median_s", r.pandasMedianSeconds());
                    n.put("ratio_vs_pandas", r.medianSeconds() / r.pandasMedianSeconds());
                }
                out.println(Json.write(n));
            } else {
                out.printf(Locale.ROOT, "%nSegmenta: median %.2f s (best %.2f s, first %.2f s), %,.0f rows/s, peak heap %.0f MB of %.0f MB%n",
                        r.medianSeconds(), r.bestSeconds(), r.firstSeconds(), r.rowsPerSecond(), r.peakHeapMb(), r.maxHeapMb());
                if (r.pandasMedianSeconds() != null) {
                    out.printf(Locale.ROOT, "pandas.read_csv: median %.2f s  ->  ratio Segmenta/pandas = %.2f%n",
                            r.pandasMedianSeconds(), r.medianSeconds() / r.pandasMedianSeconds());
                } else if (!noPandas) {
                    out.println("pandas not found (apt-get install python3-pandas to compare)");
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "project", mixinStandardHelpOptions = true,
            description = "Times saving, opening and listing a project holding one ROWS x COLUMNS dataset (all column types).")
    static final class ProjectSaveBench implements Callable<Integer> {
        @Option(names = "--rows", defaultValue = "1000000", description = "Rows (default ${DEFAULT-VALUE})")
        int rows;

        @Option(names = "--columns", defaultValue = "20", description = "Columns (default ${DEFAULT-VALUE})")
        int columns;

        @Option(names = "--runs", defaultValue = "3", description = "Rounds (default ${DEFAULT-VALUE})")
        int runs;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = java.nio.file.Files.createTempDirectory("segmenta-bench");
            try {
                out.printf(Locale.ROOT, "%,d rows x %d columns%n", rows, columns);
                var list = io.segmenta.core.project.ProjectBench.run(rows, columns, Math.max(1, runs), dir);
                for (int i = 0; i < list.size(); i++) {
                    var r = list.get(i);
                    out.printf(Locale.ROOT, "run %d: save %.2f s, open %.2f s, info %.3f s, file %,d bytes%n",
                            i + 1, r.saveSeconds(), r.openSeconds(), r.infoSeconds(), r.fileBytes());
                }
            } finally {
                java.nio.file.Files.deleteIfExists(dir);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "profile", mixinStandardHelpOptions = true,
            description = {"Times the Explore profile, a histogram and box plots.",
                    "Times the Explore column profile (all columns), a histogram and box plots on the ROWS x 20 "
                            + "columns file of 'bench import' (generated unless --file is given). Targets for 1M rows: profile "
                            + "<= 1.5 s, histogram or box plot <= 200 ms."})
    static final class ProfileBench implements Callable<Integer> {
        @Option(names = "--rows", defaultValue = "1000000", description = "Rows to generate (default ${DEFAULT-VALUE})")
        int rows;

        @Option(names = "--file", description = "Use this CSV instead of generating one")
        Path file;

        @Option(names = "--runs", defaultValue = "5", description = "Timed runs after a warm-up (default ${DEFAULT-VALUE})")
        int runs;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            io.segmenta.core.bench.ProfileBenchmark.Result r = io.segmenta.core.bench.ProfileBenchmark.run(file, rows, runs,
                    line -> { out.println(line); out.flush(); });
            out.printf(Locale.ROOT, "%n%,d rows x %d columns, %d processors, %d runs (medians):%n", r.rows(), r.columns(),
                    r.processors(), r.runs());
            out.printf(Locale.ROOT, "  profile            %.3f s (first run %.3f s; target 1.5 s)%n", r.profileMedianSeconds(),
                    r.profileFirstSeconds());
            out.printf(Locale.ROOT, "  profile + target   %.3f s%n", r.profileWithTargetMedianSeconds());
            out.printf(Locale.ROOT, "  histogram          %.0f ms (target 200 ms)%n", r.histogramMedianSeconds() * 1000);
            out.printf(Locale.ROOT, "  box plot           %.0f ms (target 200 ms)%n", r.boxPlotMedianSeconds() * 1000);
            out.printf(Locale.ROOT, "  box plot, grouped  %.0f ms%n", r.groupedBoxPlotMedianSeconds() * 1000);
            out.flush();
            return 0;
        }
    }

    @Command(name = "kmeans", mixinStandardHelpOptions = true,
            description = {"Times the elbow sweep's k-means against scikit-learn's KMeans.",
                    "Times the elbow sweep's k-means (k = K-MIN..K-MAX, RESTARTS k-means++ restarts per k) on "
                            + "generated ROWS x DIMS Gaussian blobs and scikit-learn's KMeans(n_init=RESTARTS) on the same "
                            + "float64 numbers (/usr/bin/python3 with python3-sklearn), alternating per k-means seed (SEEDS "
                            + "sweeps each, seeds SEED..). Reports the median sweep time of each side and their ratio (target "
                            + "<= 1), and per k the median over the seeds of each side's best inertia (target: Segmenta at "
                            + "most 0.5%% above scikit-learn at every k)."})
    static final class KMeansBench implements Callable<Integer> {
        @Option(names = "--rows", defaultValue = "1000000", description = "Rows (default ${DEFAULT-VALUE})")
        int rows;

        @Option(names = "--dims", defaultValue = "10", description = "Columns (default ${DEFAULT-VALUE})")
        int dims;

        @Option(names = "--k-min", defaultValue = "2", description = "Smallest k (default ${DEFAULT-VALUE})")
        int kMin;

        @Option(names = "--k-max", defaultValue = "10", description = "Largest k (default ${DEFAULT-VALUE})")
        int kMax;

        @Option(names = "--restarts", defaultValue = "3", description = "Restarts per k (default ${DEFAULT-VALUE})")
        int restarts;

        @Option(names = "--seed", defaultValue = "42", description = "Seed for the data and k-means (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--seeds", defaultValue = "5", description = "k-means seeds, one sweep each per side (default ${DEFAULT-VALUE})")
        int seeds;

        @Option(names = "--threads", description = "Threads for Segmenta (default: all processors, at least 2)")
        Integer threads;

        @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with scikit-learn (default ${DEFAULT-VALUE})")
        String python;

        @Option(names = "--json", description = "Print the result as JSON")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (rows < 20 || dims < 1 || kMin < 2 || kMax < kMin || restarts < 1 || seeds < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Need --rows >= 20, --dims >= 1, 2 <= --k-min <= --k-max, --restarts >= 1, --seeds >= 1");
            }
            int t = threads == null ? io.segmenta.core.segment.Workers.defaultThreads() : Math.max(1, threads);
            var r = io.segmenta.core.bench.KMeansBenchmark.run(rows, dims, kMin, kMax, restarts, seed, seeds, t, python, line -> {
                if (!json) { out.println(line); out.flush(); }
            });
            if (json) {
                var n = Json.object();
                n.put("rows", r.rows());
                n.put("dims", r.dims());
                n.put("k_min", r.kMin());
                n.put("k_max", r.kMax());
                n.put("restarts", r.restarts());
                n.put("threads", r.threads());
                var sd = n.putArray("seeds");
                for (long v : r.seeds()) sd.add(v);
                var js = n.putArray("segmenta_seconds");
                for (double v : r.javaSeconds()) js.add(v);
                n.put("segmenta_median_seconds", r.javaMedianSeconds());
                n.put("metrics_seconds", r.metricsSeconds());
                n.put("sklearn", r.sklearnVersion());
                if (r.sklearnSeconds() != null) {
                    var ss = n.putArray("sklearn_seconds");
                    for (double v : r.sklearnSeconds()) ss.add(v);
                    n.put("sklearn_median_seconds", r.sklearnMedianSeconds());
                    n.put("ratio", r.ratio());
                }
                var per = n.putArray("per_k");
                for (int k = r.kMin(); k <= r.kMax(); k++) {
                    var o = per.addObject();
                    o.put("k", k);
                    o.put("segmenta_median_inertia", r.javaMedianInertia(k));
                    o.put("segmenta_best_inertia", r.javaBestInertia(k));
                    if (r.sklearnInertia() != null) {
                        o.put("sklearn_median_inertia", r.sklearnMedianInertia(k));
                        o.put("sklearn_best_inertia", r.sklearnBestInertia(k));
                        o.put("median_diff", r.medianInertiaDiff(k));
                    }
                }
                if (r.sklearnSeconds() != null) {
                    n.put("worst_inertia_diff", r.worstInertiaDiff());
                    n.put("inertia_rule", "per k: median over seeds of best-of-restarts inertia, Segmenta <= sklearn * (1 + "
                            + io.segmenta.core.bench.KMeansBenchmark.INERTIA_TOLERANCE + ")");
                    n.put("time_target_met", r.timeTargetMet());
                    n.put("inertia_target_met", r.inertiaTargetMet());
                }
                out.println(Json.write(n));
            } else {
                out.printf(Locale.ROOT, "%n%,d x %d, k = %d..%d, %d restarts per k, k-means seeds %d..%d, %d threads for Segmenta%n",
                        r.rows(), r.dims(), r.kMin(), r.kMax(), r.restarts(), r.seeds()[0], r.seeds()[r.seeds().length - 1], r.threads());
                StringBuilder js = new StringBuilder();
                for (double v : r.javaSeconds()) js.append(String.format(Locale.ROOT, " %.2f", v));
                out.printf(Locale.ROOT, "Segmenta k-means sweep: median %.2f s (per seed:%s); metrics %.2f s (first seed)%n",
                        r.javaMedianSeconds(), js, r.metricsSeconds());
                if (r.sklearnSeconds() != null) {
                    StringBuilder ss = new StringBuilder();
                    for (double v : r.sklearnSeconds()) ss.append(String.format(Locale.ROOT, " %.2f", v));
                    out.printf(Locale.ROOT, "%s KMeans sweep:   median %.2f s (per seed:%s)%n", r.sklearnVersion(), r.sklearnMedianSeconds(), ss);
                    out.printf(Locale.ROOT, "Time ratio Segmenta/sklearn (medians) = %.2f (target <= 1.00): %s%n", r.ratio(),
                            r.timeTargetMet() ? "met" : "NOT met");
                    out.printf(Locale.ROOT, "%n   k   Segmenta median   sklearn median    diff     Segmenta best    sklearn best%n");
                    for (int k = r.kMin(); k <= r.kMax(); k++) {
                        out.printf(Locale.ROOT, "  %2d   %.6e   %.6e   %+6.3f%%   %.6e   %.6e%n", k, r.javaMedianInertia(k),
                                r.sklearnMedianInertia(k), 100 * r.medianInertiaDiff(k), r.javaBestInertia(k), r.sklearnBestInertia(k));
                    }
                    out.printf(Locale.ROOT, "Inertia rule: per k, the median over the %d seeds of each side's best-of-%d inertia; Segmenta's at most%n"
                                    + "%.1f%% above scikit-learn's (lower is better). Worst difference %+.3f%%: %s%n", r.seeds().length,
                            r.restarts(), 100 * io.segmenta.core.bench.KMeansBenchmark.INERTIA_TOLERANCE, 100 * r.worstInertiaDiff(),
                            r.inertiaTargetMet() ? "met" : "NOT met");
                } else {
                    out.println(r.sklearnVersion());
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "models", mixinStandardHelpOptions = true,
            description = {"Fits and scores gradient boosting and the neural network on bank marketing data, beside scikit-learn and xgboost.",
                    "Gradient boosting (300 trees) on the UCI bank marketing data with and without 'duration' on a "
                            + "fixed stratified split: test AUC, fitting time, scoring rows/s; scikit-learn "
                            + "HistGradientBoosting and xgboost (at Segmenta's learning rate, 0.1, and as it comes, at 0.3) on the "
                            + "same split when /usr/bin/python3 has them. Targets: AUC "
                            + ">= 0.92 with duration, >= 0.79 without; fitting <= 1.5x xgboost's time; scoring >= 200,000 "
                            + "rows/s."})
    static final class ModelsBench implements Callable<Integer> {
        @Option(names = "--file", defaultValue = "sample-projects/data/bank-full.csv",
                description = "bank-full.csv (default ${DEFAULT-VALUE})")
        Path file;

        @Option(names = "--trees", defaultValue = "300", description = "Boosting stages (default ${DEFAULT-VALUE})")
        int trees;

        @Option(names = "--no-peers", description = "Do not run scikit-learn and xgboost")
        boolean noPeers;

        @Option(names = "--splits", defaultValue = "5",
                description = "Stratified splits over which every tool's test AUC is averaged (0 = none; default ${DEFAULT-VALUE})")
        int splits;

        @Option(names = "--json", description = "Print the result as JSON")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (splits < 0 || splits > 50) throw new CommandLine.ParameterException(spec.commandLine(), "--splits must be 0-50");
            if (trees < 1 || trees > 10_000) throw new CommandLine.ParameterException(spec.commandLine(), "--trees must be 1-10000");
            var r = io.segmenta.core.bench.ModelBenchmark.run(file, trees, !noPeers, splits, line -> {
                if (!json) { out.println(line); out.flush(); }
            });
            if (json) {
                var n = Json.object();
                n.put("file", r.file().toString());
                n.put("rows", r.rows());
                n.put("train_rows", r.trainRows());
                n.put("test_rows", r.testRows());
                n.put("processors", r.threads());
                n.put("scoring_rows_per_s", r.scoringRowsPerSecond());
                var a = n.putArray("results");
                for (var row : r.rowsOut()) {
                    var x = a.addObject().put("tool", row.tool()).put("variant", row.variant());
                    if (row.auc() != null) x.put("auc", row.auc());
                    if (row.fitSeconds() != null) x.put("fit_s", row.fitSeconds());
                    if (row.note() != null) x.put("note", row.note());
                }
                var sp = n.putArray("auc_over_splits");
                for (var sa : r.splitAucs()) {
                    var x = sp.addObject().put("tool", sa.tool()).put("variant", sa.variant()).put("mean", sa.mean()).put("sd", sa.sd());
                    var each = x.putArray("aucs");
                    for (double v : sa.aucs()) each.add(v);
                }
                var pd = n.putArray("segmenta_minus_peer");
                for (var d : r.paired()) {
                    pd.addObject().put("tool", d.tool()).put("variant", d.variant()).put("mean_difference", d.meanDifference())
                            .put("standard_error", d.standardError()).put("segmenta_higher", d.higher()).put("splits", d.splits());
                }
                out.println(Json.write(n));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "clv", mixinStandardHelpOptions = true,
            description = {"Times the CLV summary, BG/NBD and Gamma-Gamma fits on a generated log.",
                    "Generates a BG/NBD transaction log (CUSTOMERS customers, about TRANSACTIONS rows, shuffled) and "
                            + "times the per-customer summary, the BG/NBD fit and the Gamma-Gamma fit; reports peak heap. "
                            + "Target for 1M customers and 10M transactions: <= 30 s for the three together."})
    static final class ClvBench implements Callable<Integer> {
        @Option(names = "--customers", defaultValue = "1000000", description = "Customers (default ${DEFAULT-VALUE})")
        int customers;

        @Option(names = "--transactions", defaultValue = "10000000", description = "Transactions (default ${DEFAULT-VALUE})")
        int transactions;

        @Option(names = "--seed", defaultValue = "7", description = "Seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--json", description = "Print the result as JSON")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (customers < 100 || transactions < customers) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Need --customers >= 100 and --transactions >= --customers");
            }
            var r = io.segmenta.core.bench.ClvBenchmark.run(customers, transactions, seed, line -> {
                if (!json) { out.println(line); out.flush(); }
            });
            if (json) {
                var n = Json.object();
                n.put("customers", r.customers());
                n.put("transactions", r.transactions());
                n.put("summarised_customers", r.summarisedCustomers());
                n.put("repeat_customers", r.repeatCustomers());
                n.put("summary_s", r.summarySeconds());
                n.put("bgnbd_s", r.bgnbdSeconds());
                n.put("gamma_gamma_s", r.gammaGammaSeconds());
                n.put("total_s", r.totalSeconds());
                n.put("peak_heap_mb", r.peakHeapMb());
                n.put("max_heap_mb", r.maxHeapMb());
                n.put("bgnbd_converged", r.bgnbd().converged());
                n.put("gamma_gamma_converged", r.gammaGamma().converged());
                out.println(Json.write(n));
            } else {
                out.printf(Locale.ROOT, "%n%,d transactions, %,d customers: summary %.2f s + BG/NBD %.2f s + Gamma-Gamma %.2f s = %.2f s "
                                + "(target 30 s); peak heap %.0f MB of %.0f MB%n", r.transactions(), r.summarisedCustomers(),
                        r.summarySeconds(), r.bgnbdSeconds(), r.gammaGammaSeconds(), r.totalSeconds(), r.peakHeapMb(), r.maxHeapMb());
                var b = r.bgnbd();
                out.printf(Locale.ROOT, "BG/NBD r %.3f alpha %.2f a %.3f b %.3f (generated with r %.3f alpha %.2f a %.3f b %.3f)%n",
                        b.values()[0], b.values()[1], b.values()[2], b.values()[3], r.trueBgnbd()[0], r.trueBgnbd()[1],
                        r.trueBgnbd()[2], r.trueBgnbd()[3]);
                var g = r.gammaGamma();
                out.printf(Locale.ROOT, "Gamma-Gamma p %.3f q %.3f gamma %.3f (generated with p %.3f q %.3f gamma %.3f)%n",
                        g.values()[0], g.values()[1], g.values()[2], r.trueGammaGamma()[0], r.trueGammaGamma()[1], r.trueGammaGamma()[2]);
            }
            out.flush();
            return 0;
        }
    }
}
