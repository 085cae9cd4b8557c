package io.segmenta.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The A/B analysis reproduces the reference figures of Hillstrom's e-mail test (computed from the file):
 * visit rate 10.62 % / 18.28 % / 15.14 %, conversion 0.573 % / 1.253 % / 0.884 %, spend per customer $0.653 /
 * $1.423 / $1.077 for no e-mail / mens / womens. The data ship gzip-compressed in src/test/resources/hillstrom.
 */
class HillstromReferenceTest {
    @TempDir
    Path dir;

    @Test
    void abtestReproducesThePublishedRatesPerArm() throws Exception {
        Path csv = dir.resolve("hillstrom_email_2008.csv");
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/hillstrom/hillstrom_email_2008.csv.gz"))) {
            Files.copy(in, csv);
        }
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = SegmentaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(
                "abtest", csv.toString(), "--arm", "segment", "--visit", "visit", "--conversion", "conversion",
                "--spend", "spend", "--control", "No E-Mail", "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode root = Json.MAPPER.readTree(out.toString());
        Map<String, JsonNode> arms = new HashMap<>();
        for (JsonNode a : root.get("arms")) arms.put(a.get("arm").asString(), a);
        assertThat(arms.keySet()).containsExactlyInAnyOrder("No E-Mail", "Mens E-Mail", "Womens E-Mail");
        check(arms.get("No E-Mail"), 21_306, 0.1062, 0.00573, 0.653);
        check(arms.get("Mens E-Mail"), 21_307, 0.1828, 0.01253, 1.423);
        check(arms.get("Womens E-Mail"), 21_387, 0.1514, 0.00884, 1.077);
    }

    private static void check(JsonNode arm, int sends, double visit, double conversion, double spendPerCustomer) {
        assertThat(arm.get("sends").asInt()).isEqualTo(sends);
        assertThat(arm.get("click_rate").asDouble()).isCloseTo(visit, within(0.00005));       // 4 decimals as published
        assertThat(arm.get("conversion_rate").asDouble()).isCloseTo(conversion, within(0.000005)); // 3 decimals of a percent
        assertThat(arm.get("revenue_per_send").asDouble()).isCloseTo(spendPerCustomer, within(0.0005));
    }
}
