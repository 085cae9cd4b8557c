package io.segmenta.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClvCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("clv"));
        all.addAll(List.of(args));
        return SegmentaCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all.toArray(String[]::new));
    }

    private Path cdnow() throws Exception {
        return cdnow(dir);
    }

    /** The shipped CDNOW sample copied into {@code dir}. */
    static Path cdnow(Path dir) throws Exception {
        Path f = dir.resolve("CDNOW_sample.txt");
        try (InputStream in = ClvCommandTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")) {
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    void cdnowJsonHasParametersHoldoutAndGammaGammaAndTheCsvOneRowPerCustomer() throws Exception {
        Path csv = dir.resolve("clv.csv");
        int code = run(cdnow().toString(), "--customer", "column_2", "--date", "column_3", "--amount", "column_5",
                "--calibration-end", "1997-09-30", "--holdout-end", "1998-06-30", "--out", csv.toString(), "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("model").asString()).isEqualTo("bgnbd");
        assertThat(root.get("customers").asInt()).isEqualTo(2357);
        assertThat(root.get("repeat_customers").asInt()).isEqualTo(946);
        assertThat(root.get("converged").asBoolean()).isTrue();
        assertThat(root.get("log_likelihood").asDouble()).isCloseTo(-9582.43, within(0.005));
        JsonNode p = root.get("parameters");
        assertThat(p.get("r").get("value").asDouble()).isCloseTo(0.243, within(0.0005));
        assertThat(p.get("alpha").get("value").asDouble()).isCloseTo(4.414, within(0.0005));
        assertThat(p.get("a").get("value").asDouble()).isCloseTo(0.793, within(0.0005));
        assertThat(p.get("b").get("value").asDouble()).isCloseTo(2.426, within(0.0005));
        assertThat(p.get("r").get("standard_error").asDouble()).isPositive();
        JsonNode h = root.get("holdout");
        for (String k : List.of("mae", "rmse", "baseline_mae", "baseline_rmse")) assertThat(h.get(k).asDouble()).as(k).isPositive();
        assertThat(h.get("mae").asDouble()).isLessThan(h.get("baseline_mae").asDouble());
        JsonNode gg = root.get("gamma_gamma");
        assertThat(gg.get("parameters").get("p").get("value").asDouble()).isCloseTo(6.25, within(0.005));
        assertThat(gg.get("log_likelihood").asDouble()).isCloseTo(-4055.92, within(0.005));
        assertThat(root.get("rfm_segments").size()).isPositive();
        assertThat(err.toString()).contains("zero amount");

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2358);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).contains("customer", "frequency", "recency", "T", "monetary_value", "expected_purchases", "p_alive",
                "expected_spend", "clv", "tier", "holdout_frequency", "rfm_segment");
        String[] first = lines.get(1).split(",");
        assertThat(first[header.indexOf("customer")]).isEqualTo("0001");
        assertThat(first[header.indexOf("frequency")]).isEqualTo("2");
        assertThat(Double.parseDouble(first[header.indexOf("clv")])).isPositive();
        assertThat(String.join("\n", lines)).doesNotContain("NaN");
    }

    @Test
    void paretoWithoutAmountInDaysWritesNoClvColumns() throws Exception {
        Path csv = dir.resolve("p.csv");
        int code = run(cdnow().toString(), "--customer", "column_2", "--date", "column_3", "--calibration-end", "1997-09-30",
                "--model", "paretonbd", "--time-unit", "days", "--out", csv.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Pareto/NBD").contains("converged");
        assertThat(Files.readAllLines(csv).get(0)).doesNotContain("clv").contains("p_alive");
    }

    @Test
    void badInputIsReportedWithoutAStackTrace() throws Exception {
        Path f = cdnow();
        Path csv = dir.resolve("x.csv");
        assertThat(run(f.toString(), "--customer", "nope", "--date", "column_3", "--calibration-end", "1997-09-30",
                "--out", csv.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("nope").contains("column_2").doesNotContain("Exception");
        assertThat(run(f.toString(), "--customer", "column_2", "--date", "column_3", "--calibration-end", "30/09/1997",
                "--out", csv.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("yyyy-mm-dd");
        assertThat(run("--customer", "column_2", "--date", "column_3", "--calibration-end", "1997-09-30", "--out", csv.toString()))
                .isEqualTo(2);
        assertThat(run(f.toString(), "--customer", "column_2", "--date", "column_3", "--calibration-end", "1997-01-02",
                "--out", csv.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("repeat purchase");
        assertThat(run(f.toString(), "--customer", "column_2", "--date", "column_3", "--calibration-end", "1997-09-30",
                "--model", "xyz", "--out", csv.toString())).isEqualTo(2);
        assertThat(Files.exists(csv)).isFalse();
    }
}
