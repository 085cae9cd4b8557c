package io.segmenta.cli;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.CsvSettings;
import io.segmenta.core.io.CsvWriter;
import io.segmenta.core.io.ImportReport;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.io.ImportResult;
import io.segmenta.core.io.RowLines;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared input handling of {@code train} and {@code score} (a CSV file, or a dataset of a project) and the
 * text formatting of {@code train}, {@code score} and {@code clv}: numbers with the separators of the current
 * language, for people; JSON and CSV output stay in {@code Locale.ROOT}.
 */
final class ModelCliSupport {
    private ModelCliSupport() { }

    /**
     * The dataset to work on and, when it came from a project, that project; {@code report} is what reading a
     * CSV file did (rows rejected, values that became missing), null for a project dataset; {@code lines} the file
     * line of each row, to name lines rather than rows in messages ({@link RowLines#NONE} for a project dataset).
     */
    /**
     * @param settings how the data was read from CSV (null when it was not), so output can be written alike
     * @param imported the import of a CSV file, or null for a project dataset
     */
    record Input(Dataset dataset, Project project, ImportReport report, RowLines lines, CsvSettings settings, ImportResult imported) {
        Input(Dataset dataset, Project project, CsvSettings settings) { this(dataset, project, null, RowLines.NONE, settings, null); }

        /**
         * Refuses a column name that the file's header gave to several columns (the later ones were renamed
         * a_2…): training on the first of two "Churn" columns without a word is training on the wrong one.
         */
        void checkUnambiguous(String option, String name) {
            if (imported == null || name == null) return;
            List<String> all = imported.columnsNamed(name);
            if (all.size() > 1) {
                throw new UserException("model.cli.ambiguousColumn", name, all.size(), I18n.quotedList(all), option, all.get(1));
            }
        }

        /** {@link #importNotes(ImportReport)} of this input. */
        List<String> notes() { return importNotes(report); }
    }

    static Input load(Path file, Path project, String dataset) {
        if (file != null) {
            ImportResult r = CsvImporter.importFiles(ImportRequest.of(file), TaskContext.NONE);
            return new Input(r.dataset(), null, r.report(), r.rowLines(), r.settings(), r);
        }
        if (project == null || dataset == null) throw new UserException("model.cli.noInput");
        Project p = ProjectStore.open(project);
        DatasetEntry e = p.dataset(dataset).orElseThrow(() -> new UserException("model.cli.datasetMissing", project.toString(), dataset));
        return new Input(e.dataset(), p, e.settings());
    }

    /** Most columns with unreadable values listed one by one; the rest are summed up in one note. */
    private static final int MAX_COLUMN_NOTES = 5;

    /**
     * What reading the CSV file left out, so that it is never lost silently: rows rejected (with the first
     * one's line), per column the values that could not be read as its type and became missing (with the
     * first one's file, line and text), and the reader's own warnings (renamed duplicate columns…).
     */
    static List<String> importNotes(ImportReport r) {
        List<String> notes = new ArrayList<>();
        if (r == null) return notes;
        if (r.rejectedCount() > 0 && !r.rejected().isEmpty()) {
            ImportReport.RejectedRow first = r.rejected().get(0);
            notes.add(I18n.tr("model.cli.rowsRejected", r.rejectedCount(), first.file(), first.line(), first.reason()));
        }
        int listed = 0;
        long otherColumns = 0, otherValues = 0;
        for (ImportReport.ColumnReport c : r.columns()) {
            if (c.coerced() == 0) continue;
            if (listed == MAX_COLUMN_NOTES || c.coercedExamples().isEmpty()) {
                otherColumns++;
                otherValues += c.coerced();
                continue;
            }
            ImportReport.CoercedValue e = c.coercedExamples().get(0);
            notes.add(I18n.tr("model.cli.valuesCoerced", c.name(), c.coerced(), I18n.tr("model.cli.type." + c.type().key()),
                    e.file(), e.line(), e.value()));
            listed++;
        }
        if (otherColumns > 0) notes.add(I18n.tr("model.cli.valuesCoercedMore", otherValues, otherColumns));
        notes.addAll(r.warnings());
        return notes;
    }

