package io.segmenta.cli;

import io.segmenta.core.campaign.Allocation;
import io.segmenta.core.campaign.CampaignArtifacts;
import io.segmenta.core.campaign.CampaignBuilder;
import io.segmenta.core.campaign.CampaignDefinition;
import io.segmenta.core.campaign.CampaignExporter;
import io.segmenta.core.campaign.CampaignJson;
import io.segmenta.core.campaign.CampaignList;
import io.segmenta.core.campaign.CellCount;
import io.segmenta.core.campaign.ExportOptions;
import io.segmenta.core.campaign.Funnel;
import io.segmenta.core.campaign.Group;
import io.segmenta.core.campaign.Holdout;
import io.segmenta.core.campaign.Suppression;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.CsvWriter;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.io.ImportResult;
import io.segmenta.core.io.RowLines;
import io.segmenta.core.project.Artifact;
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
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code segmenta campaign}: builds a campaign list (eligibility, seeded stratified sample, creatives and
 * holdout), prints the preview counts and writes a formula-safe CSV with a manifest beside it; with
 * {@code --project} the list is also saved in the project.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = {"Build a campaign list: filter, suppress, take the top N, sample by segment, assign creatives "
                        + "and a holdout.",
                "From a CSV file or a project dataset: filter, exclude suppressed ids, take the top N, sample "
                        + "--size customers stratified by --segments, assign --creatives and a holdout with --seed, and "
                        + "export a formula-safe CSV (atomic) plus a .manifest.json beside it.",
                "Exit codes: 0 ok, 2 usage error, 3 bad input."})
