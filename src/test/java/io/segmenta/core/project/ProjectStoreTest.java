package io.segmenta.core.project;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.segmenta.core.project.ProjectFixtures.artifact;
import static io.segmenta.core.project.ProjectFixtures.assertSameProject;
import static io.segmenta.core.project.ProjectFixtures.derived;
import static io.segmenta.core.project.ProjectFixtures.imported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProjectStoreTest {

    @TempDir
    Path dir;

    private static Project sample() {
        return new Project(List.of(
                imported(ProjectFixtures.everyType("clientes")),
                derived(ProjectFixtures.allMissing("Logroño'); DROP TABLE dataset;--", 70)),
                derived(ProjectFixtures.empty("vacío")),
                derived(new Dataset("no columns", List.of()))),
                List.of(artifact("segmentation", "k=4", new byte[]{0, 1, 2, (byte) 255}),
                        artifact("model", "rf \"best\"", null),
                        new Artifact("campaign", "empty payload", null, null, null, new byte[0], Instant.EPOCH)));
    }

    private Path save(Project p, String name) {
        Path f = dir.resolve(name);
        ProjectStore.save(p, f, TaskContext.NONE);
        return f;
    }

    private List<String> folder() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static UserException openFails(Path f) {
        return catchThrowableOfType(UserException.class, () -> ProjectStore.open(f));
    }

    private static void sql(Path f, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            for (String q : statements) s.execute(q);
        }
    }

    // ---- round trips ----

    @Test
    void roundTripsEveryColumnTypeMetadataAndArtifacts() throws IOException {
        Project p = sample();
        Path f = save(p, "Cádiz & Logroño ?#%.segmenta");

        assertSameProject(ProjectStore.open(f), p);
        assertThat(folder()).containsExactly("Cádiz & Logroño ?#%.segmenta");
        byte[] header = Files.readAllBytes(f);
        assertThat(header[18]).as("rollback journal, not WAL, in the saved file").isEqualTo((byte) 1);
    }

    @Test
    void aProjectSavedElsewhereSinceItWasOpenedIsNotReplaced() throws IOException {
        Path f = save(sample(), "shared.segmenta");
        Project mine = ProjectStore.open(f);
        // another command (another program) saves the project meanwhile
        Path other = save(new Project(List.of(derived(ProjectFixtures.empty("theirs"))), List.of()), "other.segmenta");
        Files.copy(other, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] theirs = Files.readAllBytes(f);
        UserException e = catchThrowableOfType(UserException.class, () -> ProjectStore.save(mine.withoutDataset("vacío"), f, TaskContext.NONE));
        assertThat(e.key()).isEqualTo("project.error.changedSinceOpened");
        assertThat(e.getMessage()).contains("shared.segmenta").contains("not replaced");
        assertThat(Files.readAllBytes(f)).isEqualTo(theirs);
        assertThat(folder()).containsExactly("other.segmenta", "shared.segmenta");
        // opened again, it saves; and saving twice in a row from here is fine
        Project again = ProjectStore.open(f);
        ProjectStore.save(again.withDataset(imported(ProjectFixtures.everyType("mine"))), f, TaskContext.NONE);
        ProjectStore.save(ProjectStore.open(f), f, TaskContext.NONE);
        assertThat(ProjectStore.open(f).dataset("mine")).isPresent();
    }

    @Test
    void roundTripsColumnsLongerThanOneChunk() {
        int n = ProjectStore.CHUNK_ROWS + 37;
        Random rnd = new Random(7);
        long[] longs = new long[n];
        BitSet trues = new BitSet(n);
        BitSet missing = new BitSet(n);
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            longs[i] = rnd.nextLong();
            if (rnd.nextBoolean()) trues.set(i);
            if (rnd.nextInt(10) == 0) missing.set(i);
            codes[i] = missing.get(i) ? -1 : rnd.nextInt(3);
        }
        missing.set(n - 1); // last row of the short last chunk
        missing.set(ProjectStore.CHUNK_ROWS - 1);
        missing.set(ProjectStore.CHUNK_ROWS);
        Dataset d = new Dataset("big", List.of(
                new LongColumn("l", longs, missing),
                new BooleanColumn("b", n, trues, missing),
                new StringColumn("s", codes, new String[]{"a", "b", "c"}, missing, true, false)));
        Project p = Project.empty().withDataset(derived(d));

        assertSameProject(ProjectStore.open(save(p, "big.segmenta")), p);
    }

    @Test
    void trueFalseColumnsKeepTheFilesWords() throws IOException {
        BitSet t = new BitSet();
        t.set(1);
        Dataset d = new Dataset("words", List.of(
                new BooleanColumn("socio", 3, t, null, false, "Sí", "No"),
                new BooleanColumn("plain", 3, t, null)));
        Project p = Project.empty().withDataset(derived(d));
        Project back = ProjectStore.open(save(p, "words.segmenta"));
        assertSameProject(back, p);
        assertThat(back.datasets().getFirst().dataset().column("socio").format(1)).isEqualTo("Sí");
        assertThat(back.datasets().getFirst().dataset().column("plain").format(0)).isEqualTo("false");
    }

    @Test
    void savingAgainReplacesTheContent() throws IOException {
        Path f = save(sample(), "p.segmenta");
        Project smaller = Project.empty().withDataset(derived(ProjectFixtures.everyType("only")));
        ProjectStore.save(smaller, f, TaskContext.NONE);

        assertSameProject(ProjectStore.open(f), smaller);
        assertThat(folder()).containsExactly("p.segmenta");
    }

    @Test
    void savesOverAFileThatIsNotAProject() throws IOException {
        Path f = dir.resolve("p.segmenta");
        Files.writeString(f, "old notes");
        ProjectStore.save(sample(), f, TaskContext.NONE);
        assertSameProject(ProjectStore.open(f), sample());
    }

    @Test
    void reportsProgressPerColumn() {
        List<Long> done = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        TaskContext ctx = new TaskContext() {
            @Override public void progress(long d, long total, String message) {
                done.add(d);
                messages.add(message);
                assertThat(total).isEqualTo(9 + 7 + 6 + 0 + 1);
            }
            @Override public boolean isCancelled() { return false; }
        };
        ProjectStore.save(sample(), dir.resolve("p.segmenta"), ctx);
        assertThat(done).hasSize(23).isSorted().endsWith(23L);
        assertThat(messages.getFirst()).contains("clientes").contains("id");
    }

    @Test
    void cancellingLeavesTheTargetUnchangedAndNoTemporaryFiles() throws IOException {
        Path f = save(Project.empty().withDataset(derived(ProjectFixtures.everyType("old"))), "p.segmenta");
        byte[] before = Files.readAllBytes(f);
        AtomicInteger calls = new AtomicInteger();
        TaskContext cancelAfterTwo = new TaskContext() {
            @Override public void progress(long d, long total, String message) { calls.incrementAndGet(); }
            @Override public boolean isCancelled() { return calls.get() >= 2; }
        };

        assertThatThrownBy(() -> ProjectStore.save(sample(), f, cancelAfterTwo)).isInstanceOf(CancelledException.class);

        assertThat(calls.get()).isEqualTo(2);
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertThat(folder()).containsExactly("p.segmenta");
    }

    @Test
    void savingIntoAMissingFolderOrOverAFolderFails() throws IOException {
        UserException e = catchThrowableOfType(UserException.class,
                () -> ProjectStore.save(sample(), dir.resolve("nowhere/p.segmenta"), TaskContext.NONE));
        assertThat(e.key()).isEqualTo("project.error.noFolder");
        assertThat(e.getMessage()).contains("p.segmenta");

        Files.createDirectory(dir.resolve("folder.segmenta"));
        e = catchThrowableOfType(UserException.class,
                () -> ProjectStore.save(sample(), dir.resolve("folder.segmenta"), TaskContext.NONE));
        assertThat(e.key()).isEqualTo("project.error.isFolder");
        assertThat(folder()).containsExactly("folder.segmenta");
    }

    // ---- info ----

    @Test
    void infoListsDatasetsAndArtifacts() {
        Path f = save(sample(), "p.segmenta");
        ProjectInfo info = ProjectStore.info(f);

        assertThat(info.file()).isEqualTo(f);
        assertThat(info.schemaVersion()).isEqualTo(ProjectStore.SCHEMA_VERSION);
        assertThat(info.datasets()).extracting(ProjectInfo.DatasetSummary::name)
                .containsExactly("clientes", "Logroño'); DROP TABLE dataset;--", "vacío", "no columns");
        ProjectInfo.DatasetSummary first = info.datasets().getFirst();
        assertThat(first.rows()).isEqualTo(5);
        assertThat(first.columns()).isEqualTo(9);
        assertThat(first.origin()).isEqualTo("import");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456789Z"));
        assertThat(first.sources()).containsExactly("data/clientes Cádiz.csv", "b.csv");
        assertThat(info.datasets().get(1).rows()).isEqualTo(70);
        assertThat(info.datasets().get(1).sources()).isEmpty();
        assertThat(info.artifacts()).containsExactly(
                new ProjectInfo.ArtifactSummary("segmentation", "k=4", "clientes", Instant.parse("2026-04-05T06:07:08.9Z")),
                new ProjectInfo.ArtifactSummary("model", "rf \"best\"", "clientes", Instant.parse("2026-04-05T06:07:08.9Z")),
                new ProjectInfo.ArtifactSummary("campaign", "empty payload", null, Instant.EPOCH));
    }

    @Test
    void infoChecksTheStoredBlocksOfAFileWithChecksumsAndOnlyTheSummaryOfAnOlderOne() throws SQLException {
        Path f = save(sample(), "p.segmenta");
        assertThat(ProjectStore.info(f).datasets()).hasSize(4);
        sql(f, "UPDATE column_chunk SET data = x'01'");
        assertThat(openFails(f).key()).isEqualTo("project.error.corrupt");
        assertThat(catchThrowableOfType(UserException.class, () -> ProjectStore.info(f)).key()).isEqualTo("project.error.corrupt");
        // format 1 has nothing to check the blocks against: info lists the summary, opening reports the damage
        sql(f, ProjectDamageTest.TO_VERSION_1);
        assertThat(ProjectStore.info(f).datasets()).hasSize(4);
        assertThat(openFails(f).key()).isEqualTo("project.error.corrupt");
    }

    // ---- bad files ----

    @Test
    void missingFile() {
        Path f = dir.resolve("absent.segmenta");
        UserException e = openFails(f);
        assertThat(e.key()).isEqualTo("project.error.notFound");
        assertThat(e.getMessage()).contains("absent.segmenta");
        assertThatThrownBy(() -> ProjectStore.info(f)).isInstanceOf(UserException.class).hasMessageContaining("absent.segmenta");
        assertThat(Files.exists(f)).isFalse();
    }

    @Test
    void aFolderIsNotReadable() throws IOException {
        Path f = Files.createDirectory(dir.resolve("d.segmenta"));
        assertThat(openFails(f).key()).isEqualTo("project.error.notReadable");
    }

    @Test
    void newerFormatIsRejectedAndTheFileIsLeftAlone() throws Exception {
        Path f = save(sample(), "future.segmenta");
        sql(f, "PRAGMA user_version = 7");
        byte[] before = Files.readAllBytes(f);
        FileTime modified = Files.getLastModifiedTime(f);

        UserException e = openFails(f);
        assertThat(e.key()).isEqualTo("project.error.newer");
        assertThat(e.getMessage()).isEqualTo(f + " was saved by a newer Segmenta (format 7); this version reads up to "
                + ProjectStore.SCHEMA_VERSION + ". Update Segmenta to open it.");
        assertThatThrownBy(() -> ProjectStore.info(f)).isInstanceOf(UserException.class).hasMessageContaining("format 7");

        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(f)).isEqualTo(modified);
        assertThat(folder()).containsExactly("future.segmenta");
    }

    @Test
    void otherSqliteDatabasesAreNotProjects() throws Exception {
        Path other = dir.resolve("other.db");
        sql(other, "CREATE TABLE dataset(x)", "INSERT INTO dataset VALUES (1)");
        byte[] before = Files.readAllBytes(other);
        UserException e = openFails(other);
        assertThat(e.key()).isEqualTo("project.error.notProject");
        assertThat(e.getMessage()).contains("other.db").contains("not a Segmenta project");
        assertThat(Files.readAllBytes(other)).isEqualTo(before);

        Path stamped = dir.resolve("stamped.db");
        sql(stamped, "PRAGMA application_id = " + ProjectSchema.APPLICATION_ID, "PRAGMA user_version = 1", "CREATE TABLE t(x)");
        assertThat(openFails(stamped).key()).isEqualTo("project.error.notProject");
        assertThat(catchThrowableOfType(UserException.class, () -> ProjectStore.info(stamped)).key())
                .isEqualTo("project.error.notProject");
    }

    @Test
    void randomBytesTextAndEmptyFilesAreNotSqlite() throws IOException {
        byte[] random = new byte[8192];
        new Random(1).nextBytes(random);
        Path bin = Files.write(dir.resolve("random.segmenta"), random);
        Path text = Files.writeString(dir.resolve("data.segmenta"), "id;ciudad\n1;Cádiz\n".repeat(50), StandardCharsets.UTF_8);
        Path empty = Files.write(dir.resolve("empty.segmenta"), new byte[0]);
        for (Path f : List.of(bin, text, empty)) {
            byte[] before = Files.readAllBytes(f);
            UserException e = openFails(f);
            assertThat(e.key()).as(f.toString()).isEqualTo("project.error.notSqlite");
            assertThat(e.getMessage()).contains(f.getFileName().toString());
            assertThat(Files.readAllBytes(f)).isEqualTo(before);
        }
        assertThat(folder()).containsExactly("data.segmenta", "empty.segmenta", "random.segmenta");
    }

    @Test
    void damagedFilesAreReportedAsCorrupt() throws Exception {
        Path f = save(sample(), "bad.segmenta");
        sql(f, "UPDATE dataset_column SET dictionary = x'FFFFFFFF' WHERE name = 'Cádiz'");
        UserException e = openFails(f);
        assertThat(e.key()).isEqualTo("project.error.corrupt");
        assertThat(e.getMessage()).contains("bad.segmenta").contains("damaged");

        Path codes = save(sample(), "codes.segmenta");
        // a code outside the dictionary on a row that is not missing
        sql(codes, "UPDATE column_chunk SET data = x'0000000009000000FFFFFFFF0200000007000000' "
                + "WHERE column_id = (SELECT id FROM dataset_column WHERE name = 'Cádiz')");
        assertThat(openFails(codes).key()).isEqualTo("project.error.corrupt");

        Path truncated = save(Project.empty().withDataset(derived(ProjectFixtures.allMissing("x", 200_000))), "cut.segmenta");
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(openFails(truncated).key()).isEqualTo("project.error.corrupt");
    }

    @Test
    void openingNeverWritesOrCreatesFiles() throws IOException {
        Path f = save(sample(), "p.segmenta");
        byte[] before = Files.readAllBytes(f);
        FileTime modified = Files.getLastModifiedTime(f);
        ProjectStore.open(f);
        ProjectStore.info(f);
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(f)).isEqualTo(modified);
        assertThat(folder()).containsExactly("p.segmenta");
    }

    // ---- schema and messages ----

    @Test
    void migrationsCoverEveryVersionInOrder() {
        assertThat(ProjectSchema.MIGRATIONS).extracting(ProjectSchema.Migration::toVersion)
                .containsExactly(java.util.stream.IntStream.rangeClosed(1, ProjectStore.SCHEMA_VERSION).boxed().toArray(Integer[]::new));
    }

    @Test
    void migrateCreatesTheSchemaOnceAndRefusesNewerDatabases() throws SQLException {
        Path f = dir.resolve("m.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f)) {
            ProjectSchema.migrate(c, ProjectStore.SCHEMA_VERSION);
            ProjectSchema.migrate(c, ProjectStore.SCHEMA_VERSION);
            assertThat(ProjectSchema.userVersion(c)).isEqualTo(ProjectStore.SCHEMA_VERSION);
            assertThat(ProjectSchema.applicationId(c)).isEqualTo(ProjectSchema.APPLICATION_ID);
            assertThat(ProjectSchema.tables(c)).containsAll(ProjectSchema.REQUIRED_TABLES);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA user_version = " + (ProjectStore.SCHEMA_VERSION + 1));
            }
            assertThatThrownBy(() -> ProjectSchema.migrate(c, ProjectStore.SCHEMA_VERSION)).isInstanceOf(IllegalStateException.class);
        }
    }

    private static java.util.Properties properties(String resource) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = ProjectStoreTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyProjectKeyHasASpanishTranslation() throws IOException {
        java.util.Properties en = properties("/io/segmenta/i18n/project.properties");
        java.util.Properties es = properties("/io/segmenta/i18n/project_es.properties");
        assertThat(en.stringPropertyNames()).isNotEmpty().allMatch(k -> k.startsWith("project."));
        assertThat(es.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(es.values()).allMatch(v -> !v.toString().isBlank());
        assertThat(I18n.tr(Locale.of("es"), "project.error.newer", "p.segmenta", "2", "1"))
                .isEqualTo("p.segmenta se guardó con una versión más reciente de Segmenta (formato 2); esta versión lee hasta el formato 1. Actualice Segmenta para abrirlo.");
    }
}
