package io.segmenta.core.io;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.RowRef;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class RowLinesTest {
    @TempDir
    Path dir;

    @Test
    void eachRowKnowsTheLineItsRecordStartsOnPastBlankRejectedAndMultiLineRecords() throws IOException {
        Path f = dir.resolve("f.csv");
        Files.writeString(f, """
                id,note,amount
                1,plain,10
                
                2,too few fields
                3,"two
                lines",30
                4,last,40
                """);
        ImportResult r = CsvImporter.importFiles(ImportRequest.of(f), TaskContext.NONE);
        assertThat(r.dataset().rowCount()).isEqualTo(3);
        RowLines lines = r.rowLines();
        assertThat(lines.rows()).isEqualTo(3);
        assertThat(new long[]{lines.line(0), lines.line(1), lines.line(2)}).containsExactly(2, 5, 7);
        assertThat(lines.file(2)).isEqualTo("f.csv");
        assertThat(lines.line(3)).isZero();
        assertThat(lines.file(-1)).isNull();
        // the rejected line is reported with the same numbering
        assertThat(r.report().rejected().get(0).line()).isEqualTo(4);

        UserException e = new UserException("clv.summary.badDate", "date", "x", RowRef.of(2));
        assertThat(e.getMessage()).contains("in row 3,");
        UserException located = lines.relocate(e);
        assertThat(located.getMessage()).contains("\"x\" in line 7 of f.csv,");
        assertThat(located.key()).isEqualTo(e.key());
        assertThat(I18n.tr(Locale.of("es"), located.key(), located.args())).contains("en la línea 7 de f.csv,");
        assertThat(I18n.tr(Locale.of("es"), e.key(), e.args())).contains("en la fila 3,");
        // an exception naming no row, or a row this import does not have, is returned as it is
        UserException other = new UserException("clv.summary.badDate", "date", "x", 5);
        assertThat(lines.relocate(other)).isSameAs(other);
        UserException outside = new UserException("clv.summary.badDate", "date", "x", RowRef.of(99));
        assertThat(lines.relocate(outside)).isSameAs(outside);
        assertThat(RowLines.NONE.relocate(e)).isSameAs(e);
        // a reference that already names a file and line (another file, e.g. a list joined to results) stays
        RowRef elsewhere = new RowRef(0, "list.csv", 40);
        assertThat(lines.locate(elsewhere)).isSameAs(elsewhere);
    }

    @Test
    void linesStayRightAcrossTheParallelChunksOfALargeFileAndAcrossPartitions() throws IOException {
        // ~6 MB: parsed in several chunks; quoted line breaks land on chunk borders now and then
        StringBuilder b = new StringBuilder("id,text,value\n");
        List<Long> expected = new ArrayList<>();
        long line = 2;
        for (int i = 0; i < 200_000; i++) {
            if (i % 997 == 0) { b.append('\n'); line++; }                    // blank
            if (i % 1_009 == 0) { b.append(i).append(",rejected\n"); line++; } // too few fields
            expected.add(line);
            if (i % 101 == 0) {
                b.append(i).append(",\"a\nb\",").append(i).append('\n');
                line += 2;
            } else {
                b.append(i).append(",text number ").append(i).append(',').append(i).append('\n');
                line++;
            }
        }
        Path big = dir.resolve("big.csv");
        Files.writeString(big, b);
        Path small = dir.resolve("part2.csv");
        Files.writeString(small, "id,text,value\n\n7,x,7\n8,y,8\n");
        ImportResult r = CsvImporter.importFiles(new ImportRequest(List.of(big, small), null, CsvOptions.detect(), null, null),
                TaskContext.NONE);
        Dataset ds = r.dataset();
        assertThat(ds.rowCount()).isEqualTo(200_002);
        RowLines lines = r.rowLines();
        var ids = ds.column("id");
        for (int row = 0; row < 200_000; row++) {
            assertThat(lines.line(row)).as("row %d", row).isEqualTo(expected.get(row));
            assertThat(ids.format(row)).isEqualTo(Integer.toString(row));
        }
        assertThat(lines.file(199_999)).isEqualTo("big.csv");
        assertThat(lines.file(200_000)).isEqualTo("part2.csv");
        assertThat(lines.line(200_000)).isEqualTo(3);
        assertThat(lines.line(200_001)).isEqualTo(4);
    }

    @Test
    void aChunkBorderInsideAQuotedLineBreakKeepsTheLines() throws IOException {
        // every record is two lines, the first long: the parallel reader's border (a line start after the middle
        // byte) falls on a record's second line, so the chunk after it is parsed again from the real start
        String pad = "p".repeat(300);
        StringBuilder b = new StringBuilder("id,text,value\n");
        int header = b.length(), records = 12_000;
        for (int i = 0; i < records; i++) b.append(i).append(",\"").append(pad).append("\nend\",").append(i).append('\n');
        String text = b.toString();
        int mid = header + (text.length() - header) / 2;
        int lineStart = text.lastIndexOf('\n', mid - 1) + 1;
        assertThat(text.charAt(lineStart)).as("the middle byte lies on a record's first line").isNotEqualTo('e');
        Path f = dir.resolve("two-line-records.csv");
        Files.writeString(f, text);
        String before = System.getProperty(io.segmenta.core.task.Parallelism.PROPERTY);
        System.setProperty(io.segmenta.core.task.Parallelism.PROPERTY, "2");
        ImportResult r;
        try {
            r = CsvImporter.importFiles(ImportRequest.of(f), TaskContext.NONE);
        } finally {
            if (before == null) System.clearProperty(io.segmenta.core.task.Parallelism.PROPERTY);
            else System.setProperty(io.segmenta.core.task.Parallelism.PROPERTY, before);
        }
        assertThat(r.dataset().rowCount()).isEqualTo(records);
        for (int row = 0; row < records; row++) {
            assertThat(r.rowLines().line(row)).as("row %d", row).isEqualTo(2 + 2L * row);
            assertThat(r.dataset().column("id").format(row)).isEqualTo(Integer.toString(row));
        }
    }
}
