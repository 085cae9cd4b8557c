package io.segmenta.cli;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.CsvOptions;
import io.segmenta.core.io.CsvSettings;
import io.segmenta.core.io.ImportReport;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.io.ImportResult;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code segmenta import}: reads CSV file(s), prints what was detected and the reject report. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import CSV file(s): detects delimiter, encoding, decimal separator, header and column types.",
                "Several files with the same columns are read as one table (partitions) with a source_file column.",
                "Exit codes: 0 ok, 2 usage error, 3 bad input."})
public final class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV file(s) to import")
    List<Path> files;

    @Option(names = "--project", paramLabel = "P.segmenta", description = "Add the dataset to this project (created if absent)")
    Path project;

    @Option(names = "--name", description = "Dataset name (default: the first file's name)")
    String name;

    @Option(names = "--delimiter", description = "Field separator: , ; tab | space or one character")
    String delimiter;

    @Option(names = "--encoding", description = "Character set, e.g. UTF-8, windows-1252, ISO-8859-1, UTF-16")
    String encoding;

    @Option(names = "--decimal", description = "Decimal separator: . or ,")
    String decimal;

    @Option(names = "--quote", description = "Quote character, or 'none'")
    String quote;

    @Option(names = "--header", negatable = true, description = "First row is a header (default: detected)")
    Boolean header;

    @Option(names = "--month-first", description = "Read ambiguous dates like 03/04/2020 as March 4 (default: day first)")
    boolean monthFirst;

    @Option(names = "--missing", paramLabel = "TOKEN", description = "Extra token read as missing in every column (repeatable)")
    List<String> missing = new ArrayList<>();

    @Option(names = "--column-missing", paramLabel = "COL=TOKEN", description = "Extra missing token for one column, e.g. job=unknown (repeatable)")
    List<String> columnMissing = new ArrayList<>();

    @Option(names = "--type", paramLabel = "COL=TYPE", description = "Force a column type: integer, decimal, boolean, date, datetime, categorical, text (repeatable)")
    List<String> types = new ArrayList<>();

    @Option(names = "--source-column", description = "Name of the column recording each row's file (default source_file when several files)")
    String sourceColumn;

    @Option(names = "--dictionary", paramLabel = "FILE", description = "Data dictionary: column, description")
    Path dictionary;

    @Option(names = "--replace", description = "Replace a dataset of the same --name in the project")
    boolean replace;

    @Option(names = "--json", description = "Print the result as JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The same options the import wizard builds. */
    CsvOptions options() {
        CsvOptions o = CsvOptions.detect();
        try {
            if (delimiter != null) o = o.withDelimiter(CsvSettings.parseDelimiter(delimiter));
            if (encoding != null) o = o.withEncoding(Charset.forName(encoding));
            if (decimal != null) {
                if (!decimal.equals(".") && !decimal.equals(",")) throw new IllegalArgumentException("--decimal must be . or ,");
                o = o.withDecimal(decimal.charAt(0));
            }
            if (quote != null) {
                if (!"none".equalsIgnoreCase(quote) && quote.length() != 1) {
                    throw new IllegalArgumentException("--quote must be one character (usually \" or ') or none, not '" + quote + "'");
                }
                o = o.withQuote("none".equalsIgnoreCase(quote) ? '\0' : quote.charAt(0));
                if (delimiter != null && o.quote() != null && o.delimiter() != null && o.quote().charValue() == o.delimiter().charValue()) {
                    throw new IllegalArgumentException("--quote and --delimiter must be different characters, not both '" + quote + "'");
                }
            }
            if (header != null) o = o.withHeader(header);
            if (monthFirst) o = o.withDayFirst(false);
            if (!missing.isEmpty()) o = o.plusMissingTokens(missing);
            Map<String, Set<String>> cm = new LinkedHashMap<>();
            for (String s : columnMissing) {
                String[] kv = split(s, "--column-missing");
                cm.computeIfAbsent(kv[0], k -> new LinkedHashSet<>()).add(kv[1]);
            }
            o = o.withColumnMissingTokens(cm);
            Map<String, ColumnType> tm = new LinkedHashMap<>();
            for (String s : types) {
                String[] kv = split(s, "--type");
                try {
                    tm.put(kv[0], ColumnType.fromKey(kv[1]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--type " + s + ": unknown type '" + kv[1]
                            + "'; use integer, decimal, boolean, date, datetime, categorical or text");
                }
            }
            o = o.withColumnTypes(tm);
        } catch (java.nio.charset.UnsupportedCharsetException | java.nio.charset.IllegalCharsetNameException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Unknown encoding: " + encoding);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return o;
    }

    private static String[] split(String s, String opt) {
        int i = s.indexOf('=');
        if (i <= 0) throw new IllegalArgumentException(opt + " expects COLUMN=VALUE, got '" + s + "'");
        return new String[]{s.substring(0, i), s.substring(i + 1)};
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelCliSupport.checkName(spec.commandLine(), "--name", name, "customers");
        if (name != null) name = name.strip();
        CsvOptions o = options();
        Project existing = null;
        if (project != null && Files.exists(project)) {
            existing = ProjectStore.open(project); // fail on a bad project before the long work
            if (name != null && existing.dataset(name).isPresent() && !replace) {
                throw new UserException("cli.import.exists", name, project.toString());
            }
        }
        ImportRequest req = new ImportRequest(files, name, o, sourceColumn, dictionary);
        ImportResult r = CsvImporter.importFiles(req, TaskContext.NONE);
        Path saved = null;
        if (project != null) {
            Project p = existing != null ? existing : Project.empty();
            String dsName = name != null ? name : p.uniqueDatasetName(r.dataset().name());
            Dataset ds = r.dataset().withName(dsName);
            p = p.withDataset(new DatasetEntry(ds, "import", r.settings(), r.sources(), r.report(), Instant.now(), null));
            ProjectStore.save(p, project, TaskContext.NONE);
            saved = project;
        }
        if (json) {
            out.println(Json.write(toJson(r, saved)));
        } else {
            printText(out, r, saved);
        }
        out.flush();
        if (r.report().rejectedCount() > 0) {
            err.println("segmenta: " + I18n.tr("cli.import.rejectedNote", r.report().rejectedCount()));
            err.flush();
        }
        return 0;
    }

    static ObjectNode toJson(ImportResult r, Path saved) {
        ObjectNode n = Json.object();
        n.put("dataset", r.dataset().name());
        ArrayNode files = n.putArray("files");
        r.sources().forEach(s -> files.addObject().put("path", s.path()).put("size_bytes", s.sizeBytes()).put("sha256", s.sha256()));
        n.put("rows", r.dataset().rowCount());
        n.put("rows_read", r.report().rowsRead());
        CsvSettings s = r.settings();
        ObjectNode st = n.putObject("settings");
        st.put("delimiter", String.valueOf(s.delimiter()));
        st.put("encoding", s.encoding());
        st.put("bom", s.bom());
        st.put("decimal", String.valueOf(s.decimal()));
        st.put("thousands", s.thousands() == '\0' ? null : String.valueOf(s.thousands()));
        st.put("quote", s.quote() == '\0' ? null : String.valueOf(s.quote()));
        st.put("header", s.header());
        st.put("day_first", s.dayFirst());
        ArrayNode mt = st.putArray("missing_tokens");
        s.missingTokens().stream().sorted().forEach(mt::add);
        ObjectNode df = st.putObject("date_formats");
        s.dateFormats().forEach(df::put);
        ArrayNode cols = n.putArray("columns");
        Dataset d = r.dataset();
        for (int i = 0; i < d.columnCount(); i++) {
            Column c = d.column(i);
            ImportReport.ColumnReport cr = r.report().columns().get(i);
            ObjectNode cn = cols.addObject();
            cn.put("name", c.name());
            cn.put("type", c.type().key());
            cn.put("id_like", c.idLike());
            cn.put("missing", c.missingCount());
            cn.put("coerced_to_missing", cr.coerced());
            ArrayNode ex = cn.putArray("coerced_examples");
            cr.coercedExamples().forEach(e -> ex.addObject().put("file", e.file()).put("line", e.line()).put("value", e.value()));
        }
        n.put("rejected_count", r.report().rejectedCount());
        ArrayNode rej = n.putArray("rejected");
        r.report().rejected().forEach(x -> rej.addObject().put("file", x.file()).put("line", x.line()).put("reason", x.reason()));
        ArrayNode w = n.putArray("warnings");
        r.report().warnings().forEach(w::add);
        if (saved != null) n.put("project", saved.toString());
        return n;
    }

    private static void printText(PrintWriter out, ImportResult r, Path saved) {
        CsvSettings s = r.settings();
        Dataset d = r.dataset();
        out.println(I18n.tr("cli.import.dataset", d.name()));
        for (var f : r.sources()) out.println(I18n.tr("cli.import.file", f.path(), f.sizeBytes()));
        out.println(I18n.tr("cli.import.settings", s.delimiterName(), s.encoding() + (s.bom() ? " (BOM)" : ""),
                String.valueOf(s.decimal()), I18n.tr(s.header() ? "cli.yes" : "cli.no"),
                s.quote() == '\0' ? I18n.tr("cli.none") : "'" + s.quote() + "'",
                I18n.tr(s.dayFirst() ? "cli.import.dayFirst" : "cli.import.monthFirst")));
        out.println(I18n.tr("cli.import.rows", d.rowCount(), r.report().rowsRead(), r.report().rejectedCount()));
        out.println(I18n.tr("cli.import.columns", d.columnCount()));
        int w = Math.max(6, d.columnNames().stream().mapToInt(String::length).max().orElse(6));
        out.printf(Locale.ROOT, "  %-" + w + "s  %-11s  %9s  %9s  %s%n", I18n.tr("cli.import.h.name"), I18n.tr("cli.import.h.type"),
                I18n.tr("cli.import.h.missing"), I18n.tr("cli.import.h.coerced"), I18n.tr("cli.import.h.notes"));
        for (int i = 0; i < d.columnCount(); i++) {
            Column c = d.column(i);
            ImportReport.ColumnReport cr = r.report().columns().get(i);
            String notes = (c.idLike() ? I18n.tr("cli.import.idLike") + " " : "")
                    + (s.dateFormats().containsKey(c.name()) ? s.dateFormats().get(c.name()) : "");
            if (!cr.coercedExamples().isEmpty()) {
                var e = cr.coercedExamples().get(0);
                // several files: which one the line is in
                notes += " " + (r.sources().size() > 1 ? I18n.tr("cli.import.exampleIn", e.file(), e.line(), e.value())
                        : I18n.tr("cli.import.example", e.line(), e.value()));
            }
            out.printf(Locale.ROOT, "  %-" + w + "s  %-11s  %9d  %9d  %s%n", c.name(), c.type().key(), c.missingCount(), cr.coerced(), notes.strip());
        }
        if (!r.report().rejected().isEmpty()) {
            out.println(I18n.tr("cli.import.rejected"));
            for (var x : r.report().rejected()) out.println("  " + I18n.tr("cli.import.rejectedRow", x.file(), x.line(), x.reason()));
            if (r.report().rejectedCount() > r.report().rejected().size()) {
                out.println("  " + I18n.tr("cli.import.more", r.report().rejectedCount() - r.report().rejected().size()));
            }
        }
        for (String warn : r.report().warnings()) out.println(I18n.tr("cli.import.warning", warn));
        if (saved != null) out.println(I18n.tr("cli.import.saved", saved.toString()));
    }
}
