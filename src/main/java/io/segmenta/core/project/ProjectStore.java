package io.segmenta.core.project;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.io.SourceFile;
import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Saves and opens projects as single {@code .segmenta} files (SQLite; tables in {@link ProjectSchema},
 * column data encoded by {@link ColumnCodec} in chunks of {@link #CHUNK_ROWS} rows).
 *
 * <h2>How saving stays atomic</h2>
 * A save writes the whole project into a new temporary file in the target's folder and then renames it
 * over the target with {@link StandardCopyOption#ATOMIC_MOVE}. This was chosen over rewriting the target
 * in one transaction because:
 * <ul>
 *   <li>the previous file is never opened for writing, so a crash, a kill, a full disk or a cancel at any
 *       moment leaves it byte for byte as it was; only the rename publishes the new content, and a rename
 *       within one folder is atomic on POSIX file systems and NTFS;</li>
 *   <li>it works the same whether the target is absent, a valid project, or something to be replaced, with
 *       no journal of the old file to recover on the next open;</li>
 *   <li>the file never keeps the free pages of deleted data, so it shrinks when datasets are removed
 *       without a {@code VACUUM};</li>
 *   <li>readers can open the file read-only without locks fighting a writer: a reader holding the old file
 *       keeps reading the old inode.</li>
 * </ul>
 * The temporary file is written in WAL mode inside one transaction; it is then checkpointed, switched back to
 * the rollback journal (so the published file is one self-contained file: a read-only open of a WAL file
 * would leave {@code -wal} and {@code -shm} files beside it), forced to disk, renamed, and the folder is
 * synced. On failure or cancellation the temporary files are deleted and the target is untouched. A process
 * killed mid-save can leave a hidden {@code .NAME.*.saving} file in the folder; it is never read.
 *
 * <h2>Opening</h2>
 * Opening and {@link #info(Path)} first check the 100-byte SQLite header (magic string,
 * {@code application_id}, {@code user_version}) with plain file reads, then open the database read-only.
 * They never write to the file. Every problem is reported as a {@link UserException} naming the file; a file
 * that was edited by hand or damaged on disk is {@code project.error.corrupt} with a plain-words reason
 * ({@link ProjectDamage}) found by {@link ProjectReader}, which checks every value it reads.
 */
public final class ProjectStore {
    private ProjectStore() { }

    /** The format version this build writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 2;

    /** Rows per stored chunk of a column; a multiple of 64 so bit sets split on word boundaries. */
    static final int CHUNK_ROWS = 1_000_000;

    /** File name suffix of projects. */
    public static final String EXTENSION = ".segmenta";

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int PAGE_SIZE = 65_536;
    private static final SecureRandom RANDOM = new SecureRandom();

    // =====================================================================================================
    // open
    // =====================================================================================================

    /** Reads a whole project; every problem with the file is a {@link UserException} naming it. */
    public static Project open(Path file) {
        Objects.requireNonNull(file, "file");
        Stamp before = Stamp.of(file); // before reading: a file replaced meanwhile counts as changed at save time
        int version = checkHeader(file);
        try (Connection c = openReadOnly(file)) {
            checkTables(c, file, version);
            Project p = ProjectReader.readProject(c, version);
            if (before != null) OPENED.put(key(file), before);
            return p;
        } catch (Exception e) {
            throw readProblem(file, e);
        }
    }

    /**
     * What a project file was when this program last opened or saved it: its identity (each save makes a new
     * file), size and time. Saving checks it, so that two commands or windows working on the same project do
     * not silently lose each other's changes (the last one to save would win).
     */
    private record Stamp(Object fileKey, long size, java.nio.file.attribute.FileTime modified) {
        static Stamp of(Path file) {
            try {
                var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                return new Stamp(a.fileKey(), a.size(), a.lastModifiedTime());
            } catch (IOException e) {
                return null;
            }
        }
    }

    private static final java.util.Map<Path, Stamp> OPENED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Path key(Path file) {
        Path p = file.toAbsolutePath().normalize();
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    /** Lists what a project holds without reading column data. */
    public static ProjectInfo info(Path file) {
        Objects.requireNonNull(file, "file");
        int version = checkHeader(file);
        try (Connection c = openReadOnly(file)) {
            checkTables(c, file, version);
            return ProjectReader.readInfo(c, file, version);
        } catch (Exception e) {
            throw readProblem(file, e);
        }
    }

    /**
     * Checks that {@code file} exists, is readable and has the header of a Segmenta project this version can
     * read. Reads only the first 100 bytes.
     *
     * @return the file's format version
     */
    static int checkHeader(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) throw new UserException("project.error.notFound", name);
        // not a regular file (a folder, a pipe or a device) is refused before reading: a pipe would block forever
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) throw new UserException("project.error.notReadable", name);
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(100);
        } catch (NoSuchFileException e) {
            throw new UserException(e, "project.error.notFound", name);
        } catch (IOException e) {
            throw new UserException(e, "project.error.notReadable", name);
        }
        if (header.length < 100 || !Arrays.equals(header, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0, SQLITE_MAGIC.length)) {
            throw new UserException("project.error.notSqlite", name);
        }
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
        int userVersion = h.getInt(60);
        int applicationId = h.getInt(68);
        if (applicationId != ProjectSchema.APPLICATION_ID) throw new UserException("project.error.notProject", name);
        if (userVersion > SCHEMA_VERSION) {
            throw new UserException("project.error.newer", name, String.valueOf(userVersion), String.valueOf(SCHEMA_VERSION));
        }
        if (userVersion < 1) throw damaged(file, new ProjectDamage("project.damage.version", String.valueOf(userVersion)));
        return userVersion;
    }

    private static void checkTables(Connection c, Path file, int version) throws SQLException {
        if (!ProjectReader.checkLayout(c, version)) throw new UserException("project.error.notProject", file.toString());
    }

    /** The file is damaged: {@code damage} says where and what, in plain words. */
    private static UserException damaged(Path file, ProjectDamage damage) {
        return new UserException(damage, "project.error.corrupt", file.toString(), damage);
    }

    /**
     * What to tell the user about a failure while reading {@code file}. Nothing read from a file is trusted,
     * so any exception here is a problem with the file, never shown with its internal text.
     */
    private static UserException readProblem(Path file, Exception e) {
        if (e instanceof UserException u) return u;
        if (e instanceof ProjectDamage d) return damaged(file, d);
        if (e instanceof SQLException se) return sqlProblem(file, se);
        // a check this class misses (an impossible value the data model rejects): still the file's fault
        return damaged(file, new ProjectDamage(e, "project.damage.unreadable"));
    }

    private static UserException sqlProblem(Path file, SQLException e) {
        String name = file.toString();
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            int primary = code == null || code.code < 0 ? -1 : code.code & 0xFF; // extended codes keep the primary in the low byte
            if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code || primary == SQLiteErrorCode.SQLITE_PERM.code) {
                return new UserException(e, "project.error.notReadable", name);
            }
            if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                return new UserException(e, "project.error.busy", name);
            }
            // NOTADB here means a header that passed checkHeader (magic string, application id) is damaged further on
            if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code
                    || primary == SQLiteErrorCode.SQLITE_FORMAT.code) {
                return damaged(file, new ProjectDamage(e, "project.damage.sqliteCorrupt"));
            }
            if (primary >= 0) {
                return damaged(file, new ProjectDamage(e, "project.damage.sqlite", code.name()));
            }
        }
        return damaged(file, new ProjectDamage(e, "project.damage.sqliteCorrupt"));
    }

    /** JDBC URL of a file: a percent-encoded {@code file:} URI, so no character of the name is taken as a URL option. */
    static String jdbcUrl(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath().toUri().toASCIIString();
    }

    private static Connection openReadOnly(Path file) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.enforceForeignKeys(true);
        return cfg.createConnection(jdbcUrl(file));
    }

    // =====================================================================================================
    // save
    // =====================================================================================================

    /**
     * Saves {@code project} to {@code file}, replacing it atomically (see the class comment). Reports
     * progress per column; on cancellation throws {@link CancelledException} and leaves {@code file} as it
     * was.
     */
    public static void save(Project project, Path file, TaskContext ctx) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(file, "file");
        TaskContext task = ctx == null ? TaskContext.NONE : ctx;
        String name = file.toString();
        Path target = file.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(target)) {
            // replace the file the link points to, not the link itself
            try {
                target = target.toRealPath();
            } catch (IOException e) {
                throw new UserException(e, "project.error.saveFailed", name, describe(e));
            }
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new UserException("project.error.noFolder", name);
        if (Files.isDirectory(target)) throw new UserException("project.error.isFolder", name);
        task.checkCancelled();

        Path tmp;
        try {
            tmp = createTemp(target);
        } catch (IOException e) {
            throw new UserException(e, "project.error.saveFailed", name, describe(e));
        }
        boolean published = false;
        try {
            writeProject(project, tmp, task);
            task.checkCancelled();
            force(tmp);
            Stamp seen = OPENED.get(key(target));
            if (seen != null && Files.exists(target) && !seen.equals(Stamp.of(target))) {
                // someone else saved it since we read it: replacing it would drop their changes
                throw new UserException("project.error.changedSinceOpened", name);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            published = true;
            Stamp now = Stamp.of(target);
            if (now != null) OPENED.put(key(target), now);
            syncFolder(dir);
        } catch (SQLException e) {
            throw new UserException(e, "project.error.saveFailed", name, String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new UserException(e, "project.error.saveFailed", name, describe(e));
        } finally {
            if (!published) deleteTemp(tmp);
        }
    }

    /** A new empty hidden file beside {@code target}, with the folder's default permissions. */
    private static Path createTemp(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String random = Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
            Path p = target.resolveSibling("." + target.getFileName() + "." + random + ".saving");
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    private static String describe(IOException e) { return I18n.describe(e); }

    private static void deleteTemp(Path tmp) {
        for (String suffix : new String[]{"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + suffix));
            } catch (IOException ignored) {
                // best effort: a leftover hidden temp file is never read
            }
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Makes the rename durable where the platform allows syncing a folder (Linux, macOS). */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a folder as a channel; NTFS journals the rename itself
        }
    }

    private static void writeProject(Project project, Path tmp, TaskContext task) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.enforceForeignKeys(true);
        try (Connection c = cfg.createConnection(jdbcUrl(tmp))) {
            try (Statement s = c.createStatement()) {
                // the page size must be set before the first write; large pages suit multi-megabyte blobs
                s.execute("PRAGMA page_size = " + PAGE_SIZE);
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            ProjectSchema.migrate(c, SCHEMA_VERSION);

            long totalColumns = 0;
            for (DatasetEntry e : project.datasets()) totalColumns += e.dataset().columnCount();
            long total = totalColumns + 1;
            long done = 0;

            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta(key, value) VALUES (?, ?)")) {
                    ps.setString(1, "saved_at");
                    ps.setString(2, Instant.now().toString());
                    ps.executeUpdate();
                    ps.setString(1, "saved_by");
                    ps.setString(2, "Segmenta " + versionOfThisBuild());
                    ps.executeUpdate();
                }
                long columnId = 0;
                int position = 0;
                try (PreparedStatement ds = c.prepareStatement("""
                        INSERT INTO dataset(id, position, name, row_count, column_count, origin, settings_json,
                                            report_json, recipe, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                     PreparedStatement src = c.prepareStatement(
                             "INSERT INTO source_file(dataset_id, position, path, size_bytes, sha256) VALUES (?, ?, ?, ?, ?)");
                     PreparedStatement desc = c.prepareStatement(
                             "INSERT INTO dataset_description(dataset_id, position, column_name, description) VALUES (?, ?, ?, ?)");
                     PreparedStatement col = c.prepareStatement("""
                             INSERT INTO dataset_column(id, dataset_id, position, name, type, id_like, missing_count, dictionary,
                                                        dictionary_checksum)
                             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                     PreparedStatement chunk = c.prepareStatement("""
                             INSERT INTO column_chunk(column_id, chunk_index, first_row, row_count, data, missing, checksum)
                             VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                    for (DatasetEntry e : project.datasets()) {
                        Dataset d = e.dataset();
                        long datasetId = ++position;
                        ds.setLong(1, datasetId);
                        ds.setInt(2, position);
                        ds.setString(3, d.name());
                        ds.setLong(4, d.rowCount());
                        ds.setInt(5, d.columnCount());
                        ds.setString(6, e.origin());
                        ds.setString(7, ProjectJson.settingsToJson(e.settings()));
                        ds.setString(8, ProjectJson.reportToJson(e.report()));
                        ds.setString(9, e.recipe());
                        ds.setString(10, e.createdAt().toString());
                        ds.executeUpdate();

                        int i = 0;
                        for (SourceFile f : e.sources()) {
                            src.setLong(1, datasetId);
                            src.setInt(2, i++);
                            src.setString(3, f.path());
                            src.setLong(4, f.sizeBytes());
                            src.setString(5, f.sha256());
                            src.executeUpdate();
                        }
                        i = 0;
                        for (Map.Entry<String, String> de : d.descriptions().entrySet()) {
                            if (de.getKey() == null || de.getValue() == null) continue;
                            desc.setLong(1, datasetId);
                            desc.setInt(2, i++);
                            desc.setString(3, de.getKey());
                            desc.setString(4, de.getValue());
                            desc.executeUpdate();
                        }
                        int colPosition = 0;
                        for (Column column : d.columns()) {
                            task.checkCancelled();
                            columnId++;
                            col.setLong(1, columnId);
                            col.setLong(2, datasetId);
                            col.setInt(3, colPosition++);
                            col.setString(4, column.name());
                            col.setString(5, column.type().key());
                            col.setInt(6, column.idLike() ? 1 : 0);
                            col.setLong(7, column.missingCount());
                            byte[] dictionary = switch (column) {
                                case StringColumn sc -> ColumnCodec.encodeDictionary(sc.dictionary());
                                // the words of a true/false column (false, true), unless they are plain true/false
                                case BooleanColumn bc when !bc.plainLabels() ->
                                        ColumnCodec.encodeDictionary(new String[]{bc.falseLabel(), bc.trueLabel()});
                                default -> null;
                            };
                            if (dictionary != null) col.setBytes(8, dictionary); else col.setNull(8, java.sql.Types.BLOB);
                            col.setLong(9, ProjectChecksums.dictionary(d.name(), column.name(), column.type().key(), dictionary));
                            col.executeUpdate();
                            writeChunks(chunk, columnId, d.name(), column, task);
                            task.progress(++done, total, I18n.tr("project.progress.column", d.name(), column.name()));
                        }
                    }
                }
                task.checkCancelled();
                writeArtifacts(c, project.artifacts());
                task.progress(++done, total, I18n.tr("project.progress.finishing"));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                // leave WAL so the published file is self-contained and opens read-only without -wal/-shm files
                try (ResultSet r = s.executeQuery("PRAGMA journal_mode = DELETE")) {
                    if (!r.next() || !"delete".equalsIgnoreCase(r.getString(1))) {
                        throw new SQLException("could not leave WAL mode");
                    }
                }
            }
        }
    }

    private static void writeChunks(PreparedStatement chunk, long columnId, String dataset, Column column, TaskContext task)
            throws SQLException {
        int rows = column.size();
        long[] missingWords = column.missingCount() == 0 ? null : column.missingMask().toLongArray();
        long[] boolWords = column instanceof BooleanColumn b ? b.trueMask().toLongArray() : null;
        int index = 0;
        for (int first = 0; first < rows; first += CHUNK_ROWS) {
            task.checkCancelled();
            int n = Math.min(CHUNK_ROWS, rows - first);
            byte[] data = switch (column) {
                case LongColumn l -> ColumnCodec.encodeLongs(l.rawValues(), first, n);
                case DateTimeColumn t -> ColumnCodec.encodeLongs(t.rawValues(), first, n);
                case DoubleColumn dc -> ColumnCodec.encodeDoubles(dc.rawValues(), first, n);
                case DateColumn dt -> ColumnCodec.encodeInts(dt.rawValues(), first, n);
                case StringColumn s -> ColumnCodec.encodeInts(s.rawCodes(), first, n);
                case BooleanColumn b -> ColumnCodec.encodeBitWords(boolWords, first >>> 6, n);
            };
            byte[] missing = missingWords == null ? null : ColumnCodec.encodeBitWords(missingWords, first >>> 6, n);
            if (missing != null && isZero(missing)) missing = null;
            chunk.setLong(1, columnId);
            chunk.setInt(2, index++);
            chunk.setInt(3, first);
            chunk.setInt(4, n);
            chunk.setBytes(5, data);
            if (missing == null) chunk.setNull(6, java.sql.Types.BLOB); else chunk.setBytes(6, missing);
            chunk.setLong(7, ProjectChecksums.chunk(dataset, column.name(), column.type().key(), index - 1, first, n, data, missing));
            chunk.executeUpdate();
        }
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static void writeArtifacts(Connection c, List<Artifact> artifacts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO artifact(position, kind, name, dataset_name, options_json, result_json, payload, created_at, checksum)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int position = 0;
            for (Artifact a : artifacts) {
                ps.setInt(1, position++);
                ps.setString(2, a.kind());
                ps.setString(3, a.name());
                ps.setString(4, a.datasetName());
                ps.setString(5, a.optionsJson());
                ps.setString(6, a.resultJson());
                if (a.payload() == null) ps.setNull(7, java.sql.Types.BLOB); else ps.setBytes(7, a.payload());
                ps.setString(8, a.createdAt().toString());
                ps.setLong(9, ProjectChecksums.artifact(a.kind(), a.name(), a.datasetName(), a.optionsJson(), a.resultJson(),
                        a.payload(), a.createdAt().toString()));
                ps.executeUpdate();
            }
        }
    }

    private static String versionOfThisBuild() {
        String v = ProjectStore.class.getPackage() == null ? null : ProjectStore.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