    /**
     * Fails before any work when an output option names a folder (a file inside it was probably meant), so
     * that a long training run does not end in a write error.
     */
    static void checkOutputFile(String option, Path file, String example) {
        if (file != null && file.toString().isBlank()) throw new UserException("model.cli.blankOutput", option, example);
        if (file != null && Files.isDirectory(file)) {
            throw new UserException("model.cli.outputIsFolder", option, file.toString(), example);
        }
        if (file != null) CsvWriter.checkTarget(file);
    }

    /**
     * Refuses an output that is one of the command's inputs, or another of its outputs (the later write would
     * replace the earlier file without a word): {@code inputs} and {@code outputs} may hold nulls.
     */
    static void checkOutputsApart(java.util.Map<String, Path> outputs, java.util.Map<String, Path> inputs) {
        List<java.util.Map.Entry<String, Path>> outs = outputs.entrySet().stream().filter(e -> e.getValue() != null).toList();
        for (int i = 0; i < outs.size(); i++) {
            var o = outs.get(i);
            for (var in : inputs.entrySet()) {
                if (in.getValue() != null && same(o.getValue(), in.getValue())) {
                    throw new UserException("model.cli.outputIsInput", o.getKey(), o.getValue().toString(), in.getKey());
                }
            }
            for (int j = 0; j < i; j++) {
                if (same(o.getValue(), outs.get(j).getValue())) {
                    throw new UserException("model.cli.outputsClash", outs.get(j).getKey(), o.getKey(), o.getValue().toString());
                }
            }
        }
    }

    /** Option name → path pairs in order, nulls kept (for {@link #checkOutputsApart}). */
    static java.util.Map<String, Path> paths(Object... nameThenPath) {
        java.util.Map<String, Path> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < nameThenPath.length; i += 2) m.put((String) nameThenPath[i], (Path) nameThenPath[i + 1]);
        return m;
    }

    private static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            // unreadable: compare the names below
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * A name given with {@code option} (a dataset, list or segmentation name) that is blank or holds line breaks
     * or other control characters is a usage error: it would be saved as it is and break every listing.
     */
    static void checkName(CommandLine cl, String option, String value, String example) {
        if (value == null) return;
        if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
            throw new CommandLine.ParameterException(cl, I18n.tr("cli.badName", option, example));
        }
    }

    /** Prints {@code notes} on {@code err}, one "segmenta: note: …" line each. */
    static void printNotes(PrintWriter err, List<String> notes) {
        for (String n : notes) err.println("segmenta: " + I18n.tr("model.cli.note", n));
        err.flush();
    }

    /** Splits comma-separated values of a repeatable option, dropping blanks. */
    static List<String> list(List<String> raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) return out;
        for (String r : raw) for (String s : r.split(",")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }

    /** {@code v} formatted with a {@link DecimalFormat} pattern and the separators of the current language; "-" for NaN. */
    static String dec(String pattern, double v) {
        if (Double.isNaN(v)) return "-";
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(I18n.locale())).format(v);
    }

    /** A count with the digit grouping of the current language. */
    static String count(long v) { return dec("#,##0", v); }

    /**
     * Prints {@code rows} as a table indented by two spaces, each column as wide as its widest cell (so translated
     * headers never break it) and aligned as {@code align} says per column: {@code l} left, anything else right.
     */
    static void table(PrintWriter w, List<List<String>> rows, String align) {
        int n = 0;
        for (List<String> r : rows) n = Math.max(n, r.size());
        int[] width = new int[n];
        for (List<String> r : rows) for (int i = 0; i < r.size(); i++) width[i] = Math.max(width[i], r.get(i).length());
        for (List<String> r : rows) {
            StringBuilder sb = new StringBuilder("  ");
            for (int i = 0; i < r.size(); i++) {
                String c = r.get(i);
                if (i > 0) sb.append("  ");
                if (i < align.length() && align.charAt(i) == 'l') sb.append(c).append(" ".repeat(width[i] - c.length()));
                else sb.append(" ".repeat(width[i] - c.length())).append(c);
            }
            w.println(sb.toString().stripTrailing());
        }
    }
}
