package io.segmenta.cli;

import io.segmenta.core.project.ProjectInfo;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.util.I18n;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/**
 * {@code segmenta info P.segmenta [--json]}: lists a project's datasets and artifacts without loading
 * column data. A file that is missing or not a readable project is a {@link io.segmenta.core.util.UserException}
 * (exit code 3).
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Lists the datasets (rows, columns, origin, creation time, source files) and the artifacts of a project.")
public final class InfoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (.segmenta).")
    Path file;

    @Option(names = "--json", description = "Print JSON with snake_case keys instead of text.")
    boolean json;

    @Override
    public Integer call() {
        ProjectInfo info = ProjectStore.info(file);
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(toJson(info));
        else printText(info, out);
        out.flush();
        return SegmentaCli.EXIT_OK;
    }

    static String toJson(ProjectInfo info) {
        ObjectNode root = Json.object();
        root.put("file", info.file().toString());
        root.put("schema_version", info.schemaVersion());
        ArrayNode datasets = root.putArray("datasets");
        for (ProjectInfo.DatasetSummary d : info.datasets()) {
            ObjectNode o = datasets.addObject();
            o.put("name", d.name());
            o.put("rows", d.rows());
            o.put("columns", d.columns());
            o.put("origin", d.origin());
            o.put("created_at", d.createdAt().toString());
            ArrayNode sources = o.putArray("sources");
            d.sources().forEach(sources::add);
        }
        ArrayNode artifacts = root.putArray("artifacts");
        for (ProjectInfo.ArtifactSummary a : info.artifacts()) {
            ObjectNode o = artifacts.addObject();
            o.put("kind", a.kind());
            o.put("name", a.name());
            o.put("dataset_name", a.datasetName());
            o.put("created_at", a.createdAt().toString());
        }
        return Json.write(root);
    }

    private static void printText(ProjectInfo info, PrintWriter out) {
        out.println(I18n.tr("project.info.file", info.file().toString(), String.valueOf(info.schemaVersion())));
        out.println(I18n.tr("project.info.datasets", info.datasets().size()));
        for (ProjectInfo.DatasetSummary d : info.datasets()) {
            out.println("  " + I18n.tr("project.info.dataset", d.name(), d.rows(), d.columns(), d.origin(), when(d.createdAt())));
            if (!d.sources().isEmpty()) {
                out.println("    " + I18n.tr("project.info.sources", String.join(", ", d.sources())));
            }
        }
        out.println(I18n.tr("project.info.artifacts", info.artifacts().size()));
        for (ProjectInfo.ArtifactSummary a : info.artifacts()) {
            String dataset = a.datasetName() == null ? I18n.tr("project.info.noDataset") : a.datasetName();
            out.println("  " + I18n.tr("project.info.artifact", a.kind(), a.name(), dataset, when(a.createdAt())));
        }
    }

    private static String when(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
