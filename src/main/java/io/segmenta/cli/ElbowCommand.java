package io.segmenta.cli;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.io.ImportResult;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.segment.ElbowSweep;
import io.segmenta.core.segment.FeatureMatrix;
import io.segmenta.core.segment.KResult;
import io.segmenta.core.segment.SegmentationOptions;
import io.segmenta.core.segment.SegmentationOptions.Feature;
import io.segmenta.core.segment.SegmentationOptions.FeatureKind;
import io.segmenta.core.segment.SweepResult;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code segmenta elbow FILE --features a,b,c}: runs the elbow sweep (k-means++ with restarts for every k)
 * and prints inertia, silhouette, Calinski–Harabasz, Davies–Bouldin and time per k, the knee of the
 * inertia curve and the best silhouette. FILE may be replaced by {@code --project P --dataset NAME}.
 */
@Command(name = "elbow", mixinStandardHelpOptions = true,
        description = {"Elbow sweep for segmentation: k-means for k = K-MIN..K-MAX with metrics per k and a suggested "
                        + "k.",
                "Numeric columns are used as numbers, categorical ones one-hot encoded.",
                "Exit codes: 0 ok, 2 usage error, 3 bad input."})
public final class ElbowCommand implements Callable<Integer> {

    /** Where the data comes from and which features; shared with {@code segment}. */
    static final class Input {
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "CSV file (or use --project and --dataset)")
        Path file;

        @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset of the --project to use instead of FILE")
        String dataset;

        @Option(names = "--features", required = true, split = ",", paramLabel = "COL",
                description = "Feature columns, comma separated (numbers as numbers, categories one-hot)")
        List<String> features = new ArrayList<>();

        @Option(names = "--log1p", split = ",", paramLabel = "COL", description = "Features to transform with log1p (skewed money columns)")
        List<String> log1p = new ArrayList<>();

        @Option(names = "--category-weight", defaultValue = "1.0", paramLabel = "W",
                description = "Weight of one-hot columns (default ${DEFAULT-VALUE})")
        double categoryWeight;

        @Option(names = "--scale", defaultValue = "zscore", paramLabel = "HOW",
                description = "zscore, robust, minmax or none (default ${DEFAULT-VALUE})")
        String scale;

        @Option(names = "--missing", defaultValue = "impute", paramLabel = "HOW",
                description = "impute (median / mode) or drop rows (default ${DEFAULT-VALUE})")
        String missing;

        @Option(names = "--filter", paramLabel = "EXPR",
                description = {"Only rows meeting EXPR, e.g. age>=30, channel=email, \"province_code in 02,28\", \"income is "
                                + "missing\"; repeatable (every condition must hold); applied before --top"})
        List<String> filters = new ArrayList<>();

        @Option(names = "--top", paramLabel = "N", description = "Only the N rows with the highest --by score (among the rows --filter keeps)")
        Integer top;

        @Option(names = "--by", paramLabel = "COL", description = "Score column for --top")
        String by;

