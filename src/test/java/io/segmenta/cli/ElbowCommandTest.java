package io.segmenta.cli;

import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.task.TaskContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ElbowCommandTest {
    @TempDir
    Path dir;

    Path csv;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Three seeded blobs in (income, visits) plus a channel category that follows them, 600 rows. */
    static Path writeBlobs(Path dir) throws IOException {
        Random r = new Random(4);
        StringBuilder sb = new StringBuilder("customer_id,income,visits,channel\n");
        double[][] c = {{20, 2}, {60, 10}, {100, 3}};
        String[] ch = {"web", "store", "app"};
        for (int i = 0; i < 600; i++) {
            int b = i % 3;
            sb.append("C").append(1000 + i).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", c[b][0] + 4 * r.nextGaussian())).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", c[b][1] + 1 * r.nextGaussian())).append(',')
                    .append(ch[b]).append('\n');
        }
        Path f = dir.resolve("customers.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @BeforeEach
    void data() throws IOException {
        csv = writeBlobs(dir);
    }

    int run(String... args) {
        return SegmentaCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void jsonHasEveryKAndTheSuggestion() {
        int code = run("elbow", csv.toString(), "--features", "income,visits", "--k-max", "6", "--restarts", "3", "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("results")).hasSize(5);
        JsonNode first = j.get("results").get(0);
        assertThat(first.get("k").intValue()).isEqualTo(2);
        for (String f : List.of("inertia", "silhouette", "calinski_harabasz", "davies_bouldin", "seconds")) {
            assertThat(first.get(f).isNumber()).as(f).isTrue();
        }
        assertThat(j.get("suggested_k").intValue()).isEqualTo(3);
        assertThat(j.get("best_silhouette_k").intValue()).isEqualTo(3);
        assertThat(j.get("rows").intValue()).isEqualTo(600);
    }

    @Test
    void textOutputFromAProjectDatasetWithACategory() {
        Project p = Project.empty().withDataset(new DatasetEntry(
                CsvImporter.importFiles(ImportRequest.of(csv), TaskContext.NONE).dataset().withName("cust"), "import", null, List.of(), null,
                Instant.now(), null));
        Path proj = dir.resolve("p.segmenta");
        ProjectStore.save(p, proj, TaskContext.NONE);
        int code = run("elbow", "--project", proj.toString(), "--dataset", "cust", "--features", "income,channel",
                "--k-max", "4", "--restarts", "2", "--scale", "robust", "--seed", "5");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("600 rows of cust, 4 matrix columns").contains("calinski_harabasz")
                .contains("k = 3");
    }

    @Test
    void badInputExitsWithThreeAndAMessage() {
        assertThat(run("elbow", csv.toString(), "--features", "income,salary")).isEqualTo(3);
        assertThat(err.toString()).contains("There is no column \"salary\"").doesNotContain("Exception");
        assertThat(run("elbow", csv.toString(), "--features", "income", "--scale", "pareto")).isEqualTo(3);
        assertThat(run("elbow", csv.toString(), "--features", "income", "--k-max", "700")).isEqualTo(3);
        assertThat(run("elbow", "--features", "income")).isEqualTo(2);
        assertThat(run("elbow", dir.resolve("nope.csv").toString(), "--features", "income")).isEqualTo(3);
        assertThat(err.toString()).contains("File not found");
    }

    @Test
    void filterKeepsOnlyTheMatchingRowsAndIsAppliedBeforeTopN() {
        int code = run("elbow", csv.toString(), "--features", "income,visits", "--k-max", "3", "--restarts", "2", "--json",
                "--filter", "channel=web", "--filter", "income is not missing");
        assertThat(code).as(err.toString()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("rows").intValue()).isEqualTo(200);
        assertThat(j.get("filter")).extracting(JsonNode::stringValue).containsExactly("channel = web", "income is not missing");

        out.getBuffer().setLength(0);
        // top N is taken among the rows the filter keeps: only 200 web rows exist, so --top 300 gives 200
        code = run("elbow", csv.toString(), "--features", "income,visits", "--k-max", "3", "--restarts", "2", "--json",
                "--filter", "channel=web", "--top", "300", "--by", "income");
        assertThat(code).as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("rows").intValue()).isEqualTo(200);

        out.getBuffer().setLength(0);
        code = run("elbow", csv.toString(), "--features", "income,visits", "--k-max", "3", "--restarts", "2",
                "--filter", "channel in web,app");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Only rows where channel in web,app.").contains("400 rows of customers");
    }

    @Test
    void badFilterExitsWithThreeAndTheFilterMessage() {
        assertThat(run("elbow", csv.toString(), "--features", "income", "--filter", "income 30")).isEqualTo(3);
        assertThat(err.toString()).contains("No operator in the filter \"income 30\"").doesNotContain("Exception");
        assertThat(run("elbow", csv.toString(), "--features", "income", "--filter", "income>=lots")).isEqualTo(3);
        assertThat(err.toString()).contains("The filter on \"income\" needs a number, not \"lots\"");
        assertThat(run("elbow", csv.toString(), "--features", "income", "--filter", "salary>3")).isEqualTo(3);
        assertThat(err.toString()).contains("There is no column \"salary\"");
        assertThat(run("elbow", csv.toString(), "--features", "income", "--filter", "channel=fax")).isEqualTo(3);
        assertThat(err.toString()).contains("no rows");
    }
}
