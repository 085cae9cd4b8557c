package io.segmenta.core.io;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvWriterTest {

    @TempDir
    Path dir;

    private static Dataset sample() {
        BitSet miss = new BitSet();
        miss.set(1);
        BitSet t = new BitSet();
        t.set(0);
        return new Dataset("s", List.of(
                StringColumn.of("name", false, "Cádiz", "A \"quoted\"; value", "line\nbreak"),
                new LongColumn("n", new long[]{1, 0, -3}, miss),
                new DoubleColumn("x", new double[]{1234.56, 0.0000001, 2.0}, null),
                new BooleanColumn("b", 3, t, null),
                new DateColumn("d", new int[]{(int) LocalDate.of(2024, 3, 7).toEpochDay(), 0, 1}, null),
                new DateTimeColumn("t", new long[]{DateTimeColumn.toMillis(LocalDateTime.of(2024, 3, 7, 8, 9, 10)), 0, 0}, miss)));
    }

    @Test
    void defaultsAreCommaDotIsoWithRfc4180Quoting() {
        String csv = CsvWriter.toCsv(sample(), CsvWriter.Options.defaults());
        assertThat(csv).isEqualTo("name,n,x,b,d,t\n"
                + "Cádiz,1,1234.56,true,2024-03-07,2024-03-07 08:09:10\n"
                + "\"A \"\"quoted\"\"; value\",,0.0000001,false,1970-01-01,\n"
                + "\"line\nbreak\",-3,2,false,1970-01-02,1970-01-01 00:00:00\n");
    }

    @Test
    void spanishLayoutUsesSemicolonDecimalCommaAndDayFirstDates() {
        String csv = CsvWriter.toCsv(sample(), CsvWriter.Options.spanish().withLineSeparator("\r\n"));
        assertThat(csv).startsWith("name;n;x;b;d;t\r\nCádiz;1;1234,56;true;07/03/2024;07/03/2024 08:09:10\r\n");
        assertThat(csv).contains("\"A \"\"quoted\"\"; value\";;0,0000001;");
    }

    @Test
    void decimalCommaWithCommaDelimiterIsQuoted() {
        Dataset d = new Dataset("d", List.of(new DoubleColumn("x", new double[]{1.5}, null)));
        assertThat(CsvWriter.toCsv(d, CsvWriter.Options.defaults().withDecimal(',').withHeader(false))).isEqualTo("\"1,5\"\n");
    }

    @Test
    void quotingRules() {
        assertThat(CsvWriter.quote("plain", ',')).isEqualTo("plain");
        assertThat(CsvWriter.quote("a,b", ',')).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.quote("a,b", ';')).isEqualTo("a,b");
        assertThat(CsvWriter.quote(" padded", ',')).isEqualTo("\" padded\"");
        assertThat(CsvWriter.quote("cr\rx", ',')).isEqualTo("\"cr\rx\"");
        assertThat(CsvWriter.quote("", ',')).isEmpty();
        assertThat(CsvWriter.formatDecimal(-0.0, '.')).isEqualTo("0");
        assertThat(CsvWriter.formatDecimal(1e20, '.')).isEqualTo("100000000000000000000");
        // far outside everyday magnitudes an exponent instead of hundreds of digits
        assertThat(CsvWriter.formatDecimal(1e308, '.')).isEqualTo("1E+308");
        assertThat(CsvWriter.formatDecimal(-2.5e-9, ',')).isEqualTo("-2,5E-9");
        assertThat(CsvWriter.formatDecimal(0.0000125, '.')).isEqualTo("0.0000125");
    }

    @Test
    void hugeAndTinyDecimalsReadBackExactly() throws IOException {
        Path f = dir.resolve("extreme.csv");
        Files.writeString(f, "x\n1.5\n" + CsvWriter.formatDecimal(1e308, '.') + "\n" + CsvWriter.formatDecimal(-2.5e-9, '.') + "\n");
        Dataset ds = CsvImporter.importFiles(ImportRequest.of(f), TaskContext.NONE).dataset();
        assertThat(ds.column("x").getDouble(1)).isEqualTo(1e308);
        assertThat(ds.column("x").getDouble(2)).isEqualTo(-2.5e-9);
    }

    @Test
    void writesUtf8WithOptionalBomAndReplacesAtomically() throws IOException {
        Path f = dir.resolve("sub/out.csv");
        CsvWriter.write(sample(), f, CsvWriter.Options.defaults().withBom(true), TaskContext.NONE);
        byte[] b = Files.readAllBytes(f);
        assertThat(b[0] & 0xFF).isEqualTo(0xEF);
        assertThat(b[1] & 0xFF).isEqualTo(0xBB);
        assertThat(b[2] & 0xFF).isEqualTo(0xBF);
        assertThat(new String(b, 3, b.length - 3, StandardCharsets.UTF_8)).startsWith("name,n,x").contains("Cádiz");

        CsvWriter.writeRows(f, List.of("a", "b"), List.of(List.of("1", "x;y"), List.of("2", "")), CsvWriter.Options.defaults().withDelimiter(';'));
        assertThat(Files.readString(f)).isEqualTo("a;b\n1;\"x;y\"\n2;\n");
        CsvWriter.writeText(f.resolveSibling("README.txt"), "Año 2024\n");
        assertThat(Files.readString(f.resolveSibling("README.txt"), StandardCharsets.UTF_8)).isEqualTo("Año 2024\n");
        try (var s = Files.list(f.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("README.txt", "out.csv");
        }
    }

    @Test
    void failedWriteKeepsTheOldFile() throws IOException {
        Path f = dir.resolve("keep.csv");
        Files.writeString(f, "old\n");
        TaskContext cancelled = new TaskContext() {
            @Override public void progress(long done, long total, String message) { }
            @Override public boolean isCancelled() { return true; }
        };
        assertThatThrownBy(() -> CsvWriter.write(sample(), f, CsvWriter.Options.defaults(), cancelled))
                .isInstanceOf(io.segmenta.core.task.CancelledException.class);
        assertThat(Files.readString(f)).isEqualTo("old\n");
        try (var s = Files.list(dir)) {
            assertThat(s.count()).isEqualTo(1);
        }
        assertThatThrownBy(() -> CsvWriter.write(sample(), dir, CsvWriter.Options.defaults(), TaskContext.NONE))
                .isInstanceOf(UserException.class).hasMessageContaining("folder");
        // why a write failed is said in words, not as a bare path
        java.util.Locale before = io.segmenta.core.util.I18n.locale();
        io.segmenta.core.util.I18n.setLocale(java.util.Locale.ENGLISH);
        try {
            assertThat(io.segmenta.core.util.I18n.describe(new java.nio.file.NoSuchFileException("/proc/nope"))).isEqualTo("its folder does not exist");
            assertThat(io.segmenta.core.util.I18n.describe(new java.nio.file.AccessDeniedException("/sys/x.csv"))).isEqualTo("permission denied");
            assertThat(io.segmenta.core.util.I18n.describe(new java.nio.file.FileSystemException("/mnt/x.csv", null, "No space left on device")))
                    .isEqualTo("No space left on device");
        } finally {
            io.segmenta.core.util.I18n.setLocale(before);
        }
    }

    @Test
    void optionsRejectImpossibleSettings() {
        assertThatThrownBy(() -> CsvWriter.Options.defaults().withDelimiter('"')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvWriter.Options.defaults().withDecimal(';')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvWriter.Options.defaults().withLineSeparator("\r")).isInstanceOf(IllegalArgumentException.class);
    }
}
