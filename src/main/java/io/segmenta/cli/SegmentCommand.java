package io.segmenta.cli;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.io.CsvWriter;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.segment.CreativeBrief;
import io.segmenta.core.segment.FeatureMatrix;
import io.segmenta.core.segment.SegmentProfiles;
import io.segmenta.core.segment.Segmentation;
import io.segmenta.core.segment.SegmentationArtifacts;
import io.segmenta.core.segment.SegmentationOptions;
import io.segmenta.core.segment.Segmenter;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code segmenta segment FILE --features … --k 4 --out assignments.csv}: fits k segments, writes each
 * segmented row's segment, optionally the brief for creatives (Markdown, or HTML when the file ends in
 * .html) and, with {@code --project}, saves the segmentation and the dataset with a segment column.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Fit k-means segments and write the assignments, optionally with a brief for creatives.",
                "Writes one row per customer (row, segment, name); optionally a brief for creatives (--brief) and, "
                        + "with --project, saves the segmentation and a segment column in the project.",
                "Exit codes: 0 ok, 2 usage error, 3 bad input."})
public final class SegmentCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ElbowCommand.Input input = new ElbowCommand.Input();

    @Option(names = "--project", paramLabel = "P.segmenta",
            description = "Project: the source of --dataset, and where the segmentation is saved (created if absent)")
    Path project;

    @Option(names = "--k", required = true, description = "Number of segments")
    int k;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Assignments CSV to write")
    Path out;

    @Option(names = "--brief", paramLabel = "FILE", description = "Brief for creatives: Markdown, or HTML if the name ends in .html")
    Path brief;

    @Option(names = "--describe", split = ",", paramLabel = "COL", description = "Extra columns to describe in the profiles and brief")
    List<String> describe = new ArrayList<>();

    @Option(names = "--name", description = "Name of the saved segmentation (default: segments_K)")
    String name;

    @Option(names = "--column", defaultValue = "segment", description = "Segment column added in the project (default ${DEFAULT-VALUE})")
    String column;

    @Option(names = "--replace-column", description = "Overwrite the dataset's column of the --column name if it exists (refused otherwise)")
    boolean replaceColumn;

    @Option(names = "--replace", description = "Replace a segmentation of the same --name saved in --project (refused otherwise)")
    boolean replace;

    @Option(names = "--json", description = "Print a summary as JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (k < 2) throw new CommandLine.ParameterException(cl, I18n.tr("segment.cli.badK", k));
        if (project != null && (column == null || column.isBlank())) throw new CommandLine.ParameterException(cl, I18n.tr("segment.cli.blankColumn"));
        ModelCliSupport.checkName(cl, "--name", name, "segments_4");
        ModelCliSupport.checkName(cl, "--column", column, "segment");
        CsvWriter.checkTarget(out);
        if (brief != null) CsvWriter.checkTarget(brief);
        ModelCliSupport.checkOutputsApart(ModelCliSupport.paths("--out", out, "--brief", brief),
                ModelCliSupport.paths("FILE", input.file, "--project", project));
        boolean fromFile = input.file != null;
        String artifactName = name != null && !name.isBlank() ? name.strip() : "segments_" + k;
        Project saved = project != null && Files.exists(project) ? ProjectStore.open(project) : null;
        if (saved != null && !replace && saved.artifacts().stream()
                .anyMatch(a -> a.kind().equals(SegmentationArtifacts.KIND) && a.name().equals(artifactName))) {
            // an earlier segmentation (its k, names and profiles) is not thrown away unasked
            throw new UserException("segment.cli.segmentationExists", artifactName, project.toString());
        }
        Dataset ds = input.load(cl, fromFile ? null : project);
        // the features first: a misspelt one is the first thing to fix
        SegmentationOptions o = input.options(cl, ds, 2, Math.max(2, Math.min(k, SegmentationOptions.MAX_K)));
        if (project != null && !replaceColumn && ds.find(column.strip()).isPresent()) {
            // a dataset's own column (its ids, its ages…) is never overwritten by a segment label without being asked
            throw new UserException("segment.cli.columnExists", column.strip(), ds.name());
        }
        FeatureMatrix m = FeatureMatrix.build(ds, o);
        Segmentation seg = Segmenter.fit(ds, m, o, k, null, io.segmenta.core.segment.Workers.defaultThreads(), TaskContext.NONE);
        Locale l = I18n.locale();
        SegmentProfiles.Profiles prof = SegmentProfiles.compute(ds, seg, describe, l);
        seg = seg.withNames(namesFrom(seg, prof));

        writeAssignments(ds, seg, out);
        if (brief != null) {
            SegmentProfiles.Profiles named = SegmentProfiles.compute(ds, seg, describe, l);
            String text = brief.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")
                    ? CreativeBrief.html(named, l) : CreativeBrief.markdown(named, l);
            CsvWriter.writeText(brief, text);
        }
        if (project != null) {
            Project p = saved != null ? saved : Project.empty();
            Dataset target = ds;
            if (fromFile) {
                target = ds.withName(p.uniqueDatasetName(ds.name()));
                seg = new Segmentation(target.name(), seg.datasetRows(), seg.options(), seg.sweep(), seg.suggestedK(), seg.bestSilhouetteK(),
                        seg.k(), seg.transform(), seg.centroids(), seg.rows(), seg.assignment(), seg.names(), seg.metrics(),
                        seg.subsetRows(), seg.droppedRows(), seg.imputedCells(), seg.stability());
            }
            Dataset withSeg = seg.addSegmentColumn(target, column.strip());
            DatasetEntry entry = p.dataset(target.name()).map(e -> e.withDataset(withSeg))
                    .orElseGet(() -> new DatasetEntry(withSeg, "import", null, List.of(), null, Instant.now(), null));
            p = p.withDataset(entry).withArtifact(SegmentationArtifacts.toArtifact(seg, artifactName));
            ProjectStore.save(p, project, TaskContext.NONE);
        }

        PrintWriter w = cl.getOut();
        int[] sizes = seg.sizes();
        if (json) {
            var n = Json.object();
            n.put("k", seg.k());
            n.put("rows", seg.rows().length);
            n.put("dropped_rows", seg.droppedRows());
            ElbowCommand.putFilter(n, seg.options());
            ElbowCommand.num(n, "inertia", seg.metrics().inertia());
            ElbowCommand.num(n, "silhouette", seg.metrics().silhouette());
            var segs = n.putArray("segments");
            for (int s = 0; s < seg.k(); s++) {
                segs.addObject().put("segment", s + 1).put("name", seg.names().get(s)).put("size", sizes[s]);
            }
            n.put("out", out.toString());
            if (brief != null) n.put("brief", brief.toString());
            if (project != null) n.put("project", project.toString()).put("segmentation", artifactName);
            var notes = n.putArray("notes");
            seg.smallSegmentWarnings().forEach(notes::add);
            w.println(Json.write(n));
        } else {
            if (!seg.options().filter().isEmpty()) w.println(I18n.tr("segment.cli.filter", seg.options().filter().toString()));
            w.println(I18n.tr("segment.cli.fitted", seg.k(), seg.rows().length, seg.droppedRows(), seg.imputedCells()));
            for (int s = 0; s < seg.k(); s++) {
                w.println(I18n.tr("segment.cli.segmentLine", s + 1, seg.names().get(s), sizes[s], (double) sizes[s] / seg.rows().length));
            }
            w.println(I18n.tr("segment.cli.wrote", out.toString()));
            if (brief != null) w.println(I18n.tr("segment.cli.wrote", brief.toString()));
            if (project != null) w.println(I18n.tr("segment.cli.saved", artifactName, project.toString()));
            ModelCliSupport.printNotes(cl.getErr(), seg.smallSegmentWarnings());
        }
        w.flush();
        return SegmentaCli.EXIT_OK;
    }

    /** "Segment 1 — Higher income", … : the default names with the suggestion from the profiles. */
    private static List<String> namesFrom(Segmentation seg, SegmentProfiles.Profiles prof) {
        List<String> names = new ArrayList<>();
        for (int s = 0; s < seg.k(); s++) {
            names.add(I18n.tr("segment.cli.name", seg.names().get(s), prof.segments().get(s).suggestedName()));
        }
        return names;
    }

    /** row (1-based data row), the first id-like column if any, segment number, segment name. */
    static void writeAssignments(Dataset ds, Segmentation seg, Path file) {
        Column id = ds.columns().stream().filter(Column::idLike).findFirst().orElse(null);
        List<String> header = new ArrayList<>(List.of("row"));
        if (id != null) header.add(id.name());
        header.add("segment");
        header.add("segment_name");
        List<List<String>> rows = new ArrayList<>(seg.rows().length);
        for (int i = 0; i < seg.rows().length; i++) {
            int r = seg.rows()[i];
            List<String> row = new ArrayList<>(4);
            row.add(Integer.toString(r + 1));
            if (id != null) row.add(id.format(r));
            row.add(Integer.toString(seg.assignment()[i] + 1));
            row.add(seg.names().get(seg.assignment()[i]));
            rows.add(row);
        }
        CsvWriter.writeRows(file, header, rows, CsvWriter.Options.defaults());
    }
}
