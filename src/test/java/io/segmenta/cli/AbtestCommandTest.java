package io.segmenta.cli;

import io.segmenta.core.util.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AbtestCommandTest {
    @TempDir
    Path dir;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return SegmentaCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    /**
     * Hillstrom-shaped results: 1000 customers per arm; conversions A 120, B 150, C 95, control 80; visits
     * A 300, B 280, C 250, control 200; spend 25.0 per conversion.
     */
    private Path results() throws IOException {
        StringBuilder sb = new StringBuilder("customer,segment,visit,conversion,spend\n");
        String[] arms = {"A", "B", "C", "No E-Mail"};
        int[] conv = {120, 150, 95, 80};
        int[] visits = {300, 280, 250, 200};
        int id = 0;
        for (int a = 0; a < arms.length; a++) {
            for (int i = 0; i < 1000; i++) {
                boolean c = i < conv[a];
                sb.append("U").append(++id).append(',').append(arms[a]).append(',').append(i < visits[a] ? 1 : 0).append(',')
                        .append(c ? 1 : 0).append(',').append(c ? "25.0" : "0").append('\n');
            }
        }
        Path f = dir.resolve("results.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void jsonFiguresMatchStatsmodels() throws IOException {
        int code = run("abtest", results().toString(), "--arm", "segment", "--visit", "visit", "--conversion", "conversion",
                "--spend", "spend", "--control", "No E-Mail", "--cost-per-send", "0.5", "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        JsonNode a = j.path("arms").get(0);
        assertThat(a.path("arm").stringValue()).isEqualTo("A");
        assertThat(a.path("click_rate").doubleValue()).isEqualTo(0.3);
        assertThat(a.path("conversion_rate").doubleValue()).isEqualTo(0.12);
        assertThat(a.path("revenue_per_send").doubleValue()).isEqualTo(3.0);
        assertThat(a.path("roi").doubleValue()).isCloseTo((3000 - 500) / 500.0, within(1e-12));
        assertThat(a.path("incremental_revenue_per_send").doubleValue()).isCloseTo(3.0 - 2.0, within(1e-12));
        JsonNode control = j.path("arms").get(3);
        assertThat(control.path("arm").stringValue()).isEqualTo("No E-Mail");
        assertThat(control.path("cost").doubleValue()).isZero();
        assertThat(control.path("roi").isNull()).isTrue();
        JsonNode conv = null;
        for (JsonNode m : j.path("metrics")) if (m.path("metric").stringValue().equals("conversion")) conv = m;
        assertThat(conv).isNotNull();
        // statsmodels proportions_ztest([120, 80], [1000, 1000]) and multipletests(method='holm'), see StatisticsTest
        JsonNode first = conv.path("comparisons").get(0);
        assertThat(first.path("arm").stringValue() + "/" + first.path("versus").stringValue()).isEqualTo("A/No E-Mail");
        assertThat(first.path("z").doubleValue()).isCloseTo(2.9814239699997187, within(1e-12));
        assertThat(first.path("p_value").doubleValue()).isCloseTo(0.0028691127920766196, within(1e-14));
        assertThat(first.path("p_holm").doubleValue()).isCloseTo(0.011476451168306478, within(1e-12));
        // proportion_confint(120, 1000, method='wilson')
        assertThat(conv.path("rates").get(0).path("wilson").path("low").doubleValue()).isCloseTo(0.10129926060130912, within(1e-12));
        assertThat(conv.path("bayes").get(1).path("probability_best").doubleValue()).isCloseTo(0.9750225327342711, within(1e-7));
        assertThat(j.path("recommendation").path("decision").stringValue()).isEqualTo("declare_winner");
        assertThat(j.path("recommendation").path("leader").stringValue()).isEqualTo("B");
        // …whose lead over A the Holm-adjusted z test does not call significant (0.149)
        assertThat(j.path("recommendation").path("lead_significant").booleanValue()).isFalse();
        assertThat(j.path("recommendation").path("next_wave").path("per_arm").longValue()).isPositive();
    }

    @Test
    void textJoinedToAnExportedListAndAggregated() throws IOException {
        Path customers = CampaignCommandTest.customers(dir);
        Path list = dir.resolve("list.csv");
        assertThat(run("campaign", customers.toString(), "--segments", "segment", "--id", "customer_id", "--size", "300",
                "--creatives", "2", "--holdout", "60", "--seed", "3", "--out", list.toString())).as(err.toString()).isZero();
        List<String> rows = Files.readAllLines(list);
        StringBuilder res = new StringBuilder("customer_id,converted,revenue\n");
        for (int i = 1; i < rows.size(); i += 2) {
            String id = rows.get(i).substring(0, rows.get(i).indexOf(','));
            res.append(id).append(',').append(i % 3 == 0 ? "yes" : "no").append(',').append(i % 3 == 0 ? "10" : "0").append('\n');
        }
        Path r = dir.resolve("res.csv");
        Files.writeString(r, res.toString());
        int code = run("abtest", r.toString(), "--list", list.toString(), "--id", "customer_id", "--conversion", "converted",
                "--revenue", "revenue");
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("Joined    300 listed customers, 150 with results").contains("holdout")
                .contains("Per segment x arm").contains("Recommendation (");

        Path agg = dir.resolve("agg.csv");
        Files.writeString(agg, "creative,sends,delivered,opens,clicks,orders,revenue\nA,1000,980,300,60,12,600\nB,1000,970,310,80,25,1250\n");
        code = run("abtest", agg.toString(), "--aggregated", "--arm", "creative", "--sends", "sends", "--delivered", "delivered",
                "--opened", "opens", "--clicked", "clicks", "--converted", "orders", "--revenue", "revenue", "--cost-per-send", "0.2");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("98.000%").contains("30.612%").contains("2.500%").contains("1,250.000");
    }

    @Test
    void errorsExitTwoOrThree() throws IOException {
        Path f = results();
        assertThat(run("abtest", f.toString())).isEqualTo(2);
        assertThat(run("abtest", f.toString(), "--arm", "segment", "--conversion", "conversion", "--control", "Nobody")).isEqualTo(3);
        assertThat(err.toString()).contains("Nobody").contains("No E-Mail");
        assertThat(run("abtest", f.toString(), "--arm", "nope", "--conversion", "conversion")).isEqualTo(3);
    }

    @Test
    void textOutputIsInSpanishWithSpanishNumbers() throws IOException {
        Path agg = dir.resolve("agg.csv");
        Files.writeString(agg, "creative,sends,delivered,opens,clicks,orders,revenue\nA,1000,980,300,60,12,600\nB,1000,970,310,80,25,1250\n");
        Locale saved = I18n.locale();
        int code;
        try {
            I18n.setLocale(Locale.of("es"));
            code = run("abtest", agg.toString(), "--aggregated", "--arm", "creative", "--sends", "sends", "--delivered", "delivered",
                    "--opened", "opens", "--clicked", "clicks", "--converted", "orders", "--revenue", "revenue", "--cost-per-send", "0.2");
        } finally {
            I18n.setLocale(saved);
        }
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("Por variante").contains("variante").contains("envíos").contains("ingresos")
                .contains("por envío (IC de Wilson al 95%)").contains("comparación").contains("frente a").contains("Recomendación (");
        assertThat(text).contains("98,000%").contains("30,612%").contains("2,500%").contains("1.250,000");
        assertThat(text).doesNotContain("Per arm").doesNotContain("Recommendation").doesNotContain("1,250.000");
    }
    // ---- hostile input ----

    /** Per-customer results: {@code n} rows, arm A/B alternating, converted every 3rd, spend 10 when converted. */
    private static StringBuilder perCustomer(int n) {
        StringBuilder sb = new StringBuilder("customer_id,arm,converted,spend\n");
        for (int i = 0; i < n; i++) {
            boolean c = i % 3 == 0;
            sb.append("C").append(i).append(',').append(i % 2 == 0 ? "A" : "B").append(',').append(c ? 1 : 0).append(',')
                    .append(c ? "10.5" : "0").append('\n');
        }
        return sb;
    }

    /** {@link #perCustomer} with the cell of {@code column} (2 = converted, 3 = spend) on file line {@code line} replaced. */
    private Path withBadCell(String name, int line, int column, String value) throws IOException {
        List<String> lines = new java.util.ArrayList<>(perCustomer(300).toString().lines().toList());
        String[] f = lines.get(line - 1).split(",", -1);
        f[column] = value;
        lines.set(line - 1, String.join(",", f));
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    @Test
    void anArmColumnWithThousandsOfValuesIsRejectedQuickly() throws IOException {
        StringBuilder sb = new StringBuilder("customer_id,arm,converted\n");
        for (int i = 0; i < 5000; i++) sb.append("C").append(i).append(",arm").append(i).append(',').append(i % 2).append('\n');
        Path f = dir.resolve("ab_manyarms.csv");
        Files.writeString(f, sb.toString());
        int code = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> run("abtest", "--arm", "arm", "--converted", "converted", f.toString()));
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("Column arm has 5,000 different values").contains("creatives or variants")
                .contains("\"arm0\", \"arm1\", \"arm2\"").contains("--arm").doesNotContain("internal error");
    }

    @Test
    void duplicateResultRowsOfAListedCustomerAreAnError() throws IOException {
        Path customers = CampaignCommandTest.customers(dir);
        Path list = dir.resolve("list.csv");
        assertThat(run("campaign", customers.toString(), "--segments", "segment", "--id", "customer_id", "--size", "300",
                "--creatives", "2", "--holdout", "60", "--seed", "3", "--out", list.toString())).as(err.toString()).isZero();
        List<String> rows = Files.readAllLines(list);
        StringBuilder res = new StringBuilder("customer_id,converted\n");
        for (int i = 1; i < rows.size(); i++) {
            String id = rows.get(i).substring(0, rows.get(i).indexOf(','));
            res.append(id).append(",1\n").append(id).append(",0\n");
        }
        Path r = dir.resolve("dup.csv");
        Files.writeString(r, res.toString());
        String first = rows.get(1).substring(0, rows.get(1).indexOf(','));
        int code = run("abtest", r.toString(), "--list", list.toString(), "--id", "customer_id", "--conversion", "converted");
        assertThat(code).as(out.toString()).isEqualTo(3);
        assertThat(err.toString()).contains(first).contains("line 2 of dup.csv").contains("line 3 of dup.csv")
                .doesNotContain("internal error");
    }

    @Test
    void rowsWithoutAnArmAreLeftOutWithANote() throws IOException {
        StringBuilder sb = new StringBuilder("customer_id,arm,converted\n");
        for (int i = 0; i < 300; i++) {
            String arm = i % 3 == 0 ? "A" : i % 3 == 1 ? "B" : "";
            sb.append("C").append(i).append(',').append(arm).append(',').append(i % 5 == 0 ? 1 : 0).append('\n');
        }
        Path f = dir.resolve("noarm.csv");
        Files.writeString(f, sb.toString());
        assertThat(run("abtest", f.toString(), "--arm", "arm", "--converted", "converted")).as(err.toString()).isZero();
        assertThat(err.toString()).contains("segmenta: note: ").contains("100 rows").contains("line 4 of noarm.csv").contains("arm");
        assertThat(run("abtest", f.toString(), "--arm", "arm", "--converted", "converted", "--json")).as(err.toString()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.path("notes").toString()).contains("100 rows").contains("line 4 of noarm.csv");
    }

    @Test
    void outcomesThatAreNotYesNoAndAmountsThatAreNotAmountsAreErrors() throws IOException {
        String[][] cases = {
                {"maybe.csv", "8", "2", "maybe", "converted"},
                {"minus.csv", "9", "2", "-1", "converted"},
                {"half.csv", "10", "2", "0.5", "converted"},
                {"two.csv", "11", "2", "2", "converted"},
                {"lots.csv", "12", "3", "lots", "spend"},
                {"huge.csv", "13", "3", "1e400", "spend"},
                {"neg.csv", "14", "3", "-3", "spend"},
        };
        for (String[] c : cases) {
            Path f = withBadCell(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]), c[3]);
            int code = run("abtest", f.toString(), "--arm", "arm", "--converted", "converted", "--spend", "spend");
            assertThat(code).as(c[0] + ": " + out + err).isEqualTo(3);
            assertThat(err.toString()).as(c[0]).contains("line " + c[1] + " of " + c[0]).contains(c[4]).contains("\"" + c[3] + "\"")
                    .doesNotContain("internal error");
        }
        // text yes/no columns: an unknown word is an error too
        Path text = dir.resolve("words.csv");
        Files.writeString(text, "customer_id,arm,converted\nC1,A,yes\nC2,B,no\nC3,A,maybe\nC4,B,yes\n");
        assertThat(run("abtest", text.toString(), "--arm", "arm", "--converted", "converted")).isEqualTo(3);
        assertThat(err.toString()).contains("line 4 of words.csv").contains("\"maybe\"").contains("converted");
        // the good file still works
        Path good = dir.resolve("good.csv");
        Files.writeString(good, perCustomer(300).toString());
        assertThat(run("abtest", good.toString(), "--arm", "arm", "--converted", "converted", "--spend", "spend"))
                .as(err.toString()).isZero();
    }

    @Test
    void aNegativeAggregatedSpendNamesTheFileLineColumnAndValue() throws IOException {
        Path f = dir.resolve("agg_negspend.csv");
        Files.writeString(f, "creative,sends,converted,spend\nA,100,5,0\nB,100,7,-5\n");
        int code = run("abtest", "--aggregated", "--arm", "creative", "--sends", "sends", "--converted", "converted", "--spend", "spend",
                f.toString());
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("line 3 of agg_negspend.csv").contains("spend").contains("-5").doesNotContain("count");
        Files.writeString(f, "creative,sends,converted\nA,100,5\nB,100,-7\n");
        assertThat(run("abtest", "--aggregated", "--arm", "creative", "--sends", "sends", "--converted", "converted", f.toString()))
                .isEqualTo(3);
        assertThat(err.toString()).contains("line 3 of agg_negspend.csv").contains("converted").contains("-7");
    }

    @Test
    void resultRowsTheReaderRejectsAreAnError() throws IOException {
        StringBuilder sb = perCustomer(300);
        List<String> lines = new java.util.ArrayList<>(sb.toString().lines().toList());
        for (int i = 10; i < lines.size(); i += 100) lines.set(i, lines.get(i) + ",extra");
        Path f = dir.resolve("ragged.csv");
        Files.writeString(f, String.join("\n", lines) + "\n");
        int code = run("abtest", f.toString(), "--arm", "arm", "--converted", "converted");
        assertThat(code).as(out.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("3 rows of ragged.csv").contains("line 11").doesNotContain("internal error");
    }
}
