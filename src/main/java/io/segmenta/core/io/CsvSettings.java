package io.segmenta.core.io;

import io.segmenta.core.data.ColumnType;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings an import actually used, every guess resolved. Stored with the dataset so the import can
 * be repeated exactly.
 *
 * @param delimiter   field separator
 * @param quote       quote character, '\0' when none
 * @param encoding    canonical charset name (e.g. UTF-8, windows-1252, UTF-16LE)
 * @param bom         whether the file started with a byte-order mark
 * @param decimal     decimal separator
 * @param thousands   thousands separator or '\0'
 * @param header      whether the first row named the columns
 * @param dayFirst    how ambiguous dates were read
 * @param missingTokens global missing tokens
 * @param columnMissingTokens per-column extra missing tokens
 * @param columnTypes the final type of every column, by name, in file order
 * @param dateFormats the date pattern used per date/date-time column (e.g. dd/MM/yyyy)
 */
public record CsvSettings(
        char delimiter,
        char quote,
        String encoding,
        boolean bom,
        char decimal,
        char thousands,
        boolean header,
        boolean dayFirst,
        Set<String> missingTokens,
        Map<String, Set<String>> columnMissingTokens,
        Map<String, ColumnType> columnTypes,
        Map<String, String> dateFormats) {

    public CsvSettings {
        missingTokens = Set.copyOf(missingTokens);
        columnMissingTokens = columnMissingTokens == null ? Map.of() : Map.copyOf(columnMissingTokens);
        columnTypes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columnTypes));
        dateFormats = dateFormats == null ? Map.of() : Map.copyOf(dateFormats);
    }

    /** Human-readable delimiter name: "," ";" "tab" "|". */
    public String delimiterName() { return delimiterName(delimiter); }

    public static String delimiterName(char c) {
        return switch (c) {
            case '\t' -> "tab";
            case ' ' -> "space";
            default -> String.valueOf(c);
        };
    }

    /** Parses "tab", "\t", "space", "comma", "semicolon", "pipe" or a single character. */
    public static char parseDelimiter(String s) {
        if (s == null || s.isEmpty()) throw new IllegalArgumentException("empty delimiter");
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "tab", "\\t", "\t" -> '\t';
            case "space", " " -> ' ';
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "pipe" -> '|';
            default -> {
                if (s.length() != 1) throw new IllegalArgumentException("delimiter must be one character, tab, comma, semicolon or pipe: " + s);
                yield s.charAt(0);
            }
        };
    }

    /** The options that reproduce this import exactly. */
    public CsvOptions toOptions() {
        return new CsvOptions(delimiter, quote, java.nio.charset.Charset.forName(encoding), decimal, header, dayFirst,
                missingTokens, columnMissingTokens, columnTypes);
    }

    public List<String> columnNames() { return List.copyOf(columnTypes.keySet()); }
}
