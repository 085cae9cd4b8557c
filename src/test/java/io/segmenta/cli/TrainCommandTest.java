package io.segmenta.cli;

import io.segmenta.core.model.ModelIO;
import io.segmenta.core.project.Artifact;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
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
        // the chart goes into a folder that does not exist yet, as a CSV output may
        Path model = dir.resolve("m.segmodel"), metrics = dir.resolve("metrics.csv"), png = dir.resolve("charts/history.png");
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
    void gradientBoostingStopsEarlyOnTheValidationPartByDefault() throws IOException {
        Path csv = churnCsv(dir, 1500, 5);
        // with the default patience the planted signal is learnt long before 300 stages, and the best stage is kept
        Run byDefault = run("train", csv.toString(), "--target", "churn", "--json");
        assertThat(byDefault.code()).as(byDefault.err()).isZero();
        JsonNode d = Json.MAPPER.readTree(byDefault.out());
        int kept = d.get("boosting_stages").asInt();
        assertThat(kept).isBetween(1, 299);
        Run text = run("train", csv.toString(), "--target", "churn");
        assertThat(text.out()).contains("Early stopping: gbm kept its first " + kept + " stages");

        Run all = run("train", csv.toString(), "--target", "churn", "--early-stopping", "0", "--json");
        assertThat(Json.MAPPER.readTree(all.out()).get("boosting_stages").asInt()).isEqualTo(300);
        Run noValidation = run("train", csv.toString(), "--target", "churn", "--validation-size", "0", "--early-stopping", "10", "--json");
        assertThat(noValidation.code()).as(noValidation.err()).isZero();
        JsonNode nv = Json.MAPPER.readTree(noValidation.out());
        assertThat(nv.get("boosting_stages").asInt()).isEqualTo(300);
        assertThat(nv.get("notes").toString()).contains("--early-stopping needs a validation part");
        Run tiny = run("train", csv.toString(), "--target", "churn", "--validation-size", "0.0001", "--early-stopping", "10", "--json");
        assertThat(Json.MAPPER.readTree(tiny.out()).get("notes").toString()).contains("--early-stopping needs a validation part");

        // an ensemble passes it on to its gradient-boosting member
        Run ensemble = run("train", csv.toString(), "--target", "churn", "--algorithm", "ensemble");
        assertThat(ensemble.out()).contains("Early stopping: gbm kept its first " + kept + " stages");
        Run ensembleAll = run("train", csv.toString(), "--target", "churn", "--algorithm", "ensemble", "--early-stopping", "0");
        assertThat(ensembleAll.code()).as(ensembleAll.err()).isZero();
        assertThat(ensembleAll.out()).doesNotContain("Early stopping");
        assertThat(ensembleAll.err()).doesNotContain("ignored");

        assertThat(run("train", csv.toString(), "--target", "churn", "--early-stopping", "-1").code()).isEqualTo(2);
        Run logistic = run("train", csv.toString(), "--target", "churn", "--algorithm", "logistic", "--early-stopping", "5");
        assertThat(logistic.code()).isZero();
        assertThat(logistic.err()).contains("--early-stopping applies to gradient boosting only; ignored for logistic");
    }

    @Test
    void rowsWithoutATargetAreCountedInTheTextOutput() throws IOException {
        Path csv = churnCsv(dir, 300, 4);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        for (int i : new int[]{5, 9}) lines.set(i, lines.get(i).substring(0, lines.get(i).lastIndexOf(',') + 1)); // blank churn
        Files.write(csv, lines);
        Run r = run("train", csv.toString(), "--target", "churn", "--trees", "10");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Left out 2 rows where churn is missing");
    }

    @Test
    void helpStatesTheDefaultsTheLearnersUse() {
        String help = run("train", "--help").out();
        var gbm = io.segmenta.core.model.HyperParameters.defaults(io.segmenta.core.model.Algorithm.GBM);
        var rf = io.segmenta.core.model.HyperParameters.defaults(io.segmenta.core.model.Algorithm.RANDOM_FOREST);
        assertThat(help.replaceAll("\\s+", " ")).contains("gbm, default " + gbm.trees()).contains("random-forest, default " + rf.trees())
                .contains("gbm default " + gbm.maxDepth() + ", random-forest " + rf.maxDepth())
                .contains("learning rate (default " + gbm.learningRate() + ")").contains("(default " + gbm.earlyStoppingRounds() + ", 0 = off");
    }

    @Test
    void trainingAgainOnAProjectKeepsTheEarlierModel() throws IOException {
        Path csv = churnCsv(dir, 400, 3);
        Path project = dir.resolve("p.segmenta");
        assertThat(run("import", csv.toString(), "--project", project.toString(), "--name", "cust").code()).isZero();
        Run first = run("train", "--project", project.toString(), "--dataset", "cust", "--target", "churn", "--trees", "20");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("as \"churn · gbm\"");
        Run second = run("train", "--project", project.toString(), "--dataset", "cust", "--target", "churn", "--trees", "30",
                "--json");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(Json.MAPPER.readTree(second.out()).get("model_name").asString()).isEqualTo("churn · gbm 2");
        Project p = ProjectStore.open(project);
        List<Artifact> models = p.artifacts().stream().filter(a -> a.kind().equals(ModelIO.ARTIFACT_KIND)).toList();
        assertThat(models).extracting(Artifact::name).containsExactly("churn · gbm", "churn · gbm 2");
        assertThat(ModelIO.fromArtifact(models.get(0)).info().options().hyper().trees()).isEqualTo(20);
        assertThat(ModelIO.fromArtifact(models.get(1)).info().options().hyper().trees()).isEqualTo(30);
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
        assertThat(n.get("epochs_run").asInt()).isBetween(1, 8);
        assertThat(n.get("best_epoch").asInt()).isBetween(1, n.get("epochs_run").asInt());
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
        // option values out of range or in conflict are usage errors (exit 2), like unknown options
        assertThat(logisticRegression.code()).isEqualTo(2);
        assertThat(run("train", csv.toString(), "--target", "churn", "--test-size", "0.9").code()).isEqualTo(2);
        assertThat(run("train", csv.toString(), "--target", "churn", "--trees", "0").code()).isEqualTo(2);
        Run lr = run("train", csv.toString(), "--target", "churn", "--learning-rate", "NaN");
        assertThat(lr.code()).isEqualTo(2);
        assertThat(lr.err()).contains("learning rate").doesNotContain("Exception");
    }

    private Path csv(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** {@code rows} rows of tenure, x (from {@code x}) and a 0/1 churn. */
    private Path withColumn(String name, int rows, java.util.function.IntFunction<String> x) throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder("tenure,x,churn\n");
        for (int i = 0; i < rows; i++) sb.append(r.nextInt(60)).append(',').append(x.apply(i)).append(',').append(r.nextInt(2)).append('\n');
        return csv(name, sb.toString());
    }

    private static void assertCleanInputError(Run r) {
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).startsWith("segmenta: ").doesNotContain("Exception").doesNotContain("internal error");
    }

    @Test
    void aStrayValueThatTurnsA01TargetIntoAnAmountIsExplained() throws IOException {
        // regression: one stray 2 in a 0/1 target said only "The algorithm logistic cannot be used for regression."
        Path stray = withColumn("stray.csv", 200, i -> i == 107 ? "2" : Integer.toString(i % 2));
        Run r = run("train", stray.toString(), "--target", "x", "--algorithm", "logistic");
        assertCleanInputError(r);
        assertThat(r.err()).contains("The target x is almost a yes/no column").contains("--positive 1");
        // the default algorithm too: it used to become a regression with value tiers, silently
        Run gbm = run("train", stray.toString(), "--target", "x");
        assertCleanInputError(gbm);
        assertThat(gbm.err()).contains("1 row holds 2").contains("--task regression");
        Run fixed = run("train", stray.toString(), "--target", "x", "--algorithm", "logistic", "--positive", "1");
        assertThat(fixed.code()).as(fixed.err()).isZero();
    }

    /** Regression: 500 exact copies among 2,000 rows raised the test AUC without a word (customers who look alike are not copies). */
    @Test
    void exactCopiesOfRowsAreCountedAndNoted() throws IOException {
        Path csv = churnCsv(dir, 400, 7);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        Run clean = run("train", csv.toString(), "--target", "churn", "--algorithm", "logistic", "--json");
        assertThat(Json.MAPPER.readTree(clean.out()).get("duplicate_rows").asInt()).isZero();
        // 50 exact copies of records (an export that ran twice)
        for (int i = 1; i <= 50; i++) lines.add(lines.get(i));
        Files.write(csv, lines);
        Run r = run("train", csv.toString(), "--target", "churn", "--algorithm", "logistic", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Json.MAPPER.readTree(r.out()).get("duplicate_rows").asInt()).isEqualTo(50);
        Run text = run("train", csv.toString(), "--target", "churn", "--algorithm", "logistic");
        assertThat(text.err()).contains("rows repeat an earlier row in every column").contains("optimistic");
    }

    /** Regression: --cv with an ensemble printed no cross-validation at all. */
    @Test
    void anEnsembleShowsItsMembersCrossValidation() throws IOException {
        Path csv = churnCsv(dir, 400, 6);
        Run r = run("train", csv.toString(), "--target", "churn", "--algorithm", "ensemble", "--members", "logistic,gbm",
                "--trees", "30", "--cv", "3", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("members_cross_validation")).hasSize(2);
        assertThat(n.get("members_cross_validation").get(0).get("folds").asInt()).isEqualTo(3);
        assertThat(n.get("members_cross_validation").get(1).get("mean").asDouble()).isBetween(0.5, 1.0);
        Run text = run("train", csv.toString(), "--target", "churn", "--algorithm", "ensemble", "--members", "logistic,gbm",
                "--trees", "30", "--cv", "3");
        assertThat(text.out()).contains("Cross-validation of the member logistic (3 folds").contains("member gbm");
    }

    /** Regression: a header naming two columns "Churn" trained on the first one (a gender column) without a word. */
    @Test
    void aTargetNameTheHeaderRepeatsIsRefused() throws IOException {
        StringBuilder sb = new StringBuilder("id,churn,tenure,churn\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            int t = r.nextInt(60);
            sb.append(i).append(',').append(r.nextBoolean() ? "F" : "M").append(',').append(t).append(',').append(t < 20 ? "yes" : "no").append('\n');
        }
        Path f = csv("dup.csv", sb.toString());
        Run bad = run("train", f.toString(), "--target", "churn", "--algorithm", "logistic");
        assertCleanInputError(bad);
        assertThat(bad.err()).contains("names 2 columns churn").contains("\"churn\", \"churn_2\"").contains("--target churn_2");
        Run good = run("train", f.toString(), "--target", "churn_2", "--algorithm", "logistic");
        assertThat(good.code()).as(good.err()).isZero();
    }

    @Test
    void targetsWithoutTwoClassesSayWhatIsWrong() throws IOException {
        // regression: one value, no value and three values all said "has N distinct values; choose the positive class"
        Run one = run("train", csv("one.csv", "a,churn\n1,1\n").toString(), "--target", "churn");
        assertCleanInputError(one);
        assertThat(one.err()).contains("holds 1").contains("nothing to predict");
        StringBuilder constant = new StringBuilder("a,churn\n"), empty = new StringBuilder("a,churn\n"), three = new StringBuilder("a,seg\n");
        for (int i = 0; i < 60; i++) {
            constant.append(i).append(",yes\n");
            empty.append(i).append(",\n");
            three.append(i % 7).append(',').append("abc".charAt(i % 3)).append('\n');
        }
        Run c = run("train", csv("constant.csv", constant.toString()).toString(), "--target", "churn");
        assertCleanInputError(c);
        assertThat(c.err()).contains("holds yes"); // read as a yes/no column, named by the file's own word
        Run e = run("train", csv("empty.csv", empty.toString()).toString(), "--target", "churn");
        assertCleanInputError(e);
        assertThat(e.err()).contains("no values");
        Path multi = csv("three.csv", three.toString());
        Run m = run("train", multi.toString(), "--target", "seg");
        assertCleanInputError(m);
        assertThat(m.err()).contains("3 values (").contains("one class against all the others").contains("--positive a");
        Run ovr = run("train", multi.toString(), "--target", "seg", "--positive", "b", "--algorithm", "logistic", "--json");
        assertThat(ovr.code()).as(ovr.err()).isZero();
        assertThat(Json.MAPPER.readTree(ovr.out()).get("positive").asString()).isEqualTo("b");
        Run absent = run("train", multi.toString(), "--target", "seg", "--positive", "X");
        assertCleanInputError(absent);
        assertThat(absent.err()).contains("no value X").contains("a, b, c");
    }

    @Test
    void hugeFeatureValuesTrainEveryLearnerWithFiniteFigures() throws IOException {
        // regression: 1e308 in a feature gave IllegalStateException "singular system" (logistic, ensemble) and an
        // OutOfMemoryError in the ROC curve (mlp: NaN predictions), and NaN shown as "-" for ridge
        Path big = withColumn("big.csv", 300, i -> i % 5 == 0 ? "1e308" : i % 7 == 0 ? "-1e308" : Integer.toString(i % 13));
        for (String algo : List.of("logistic", "ensemble", "mlp")) {
            Run r = run("train", big.toString(), "--target", "churn", "--algorithm", algo, "--epochs", "2", "--units", "8", "--json");
            assertThat(r.code()).as(algo + ": " + r.err()).isZero();
            JsonNode m = Json.MAPPER.readTree(r.out()).get("metrics");
            assertThat(m.get("roc_auc").isNumber()).as(algo).isTrue();
            assertThat(m.get("log_loss").isNumber()).as(algo).isTrue();
        }
        Run ridge = run("train", big.toString(), "--target", "tenure", "--algorithm", "ridge", "--json");
        assertThat(ridge.code()).as(ridge.err()).isZero();
        assertThat(Json.MAPPER.readTree(ridge.out()).get("metrics").get("rmse").isNumber()).isTrue();
    }

    @Test
    void aHugeRegressionTargetIsAnInputError() throws IOException {
        // regression: ridge and gbm printed "mae -  rmse -  r2 -" (NaN), mlp failed with "target scaling" (exit 1)
        Path big = withColumn("bigtarget.csv", 200, i -> i % 9 == 0 ? "1e308" : Double.toString(i * 1.5));
        for (String algo : List.of("ridge", "mlp")) {
            Run r = run("train", big.toString(), "--target", "x", "--algorithm", algo, "--epochs", "2");
            assertCleanInputError(r);
            assertThat(r.err()).contains("x holds 1.0E308 (line 2 of bigtarget.csv)").contains("too large");
        }
    }

    @Test
    void columnsLeftOutAreListedAndNumbersReadAsTextAreExplained() throws IOException {
        // regression: a numeric column turned text by "Infinity" cells, and an id column, vanished without a word
        Path f = withColumn("inf.csv", 300, i -> i % 10 == 0 ? (i % 20 == 0 ? "Infinity" : "-Infinity") : Double.toString(i / 7.0));
        Run j = run("train", f.toString(), "--target", "churn", "--algorithm", "logistic", "--json");
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(j.out());
        assertThat(n.get("excluded").toString()).contains("\"column\":\"x\"");
        assertThat(n.get("notes").toString()).contains("Column x holds numbers").contains("\\\"Infinity\\\"");
        Path ids = churnCsv(dir, 300, 9);
        Run t = run("train", ids.toString(), "--target", "churn", "--algorithm", "logistic");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("Left out  1: customer_id (looks like an identifier)");
    }

    @Test
    void rowsAndValuesTheReaderDroppedAreNoted() throws IOException {
        // regression: rejected rows and unreadable values were dropped without a word by train, score and clv
        StringBuilder sb = new StringBuilder("tenure,fee,churn\n");
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            if (i == 5) sb.append("1,2,3,4,5\n");
            else if (i == 7) sb.append(i).append(",abc,1\n");
            else sb.append(r.nextInt(60)).append(',').append(r.nextInt(99) + 1).append(',').append(r.nextInt(2)).append('\n');
        }
        Path f = csv("ragged.csv", sb.toString());
        Run j = run("train", f.toString(), "--target", "churn", "--algorithm", "logistic", "--json");
        assertThat(j.code()).as(j.err()).isZero();
        String notes = Json.MAPPER.readTree(j.out()).get("notes").toString();
        assertThat(notes).contains("One row of ragged.csv could not be read").contains("line 7")
                .contains("Column fee: one value is not a whole number").contains("line 9").contains("abc");
        Run t = run("train", f.toString(), "--target", "churn", "--algorithm", "logistic");
        assertThat(t.err()).contains("segmenta: note: One row of ragged.csv");
    }

    @Test
    void crossValidationThatCannotScoreEveryFoldIsAnInputError() throws IOException {
        // regression: --cv 20 on 20 rows printed "roc_auc NaN ± NaN" and wrote NaN into the JSON
        StringBuilder sb = new StringBuilder("tenure,fee,churn\n");
        for (int i = 0; i < 40; i++) sb.append(i).append(',').append(i * 2 % 7).append(',').append(i % 2).append('\n');
        Path f = csv("small.csv", sb.toString());
        Run r = run("train", f.toString(), "--target", "churn", "--cv", "20", "--json");
        assertCleanInputError(r);
        assertThat(r.err()).contains("20-fold cross-validation").contains("Use at most");
        assertThat(r.out()).doesNotContain("NaN");
        Run ok = run("train", f.toString(), "--target", "churn", "--cv", "3", "--algorithm", "logistic", "--json");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).doesNotContain("NaN");
    }

    @Test
    void outputPathsThatAreFoldersFailBeforeTraining() throws IOException {
        // regression: --history-out onto an empty folder replaced the folder with the PNG (exit 0); --model-out
        // onto a folder failed only after training, with an OS message naming a temporary file
        Path csv = churnCsv(dir, 200, 6);
        Path folder = Files.createDirectory(dir.resolve("out"));
        for (String opt : List.of("--model-out", "--metrics-out", "--history-out")) {
            Run r = run("train", csv.toString(), "--target", "churn", opt, folder.toString());
            assertCleanInputError(r);
            assertThat(r.err()).as(opt).contains("is a folder").doesNotContain(".tmp");
            assertThat(Files.isDirectory(folder)).as(opt).isTrue();
        }
    }

    @Test
    void networkOptionsAreNamedWhenIgnoredAndTheEpochsRunAreSaid() throws IOException {
        Path csv = churnCsv(dir, 400, 3);
        Run logistic = run("train", csv.toString(), "--target", "churn", "--algorithm", "logistic", "--units", "8", "--patience", "2");
        assertThat(logistic.code()).as(logistic.err()).isZero();
        assertThat(logistic.err()).contains("--units, --patience apply to the neural network only; ignored for logistic.");
        Run noValidation = run("train", csv.toString(), "--target", "churn", "--algorithm", "mlp", "--epochs", "3",
                "--validation-size", "0", "--patience", "2", "--units", "8");
        assertThat(noValidation.code()).as(noValidation.err()).isZero();
        assertThat(noValidation.err()).contains("--patience needs a validation part");
        assertThat(noValidation.out()).contains("Network: 3 of at most 3 epochs run; kept epoch 3");
        Run blank = run("train", csv.toString(), "--target", "churn", "--algorithm", "mlp", "--device", " ");
        assertThat(blank.code()).isEqualTo(2);
        assertThat(blank.err()).contains("--device: use auto, cpu or gpu").contains("segmenta train --help").doesNotContain("Usage:");
    }
}
