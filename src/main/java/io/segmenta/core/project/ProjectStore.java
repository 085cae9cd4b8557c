package io.segmenta.core.project;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
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
import java.nio.file.AccessDeniedException;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * They never write to the file. Every problem is reported as a {@link UserException} naming the file.
 */
public final class ProjectStore {
    private ProjectStore() { }

    /** The format version this build writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

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

    /** Reads a whole project. */
    public static Project open(Path file) {
        Objects.requireNonNull(file, "file");
        checkHeader(file);
        try (Connection c = openReadOnly(file)) {
            checkTables(c, file);
            return readProject(c);
        } catch (SQLException e) {
            throw sqlProblem(file, e);
        } catch (UserException e) {
            throw e;
        } catch (RuntimeException e) {
            // ColumnCodec.CorruptDataException, bad JSON, impossible values rejected by the data model
            throw new UserException(e, "project.error.corrupt", file.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** Lists what a project holds without reading column data. */
    public static ProjectInfo info(Path file) {
        Objects.requireNonNull(file, "file");
        int version = checkHeader(file);
        try (Connection c = openReadOnly(file)) {
            checkTables(c, file);
            List<ProjectInfo.DatasetSummary> datasets = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, row_count, column_count, origin, created_at FROM dataset ORDER BY position");
                 ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    List<String> sources = readSources(c, r.getLong(1)).stream().map(SourceFile::path).toList();
                    datasets.add(new ProjectInfo.DatasetSummary(r.getString(2), r.getLong(3), r.getInt(4),
                            r.getString(5), Instant.parse(r.getString(6)), sources));
                }
            }
            List<ProjectInfo.ArtifactSummary> artifacts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT kind, name, dataset_name, created_at FROM artifact ORDER BY position");
                 ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    artifacts.add(new ProjectInfo.ArtifactSummary(r.getString(1), r.getString(2), r.getString(3),
                            Instant.parse(r.getString(4))));
                }
            }
            return new ProjectInfo(file, version, datasets, artifacts);
        } catch (SQLException e) {
            throw sqlProblem(file, e);
        } catch (UserException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserException(e, "project.error.corrupt", file.toString(), String.valueOf(e.getMessage()));
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
        if (Files.isDirectory(file) || !Files.isReadable(file)) throw new UserException("project.error.notReadable", name);
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
        if (userVersion < 1) throw new UserException("project.error.corrupt", name, "format version " + userVersion);
        return userVersion;
    }

    private static void checkTables(Connection c, Path file) throws SQLException {
        Set<String> tables = ProjectSchema.tables(c);
        if (!tables.containsAll(ProjectSchema.REQUIRED_TABLES)) throw new UserException("project.error.notProject", file.toString());
    }

