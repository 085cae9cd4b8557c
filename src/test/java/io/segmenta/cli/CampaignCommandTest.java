package io.segmenta.cli;

import io.segmenta.core.campaign.CampaignArtifacts;
import io.segmenta.core.campaign.CampaignBuilder;
import io.segmenta.core.campaign.CampaignList;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignCommandTest {
    @TempDir
    Path dir;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return SegmentaCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    /** 600 customers in 3 segments (300/200/100), ids K0001…, every 4th with a formula-like note. */
    static Path customers(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("customer_id,segment,email,p_buy,spend\n");
        for (int i = 1; i <= 600; i++) {
            String seg = i % 6 < 3 ? "Loyal" : i % 6 < 5 ? "New" : "Lapsed";
            sb.append(String.format("K%04d,%s,%s,%s,%s%n", i, seg, i % 4 == 0 ? "=HYPERLINK(x)" : "k" + i + "@mail.com",
                    (i * 37 % 100) / 100.0, i % 5 == 0 ? "-" + i + ".5" : Integer.toString(i)));
        }
        Path f = dir.resolve("customers.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void buildsAnExactSafeListWithManifestAndIsReproducible() throws IOException {
        Path csv = customers(dir);
        Path sup = dir.resolve("unsub.csv");
        Files.writeString(sup, "customer_id\nK0001\nK0002\nK0003\nZZZ\n");
        Path list = dir.resolve("list.csv");
        String[] args = {"campaign", csv.toString(), "--segments", "segment", "--id", "customer_id", "--size", "300", "--creatives", "3",
                "--holdout", "0.1", "--suppress", sup.toString(), "--score", "p_buy", "--seed", "42", "--out", list.toString(),
                "--delimiter", ";", "--bom", "--json"};
        assertThat(run(args)).as(err.toString()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.path("seed").longValue()).isEqualTo(42);
        assertThat(j.path("funnel").path("suppressed").intValue()).isEqualTo(3);
        assertThat(j.path("funnel").path("population").intValue()).isEqualTo(597);
        // ZZZ is nobody's id: said, so that a list in the wrong format cannot pass for one that worked
        assertThat(j.path("funnel").path("suppression_unmatched").intValue()).isEqualTo(1);
        assertThat(j.path("notes").toString()).contains("1 of the 4 ids to suppress match no customer id in column customer_id");
        assertThat(j.path("totals").path("holdout").intValue()).isEqualTo(30);
        assertThat(j.path("totals").path("per_creative").path("A").intValue()).isEqualTo(90);
        int total = 0;
        for (JsonNode c : j.path("counts")) total += c.path("count").intValue();
        assertThat(total).isEqualTo(300);
        assertThat(j.path("source_hash").stringValue()).hasSize(64);
        byte[] first = Files.readAllBytes(list);
        assertThat(first[0] & 0xFF).isEqualTo(0xEF);
        List<String> lines = new String(first, 3, first.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("customer_id;email;segment_id;segment;creative;group;score;action");
        assertThat(lines).hasSize(301);
        assertThat(lines.stream().skip(1).filter(l -> l.contains(";'=HYPERLINK(x);"))).isNotEmpty();
        assertThat(lines.stream().skip(1).noneMatch(l -> l.contains(";=HYPERLINK"))).isTrue();
        assertThat(lines.stream().skip(1).filter(l -> l.contains(";holdout;")).count()).isEqualTo(30);
        assertThat(lines.stream().noneMatch(l -> l.startsWith("K0001;") || l.startsWith("K0002;"))).isTrue();
        JsonNode manifest = new ObjectMapper().readTree(Files.readString(dir.resolve("list.manifest.json")));
        assertThat(manifest.path("segmenta_version").stringValue()).isEqualTo(SegmentaCli.version());
        assertThat(manifest.path("source").path("hash").stringValue()).isEqualTo(j.path("source_hash").stringValue());

        assertThat(run(args)).isZero();
        assertThat(Files.readAllBytes(list)).isEqualTo(first);

        // a list of e-mails for a dataset keyed by customer number protects nobody: the note says so
        Files.writeString(sup, "customer_id\nana@example.com\nluis@example.com\n");
        Path list2 = dir.resolve("list2.csv");
        assertThat(run("campaign", csv.toString(), "--segments", "segment", "--id", "customer_id", "--size", "300",
                "--creatives", "3", "--suppress", sup.toString(), "--seed", "42", "--out", list2.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("None of the 2 ids to suppress is a customer id in column customer_id, so the list excluded nobody");
        // an empty do-not-contact list (a header, no ids) is a list, not an error
        Files.writeString(sup, "customer_id\n");
        assertThat(run("campaign", csv.toString(), "--segments", "segment", "--id", "customer_id", "--size", "300",
                "--creatives", "3", "--suppress", sup.toString(), "--seed", "42", "--out", list2.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("lists no ids: nobody was left out for it");
    }

    @Test
    void fromAProjectSavesTheListAndItRebuildsIdentically() throws IOException {
        Path csv = customers(dir);
        Path project = dir.resolve("p.segmenta");
        assertThat(run("import", csv.toString(), "--project", project.toString(), "--name", "cust")).as(err.toString()).isZero();
        Path list = dir.resolve("wave1.csv");
        int code = run("campaign", "--project", project.toString(), "--dataset", "cust", "--segments", "segment", "--id", "customer_id",
                "--size", "60", "--creatives", "3", "--allocation", "per-segment", "--holdout", "6", "--filter", "p_buy>=0.1",
                "--top", "200", "--by", "p_buy", "--seed", "7", "--out", list.toString(), "--name", "wave1");
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("Preview").contains("Lapsed").contains("holdout").contains("Saved     campaign \"wave1\"");
        Project p = ProjectStore.open(project);
        CampaignList saved = CampaignArtifacts.fromArtifact(p.artifacts().stream().filter(a -> a.kind().equals("campaign")).findFirst().orElseThrow());
        assertThat(saved.size()).isEqualTo(60);
        assertThat(saved.funnel().population()).isEqualTo(200);
        CampaignList again = CampaignBuilder.rebuild(p.dataset("cust").orElseThrow().dataset(), saved, TaskContext.NONE);
        assertThat(again.assignments()).isEqualTo(saved.assignments());
        List<String> lines = Files.readAllLines(list);
        assertThat(lines).hasSize(61);
        // per segment: Lapsed gets A, Loyal B, New C (alphabetical segments)
        assertThat(lines.stream().filter(l -> l.contains(",Lapsed,A,treatment,"))).hasSize(18);
        assertThat(lines.stream().filter(l -> l.contains(",Loyal,B,treatment,"))).hasSize(18);
        assertThat(lines.stream().filter(l -> l.contains(",New,C,treatment,"))).hasSize(18);

        // regression: a second list of the same name silently replaced the record of who was sent what
        Path other = dir.resolve("wave1b.csv");
        assertThat(run("campaign", "--project", project.toString(), "--dataset", "cust", "--id", "customer_id", "--size", "30",
                "--seed", "8", "--out", other.toString(), "--name", "wave1")).isEqualTo(3);
        assertThat(err.toString()).contains("already has a campaign list called \"wave1\"").contains("--replace");
        assertThat(other).doesNotExist();
        assertThat(run("campaign", "--project", project.toString(), "--dataset", "cust", "--id", "customer_id", "--size", "30",
                "--seed", "8", "--out", other.toString(), "--name", "wave1", "--replace")).as(err.toString()).isZero();
        assertThat(CampaignArtifacts.fromArtifact(ProjectStore.open(project).artifacts().stream()
                .filter(a -> a.kind().equals("campaign")).findFirst().orElseThrow()).size()).isEqualTo(30);
    }

    @Test
    void impossibleRequestsExitThreeAndUsageErrorsTwo() throws IOException {
        Path csv = customers(dir);
        Path list = dir.resolve("l.csv");
        assertThat(run("campaign", csv.toString(), "--segments", "segment", "--id", "customer_id", "--size", "700", "--seed", "1",
                "--out", list.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("700").contains("600");
        assertThat(list).doesNotExist();
        assertThat(run("campaign", csv.toString(), "--segments", "segment", "--id", "customer_id", "--size", "90", "--creatives", "2",
                "--allocation", "per-segment", "--out", list.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("2 creatives for 3 segments");
        assertThat(run("campaign", csv.toString(), "--segments", "segment", "--id", "customer_id", "--size", "330", "--creatives", "3",
                "--allocation", "per-segment", "--out", list.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("Segment Lapsed has 100 eligible customers, fewer than the 110");
        // regression: an id or an amount as the segment column made one stratum per customer (a preview of 18,742 lines)
        assertThat(run("campaign", csv.toString(), "--segments", "customer_id", "--id", "customer_id", "--size", "100",
                "--out", list.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("Column customer_id has 600 different values").contains("at most 100");
        // more creatives than the A/B analysis could compare afterwards
        assertThat(run("campaign", csv.toString(), "--id", "customer_id", "--size", "500", "--creatives", "53",
                "--out", list.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("at most 52 creatives, not 53");
        assertThat(list).doesNotExist();
        assertThat(run("campaign", csv.toString(), "--size", "10", "--out", list.toString(), "--delimiter", "|")).isEqualTo(2);
        assertThat(run("campaign", "--size", "10", "--out", list.toString())).isEqualTo(2);
    }

    @Test
    void textOutputIsInSpanishWhenTheLanguageIsSpanish() throws IOException {
        Path csv = customers(dir);
        Path list = dir.resolve("es.csv");
        Locale saved = I18n.locale();
        try {
            I18n.setLocale(Locale.of("es"));
            assertThat(run("campaign", csv.toString(), "--segments", "segment", "--id", "customer_id", "--size", "300", "--creatives", "2",
                    "--holdout", "0.1", "--seed", "5", "--out", list.toString())).as(err.toString()).isZero();
        } finally {
            I18n.setLocale(saved);
        }
        String text = out.toString();
        assertThat(text).contains("Campaña   customers").contains("semilla 5").contains("Aptos     600 de 600 filas")
                .contains("Lista     300 clientes: 270 tratamiento, 30 grupo de control").contains("Vista previa")
                .contains("segmento").contains("Escrito").contains("celdas neutralizadas").contains("Origen    SHA-256");
        assertThat(text).doesNotContain("Preview").doesNotContain("Eligible").doesNotContain("customers:");
    }
    // ---- hostile input ----

    @Test
    void aBlankListNameIsAUsageErrorAndNothingIsWritten() throws IOException {
        Path csv = customers(dir);
        Path project = dir.resolve("p.segmenta");
        assertThat(run("import", csv.toString(), "--project", project.toString(), "--name", "cust")).as(err.toString()).isZero();
        byte[] before = Files.readAllBytes(project);
        Path list = dir.resolve("c5.csv");
        for (String blank : new String[]{"", "   "}) {
            int code = run("campaign", "--size", "100", "--seed", "1", "--out", list.toString(), "--project", project.toString(),
                    "--dataset", "cust", "--id", "customer_id", "--name", blank);
            assertThat(code).as(err.toString()).isEqualTo(2);
            assertThat(err.toString()).contains("--name").doesNotContain("internal error");
            assertThat(list).doesNotExist();
            assertThat(dir.resolve("c5.manifest.json")).doesNotExist();
            assertThat(Files.readAllBytes(project)).isEqualTo(before);
        }
    }

    @Test
    void tiersWithoutATierColumnNameTheTiers() throws IOException {
        Path csv = customers(dir);
        int code = run("campaign", csv.toString(), "--id", "customer_id", "--size", "100", "--tiers", "Gold", "--seed", "1",
                "--out", dir.resolve("c.csv").toString());
        assertThat(code).isIn(2, 3);
        assertThat(err.toString()).contains("Gold").doesNotContain("{0}").doesNotContain("internal error");
        // regression: a tier the column does not hold said "loosen the filters or the suppression"
        assertThat(run("campaign", csv.toString(), "--id", "customer_id", "--size", "100", "--tier", "segment", "--tiers", "Gold,Loyal",
                "--seed", "1", "--out", dir.resolve("c.csv").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("Column segment has no tier \"Gold\" (its values: \"Lapsed\", \"Loyal\", \"New\")");
        // --top and --by go together
        assertThat(run("campaign", csv.toString(), "--id", "customer_id", "--size", "100", "--top", "500", "--seed", "1",
                "--out", dir.resolve("c.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("name it with --by COL");
        assertThat(run("campaign", csv.toString(), "--id", "customer_id", "--size", "100", "--by", "p_buy", "--seed", "1",
                "--out", dir.resolve("c.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--by p_buy ranks customers for --top N");
    }

    @Test
    void aSuppressionFileWithRowsTheReaderRejectsFailsAndNothingIsWritten() throws IOException {
        Path csv = customers(dir);
        Path sup = dir.resolve("sup_ragged.csv");
        Files.writeString(sup, "customer_id,x\nK0001\nK0002,1,2,3\nK0003,1\n");
        Path list = dir.resolve("l.csv");
        int code = run("campaign", csv.toString(), "--id", "customer_id", "--size", "599", "--suppress", sup.toString(), "--seed", "1",
                "--out", list.toString());
        assertThat(code).as(out.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("sup_ragged.csv").contains("line 2").contains("2 rows").doesNotContain("internal error");
        assertThat(list).doesNotExist();
    }

    @Test
    void aSuppressionFileWithoutTheIdColumnFails() throws IOException {
        Path csv = customers(dir);
        Path sup = dir.resolve("sup_other.csv");
        Files.writeString(sup, "other\nX\n");
        Path list = dir.resolve("l.csv");
        int code = run("campaign", csv.toString(), "--id", "customer_id", "--size", "100", "--suppress", sup.toString(), "--seed", "1",
                "--out", list.toString());
        assertThat(code).as(out.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("sup_other.csv").contains("other").contains("customer_id").contains("--suppress-column");
        assertThat(list).doesNotExist();
        // naming the column explicitly is the way out
        assertThat(run("campaign", csv.toString(), "--id", "customer_id", "--size", "100", "--suppress", sup.toString(),
                "--suppress-column", "other", "--seed", "1", "--out", list.toString())).as(err.toString()).isZero();
        // regression: --out naming the suppression file replaced the do-not-contact list by the mailing list
        byte[] before = Files.readAllBytes(sup);
        assertThat(run("campaign", csv.toString(), "--id", "customer_id", "--size", "100", "--suppress", sup.toString(),
                "--suppress-column", "other", "--seed", "1", "--out", sup.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("is also an input of this command (--suppress)");
        assertThat(Files.readAllBytes(sup)).isEqualTo(before);
        // regression: a creative called like the holdout group merged with it in the A/B analysis
        assertThat(run("campaign", csv.toString(), "--id", "customer_id", "--size", "100", "--creatives", "2",
                "--creative-names", "A,Holdout", "--holdout", "10", "--seed", "1", "--out", list.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("A creative cannot be called \"Holdout\"");
    }

    @Test
    void rowsOfTheInputTheReaderRejectsAreNoted() throws IOException {
        Path csv = customers(dir);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        for (int i = 100; i < lines.size(); i += 100) lines.set(i, lines.get(i) + ",extra");
        Files.writeString(csv, String.join("\n", lines) + "\n");
        Path list = dir.resolve("l.csv");
        assertThat(run("campaign", csv.toString(), "--id", "customer_id", "--size", "100", "--seed", "1", "--out", list.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("Eligible  594 of 594 rows");
        assertThat(err.toString()).contains("segmenta: note: ").contains("6 rows of customers.csv could not be read").contains("line 101");
        assertThat(run("campaign", csv.toString(), "--id", "customer_id", "--size", "100", "--seed", "1", "--out", list.toString(),
                "--json")).as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).path("notes").toString()).contains("6 rows of customers.csv");
    }
}
