package io.segmenta.core.project;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.TaskContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times {@link ProjectStore#save} and {@link ProjectStore#open} on a generated dataset (default
 * 1,000,000 rows × 20 columns of every type, about 5% missing). Not a test; run with
 * {@code java -cp target/classes:LIBS io.segmenta.core.project.ProjectBench [rows] [columns] [repeats] [folder]},
 * run through {@code segmenta bench project}.
 */
public final class ProjectBench {
    private ProjectBench() { }

    /** One timed save, open and info of the same project. */
    public record Run(double saveSeconds, double openSeconds, double infoSeconds, long fileBytes) { }

    /**
     * Generates a dataset of {@code rows} × {@code columns} ({@link #generate}) and times {@code repeats}
     * rounds of save, open and info of a project holding it, in a file in {@code dir} deleted afterwards.
     */
    public static List<Run> run(int rows, int columns, int repeats, Path dir) throws IOException {
        Path file = dir.resolve("bench" + ProjectStore.EXTENSION);
        Dataset d = generate("bench", rows, columns, 42);
        Project p = Project.empty().withDataset(new DatasetEntry(d, "generated", null, List.of(), null, Instant.now(), null));
        List<Run> runs = new ArrayList<>();
        try {
            for (int i = 0; i < repeats; i++) {
                long s = System.nanoTime();
                ProjectStore.save(p, file, TaskContext.NONE);
                double save = (System.nanoTime() - s) / 1e9;
                long o = System.nanoTime();
                Project back = ProjectStore.open(file);
                double open = (System.nanoTime() - o) / 1e9;
                long in = System.nanoTime();
                ProjectInfo info = ProjectStore.info(file);
                double infoSeconds = (System.nanoTime() - in) / 1e9;
                if (back.datasets().getFirst().dataset().rowCount() != rows || info.datasets().getFirst().rows() != rows) {
                    throw new IllegalStateException("row count changed");
                }
                runs.add(new Run(save, open, infoSeconds, Files.size(file)));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return runs;
    }

    /**
     * A dataset cycling through the column types: integer, decimal, date, date-time, boolean, categorical
     * (12 values), text (rows / 10 distinct values), with about 5% missing in every column.
     */
    public static Dataset generate(String name, int rows, int columns, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Column> cols = new ArrayList<>(columns);
        String[] categories = {"Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga", "Murcia",
                "Palma", "Bilbao", "Cádiz", "Logroño", "Vigo"};
        int distinctText = Math.max(1, rows / 10);
        String[] text = new String[distinctText];
        for (int i = 0; i < distinctText; i++) text[i] = "customer-" + i + "@example.com";
        for (int c = 0; c < columns; c++) {
            BitSet missing = new BitSet(rows);
            for (int r = 0; r < rows; r++) if (rnd.nextInt(20) == 0) missing.set(r);
            String n = "col_" + c;
            cols.add(switch (c % 7) {
                case 0 -> { long[] v = new long[rows]; for (int r = 0; r < rows; r++) v[r] = rnd.nextLong(1_000_000); yield new LongColumn(n, v, missing); }
                case 1 -> { double[] v = new double[rows]; for (int r = 0; r < rows; r++) v[r] = rnd.nextDouble() * 1000; yield new DoubleColumn(n, v, missing); }
                case 2 -> { int[] v = new int[rows]; for (int r = 0; r < rows; r++) v[r] = 15_000 + rnd.nextInt(5000); yield new DateColumn(n, v, missing); }
                case 3 -> { long[] v = new long[rows]; for (int r = 0; r < rows; r++) v[r] = 1_500_000_000_000L + rnd.nextLong(100_000_000_000L); yield new DateTimeColumn(n, v, missing); }
                case 4 -> { BitSet v = new BitSet(rows); for (int r = 0; r < rows; r++) if (rnd.nextBoolean()) v.set(r); yield new BooleanColumn(n, rows, v, missing); }
                case 5 -> { int[] v = new int[rows]; for (int r = 0; r < rows; r++) v[r] = missing.get(r) ? -1 : rnd.nextInt(categories.length); yield new StringColumn(n, v, categories, missing, true, false); }
                default -> { int[] v = new int[rows]; for (int r = 0; r < rows; r++) v[r] = missing.get(r) ? -1 : rnd.nextInt(distinctText); yield new StringColumn(n, v, text, missing, false, false); }
            });
        }
        return new Dataset(name, cols);
    }
}
