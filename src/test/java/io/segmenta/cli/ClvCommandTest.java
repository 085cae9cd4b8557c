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
    void aHorizonInWeeksReproducesThePublishedConditionalExpectation() throws Exception {
        // Fader, Hardie & Lee (2005): x = 2, t_x = 30.43, T = 38.86 (customer 0001) expects 1.226 purchases in 39 weeks
        Path csv = dir.resolve("clv39.csv");
        Path log = cdnow();
        assertThat(run(log.toString(), "--customer", "column_2", "--date", "column_3", "--amount", "column_5",
                "--calibration-end", "1997-09-30", "--horizon-weeks", "39", "--out", csv.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        String[] first = lines.get(1).split(",");
        assertThat(first[header.indexOf("customer")]).isEqualTo("0001");
        assertThat(Double.parseDouble(first[header.indexOf("expected_purchases")])).isCloseTo(1.226, within(0.0005));
        assertThat(out.toString()).contains("39 weeks at");
        assertThat(run(log.toString(), "--customer", "column_2", "--date", "column_3", "--calibration-end", "1997-09-30",
                "--horizon-weeks", "39", "--horizon-months", "9", "--out", csv.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Give the horizon once");
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

    /** A transaction log: {@code customers} customers with 1–6 purchases in 2023–2024 and amounts from {@code amount}. */
    private Path log(String name, int customers, java.util.function.IntToDoubleFunction amount) throws Exception {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        StringBuilder sb = new StringBuilder("customer,date,amount\n");
        java.time.LocalDate start = java.time.LocalDate.of(2023, 1, 1);
        int row = 0;
        for (int c = 0; c < customers; c++) {
            int k = 1 + r.nextInt(6);
            for (int j = 0; j < k; j++) {
                sb.append("C").append(c).append(',').append(start.plusDays(r.nextInt(700))).append(',')
                        .append(amount.applyAsDouble(row++)).append('\n');
            }
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void unitPriceTimesQuantityMakesReturnsNegative() throws Exception {
        // an Online Retail-like log: price per unit and a quantity, negative for a returned item
        Path f = log("retail.csv", 150, i -> 1 + i % 5);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.set(0, lines.get(0) + ",qty");
        for (int i = 1; i < lines.size(); i++) lines.set(i, lines.get(i) + "," + (i % 9 == 0 ? -2 : 1 + i % 3));
        Files.write(f, lines);
        assertThat(clv(f, "--quantity", "qty", "--unit-price", "--calibration-end", "2024-06-30", "--json")).as(err.toString()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        long negative = lines.stream().skip(1).filter(l -> l.endsWith(",-2")).count();
        assertThat(negative).isPositive();
        assertThat(j.toString()).contains("\"rows_negative\":" + negative);
        // without the quantity the price cannot be a unit price
        assertThat(clv(f, "--unit-price", "--calibration-end", "2024-06-30")).isEqualTo(2);
        assertThat(err.toString()).contains("quantity");
    }

    private int clv(Path f, String... extra) {
        List<String> args = new ArrayList<>(List.of(f.toString(), "--customer", "customer", "--date", "date", "--amount", "amount",
                "--out", dir.resolve("clv.csv").toString()));
        args.addAll(List.of(extra));
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return run(args.toArray(String[]::new));
    }

    private void assertCleanInputError(int code) {
        assertThat(code).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).startsWith("segmenta: ").doesNotContain("Exception").doesNotContain("internal error");
    }

    @Test
    void unreadableDatesAreCountedWithTheirLine() throws Exception {
        // regression: bad dates were only counted among "rows with a missing customer, date or amount", without a line
        Path f = log("bad.csv", 150, i -> 10 + i % 40);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.set(4, lines.get(4).replaceFirst(",\\d{4}-\\d\\d-\\d\\d,", ",2023-13-45,"));
        lines.set(9, lines.get(9).replaceFirst(",\\d{4}-\\d\\d-\\d\\d,", ",2023-02-30,"));
        Files.write(f, lines);
        assertThat(clv(f, "--calibration-end", "2024-12-31", "--penalty", "0.001")).as(err.toString()).isZero();
        assertThat(err.toString()).contains("Column date: 2 values are not a date").contains("bad.csv line 5: \"2023-13-45\"")
                .contains("2 rows with a missing customer");
        Path numeric = dir.resolve("numeric.csv");
        // a blank line and a rejected one before it: the message names the line to open, not the row
        Files.writeString(numeric, "customer,date,amount\nA,20230105,5\n\nA,20230106\nA,164,6\nB,20230107,7\n");
        assertCleanInputError(clv(numeric, "--calibration-end", "2024-12-31"));
        assertThat(err.toString()).contains("\"164\" in line 5 of numeric.csv");
    }

    @Test
    void logsWithNothingToFitSayWhy() throws Exception {
        // regression: all-negative amounts and a calibration end before the log both said "no customer made a
        // purchase on or before the calibration end"; one customer gave a "NOT converged" fit and exit 0
        assertCleanInputError(clv(log("neg.csv", 80, i -> -5 - i % 10), "--calibration-end", "2024-12-31"));
        assertThat(err.toString()).contains("negative amount").contains("\"amount\"");
        assertCleanInputError(clv(log("early.csv", 80, i -> 5), "--calibration-end", "2020-01-01"));
        assertThat(err.toString()).contains("the first purchase in the log is on 2023-");
        Path one = dir.resolve("one.csv");
        StringBuilder sb = new StringBuilder("customer,date,amount\n");
        for (int j = 0; j < 30; j++) sb.append("C1,").append(java.time.LocalDate.of(2023, 1, 1).plusDays(13L * j)).append(',').append(10 + j).append('\n');
        Files.writeString(one, sb.toString());
        assertCleanInputError(clv(one, "--calibration-end", "2024-12-31"));
        assertThat(err.toString()).contains("only one customer");
        Path noIds = dir.resolve("noids.csv");
        Files.writeString(noIds, "customer,date,amount\n,2023-01-01,5\n,2023-02-01,6\n");
        assertCleanInputError(clv(noIds, "--calibration-end", "2024-12-31"));
        assertThat(err.toString()).contains("None of the 2 rows");
        assertThat(Files.exists(dir.resolve("clv.csv"))).isFalse();
    }

    @Test
    void zeroAmountsStillGiveFrequencyAndAliveness() throws Exception {
        // regression: no repeat purchase with a positive amount stopped the whole run (exit 3) even though the
        // frequency model could be fitted; now a warning says why there is no CLV
        Path f = log("zero.csv", 150, i -> 0);
        assertThat(clv(f, "--calibration-end", "2024-12-31", "--penalty", "0.001")).as(err.toString()).isZero();
        assertThat(err.toString()).contains("Gamma-Gamma spend model cannot be fitted").contains("CLV are not computed");
        String header = Files.readAllLines(dir.resolve("clv.csv")).get(0);
        assertThat(header).contains("p_alive").doesNotContain(",clv");
    }

    @Test
    void unusedTransactionsAndALateCalibrationEndAreWarned() throws Exception {
        // regression: transactions after the calibration end were dropped without a count, and a calibration end
        // years after the data made every customer look inactive without a word
        Path f = log("log.csv", 150, i -> 5 + i % 30);
        assertThat(clv(f, "--calibration-end", "2023-12-31", "--penalty", "0.001", "--json")).as(err.toString()).isZero();
        assertThat(err.toString()).contains("transactions are dated after 2023-12-31 and were not used");
        assertThat(new ObjectMapper().readTree(out.toString()).get("warnings").toString()).contains("dated after 2023-12-31");
        assertThat(clv(f, "--calibration-end", "2030-12-31", "--penalty", "0.001")).as(err.toString()).isZero();
        assertThat(err.toString()).contains("The calibration end 2030-12-31 is").contains("days after the last purchase");
        Path folder = Files.createDirectory(dir.resolve("outdir"));
        List<String> args = List.of(f.toString(), "--customer", "customer", "--date", "date", "--calibration-end", "2024-12-31",
                "--out", folder.toString());
        assertCleanInputError(run(args.toArray(String[]::new)));
        assertThat(err.toString()).contains("--out").contains("is a folder");
    }
}
