package io.segmenta.core.io;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes CSV files: RFC 4180 quoting (a field is quoted when it holds the delimiter, a quote, a line break
 * or leading/trailing blanks; quotes are doubled), a chosen delimiter, decimal separator and date pattern,
 * always UTF-8, optionally with a byte-order mark. Files are written to a temporary file in the target
 * folder and moved into place, so a reader never sees half a file and a failed write leaves the old file.
 */
public final class CsvWriter {
    private CsvWriter() { }

    /**
     * How values are written.
     *
     * @param delimiter         field separator (not a quote or line break)
     * @param decimal           decimal separator for decimal columns, '.' or ','
     * @param datePattern       {@link DateTimeFormatter} pattern for dates; null = ISO (yyyy-MM-dd)
     * @param dateTimePattern   pattern for date-times; null = "yyyy-MM-dd HH:mm:ss"
     * @param bom               whether to start the file with a UTF-8 byte-order mark
     * @param lineSeparator     "\n" or "\r\n"
     * @param header            whether to write the column names first
     * @param columnPatterns    date or date-time pattern per column name, before the two above (a file read
     *                          with dd/MM/yyyy in one column and M/d/yyyy in another is written back so)
     */
    public record Options(char delimiter, char decimal, String datePattern, String dateTimePattern, boolean bom,
                          String lineSeparator, boolean header, Map<String, String> columnPatterns) {
        /** Without patterns per column. */
        public Options(char delimiter, char decimal, String datePattern, String dateTimePattern, boolean bom,
                       String lineSeparator, boolean header) {
            this(delimiter, decimal, datePattern, dateTimePattern, bom, lineSeparator, header, Map.of());
        }

        public Options {
            columnPatterns = columnPatterns == null ? Map.of() : Map.copyOf(columnPatterns);
            for (String p : columnPatterns.values()) DateTimeFormatter.ofPattern(p, Locale.ROOT);
            if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
                throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
            }
            if (decimal != '.' && decimal != ',') throw new IllegalArgumentException("decimal separator must be '.' or ','");
            if (!"\n".equals(lineSeparator) && !"\r\n".equals(lineSeparator)) {
                throw new IllegalArgumentException("line separator must be \\n or \\r\\n");
            }
            if (datePattern != null) DateTimeFormatter.ofPattern(datePattern, Locale.ROOT);
            if (dateTimePattern != null) DateTimeFormatter.ofPattern(dateTimePattern, Locale.ROOT);
        }

        /** Comma separated, decimal point, ISO dates, no BOM, LF, with header. */
        public static Options defaults() { return new Options(',', '.', null, null, false, "\n", true); }

        /**
         * Like the file {@code read} describes, so that a file written back (a scored copy) opens as the original
         * did: its delimiter (a comma for a whitespace-separated log), decimal separator, each date column's
         * layout, and a byte-order mark when it had one or was not UTF-8 (the output is UTF-8, and Excel reads
         * accents right only with the mark). Null = {@link #defaults()}.
         */
        public static Options like(CsvSettings read) {
            if (read == null) return defaults();
            char d = Character.isWhitespace(read.delimiter()) && read.delimiter() != '\t' ? ',' : read.delimiter();
            if (d == '"' || d == '\n' || d == '\r') d = ',';
            boolean utf8 = read.encoding() == null || read.encoding().toUpperCase(Locale.ROOT).replace("-", "").equals("UTF8")
                    || read.encoding().equalsIgnoreCase("US-ASCII");
            // each date column as the file wrote it (one column day first, another month first)
            return new Options(d, read.decimal() == ',' ? ',' : '.', null, null, read.bom() || !utf8, "\n", true,
                    read.dateFormats());
        }

        /** Like a Spanish spreadsheet or CRM export: ';' separated, decimal comma, dd/MM/yyyy dates. */
        public static Options spanish() { return new Options(';', ',', "dd/MM/yyyy", "dd/MM/yyyy HH:mm:ss", false, "\n", true); }

