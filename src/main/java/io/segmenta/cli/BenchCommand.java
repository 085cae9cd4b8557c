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
        subcommands = {BenchCommand.ImportBench.class, BenchCommand.ProjectSaveBench.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Choose a benchmark, e.g. segmenta bench import");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Generates a CSV of ROWS x 20 columns (about 108 MB for 1M rows) unless --file is given,",
                    "imports it several times, reports rows/s and peak heap, and times pandas.read_csv on the same",
                    "file when python3 with pandas is installed."})
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
}
