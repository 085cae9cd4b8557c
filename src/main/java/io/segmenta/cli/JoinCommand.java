package io.segmenta.cli;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.join.JoinReport;
import io.segmenta.core.join.JoinRequest;
import io.segmenta.core.join.JoinResult;
import io.segmenta.core.join.JoinService;
import io.segmenta.core.join.KeyNormalization;
import io.segmenta.core.join.KeyPair;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code segmenta join --project P.segmenta --left A --right B --on a_col=b_col [--on ...]}: adds B's
 * columns to A by key (a left join: A keeps every row, once), stores the result as a new dataset in the
 * project and prints the match report.
 */
@Command(name = "join", mixinStandardHelpOptions = true,
        description = "Enriches a dataset with the columns of another by key (left join) and saves the result in the project.")
public final class JoinCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "FILE", description = "The project file (.segmenta).")
    Path project;

    @Option(names = "--left", required = true, paramLabel = "NAME", description = "Dataset to enrich; keeps all its rows.")
    String left;

    @Option(names = "--right", required = true, paramLabel = "NAME", description = "Dataset to take columns from.")
    String right;

    @Option(names = "--on", required = true, paramLabel = "LEFT=RIGHT",
            description = "Key columns, left=right (or one name for both); repeat for a multi-column key.")
    List<String> on = new ArrayList<>();

    @Option(names = "--columns", split = ",", paramLabel = "COL",
            description = "Right columns to add (comma separated); default: all that are not keys.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--suffix", paramLabel = "TEXT", description = "Added to clashing right column names (default: ${DEFAULT-VALUE}).")
    String suffix = JoinRequest.DEFAULT_SUFFIX;

    @Option(names = "--no-strip-zeros", description = "Do not treat \"02\" and \"2\" as the same key.")
    boolean noStripZeros;

    @Option(names = "--no-ignore-case", description = "Compare keys with their case.")
    boolean noIgnoreCase;

    @Option(names = "--no-trim", description = "Do not remove blanks around keys.")
    boolean noTrim;

    @Option(names = "--first-word", description = "Compare only the first word of each key: a code that starts a label (\"02 Albacete\" matches 2).")
    boolean firstWord;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the new dataset (default: LEFT_RIGHT, made unique).")
    String name;

    @Option(names = "--replace", description = "Replace an existing dataset called --name.")
    boolean replace;

    @Option(names = "--json", description = "Print the report as JSON with snake_case keys.")
    boolean json;

    @Override
    public Integer call() {
        ModelCliSupport.checkName(spec.commandLine(), "--name", name, "customers_enriched");
        if (suffix == null || suffix.isBlank()) {
            // an empty suffix would give a clashing column the left column's own name
            throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("data.join.cli.blankSuffix"));
        }
        Project p = ProjectStore.open(project);
        Dataset l = dataset(p, left);
        Dataset r = dataset(p, right);
        List<KeyPair> keys = new ArrayList<>();
        for (String s : on) keys.add(KeyPair.parse(s));

        String resultName;
        if (name != null && !name.isBlank()) {
            resultName = name.trim();
            // the result may replace the left table (enriching it in place, with --replace) but never the table
            // it takes the columns from
            if (resultName.equals(r.name()) && !r.name().equals(l.name())) throw new UserException("data.join.cli.nameIsInput", resultName);
            if (p.dataset(resultName).isPresent() && !replace) throw new UserException("data.join.cli.nameTaken", resultName);
        } else {
            resultName = p.uniqueDatasetName(l.name() + "_" + r.name());
        }
        JoinRequest req = new JoinRequest(l.name(), r.name(), keys,
                new KeyNormalization(!noTrim, !noIgnoreCase, !noStripZeros, firstWord), columns, suffix, resultName);
        JoinResult res = JoinService.leftJoin(l, r, req, TaskContext.NONE);
        // a join that matched nobody only adds empty columns: say why, save nothing
        String none = JoinReport.noMatchMessage(res, l, r, firstWord ? "" : I18n.tr("data.join.noMatch.cliHint"));
        if (none != null) throw new UserException("data.join.cli.noMatch", none);

        ObjectMapper mapper = new ObjectMapper();
        String recipe = mapper.writeValueAsString(req.toRecipe());
        DatasetEntry entry = new DatasetEntry(res.dataset(), "join", null, List.of(), null, Instant.now(), recipe);
        ProjectStore.save(p.withDataset(entry), project, TaskContext.NONE);

        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(toJson(res, mapper));
        else {
            printText(res, out);
            out.println(I18n.tr("data.join.cli.saved", project.toString()));
        }
        out.flush();
        return SegmentaCli.EXIT_OK;
    }

    private static Dataset dataset(Project p, String name) {
        return p.dataset(name).map(DatasetEntry::dataset).orElseThrow(() -> new UserException("data.join.cli.noDataset",
                name, String.join(", ", p.datasets().stream().map(DatasetEntry::name).toList())));
    }

    static String toJson(JoinResult res, ObjectMapper mapper) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dataset", res.dataset().name());
        root.put("left", res.request().leftDataset());
        root.put("right", res.request().rightDataset());
        root.put("rows", res.dataset().rowCount());
        root.put("columns", res.dataset().columnCount());
        root.putAll(res.report().toMap());
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void printText(JoinResult res, PrintWriter out) {
        JoinReport rep = res.report();
        out.println(I18n.tr("data.join.cli.summary", res.request().leftDataset(), res.request().rightDataset(),
                res.dataset().name(), res.dataset().rowCount(), rep.addedColumns().size()));
        out.println(I18n.tr("data.join.cli.matched", rep.matchedRows(), rep.leftRows(), rep.matchRate(),
                rep.unmatchedRows(), rep.missingKeyRows()));
        if (!rep.addedColumns().isEmpty()) out.println(I18n.tr("data.join.cli.added", String.join(", ", rep.addedColumns())));
        if (!rep.unmatchedExamples().isEmpty()) {
            out.println(I18n.tr("data.join.cli.unmatchedExamples", I18n.quotedList(rep.unmatchedExamples())));
        }
        if (rep.duplicateRightKeys() > 0) {
            out.println(I18n.tr("data.join.cli.duplicates", rep.duplicateRightKeys(), rep.ignoredRightRows(),
                    I18n.quotedList(rep.duplicateKeyExamples())));
        }
        if (!rep.normalizationExamples().isEmpty()) {
            out.println(I18n.tr("data.join.cli.normalization", I18n.quotedList(rep.normalizationExamples())));
        }
        out.println(rep.policy());
    }
}
