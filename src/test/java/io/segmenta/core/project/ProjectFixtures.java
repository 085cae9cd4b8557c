package io.segmenta.core.project;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.io.CsvSettings;
import io.segmenta.core.io.ImportReport;
import io.segmenta.core.io.SourceFile;

import java.time.Instant;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Datasets and projects for the persistence tests, and a deep comparison of projects. */
final class ProjectFixtures {
    private ProjectFixtures() { }

    static BitSet bits(int... set) {
        BitSet b = new BitSet();
        for (int i : set) b.set(i);
        return b;
    }

    static BitSet all(int n) {
        BitSet b = new BitSet(n);
        b.set(0, n);
        return b;
    }

    /** One column of every type, 5 rows, with missing values, odd names. */
    static Dataset everyType(String name) {
        return new Dataset(name, List.of(
                new LongColumn("id", new long[]{1, Long.MIN_VALUE, 3, Long.MAX_VALUE, -5}, bits(2), true),
                new DoubleColumn("amount €", new double[]{1.5, -0.0, Double.MAX_VALUE, 7, Double.MIN_VALUE}, bits(3)),
                new DateColumn("born", new int[]{0, -25_000, 19_000, 3, 4}, bits(0, 4)),
                new DateTimeColumn("seen at", new long[]{0, -1, 1_700_000_000_123L, 4, 5}, bits(1)),
                new BooleanColumn("active", 5, bits(0, 2, 4), bits(1)),
                new StringColumn("Cádiz", new int[]{0, 1, -1, 2, 7}, new String[]{"Logroño", "", "a\"b'c;--"}, bits(2, 4), true, false),
                new StringColumn("\"quoted\"; DROP TABLE dataset;--", new int[]{0, 0, 1, -1, 2},
                        new String[]{"x", "日本語 🙂", "SELECT * FROM t"}, bits(3), false, true),
                new LongColumn("select", new long[]{1, 2, 3, 4, 5}, null),
                new LongColumn("order", new long[]{9, 8, 7, 6, 5}, new BitSet())),
                Map.of("id", "customer number", "Cádiz", "ciudad; con 'comillas'", "not a column", "kept anyway"));
    }

    /** Every type with every row missing. */
    static Dataset allMissing(String name, int n) {
        return new Dataset(name, List.of(
                new LongColumn("l", new long[n], all(n)),
                new DoubleColumn("d", new double[n], all(n)),
                new DateColumn("date", new int[n], all(n)),
                new DateTimeColumn("dt", new long[n], all(n)),
                new BooleanColumn("b", n, all(n), all(n)),
                new StringColumn("cat", new int[n], new String[0], all(n), true, false),
                new StringColumn("txt", filled(n, -1), new String[]{"unused"}, all(n), false, false)));
    }

    static Dataset empty(String name) {
        return new Dataset(name, List.of(
                new LongColumn("l", new long[0], null),
                new DoubleColumn("d", new double[0], null),
                new DateColumn("date", new int[0], null),
                new DateTimeColumn("dt", new long[0], null),
                new BooleanColumn("b", 0, new BitSet(), null),
                new StringColumn("s", new int[0], new String[0], null, true, false)));
    }

    static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    static CsvSettings settings() {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        types.put("id", ColumnType.INTEGER);
        types.put("Cádiz", ColumnType.CATEGORICAL);
        types.put("born", ColumnType.DATE);
        return new CsvSettings(';', '"', "windows-1252", true, ',', '\0', true, true,
                Set.of("", "NA", "n/a"), Map.of("Cádiz", Set.of("desconocido", "?")), types, Map.of("born", "dd/MM/yyyy"));
    }

    static ImportReport report() {
        return new ImportReport(10, 8, 2,
                List.of(new ImportReport.RejectedRow("a.csv", 4, "3 fields, expected 9"),
                        new ImportReport.RejectedRow("b.csv", 7, "unclosed quote \"")),
                List.of(new ImportReport.ColumnReport("id", ColumnType.INTEGER, true, 1, 0, List.of()),
                        new ImportReport.ColumnReport("born", ColumnType.DATE, false, 2, 1,
                                List.of(new ImportReport.CoercedValue("a.csv", 3, "31/02/2020")))),
                List.of("Column 2 renamed", "Column 2 renamed", "Línea en blanco"));
    }

    static DatasetEntry imported(Dataset d) {
        return new DatasetEntry(d, "import", settings(),
                List.of(new SourceFile("data/clientes Cádiz.csv", 12_345, "ab".repeat(32)), new SourceFile("b.csv", 0, "cd".repeat(32))),
                report(), Instant.parse("2026-03-01T10:15:30.123456789Z"), null);
    }

