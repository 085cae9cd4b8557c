package io.segmenta.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreCommandTest {
    @TempDir
    Path dir;

    @Test
    void scoresACsvAndWritesTiersAndActions() throws IOException {
        Path csv = TrainCommandTest.churnCsv(dir, 600, 4);
        Path model = dir.resolve("churn.segmodel");
        assertThat(TrainCommandTest.run("train", csv.toString(), "--target", "churn", "--algorithm", "logistic",
                "--model-out", model.toString()).code()).isZero();
        // new customers: columns in another order, an extra column, an unseen plan, a missing fee
        Path fresh = dir.resolve("fresh.csv");
        Files.writeString(fresh, "plan,note,tenure,fee\nbasic,x,1,99\npremium,y,30,\npro,z,59,20\n");
        Path out = dir.resolve("scored.csv");
        TrainCommandTest.Run r = TrainCommandTest.run("score", fresh.toString(), "--model", model.toString(),
                "--out", out.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("rows").asInt()).isEqualTo(3);
        assertThat(n.get("use").asString()).isEqualTo("churn");
        assertThat(n.get("columns").toString()).contains("churn_score", "churn_decile", "churn_tier", "churn_action");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("plan,note,tenure,fee,churn_score,churn_decile,churn_tier,churn_action");
        assertThat(lines).hasSize(4);
        double first = Double.parseDouble(lines.get(1).split(",")[4]);
        double last = Double.parseDouble(lines.get(3).split(",")[4]);
        assertThat(first).isGreaterThan(last); // short tenure, high fee, basic plan: higher churn risk
        assertThat(lines.get(1)).contains(",1,"); // decile 1
        int tiers = 0;
        for (JsonNode t : n.get("tiers")) tiers += t.get("rows").asInt();
        assertThat(tiers).isEqualTo(3);
        assertThat(n.get("tiers").get(0).get("action").asString()).isEqualTo("Immediate intervention");
    }

    @Test
    void missingColumnsAndBadModelsAreInputErrors() throws IOException {
        Path csv = TrainCommandTest.churnCsv(dir, 300, 5);
        Path model = dir.resolve("m.segmodel");
        assertThat(TrainCommandTest.run("train", csv.toString(), "--target", "churn", "--algorithm", "logistic",
                "--model-out", model.toString()).code()).isZero();
        Path lacking = dir.resolve("lacking.csv");
        Files.writeString(lacking, "tenure\n3\n");
        TrainCommandTest.Run r = TrainCommandTest.run("score", lacking.toString(), "--model", model.toString(), "--out",
                dir.resolve("o.csv").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("fee").contains("plan");
        assertThat(Files.exists(dir.resolve("o.csv"))).isFalse();
        TrainCommandTest.Run bad = TrainCommandTest.run("score", csv.toString(), "--model", csv.toString(), "--out",
                dir.resolve("o.csv").toString());
        assertThat(bad.code()).isEqualTo(3);
        assertThat(bad.err()).contains("not a Segmenta model");
        TrainCommandTest.Run cut = TrainCommandTest.run("score", csv.toString(), "--model", model.toString(), "--out",
                dir.resolve("o.csv").toString(), "--cutoffs", "0.2,0.5,0.9");
        assertThat(cut.code()).isEqualTo(3);
    }
}
