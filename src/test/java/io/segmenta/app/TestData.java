package io.segmenta.app;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.project.DatasetEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/** Small datasets and CSV files for app tests. */
public final class TestData {
    private TestData() { }

    public static final String CUSTOMERS_CSV = """
            customer_id,age,segment,spend
            1,34,gold,120.5
            2,45,silver,80.25
            3,29,gold,
            4,52,bronze,33.0
            5,38,unknown,12.75
            """;

    public static Path writeCsv(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DatasetEntry entry(String name, int rows) {
        long[] ids = new long[rows];
        double[] vals = new double[rows];
        String[] seg = new String[rows];
        BitSet missing = new BitSet();
        for (int i = 0; i < rows; i++) {
            ids[i] = i + 1;
            vals[i] = i * 1.5;
            seg[i] = i % 3 == 0 ? "gold" : "silver";
        }
        if (rows > 2) missing.set(2);
        Dataset d = new Dataset(name, List.of(new LongColumn("id", ids, new BitSet()),
                new DoubleColumn("spend", vals, missing), StringColumn.of("segment", true, seg)),
                Map.of("spend", "Total spend in euros"));
        return new DatasetEntry(d, "import", null, List.of(), null, Instant.parse("2025-03-01T10:00:00Z"), null);
    }
}
