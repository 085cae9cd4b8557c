package io.segmenta.core.campaign;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.util.UserException;

import java.util.List;
import java.util.TreeSet;

/**
 * Ids never to contact (unsubscribed, recent buyers), compared as text with the list's id column (after
 * trimming blanks).
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
     * The ids in a column of a suppression table: {@code column} when given, else a column named like the
     * list's id column, else the table's first column.
     */
    public static Suppression fromTable(Dataset table, String column, String listIdColumn, String source) {
        Column c;
        if (column != null && !column.isBlank()) {
            c = table.find(column).orElseThrow(() -> new UserException("campaign.error.unknownColumn", column,
                    table.name(), String.join(", ", table.columnNames())));
        } else if (listIdColumn != null && table.find(listIdColumn).isPresent()) {
            c = table.column(listIdColumn);
        } else if (table.columnCount() > 0) {
            c = table.column(0);
        } else {
            throw new UserException("campaign.error.emptySuppression", source);
        }
        List<String> ids = new java.util.ArrayList<>(c.size());
        for (int r = 0; r < c.size(); r++) if (!c.isMissing(r)) ids.add(c.format(r));
        return new Suppression(source == null ? table.name() : source, ids);
    }
}
