package io.segmenta.core.bench;

import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.io.ImportResult;
import io.segmenta.core.task.TaskContext;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The import benchmark behind {@code segmenta bench import}: a generated, seeded 20-column customer file,
 * timed imports with peak heap, and pandas.read_csv on the same file for the ratio.
 */
public final class ImportBenchmark {
    private ImportBenchmark() { }

    public record Result(Path file, long sizeBytes, int rows, int columns, double firstSeconds, double medianSeconds,
                         double bestSeconds, double rowsPerSecond, double peakHeapMb, double maxHeapMb,
                         Double pandasMedianSeconds) { }

    public static Result run(Path file, int rows, int runs, boolean pandas, Consumer<String> log) throws IOException {
        Path f = file;
        if (f == null) {
            f = Path.of(System.getProperty("java.io.tmpdir"), "segmenta-bench-" + rows + ".csv");
            if (!Files.exists(f)) {
                log.accept("Generating " + f + " …");
                generate(f, rows, 42);
            }
        }
        long size = Files.size(f);
        log.accept(String.format(Locale.ROOT, "File %s: %,d bytes", f, size));
        List<Double> times = new ArrayList<>();
        double first = 0;
        int nrows = 0, ncols = 0;
        double peak = 0;
        for (int i = 0; i <= runs; i++) {
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            ImportResult r = CsvImporter.importFiles(ImportRequest.of(f), TaskContext.NONE);
            double s = (System.nanoTime() - t0) / 1e9;
            peak = Math.max(peak, peakHeapMb());
            nrows = r.dataset().rowCount();
            ncols = r.dataset().columnCount();
            log.accept(String.format(Locale.ROOT, "  run %d: %.3f s (%d rows x %d columns, rejected %d)", i, s, nrows, ncols,
                    r.report().rejectedCount()));
            if (i == 0) first = s; else times.add(s);
        }
        Collections.sort(times);
        double median = times.get(times.size() / 2);
        Double pd = pandas ? pandas(f, log) : null;
        return new Result(f, size, nrows, ncols, first, median, times.get(0), nrows / median, peak,
                Runtime.getRuntime().maxMemory() / 1048576.0, pd);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum / 1048576.0;
    }

    /** Median of three pandas.read_csv timings, or null when python3/pandas is unavailable. */
    private static Double pandas(Path f, Consumer<String> log) {
        // Debian's python3-pandas lives under /usr/bin/python3, which a pyenv or venv python3 may shadow
        for (String py : new String[]{"/usr/bin/python3", "python3"}) {
            if (py.startsWith("/") && !Files.isExecutable(Path.of(py))) continue;
            Double d = pandas(py, f, log);
            if (d != null) return d;
        }
        return null;
    }

    private static Double pandas(String python, Path f, Consumer<String> log) {
        String script = "import sys,time\nimport pandas as pd\nts=[]\nfor i in range(3):\n"
                + "    t=time.perf_counter(); df=pd.read_csv(sys.argv[1]); ts.append(time.perf_counter()-t)\n"
                + "ts.sort(); print(pd.__version__, ts[0], ts[1], ts[2], df.shape[0], df.shape[1])\n";
        try {
            Process p = new ProcessBuilder(python, "-c", script, f.toString()).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                log.accept("pandas unavailable: " + out.lines().reduce((a, b) -> b).orElse(""));
                return null;
            }
            String[] parts = out.lines().reduce((a, b) -> b).orElse("").split(" ");
            log.accept(String.format(Locale.ROOT, "  pandas %s read_csv: %s s, %s s, %s s (%s rows x %s columns)",
                    parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]));
            return Double.parseDouble(parts[2]);
        } catch (IOException | RuntimeException e) {
            log.accept("pandas unavailable: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static final String[] GENDER = {"F", "M"};
    private static final String[] CHANNEL = {"email", "web", "app", "store"};
    private static final String[] SEGMENT = {"bronze", "silver", "gold", "platinum", "new"};

    /** Writes a seeded 20-column customer file of {@code rows} rows (about 108 bytes a row). */
    public static void generate(Path f, int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        LocalDate base = LocalDate.of(2015, 1, 1);
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("customer_id,age,gender,province_code,income,tenure_months,recency_days,frequency,monetary,"
                    + "open_rate,ctr,channel,churned,converted,spend,signup_date,segment,score,email_domain,city_zip\n");
            StringBuilder sb = new StringBuilder(256);
            for (int i = 1; i <= rows; i++) {
                sb.setLength(0);
                sb.append('C').append(String.format(Locale.ROOT, "%07d", i)).append(',');
                sb.append(18 + rnd.nextInt(70)).append(',');
                sb.append(GENDER[rnd.nextInt(2)]).append(',');
                int prov = 1 + rnd.nextInt(52);
                if (prov < 10) sb.append('0');
                sb.append(prov).append(',');
                if (rnd.nextInt(50) == 0) sb.append(""); else appendFixed(sb, 12000 + rnd.nextDouble() * 80000, 2);
                sb.append(',');
                sb.append(rnd.nextInt(240)).append(',');
                sb.append(rnd.nextInt(720)).append(',');
                sb.append(rnd.nextInt(60)).append(',');
                appendFixed(sb, rnd.nextDouble() * 5000, 2);
                sb.append(',');
                appendFixed(sb, rnd.nextDouble(), 3);
                sb.append(',');
                appendFixed(sb, rnd.nextDouble() * 0.3, 3);
                sb.append(',');
                sb.append(CHANNEL[rnd.nextInt(4)]).append(',');
                sb.append(rnd.nextInt(5) == 0 ? 1 : 0).append(',');
                sb.append(rnd.nextInt(10) == 0 ? 1 : 0).append(',');
                appendFixed(sb, rnd.nextDouble() * 300, 2);
                sb.append(',');
                sb.append(base.plusDays(rnd.nextInt(3650))).append(',');
                sb.append(SEGMENT[rnd.nextInt(5)]).append(',');
                appendFixed(sb, rnd.nextDouble(), 4);
                sb.append(',');
                sb.append(rnd.nextInt(3) == 0 ? "gmail.com" : rnd.nextInt(2) == 0 ? "hotmail.es" : "yahoo.es").append(',');
                sb.append(String.format(Locale.ROOT, "%05d", rnd.nextInt(1000, 52999)));
                sb.append('\n');
                w.append(sb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void appendFixed(StringBuilder sb, double v, int decimals) {
        long scale = decimals == 2 ? 100 : decimals == 3 ? 1000 : 10000;
        long x = Math.round(v * scale);
        sb.append(x / scale).append('.');
        String frac = Long.toString(x % scale);
        for (int k = frac.length(); k < decimals; k++) sb.append('0');
        sb.append(frac);
    }
}
