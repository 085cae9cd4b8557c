package io.segmenta.core.project;

import org.sqlite.SQLiteConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tables of a {@code .segmenta} file and the migrations that create them.
 * <p>
 * The format version lives in {@code PRAGMA user_version}; {@code PRAGMA application_id} holds
 * {@link #APPLICATION_ID} so a Segmenta project is told apart from any other SQLite file by its header
 * alone. Each {@link Migration} brings a database from {@code toVersion - 1} to {@code toVersion}; all the
 * pending ones run in one transaction together with the version bump, so a file is always at exactly one
 * version. Names of datasets and columns are data in rows, never SQL identifiers.
 */
final class ProjectSchema {
    private ProjectSchema() { }

    /** {@code PRAGMA application_id} of every project file: the ASCII bytes "SGMT". */
    static final int APPLICATION_ID = 0x53474D54;

    /** One step of the format: the statements that bring version {@code toVersion - 1} to {@code toVersion}. */
    record Migration(int toVersion, List<String> statements) {
        Migration {
            statements = List.copyOf(statements);
        }
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, List.of(
                    """
                    CREATE TABLE meta (
                        key   TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    ) STRICT""",
                    """
                    CREATE TABLE dataset (
                        id            INTEGER PRIMARY KEY,
                        position      INTEGER NOT NULL UNIQUE,
                        name          TEXT    NOT NULL UNIQUE,
                        row_count     INTEGER NOT NULL CHECK (row_count >= 0),
                        column_count  INTEGER NOT NULL CHECK (column_count >= 0),
                        origin        TEXT    NOT NULL,
                        settings_json TEXT,
                        report_json   TEXT,
                        recipe        TEXT,
                        created_at    TEXT    NOT NULL
                    ) STRICT""",
                    """
                    CREATE TABLE source_file (
                        dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                        position   INTEGER NOT NULL,
                        path       TEXT    NOT NULL,
                        size_bytes INTEGER NOT NULL,
                        sha256     TEXT,
                        PRIMARY KEY (dataset_id, position)
                    ) STRICT""",
                    """
                    CREATE TABLE dataset_column (
                        id            INTEGER PRIMARY KEY,
                        dataset_id    INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                        position      INTEGER NOT NULL,
                        name          TEXT    NOT NULL,
                        type          TEXT    NOT NULL,
                        id_like       INTEGER NOT NULL,
                        missing_count INTEGER NOT NULL,
                        dictionary    BLOB,
                        UNIQUE (dataset_id, position),
                        UNIQUE (dataset_id, name)
                    ) STRICT""",
                    """
                    CREATE TABLE column_chunk (
                        column_id   INTEGER NOT NULL REFERENCES dataset_column(id) ON DELETE CASCADE,
                        chunk_index INTEGER NOT NULL,
                        first_row   INTEGER NOT NULL,
                        row_count   INTEGER NOT NULL,
                        data        BLOB    NOT NULL,
                        missing     BLOB,
                        PRIMARY KEY (column_id, chunk_index)
                    ) STRICT""",
                    """
                    CREATE TABLE dataset_description (
                        dataset_id  INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                        position    INTEGER NOT NULL,
                        column_name TEXT    NOT NULL,
                        description TEXT    NOT NULL,
                        PRIMARY KEY (dataset_id, position)
                    ) STRICT""",
                    """
                    CREATE TABLE artifact (
                        id           INTEGER PRIMARY KEY,
                        position     INTEGER NOT NULL UNIQUE,
                        kind         TEXT    NOT NULL,
                        name         TEXT    NOT NULL,
                        dataset_name TEXT,
                        options_json TEXT,
                        result_json  TEXT,
                        payload      BLOB,
                        created_at   TEXT    NOT NULL
                    ) STRICT""",
                    "CREATE INDEX artifact_kind_name ON artifact(kind, name)")),
            // checksums of the stored values (see ProjectChecksums): NULL only in files of version 1
            new Migration(2, List.of(
                    "ALTER TABLE column_chunk ADD COLUMN checksum INTEGER",
                    "ALTER TABLE dataset_column ADD COLUMN dictionary_checksum INTEGER",
                    "ALTER TABLE artifact ADD COLUMN checksum INTEGER")));

    /** Tables that every project of the current version has. */
    static final Set<String> REQUIRED_TABLES = Set.of(
            "meta", "dataset", "source_file", "dataset_column", "column_chunk", "dataset_description", "artifact");

    /** Column names of {@code table} in {@code c}, as declared; empty when there is no such table. */
    static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
            ps.setString(1, table);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) names.add(r.getString(1));
            }
        }
        return names;
    }

    private static final Map<Integer, Map<String, List<String>>> EXPECTED_COLUMNS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The tables of a format version and their columns, in lower case, read from a database built by
     * {@link #MIGRATIONS} in memory so the list cannot drift from the statements.
     */
    static Map<String, List<String>> expectedColumns(int version) throws SQLException {
        Map<String, List<String>> m = EXPECTED_COLUMNS.get(version);
        if (m != null) return m;
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite::memory:")) {
            migrate(c, version);
            for (String t : tables(c)) {
                String table = t.toLowerCase(Locale.ROOT);
                if (!REQUIRED_TABLES.contains(table)) continue;
                out.put(table, columns(c, t).stream().map(x -> x.toLowerCase(Locale.ROOT)).sorted().toList());
            }
        }
        m = Collections.unmodifiableMap(out);
        EXPECTED_COLUMNS.put(version, m);
        return m;
    }

    static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    static int applicationId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA application_id")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    static Set<String> tables(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
            while (r.next()) names.add(r.getString(1));
        }
        return names;
    }

    /**
     * Brings a writable database to {@code target} (normally {@link ProjectStore#SCHEMA_VERSION}) in one
     * transaction and stamps the application id. A database already at the target is left alone.
     *
     * @throws IllegalStateException when the database is newer than {@code target} or belongs to another
     *                               application
     */
    static void migrate(Connection c, int target) throws SQLException {
        int current = userVersion(c);
        int appId = applicationId(c);
        if (current > target) throw new IllegalStateException("database is at version " + current + ", newer than " + target);
        if (appId != 0 && appId != APPLICATION_ID) throw new IllegalStateException("not a Segmenta database: application_id " + appId);
        if (current == target) return;
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (Migration m : MIGRATIONS) {
                if (m.toVersion() <= current || m.toVersion() > target) continue;
                for (String sql : m.statements()) s.execute(sql);
            }
            // PRAGMA values cannot be bound as parameters; both are ints formatted here, never user text.
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("PRAGMA user_version = " + target);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
