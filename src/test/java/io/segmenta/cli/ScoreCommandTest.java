package io.segmenta.cli;

import io.segmenta.core.project.ProjectStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /**
     * Regression: a Spanish spreadsheet export (';', decimal comma, dd/MM/yyyy, windows-1252, Sí/No) came back as
     * ',' with decimal points, ISO dates, true/false and UTF-8 without a mark, so Excel showed "AndrÃ©s".
     */
    @Test
    void theScoredFileIsWrittenAsTheInputWasRead() throws IOException {
        Path model = trained("logistic");
        Path fresh = dir.resolve("clientes.csv");
        // "alta" is day first, "visita" month first (a second system's export): each keeps its own order
        Files.write(fresh, ("nombre;plan;tenure;fee;alta;socio;visita\n"
                + "Andrés;basic;1;99,5;03/02/2024;Sí;12/31/2023\nMaría;pro;59;20,25;15/11/2023;No;01/15/2024\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Path out = dir.resolve("puntuados.csv");
        TrainCommandTest.Run r = TrainCommandTest.run("score", fresh.toString(), "--model", model.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes[0] & 0xFF).as("a UTF-8 mark, for Excel").isEqualTo(0xEF);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFnombre;plan;tenure;fee;alta;socio;visita;churn_score;churn_decile;churn_tier;churn_action");
        assertThat(lines.get(1)).startsWith("Andrés;basic;1;99,5;03/02/2024;Sí;12/31/2023;");
        assertThat(lines.get(2)).startsWith("María;pro;59;20,25;15/11/2023;No;01/15/2024;");
    }

    /** Regression: empty cells in a column the model saw complete in training were filled without a word. */
    @Test
    void emptyCellsTheModelNeverSawAreNoted() throws IOException {
        Path model = trained("logistic");
        Path fresh = dir.resolve("gaps.csv");
        Files.writeString(fresh, "plan,tenure,fee\nbasic,1,\npro,,20\nplus,30,\n,5,50\n");
        TrainCommandTest.Run r = TrainCommandTest.run("score", fresh.toString(), "--model", model.toString(),
                "--out", dir.resolve("g.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("Column fee: 2 of 4 rows are empty (first in line 2 of gaps.csv)")
                .contains("the model saw no empty fee in training").contains("scored as ")
                .contains("Column tenure: one of 4 rows is empty").contains("Column plan: one of 4 rows is empty")
                .contains("like the model's \"other\" group");
    }

    /** Regression: a headerless test file without the label column said only "lacks columns the model needs: column_4". */
    @Test
    void headerlessFilesWhoseColumnsShiftedSaySo() throws IOException {
        StringBuilder train = new StringBuilder(), test = new StringBuilder();
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        for (int i = 0; i < 300; i++) {
            int a = r.nextInt(100), b = r.nextInt(100);
            String c = r.nextBoolean() ? "x" : "y";
            train.append(a + b > 100 ? 1 : 0).append('\t').append(a).append('\t').append(b).append('\t').append(c).append('\n');
            test.append(a).append('\t').append(b).append('\t').append(c).append('\n');
        }
        Path trainFile = dir.resolve("train.txt"), testFile = dir.resolve("test.txt");
        Files.writeString(trainFile, train);
        Files.writeString(testFile, test);
        Path model = dir.resolve("h.segmodel");
        TrainCommandTest.Run t = TrainCommandTest.run("train", trainFile.toString(), "--target", "column_1", "--algorithm", "logistic",
                "--model-out", model.toString());
        assertThat(t.code()).as(t.err()).isZero();
        TrainCommandTest.Run r2 = TrainCommandTest.run("score", testFile.toString(), "--model", model.toString(),
                "--out", dir.resolve("s.csv").toString());
        assertThat(r2.code()).isEqualTo(3);
        assertThat(r2.err()).contains("column_4").contains("named by position").contains("at least 4 columns and this one has 3");
    }

    @Test
    void scoredColumnsCanBeAddedToTheProjectDatasetForACampaign() throws IOException {
        Path csv = TrainCommandTest.churnCsv(dir, 400, 5);
        Path model = dir.resolve("churn.segmodel");
        Path project = dir.resolve("p.segmenta");
        assertThat(TrainCommandTest.run("train", csv.toString(), "--target", "churn", "--algorithm", "logistic",
                "--model-out", model.toString()).code()).isZero();
        assertThat(TrainCommandTest.run("import", csv.toString(), "--project", project.toString(), "--name", "cust").code()).isZero();
        assertThat(TrainCommandTest.run("score", "--project", project.toString(), "--dataset", "cust", "--model", model.toString())
                .code()).isEqualTo(2); // neither --out nor --add-columns
        TrainCommandTest.Run r = TrainCommandTest.run("score", "--project", project.toString(), "--dataset", "cust",
                "--model", model.toString(), "--add-columns");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Added churn_score, churn_decile, churn_tier, churn_action to dataset cust");
        var ds = ProjectStore.open(project).dataset("cust").orElseThrow().dataset();
        assertThat(ds.columnNames()).contains("churn_score", "churn_tier");
        // a model trained on the dataset again leaves the earlier model's answer out of its features
        TrainCommandTest.Run retrain = TrainCommandTest.run("train", "--project", project.toString(), "--dataset", "cust",
                "--target", "churn", "--algorithm", "logistic", "--json");
        assertThat(retrain.code()).as(retrain.err()).isZero();
        var j = Json.MAPPER.readTree(retrain.out());
        assertThat(j.get("features").toString()).doesNotContain("churn_score").doesNotContain("churn_tier");
        assertThat(j.get("excluded").toString()).contains("{\"column\":\"churn_score\",\"reason\":\"scored\"}");
        // the model saved in the project scores by its name, without a model file
        Path byName = dir.resolve("by-name.csv");
        TrainCommandTest.Run named = TrainCommandTest.run("score", "--project", project.toString(), "--dataset", "cust",
                "--model", j.get("model_name").asString(), "--out", byName.toString());
        assertThat(named.code()).as(named.err()).isZero();
        assertThat(Files.readAllLines(byName).get(0)).contains("churn_score");
        TrainCommandTest.Run unknown = TrainCommandTest.run("score", "--project", project.toString(), "--dataset", "cust",
                "--model", "nope", "--out", byName.toString());
        assertThat(unknown.code()).isEqualTo(3);
        assertThat(unknown.err()).contains("has no model called \"nope\" (its models: \"churn · logistic\")");
        // the campaign can now rank by the score, inside the project
        Path list = dir.resolve("list.csv");
        assertThat(TrainCommandTest.run("campaign", "--project", project.toString(), "--dataset", "cust", "--top", "100",
                "--by", "churn_score", "--segments", "plan", "--size", "60", "--creatives", "2", "--seed", "1",
                "--out", list.toString()).code()).isZero();
        // scoring again does not overwrite the columns unasked; --replace-columns does
        TrainCommandTest.Run again = TrainCommandTest.run("score", "--project", project.toString(), "--dataset", "cust",
                "--model", model.toString(), "--add-columns");
        assertThat(again.code()).isEqualTo(3);
        assertThat(again.err()).contains("Dataset cust already has the column(s) churn_score, churn_decile, churn_tier, churn_action");
        assertThat(TrainCommandTest.run("score", "--project", project.toString(), "--dataset", "cust", "--model", model.toString(),
                "--add-columns", "--replace-columns").code()).isZero();
        assertThat(TrainCommandTest.run("score", csv.toString(), "--model", model.toString(), "--add-columns").code()).isEqualTo(2);
        for (String bad : new String[]{"", " ", "a,b", " p_"}) {
            TrainCommandTest.Run r2 = TrainCommandTest.run("score", csv.toString(), "--model", model.toString(), "--prefix", bad,
                    "--out", dir.resolve("p.csv").toString());
            assertThat(r2.code()).as(bad).isEqualTo(2);
            assertThat(r2.err()).contains("--prefix must be a word");
        }
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

    private Path trained(String algorithm, String... extra) throws IOException {
        Path csv = TrainCommandTest.churnCsv(dir, 400, 8);
        Path model = dir.resolve(algorithm + ".segmodel");
        List<String> args = new java.util.ArrayList<>(List.of("train", csv.toString(), "--target", "churn", "--algorithm", algorithm,
                "--model-out", model.toString()));
        args.addAll(List.of(extra));
        TrainCommandTest.Run r = TrainCommandTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return model;
    }

    private TrainCommandTest.Run score(Path csv, Path model, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("score", csv.toString(), "--model", model.toString(), "--out",
                dir.resolve("scored.csv").toString()));
        args.addAll(List.of(extra));
        return TrainCommandTest.run(args.toArray(String[]::new));
    }

    private static void assertCleanInputError(TrainCommandTest.Run r) {
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).startsWith("segmenta: ").doesNotContain("Exception").doesNotContain("internal error");
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    @Test
    void damagedModelDescriptionsAreInputErrors() throws IOException {
        // regression: a model whose JSON had a null feature kind or name, or no target, crashed scoring with a
        // NullPointerException (exit 1); a field of the wrong type gave a multi-line Jackson message
        Path model = trained("logistic");
        Path csv = TrainCommandTest.churnCsv(dir, 50, 2);
        byte[] good = Files.readAllBytes(model);
        String json = io.segmenta.core.model.ModelIOTestAccess.json(good);
        List<String[]> edits = List.of(new String[]{"\"kind\":\"NUMERIC\"", "\"kind\":null"},
                new String[]{"\"name\":\"tenure\"", "\"name\":null"},
                new String[]{"\"target\":{", "\"target\":null,\"t\":{"},
                new String[]{"\"trainRows\":", "\"trainRows\":[1],\"r\":"});
        for (String[] e : edits) {
            Path bad = dir.resolve("bad.segmodel");
            Files.write(bad, io.segmenta.core.model.ModelIOTestAccess.withJson(good, json.replaceFirst(
                    java.util.regex.Pattern.quote(e[0]), java.util.regex.Matcher.quoteReplacement(e[1]))));
            TrainCommandTest.Run r = score(csv, bad);
            assertCleanInputError(r);
            assertThat(r.err()).as(e[1]).contains("bad.segmodel is damaged");
        }
        Path png = dir.resolve("pic.segmodel");
        Files.write(png, new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1});
        assertThat(score(csv, png).err()).contains("not a Segmenta model file").contains(".segmodel file saved by Segmenta");
        Path empty = Files.createFile(dir.resolve("empty.segmodel"));
        assertCleanInputError(score(csv, empty));
        Path cut = dir.resolve("cut.segmodel");
        Files.write(cut, java.util.Arrays.copyOf(good, good.length / 2));
        assertThat(score(csv, cut).err()).contains("damaged");
        Path folder = Files.createDirectory(dir.resolve("models"));
        assertThat(score(csv, folder).err()).contains("is a folder");
    }

    @Test
    void aNumericColumnHoldingOnlyTextIsAnInputErrorAndStrayTextANote() throws IOException {
        // regression: a feature column of text was silently scored with the training median for every row
        Path model = trained("logistic");
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "tenure,fee,plan\nabc,def,basic\nx,y,pro\n");
        TrainCommandTest.Run r = score(text, model);
        assertCleanInputError(r);
        assertThat(r.err()).contains("Column tenure of text holds no numbers").contains("\"abc\" in line 2 of text.csv");
        assertThat(Files.exists(dir.resolve("scored.csv"))).isFalse();
        Path stray = dir.resolve("stray.csv");
        Files.writeString(stray, "tenure,fee,plan\n1,20,basic\nx,30,pro\n4,40,plus\n5,50,plus\n6,60,martian\n");
        TrainCommandTest.Run s = score(stray, model, "--json");
        assertThat(s.code()).as(s.err()).isZero();
        String notes = Json.MAPPER.readTree(s.out()).get("notes").toString();
        assertThat(notes).contains("Column tenure: one of 5 values could not be read (the model expects numbers here").contains("\\\"x\\\" in line 3 of stray.csv")
                .contains("Column plan: one of 5 values is a category without a code of its own in the model").contains("\\\"martian\\\" in line 6 of stray.csv");
        TrainCommandTest.Run t = score(stray, model);
        assertThat(t.err()).contains("segmenta: note: Column tenure");
    }

    @Test
    void extremeValuesStillGetAScore() throws IOException {
        // regression: 1e308 in a feature gave the neural network NaN scores, written as empty cells with a tier
        Path model = trained("mlp", "--epochs", "2", "--units", "8", "--layers", "1");
        Path big = dir.resolve("big.csv");
        Files.writeString(big, "tenure,fee,plan\n1e308,1e308,basic\n-1e308,5,pro\n3,4,plus\n");
        TrainCommandTest.Run r = score(big, model);
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("scored.csv"));
        for (String line : lines.subList(1, lines.size())) {
            double v = Double.parseDouble(line.split(",")[3]);
            assertThat(v).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aModelThatGivesNoScoreIsAnInputErrorAndAFolderOutFailsFirst() throws IOException {
        // regression: NaN weights in a model file were written out as empty scores in the lowest tier
        Path model = trained("logistic");
        byte[] b = Files.readAllBytes(model);
        int json = java.nio.ByteBuffer.wrap(b).getInt(12);
        byte[] body = java.util.Arrays.copyOf(b, b.length - 8);
        java.nio.ByteBuffer.wrap(body).putDouble(16 + json + 4 + 2, Double.NaN); // the intercept of the linear model
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body);
        Path bad = dir.resolve("nan.segmodel");
        Files.write(bad, io.segmenta.core.model.ModelIOTestAccess.concat(body, java.nio.ByteBuffer.allocate(8).putLong(crc.getValue()).array()));
        Path csv = TrainCommandTest.churnCsv(dir, 30, 3);
        TrainCommandTest.Run r = score(csv, bad);
        assertCleanInputError(r);
        assertThat(r.err()).contains("no usable score for 30 of 30 rows");
        Path folder = Files.createDirectory(dir.resolve("outdir"));
        TrainCommandTest.Run f = TrainCommandTest.run("score", csv.toString(), "--model", model.toString(), "--out", folder.toString());
        assertCleanInputError(f);
        assertThat(f.err()).contains("--out").contains("is a folder");
    }
}