public final class CampaignCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE.csv", description = "CSV file with the customers")
    Path file;

    @Option(names = "--project", paramLabel = "P.segmenta", description = "Project holding --dataset; the list is saved there")
    Path project;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset in --project")
    String dataset;

    @Option(names = "--filter", paramLabel = "EXPR", description = "Keep rows meeting a condition, e.g. age>=30, 'tier in Gold,Premium' (repeatable)")
    List<String> filters = new ArrayList<>();

    @Option(names = "--score", paramLabel = "COL", description = "Score column (exported as score)")
    String score;

    @Option(names = "--min-score", paramLabel = "X", description = "Keep customers with score >= X (needs --score)")
    Double minScore;

    @Option(names = "--tier", paramLabel = "COL", description = "Tier column (exported as tier)")
    String tier;

    @Option(names = "--tiers", split = ",", paramLabel = "T", description = "Tier values to keep (needs --tier)")
    List<String> tiers = new ArrayList<>();

    @Option(names = "--top", paramLabel = "N", description = "Keep the N customers with the highest --by")
    Integer top;

    @Option(names = "--by", paramLabel = "COL", description = "Column ranking customers for --top")
    String by;

    @Option(names = "--segments", paramLabel = "COL", description = "Segment column (strata)")
    String segments;

    @Option(names = "--id", paramLabel = "COL", description = "Customer id column (default: one named like a customer id, else the first id-like column that is not a row number)")
    String id;

    @Option(names = "--size", required = true, paramLabel = "N", description = "Customers on the list, holdout included")
    int size;

    @Option(names = "--creatives", defaultValue = "2", paramLabel = "K", description = "Number of creatives (default ${DEFAULT-VALUE})")
    int creatives;

    @Option(names = "--creative-names", split = ",", paramLabel = "NAME", description = "Creative names (default A, B, C…)")
    List<String> creativeNames;

    @Option(names = "--allocation", defaultValue = "stratified", paramLabel = "MODE",
            description = "per-segment (creative i to segment i) or stratified (every creative in every segment; default)")
    String allocation;

    @Option(names = "--holdout", paramLabel = "SHARE|N", description = "Control group: a share (0.1 or 10%%) or a number of customers")
    String holdout;

    @Option(names = "--suppress", paramLabel = "FILE.csv", description = "CSV of ids never to contact")
    Path suppress;

    @Option(names = "--suppress-column", paramLabel = "COL", description = "Id column of --suppress (default: the column named like --id, else one named id)")
    String suppressColumn;

    @Option(names = "--seed", paramLabel = "SEED", description = "Random seed (default: a random one, printed)")
    Long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "List to write; FILE.manifest.json is written beside it")
    Path out;

    @Option(names = "--delimiter", defaultValue = ",", paramLabel = "D", description = ", or ; (Spanish Excel: decimal comma)")
    String delimiter;

    @Option(names = "--bom", description = "Start the file with a UTF-8 byte-order mark (Excel)")
    boolean bom;

    @Option(names = "--columns", split = ",", paramLabel = "C",
            description = "Export columns: id, contact, segment-id, segment, creative, group, score, tier, action (default all)")
    List<String> columns;

    @Option(names = "--contact", split = ",", paramLabel = "COL", description = "Contact fields to export (default: detected by name)")
    List<String> contact;

    @Option(names = "--name", defaultValue = "campaign", paramLabel = "NAME", description = "Name of the list saved in --project (default ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--replace", description = "Replace a list of the same --name saved in --project (refused otherwise)")
    boolean replace;

    @Option(names = "--json", description = "Print the result as JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        boolean fromProject = project != null || dataset != null;
        if ((file == null) == !fromProject || fromProject && (project == null || dataset == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("campaign.cli.needSource"));
        }
        if (!",".equals(delimiter) && !";".equals(delimiter)) {
            throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("campaign.cli.badDelimiter"));
        }
        // the list name is checked before anything is read or written: a blank one cannot be saved
        if (name == null || name.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("campaign.cli.blankName"));
        }
        ModelCliSupport.checkName(spec.commandLine(), "--name", name, "wave1");
        if (top != null && (by == null || by.isBlank())) throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("campaign.cli.topNeedsBy"));
        if (top == null && by != null) throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("campaign.cli.byNeedsTop", by));
        CsvWriter.checkTarget(out);
        ModelCliSupport.checkOutputsApart(ModelCliSupport.paths("--out", out),
                ModelCliSupport.paths("FILE", file, "--suppress", suppress, "--project", project));
        Project p = fromProject ? ProjectStore.open(project) : null;
        // a saved list is the record of who was sent what, which the A/B analysis joins to: never replaced unasked
        if (p != null && !replace && p.artifacts().stream().anyMatch(a -> a.kind().equals(CampaignArtifacts.KIND) && a.name().equals(name))) {
            throw new UserException("campaign.cli.listExists", name, project.toString());
        }
        ImportResult imported = fromProject ? null : CsvImporter.importFiles(ImportRequest.of(file), TaskContext.NONE);
        Dataset ds = p != null ? p.dataset(dataset).map(DatasetEntry::dataset).orElseThrow(() -> new UserException("eda.cli.noDataset",
                dataset, String.join(", ", p.datasets().stream().map(DatasetEntry::name).toList())))
                : imported.dataset();
        RowLines lines = imported == null ? RowLines.NONE : imported.rowLines();
        // rows the reader rejected (wrong number of fields…) are not customers of the list: say so, never silently
        List<String> notes = new ArrayList<>(ModelCliSupport.importNotes(imported == null ? null : imported.report()));
        String idColumn = id != null ? id : CampaignDefinition.guessIdColumn(ds);
        if (idColumn == null) throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("campaign.cli.noIdColumn"));
        Suppression sup = Suppression.NONE;
        if (suppress != null) {
            // all or nothing: a suppression file the reader could not read completely fails the command
            try {
                sup = Suppression.fromFile(suppress, suppressColumn, idColumn, TaskContext.NONE);
                if (sup.isEmpty()) notes.add(I18n.tr("campaign.warn.suppressionEmpty", suppress.toString()));
            } catch (UserException e) {
                if (e.key().equals("campaign.error.suppressionNoIdColumn")) throw new UserException("campaign.cli.suppressionNoIdColumn", e.args());
                throw e;
            }
        }
        long s = seed != null ? seed : new java.util.SplittableRandom().nextLong() >>> 16;
        List<String> names = creativeNames != null && !creativeNames.isEmpty() ? creativeNames : CampaignDefinition.defaultCreativeNames(creatives);
        if (creativeNames != null && !creativeNames.isEmpty() && creativeNames.size() != creatives && spec.commandLine().getParseResult().hasMatchedOption("--creatives")) {
            throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("campaign.cli.creativeNamesCount",
                    creativeNames.size(), creatives));
        }
        CampaignDefinition def = new CampaignDefinition(ds.name(), RowFilter.parse(filters), score, minScore, tier, tiers, top, by,
                segments, idColumn, sup, size, names, Allocation.fromKey(allocation), Holdout.parse(holdout), s);
        CampaignList list;
        try {
            list = CampaignBuilder.build(ds, def, TaskContext.NONE);
        } catch (UserException e) {
            throw lines.relocate(e);
        }
        String unmatched = list.funnel().suppressionWarning(sup.ids().size(), idColumn);
        if (unmatched != null) notes.add(unmatched);
        // everything that can fail on the input fails before the list is written
        Artifact artifact = p != null ? CampaignArtifacts.toArtifact(list, name, Instant.now()) : null;

        ExportOptions eo = ExportOptions.defaults().withDelimiter(delimiter.charAt(0)).withBom(bom);
        if (columns != null && !columns.isEmpty()) eo = eo.withColumns(columns.stream().map(ExportOptions.Column::fromKey).toList());
        if (contact != null && !contact.isEmpty()) eo = eo.withContactColumns(contact);
        CampaignExporter.Result r = CampaignExporter.export(ds, list, eo, out, SegmentaCli.version(), Instant.now(), TaskContext.NONE);

        if (p != null) {
            ProjectStore.save(p.withArtifact(artifact), project, TaskContext.NONE);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = toJson(list, r, p != null ? project : null);
            ArrayNode nn = n.putArray("notes");
            notes.forEach(nn::add);
            w.println(Json.write(n));
        } else {
            printText(w, list, r, p != null ? project : null);
            ModelCliSupport.printNotes(spec.commandLine().getErr(), notes);
        }
        w.flush();
        return SegmentaCli.EXIT_OK;
    }

    ObjectNode toJson(CampaignList list, CampaignExporter.Result r, Path saved) {
        ObjectNode n = Json.object();
        n.put("dataset", list.datasetName());
        n.put("seed", list.seed());
        n.put("source_hash", list.sourceHash());
        n.set("definition", CampaignJson.definition(list.definition(), false));
        n.set("funnel", CampaignJson.funnel(list.funnel()));
        ArrayNode segs = n.putArray("segments");
        for (int i = 0; i < list.segments().size(); i++) {
            segs.addObject().put("segment", list.segments().get(i)).put("population", list.segmentPopulation().get(i));
        }
        n.set("counts", CampaignJson.counts(list.counts()));
        ObjectNode t = n.putObject("totals");
        t.put("treatment", list.treatmentCount());
        t.put("holdout", list.holdoutCount());
        t.put("total", list.size());
        ObjectNode pc = t.putObject("per_creative");
        list.creativeTotals().forEach(pc::put);
        n.put("file", r.csv().toString());
        n.put("manifest", r.manifest().toString());
        n.put("file_sha256", r.sha256());
        n.put("rows", r.rows());
        ArrayNode cols = n.putArray("columns");
        r.header().forEach(cols::add);
        n.put("neutralized_cells", r.neutralizedCells());
        if (saved != null) n.put("project", saved.toString()).put("saved_as", name);
        return n;
    }

    private void printText(PrintWriter w, CampaignList list, CampaignExporter.Result r, Path saved) {
        Funnel f = list.funnel();
        CampaignDefinition d = list.definition();
        NumberFormat nf = NumberFormat.getIntegerInstance(I18n.locale());
        w.println(I18n.tr("campaign.cli.heading", list.datasetName(), Long.toString(list.seed()), d.allocation().key()));
        w.println(I18n.tr("campaign.cli.eligible", f.population(), f.sourceRows(), f.afterFilter(), f.afterScore(), f.afterTier(),
                f.missingIdOrSegment(), f.suppressed()));
        w.println(I18n.tr("campaign.cli.list", list.size(), list.treatmentCount(), list.holdoutCount()));
        // preview: rows = segments, columns = creatives then holdout
        List<String> head = new ArrayList<>(List.of(I18n.tr("campaign.cli.col.segment"), I18n.tr("campaign.cli.col.eligible")));
        head.addAll(d.creativeNames());
        boolean hold = d.holdoutSize() > 0;
        if (hold) head.add(I18n.tr("campaign.cli.col.holdout"));
        head.add(I18n.tr("campaign.cli.col.total"));
        Map<String, Map<String, Integer>> cells = new LinkedHashMap<>();
        Map<String, Integer> holdouts = new LinkedHashMap<>();
        for (CellCount c : list.counts()) {
            if (c.group() == Group.HOLDOUT) holdouts.merge(c.segment(), c.count(), Integer::sum);
            else cells.computeIfAbsent(c.segment(), k -> new LinkedHashMap<>()).put(c.creative(), c.count());
        }
        List<List<String>> table = new ArrayList<>();
        table.add(head);
        for (int i = 0; i < list.segments().size(); i++) {
            String seg = list.segments().get(i);
            Map<String, Integer> m = cells.getOrDefault(seg, Map.of());
            List<String> row = new ArrayList<>(List.of(seg, nf.format(list.segmentPopulation().get(i))));
            int total = 0;
            for (String c : d.creativeNames()) {
                Integer v = m.get(c);
                row.add(v == null ? "-" : nf.format(v));
                total += v == null ? 0 : v;
            }
            if (hold) {
                int v = holdouts.getOrDefault(seg, 0);
                row.add(nf.format(v));
                total += v;
            }
            row.add(nf.format(total));
            table.add(row);
        }
        List<String> totals = new ArrayList<>(List.of(I18n.tr("campaign.cli.col.total"), nf.format(f.population())));
        list.creativeTotals().values().forEach(v -> totals.add(nf.format(v)));
        if (hold) totals.add(nf.format(list.holdoutCount()));
        totals.add(nf.format(list.size()));
        table.add(totals);
        int[] width = new int[head.size()];
        for (List<String> row : table) for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], row.get(i).length());
        w.println(I18n.tr("campaign.cli.preview"));
        for (List<String> row : table) {
            StringBuilder sb = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) sb.append("  ");
                String cell = row.get(i);
                if (i == 0) sb.append(cell).append(" ".repeat(width[i] - cell.length()));
                else sb.append(" ".repeat(width[i] - cell.length())).append(cell);
            }
            w.println(sb.toString().stripTrailing());
        }
        w.println(I18n.tr("campaign.cli.wrote", r.csv().toString(), r.rows(), r.neutralizedCells()));
        w.println(I18n.tr("campaign.cli.manifest", r.manifest().toString()));
        w.println(I18n.tr("campaign.cli.source", list.sourceHash()));
        if (saved != null) w.println(I18n.tr("campaign.cli.saved", name, saved.toString()));
    }
}
