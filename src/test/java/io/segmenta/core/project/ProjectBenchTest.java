package io.segmenta.core.project;

import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectBenchTest {

    @TempDir
    Path dir;

    @Test
    void generatesEveryTypeAndTimesRoundsWithoutLeavingFiles() throws Exception {
        Dataset d = ProjectBench.generate("g", 3000, 7, 1);
        assertThat(d.columns()).extracting(c -> c.type()).containsExactly(ColumnType.INTEGER, ColumnType.DECIMAL,
                ColumnType.DATE, ColumnType.DATETIME, ColumnType.BOOLEAN, ColumnType.CATEGORICAL, ColumnType.TEXT);
        assertThat(d.missingCells()).isBetween(600L, 1500L);

        List<ProjectBench.Run> runs = ProjectBench.run(3000, 7, 2, dir);
        assertThat(runs).hasSize(2).allMatch(r -> r.fileBytes() > 3000 * 4 && r.saveSeconds() > 0 && r.openSeconds() > 0);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
