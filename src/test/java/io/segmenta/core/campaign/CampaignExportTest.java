package io.segmenta.core.campaign;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignExportTest {
    @TempDir
    Path dir;

    @Test
    void dangerousCellsAreNeutralisedAndPlainNumbersKept() {
        assertThat(SafeCsv.neutralize("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(SafeCsv.neutralize("+cmd")).isEqualTo("'+cmd");
        assertThat(SafeCsv.neutralize("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(SafeCsv.neutralize("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
        assertThat(SafeCsv.neutralize("\t=1")).isEqualTo("'\t=1");
        assertThat(SafeCsv.neutralize("\r=1")).isEqualTo("'\r=1");
        assertThat(SafeCsv.neutralize("+34 600 111 222")).isEqualTo("'+34 600 111 222");
        assertThat(SafeCsv.neutralize("-")).isEqualTo("'-");
        // plain numbers stay numbers
        for (String n : List.of("-12.5", "+1", "-2", "-3,75", "-0.5e-3", "-.5", "12")) assertThat(SafeCsv.neutralize(n)).isEqualTo(n);
        for (String n : List.of("", "plain text", "a=b", "x@y.com")) assertThat(SafeCsv.neutralize(n)).isEqualTo(n);
    }

    /** Regression: the A/B join read a list's "'=HYPERLINK…" id as it was written, so that customer's results were lost. */
    @Test
    void restoringUndoesNeutralisingAndNothingElse() {
        for (String v : List.of("=HYPERLINK(\"x\")", "+34 600 111 222", "@SUM(A1)", "-", "\t=1", "plain", "-12.5", "'quoted", "''=x")) {
            assertThat(SafeCsv.restore(SafeCsv.neutralize(v))).as(v).isEqualTo(v);
        }
        assertThat(SafeCsv.restore("'12")).as("a quote the export did not add stays").isEqualTo("'12");
        // regression: "=A1" and "'=A1" were both written '=A1, one customer twice on the list
        assertThat(SafeCsv.neutralize("'=A1")).isNotEqualTo(SafeCsv.neutralize("=A1"));
        assertThat(SafeCsv.restore(SafeCsv.neutralize("'=A1"))).isEqualTo("'=A1");
        assertThat(SafeCsv.restore("'O'Brien")).isEqualTo("'O'Brien");
    }

    private static Dataset risky() {
        int n = 40;
        String[] id = new String[n], seg = new String[n], email = new String[n], phone = new String[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = i == 0 ? "=cmd|' /C calc'!A0" : "K" + (100 + i);
            seg[i] = i % 2 == 0 ? "=1+1" : "Normal";
            email[i] = i == 1 ? "@evil.example" : "k" + i + "@mail.es";
            phone[i] = "+34 600 000 " + (100 + i);
            score[i] = i == 2 ? -12.5 : i / 10.0;
        }
        List<Column> cols = new ArrayList<>();
        cols.add(StringColumn.of("cliente", false, id));
        cols.add(StringColumn.of("seg", true, seg));
        cols.add(StringColumn.of("email", false, email));
        cols.add(StringColumn.of("phone", false, phone));
        cols.add(StringColumn.of("notes", false, new String[n]));
        cols.add(new DoubleColumn("score", score, new BitSet()));
        return new Dataset("risky", cols);
    }

    private static CampaignDefinition everyone(long seed) {
        return new CampaignDefinition("risky", RowFilter.NONE, "score", null, null, List.of(), null, null, "seg", "cliente",
                new Suppression("unsub.csv", List.of("K999", "SECRET-ID")), 40, List.of("A", "B"), Allocation.STRATIFIED,
                Holdout.count(4), seed);
    }

    @Test
    void exportWritesSafeCellsSemicolonBomAndAManifest() throws IOException {
        Dataset ds = risky();
        CampaignList list = CampaignBuilder.build(ds, everyone(11), TaskContext.NONE);
        Path out = dir.resolve("list.csv");
        Instant t = Instant.parse("2025-03-01T10:15:30Z");
        CampaignExporter.Result r = CampaignExporter.export(ds, list, ExportOptions.defaults().withDelimiter(';').withBom(true), out,
                "9.9.9-test", t, TaskContext.NONE);
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        assertThat(bytes[1] & 0xFF).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xFF).isEqualTo(0xBF);
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(41);
        assertThat(lines.get(0)).isEqualTo("cliente;email;phone;segment_id;segment;creative;group;score;action");
        assertThat(r.header()).containsExactly("cliente", "email", "phone", "segment_id", "segment", "creative", "group", "score", "action");
        String body = String.join("\n", lines.subList(1, lines.size()));
        assertThat(body).contains("'=cmd|' /C calc'!A0;").contains(";'@evil.example;").contains(";'=1+1;")
                .contains(";'+34 600 000 101;").contains(";-12,5;").doesNotContain(";=1+1;").doesNotContain(";-12.5;");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", -1);
            assertThat(f).hasSize(9);
            assertThat(f[6]).isIn("treatment", "holdout");
            assertThat(f[8]).isEqualTo(f[6].equals("holdout") ? "hold" : "send");
            if (f[6].equals("holdout")) assertThat(f[5]).isEmpty(); else assertThat(f[5]).isIn("A", "B");
            for (String cell : f) assertThat(SafeCsv.isDangerous(cell) && !SafeCsv.isPlainNumber(cell)).as(cell).isFalse();
        }
        // 1 id + 1 email + 40 phones + 20 segment cells
        assertThat(r.neutralizedCells()).isEqualTo(62);

        Path manifest = dir.resolve("list.manifest.json");
        assertThat(r.manifest()).isEqualTo(manifest);
        JsonNode m = new ObjectMapper().readTree(Files.readString(manifest));
        assertThat(m.path("segmenta_version").stringValue()).isEqualTo("9.9.9-test");
        assertThat(m.path("created_at").stringValue()).isEqualTo("2025-03-01T10:15:30Z");
        assertThat(m.path("seed").longValue()).isEqualTo(11);
        assertThat(m.path("source").path("dataset").stringValue()).isEqualTo("risky");
        assertThat(m.path("source").path("hash").stringValue()).isEqualTo(list.sourceHash()).hasSize(64);
        assertThat(m.path("file_sha256").stringValue()).isEqualTo(HexFormat.of().formatHex(sha(bytes)));
        assertThat(m.path("delimiter").stringValue()).isEqualTo(";");
        assertThat(m.path("bom").booleanValue()).isTrue();
        assertThat(m.path("rows").intValue()).isEqualTo(40);
        assertThat(m.path("totals").path("holdout").intValue()).isEqualTo(4);
        assertThat(m.path("totals").path("per_creative").path("A").intValue()).isEqualTo(18);
        List<String> cells = new ArrayList<>();
        int sum = 0;
        for (JsonNode c : m.path("counts")) {
            cells.add(c.path("segment").stringValue() + "/" + c.path("creative").asString("") + "/" + c.path("group").stringValue() + "=" + c.path("count").intValue());
            sum += c.path("count").intValue();
        }
        assertThat(sum).isEqualTo(40);
        assertThat(cells).containsExactly("=1+1/A/treatment=9", "=1+1/B/treatment=9", "=1+1//holdout=2",
                "Normal/A/treatment=9", "Normal/B/treatment=9", "Normal//holdout=2");
        assertThat(m.path("definition").path("suppression").path("count").intValue()).isEqualTo(2);
        assertThat(Files.readString(manifest)).doesNotContain("SECRET-ID");
        assertThat(m.path("definition").path("holdout").path("count").intValue()).isEqualTo(4);
    }

    @Test
    void commaExportChosenColumnsAndExplicitContacts() throws IOException {
        Dataset ds = risky();
        CampaignList list = CampaignBuilder.build(ds, everyone(3), TaskContext.NONE);
        Path out = dir.resolve("sub/list.csv");
        ExportOptions o = ExportOptions.defaults().withColumns(List.of(ExportOptions.Column.ID, ExportOptions.Column.CONTACT,
                ExportOptions.Column.SCORE)).withContactColumns(List.of("email"));
        CampaignExporter.export(ds, list, o, out, "1", Instant.EPOCH, TaskContext.NONE);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("cliente,email,score,segment,creative,group");
        assertThat(lines).anyMatch(l -> l.contains(",-12.5,"));
        assertThatThrownBy(() -> ExportOptions.defaults().withDelimiter('\t')).isInstanceOf(UserException.class);
    }

    @Test
    void aFailedOrCancelledExportLeavesNoPartialFileAndKeepsTheOldOne() throws IOException {
        Dataset ds = Customers.dataset(3000, 3000);
        CampaignList list = CampaignBuilder.build(ds, Customers.stratified(5000, 2, Holdout.NONE, 5), TaskContext.NONE);
        Path out = dir.resolve("list.csv");
        Files.writeString(out, "old contents\n");
        TaskContext cancelAfterSomeRows = new TaskContext() {
            int calls;

            @Override public void progress(long done, long total, String message) { calls++; }

            @Override public boolean isCancelled() { return calls >= 3; } // after ~2,000 rows are written
        };
        assertThatThrownBy(() -> CampaignExporter.export(ds, list, ExportOptions.defaults(), out, "1", Instant.EPOCH, cancelAfterSomeRows))
                .isInstanceOf(CancelledException.class);
        assertThat(Files.readString(out)).isEqualTo("old contents\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("list.csv");
        }
        Path fresh = dir.resolve("fresh.csv");
        assertThatThrownBy(() -> CampaignExporter.export(ds, list, ExportOptions.defaults(), fresh, "1", Instant.EPOCH, cancelAfterSomeRows))
                .isInstanceOf(CancelledException.class);
        assertThat(fresh).doesNotExist();
        assertThat(CampaignExporter.manifestPath(fresh)).doesNotExist();
        // a folder in the way is reported, nothing written
        Path folder = Files.createDirectory(dir.resolve("taken.csv"));
        assertThatThrownBy(() -> CampaignExporter.export(ds, list, ExportOptions.defaults(), folder, "1", Instant.EPOCH, TaskContext.NONE))
                .isInstanceOf(UserException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("list.csv", "taken.csv");
        }
    }

    private static byte[] sha(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void contactFieldsAreFoundByTheirWordsAndCampaignMeasuresAreNot() {
        for (String n : List.of("email", "E-mail", "telefono", "customer_email", "EmailAddress", "mobile_phone", "contact_phone",
                "Direccion_postal", "billing address", "zip_code", "first_name", "Teléfono móvil")) {
            assertThat(CampaignExporter.isContactName(n)).as(n).isTrue();
        }
        for (String n : List.of("email_opened", "emails_sent", "EmailClickRate", "mail_optin", "phone_verified", "product_name",
                "campaign", "score", "channel", "email_domain", "last_purchase_date")) {
            assertThat(CampaignExporter.isContactName(n)).as(n).isFalse();
        }
    }
}
