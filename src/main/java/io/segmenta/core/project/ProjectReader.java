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
import io.segmenta.core.io.CsvSettings;
import io.segmenta.core.io.ImportReport;
import io.segmenta.core.io.SourceFile;
import io.segmenta.core.util.I18n;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The read side of {@link ProjectStore}: turns the rows of an open project file into a {@link Project} or a
 * {@link ProjectInfo}.
 * <p>
 * A project file can be edited by hand or damaged on disk, so nothing read from it is trusted: every value
 * is checked for its SQL type, NULL and range before use, enum names, JSON and blobs are decoded by code that
 * throws {@link ProjectDamage}, and sizes are checked against the data actually stored before arrays are
 * allocated. Any such problem is a {@link ProjectDamage} saying where it is ("dataset cust, column age")
 * and what is wrong in plain words.
 */
final class ProjectReader {
    private ProjectReader() { }

    // =====================================================================================================
    // layout
    // =====================================================================================================

    /**
     * Checks that the file has every table and column this version reads.
     *
     * @return false when it has none of the project tables (an SQLite file that merely carries our header
     *         stamp is not a project); true when all are there
     * @throws ProjectDamage when some tables or columns are missing
     */
    static boolean checkLayout(Connection c, int version) throws SQLException {
        Set<String> tables = lowerCase(ProjectSchema.tables(c));
        Map<String, List<String>> expected = ProjectSchema.expectedColumns(version);
        if (expected.keySet().stream().noneMatch(tables::contains)) return false;
        for (String table : expected.keySet()) {
            if (!tables.contains(table)) throw new ProjectDamage("project.damage.missingTable", table);
        }
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            Set<String> have = lowerCase(ProjectSchema.columns(c, e.getKey()));
            for (String column : e.getValue()) {
                if (!have.contains(column)) throw new ProjectDamage("project.damage.missingColumn", e.getKey(), column);
            }
        }
        return true;
    }

    private static Set<String> lowerCase(Set<String> names) {
        Set<String> out = new HashSet<>();
        for (String n : names) out.add(n.toLowerCase(Locale.ROOT));
        return out;
    }

    // =====================================================================================================
    // whole project
    // =====================================================================================================

    static Project readProject(Connection c, int version) throws SQLException {
        // checked whenever the checksum columns are there: a header edited back to format 1 does not switch it off
        boolean checked = version >= ProjectChecksums.SINCE_VERSION || ProjectChecksums.present(c);
        List<DatasetEntry> datasets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(DATASETS);
             ResultSet r = ps.executeQuery()) {
            int n = 0;
            while (r.next()) {
                DatasetRow d = datasetRow(r, ++n, names);
                I18n.Localizable at = d.at();
                String settingsJson = optionalText(r, 6, "settings_json", at);
                String reportJson = optionalText(r, 7, "report_json", at);
                String recipe = optionalText(r, 8, "recipe", at);

                List<Column> columns = readColumns(c, d.id(), d.name(), d.rows(), checked);
                if (columns.size() != d.columns()) {
                    throw new ProjectDamage("project.damage.columnCount", at, columns.size(), d.columns());
                }
                Map<String, String> descriptions = readDescriptions(c, d.id(), at);
                CsvSettings settings = json(settingsJson, ProjectJson::settingsFromJson,
                        "project.damage.settingsNotJson", "project.damage.settings", at);
                ImportReport report = json(reportJson, ProjectJson::reportFromJson,
                        "project.damage.reportNotJson", "project.damage.report", at);
                datasets.add(new DatasetEntry(new Dataset(d.name(), columns, descriptions), d.origin(), settings,
                        readSources(c, d.id(), at), report, d.createdAt(), recipe));
            }
        }
        return new Project(datasets, readArtifacts(c, checked));
    }

    /** The dataset rows, in order: the columns {@link #datasetRow} reads come first. */
    private static final String DATASETS = """
            SELECT id, name, row_count, column_count, origin, settings_json, report_json, recipe, created_at
            FROM dataset ORDER BY position""";

    /** What both the whole project and {@link #readInfo} read of a dataset row, checked. */
    private record DatasetRow(String name, I18n.Localizable at, long id, int rows, int columns, String origin, Instant createdAt) { }

    /** The {@code n}-th row of {@link #DATASETS}; its name must not be in {@code names} yet (it is added). */
    private static DatasetRow datasetRow(ResultSet r, int n, Set<String> names) throws SQLException {
        String name = name(r, 2, "dataset", n);
        if (!names.add(name)) throw new ProjectDamage("project.damage.duplicateDataset", ProjectDamage.shown(name));
        I18n.Localizable at = ProjectDamage.dataset(name);
        return new DatasetRow(name, at, integer(r, 1, "id", at, Long.MIN_VALUE, Long.MAX_VALUE),
                (int) integer(r, 3, "row_count", at, 0, Integer.MAX_VALUE), (int) integer(r, 4, "column_count", at, 0, Integer.MAX_VALUE),
                nonBlankText(r, 5, "origin", at), instant(r, 9, "created_at", at));
    }

    private static <T> T json(String json, Function<String, T> decode, String notJsonKey, String invalidKey,
                              I18n.Localizable at) {
        try {
            return decode.apply(json);
        } catch (ProjectDamage d) {
            throw ProjectJson.NOT_JSON.equals(d.key()) ? new ProjectDamage(d, notJsonKey, at) : new ProjectDamage(d, invalidKey, at, d);
        }
    }

    private static List<Artifact> readArtifacts(Connection c, boolean checked) throws SQLException {
        List<Artifact> artifacts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, name, dataset_name, options_json, result_json, payload, created_at"
                + (checked ? ", checksum" : "") + " FROM artifact ORDER BY position");
             ResultSet r = ps.executeQuery()) {
            int n = 0;
            while (r.next()) {
                I18n.Localizable row = ProjectDamage.row("artifact", ++n);
                String kind = nonBlankText(r, 1, "kind", row);
                String name = nonBlankText(r, 2, "name", row);
                I18n.Localizable at = artifact(kind, name);
                String datasetName = optionalText(r, 3, "dataset_name", at);
                String options = optionalText(r, 4, "options_json", at);
                String result = optionalText(r, 5, "result_json", at);
                byte[] payload = optionalBlob(r, 6, "payload", at);
                String created = text(r, 7, "created_at", at);
                if (checked && checksum(r, 8, at) != ProjectChecksums.artifact(kind, name, datasetName, options, result, payload, created)) {
                    throw new ProjectDamage("project.damage.checksum", at);
                }
                artifacts.add(new Artifact(kind, name, datasetName, options, result, payload, instant(r, 7, "created_at", at)));
            }
        }
        return artifacts;
    }

    private static I18n.Localizable artifact(String kind, String name) {
        return ProjectDamage.phrase("project.damage.where.artifact", ProjectDamage.shown(kind), ProjectDamage.shown(name));
    }

    private static List<SourceFile> readSources(Connection c, long datasetId, I18n.Localizable at) throws SQLException {
        List<SourceFile> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT path, size_bytes, sha256 FROM source_file WHERE dataset_id = ? ORDER BY position")) {
            ps.setLong(1, datasetId);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(new SourceFile(text(r, 1, "source_file.path", at), integer(r, 2, "source_file.size_bytes", at, 0, Long.MAX_VALUE),
                            optionalText(r, 3, "source_file.sha256", at)));
                }
            }
        }
        return out;
    }

    private static Map<String, String> readDescriptions(Connection c, long datasetId, I18n.Localizable at) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT column_name, description FROM dataset_description WHERE dataset_id = ? ORDER BY position")) {
            ps.setLong(1, datasetId);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) out.put(text(r, 1, "dataset_description.column_name", at), text(r, 2, "dataset_description.description", at));
            }
        }
        return out;
    }

    // =====================================================================================================
    // columns
    // =====================================================================================================

    private static List<Column> readColumns(Connection c, long datasetId, String dataset, int rows, boolean checked) throws SQLException {
        List<Column> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (PreparedStatement cols = c.prepareStatement(
                "SELECT id, name, type, id_like, dictionary" + (checked ? ", dictionary_checksum" : "")
                        + " FROM dataset_column WHERE dataset_id = ? ORDER BY position");
             PreparedStatement totals = c.prepareStatement(
                     "SELECT TOTAL(row_count), TOTAL(length(data)) FROM column_chunk WHERE column_id = ?");
             PreparedStatement chunks = c.prepareStatement(
                     "SELECT first_row, row_count, data, missing" + (checked ? ", checksum" : "")
                             + " FROM column_chunk WHERE column_id = ? ORDER BY chunk_index")) {
            cols.setLong(1, datasetId);
            try (ResultSet r = cols.executeQuery()) {
                int n = 0;
                while (r.next()) {
                    n++;
                    String name = text(r, 2, "name", ProjectDamage.phrase("project.damage.where.columnNumber",
                            ProjectDamage.shown(dataset), n));
                    I18n.Localizable at = ProjectDamage.column(dataset, name);
                    if (!names.add(name)) {
                        throw new ProjectDamage("project.damage.duplicateColumn", ProjectDamage.dataset(dataset), ProjectDamage.shown(name));
                    }
                    long columnId = integer(r, 1, "id", at, Long.MIN_VALUE, Long.MAX_VALUE);
                    String typeKey = text(r, 3, "type", at);
                    ColumnType type = ProjectJson.columnType(typeKey);
                    if (type == null) throw new ProjectDamage("project.damage.columnType", at, ProjectDamage.shown(typeKey));
                    boolean idLike = integer(r, 4, "id_like", at, 0, 1) == 1;
                    boolean hasDictionary = type.isString() || type == ColumnType.BOOLEAN;
                    byte[] dictionary = hasDictionary || checked ? optionalBlob(r, 5, "dictionary", at) : null;
                    if (checked && checksum(r, 6, at) != ProjectChecksums.dictionary(dataset, name, typeKey, dictionary)) {
                        throw new ProjectDamage("project.damage.checksum", at);
                    }
                    if (!hasDictionary) dictionary = null;
                    try {
                        checkTotals(totals, columnId, type, rows);
                        out.add(readColumn(chunks, columnId, checked ? new ChunkOwner(dataset, name, typeKey) : null, name, type,
                                idLike, dictionary, rows));
                    } catch (ProjectDamage d) {
                        if (d.key().startsWith("project.damage.codec.")) throw new ProjectDamage(d, "project.damage.columnValues", at, d);
                        throw d;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Checks the rows and bytes stored for a column before any array is allocated, so a row count edited
     * upwards is reported instead of exhausting memory.
     */
    private static void checkTotals(PreparedStatement totals, long columnId, ColumnType type, int rows) throws SQLException {
        totals.setLong(1, columnId);
        double storedRows;
        double storedBytes;
        try (ResultSet r = totals.executeQuery()) {
            // TOTAL, unlike SUM, never fails on overflow; it is 0.0 when there are no chunks
            if (!r.next()) throw new ProjectDamage("project.damage.codec.rows", 0L, (long) rows);
            storedRows = r.getDouble(1);
            storedBytes = r.getDouble(2);
        }
        if (storedRows != rows) throw new ProjectDamage("project.damage.codec.rows", (long) storedRows, (long) rows);
        long needed = switch (type) {
            case INTEGER, DATETIME, DECIMAL -> (long) rows * Long.BYTES;
            case DATE, CATEGORICAL, TEXT -> (long) rows * Integer.BYTES;
            case BOOLEAN -> (long) ColumnCodec.words(rows) * Long.BYTES;
        };
        // every chunk holds exactly its rows (bit chunks round up to whole words), so the total is at least this
        if (storedBytes < needed) throw new ProjectDamage("project.damage.codec.length", (long) storedBytes, needed);
    }

    /** The column a chunk's checksum binds it to (see {@link ProjectChecksums#chunk}). */
    private record ChunkOwner(String dataset, String column, String type) { }

    /** The stored checksum {@code sum} of the {@code index}-th chunk of {@code owner} matches its content. */
    private static void checkChunk(Object sum, ChunkOwner owner, int index, long first, long rows, byte[] data, byte[] missing) {
        long expected = ProjectChecksums.chunk(owner.dataset(), owner.column(), owner.type(), index, first, rows, data, missing);
        if (!(sum instanceof Number x) || x.longValue() != expected) {
            throw new ProjectDamage("project.damage.codec.checksum", first + 1, first + rows);
        }
    }

    /** @param owner the column the chunks' checksums name, or null for a file without checksums */
    private static Column readColumn(PreparedStatement chunks, long columnId, ChunkOwner owner, String name, ColumnType type,
                                     boolean idLike, byte[] dictionaryBlob, int rows) throws SQLException {
        // the dictionary first: it is small, and a damaged one makes the codes meaningless
        String[] dictionary = type.isString() ? ColumnCodec.decodeDictionary(dictionaryBlob) : null;
        // a true/false column's words as the file wrote them (false, true); none = "true"/"false"
        String[] words = type == ColumnType.BOOLEAN && dictionaryBlob != null ? ColumnCodec.decodeDictionary(dictionaryBlob) : null;
        if (words != null && (words.length != 2 || words[0].isBlank() || words[1].isBlank() || words[0].equals(words[1]))) {
            throw new ProjectDamage("project.damage.codec.dictionary");
        }
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
        int next = 0, index = 0;
        chunks.setLong(1, columnId);
        try (ResultSet r = chunks.executeQuery()) {
            while (r.next()) {
                long first = r.getObject(1) instanceof Number x ? x.longValue() : -1;
                long count = r.getObject(2) instanceof Number x ? x.longValue() : -1;
                if (first != next || count <= 0 || count > rows - first || (first & 63) != 0) {
                    throw new ProjectDamage("project.damage.codec.chunk", (long) next + 1);
                }
                int at = (int) first;
                int n = (int) count;
                byte[] data = r.getObject(3) instanceof byte[] b ? b : null;
                Object missing = r.getObject(4);
                // the values themselves and where they belong: SQLite checks its pages, not the bytes stored in them
                if (owner != null) checkChunk(r.getObject(5), owner, index, first, count, data, missing instanceof byte[] b ? b : null);
                index++;
                switch (type) {
                    case INTEGER, DATETIME -> ColumnCodec.decodeLongs(data, longs, at, n);
                    case DECIMAL -> ColumnCodec.decodeDoubles(data, doubles, at, n);
                    case DATE, CATEGORICAL, TEXT -> ColumnCodec.decodeInts(data, ints, at, n);
                    case BOOLEAN -> ColumnCodec.decodeBitWords(data, boolWords, at >>> 6, n);
                }
                if (missing != null) {
                    ColumnCodec.decodeBitWords(missing instanceof byte[] b ? b : null, missingWords, at >>> 6, n);
                }
                next = at + n;
            }
        }
        if (next != rows) throw new ProjectDamage("project.damage.codec.rows", (long) next, (long) rows);
        BitSet missing = BitSet.valueOf(missingWords);
        return switch (type) {
            case INTEGER -> new LongColumn(name, longs, missing, idLike);
            case DATETIME -> new DateTimeColumn(name, longs, missing, idLike);
            case DECIMAL -> new DoubleColumn(name, doubles, missing, idLike);
            case DATE -> new DateColumn(name, ints, missing, idLike);
            case BOOLEAN -> words == null ? new BooleanColumn(name, rows, BitSet.valueOf(boolWords), missing, idLike)
                    : new BooleanColumn(name, rows, BitSet.valueOf(boolWords), missing, idLike, words[1], words[0]);
            case CATEGORICAL, TEXT -> {
                int size = dictionary.length;
                for (int i = 0; i < rows; i++) {
                    int code = ints[i];
                    if ((code < 0 || code >= size) && !missing.get(i)) {
                        throw new ProjectDamage("project.damage.codec.code", (long) i + 1);
                    }
                }
                yield new StringColumn(name, ints, dictionary, missing, type == ColumnType.CATEGORICAL, idLike);
            }
        };
    }

    /** The checks of {@link #readColumns} on a dataset's stored blocks — counts, totals, checksums — without decoding them. */
    private static void verifyColumns(Connection c, DatasetRow d) throws SQLException {
        int count = 0;
        try (PreparedStatement cols = c.prepareStatement(
                "SELECT id, name, type, dictionary, dictionary_checksum FROM dataset_column WHERE dataset_id = ? ORDER BY position");
             PreparedStatement totals = c.prepareStatement(
                     "SELECT TOTAL(row_count), TOTAL(length(data)) FROM column_chunk WHERE column_id = ?");
             PreparedStatement chunks = c.prepareStatement(
                     "SELECT first_row, row_count, data, missing, checksum FROM column_chunk WHERE column_id = ? ORDER BY chunk_index")) {
            cols.setLong(1, d.id());
            try (ResultSet r = cols.executeQuery()) {
                while (r.next()) {
                    count++;
                    String name = text(r, 2, "name", ProjectDamage.phrase("project.damage.where.columnNumber", ProjectDamage.shown(d.name()), count));
                    I18n.Localizable at = ProjectDamage.column(d.name(), name);
                    long columnId = integer(r, 1, "id", at, Long.MIN_VALUE, Long.MAX_VALUE);
                    String typeKey = text(r, 3, "type", at);
                    ColumnType type = ProjectJson.columnType(typeKey);
                    if (type == null) throw new ProjectDamage("project.damage.columnType", at, ProjectDamage.shown(typeKey));
                    if (checksum(r, 5, at) != ProjectChecksums.dictionary(d.name(), name, typeKey, optionalBlob(r, 4, "dictionary", at))) {
                        throw new ProjectDamage("project.damage.checksum", at);
                    }
                    try {
                        checkTotals(totals, columnId, type, d.rows());
                        chunks.setLong(1, columnId);
                        long next = 0;
                        int index = 0;
                        try (ResultSet k = chunks.executeQuery()) {
                            while (k.next()) {
                                long first = k.getObject(1) instanceof Number x ? x.longValue() : -1;
                                long rows = k.getObject(2) instanceof Number x ? x.longValue() : -1;
                                if (first != next || rows <= 0) throw new ProjectDamage("project.damage.codec.chunk", next + 1);
                                byte[] data = k.getObject(3) instanceof byte[] b ? b : null;
                                byte[] missing = k.getObject(4) instanceof byte[] b ? b : null;
                                checkChunk(k.getObject(5), new ChunkOwner(d.name(), name, typeKey), index++, first, rows, data, missing);
                                next = first + rows;
                            }
                        }
                    } catch (ProjectDamage e) {
                        if (e.key().startsWith("project.damage.codec.")) throw new ProjectDamage(e, "project.damage.columnValues", at, e);
                        throw e;
                    }
                }
            }
        }
        if (count != d.columns()) throw new ProjectDamage("project.damage.columnCount", d.at(), count, d.columns());
    }

    // =====================================================================================================
    // summary
    // =====================================================================================================

    /**
     * The summary of a project. In a file with checksums every stored block is checked too (read and
     * summed, not decoded), so a damaged project is reported here as when it is opened.
     */
    static ProjectInfo readInfo(Connection c, Path file, int version) throws SQLException {
        boolean checked = version >= ProjectChecksums.SINCE_VERSION || ProjectChecksums.present(c);
        List<ProjectInfo.DatasetSummary> datasets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(DATASETS);
             ResultSet r = ps.executeQuery()) {
            int n = 0;
            while (r.next()) {
                DatasetRow d = datasetRow(r, ++n, names);
                List<String> sources = readSources(c, d.id(), d.at()).stream().map(SourceFile::path).toList();
                if (checked) verifyColumns(c, d);
                datasets.add(new ProjectInfo.DatasetSummary(d.name(), d.rows(), d.columns(), d.origin(), d.createdAt(), sources));
            }
        }
        List<ProjectInfo.ArtifactSummary> artifacts = new ArrayList<>();
        if (checked) {
            // their checksums cover every field, so they are read whole once, and summarised from that
            for (Artifact a : readArtifacts(c, true)) {
                artifacts.add(new ProjectInfo.ArtifactSummary(a.kind(), a.name(), a.datasetName(), a.createdAt()));
            }
            return new ProjectInfo(file, version, datasets, artifacts);
        }
        // a file without checksums: the names only, without loading the results themselves
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT kind, name, dataset_name, created_at FROM artifact ORDER BY position");
             ResultSet r = ps.executeQuery()) {
            int n = 0;
            while (r.next()) {
                I18n.Localizable row = ProjectDamage.row("artifact", ++n);
                String kind = nonBlankText(r, 1, "kind", row);
                String name = nonBlankText(r, 2, "name", row);
                I18n.Localizable at = artifact(kind, name);
                artifacts.add(new ProjectInfo.ArtifactSummary(kind, name, optionalText(r, 3, "dataset_name", at),
                        instant(r, 4, "created_at", at)));
            }
        }
        return new ProjectInfo(file, version, datasets, artifacts);
    }

    // =====================================================================================================
    // checked values: the SQL type, NULL and range of every value read
    // =====================================================================================================

    /** A dataset's name; until it is known the row is named by its place in the table. */
    private static String name(ResultSet r, int column, String table, int rowNumber) throws SQLException {
        return nonBlankText(r, column, "name", ProjectDamage.row(table, rowNumber));
    }

    private static String optionalText(ResultSet r, int column, String field, I18n.Localizable at) throws SQLException {
        Object v = r.getObject(column);
        if (v == null || v instanceof String) return (String) v;
        throw new ProjectDamage("project.damage.badValue", at, field, ProjectDamage.shown(v));
    }

    private static String text(ResultSet r, int column, String field, I18n.Localizable at) throws SQLException {
        String s = optionalText(r, column, field, at);
        if (s == null) throw new ProjectDamage("project.damage.noValue", at, field);
        return s;
    }

    private static String nonBlankText(ResultSet r, int column, String field, I18n.Localizable at) throws SQLException {
        String s = text(r, column, field, at);
        if (s.isBlank()) throw new ProjectDamage("project.damage.noValue", at, field);
        return s;
    }

    private static long integer(ResultSet r, int column, String field, I18n.Localizable at, long min, long max) throws SQLException {
        Object v = r.getObject(column);
        if (v == null) throw new ProjectDamage("project.damage.noValue", at, field);
        if ((v instanceof Integer || v instanceof Long) && ((Number) v).longValue() >= min && ((Number) v).longValue() <= max) {
            return ((Number) v).longValue();
        }
        throw new ProjectDamage("project.damage.badValue", at, field, ProjectDamage.shown(v));
    }

    /** A stored checksum: an integer, never NULL in a file of a version that has them. */
    private static long checksum(ResultSet r, int column, I18n.Localizable at) throws SQLException {
        if (!(r.getObject(column) instanceof Number x)) throw new ProjectDamage("project.damage.checksum", at);
        return x.longValue();
    }

    private static byte[] optionalBlob(ResultSet r, int column, String field, I18n.Localizable at) throws SQLException {
        Object v = r.getObject(column);
        if (v == null || v instanceof byte[]) return (byte[]) v;
        throw new ProjectDamage("project.damage.badValue", at, field, ProjectDamage.shown(v));
    }

    private static Instant instant(ResultSet r, int column, String field, I18n.Localizable at) throws SQLException {
        String s = text(r, column, field, at);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new ProjectDamage(e, "project.damage.badValue", at, field, ProjectDamage.shown(s));
        }
    }

}
