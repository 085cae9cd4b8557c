package io.segmenta.cli;

import io.segmenta.core.data.StringColumn;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.segment.Segmentation;
import io.segmenta.core.segment.SegmentationArtifacts;
import io.segmenta.core.segment.SegmentationOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentCommandTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return SegmentaCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void writesAssignmentsBriefAndProject() throws IOException {
        Path csv = ElbowCommandTest.writeBlobs(dir);
        Path assignments = dir.resolve("assignments.csv");
        Path brief = dir.resolve("brief.md");
        Path project = dir.resolve("p.segmenta");
        int code = run("segment", csv.toString(), "--features", "income,visits", "--k", "3", "--seed", "1", "--restarts", "3",
                "--out", assignments.toString(), "--brief", brief.toString(), "--describe", "channel", "--project", project.toString());
        assertThat(code).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(assignments);
        assertThat(lines).hasSize(601);
        assertThat(lines.get(0)).isEqualTo("row,customer_id,segment,segment_name");
        assertThat(lines.get(1)).startsWith("1,C1000,");
        assertThat(out.toString()).contains("3 segments fitted on 600 rows").contains("200 rows (33.33%)");

        String md = Files.readString(brief);
        assertThat(md).startsWith("# Brief for creatives: customers").contains("## Segment 1 — ").contains("200 customers (33%)")
                .contains("have channel “");

        Project p = ProjectStore.open(project);
        assertThat(p.datasets()).hasSize(1);
        StringColumn seg = (StringColumn) p.datasets().get(0).dataset().column("segment");
        assertThat(seg.dictionary()).hasSize(3);
        Segmentation s = SegmentationArtifacts.fromArtifact(p.artifacts().get(0));
        assertThat(s.k()).isEqualTo(3);
        assertThat(s.datasetName()).isEqualTo(p.datasets().get(0).name());
        assertThat(s.sizes()).containsExactly(200, 200, 200);
        assertThat(seg.getString(0)).isEqualTo(s.names().get(s.assignment()[0]));
        assertThat(lines.get(1)).contains(seg.getString(0));
    }

    @Test
    void segmentFromAProjectDatasetAndBadK() throws IOException {
        Path csv = ElbowCommandTest.writeBlobs(dir);
        Path project = dir.resolve("p.segmenta");
        assertThat(run("import", csv.toString(), "--project", project.toString(), "--name", "cust")).isZero();
        Path assignments = dir.resolve("a.csv");
        Path html = dir.resolve("brief.html");
        int code = run("segment", "--project", project.toString(), "--dataset", "cust", "--features", "income,visits,channel",
                "--k", "3", "--out", assignments.toString(), "--brief", html.toString(), "--json");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"segments\"").contains("\"size\" : 200");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        Project p = ProjectStore.open(project);
        assertThat(p.dataset("cust").orElseThrow().dataset().columnNames()).contains("segment");
        assertThat(p.artifacts()).extracting(a -> a.name()).containsExactly("segments_3");

        assertThat(run("segment", csv.toString(), "--features", "income", "--k", "40", "--out", assignments.toString(),
                "--restarts", "1")).isZero();
        // regression: any k up to the row count was accepted (k = 19,000 on 20,000 customers ran for minutes)
        assertThat(run("segment", csv.toString(), "--features", "income", "--k", "700", "--out", assignments.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("k = 700 is too many: at most 50 segments");
    }

    @Test
    void aDatasetColumnIsNeverOverwrittenUnlessAskedAndOutputsMustBeFiles() throws IOException {
        Path csv = ElbowCommandTest.writeBlobs(dir);
        Path project = dir.resolve("p.segmenta");
        assertThat(run("import", csv.toString(), "--project", project.toString(), "--name", "cust")).isZero();
        Path a = dir.resolve("a.csv");
        // regression: --column customer_id replaced every customer id by a segment label, silently
        assertThat(run("segment", "--project", project.toString(), "--dataset", "cust", "--features", "income,visits",
                "--k", "2", "--out", a.toString(), "--column", "customer_id")).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("Dataset cust already has a column customer_id").contains("--replace-column");
        assertThat(Files.exists(a)).isFalse();
        assertThat(ProjectStore.open(project).dataset("cust").orElseThrow().dataset().column("customer_id").format(0)).isEqualTo("C1000");
        assertThat(run("segment", "--project", project.toString(), "--dataset", "cust", "--features", "income,visits",
                "--k", "2", "--out", a.toString(), "--column", "  ")).isEqualTo(SegmentaCli.EXIT_USAGE);
        // the segment column itself: a second run must say so too, and --replace-column replaces it
        assertThat(run("segment", "--project", project.toString(), "--dataset", "cust", "--features", "income,visits",
                "--k", "2", "--out", a.toString())).as(err.toString()).isZero();
        assertThat(run("segment", "--project", project.toString(), "--dataset", "cust", "--features", "income,visits",
                "--k", "3", "--out", a.toString())).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(run("segment", "--project", project.toString(), "--dataset", "cust", "--features", "income,visits",
                "--k", "3", "--out", a.toString(), "--replace-column")).as(err.toString()).isZero();
        StringColumn seg = (StringColumn) ProjectStore.open(project).dataset("cust").orElseThrow().dataset().column("segment");
        assertThat(seg.dictionary()).hasSize(3);
        // a saved segmentation of the same name (segments_3) is not replaced unasked either
        assertThat(savedOptions(project, "segments_3")).contains("visits");
        assertThat(run("segment", "--project", project.toString(), "--dataset", "cust", "--features", "income",
                "--k", "3", "--out", a.toString(), "--replace-column")).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("already has a segmentation called \"segments_3\"").contains("--replace");
        assertThat(savedOptions(project, "segments_3")).contains("visits");
        assertThat(run("segment", "--project", project.toString(), "--dataset", "cust", "--features", "income",
                "--k", "3", "--out", a.toString(), "--replace-column", "--replace")).as(err.toString()).isZero();
        assertThat(savedOptions(project, "segments_3")).contains("income").doesNotContain("visits");

        // regression: --out /dev/full (as root) replaced the device by a file; a pipe stands in for a device here
        Path fifo = dir.resolve("pipe.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo(fifo), "mkfifo unavailable");
        assertThat(run("segment", csv.toString(), "--features", "income", "--k", "2", "--out", fifo.toString()))
                .isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("is not an ordinary file");
        assertThat(run("segment", csv.toString(), "--features", "income", "--k", "2", "--out", a.toString(), "--brief", fifo.toString()))
                .isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    private static String savedOptions(Path project, String name) {
        return ProjectStore.open(project).artifacts().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().optionsJson();
    }

    @Test
    void aSegmentOfAFewOutliersIsSaid() throws IOException {
        // the three blobs plus one customer with an income of 666,666 (as in the public marketing_campaign data)
        Path csv = ElbowCommandTest.writeBlobs(dir);
        Files.writeString(csv, "C9999,666666,5,web\n", java.nio.file.StandardOpenOption.APPEND);
        Path a = dir.resolve("a.csv");
        assertThat(run("segment", csv.toString(), "--features", "income,visits", "--k", "4", "--out", a.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains(": 1 row (0.17%)").contains("0 cells imputed");
        assertThat(run("segment", csv.toString(), "--features", "income", "--k", "0", "--out", a.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--k is the number of segments: at least 2, not 0");
        assertThat(err.toString()).contains("holds only 1 customer (0.17%): outliers rather than a group to target");
        // well-separated groups of 200 say nothing
        Path clean = ElbowCommandTest.writeBlobs(Files.createDirectories(dir.resolve("clean")));
        err.getBuffer().setLength(0);
        assertThat(run("segment", clean.toString(), "--features", "income,visits", "--k", "3", "--out", a.toString())).isZero();
        assertThat(err.toString()).doesNotContain("outliers");
    }

    @Test
    void outputsNeverReplaceTheInputOrEachOther() throws IOException {
        // regression: --out naming the input CSV replaced it; --out and --brief on one file kept only the brief
        Path csv = ElbowCommandTest.writeBlobs(dir);
        byte[] before = Files.readAllBytes(csv);
        assertThat(run("segment", csv.toString(), "--features", "income", "--k", "2", "--out", csv.toString()))
                .isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--out " + csv + " is also an input of this command (FILE)");
        assertThat(Files.readAllBytes(csv)).isEqualTo(before);
        Path a = dir.resolve("a.csv");
        assertThat(run("segment", csv.toString(), "--features", "income", "--k", "2", "--out", a.toString(), "--brief", a.toString()))
                .isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--out and --brief name the same file");
        assertThat(a).doesNotExist();
        // a category weight that makes every distance overflow
        assertThat(run("segment", csv.toString(), "--features", "income,channel", "--k", "2", "--out", a.toString(),
                "--category-weight", "1e308")).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("must be a positive number of at most 1,000");
    }

    static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0 && Files.exists(p);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void filterThenTopNIsUsedAndRecordedInTheSavedSegmentation() throws IOException {
        Path csv = ElbowCommandTest.writeBlobs(dir);
        Path assignments = dir.resolve("a.csv");
        Path project = dir.resolve("p.segmenta");
        // web rows (every third, from the first) have incomes about 20; overall the top 60 by income would all be app rows
        int code = run("segment", csv.toString(), "--features", "income,visits", "--k", "2", "--restarts", "2",
                "--filter", "channel=web", "--top", "60", "--by", "income", "--out", assignments.toString(),
                "--project", project.toString(), "--json");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"filter\" : [ \"channel = web\" ]").contains("\"rows\" : 60");
        List<String> lines = Files.readAllLines(assignments);
        assertThat(lines).hasSize(61);
        for (String line : lines.subList(1, lines.size())) {
            int row = Integer.parseInt(line.substring(0, line.indexOf(',')));
            assertThat((row - 1) % 3).as(line).isZero();
        }

        Segmentation s = SegmentationArtifacts.fromArtifact(ProjectStore.open(project).artifacts().get(0));
        assertThat(s.options().filter().expressions()).containsExactly("channel = web");
        assertThat(s.options().subset()).isEqualTo(new SegmentationOptions.TopN("income", 60));
        assertThat(s.rows()).hasSize(60);

        assertThat(run("segment", csv.toString(), "--features", "income", "--k", "2", "--out", assignments.toString(),
                "--filter", "channel>web")).isEqualTo(3);
        assertThat(err.toString()).contains("needs a number, date or date-time column");
    }
}