    static DatasetEntry derived(Dataset d) {
        return new DatasetEntry(d, "join", null, List.of(), null, Instant.parse("2026-03-02T00:00:00Z"),
                "{\"left\":\"a\",\"keys\":[\"id\"]}");
    }

    static Artifact artifact(String kind, String name, byte[] payload) {
        return new Artifact(kind, name, "clientes", "{\"k\":4}", "{\"sizes\":[1,2,3,4]}", payload,
                Instant.parse("2026-04-05T06:07:08.9Z"));
    }

    // ---- comparison ----

    static void assertSameProject(Project actual, Project expected) {
        assertThat(actual.datasets()).hasSameSizeAs(expected.datasets());
        for (int i = 0; i < expected.datasets().size(); i++) {
            DatasetEntry a = actual.datasets().get(i);
            DatasetEntry e = expected.datasets().get(i);
            assertThat(a.name()).isEqualTo(e.name());
            assertThat(a.origin()).isEqualTo(e.origin());
            assertThat(a.settings()).isEqualTo(e.settings());
            assertThat(a.sources()).isEqualTo(e.sources());
            assertThat(a.report()).isEqualTo(e.report());
            assertThat(a.createdAt()).isEqualTo(e.createdAt());
            assertThat(a.recipe()).isEqualTo(e.recipe());
            assertSameDataset(a.dataset(), e.dataset());
        }
        assertThat(actual.artifacts()).hasSameSizeAs(expected.artifacts());
        for (int i = 0; i < expected.artifacts().size(); i++) {
            Artifact a = actual.artifacts().get(i);
            Artifact e = expected.artifacts().get(i);
            assertThat(a.kind()).isEqualTo(e.kind());
            assertThat(a.name()).isEqualTo(e.name());
            assertThat(a.datasetName()).isEqualTo(e.datasetName());
            assertThat(a.optionsJson()).isEqualTo(e.optionsJson());
            assertThat(a.resultJson()).isEqualTo(e.resultJson());
            assertThat(a.payload()).isEqualTo(e.payload());
            assertThat(a.createdAt()).isEqualTo(e.createdAt());
        }
    }

    static void assertSameDataset(Dataset actual, Dataset expected) {
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.columnNames()).containsExactlyElementsOf(expected.columnNames());
        assertThat(actual.descriptions()).isEqualTo(expected.descriptions());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) assertSameColumn(actual.column(c), expected.column(c));
    }

    static void assertSameColumn(Column a, Column e) {
        String what = e.name();
        assertThat(a.getClass()).as(what).isEqualTo(e.getClass());
        assertThat(a.type()).as(what).isEqualTo(e.type());
        assertThat(a.idLike()).as(what).isEqualTo(e.idLike());
        assertThat(a.size()).as(what).isEqualTo(e.size());
        BitSet em = e.missingMask();
        em.clear(e.size(), Math.max(e.size(), em.length()));
        assertThat(a.missingMask()).as(what + " missing").isEqualTo(em);
        switch (e) {
            case LongColumn l -> assertThat(((LongColumn) a).rawValues()).as(what).isEqualTo(l.rawValues());
            case DateTimeColumn t -> assertThat(((DateTimeColumn) a).rawValues()).as(what).isEqualTo(t.rawValues());
            case DateColumn d -> assertThat(((DateColumn) a).rawValues()).as(what).isEqualTo(d.rawValues());
            case DoubleColumn d -> {
                double[] av = ((DoubleColumn) a).rawValues();
                double[] ev = d.rawValues();
                for (int i = 0; i < ev.length; i++) {
                    assertThat(Double.doubleToRawLongBits(av[i])).as(what + " row " + i).isEqualTo(Double.doubleToRawLongBits(ev[i]));
                }
            }
            case BooleanColumn b -> {
                BitSet et = b.trueMask();
                et.clear(e.size(), Math.max(e.size(), et.length()));
                assertThat(((BooleanColumn) a).trueMask()).as(what).isEqualTo(et);
                assertThat(((BooleanColumn) a).trueLabel()).as(what + " word for true").isEqualTo(b.trueLabel());
                assertThat(((BooleanColumn) a).falseLabel()).as(what + " word for false").isEqualTo(b.falseLabel());
            }
            case StringColumn s -> {
                StringColumn as = (StringColumn) a;
                assertThat(as.categorical()).as(what).isEqualTo(s.categorical());
                assertThat(as.dictionary()).as(what).containsExactly(s.dictionary());
                assertThat(as.rawCodes()).as(what).isEqualTo(s.rawCodes());
            }
        }
        for (int i = 0; i < Math.min(e.size(), 2000); i++) assertThat(a.get(i)).as(what + " row " + i).isEqualTo(e.get(i));
    }
}
