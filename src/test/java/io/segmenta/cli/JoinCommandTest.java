package io.segmenta.cli;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.task.TaskContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JoinCommandTest {

    @TempDir
    Path dir;

    private Path project;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void makeProject() {
        Dataset customers = new Dataset("customers", List.of(
                StringColumn.of("id", false, "a", "b", "c", "d"),
                StringColumn.of("province_code", true, "02", "28", "28", "99"),
                StringColumn.of("name", false, "Ana", "Bea", "Carlos", "Dani")));
        Dataset provinces = new Dataset("provinces", List.of(
                new LongColumn("code", new long[]{2, 28, 28}, null),
                StringColumn.of("name", false, "Albacete", "Madrid", "Madrid (duplicate)"),
                new LongColumn("population", new long[]{394_580, 6_436_996, 1}, null)));
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        Project p = Project.empty()
                .withDataset(new DatasetEntry(customers, "import", null, List.of(), null, t, null))
                .withDataset(new DatasetEntry(provinces, "import", null, List.of(), null, t, null));
        project = dir.resolve("p.segmenta");
        ProjectStore.save(p, project, TaskContext.NONE);
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("join", "--project", project.toString()));
        all.addAll(List.of(args));
        return SegmentaCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all.toArray(String[]::new));
    }

    @Test
    void joinsSavesAndPrintsTheReport() {
        int code = run("--left", "customers", "--right", "provinces", "--on", "province_code=code");
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("customers_provinces").contains("Matched: 3 of 4 rows (75%)")
                .contains("Unmatched keys (examples): \"99\"").contains("Duplicate keys on the right: 1 (1 right row ignored)")
                .contains("02 → 2").contains("name_right, population").contains("first").contains("Saved " + project);

        Project p = ProjectStore.open(project);
        DatasetEntry e = p.dataset("customers_provinces").orElseThrow();
        assertThat(e.origin()).isEqualTo("join");
        assertThat(e.recipe()).contains("\"left\":\"customers\"").contains("province_code");
        Dataset d = e.dataset();
        assertThat(d.rowCount()).isEqualTo(4);
        assertThat(d.columnNames()).containsExactly("id", "province_code", "name", "name_right", "population");
        assertThat(d.column("name_right").get(2)).isEqualTo("Madrid");
        assertThat(d.column("population").get(0)).isEqualTo(394_580L);
        assertThat(d.column("population").isMissing(3)).isTrue();
        assertThat(p.datasets()).hasSize(3);
    }

    @Test
    void jsonOutputUsesSnakeCaseKeys() {
        int code = run("--left", "customers", "--right", "provinces", "--on", "province_code=code", "--no-strip-zeros",
                "--name", "enriched", "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("dataset").asString()).isEqualTo("enriched");
        assertThat(json.get("left_rows").asLong()).isEqualTo(4);
        assertThat(json.get("matched_rows").asLong()).isEqualTo(2);
        assertThat(json.get("unmatched_rows").asLong()).isEqualTo(2);
        assertThat(json.get("duplicate_right_keys").asLong()).isEqualTo(1);
        assertThat(json.get("unmatched_examples").toString()).contains("02").contains("99");
        assertThat(json.has("normalization_examples")).isTrue();
        assertThat(json.has("policy")).isTrue();
        assertThat(ProjectStore.open(project).dataset("enriched")).isPresent();
    }

    @Test
    void aJoinThatMatchesNothingSaysWhyAndSavesNothingAndFirstWordReachesCodedLabels() throws Exception {
        // INE-style labels: a code, then the name ("02 Albacete"), as in the public province tables
        Dataset labels = new Dataset("ine", List.of(StringColumn.of("label", false, "Total Nacional", "02 Albacete", "28 Madrid"),
                StringColumn.of("iso", true, "ES", "ES-AB", "ES-M")));
        Project p = ProjectStore.open(project).withDataset(new DatasetEntry(labels, "import", null, List.of(), null,
                Instant.parse("2025-01-01T00:00:00Z"), null));
        ProjectStore.save(p, project, TaskContext.NONE);
        int before = ProjectStore.open(project).datasets().size();
        assertThat(run("--left", "customers", "--right", "ine", "--on", "province_code=label")).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("No row of customers matched ine: its keys look like \"2\", \"28\", \"99\"")
                .contains("those of ine like \"total nacional\", \"2 albacete\", \"28 madrid\"").contains("--first-word")
                .contains("Nothing was saved.");
        assertThat(ProjectStore.open(project).datasets()).hasSize(before);

        assertThat(run("--left", "customers", "--right", "ine", "--on", "province_code=label", "--first-word", "--name", "coded"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("Matched: 3 of 4 rows").contains("(4 rows, 1 column added)");
        Dataset coded = ProjectStore.open(project).dataset("coded").orElseThrow().dataset();
        assertThat(coded.column("iso").format(0)).isEqualTo("ES-AB");
        assertThat(coded.column("iso").format(1)).isEqualTo("ES-M");
        assertThat(coded.column("iso").isMissing(3)).isTrue();
    }

    @Test
    void theResultNeverReplacesAnInput() {
        assertThat(run("--left", "customers", "--right", "provinces", "--on", "province_code=code", "--name", "provinces", "--replace"))
                .isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("\"provinces\" is the table whose columns are being added");
        assertThat(run("--left", "customers", "--right", "provinces", "--on", "province_code=code", "--suffix", "")).isEqualTo(2);
        assertThat(err.toString()).contains("--suffix must not be empty");
        assertThat(ProjectStore.open(project).dataset("provinces").orElseThrow().dataset().rowCount()).isEqualTo(3);
    }

    @Test
    void existingNamesNeedReplace() {
        assertThat(run("--left", "customers", "--right", "provinces", "--on", "province_code=code", "--name", "customers"))
                .isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("already has a dataset \"customers\"");
        assertThat(run("--left", "customers", "--right", "provinces", "--on", "province_code=code", "--name", "customers", "--replace"))
                .isZero();
        Project p = ProjectStore.open(project);
        assertThat(p.datasets()).hasSize(2);
        assertThat(p.dataset("customers").orElseThrow().dataset().columnNames()).contains("population");
    }

    @Test
    void badInputIsReportedWithoutChangingTheProject() {
        assertThat(run("--left", "clients", "--right", "provinces", "--on", "province_code=code")).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("no dataset \"clients\"").contains("customers, provinces");
        assertThat(run("--left", "customers", "--right", "provinces", "--on", "province=code")).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("no column \"province\"");
        assertThat(run("--left", "customers", "--right", "provinces", "--on", "province_code=")).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        // Usage errors are picocli's: non-zero and named (the exact code is SegmentaCli's mapping).
        assertThat(run("--left", "customers", "--right", "provinces")).isNotZero();
        assertThat(err.toString()).contains("Missing required option");
        assertThat(err.toString()).doesNotContain("Exception");
        assertThat(ProjectStore.open(project).datasets()).hasSize(2);
    }
}
