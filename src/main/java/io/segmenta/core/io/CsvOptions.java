package io.segmenta.core.io;

import io.segmenta.core.data.ColumnType;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the user asks of a CSV import. Every {@code null} field means "detect it"; a non-null field
 * overrides the guess. Validated on construction.
 *
 * @param delimiter           field separator, one of , ; TAB | (or any other single char); null = detect
 * @param quote               quote character; null = detect (normally '"'); '\0' = no quoting
 * @param encoding            character set; null = detect (BOM, UTF-8 validity, else windows-1252)
 * @param decimal             decimal separator '.' or ','; null = detect
 * @param header              whether the first row names the columns; null = detect
 * @param dayFirst            for ambiguous dates like 03/04/2020: true = 3 April; null = detect (default true)
 * @param missingTokens       values read as missing in every column, compared after trimming; null = defaults
 * @param columnMissingTokens extra missing tokens per column name (e.g. "unknown" in job)
 * @param columnTypes         type overrides per column name
 */
public record CsvOptions(
        Character delimiter,
        Character quote,
        Charset encoding,
        Character decimal,
        Boolean header,
        Boolean dayFirst,
        Set<String> missingTokens,
        Map<String, Set<String>> columnMissingTokens,
        Map<String, ColumnType> columnTypes) {

    /** Missing tokens recognised by default (case-sensitive, after trimming). */
    public static final Set<String> DEFAULT_MISSING = Set.copyOf(List.of("", "NA", "N/A", "n/a", "na", "null", "NULL", "Null", "?", "NaN", "nan", "#N/A", "None", "-"));

    public CsvOptions {
        if (delimiter != null && (delimiter == '\n' || delimiter == '\r' || delimiter == '"')) {
            throw new IllegalArgumentException("delimiter cannot be a line break or a quote");
        }
        if (decimal != null && decimal != '.' && decimal != ',') {
            throw new IllegalArgumentException("decimal separator must be '.' or ','");
        }
        if (delimiter != null && decimal != null && delimiter.charValue() == decimal.charValue()) {
            throw new IllegalArgumentException("delimiter and decimal separator must differ");
        }
        missingTokens = missingTokens == null ? null : Set.copyOf(new LinkedHashSet<>(missingTokens));
        columnMissingTokens = columnMissingTokens == null ? Map.of() : copyMap(columnMissingTokens);
        columnTypes = columnTypes == null ? Map.of() : Map.copyOf(columnTypes);
    }

    private static Map<String, Set<String>> copyMap(Map<String, Set<String>> m) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, Set.copyOf(v)));
        return Map.copyOf(out);
    }

    /** Detect everything. */
    public static CsvOptions detect() {
        return new CsvOptions(null, null, null, null, null, null, null, Map.of(), Map.of());
    }

    public CsvOptions withDelimiter(Character d) { return new CsvOptions(d, quote, encoding, decimal, header, dayFirst, missingTokens, columnMissingTokens, columnTypes); }
    public CsvOptions withQuote(Character q) { return new CsvOptions(delimiter, q, encoding, decimal, header, dayFirst, missingTokens, columnMissingTokens, columnTypes); }
    public CsvOptions withEncoding(Charset e) { return new CsvOptions(delimiter, quote, e, decimal, header, dayFirst, missingTokens, columnMissingTokens, columnTypes); }
    public CsvOptions withDecimal(Character d) { return new CsvOptions(delimiter, quote, encoding, d, header, dayFirst, missingTokens, columnMissingTokens, columnTypes); }
    public CsvOptions withHeader(Boolean h) { return new CsvOptions(delimiter, quote, encoding, decimal, h, dayFirst, missingTokens, columnMissingTokens, columnTypes); }
    public CsvOptions withDayFirst(Boolean d) { return new CsvOptions(delimiter, quote, encoding, decimal, header, d, missingTokens, columnMissingTokens, columnTypes); }
    public CsvOptions withMissingTokens(Set<String> t) { return new CsvOptions(delimiter, quote, encoding, decimal, header, dayFirst, t, columnMissingTokens, columnTypes); }
    public CsvOptions withColumnMissingTokens(Map<String, Set<String>> t) { return new CsvOptions(delimiter, quote, encoding, decimal, header, dayFirst, missingTokens, t, columnTypes); }
    public CsvOptions withColumnTypes(Map<String, ColumnType> t) { return new CsvOptions(delimiter, quote, encoding, decimal, header, dayFirst, missingTokens, columnMissingTokens, t); }

    /** Adds missing tokens to every column (on top of the defaults when none were set). */
    public CsvOptions plusMissingTokens(java.util.Collection<String> extra) {
        Set<String> s = new LinkedHashSet<>(missingTokens == null ? DEFAULT_MISSING : missingTokens);
        for (String t : extra) s.add(t.trim());
        return withMissingTokens(s);
    }

    public Set<String> effectiveMissingTokens() { return missingTokens == null ? DEFAULT_MISSING : missingTokens; }
}
