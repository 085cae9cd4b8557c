package io.segmenta.core.bench;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.eda.BoxPlot;
import io.segmenta.core.eda.ColumnProfiler;
import io.segmenta.core.eda.DatasetProfile;
import io.segmenta.core.eda.Histogram;
import io.segmenta.core.eda.ProfileOptions;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.task.TaskContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Explore benchmark behind {@code segmenta bench profile}: imports the seeded 20-column customer file
 * of {@link ImportBenchmark} (generated when absent) and times the full column profile, a histogram and
 * box plots on it, reporting medians. Targets (1M rows x 20 columns): profile ≤ 1.5 s, histogram or box
 * plot ≤ 200 ms.
 */
public final class ProfileBenchmark {
    private ProfileBenchmark() { }

    /** Column the histogram and box plots are computed on (a decimal with about 2% missing). */
    public static final String VALUE_COLUMN = "income";
    /** Categorical column splitting the grouped box plot. */
    public static final String GROUP_COLUMN = "segment";

    /**
     * Medians over the timed runs, in seconds.
     *
     * @param profileFirstSeconds the first (cold) profile run, not part of the median
     */
    public record Result(Path file, int rows, int columns, int processors, double loadSeconds,
                         double profileFirstSeconds, double profileMedianSeconds, double profileWithTargetMedianSeconds,
                         double histogramMedianSeconds, double boxPlotMedianSeconds, double groupedBoxPlotMedianSeconds,
                         int runs) { }

    public static Result run(Path file, int rows, int runs, Consumer<String> log) {
        Path f = file;
        if (f == null) {
            f = Path.of(System.getProperty("java.io.tmpdir"), "segmenta-bench-" + rows + ".csv");
            if (!Files.exists(f)) {
                log.accept("Generating " + f + " …");
                ImportBenchmark.generate(f, rows, 42);
            }
        }
        long t0 = System.nanoTime();
        Dataset ds = CsvImporter.importFiles(ImportRequest.of(f), TaskContext.NONE).dataset();
        double load = (System.nanoTime() - t0) / 1e9;
        log.accept(String.format(Locale.ROOT, "Loaded %s: %,d rows x %d columns in %.2f s", f, ds.rowCount(), ds.columnCount(), load));
        int r = Math.max(1, runs);
        ProfileOptions plain = ProfileOptions.defaults();
        ProfileOptions withTarget = plain.withTarget("churned");
        double first = time(() -> ColumnProfiler.profile(ds, plain, TaskContext.NONE));
        log.accept(String.format(Locale.ROOT, "  profile (first run): %.3f s", first));
        double profile = median(r, "profile", log, () -> ColumnProfiler.profile(ds, plain, TaskContext.NONE));
        double target = median(r, "profile --target churned", log, () -> ColumnProfiler.profile(ds, withTarget, TaskContext.NONE));
        double hist = median(r, "histogram " + VALUE_COLUMN + " (FD bins)", log,
                () -> Histogram.compute(ds, Histogram.Options.of(VALUE_COLUMN), TaskContext.NONE));
        double box = median(r, "box plot " + VALUE_COLUMN, log,
                () -> BoxPlot.compute(ds, BoxPlot.Options.of(VALUE_COLUMN), TaskContext.NONE));
        double grouped = median(r, "box plot " + VALUE_COLUMN + " by " + GROUP_COLUMN, log,
                () -> BoxPlot.compute(ds, BoxPlot.Options.of(VALUE_COLUMN).withGroupBy(GROUP_COLUMN), TaskContext.NONE));
        return new Result(f, ds.rowCount(), ds.columnCount(), Runtime.getRuntime().availableProcessors(), load, first,
                profile, target, hist, box, grouped, r);
    }

    private static double median(int runs, String what, Consumer<String> log, Supplier<Object> work) {
        time(work); // warm-up
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < runs; i++) t.add(time(work));
        Collections.sort(t);
        double m = t.get(t.size() / 2);
        log.accept(String.format(Locale.ROOT, "  %-40s median %.3f s (best %.3f s, worst %.3f s)", what, m, t.get(0),
                t.get(t.size() - 1)));
        return m;
    }

    private static double time(Supplier<Object> work) {
        long t0 = System.nanoTime();
        Object o = work.get();
        double s = (System.nanoTime() - t0) / 1e9;
        if (o instanceof DatasetProfile p && p.columns().isEmpty()) throw new IllegalStateException("empty profile");
        return s;
    }
}
