package io.segmenta.cli;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProfileCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("profile"));
        all.addAll(List.of(args));
        return SegmentaCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all.toArray(String[]::new));
    }

    private Path csv() throws Exception {
        Path f = dir.resolve("customers.csv");
        Files.writeString(f, """
                id,age,channel,spend,constant,empty
                C01,25,email,10.5,1,
                C02,31,web,0,1,
                C03,47,email,,1,
                C04,52,app,3.25,1,
                C05,38,email,100,1,
                """, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void jsonHasEveryStatisticWithFullPrecisionAndNulls() throws Exception {
        int code = run(csv().toString(), "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("rows").asInt()).isEqualTo(5);
        assertThat(root.get("rows_kept").asInt()).isEqualTo(5);
        assertThat(root.get("filter").isArray()).isTrue();
        JsonNode cols = root.get("columns");
        assertThat(cols.size()).isEqualTo(6);
        List<String> keys = new ArrayList<>();
        cols.get(0).propertyNames().forEach(keys::add);
        assertThat(keys).containsExactly("name", "type", "count", "missing", "distinct", "mean", "std", "min", "p5", "p25",
                "median", "p75", "p95", "max", "skewness", "zeros", "top_values", "flags");
        JsonNode spend = byName(cols, "spend");
        // /usr/bin/python3, pandas 1.5.3: s = pd.Series([10.5, 0, 3.25, 100]); s.mean() 28.4375, s.std() 47.90980023265943,
        // s.skew() 1.950460913106319; np.percentile(s, [5, 95]) = 0.48750000000000004, 86.57499999999996
        assertThat(spend.get("count").asInt()).isEqualTo(4);
        assertThat(spend.get("missing").asInt()).isEqualTo(1);
        assertThat(spend.get("mean").asDouble()).isEqualTo(28.4375);
        assertThat(spend.get("std").asDouble()).isCloseTo(47.90980023265943, within(1e-12));
        assertThat(spend.get("skewness").asDouble()).isCloseTo(1.950460913106319, within(1e-12));
        assertThat(spend.get("p95").asDouble()).isEqualTo(86.57499999999996);
        assertThat(spend.get("p5").asDouble()).isEqualTo(0.48750000000000004);
        assertThat(spend.get("zeros").asDouble()).isEqualTo(0.25);
        assertThat(spend.get("top_values").size()).isZero();
        JsonNode constant = byName(cols, "constant");
        assertThat(constant.get("skewness").isNull()).isTrue();
        assertThat(constant.get("flags").get(0).asString()).isEqualTo("constant");
        JsonNode empty = byName(cols, "empty");
        assertThat(empty.get("count").asInt()).isZero();
        assertThat(empty.get("mean").isNull()).isTrue();
        assertThat(empty.get("std").isNull()).isTrue();
        JsonNode channel = byName(cols, "channel");
        assertThat(channel.get("mean").isNull()).isTrue();
        JsonNode top = channel.get("top_values").get(0);
        assertThat(top.get("value").asString()).isEqualTo("email");
        assertThat(top.get("count").asInt()).isEqualTo(3);
        assertThat(top.get("share").asDouble()).isEqualTo(0.6);
        assertThat(out.toString()).doesNotContain("NaN");
    }

    private static JsonNode byName(JsonNode cols, String name) {
        for (JsonNode c : cols) if (c.get("name").asString().equals(name)) return c;
        throw new AssertionError("no column " + name);
    }

    @Test
    void filterAndTextTable() throws Exception {
        int code = run(csv().toString(), "--filter", "age>=31", "--filter", "channel in email,web");
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("kept by the filter: 3").contains("Filter    age >= 31 AND channel in email,web");
        List<String> lines = text.lines().toList();
        String header = lines.stream().filter(l -> l.startsWith("name ")).findFirst().orElseThrow();
        assertThat(header).contains("count").contains("missing").contains("distinct").contains("p95").contains("skew");
        String age = lines.stream().filter(l -> l.startsWith("age ")).findFirst().orElseThrow();
        // the table is aligned: the "count" column ends at the same place on every row
        assertThat(age.indexOf(" 3 ") + 2).isEqualTo(header.indexOf("count") + "count".length());
        assertThat(text).contains("channel: email 66.7% (2), web 33.3% (1)");
    }

    @Test
    void jsonFilterIsEchoedAndRowsCounted() throws Exception {
        assertThat(run(csv().toString(), "--json", "--filter", "spend is missing")).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("rows_kept").asInt()).isEqualTo(1);
        assertThat(root.get("filter").get(0).asString()).isEqualTo("spend is missing");
    }

    @Test
    void projectDatasetWithTargetFlagsLeakage() throws Exception {
        int n = 200;
        long[] y = new long[n];
        double[] leak = new double[n], noise = new double[n];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(3) == 0 ? 1 : 0;
            leak[i] = y[i] * 100 + rnd.nextInt(30);
            noise[i] = rnd.nextInt(100);
        }
        Dataset ds = new Dataset("calls", List.of(new LongColumn("converted", y, null), new DoubleColumn("duration", leak, null),
                new DoubleColumn("noise", noise, new BitSet()), StringColumn.of("k", true, new String[n])));
        Path p = dir.resolve("p.segmenta");
        ProjectStore.save(Project.empty().withDataset(new DatasetEntry(ds, "import", null, List.of(), null, Instant.now(), null)),
                p, TaskContext.NONE);
        int code = run("--project", p.toString(), "--dataset", "calls", "--target", "converted", "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode cols = new ObjectMapper().readTree(out.toString()).get("columns");
        assertThat(byName(cols, "duration").get("flags").toString()).contains("leakage");
        assertThat(byName(cols, "noise").get("flags").toString()).doesNotContain("leakage");
        assertThat(byName(cols, "k").get("flags").toString()).contains("constant").contains("mostly_missing");
    }

    @Test
    void rowsTheReaderRejectedAreNotedNotLostSilently() throws Exception {
        // regression: profile (like elbow and segment) reported 4 rows with nothing on stderr
        Path f = dir.resolve("ragged.csv");
        Files.writeString(f, "id,age\nC1,30\nC2,40,extra\nC3,50\nC4,60\nC5,70\n", StandardCharsets.UTF_8);
        assertThat(run(f.toString(), "--json")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"rows\" : 4");
        assertThat(err.toString()).contains("segmenta: note: ").contains("ragged.csv").contains("line 3");
    }

    /** Regression: the text table rounded every number to six significant digits, ids included (15565773 → 15565800). */
    @Test
    void textNumbersKeepEveryDigitBeforeThePoint() {
        assertThat(ProfileCommand.num(15565773.0)).isEqualTo("15565773");
        assertThat(ProfileCommand.num(15690940.5692)).isEqualTo("15690940.6");
        assertThat(ProfileCommand.num(-3.0)).isEqualTo("-3");
        assertThat(ProfileCommand.num(651.4213)).isEqualTo("651.421");
        assertThat(ProfileCommand.num(0.000123456789)).isEqualTo("0.000123457");
        assertThat(ProfileCommand.num(2.5e13)).isEqualTo("25000000000000");
        assertThat(ProfileCommand.num(2.5e16)).isEqualTo("2.50000e+16");
        assertThat(ProfileCommand.num(5487340000123.25)).as("a 13-digit mean").isEqualTo("5487340000123.2");
    }

    @Test
    void exitCodes() throws Exception {
        assertThat(run()).isEqualTo(SegmentaCli.EXIT_USAGE);
        assertThat(err.toString()).contains("Give a CSV file, or --project with --dataset.");
        assertThat(run("--project", dir.resolve("x.segmenta").toString())).isEqualTo(SegmentaCli.EXIT_USAGE);
        assertThat(run(csv().toString(), "--filter", "nope>1")).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("There is no column \"nope\"");
        assertThat(run(csv().toString(), "--filter", "age 30")).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(run(csv().toString(), "--target", "channel")).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        Path empty = dir.resolve("empty_target.csv");
        java.nio.file.Files.writeString(empty, "a,churn\n1,\n2,\n3,\n");
        assertThat(run(empty.toString(), "--target", "churn")).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("is empty in every row");
        assertThat(run(dir.resolve("missing.csv").toString())).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).doesNotContain("Exception");
    }
}
