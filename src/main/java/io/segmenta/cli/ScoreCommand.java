package io.segmenta.cli;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.RowRef;
import io.segmenta.core.io.CsvWriter;
import io.segmenta.core.io.RowLines;
import io.segmenta.core.model.ModelIO;
import io.segmenta.core.model.ModelScorer;
import io.segmenta.core.model.ScoringPolicy;
import io.segmenta.core.model.TrainedModel;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code segmenta score}: applies a saved model to a CSV file (or a project dataset) and writes the scores. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score customers with a saved model: score, decile, tier and recommended action per row.",
                "Columns are matched by name; extra columns are ignored; missing ones are an error listing them.",
                "Exit codes: 0 ok, 2 usage error, 3 bad input."})
public final class ScoreCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE.csv", description = "CSV file to score (or --project with --dataset)")
    Path file;

    @Option(names = "--project", paramLabel = "P.segmenta", description = "Project holding the dataset")
    Path project;

    @Option(names = "--dataset", description = "Dataset of --project")
    String dataset;

    @Option(names = "--model", required = true, paramLabel = "M.segmodel", description = "Model file, or with --project the name of a model saved in it (\"churn · gbm\")")
    Path model;

    @Option(names = "--out", paramLabel = "scored.csv", description = "Write the input with the scored columns here (needed unless --add-columns)")
    Path out;

    @Option(names = "--add-columns", description = "Add the scored columns to --dataset in --project and save it")
    boolean addColumns;

    @Option(names = "--replace-columns", description = "With --add-columns: overwrite columns of the same names (refused otherwise)")
    boolean replaceColumns;

    @Option(names = "--use", description = "churn, purchase or ltv (default: ltv for regression, churn when the target is named so, else purchase)")
    String use;

    @Option(names = "--cutoffs", paramLabel = "A,B,C", description = "Three descending tier cut-offs (probabilities; quantiles for ltv)")
    String cutoffs;

    @Option(names = "--prefix", description = "Prefix of the scored column names (default: the target name and _)")
    String prefix;

    @Option(names = "--json", description = "Print a summary as JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (file != null && project != null) throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("model.cli.bothInputs"));
        if (file == null && (project == null || dataset == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("model.cli.noInput"));
        }
        if (out == null && !addColumns) throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("model.cli.scoreNoOutput"));
        if (prefix != null && (prefix.isBlank() || !prefix.strip().equals(prefix) || prefix.contains(",") || prefix.chars().anyMatch(Character::isISOControl))) {
            throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("model.cli.badPrefix"));
        }
        if (addColumns && project == null) throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("model.cli.addColumnsNeedsProject"));
        ModelCliSupport.checkOutputFile("--out", out, "scored.csv");
        ModelCliSupport.checkOutputsApart(ModelCliSupport.paths("--out", out),
                ModelCliSupport.paths("FILE", file, "--model", model, "--project", project));
        ModelCliSupport.Input in = null;
        TrainedModel m;
        if (project != null && !java.nio.file.Files.exists(model)) {
            in = ModelCliSupport.load(file, project, dataset); // the project holds the model as well: read it once
            m = savedModel(in.project(), project, model.toString());
        } else {
            m = ModelIO.read(model); // a model file fails before any data is read
        }
        ScoringPolicy policy = use == null ? ScoringPolicy.defaultFor(m) : ScoringPolicy.defaults(ScoringPolicy.Use.fromKey(use));
        if (cutoffs != null) {
            List<Double> c = new ArrayList<>();
            try {
                for (String s : cutoffs.split(",")) c.add(Double.parseDouble(s.strip()));
            } catch (NumberFormatException e) {
                throw new UserException("model.cli.badList", "cutoffs", cutoffs);
            }
            policy = policy.withCutoffs(c);
        }
        if (in == null) in = ModelCliSupport.load(file, project, dataset);
        Dataset ds = in.dataset();
        ModelScorer.ScoreResult r;
        try {
            r = ModelScorer.score(m, ds, policy, TaskContext.NONE);
        } catch (UserException e) {
            throw in.lines().relocate(e);
        }
        List<String> notes = new ArrayList<>(in.notes());
        for (ModelScorer.InputIssue issue : ModelScorer.inputIssues(m, ds)) notes.add(issueNote(issue, in.lines()));
        String px = prefix != null ? prefix : ModelScorer.defaultPrefix(m);
        List<String> names = ModelScorer.scoredColumnNames(px);
        if (addColumns && !replaceColumns) {
            // a column of the dataset (the user's own, or an earlier scoring) is never overwritten unasked
            List<String> taken = names.stream().filter(x -> ds.find(x).isPresent()).toList();
            if (!taken.isEmpty()) throw new UserException("model.cli.scoredColumnsExist", ds.name(), String.join(", ", taken));
        }
        Dataset scored = r.appendTo(ds, px, I18n.locale());
        // written as the input was read: its delimiter, decimal comma, date layout and (for Excel) byte-order mark
        if (out != null) CsvWriter.write(scored, out, CsvWriter.Options.like(in.settings()), TaskContext.NONE);
        if (addColumns) {
            Project p = in.project();
            DatasetEntry entry = p.dataset(ds.name()).orElseThrow();
            ProjectStore.save(p.withDataset(entry.withDataset(scored)), project, TaskContext.NONE);
        }
        long[] counts = r.tierCounts();
        if (json) {
            ObjectNode n = Json.object();
            n.put("model", m.name());
            n.put("model_file", model.toString());
            n.put("rows", r.rows());
            if (out != null) n.put("out", out.toString());
            if (addColumns) n.put("project", project.toString()).put("dataset", ds.name());
            n.put("use", r.policy().use().key());
            ArrayNode cut = n.putArray("cutoffs");
            r.policy().cutoffs().forEach(cut::add);
            ArrayNode cv = n.putArray("cutoff_values");
            for (double v : r.cutoffValues()) cv.add(v);
            ArrayNode cols = n.putArray("columns");
            ModelScorer.scoredColumnNames(px).forEach(cols::add);
            ArrayNode tiers = n.putArray("tiers");
            for (int t = 0; t < 4; t++) {
                tiers.addObject().put("tier", r.policy().tierName(t, Locale.ENGLISH))
                        .put("action", r.policy().actionName(t, Locale.ENGLISH)).put("rows", counts[t]);
            }
            double mean = 0;
            for (double s : r.scores()) mean += s;
            n.put("mean_score", r.rows() == 0 ? 0 : mean / r.rows());
            ArrayNode nn = n.putArray("notes");
            notes.forEach(nn::add);
            o.println(Json.write(n));
        } else {
            o.println(I18n.tr("model.cli.scored", r.rows(), m.name()));
            List<List<String>> rows = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                rows.add(List.of(r.policy().tierName(t, I18n.locale()), r.policy().actionName(t, I18n.locale()),
                        ModelCliSupport.count(counts[t])));
            }
            ModelCliSupport.table(o, rows, "llr");
            if (out != null) o.println(I18n.tr("model.cli.written", out.toString()));
            if (addColumns) o.println(I18n.tr("model.cli.columnsAdded", String.join(", ", names), ds.name(), project.toString()));
            ModelCliSupport.printNotes(spec.commandLine().getErr(), notes);
        }
        o.flush();
        return 0;
    }

    /**
     * A model kept in the project under {@code name} (as train --project saves them: "churn · gbm 2"), for
     * scoring without exporting it to a file first.
     */
    private static TrainedModel savedModel(Project p, Path project, String name) {
        List<String> names = new ArrayList<>();
        for (var a : p.artifacts()) {
            if (!a.kind().equals(ModelIO.ARTIFACT_KIND)) continue;
            if (a.name().equals(name)) return ModelIO.fromArtifact(a);
            names.add(a.name());
        }
        throw new UserException("model.cli.noSavedModel", name, project.toString(),
                names.isEmpty() ? I18n.tr("model.cli.noSavedModels") : I18n.quotedList(names));
    }

    /** A note on values the model could not use as trained: scored as missing, as "other", or filled in. */
    static String issueNote(ModelScorer.InputIssue i, RowLines lines) {
        return i.message(lines.locate(i.row()));
    }
}
