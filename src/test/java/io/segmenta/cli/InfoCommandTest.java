package io.segmenta.cli;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.io.SourceFile;
import io.segmenta.core.project.Artifact;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InfoCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SegmentaCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private Path project() {
        Dataset clientes = new Dataset("clientes", List.of(
                new LongColumn("id", new long[]{1, 2, 3}, null),
                StringColumn.of("ciudad", true, "Cádiz", null, "Logroño")));
        Dataset compras = new Dataset("compras", List.of(new LongColumn("importe", new long[]{10, 20}, null)));
        Project p = new Project(List.of(
                new DatasetEntry(clientes, "import", null,
                        List.of(new SourceFile("clientes_2024.csv", 120, "00".repeat(32)), new SourceFile("clientes_2025.csv", 80, "11".repeat(32))),
                        null, Instant.parse("2026-05-01T09:30:00Z"), null),
                new DatasetEntry(compras, "join", null, List.of(), null, Instant.parse("2026-05-02T10:00:00.5Z"), "{}")),
                List.of(new Artifact("segmentation", "k=4", "clientes", "{}", "{}", new byte[]{1}, Instant.parse("2026-05-03T00:00:00Z"))));
        Path f = dir.resolve("demo.segmenta");
        ProjectStore.save(p, f, TaskContext.NONE);
        return f;
    }

    @Test
    void printsDatasetsAndArtifacts() {
        Path f = project();
        assertThat(run("info", f.toString())).isEqualTo(SegmentaCli.EXIT_OK);
        String text = out.toString();
        assertThat(text).contains("demo.segmenta").contains("format 2")
                .contains("clientes: 3 rows, 2 columns, origin import, created 2026-05-01T09:30:00Z")
                .contains("sources: clientes_2024.csv, clientes_2025.csv")
                .contains("compras: 2 rows, 1 column, origin join, created 2026-05-02T10:00:00Z")
                .contains("Artifacts: 1")
                .contains("segmentation k=4, dataset clientes");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void printsJsonWithSnakeCaseKeys() {
        Path f = project();
        assertThat(run("info", f.toString(), "--json")).isEqualTo(SegmentaCli.EXIT_OK);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("file").stringValue()).isEqualTo(f.toString());
        assertThat(root.get("schema_version").intValue()).isEqualTo(ProjectStore.SCHEMA_VERSION);
        JsonNode first = root.get("datasets").get(0);
        assertThat(first.propertyNames()).containsExactly("name", "rows", "columns", "origin", "created_at", "sources");
        assertThat(first.get("name").stringValue()).isEqualTo("clientes");
        assertThat(first.get("rows").longValue()).isEqualTo(3);
        assertThat(first.get("columns").intValue()).isEqualTo(2);
        assertThat(first.get("origin").stringValue()).isEqualTo("import");
        assertThat(first.get("created_at").stringValue()).isEqualTo("2026-05-01T09:30:00Z");
        assertThat(first.get("sources").get(1).stringValue()).isEqualTo("clientes_2025.csv");
        assertThat(root.get("datasets").get(1).get("created_at").stringValue()).isEqualTo("2026-05-02T10:00:00.500Z");
        JsonNode artifact = root.get("artifacts").get(0);
        assertThat(artifact.propertyNames()).containsExactly("kind", "name", "dataset_name", "created_at");
        assertThat(artifact.get("dataset_name").stringValue()).isEqualTo("clientes");
    }

    @Test
    void badFilesExitWithCode3AndAMessage() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.segmenta"), "hello");
        assertThat(run("info", text.toString())).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).startsWith("segmenta: ").contains("notes.segmenta").contains("not a Segmenta project")
                .doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();

        StringWriter err2 = new StringWriter();
        int code = SegmentaCli.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true))
                .execute("info", dir.resolve("missing.segmenta").toString(), "--json");
        assertThat(code).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err2.toString()).contains("missing.segmenta").contains("not found");
    }

    @Test
    void missingArgumentIsRejected() {
        assertThat(run("info")).isNotEqualTo(SegmentaCli.EXIT_OK);
        assertThat(err.toString()).contains("PROJECT");
        assertThat(out.toString()).isEmpty();
    }
}