        @Option(names = "--restarts", defaultValue = "10", description = "k-means++ restarts per k (default ${DEFAULT-VALUE})")
        int restarts;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE})")
        long seed;

        /** The dataset from FILE or from the project; what reading FILE left out is printed as notes on stderr. */
        Dataset load(CommandLine cl, Path project) {
            if (file != null && dataset != null) throw new CommandLine.ParameterException(cl, "Give FILE or --dataset, not both");
            if (file != null) {
                if (!Files.isRegularFile(file)) throw new UserException("segment.cli.noFile", file.toString());
                ImportResult r = CsvImporter.importFiles(ImportRequest.of(file), TaskContext.NONE);
                ModelCliSupport.printNotes(cl.getErr(), ModelCliSupport.importNotes(r.report()));
                return r.dataset();
            }
            if (project == null || dataset == null) {
                throw new CommandLine.ParameterException(cl, "Give a CSV FILE, or --project P --dataset NAME");
            }
            Project p = ProjectStore.open(project);
            return p.dataset(dataset).map(DatasetEntry::dataset).orElseThrow(() -> new UserException("segment.cli.noDataset",
                    dataset, String.join(", ", p.datasets().stream().map(DatasetEntry::name).toList())));
        }

        SegmentationOptions options(CommandLine cl, Dataset ds, int kMin, int kMax) {
            if ((top == null) != (by == null)) throw new CommandLine.ParameterException(cl, "--top and --by go together");
            Set<String> logs = new HashSet<>(log1p);
            List<Feature> fs = new ArrayList<>();
            for (String raw : features) {
                String name = raw.strip();
                if (name.isEmpty()) continue;
                Feature f = FeatureMatrix.autoFeature(ds, name);
                if (f.kind() == FeatureKind.CATEGORICAL) f = f.withWeight(categoryWeight);
                if (logs.remove(name)) f = f.withTransform(SegmentationOptions.Transform.LOG1P);
                fs.add(f);
            }
            if (!logs.isEmpty()) throw new UserException("segment.cli.log1pNotFeature", String.join(", ", logs));
            SegmentationOptions o = SegmentationOptions.of(fs)
                    .withScaling(SegmentationOptions.Scaling.fromKey(scale))
                    .withMissing(SegmentationOptions.MissingPolicy.fromKey(missing))
                    .withKRange(kMin, kMax).withRestarts(restarts).withSeed(seed);
            RowFilter filter = RowFilter.parse(filters);
            filter.validate(ds);
            o = o.withFilter(filter);
            if (top != null) o = o.withSubset(new SegmentationOptions.TopN(by, top));
            return o;
        }
    }

    @CommandLine.Mixin
    Input input = new Input();

    @Option(names = "--project", paramLabel = "P.segmenta", description = "Project holding --dataset")
    Path project;

    @Option(names = "--k-min", defaultValue = "2", description = "Smallest k (default ${DEFAULT-VALUE})")
    int kMin;

    @Option(names = "--k-max", defaultValue = "10", description = "Largest k (default ${DEFAULT-VALUE})")
    int kMax;

    @Option(names = "--json", description = "Print the result as JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        Dataset ds = input.load(cl, project);
        SegmentationOptions o = input.options(cl, ds, kMin, kMax);
        FeatureMatrix m = FeatureMatrix.build(ds, o);
        SweepResult r = ElbowSweep.run(m, o, null, TaskContext.NONE);
        PrintWriter out = cl.getOut();
        if (json) {
            ObjectNode n = toJson(r, m);
            putFilter(n, o);
            out.println(Json.write(n));
        } else {
            if (!o.filter().isEmpty()) out.println(I18n.tr("segment.cli.filter", o.filter().toString()));
            out.println(I18n.tr("segment.cli.rows", m.n(), ds.name(), m.d(), m.droppedRows(), m.imputedCells()));
            out.printf(Locale.ROOT, "%4s  %14s  %10s  %17s  %14s  %8s%n", "k", "inertia", "silhouette", "calinski_harabasz",
                    "davies_bouldin", "seconds");
            for (KResult k : r.results()) {
                out.printf(Locale.ROOT, "%4d  %14.6g  %10.4f  %17.6g  %14.4f  %8.2f%n", k.k(), k.inertia(), k.silhouette(),
                        k.calinskiHarabasz(), k.daviesBouldin(), k.seconds());
            }
            if (!r.results().isEmpty() && r.results().get(0).silhouetteRows() < m.n()) {
                out.println(I18n.tr("segment.cli.silhouetteSample", r.results().get(0).silhouetteRows(), o.seed()));
            }
            out.println(r.advice());
        }
        out.flush();
        return SegmentaCli.EXIT_OK;
    }

    static ObjectNode toJson(SweepResult r, FeatureMatrix m) {
        ObjectNode n = Json.object();
        n.put("rows", m.n());
        n.put("dropped_rows", m.droppedRows());
        n.put("imputed_cells", m.imputedCells());
        ArrayNode dims = n.putArray("dimensions");
        m.dimNames().forEach(dims::add);
        ArrayNode res = n.putArray("results");
        for (KResult k : r.results()) {
            ObjectNode o = res.addObject();
            o.put("k", k.k());
            num(o, "inertia", k.inertia());
            num(o, "silhouette", k.silhouette());
            num(o, "calinski_harabasz", k.calinskiHarabasz());
            num(o, "davies_bouldin", k.daviesBouldin());
            num(o, "seconds", k.seconds());
            o.put("silhouette_rows", k.silhouetteRows());
            o.put("iterations", k.iterations());
            o.put("converged", k.converged());
        }
        if (r.suggestedK() == null) n.putNull("suggested_k"); else n.put("suggested_k", r.suggestedK().intValue());
        if (r.bestSilhouetteK() == null) n.putNull("best_silhouette_k"); else n.put("best_silhouette_k", r.bestSilhouetteK().intValue());
        n.put("advice", r.advice());
        return n;
    }

    /** {@code "filter": ["age >= 30", …]}, empty when every row was eligible. */
    static void putFilter(ObjectNode n, SegmentationOptions o) {
        ArrayNode f = n.putArray("filter");
        o.filter().expressions().forEach(f::add);
    }

    static void num(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) o.put(field, v); else o.putNull(field);
    }
}
