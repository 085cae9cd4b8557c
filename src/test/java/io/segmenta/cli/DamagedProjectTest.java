package io.segmenta.cli;

import io.segmenta.core.util.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project made by {@code segmenta import} and then edited by hand or damaged: every command that opens it
 * exits 3 with one line on stderr that names the file, says what is wrong and what to do, and shows no
 * internal exception text.
 */
class DamagedProjectTest {
    private static final String ADVICE = ". Restore it from a backup, or re-create the project and import the data again.";

    @TempDir
    Path dir;

    private Locale before;

    @BeforeEach
    void english() {
        before = I18n.locale();
        I18n.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        I18n.setLocale(before);
    }

    record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SegmentaCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** small.segmenta with dataset "cust", imported by the CLI as a user would. */
    private Path imported() throws Exception {
        Path csv = dir.resolve("customers.csv");
        Files.writeString(csv, """
                customer_id;age;gender;income;signup_date
                C001;34;F;1.234,50;01/02/2020
                C002;45;M;;15/03/2021
                C003;29;F;980,00;30/11/2019
                """, StandardCharsets.UTF_8);
        Path project = dir.resolve("small.segmenta");
        Run r = run("import", "--project", project.toString(), "--name", "cust", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return project;
    }

    private static void sql(Path f, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            for (String q : statements) s.execute(q);
        }
    }

    /** Runs {@code profile} on the project and checks the single line it prints. */
    private static void profileSays(Path project, String reason) {
        assertOneLine(run("profile", "--project", project.toString(), "--dataset", "cust"), project, reason);
    }

    private static void assertOneLine(Run r, Path project, String reason) {
        assertThat(r.code()).as(r.err()).isEqualTo(SegmentaCli.EXIT_BAD_INPUT);
        assertThat(r.err()).isEqualTo("segmenta: The project file " + project + " is damaged: " + reason + ADVICE
                + System.lineSeparator());
        assertThat(r.err()).doesNotContain("Exception", "SQLITE_", "io.segmenta", "No enum constant", "StreamReadFeature");
    }

    @Test
    void unknownColumnType() throws Exception {
        Path p = imported();
        sql(p, "UPDATE dataset_column SET type = 'bogus' WHERE name = 'age'");
        profileSays(p, "dataset cust, column age has an unknown type \"bogus\"");
    }

    @Test
    void settingsThatAreNotJson() throws Exception {
        Path p = imported();
        sql(p, "UPDATE dataset SET settings_json = '{not json'");
        profileSays(p, "the import settings of dataset cust are not valid JSON");
    }

    @Test
    void bytesOverwrittenInTheSchema() throws Exception {
        Path p = imported();
        byte[] b = Files.readAllBytes(p);
        String text = new String(b, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("STRICT", 100);
        assertThat(at).isPositive();
        b[at + 5] = (byte) 0xFF; // "STRIC\u00FF": SQLite can no longer parse the schema
        Files.write(p, b);
        profileSays(p, "SQLite reports that the database is corrupt");
        assertOneLine(run("info", p.toString()), p, "SQLite reports that the database is corrupt");
    }

    @Test
    void truncatedColumnData() throws Exception {
        Path p = imported();
        sql(p, "UPDATE column_chunk SET data = substr(data, 1, 5) WHERE column_id = (SELECT id FROM dataset_column WHERE name = 'age')");
        profileSays(p, "dataset cust, column age has damaged values (5 bytes are stored where 24 are needed)");
    }

    @Test
    void missingTable() throws Exception {
        Path p = imported();
        sql(p, "DROP TABLE source_file");
        profileSays(p, "the table source_file is missing");
        assertOneLine(run("info", p.toString()), p, "the table source_file is missing");
    }

    @Test
    void nullWhereAValueIsRequired() throws Exception {
        Path p = imported();
        sql(p, "CREATE TABLE loose AS SELECT * FROM dataset", "DROP TABLE dataset", "ALTER TABLE loose RENAME TO dataset",
                "UPDATE dataset SET created_at = NULL");
        profileSays(p, "dataset cust has no value for created_at");
        assertOneLine(run("info", p.toString()), p, "dataset cust has no value for created_at");
    }

    @Test
    void formatVersionZero() throws Exception {
        Path p = imported();
        sql(p, "PRAGMA user_version = 0");
        profileSays(p, "its format version is 0, which no Segmenta writes");
    }

    @Test
    void importingIntoADamagedProjectStopsBeforeTheWork() throws Exception {
        Path p = imported();
        sql(p, "UPDATE dataset_column SET type = 'bogus' WHERE name = 'age'");
        byte[] damaged = Files.readAllBytes(p);
        Path csv = dir.resolve("more.csv");
        Files.writeString(csv, "a;b\n1;2\n", StandardCharsets.UTF_8);
        assertOneLine(run("import", "--project", p.toString(), "--name", "more", csv.toString()), p,
                "dataset cust, column age has an unknown type \"bogus\"");
        assertThat(Files.readAllBytes(p)).isEqualTo(damaged);
    }
}
