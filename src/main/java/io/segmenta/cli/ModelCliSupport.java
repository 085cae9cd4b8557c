package io.segmenta.cli;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.io.PrintWriter;
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

    /** The dataset to work on and, when it came from a project, that project. */
    record Input(Dataset dataset, Project project) { }

    static Input load(Path file, Path project, String dataset) {
        if (file != null) {
            return new Input(CsvImporter.importFiles(ImportRequest.of(file), TaskContext.NONE).dataset(), null);
        }
        if (project == null || dataset == null) throw new UserException("model.cli.noInput");
        Project p = ProjectStore.open(project);
        Dataset d = p.dataset(dataset).orElseThrow(() -> new UserException("model.cli.datasetMissing", project.toString(), dataset))
                .dataset();
        return new Input(d, p);
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
