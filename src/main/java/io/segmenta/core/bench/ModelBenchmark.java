package io.segmenta.core.bench;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.CsvWriter;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.model.Algorithm;
import io.segmenta.core.model.DataSplit;
import io.segmenta.core.model.HyperParameters;
import io.segmenta.core.model.MlpDevice;
import io.segmenta.core.model.MlpParameters;
import io.segmenta.core.model.ModelTrainer;
import io.segmenta.core.model.TargetEncoding;
import io.segmenta.core.model.TrainedModel;
import io.segmenta.core.model.TrainingOptions;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The model benchmark behind {@code segmenta bench models}: gradient boosting (300 trees) on the UCI bank
 * marketing data with and without {@code duration} on one fixed stratified split (test 20 %, seed 42, no
 * validation part, so every tool learns from the same rows), test ROC AUC, fitting time and scoring speed;
 * then scikit-learn's HistGradientBoostingClassifier and xgboost (Debian's /usr/bin/python3) on the same
 * split, written to temporary CSV files, for the side-by-side figures. The neural network (DJL with PyTorch:
 * {@link #MLP_SETTINGS}) trains on the same split too; it holds 10 % of the training rows out for early
 * stopping (the test rows are the very same, checked), and its scoring speed is reported in its row's note.
 */
public final class ModelBenchmark {
    private ModelBenchmark() { }

    /** One tool on one variant. seconds = fitting only; null figures when the tool is not installed. */
    public record Row(String tool, String variant, Double auc, Double fitSeconds, String note) { }

    /**
     * @param scoringRowsPerSecond  rows scored per second by the 300-tree model (preprocessing included), best of 5
     * @param threads               processors the JVM sees
     */
    public record Result(Path file, int rows, int trainRows, int testRows, int threads, List<Row> rowsOut,
                         double scoringRowsPerSecond) { }

    public static final String TARGET = "y";
    public static final String LEAKY = "duration";
    /** The benchmark's network: 2 × 64 ReLU units, dropout 0.1, at most 30 epochs of 256 rows at 1e-3, patience 5. */
    public static final MlpParameters MLP_SETTINGS = new MlpParameters(2, 64, 0.1, 30, 256, 1e-3, 5,
            MlpParameters.ComputeDevice.AUTO);
    /** Share of the training rows the network holds out for early stopping. */
    static final double MLP_VALIDATION = 0.1;

    public static Result run(Path file, int trees, boolean peers, Consumer<String> log) throws IOException {
        if (!Files.isRegularFile(file)) throw new UserException("model.file.notFound", file.toString());
        Dataset ds = CsvImporter.importFiles(ImportRequest.of(file), TaskContext.NONE).dataset();
        TargetEncoding t = TargetEncoding.resolve(ds, TARGET, null, null);
        DataSplit split = DataSplit.stratified(t.values(ds), true, 0.2, 0.0, 42);
        log.accept(String.format(Locale.ROOT, "%s: %,d rows; train %,d, test %,d; %d processors",
                file, ds.rowCount(), split.train().length, split.test().length, Runtime.getRuntime().availableProcessors()));
        TrainingOptions base = TrainingOptions.defaults(ds.name(), TARGET).withAlgorithm(Algorithm.GBM)
                .withSplit(0.2, 0.0, 42);
        base = base.withHyper(HyperParameters.defaults(Algorithm.GBM).withTrees(trees));
        // warm-up so the timed runs measure compiled code, as the Python peers run compiled code
        ModelTrainer.train(ds, base.withHyper(base.hyper().withTrees(30)));
        List<Row> rows = new ArrayList<>();
        TrainedModel withDuration = null;
        for (boolean drop : new boolean[]{false, true}) {
            TrainingOptions o = drop ? base.withExclude(List.of(LEAKY)) : base;
            TrainedModel m = ModelTrainer.train(ds, o).model();
            String variant = drop ? "without duration" : "with duration";
            rows.add(new Row("segmenta gbm", variant, m.info().evaluation().classification().rocAuc(), m.info().fitSeconds(), null));
            log.accept(String.format(Locale.ROOT, "  segmenta gbm %-17s AUC %.4f  fit %.2f s", variant,
                    m.info().evaluation().classification().rocAuc(), m.info().fitSeconds()));
            if (!drop) withDuration = m;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            double[] s = withDuration.predict(ds, null);
            double sec = (System.nanoTime() - t0) / 1e9;
            if (s.length == ds.rowCount()) best = Math.min(best, sec);
        }
        double rps = ds.rowCount() / best;
        log.accept(String.format(Locale.ROOT, "  scoring: %,.0f rows/s", rps));
        rows.addAll(mlp(ds, t, split, log));
        if (peers) rows.addAll(python(ds, split, trees, log));
        return new Result(file, ds.rowCount(), split.train().length, split.test().length,
                Runtime.getRuntime().availableProcessors(), rows, rps);
    }

    /** The network with and without {@code duration}: test AUC, fitting time, and scoring speed (best of 3). */
    static List<Row> mlp(Dataset ds, TargetEncoding t, DataSplit split, Consumer<String> log) {
        DataSplit withValidation = DataSplit.stratified(t.values(ds), true, 0.2, MLP_VALIDATION, 42);
        if (!Arrays.equals(withValidation.test(), split.test())) throw new IllegalStateException("the MLP's test rows differ");
        TrainingOptions base = TrainingOptions.defaults(ds.name(), TARGET).withAlgorithm(Algorithm.MLP)
                .withSplit(0.2, MLP_VALIDATION, 42);
        base = base.withHyper(base.hyper().withMlp(MLP_SETTINGS));
        List<Row> rows = new ArrayList<>();
        for (boolean drop : new boolean[]{false, true}) {
            TrainingOptions o = drop ? base.withExclude(List.of(LEAKY)) : base;
            TrainedModel m = ModelTrainer.train(ds, o).model();
            String variant = drop ? "without duration" : "with duration";
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                double[] s = m.predict(ds, null);
                if (s.length == ds.rowCount()) best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            double auc = m.info().evaluation().classification().rocAuc();
            int epochs = m.info().histories().get(0).size(), kept = m.info().histories().get(0).bestStage();
            String device = MlpDevice.lastUsed().map(MlpDevice.Choice::used).orElse("cpu");
            String note = String.format(Locale.ROOT, "%d epochs (best %d) on %s; scoring %,.0f rows/s", epochs, kept, device,
                    ds.rowCount() / best);
            rows.add(new Row("segmenta mlp", variant, auc, m.info().fitSeconds(), note));
            log.accept(String.format(Locale.ROOT, "  segmenta mlp %-17s AUC %.4f  fit %.2f s  (%s)", variant, auc,
                    m.info().fitSeconds(), note));
        }
        return rows;
    }

    static final String SCRIPT = """
            import sys, time, json
            import pandas as pd
            from sklearn.metrics import roc_auc_score
            train = pd.read_csv(sys.argv[1]); test = pd.read_csv(sys.argv[2]); trees = int(sys.argv[3]); threads = int(sys.argv[4])
            def prep(drop):
                both = pd.concat([train, test], keys=['tr', 'te'])
                y = both['y'].astype(str).str.lower().isin(['true', 'yes', '1']).astype(int)
                x = both.drop(columns=['y'] + drop)
                x = pd.get_dummies(x, dtype=float).astype(float)
                return x.loc['tr'].values, y.loc['tr'].values, x.loc['te'].values, y.loc['te'].values
            out = []
            for drop, variant in (([], 'with duration'), (['duration'], 'without duration')):
                xtr, ytr, xte, yte = prep(drop)
                try:
                    from sklearn.ensemble import HistGradientBoostingClassifier
                    m = HistGradientBoostingClassifier(max_iter=trees, learning_rate=0.1, max_depth=6, early_stopping=False, random_state=42)
                    t = time.perf_counter(); m.fit(xtr, ytr); s = time.perf_counter() - t
                    out.append({'tool': 'sklearn HistGradientBoosting', 'variant': variant, 'auc': roc_auc_score(yte, m.predict_proba(xte)[:, 1]), 'seconds': s})
                except Exception as e:
                    out.append({'tool': 'sklearn HistGradientBoosting', 'variant': variant, 'note': repr(e)})
                try:
                    import xgboost
                    m = xgboost.XGBClassifier(n_estimators=trees, max_depth=6, learning_rate=0.1, tree_method='hist', n_jobs=threads, random_state=42)
                    t = time.perf_counter(); m.fit(xtr, ytr); s = time.perf_counter() - t
                    out.append({'tool': 'xgboost ' + xgboost.__version__, 'variant': variant, 'auc': roc_auc_score(yte, m.predict_proba(xte)[:, 1]), 'seconds': s})
                except Exception as e:
                    out.append({'tool': 'xgboost', 'variant': variant, 'note': repr(e)})
            print(json.dumps(out))
            """;

    private static List<Row> python(Dataset ds, DataSplit split, int trees, Consumer<String> log) throws IOException {
        Path dir = Files.createTempDirectory("segmenta-model-bench");
        Path train = dir.resolve("train.csv"), test = dir.resolve("test.csv");
        List<Row> rows = new ArrayList<>();
        try {
            CsvWriter.write(ds.select(split.train()), train, CsvWriter.Options.defaults(), TaskContext.NONE);
            CsvWriter.write(ds.select(split.test()), test, CsvWriter.Options.defaults(), TaskContext.NONE);
            String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
            Process p = new ProcessBuilder(python, "-c", SCRIPT, train.toString(), test.toString(), Integer.toString(trees),
                    Integer.toString(Runtime.getRuntime().availableProcessors())).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
                log.accept("  python peers unavailable: " + out.lines().reduce((a, b) -> b).orElse(""));
                return rows;
            }
            String last = out.lines().reduce((a, b) -> b).orElse("[]");
            var mapper = new tools.jackson.databind.ObjectMapper();
            for (var n : mapper.readTree(last)) {
                Row r = new Row(n.get("tool").asString(), n.get("variant").asString(),
                        n.has("auc") ? n.get("auc").asDouble() : null, n.has("seconds") ? n.get("seconds").asDouble() : null,
                        n.has("note") ? n.get("note").asString() : null);
                rows.add(r);
                log.accept(r.auc() == null ? String.format(Locale.ROOT, "  %s %s: %s", r.tool(), r.variant(), r.note())
                        : String.format(Locale.ROOT, "  %-28s %-17s AUC %.4f  fit %.2f s", r.tool(), r.variant(), r.auc(), r.fitSeconds()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Path f : Arrays.asList(train, test, dir)) Files.deleteIfExists(f);
        }
        return rows;
    }
}
