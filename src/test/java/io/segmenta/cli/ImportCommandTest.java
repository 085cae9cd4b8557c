package io.segmenta.cli;

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

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) { }

    private Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = SegmentaCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path csv(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void jsonContractHasSettingsColumnsAndRejects() throws IOException {
        Path p = csv("bank.csv", "age;job;balance;y\n30;admin;1.234,5;yes\n41;unknown;10;no\n52;services\n");
        Run r = run("import", p.toString(), "--column-missing", "job=unknown", "--json");
        assertThat(r.code()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("rows").asInt()).isEqualTo(2);
        assertThat(n.get("settings").get("delimiter").asString()).isEqualTo(";");
        assertThat(n.get("settings").get("decimal").asString()).isEqualTo(",");
        assertThat(n.get("settings").get("encoding").asString()).isEqualTo("UTF-8");
        assertThat(n.get("settings").get("header").asBoolean()).isTrue();
        assertThat(n.get("columns")).hasSize(4);
        assertThat(n.get("columns").get(1).get("name").asString()).isEqualTo("job");
        assertThat(n.get("columns").get(1).get("missing").asInt()).isEqualTo(1);
        assertThat(n.get("columns").get(2).get("type").asString()).isEqualTo("decimal");
        assertThat(n.get("columns").get(3).get("type").asString()).isEqualTo("boolean");
        assertThat(n.get("rejected")).hasSize(1);
        assertThat(n.get("rejected").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(n.get("rejected").get(0).get("reason").asString()).contains("expected 4 fields");
    }

    @Test
    void textOutputAndProjectIsCreatedThenExtended() throws IOException {
        Path p = csv("customers.csv", "id,age\n1,30\n2,40\n");
        Path proj = dir.resolve("p.segmenta");
        Run r = run("import", p.toString(), "--project", proj.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Rows").contains("2 imported").contains("age");
        Run r2 = run("import", p.toString(), "--project", proj.toString());
        assertThat(r2.code()).isZero();
        Project back = ProjectStore.open(proj);
        assertThat(back.datasets()).extracting(d -> d.name()).containsExactly("customers", "customers_2");
        assertThat(back.datasets().get(0).settings().delimiter()).isEqualTo(',');
        Run clash = run("import", p.toString(), "--project", proj.toString(), "--name", "customers");
        assertThat(clash.code()).isEqualTo(3);
        assertThat(clash.err()).contains("--replace");
        assertThat(run("import", p.toString(), "--project", proj.toString(), "--name", "customers", "--replace").code()).isZero();
        assertThat(ProjectStore.open(proj).datasets()).hasSize(2);
    }

    @Test
    void overridesFromTheCommandLine() throws IOException {
        Path p = csv("o.csv", "a|b\n01|x\n02|y\n");
        Run r = run("import", p.toString(), "--delimiter", "|", "--type", "a=integer", "--no-header", "--json");
        assertThat(r.code()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("settings").get("header").asBoolean()).isFalse();
        assertThat(n.get("rows").asInt()).isEqualTo(3);
    }

    @Test
    void badInputExitsThreeWithMessageAndNoStackTrace() throws IOException {
        Run missing = run("import", dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).contains("nope.csv").doesNotContain("Exception").doesNotContain("\tat ");
        Run unclosed = run("import", csv("u.csv", "a,b\n1,\"x\n").toString());
        assertThat(unclosed.code()).isEqualTo(3);
        assertThat(unclosed.err()).contains("line 2").contains("column 2");
        Path proj = dir.resolve("x.segmenta");
        Files.writeString(proj, "not a project");
        Run badProject = run("import", csv("ok.csv", "a\n1\n").toString(), "--project", proj.toString());
        assertThat(badProject.code()).isEqualTo(3);
        assertThat(Files.readString(proj)).isEqualTo("not a project");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertThat(run("import").code()).isEqualTo(2);
        assertThat(run("import", "x.csv", "--type", "a=money").code()).isEqualTo(2);
        assertThat(run("import", "x.csv", "--encoding", "klingon").code()).isEqualTo(2);
        // regressions: an empty name was an internal error (exit 1); a quote of several characters was cut to its first
        Run blank = run("import", "x.csv", "--name", "  ");
        assertThat(blank.code()).isEqualTo(2);
        assertThat(blank.err()).contains("--name needs a name on one line");
        assertThat(run("import", "x.csv", "--name", "two\nlines").code()).isEqualTo(2);
        assertThat(run("import", "x.csv", "--delimiter", ",", "--quote", ",").err()).contains("--quote and --delimiter");
        Run twice = run("import", csv("twice.csv", "id,x\n1,2\n").toString(), dir.resolve("twice.csv").toString());
        assertThat(twice.code()).isEqualTo(3);
        assertThat(twice.err()).contains("twice.csv is given twice");
        Run quote = run("import", "x.csv", "--quote", "abc");
        assertThat(run("segment", "x.csv", "--features", "a", "--k", "2", "--out", "").err()).contains("An output file name is empty");
        assertThat(quote.code()).isEqualTo(2);
        assertThat(quote.err()).contains("--quote must be one character");
        assertThat(run("nosuchcommand").code()).isEqualTo(2);
    }

    @Test
    void versionAndHelp() {
        Run v = run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith("Segmenta ");
        Run h = run("--help");
        assertThat(h.out()).contains("import").contains("info").contains("bench");
    }

    @Test
    void textOutputFollowsTheLanguage() throws IOException {
        Path p = csv("es.csv", "id;importe\n1;1.234,5\n2;7\n");
        java.util.Locale before = io.segmenta.core.util.I18n.locale();
        try {
            io.segmenta.core.util.I18n.setLocale(java.util.Locale.of("es"));
            Run r = run("import", p.toString());
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Filas").contains("2 importadas").contains("separador ;").contains("cabecera sí");
        } finally {
            io.segmenta.core.util.I18n.setLocale(before);
        }
    }
}
