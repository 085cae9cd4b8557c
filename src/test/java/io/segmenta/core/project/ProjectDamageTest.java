package io.segmenta.core.project;

import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.segmenta.core.project.ProjectFixtures.artifact;
import static io.segmenta.core.project.ProjectFixtures.derived;
import static io.segmenta.core.project.ProjectFixtures.imported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Project files edited by hand or damaged on disk: every problem is one plain sentence naming the file and
 * what is wrong ({@code project.error.corrupt}), never an internal exception text, from both
 * {@link ProjectStore#open} and {@link ProjectStore#info}.
 */
class ProjectDamageTest {

    private static final String ADVICE = ". Restore it from a backup, or re-create the project and import the data again.";

    @TempDir
    Path dir;

    /** An imported dataset named "clientes" (settings and report as JSON), a derived one, and an artifact. */
    private Path project(String name) {
        Project p = new Project(List.of(imported(ProjectFixtures.everyType("clientes")),
                derived(ProjectFixtures.allMissing("faltan", 70))),
                List.of(artifact("segmentation", "k=4", new byte[]{1, 2})));
        Path f = dir.resolve(name);
        ProjectStore.save(p, f, TaskContext.NONE);
        return f;
    }

    private static void sql(Path f, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            for (String q : statements) s.execute(q);
        }
    }

    /** Re-creates {@code table} without its types and constraints, as a hand edit with another tool may. */
    private static String[] loosen(String table) {
        return new String[]{"CREATE TABLE loose AS SELECT * FROM " + table, "DROP TABLE " + table,
                "ALTER TABLE loose RENAME TO " + table};
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static UserException openFails(Path f) {
        UserException e = catchThrowableOfType(UserException.class, () -> ProjectStore.open(f));
        assertThat(e).as("open " + f).isNotNull();
        return e;
    }

    private static UserException infoFails(Path f) {
        UserException e = catchThrowableOfType(UserException.class, () -> ProjectStore.info(f));
        assertThat(e).as("info " + f).isNotNull();
        return e;
    }

    /** The one sentence the user sees for a damaged file, with {@code reason} in the middle. */
    private static void assertDamaged(UserException e, Path f, String reason) {
        assertThat(e.key()).isEqualTo("project.error.corrupt");
        assertThat(e.getMessage()).isEqualTo("The project file " + f + " is damaged: " + reason + ADVICE);
        assertPlain(e.getMessage());
    }

    /** One line, and none of the text of the exceptions behind it. */
    private static void assertPlain(String message) {
        assertThat(message).doesNotContain("\n", "\r", "Exception", "SQLITE_", "io.segmenta", "java.", "null",
                "StreamReadFeature", "No enum constant", "REDACTED");
    }

    // ---- the reported cases ----

    @Test
    void anUnknownColumnTypeNamesTheDatasetColumnAndType() throws Exception {
        Path f = project("type.segmenta");
        sql(f, "UPDATE dataset_column SET type = 'bogus' WHERE name = 'select'");
        assertDamaged(openFails(f), f, "dataset clientes, column select has an unknown type \"bogus\"");
    }

    @Test
    void settingsThatAreNotJsonSaySo() throws Exception {
        Path f = project("settings.segmenta");
        sql(f, "UPDATE dataset SET settings_json = '{not json' WHERE name = 'clientes'");
        assertDamaged(openFails(f), f, "the import settings of dataset clientes are not valid JSON");
    }

    @Test
    void aFileSqliteFindsCorruptSaysSo() throws Exception {
        Path f = project("bytes.segmenta");
        // damage the stored CREATE TABLE text of the schema, as random bytes written over page 1 do
        byte[] b = Files.readAllBytes(f);
        int at = indexOf(b, "STRICT".getBytes(StandardCharsets.US_ASCII));
        assertThat(at).isPositive();
        b[at + 5] = (byte) 0xFF;
        Files.write(f, b);
        assertDamaged(openFails(f), f, "SQLite reports that the database is corrupt");
        assertDamaged(infoFails(f), f, "SQLite reports that the database is corrupt");
    }

    private static int indexOf(byte[] b, byte[] what) {
        outer:
        for (int i = 100; i + what.length <= b.length; i++) {
            for (int j = 0; j < what.length; j++) if (b[i + j] != what[j]) continue outer;
            return i;
        }
        return -1;
    }

    // ---- other hand edits ----

    static Stream<Arguments> handEdits() {
        String age = "(SELECT id FROM dataset_column WHERE name = 'select')";
        String city = "(SELECT id FROM dataset_column WHERE name = 'Cádiz')";
        return Stream.of(
                Arguments.of("truncated column blob", new String[]{
                        "UPDATE column_chunk SET data = substr(data, 1, 3) WHERE column_id = " + age},
                        "dataset clientes, column select has damaged values (3 bytes are stored where 40 are needed)", false),
                Arguments.of("blob of one byte", new String[]{
                        "UPDATE column_chunk SET missing = x'01' WHERE column_id = " + age},
                        "dataset clientes, column select has damaged values (1 byte is stored where 8 are needed)", false),
                Arguments.of("no chunks", new String[]{"DELETE FROM column_chunk WHERE column_id = " + age},
                        "dataset clientes, column select has damaged values (values are stored for 0 rows instead of 5)", false),
                Arguments.of("chunk out of place", new String[]{"UPDATE column_chunk SET first_row = 64 WHERE column_id = " + age},
                        "dataset clientes, column select has damaged values (the blocks of values do not line up at row 1)", false),
                Arguments.of("huge chunk row count", new String[]{
                        "UPDATE column_chunk SET row_count = 9223372036854775807 WHERE column_id = " + age},
                        "dataset clientes, column select has damaged values "
                                + "(values are stored for 9,223,372,036,854,775,807 rows instead of 5)", false),
                Arguments.of("dictionary cut", new String[]{
                        "UPDATE dataset_column SET dictionary = substr(dictionary, 1, 6) WHERE id = " + city},
                        "dataset clientes, column Cádiz has damaged values (its list of distinct values is damaged)", false),
                Arguments.of("dictionary gone", new String[]{"UPDATE dataset_column SET dictionary = NULL WHERE id = " + city},
                        "dataset clientes, column Cádiz has damaged values (its list of distinct values is missing)", false),
                Arguments.of("missing table", new String[]{"DROP TABLE dataset_description"},
                        "the table dataset_description is missing", true),
                Arguments.of("missing column", new String[]{"ALTER TABLE dataset DROP COLUMN recipe"},
                        "the table dataset has no column recipe", true),
                Arguments.of("NULL creation time", concat(loosen("dataset"), "UPDATE dataset SET created_at = NULL"),
                        "dataset clientes has no value for created_at", true),
                Arguments.of("creation time that is no time", new String[]{"UPDATE dataset SET created_at = 'yesterday'"},
                        "dataset clientes has an invalid value for created_at: yesterday", true),
                Arguments.of("NULL dataset name", concat(loosen("dataset"), "UPDATE dataset SET name = NULL WHERE position = 1"),
                        "table dataset, row 1 has no value for name", true),
                Arguments.of("NULL origin", concat(loosen("dataset"), "UPDATE dataset SET origin = NULL"),
                        "dataset clientes has no value for origin", true),
                Arguments.of("NULL source path", concat(loosen("source_file"), "UPDATE source_file SET path = NULL"),
                        "dataset clientes has no value for source_file.path", true),
                Arguments.of("NULL column type", concat(loosen("dataset_column"), "UPDATE dataset_column SET type = NULL WHERE id = " + age),
                        "dataset clientes, column select has no value for type", false),
                Arguments.of("text in a number", concat(loosen("dataset"), "UPDATE dataset SET row_count = 'many'"),
                        "dataset clientes has an invalid value for row_count: many", true),
                Arguments.of("negative row count", concat(loosen("dataset"), "UPDATE dataset SET row_count = -5"),
                        "dataset clientes has an invalid value for row_count: -5", true),
                Arguments.of("id_like that is not 0 or 1", new String[]{"UPDATE dataset_column SET id_like = 7 WHERE id = " + age},
                        "dataset clientes, column select has an invalid value for id_like: 7", false),
                Arguments.of("column count", new String[]{"UPDATE dataset SET column_count = 3 WHERE name = 'clientes'"},
                        "dataset clientes has 9 columns instead of the 3 it records", false),
                Arguments.of("two datasets with one name", concat(loosen("dataset"), "UPDATE dataset SET name = 'clientes'"),
                        "two datasets are named \"clientes\"", true),
                Arguments.of("two columns with one name", concat(loosen("dataset_column"),
                                "UPDATE dataset_column SET name = 'order' WHERE id = " + age),
                        "dataset clientes has two columns named \"order\"", false),
                Arguments.of("code outside the dictionary", new String[]{
                        "UPDATE column_chunk SET data = x'0000000009000000FFFFFFFF0200000007000000' WHERE column_id = " + city},
                        "dataset clientes, column Cádiz has damaged values (row 2 refers to a value that does not exist)", false),
                Arguments.of("settings of the wrong shape", new String[]{
                        "UPDATE dataset SET settings_json = json_set(settings_json, '$.delimiter', 5) WHERE name = 'clientes'"},
                        "the import settings of dataset clientes are not valid (the entry \"delimiter\" is missing or has the wrong kind of value)",
                        false),
                Arguments.of("settings naming an unknown type", new String[]{
                        "UPDATE dataset SET settings_json = json_set(settings_json, '$.column_types.id', 'weird') WHERE name = 'clientes'"},
                        "the import settings of dataset clientes are not valid (unknown column type \"weird\")", false),
                Arguments.of("settings with a NULL token", new String[]{
                        "UPDATE dataset SET settings_json = json_set(settings_json, '$.missing_tokens', json('[null]')) WHERE name = 'clientes'"},
                        "the import settings of dataset clientes are not valid (the entry \"missing_tokens\" is missing or has the wrong kind of value)",
                        false),
                Arguments.of("settings that are a list", new String[]{"UPDATE dataset SET settings_json = '[1]' WHERE name = 'clientes'"},
                        "the import settings of dataset clientes are not valid (not a JSON object)", false),
                Arguments.of("report that is not JSON", new String[]{"UPDATE dataset SET report_json = '[1, 2' WHERE name = 'clientes'"},
                        "the import report of dataset clientes is not valid JSON", false),
                Arguments.of("report with a NULL warning", new String[]{
                        "UPDATE dataset SET report_json = json_set(report_json, '$.warnings', json('[null]')) WHERE name = 'clientes'"},
                        "the import report of dataset clientes is not valid (the entry \"warnings\" is missing or has the wrong kind of value)",
                        false),
                Arguments.of("artifact time", new String[]{"UPDATE artifact SET created_at = 'soon'"},
                        "saved result \"k=4\" (segmentation) has an invalid value for created_at: soon", true),
                Arguments.of("blank artifact kind", new String[]{"UPDATE artifact SET kind = ' '"},
                        "table artifact, row 1 has no value for kind", true),
                Arguments.of("text where the payload blob goes", concat(loosen("artifact"), "UPDATE artifact SET payload = 'abc'"),
                        "saved result \"k=4\" (segmentation) has an invalid value for payload: abc", false),
                Arguments.of("format version 0", new String[]{"PRAGMA user_version = 0"},
                        "its format version is 0, which no Segmenta writes", true),
                Arguments.of("negative format version", new String[]{"PRAGMA user_version = -3"},
                        "its format version is -3, which no Segmenta writes", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handEdits")
    void handEditsAreOnePlainSentence(String what, String[] statements, String reason, boolean infoToo) throws Exception {
        // in a file of format 1, which has no checksums, each edit meets the check made for it
        Path f = project("edited.segmenta");
        sql(f, TO_VERSION_1);
        sql(f, statements);
        assertDamaged(openFails(f), f, reason);
        if (infoToo) assertDamaged(infoFails(f), f, reason);
        else ProjectStore.info(f); // reads no column data, settings or report
        // in the current format the same edit is damage too: the specific reason, or a checksum that no longer matches
        Path g = project("edited2.segmenta");
        sql(g, statements);
        UserException e = openFails(g);
        assertThat(e.key()).isEqualTo("project.error.corrupt");
        assertThat(e.getMessage()).satisfiesAnyOf(m -> assertThat(m).contains(reason), m -> assertThat(m).contains("checksum"));
    }

    /** A project of the current format turned into one of format 1: the checksum columns dropped. */
    static final String[] TO_VERSION_1 = {
            "ALTER TABLE column_chunk DROP COLUMN checksum",
            "ALTER TABLE dataset_column DROP COLUMN dictionary_checksum",
            "ALTER TABLE artifact DROP COLUMN checksum",
            "PRAGMA user_version = 1"};

    @Test
    void changedBytesInsideStoredValuesAreCaughtByTheirChecksums() throws Exception {
        Project before = ProjectStore.open(project("good.segmenta"));
        // one bit of one stored number: SQLite sees a valid page, the value would open as another number
        Path f = project("flipped.segmenta");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
             var read = c.prepareStatement("SELECT rowid, data FROM column_chunk WHERE column_id = (SELECT id FROM dataset_column WHERE name = 'id')");
             var write = c.prepareStatement("UPDATE column_chunk SET data = ? WHERE rowid = ?")) {
            var r = read.executeQuery();
            assertThat(r.next()).isTrue();
            long rowid = r.getLong(1);
            byte[] data = r.getBytes(2);
            data[9] ^= 0x01;
            write.setBytes(1, data);
            write.setLong(2, rowid);
            assertThat(write.executeUpdate()).isEqualTo(1);
        }
        assertDamaged(openFails(f), f, "dataset clientes, column id has damaged values (the values of rows 1–5 no longer match their checksum"
                + " (bytes were changed after saving))");
        // info checks the stored blocks too, without decoding them
        assertDamaged(infoFails(f), f, "dataset clientes, column id has damaged values (the values of rows 1–5 no longer match their checksum"
                + " (bytes were changed after saving))");
        Path g = project("options.segmenta");
        sql(g, "UPDATE artifact SET options_json = options_json || ' '"); // still valid JSON, one byte more
        assertThat(openFails(g).getMessage()).contains("the stored content of saved result").contains("no longer matches its checksum");
        Path h = project("nosum.segmenta");
        sql(h, "UPDATE column_chunk SET checksum = NULL");
        assertThat(openFails(h).getMessage()).contains("no longer match their checksum");
        // the checksums also bind each block to its column: a renamed column, a changed type and two swapped
        // blocks (values and checksums together) are damage too
        Path renamed = project("renamed.segmenta");
        sql(renamed, "UPDATE dataset_column SET name = 'idx' WHERE name = 'id'");
        assertThat(openFails(renamed).getMessage()).contains("column idx").contains("checksum");
        Path retyped = project("retyped.segmenta");
        sql(retyped, "UPDATE dataset_column SET type = 'decimal' WHERE name = 'id'");
        assertThat(openFails(retyped).getMessage()).contains("checksum");
        Path swapped = project("swapped.segmenta");
        sql(swapped, "CREATE TEMP TABLE a AS SELECT data, checksum FROM column_chunk WHERE column_id = (SELECT id FROM dataset_column WHERE name = 'id')",
                "UPDATE column_chunk SET (data, checksum) = (SELECT data, checksum FROM column_chunk c2 WHERE c2.column_id ="
                        + " (SELECT id FROM dataset_column WHERE name = 'select')) WHERE column_id = (SELECT id FROM dataset_column WHERE name = 'id')",
                "UPDATE column_chunk SET (data, checksum) = (SELECT data, checksum FROM a) WHERE column_id = (SELECT id FROM dataset_column WHERE name = 'select')");
        assertThat(openFails(swapped).getMessage()).contains("checksum");
        // a header edited back to format 1 does not switch the check off while the checksums are there
        sql(f, "PRAGMA user_version = 1");
        assertThat(openFails(f).getMessage()).contains("no longer match their checksum");
        // a file of format 1 (no checksums) still opens as it was saved
        Path old = project("v1.segmenta");
        sql(old, TO_VERSION_1);
        Project reopened = ProjectStore.open(old);
        assertThat(reopened.datasets()).hasSize(before.datasets().size());
        for (int i = 0; i < before.datasets().size(); i++) {
            var a = before.datasets().get(i).dataset();
            var b = reopened.datasets().get(i).dataset();
            assertThat(b.columnNames()).isEqualTo(a.columnNames());
            for (int c = 0; c < a.columnCount(); c++) {
                for (int r = 0; r < a.rowCount(); r++) assertThat(b.column(c).format(r)).isEqualTo(a.column(c).format(r));
            }
        }
        assertThat(reopened.artifacts()).extracting(Artifact::optionsJson).isEqualTo(before.artifacts().stream().map(Artifact::optionsJson).toList());
        assertThat(ProjectStore.info(old).schemaVersion()).isEqualTo(1);
    }

    @Test
    void aRowCountEditedUpwardsIsReportedWithoutAllocatingIt() throws Exception {
        Path f = project("rows.segmenta");
        // 2e9 longs would be 16 GB: the stored data is checked before any array is made
        sql(f, "UPDATE dataset SET row_count = 2000000000 WHERE name = 'clientes'");
        assertDamaged(openFails(f), f,
                "dataset clientes, column id has damaged values (values are stored for 5 rows instead of 2,000,000,000)");
        sql(f, "UPDATE dataset SET row_count = 2000000000 WHERE name = 'clientes'",
                "UPDATE column_chunk SET row_count = 2000000000 WHERE column_id = (SELECT id FROM dataset_column WHERE name = 'id')");
        assertDamaged(openFails(f), f,
                "dataset clientes, column id has damaged values (40 bytes are stored where 16,000,000,000 are needed)");
        sql(f, "UPDATE dataset SET row_count = 9999999999 WHERE name = 'clientes'");
        assertDamaged(openFails(f), f, "dataset clientes has an invalid value for row_count: 9999999999");
    }

    @Test
    void aNewerFormatVersionIsStillReportedAsNewer() throws Exception {
        Path f = project("future.segmenta");
        sql(f, "PRAGMA user_version = 999");
        assertThat(openFails(f).key()).isEqualTo("project.error.newer");
        assertThat(infoFails(f).key()).isEqualTo("project.error.newer");
    }

    @Test
    void namesFromTheFileAreShownOnOneLineAndCut() throws Exception {
        Path f = project("names.segmenta");
        String longType = "x".repeat(500);
        sql(f, TO_VERSION_1); // without checksums, which would object to the renamed dataset first
        sql(f, "UPDATE dataset SET name = 'cli' || char(10) || 'entes' WHERE name = 'clientes'",
                "UPDATE dataset_column SET type = '" + longType + "' WHERE name = 'select'");
        UserException e = openFails(f);
        assertDamaged(e, f, "dataset cli entes, column select has an unknown type \"" + "x".repeat(ProjectDamage.MAX_SHOWN) + "…\"");
    }

    @Test
    void theReasonIsInTheUsersLanguage() throws Exception {
        Path f = project("es.segmenta");
        sql(f, "UPDATE dataset_column SET type = 'bogus' WHERE name = 'select'");
        UserException e = openFails(f);
        Locale before = I18n.locale();
        try {
            I18n.setLocale(Locale.of("es"));
            assertThat(e.getLocalizedMessage()).isEqualTo("El archivo de proyecto " + f + " está dañado: el conjunto de datos "
                    + "clientes, columna select, tiene un tipo desconocido \"bogus\". Restáurelo desde una copia de seguridad, "
                    + "o vuelva a crear el proyecto e importe de nuevo los datos.");
        } finally {
            I18n.setLocale(before);
        }
    }

    @Test
    void aFileLockedByAnotherProgramIsBusyNotDamaged() throws Exception {
        Path f = project("busy.segmenta");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 0");
            s.execute("BEGIN EXCLUSIVE");
            s.execute("UPDATE meta SET value = value");
            UserException e = openFails(f);
            assertThat(e.key()).isEqualTo("project.error.busy");
            assertThat(e.getMessage()).contains(f.toString()).contains("another program");
            s.execute("ROLLBACK");
        }
        assertThat(ProjectStore.open(f).datasets()).hasSize(2);
    }

    @Test
    void anUndamagedFileStillOpens() {
        Path f = project("fine.segmenta");
        assertThat(ProjectStore.open(f).dataset("clientes")).isPresent();
        assertThat(ProjectStore.info(f).datasets()).hasSize(2);
    }

    // ---- messages ----

    private static Properties bundle(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProjectDamageTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** I18nTest checks tr(...) and UserException(...) keys; this also covers new ProjectDamage(...) and phrase(...). */
    @Test
    void everyProjectKeyInTheCodeIsInBothLanguages() throws IOException {
        Properties en = bundle("/io/segmenta/i18n/project.properties");
        Properties es = bundle("/io/segmenta/i18n/project_es.properties");
        Path sources = Path.of("src/main/java/io/segmenta/core/project");
        Pattern key = Pattern.compile("\"(project\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
        TreeSet<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) used.add(m.group(1));
            }
        }
        assertThat(used).contains("project.damage.codec.length", "project.damage.json.syntax", "project.damage.where.column");
        List<String> missing = new ArrayList<>();
        for (String k : used) {
            if (!en.containsKey(k)) missing.add(k + " (English)");
            if (!es.containsKey(k)) missing.add(k + " (Spanish)");
        }
        assertThat(missing).isEmpty();
    }
}
