package io.segmenta.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TrainCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = SegmentaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A seeded churn CSV: churn depends on tenure, monthly fee and plan. */
    static Path churnCsv(Path dir, int rows, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("customer_id,tenure,fee,plan,churn\n");
        String[] plans = {"basic", "plus", "pro"};
        for (int i = 0; i < rows; i++) {
            int tenure = r.nextInt(60);
            double fee = 20 + r.nextInt(80);
            String plan = plans[r.nextInt(3)];
            double logit = -0.08 * tenure + 0.03 * fee + (plan.equals("basic") ? 0.8 : 0) - 1;
            boolean churn = r.nextDouble() < 1 / (1 + Math.exp(-logit));
            sb.append(String.format(Locale.ROOT, "C%05d,%d,%.1f,%s,%s%n", i, tenure, fee, plan, churn ? 1 : 0));
        }
        Path p = dir.resolve("churn.csv");
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void jsonMetricsAndFiles() throws IOException {
        Path csv = churnCsv(dir, 800, 1);
        Path model = dir.resolve("m.segmodel"), metrics = dir.resolve("metrics.csv"), png = dir.resolve("history.png");
        Run r = run("train", csv.toString(), "--target", "churn", "--positive", "1", "--algorithm", "gbm", "--trees", "40",
                "--model-out", model.toString(), "--metrics-out", metrics.toString(), "--history-out", png.toString(),
                "--epochs", "5", "--device", "cpu", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("task").asString()).isEqualTo("classification");
        assertThat(n.get("positive").asString()).isEqualTo("1");
        JsonNode m = n.get("metrics");
        for (String k : List.of("roc_auc", "pr_auc", "log_loss", "brier", "accuracy", "precision", "recall", "f1")) {
            assertThat(m.has(k)).as(k).isTrue();
        }
        assertThat(m.get("roc_auc").asDouble()).isGreaterThan(0.7);
        assertThat(n.get("test_rows").asInt()).isEqualTo(160);
        assertThat(n.get("features").toString()).doesNotContain("customer_id");
        assertThat(n.get("notes").toString()).contains("--epochs");
        assertThat(Files.size(model)).isGreaterThan(1000);
        List<String> lines = Files.readAllLines(metrics);
        assertThat(lines.get(0)).isEqualTo("metric,class,value");
        assertThat(lines).anyMatch(l -> l.startsWith("precision,0,")).anyMatch(l -> l.startsWith("recall,1,"))
                .anyMatch(l -> l.startsWith("f1,1,")).anyMatch(l -> l.startsWith("support,1,"));
        String auc = lines.stream().filter(l -> l.startsWith("roc_auc,")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(auc.split(",")[2])).isCloseTo(m.get("roc_auc").asDouble(), org.assertj.core.api.Assertions.within(1e-6));
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    }

    @Test
    void mlpTrainsWritesTheModelAndHistoryAndScores() throws IOException {
        Path csv = churnCsv(dir, 800, 1);
        Path model = dir.resolve("mlp.segmodel"), png = dir.resolve("mlp.png"), scored = dir.resolve("scored.csv");
        Run r = run("train", csv.toString(), "--target", "churn", "--positive", "1", "--algorithm", "mlp",
                "--epochs", "8", "--batch-size", "32", "--lr", "1e-2", "--layers", "1", "--units", "16", "--device", "gpu",
                "--model-out", model.toString(), "--history-out", png.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("algorithm").asString()).isEqualTo("mlp");
        assertThat(n.get("metrics").get("roc_auc").asDouble()).isGreaterThan(0.7);
        JsonNode d = n.get("device");
        assertThat(d.get("requested").asString()).isEqualTo("gpu");
        assertThat(n.get("notes").toString()).doesNotContain("ignored").contains(d.get("message").asString());
        if (d.get("detected_gpus").asInt() == 0) { // this machine: CPU natives, the GPU request falls back
            assertThat(d.get("used").asString()).isEqualTo("cpu");
            assertThat(d.get("fell_back").asBoolean()).isTrue();
        }
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        Run s = run("score", csv.toString(), "--model", model.toString(), "--out", scored.toString(), "--json");
        assertThat(s.code()).as(s.err()).isZero();
        List<String> lines = Files.readAllLines(scored);
        assertThat(lines).hasSize(801);
        assertThat(lines.get(0)).endsWith("churn_score,churn_decile,churn_tier,churn_action");
        double score = Double.parseDouble(lines.get(1).split(",")[5]);
        assertThat(score).isBetween(0.0, 1.0);

        Run ens = run("train", csv.toString(), "--target", "churn", "--positive", "1", "--algorithm", "ensemble",
                "--members", "logistic,mlp", "--epochs", "3", "--units", "8", "--json");
        assertThat(ens.code()).as(ens.err()).isZero();
        assertThat(Json.MAPPER.readTree(ens.out()).get("leaderboard").toString()).contains("\"mlp\"", "\"logistic\"", "\"ensemble\"");
    }

    @Test
    void textOutputRegressionAndEnsemble() throws IOException {
        Path csv = churnCsv(dir, 500, 2);
        Run r = run("train", csv.toString(), "--target", "fee", "--algorithm", "ensemble", "--trees", "20", "--exclude", "churn");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("regression").contains("ridge").contains("random-forest").contains("ensemble").contains("rmse");
        Run j = run("train", csv.toString(), "--target", "fee", "--algorithm", "linear", "--json");
        JsonNode m = Json.MAPPER.readTree(j.out()).get("metrics");
        assertThat(m.has("mae")).isTrue();
        assertThat(m.has("rmse")).isTrue();
        assertThat(m.has("r2")).isTrue();
    }

    @Test
    void usageAndInputErrors() throws IOException {
        Path csv = churnCsv(dir, 200, 3);
        assertThat(run("train", csv.toString(), "--target", "churn", "--algorithm", "mlp", "--device", "tpu").code()).isEqualTo(2);
        assertThat(run("train", csv.toString(), "--target", "churn", "--algorithm", "mlp", "--dropout", "0.95").code()).isEqualTo(2);
        assertThat(run("train", csv.toString(), "--target", "churn", "--members", "gbm,mlp").code()).isEqualTo(2);
        assertThat(run("train", csv.toString(), "--target", "churn", "--algorithm", "ensemble", "--members", "gbm,svm").code()).isEqualTo(2);
        assertThat(run("train", csv.toString(), "--target", "churn", "--device", "tpu").code()).isEqualTo(2);
        assertThat(run("train", csv.toString(), "--target", "churn", "--epochs", "0").code()).isEqualTo(2);
        assertThat(run("train", "--target", "churn").code()).isEqualTo(2);
        Run missing = run("train", csv.toString(), "--target", "nope");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).contains("nope").doesNotContain("Exception");
        Run logisticRegression = run("train", csv.toString(), "--target", "fee", "--task", "regression", "--algorithm", "logistic");
        assertThat(logisticRegression.code()).isEqualTo(3);
        assertThat(run("train", csv.toString(), "--target", "churn", "--test-size", "0.9").code()).isEqualTo(3);
    }
}
