package io.segmenta.core.campaign;

import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * How a campaign list is exported.
 *
 * @param columns        columns to write, in this order; the id, {@code segment}, {@code creative} and
 *                       {@code group} columns are always written (added where missing)
 * @param contactColumns contact fields to copy from the source (null = those the data has with usual names:
 *                       email, phone, mobile, first/last name, address, city, zip/postal code, country…)
 * @param delimiter      ',' or ';' (Spanish Excel); with ';' decimals are written with a comma
 * @param bom            start the file with a UTF-8 byte-order mark (Excel on Windows needs it)
 * @param action         text of the {@code action} column for the treatment group, e.g. "send"; the holdout gets
 *                       {@code "hold"}
 */
public record ExportOptions(List<Column> columns, List<String> contactColumns, char delimiter, boolean bom, String action) {

    /** The columns an export can have. */
    public enum Column {
        ID, CONTACT, SEGMENT_ID, SEGMENT, CREATIVE, GROUP, SCORE, TIER, ACTION;

        public String key() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

        public static Column fromKey(String k) {
            String s = k.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Column c : values()) if (c.key().equals(s)) return c;
            throw new UserException("campaign.export.badColumn", k, String.join(", ", java.util.Arrays.stream(values()).map(Column::key).toList()));
        }
    }

    public static final List<Column> ALL = List.of(Column.values());

    public ExportOptions {
        if (delimiter != ',' && delimiter != ';') throw new UserException("campaign.export.badDelimiter", String.valueOf(delimiter));
        LinkedHashSet<Column> cols = new LinkedHashSet<>();
        cols.add(Column.ID);
        if (columns != null) cols.addAll(columns);
        for (Column required : List.of(Column.SEGMENT, Column.CREATIVE, Column.GROUP)) cols.add(required);
        columns = List.copyOf(new ArrayList<>(cols));
        contactColumns = contactColumns == null ? null : List.copyOf(contactColumns);
        action = action == null || action.isBlank() ? "send" : action.strip();
    }

    /** Every column, contact fields detected, ',' and no BOM. */
    public static ExportOptions defaults() { return new ExportOptions(ALL, null, ',', false, "send"); }

    public ExportOptions withDelimiter(char d) { return new ExportOptions(columns, contactColumns, d, bom, action); }

    public ExportOptions withBom(boolean b) { return new ExportOptions(columns, contactColumns, delimiter, b, action); }

    public ExportOptions withColumns(List<Column> c) { return new ExportOptions(c, contactColumns, delimiter, bom, action); }

    public ExportOptions withContactColumns(List<String> c) { return new ExportOptions(columns, c, delimiter, bom, action); }

    /** Decimal separator for numbers: ',' when the delimiter is ';'. */
    public char decimal() { return delimiter == ';' ? ',' : '.'; }
}
