package io.segmenta.cli;

import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.eda.ColumnProfile;
import io.segmenta.core.eda.ColumnProfiler;
import io.segmenta.core.eda.DatasetProfile;
import io.segmenta.core.eda.Flag;
import io.segmenta.core.eda.ProfileOptions;
import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.eda.TopValue;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.ImportRequest;
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
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code segmenta profile FILE.csv | --project P --dataset NAME [--filter EXPR]... [--target COL] [--json]}:
 * the column profile table of Explore. JSON keys are snake_case; every statistic has full precision and
 * is null where it is not defined (never NaN).
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Profile the columns of a CSV file or of a project dataset.",
                "Count, missing, distinct, mean, std, min, percentiles, max, skewness, zeros, top values and "
                        + "flags (constant, id-like, skewed, leakage...).",
                "Exit codes: 0 ok, 2 usage error, 3 bad input."})
public final class ProfileCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE.csv", description = "CSV file to import and profile")
    Path file;

    @Option(names = "--project", paramLabel = "P.segmenta", description = "Project holding the dataset")
    Path project;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset in --project to profile")
    String dataset;

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "Keep rows meeting a condition, e.g. age>=30, channel=email, 'province_code in 02,28', "
                    + "'income is missing' (repeatable; all must hold)")
    List<String> filters = new ArrayList<>();

    @Option(names = "--target", paramLabel = "COL", description = "Binary target column: flags columns that predict it suspiciously well")
    String target;

    @Option(names = "--positive", paramLabel = "VALUE", description = "Target value counted as positive (default: yes/true/1 or the rarer value)")
    String positive;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "Top values per categorical column (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--json", description = "Print the profile as JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        boolean fromProject = project != null || dataset != null;
        if ((file == null) == !fromProject || fromProject && (project == null || dataset == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("eda.cli.source"));
        }
        RowFilter filter = RowFilter.parse(filters);
        ProfileOptions options = new ProfileOptions(filter, target, positive, top);
        Dataset ds = load();
        filter.validate(ds);
        DatasetProfile p = ColumnProfiler.profile(ds, options, TaskContext.NONE);
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(Json.write(toJson(p)));
        else printText(out, p);
        out.flush();
        return SegmentaCli.EXIT_OK;
    }

    private Dataset load() {
        if (file != null) {
            var r = CsvImporter.importFiles(ImportRequest.of(file), TaskContext.NONE);
            ModelCliSupport.printNotes(spec.commandLine().getErr(), ModelCliSupport.importNotes(r.report()));
            return r.dataset();
        }
        Project p = ProjectStore.open(project);
        return p.dataset(dataset).map(DatasetEntry::dataset).orElseThrow(() -> new UserException("eda.cli.noDataset",
                dataset, String.join(", ", p.datasets().stream().map(DatasetEntry::name).toList())));
    }

    static ObjectNode toJson(DatasetProfile p) {
        ObjectNode n = Json.object();
        n.put("rows", p.rows());
        n.put("rows_kept", p.rowsKept());
        ArrayNode f = n.putArray("filter");
        p.options().filter().expressions().forEach(f::add);
        ArrayNode cols = n.putArray("columns");
        for (ColumnProfile c : p.columns()) {
            ObjectNode cn = cols.addObject();
            cn.put("name", c.name());
            cn.put("type", c.type().key());
            cn.put("count", c.count());
            cn.put("missing", c.missing());
            cn.put("distinct", c.distinct());
            location(cn, "mean", c, c.mean());
            number(cn, "std", c.std());
            location(cn, "min", c, c.min());
            location(cn, "p5", c, c.p5());
            location(cn, "p25", c, c.p25());
            location(cn, "median", c, c.median());
            location(cn, "p75", c, c.p75());
            location(cn, "p95", c, c.p95());
            location(cn, "max", c, c.max());
            number(cn, "skewness", c.skewness());
            number(cn, "zeros", c.zeros());
            ArrayNode tv = cn.putArray("top_values");
            for (TopValue t : c.topValues()) tv.addObject().put("value", t.value()).put("count", t.count()).put("share", t.share());
            ArrayNode fl = cn.putArray("flags");
            c.flags().forEach(x -> fl.add(x.kind().key()));
        }
        return n;
    }

    private static boolean temporal(ColumnType t) { return t == ColumnType.DATE || t == ColumnType.DATETIME; }

    /** Numbers as full-precision JSON numbers; dates and date-times as ISO text. */
    private static void location(ObjectNode n, String key, ColumnProfile c, Double v) {
        if (v == null) n.putNull(key);
        else if (temporal(c.type())) n.put(key, c.valueText(v));
        else n.put(key, v.doubleValue());
    }

    private static void number(ObjectNode n, String key, Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) n.putNull(key);
        else n.put(key, v.doubleValue());
    }

    // ---- text ----

    private static void printText(PrintWriter out, DatasetProfile p) {
        out.printf(Locale.ROOT, "Dataset   %s%n", p.dataset());
        out.println(I18n.tr("eda.cli.rows", p.rows(), p.rowsKept()));
        if (!p.options().filter().isEmpty()) out.println("Filter    " + p.options().filter());
        if (p.target() != null) {
            out.println(p.target().binary() ? I18n.tr("eda.cli.target", p.target().column(), p.target().positive())
                    : I18n.tr("eda.cli.targetNumeric", p.target().column()));
        }
        boolean leak = p.target() != null && p.target().binary();
        List<String> head = new ArrayList<>(List.of("name", "type", "count", "missing", "miss%", "distinct", "mean", "std", "min",
                "p5", "p25", "median", "p75", "p95", "max", "skew", "zeros"));
        if (leak) head.add("auc");
        head.add("flags");
        List<List<String>> table = new ArrayList<>();
        table.add(head);
        for (ColumnProfile c : p.columns()) {
            List<String> row = new ArrayList<>(List.of(c.name(), c.type().key(), Integer.toString(c.count()),
                    Integer.toString(c.missing()), pct(c.missingShare()), Integer.toString(c.distinct()),
                    loc(c, c.mean()), num(c.std()), loc(c, c.min()), loc(c, c.p5()), loc(c, c.p25()), loc(c, c.median()),
                    loc(c, c.p75()), loc(c, c.p95()), loc(c, c.max()), num(c.skewness()),
                    c.zeros() == null ? "" : pct(c.zeros())));
            if (leak) row.add(c.leakageAuc() == null ? "" : String.format(Locale.ROOT, "%.3f", c.leakageAuc()));
            row.add(String.join(",", c.flags().stream().map(f -> f.kind().key()).toList()));
            table.add(row);
        }
        int[] w = new int[head.size()];
        for (List<String> r : table) for (int i = 0; i < r.size(); i++) w[i] = Math.max(w[i], r.get(i).length());
        for (List<String> r : table) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                String cell = r.get(i);
                boolean left = i < 2 || i == r.size() - 1;
                if (i > 0) sb.append("  ");
                if (left) sb.append(cell).append(" ".repeat(i == r.size() - 1 ? 0 : w[i] - cell.length()));
                else sb.append(" ".repeat(w[i] - cell.length())).append(cell);
            }
            out.println(sb.toString().stripTrailing());
        }
        boolean anyTop = p.columns().stream().anyMatch(c -> !c.topValues().isEmpty());
        if (anyTop) {
            out.println();
            out.println(I18n.tr("eda.cli.topValues"));
            for (ColumnProfile c : p.columns()) {
                if (c.topValues().isEmpty()) continue;
                List<String> parts = c.topValues().stream()
                        .map(t -> t.value() + " " + pct(t.share()) + " (" + t.count() + ")").toList();
                out.println("  " + c.name() + ": " + String.join(", ", parts));
            }
        }
        boolean anyFlag = p.columns().stream().anyMatch(c -> !c.flags().isEmpty());
        if (anyFlag) {
            out.println();
            out.println(I18n.tr("eda.cli.flags"));
            for (ColumnProfile c : p.columns()) {
                for (Flag f : c.flags()) out.println("  " + c.name() + " [" + f.kind().key() + "]: " + f.message());
            }
        }
    }

    private static String loc(ColumnProfile c, Double v) {
        if (v == null) return "";
        return temporal(c.type()) ? c.valueText(v) : num(v);
    }

    /**
     * Six significant digits, plain notation for ordinary magnitudes; whole numbers and every digit before the
     * point in full (an id such as 15565773 is not shown as 15565800).
     */
    static String num(Double v) {
        if (v == null || v.isNaN()) return "";
        if (v.isInfinite()) return v > 0 ? "inf" : "-inf";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a < 1e15 && v == Math.rint(v)) return Long.toString(v.longValue());
        if (a >= 1e15 || a < 1e-5) return String.format(Locale.ROOT, "%.5e", v);
        if (a >= 1e5) return new BigDecimal(v).setScale(1, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