        public Options withDelimiter(char d) { return new Options(d, decimal, datePattern, dateTimePattern, bom, lineSeparator, header, columnPatterns); }
        public Options withDecimal(char d) { return new Options(delimiter, d, datePattern, dateTimePattern, bom, lineSeparator, header, columnPatterns); }
        public Options withDatePattern(String p) { return new Options(delimiter, decimal, p, dateTimePattern, bom, lineSeparator, header, columnPatterns); }
        public Options withDateTimePattern(String p) { return new Options(delimiter, decimal, datePattern, p, bom, lineSeparator, header, columnPatterns); }
        public Options withBom(boolean b) { return new Options(delimiter, decimal, datePattern, dateTimePattern, b, lineSeparator, header, columnPatterns); }
        public Options withLineSeparator(String s) { return new Options(delimiter, decimal, datePattern, dateTimePattern, bom, s, header, columnPatterns); }
        public Options withHeader(boolean h) { return new Options(delimiter, decimal, datePattern, dateTimePattern, bom, lineSeparator, h, columnPatterns); }
    }

    /** Writes a dataset to {@code file} (created or replaced atomically; missing folders are created). */
    public static void write(Dataset dataset, Path file, Options options, TaskContext ctx) {
        Objects.requireNonNull(dataset, "dataset");
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        atomicWrite(file, options, w -> writeDataset(dataset, w, options, c));
    }

    /** Writes a header (may be null when {@code options.header()} is false) and rows of already formatted text. */
    public static void writeRows(Path file, List<String> header, Iterable<? extends List<String>> rows, Options options) {
        atomicWrite(file, options, w -> {
            if (options.header() && header != null) writeRecord(w, header, options);
            for (List<String> row : rows) writeRecord(w, row, options);
        });
    }

    /** Writes plain UTF-8 text (a README next to exported files) with the same atomic replace. */
    public static void writeText(Path file, String text) {
        atomicWrite(file, Options.defaults(), w -> w.write(text));
    }

    /** The dataset as CSV text (no BOM), for small tables and tests. */
    public static String toCsv(Dataset dataset, Options options) {
        java.io.StringWriter sw = new java.io.StringWriter();
        try {
            writeDataset(dataset, sw, options, TaskContext.NONE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }

    /** One field, quoted per RFC 4180 when needed. */
    public static String quote(String field, char delimiter) {
        if (field == null || field.isEmpty()) return "";
        boolean needs = Character.isWhitespace(field.charAt(0)) || Character.isWhitespace(field.charAt(field.length() - 1));
        for (int i = 0; i < field.length() && !needs; i++) {
            char ch = field.charAt(i);
            if (ch == delimiter || ch == '"' || ch == '\n' || ch == '\r') needs = true;
        }
        if (!needs) return field;
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** A cell's text as this writer would write it (before quoting); empty when missing. */
    public static String formatCell(Column column, int row, Options options) {
        return formatCell(column, row, options, dateFormatter(options), dateTimeFormatter(options));
    }

    private static DateTimeFormatter dateFormatter(Options o) {
        return o.datePattern() == null ? DateTimeFormatter.ISO_LOCAL_DATE : DateTimeFormatter.ofPattern(o.datePattern(), Locale.ROOT);
    }

    private static DateTimeFormatter dateTimeFormatter(Options o) {
        return DateTimeFormatter.ofPattern(o.dateTimePattern() == null ? "yyyy-MM-dd HH:mm:ss" : o.dateTimePattern(), Locale.ROOT);
    }

    private static String formatCell(Column column, int row, Options options, DateTimeFormatter df, DateTimeFormatter dtf) {
        if (column.isMissing(row)) return "";
        return switch (column) {
            case DoubleColumn d -> formatDecimal(d.rawValues()[row], options.decimal());
            case DateColumn d -> LocalDate.ofEpochDay(d.getEpochDay(row)).format(df);
            case DateTimeColumn d -> DateTimeColumn.toLocal(d.getEpochMillis(row)).format(dtf);
            default -> column.format(row);
        };
    }

    /**
     * A decimal in plain notation (no thousands separator, no trailing zeros), with an exponent ("1E+308") only
     * for magnitudes from 10^21 up or below 10^-7, where plain digits would run to hundreds of characters —
     * the rule JavaScript uses; spreadsheets and this program's importer read both forms.
     */
    public static String formatDecimal(double v, char decimal) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        double a = Math.abs(v);
        BigDecimal b = BigDecimal.valueOf(v).stripTrailingZeros();
        String s = a != 0 && (a >= 1e21 || a < 1e-7) ? b.toString() : b.toPlainString();
        if (s.equals("-0")) s = "0";
        return decimal == '.' ? s : s.replace('.', decimal);
    }

    private static void writeDataset(Dataset dataset, Writer w, Options options, TaskContext ctx) throws IOException {
        List<Column> cols = dataset.columns();
        if (options.header()) writeRecord(w, dataset.columnNames(), options);
        int rows = dataset.rowCount();
        DateTimeFormatter df = dateFormatter(options);
        DateTimeFormatter dtf = dateTimeFormatter(options);
        DateTimeFormatter[] own = new DateTimeFormatter[cols.size()];
        for (int i = 0; i < own.length; i++) {
            String p = options.columnPatterns().get(cols.get(i).name());
            // a layout with a time of day fits only a date-time column
            boolean fits = p != null && (cols.get(i) instanceof DateTimeColumn || cols.get(i) instanceof DateColumn && !p.contains("H"));
            own[i] = fits ? DateTimeFormatter.ofPattern(p, Locale.ROOT) : null;
        }
        List<String> cells = new ArrayList<>(cols.size());
        for (int r = 0; r < rows; r++) {
            if ((r & 0xFFFF) == 0) {
                ctx.checkCancelled();
                ctx.progress(r, rows, dataset.name());
            }
            cells.clear();
            for (int i = 0; i < own.length; i++) {
                cells.add(formatCell(cols.get(i), r, options, own[i] != null ? own[i] : df, own[i] != null ? own[i] : dtf));
            }
            writeRecord(w, cells, options);
        }
        ctx.progress(rows, rows, dataset.name());
    }

    private static void writeRecord(Writer w, List<String> fields, Options options) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) w.write(options.delimiter());
            w.write(quote(fields.get(i), options.delimiter()));
        }
        w.write(options.lineSeparator());
    }

    @FunctionalInterface
    private interface Body {
        void write(Writer w) throws IOException;
    }

    /**
     * Refuses a target that is a folder, or something other than a regular file (a device such as /dev/full, a
     * pipe) that the final rename would replace — checked again by every write; commands call it before any work.
     */
    public static void checkTarget(Path file) {
        if (file.toString().isBlank()) throw new UserException("data.csvWriter.blankName"); // "" would name the current folder
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) throw new UserException("data.csvWriter.isFolder", target);
        if (Files.exists(target) && !Files.isRegularFile(target)) throw new UserException("data.csvWriter.notRegular", target);
    }

    private static void atomicWrite(Path file, Options options, Body body) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            checkTarget(target);
            Files.createDirectories(dir);
            // A new file (not Files.createTempFile) so it gets the usual permissions rather than owner-only ones.
            tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), StandardCharsets.UTF_8), 1 << 16)) {
                if (options.bom()) w.write('\uFEFF');
                body.write(w);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UserException(e, "data.csvWriter.failed", target, I18n.describe(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and harmless
                }
            }
        }
    }
}
