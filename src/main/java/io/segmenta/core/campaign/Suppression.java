package io.segmenta.core.campaign;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.io.ImportReport;
import io.segmenta.core.io.ImportResult;
import io.segmenta.core.util.UserException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Ids never to contact (unsubscribed, recent buyers), compared as text with the list's id column, after
 * trimming blanks and ignoring case ({@link #key}): a suppression list errs on the side of not mailing.
 *
 * <p>A suppression list protects customers who must not be mailed, so it is all or nothing: a file with rows
 * the CSV reader rejected, ids it could not read, or no column recognisable as the list's id column is an
 * error, never a shorter list ({@link #fromImport}, {@link #fromTable}).
 *
 * @param source where they came from (a file name or table name), for the manifest
 * @param ids    distinct ids, sorted
 */
public record Suppression(String source, List<String> ids) {
    public static final Suppression NONE = new Suppression("", List.of());

    public Suppression {
        source = source == null ? "" : source;
        TreeSet<String> set = new TreeSet<>();
        if (ids != null) for (String id : ids) if (id != null && !id.isBlank()) set.add(id.strip());
        ids = List.copyOf(set);
    }

    public boolean isEmpty() { return ids.isEmpty(); }

    /**
     * The ids of a suppression CSV file as read by the importer: like {@link #fromTable}, and first checked to
     * be complete.
     *
     * @throws UserException campaign.error.suppressionRowsRejected when the reader rejected rows (wrong number of
     *                       fields…): their ids would not be excluded; campaign.error.suppressionUnreadable when an
     *                       id could not be read as its column's type and became missing
     */
    /**
     * The ids of a suppression CSV file ({@link #fromImport}); a file with a header and no rows is an empty
     * list — nobody to leave out this time — not an error.
     */
    public static Suppression fromFile(Path file, String column, String listIdColumn, io.segmenta.core.task.TaskContext ctx) {
        ImportResult imported;
        try {
            imported = io.segmenta.core.io.CsvImporter.importFiles(io.segmenta.core.io.ImportRequest.of(file), ctx);
        } catch (UserException e) {
            if (e.key().equals("csv.error.headerOnly")) return new Suppression(String.valueOf(file.getFileName()), List.of());
            throw e;
        }
        return fromImport(imported, column, listIdColumn);
    }

    public static Suppression fromImport(ImportResult imported, String column, String listIdColumn) {
        Dataset table = imported.dataset();
        String source = imported.sources().isEmpty() ? table.name()
                : String.valueOf(Path.of(imported.sources().get(0).path()).getFileName());
        ImportReport report = imported.report();
        if (report != null && report.rejectedCount() > 0) {
            ImportReport.RejectedRow first = report.rejected().isEmpty() ? new ImportReport.RejectedRow(source, 0, "?")
                    : report.rejected().get(0);
            throw new UserException("campaign.error.suppressionRowsRejected", report.rejectedCount(), first.file(), first.line(),
                    first.reason());
        }
        Column c = idColumn(table, column, listIdColumn, source);
        if (report != null) {
            for (ImportReport.ColumnReport cr : report.columns()) {
                if (!cr.name().equals(c.name()) || cr.coerced() == 0) continue;
                ImportReport.CoercedValue e = cr.coercedExamples().isEmpty() ? new ImportReport.CoercedValue(source, 0, "?")
                        : cr.coercedExamples().get(0);
                throw new UserException("campaign.error.suppressionUnreadable", c.name(), AbResultsLoader.fileLine(e.file(), e.line()), e.value());
            }
        }
        return of(c, source);
    }

    /**
     * The ids in a column of a suppression table: {@code column} when given; else the column named like the
     * list's id column (exactly, else ignoring case, spaces and punctuation: {@code Customer ID} for
     * {@code customer_id}), else a column named {@code id}; the table's first column only when the list's id
     * column is not known.
     *
     * @throws UserException campaign.error.suppressionNoIdColumn when no column is named like the list's id column
     *                       (another column's values would match no customer and exclude nobody, silently)
     */
    public static Suppression fromTable(Dataset table, String column, String listIdColumn, String source) {
        String src = source == null ? table.name() : source;
        return of(idColumn(table, column, listIdColumn, src), src);
    }

    private static Suppression of(Column c, String source) {
        List<String> ids = new ArrayList<>(c.size());
        for (int r = 0; r < c.size(); r++) if (!c.isMissing(r)) ids.add(c.format(r));
        return new Suppression(source, ids);
    }

    private static Column idColumn(Dataset table, String column, String listIdColumn, String source) {
        if (column != null && !column.isBlank()) {
            return table.find(column).orElseThrow(() -> new UserException("campaign.error.unknownColumn", column,
                    source, String.join(", ", table.columnNames())));
        }
        if (table.columnCount() == 0) throw new UserException("campaign.error.emptySuppression", source);
        if (listIdColumn == null || listIdColumn.isBlank()) return table.column(0);
        if (table.find(listIdColumn).isPresent()) return table.column(listIdColumn);
        String wanted = loose(listIdColumn);
        for (String n : table.columnNames()) if (loose(n).equals(wanted)) return table.column(n);
        for (String n : table.columnNames()) if (loose(n).equals("id")) return table.column(n);
        throw new UserException("campaign.error.suppressionNoIdColumn", source, listIdColumn, String.join(", ", table.columnNames()));
    }

    /** How an id is compared with the suppressed ones: trimmed, case ignored. */
    public static String key(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }

    /** A column name without case, spaces or punctuation. */
    private static String loose(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