    private static UserException sqlProblem(Path file, SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB) return new UserException(e, "project.error.notSqlite", file.toString());
            if (code == SQLiteErrorCode.SQLITE_CANTOPEN || code == SQLiteErrorCode.SQLITE_PERM) {
                return new UserException(e, "project.error.notReadable", file.toString());
            }
        }
        return new UserException(e, "project.error.corrupt", file.toString(), String.valueOf(e.getMessage()));
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

    private static Project readProject(Connection c) throws SQLException {
        List<DatasetEntry> datasets = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, name, row_count, column_count, origin, settings_json, report_json, recipe, created_at
                FROM dataset ORDER BY position""");
             ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                long id = r.getLong(1);
                String name = r.getString(2);
                long rows = r.getLong(3);
                int columnCount = r.getInt(4);
                if (rows > Integer.MAX_VALUE) throw new ColumnCodec.CorruptDataException("dataset " + name + " has " + rows + " rows");
                List<Column> columns = readColumns(c, id, (int) rows);
                if (columns.size() != columnCount) {
                    throw new ColumnCodec.CorruptDataException("dataset " + name + " has " + columns.size()
                            + " columns, expected " + columnCount);
                }
                Dataset d = new Dataset(name, columns, readDescriptions(c, id));
                datasets.add(new DatasetEntry(d, r.getString(5), ProjectJson.settingsFromJson(r.getString(6)),
                        readSources(c, id), ProjectJson.reportFromJson(r.getString(7)), Instant.parse(r.getString(9)),
                        r.getString(8)));
            }
        }
        List<Artifact> artifacts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT kind, name, dataset_name, options_json, result_json, payload, created_at
                FROM artifact ORDER BY position""");
             ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                artifacts.add(new Artifact(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getBytes(6), Instant.parse(r.getString(7))));
            }
        }
        return new Project(datasets, artifacts);
    }

    private static List<SourceFile> readSources(Connection c, long datasetId) throws SQLException {
        List<SourceFile> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT path, size_bytes, sha256 FROM source_file WHERE dataset_id = ? ORDER BY position")) {
            ps.setLong(1, datasetId);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) out.add(new SourceFile(r.getString(1), r.getLong(2), r.getString(3)));
            }
        }
        return out;
    }

    private static Map<String, String> readDescriptions(Connection c, long datasetId) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT column_name, description FROM dataset_description WHERE dataset_id = ? ORDER BY position")) {
            ps.setLong(1, datasetId);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) out.put(r.getString(1), r.getString(2));
            }
        }
        return out;
    }

    private static List<Column> readColumns(Connection c, long datasetId, int rows) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (PreparedStatement cols = c.prepareStatement(
                "SELECT id, name, type, id_like, dictionary FROM dataset_column WHERE dataset_id = ? ORDER BY position");
             PreparedStatement chunks = c.prepareStatement(
                     "SELECT first_row, row_count, data, missing FROM column_chunk WHERE column_id = ? ORDER BY chunk_index")) {
            cols.setLong(1, datasetId);
            try (ResultSet r = cols.executeQuery()) {
                while (r.next()) {
                    ColumnType type = ColumnType.fromKey(r.getString(3));
                    out.add(readColumn(chunks, r.getLong(1), r.getString(2), type, r.getInt(4) != 0, r.getBytes(5), rows));
                }
            }
        }
        return out;
    }

    private static Column readColumn(PreparedStatement chunks, long columnId, String name, ColumnType type,
                                     boolean idLike, byte[] dictionaryBlob, int rows) throws SQLException {
        long[] longs = null;
        double[] doubles = null;
        int[] ints = null;
        long[] boolWords = null;
        switch (type) {
            case INTEGER, DATETIME -> longs = new long[rows];
            case DECIMAL -> doubles = new double[rows];
            case DATE, CATEGORICAL, TEXT -> ints = new int[rows];
            case BOOLEAN -> boolWords = new long[ColumnCodec.words(rows)];
        }
        long[] missingWords = new long[ColumnCodec.words(rows)];
        int next = 0;
        chunks.setLong(1, columnId);
        try (ResultSet r = chunks.executeQuery()) {
            while (r.next()) {
                long first = r.getLong(1);
                long count = r.getLong(2);
                if (first != next || count <= 0 || first + count > rows || (first & 63) != 0) {
                    throw new ColumnCodec.CorruptDataException("column " + name + ": bad chunk at row " + first);
                }
                int at = (int) first;
                int n = (int) count;
                byte[] data = r.getBytes(3);
                switch (type) {
                    case INTEGER, DATETIME -> ColumnCodec.decodeLongs(data, longs, at, n);
                    case DECIMAL -> ColumnCodec.decodeDoubles(data, doubles, at, n);
                    case DATE, CATEGORICAL, TEXT -> ColumnCodec.decodeInts(data, ints, at, n);
                    case BOOLEAN -> ColumnCodec.decodeBitWords(data, boolWords, at >>> 6, n);
                }
                byte[] missing = r.getBytes(4);
                if (missing != null) ColumnCodec.decodeBitWords(missing, missingWords, at >>> 6, n);
                next = at + n;
            }
        }
        if (next != rows) throw new ColumnCodec.CorruptDataException("column " + name + ": " + next + " rows, expected " + rows);
        BitSet missing = BitSet.valueOf(missingWords);
        return switch (type) {
            case INTEGER -> new LongColumn(name, longs, missing, idLike);
            case DATETIME -> new DateTimeColumn(name, longs, missing, idLike);
            case DECIMAL -> new DoubleColumn(name, doubles, missing, idLike);
            case DATE -> new DateColumn(name, ints, missing, idLike);
            case BOOLEAN -> new BooleanColumn(name, rows, BitSet.valueOf(boolWords), missing, idLike);
            case CATEGORICAL, TEXT -> {
                String[] dictionary = ColumnCodec.decodeDictionary(dictionaryBlob);
                int size = dictionary.length;
                for (int i = 0; i < rows; i++) {
                    int code = ints[i];
                    if ((code < 0 || code >= size) && !missing.get(i)) {
                        throw new ColumnCodec.CorruptDataException("column " + name + ": code " + code + " at row " + i);
                    }
                }
                yield new StringColumn(name, ints, dictionary, missing, type == ColumnType.CATEGORICAL, idLike);
            }
        };
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
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            published = true;
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

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return I18n.tr("project.error.accessDenied");
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

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
                             INSERT INTO dataset_column(id, dataset_id, position, name, type, id_like, missing_count, dictionary)
                             VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
                     PreparedStatement chunk = c.prepareStatement("""
                             INSERT INTO column_chunk(column_id, chunk_index, first_row, row_count, data, missing)
                             VALUES (?, ?, ?, ?, ?, ?)""")) {
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
                            if (column instanceof StringColumn sc) col.setBytes(8, ColumnCodec.encodeDictionary(sc.dictionary()));
                            else col.setNull(8, java.sql.Types.BLOB);
                            col.executeUpdate();
                            writeChunks(chunk, columnId, column, task);
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

    private static void writeChunks(PreparedStatement chunk, long columnId, Column column, TaskContext task) throws SQLException {
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
            chunk.executeUpdate();
        }
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static void writeArtifacts(Connection c, List<Artifact> artifacts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO artifact(position, kind, name, dataset_name, options_json, result_json, payload, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
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
                ps.executeUpdate();
            }
        }
    }

    private static String versionOfThisBuild() {
        String v = ProjectStore.class.getPackage() == null ? null : ProjectStore.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
