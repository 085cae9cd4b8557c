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
 * validation part, so every tool learns from the same rows), test ROC AUC, fitting time (the median of
 * {@value #REPEATS} fits after the session's first, whose time is reported too) and scoring speed; then
 * scikit-learn's HistGradientBoostingClassifier and xgboost (Debian's /usr/bin/python3) on the same split,
 * written to temporary CSV files, timed the same way, for the side-by-side figures. The neural network (DJL with PyTorch:
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
                         double scoringRowsPerSecond, List<SplitAuc> splitAucs, List<Paired> paired) { }

    /**
     * Segmenta's test AUC minus a peer's on the same splits: the mean of the per-split differences, its standard
     * error, and on how many splits Segmenta's was higher. A split's AUC varies by ±0.007 from split to split,
     * but both tools see the same rows, so the paired difference is far more precise than the two means.
     */
    public record Paired(String tool, String variant, double meanDifference, double standardError, int higher, int splits) {
        static Paired of(String tool, String variant, double[] ours, double[] theirs) {
            int n = ours.length;
            double[] d = new double[n];
            int higher = 0;
            for (int i = 0; i < n; i++) {
                d[i] = ours[i] - theirs[i];
                if (d[i] > 0) higher++;
            }
            SplitAuc s = SplitAuc.of(tool, variant, d);
            return new Paired(tool, variant, s.mean(), n > 1 ? s.sd() / Math.sqrt(n) : 0, higher, n);
        }
    }

    /**
     * One tool's test AUC on one variant over several stratified splits (seeds 42, 43, …): the values in seed
     * order and their mean and sample standard deviation. One split's AUC moves by ±0.005 with any small
     * change of the learner (bins, starting score), so "equal or better AUC" is judged on the mean — and, since
     * every tool sees the same rows, on the paired differences ({@link Paired}).
     */
    public record SplitAuc(String tool, String variant, double[] aucs, double mean, double sd) {
        static SplitAuc of(String tool, String variant, double[] aucs) {
            double m = 0;
            for (double a : aucs) m += a;
            m /= aucs.length;
            double v = 0;
            for (double a : aucs) v += (a - m) * (a - m);
            return new SplitAuc(tool, variant, aucs, m, aucs.length > 1 ? Math.sqrt(v / (aucs.length - 1)) : 0);
        }
    }

    public static final String TARGET = "y";
    public static final String LEAKY = "duration";
    /** The benchmark's network: 2 × 64 ReLU units, dropout 0.1, at most 30 epochs of 256 rows at 1e-3, patience 5. */
    public static final MlpParameters MLP_SETTINGS = new MlpParameters(2, 64, 0.1, 30, 256, 1e-3, 5,
            MlpParameters.ComputeDevice.AUTO);
    /** The split benchmark's variants: all stages, then early stopping on a validation part. */
    static final List<String> VARIANTS = List.of("with duration", "without duration", "with duration, early stopping",
            "without duration, early stopping");
    /** Share of the non-test rows held out for gradient boosting's early stopping: the default of training. */
    static final double VALIDATION = TrainingOptions.DEFAULT_VALIDATION_SIZE;

    /** Share of the training rows the network holds out for early stopping. */
    static final double MLP_VALIDATION = 0.1;

    /** Timed fits per tool and variant; the median is reported. */
    static final int REPEATS = 3;

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String joined(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) b.append(b.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", x));
        return b.toString();
    }

    public static Result run(Path file, int trees, boolean peers, Consumer<String> log) throws IOException {
        return run(file, trees, peers, 5, log);
    }

    /** @param splits stratified splits (seeds 42, 43, …) over which every tool's test AUC is averaged; 0 = none */
    public static Result run(Path file, int trees, boolean peers, int splits, Consumer<String> log) throws IOException {
        if (!Files.isRegularFile(file)) throw new UserException("bench.models.noData", file.toString());
        Dataset ds = CsvImporter.importFiles(ImportRequest.of(file), TaskContext.NONE).dataset();
        TargetEncoding t = TargetEncoding.resolve(ds, TARGET, null, null);
        DataSplit split = DataSplit.stratified(t.values(ds), true, 0.2, 0.0, 42);
        log.accept(String.format(Locale.ROOT, "%s: %,d rows; train %,d, test %,d; %d processors",
                file, ds.rowCount(), split.train().length, split.test().length, Runtime.getRuntime().availableProcessors()));
        TrainingOptions base = TrainingOptions.defaults(ds.name(), TARGET).withAlgorithm(Algorithm.GBM)
                .withSplit(0.2, 0.0, 42);
        // all the stages asked for, as the peers fit them (there is no validation part to stop on anyway)
        base = base.withHyper(HyperParameters.defaults(Algorithm.GBM).withTrees(trees).withEarlyStoppingRounds(0));
        // the first fit of the session (cold: the JIT compiles while it runs), then the timed ones on compiled
        // code — the Python peers run compiled code from the start
        double cold = ModelTrainer.train(ds, base).model().info().fitSeconds();
        log.accept(String.format(Locale.ROOT, "  segmenta gbm first fit of the session (JIT warming up): %.2f s", cold));
        List<Row> rows = new ArrayList<>();
        TrainedModel withDuration = null;
        for (boolean drop : new boolean[]{false, true}) {
            TrainingOptions o = drop ? base.withExclude(List.of(LEAKY)) : base;
            double[] fits = new double[REPEATS];
            TrainedModel m = null;
            for (int r = 0; r < REPEATS; r++) {
                m = ModelTrainer.train(ds, o).model();
                fits[r] = m.info().fitSeconds();
            }
            double median = median(fits);
            String variant = drop ? "without duration" : "with duration";
            String note = String.format(Locale.ROOT, "median of %d fits (%s s)%s", REPEATS, joined(fits),
                    drop ? "" : String.format(Locale.ROOT, "; first fit of the session %.2f s", cold));
            rows.add(new Row("segmenta gbm", variant, m.info().evaluation().classification().rocAuc(), median, note));
            log.accept(String.format(Locale.ROOT, "  segmenta gbm %-17s AUC %.4f  fit %.2f s  (%s)", variant,
                    m.info().evaluation().classification().rocAuc(), median, note));
            if (!drop) withDuration = m;
        }
        // Segmenta's default: early stopping on a validation part of the same non-test rows (the same test rows)
        for (boolean drop : new boolean[]{false, true}) {
            TrainingOptions o = base.withSplit(0.2, VALIDATION, 42)
                    .withHyper(base.hyper().withEarlyStoppingRounds(HyperParameters.DEFAULT_EARLY_STOPPING));
            if (drop) o = o.withExclude(List.of(LEAKY));
            double[] fits = new double[REPEATS];
            TrainedModel m = null;
            for (int r = 0; r < REPEATS; r++) {
                m = ModelTrainer.train(ds, o).model();
                fits[r] = m.info().fitSeconds();
            }
            var h = m.info().histories().get(0);
            String variant = (drop ? "without duration" : "with duration") + ", early stopping";
            String note = String.format(Locale.ROOT, "median of %d fits (%s s); kept %d of %d stages grown; %,d training rows, %,d validation",
                    REPEATS, joined(fits), h.bestStage(), h.size(), m.info().trainRows(), m.info().validationRows());
            rows.add(new Row("segmenta gbm", variant, m.info().evaluation().classification().rocAuc(), median(fits), note));
            log.accept(String.format(Locale.ROOT, "  segmenta gbm %-33s AUC %.4f  fit %.2f s  (%s)", variant,
                    m.info().evaluation().classification().rocAuc(), median(fits), note));
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
        List<SplitAuc> over = splits > 0 ? overSplits(ds, t, base, splits, peers, trees, log) : List.of();
        List<Paired> paired = paired(over);
        for (Paired d : paired) {
            log.accept(String.format(Locale.ROOT, "  segmenta minus %-28s %-33s %+.4f ± %.4f (standard error), segmenta higher on %d of %d",
                    d.tool(), d.variant(), d.meanDifference(), d.standardError(), d.higher(), d.splits()));
        }
        return new Result(file, ds.rowCount(), split.train().length, split.test().length,
                Runtime.getRuntime().availableProcessors(), rows, rps, over, paired);
    }

    /** A finished run of a peer script with Debian's python3: whether it exited 0, and its output. */
    record Python(boolean ok, String output) {
        /**
         * Runs {@code script} with {@code args} to its end. If this JVM is stopped meanwhile (Ctrl+C, a
         * timeout), the script is stopped too rather than left running on its own.
         */
        static Python run(String script, String... args) throws IOException, InterruptedException {
            String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
            List<String> cmd = new ArrayList<>(List.of(python, "-c", script));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Thread stop = new Thread(p::destroyForcibly);
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                String text;
                try (InputStream in = p.getInputStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                }
                return new Python(p.waitFor(30, TimeUnit.MINUTES) && p.exitValue() == 0, text);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run: nothing to undo
                }
            }
        }
    }

    /** Files the JVM deletes when it exits, in reverse order (register a folder before its files). */
    private static void deleteOnExit(Path... paths) {
        for (Path p : paths) p.toFile().deleteOnExit();
    }

    /** Segmenta's gradient boosting against every peer on the same splits, per variant. */
    static List<Paired> paired(List<SplitAuc> over) {
        List<Paired> out = new ArrayList<>();
        for (SplitAuc ours : over) {
            if (!ours.tool().equals("segmenta gbm")) continue;
            for (SplitAuc peer : over) {
                if (peer == ours || !peer.variant().equals(ours.variant()) || peer.aucs().length != ours.aucs().length) continue;
                out.add(Paired.of(peer.tool(), peer.variant(), ours.aucs(), peer.aucs()));
            }
        }
        return out;
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
            train = pd.read_csv(sys.argv[1]); test = pd.read_csv(sys.argv[2]); trees = int(sys.argv[3]); threads = int(sys.argv[4]); repeats = int(sys.argv[5])
            def prep(drop):
                both = pd.concat([train, test], keys=['tr', 'te'])
                y = both['y'].astype(str).str.lower().isin(['true', 'yes', '1']).astype(int)
                x = both.drop(columns=['y'] + drop)
                x = pd.get_dummies(x, dtype=float).astype(float)
                return x.loc['tr'].values, y.loc['tr'].values, x.loc['te'].values, y.loc['te'].values
            def trained(m, key):
                # the value a fitted xgboost model used (its parameters say None for a default)
                def find(d):
                    if isinstance(d, dict):
                        if key in d: return d[key]
                        for v in d.values():
                            r = find(v)
                            if r is not None: return r
                    if isinstance(d, list):
                        for v in d:
                            r = find(v)
                            if r is not None: return r
                    return None
                try:
                    v = find(json.loads(m.get_booster().save_config()))
                    return '%g' % float(v)
                except Exception:
                    return '?'
            out = []
            for drop, variant in (([], 'with duration'), (['duration'], 'without duration')):
                xtr, ytr, xte, yte = prep(drop)
                try:
                    from sklearn.ensemble import HistGradientBoostingClassifier
                    fits = []
                    for rep in range(repeats):
                        m = HistGradientBoostingClassifier(max_iter=trees, learning_rate=0.1, max_depth=6, early_stopping=False, random_state=42)
                        t = time.perf_counter(); m.fit(xtr, ytr); fits.append(time.perf_counter() - t)
                    out.append({'tool': 'sklearn HistGradientBoosting', 'variant': variant, 'auc': roc_auc_score(yte, m.predict_proba(xte)[:, 1]), 'seconds': sorted(fits)[len(fits) // 2], 'note': 'median of %d fits (%s s)' % (repeats, ', '.join('%.2f' % f for f in fits))})
                except Exception as e:
                    out.append({'tool': 'sklearn HistGradientBoosting', 'variant': variant, 'note': repr(e)})
                try:
                    import xgboost
                    fits = []
                    for rep in range(repeats):
                        m = xgboost.XGBClassifier(n_estimators=trees, max_depth=6, learning_rate=0.1, tree_method='hist', n_jobs=threads, random_state=42)
                        t = time.perf_counter(); m.fit(xtr, ytr); fits.append(time.perf_counter() - t)
                    out.append({'tool': 'xgboost ' + xgboost.__version__, 'variant': variant, 'auc': roc_auc_score(yte, m.predict_proba(xte)[:, 1]), 'seconds': sorted(fits)[len(fits) // 2], 'note': 'median of %d fits (%s s)' % (repeats, ', '.join('%.2f' % f for f in fits))})
                    # xgboost as it comes: the same trees and depth at its own learning rate, 0.3
                    fits = []
                    for rep in range(repeats):
                        m = xgboost.XGBClassifier(n_estimators=trees, tree_method='hist', n_jobs=threads, random_state=42)
                        t = time.perf_counter(); m.fit(xtr, ytr); fits.append(time.perf_counter() - t)
                    out.append({'tool': 'xgboost ' + xgboost.__version__ + ' own defaults', 'variant': variant, 'auc': roc_auc_score(yte, m.predict_proba(xte)[:, 1]), 'seconds': sorted(fits)[len(fits) // 2], 'note': 'learning rate %s, depth %s; median of %d fits (%s s)' % (trained(m, 'eta'), trained(m, 'max_depth'), repeats, ', '.join('%.2f' % f for f in fits))})
                except Exception as e:
                    out.append({'tool': 'xgboost', 'variant': variant, 'note': repr(e)})
            print(json.dumps(out))
            """;

    static final String SPLITS_SCRIPT = """
            import sys, json
            import pandas as pd
            from sklearn.metrics import roc_auc_score
            folder = sys.argv[1]; splits = int(sys.argv[2]); trees = int(sys.argv[3]); threads = int(sys.argv[4]); patience = int(sys.argv[5])
            out = {}
            for k in range(splits):
                train = pd.read_csv('%s/train_%d.csv' % (folder, k)); test = pd.read_csv('%s/test_%d.csv' % (folder, k))
                # early stopping as Segmenta's default does it: the same training and validation rows, the same patience
                fit = pd.read_csv('%s/fit_%d.csv' % (folder, k)); val = pd.read_csv('%s/val_%d.csv' % (folder, k))
                for drop, variant in (([], 'with duration'), (['duration'], 'without duration')):
                    try:
                        import xgboost
                        parts = pd.concat([fit, val, test], keys=['tr', 'va', 'te'])
                        y = parts['y'].astype(str).str.lower().isin(['true', 'yes', '1']).astype(int)
                        x = pd.get_dummies(parts.drop(columns=['y'] + drop), dtype=float).astype(float)
                        for prior in (False, True):
                            extra = {'base_score': float(y.loc['tr'].mean())} if prior else {}
                            if prior and int(xgboost.__version__.split('.')[0]) >= 2:
                                continue
                            m = xgboost.XGBClassifier(n_estimators=trees, max_depth=6, learning_rate=0.1, tree_method='hist', n_jobs=threads, random_state=42,
                                                      early_stopping_rounds=patience, eval_metric='logloss', **extra)
                            m.fit(x.loc['tr'].values, y.loc['tr'].values, eval_set=[(x.loc['va'].values, y.loc['va'].values)], verbose=False)
                            name = 'xgboost ' + xgboost.__version__ + (' from the prior' if prior else '')
                            out.setdefault(name + '|' + variant + ', early stopping', []).append(roc_auc_score(y.loc['te'].values, m.predict_proba(x.loc['te'].values)[:, 1]))
                    except Exception as e:
                        print('xgboost with early stopping failed:', repr(e), file=sys.stderr)
                    both = pd.concat([train, test], keys=['tr', 'te'])
                    y = both['y'].astype(str).str.lower().isin(['true', 'yes', '1']).astype(int)
                    x = pd.get_dummies(both.drop(columns=['y'] + drop), dtype=float).astype(float)
                    xtr, ytr, xte, yte = x.loc['tr'].values, y.loc['tr'].values, x.loc['te'].values, y.loc['te'].values
                    try:
                        from sklearn.ensemble import HistGradientBoostingClassifier
                        m = HistGradientBoostingClassifier(max_iter=trees, learning_rate=0.1, max_depth=6, early_stopping=False, random_state=42).fit(xtr, ytr)
                        out.setdefault('sklearn HistGradientBoosting|' + variant, []).append(roc_auc_score(yte, m.predict_proba(xte)[:, 1]))
                    except Exception:
                        pass
                    try:
                        import xgboost
                        m = xgboost.XGBClassifier(n_estimators=trees, max_depth=6, learning_rate=0.1, tree_method='hist', n_jobs=threads, random_state=42).fit(xtr, ytr)
                        out.setdefault('xgboost ' + xgboost.__version__ + '|' + variant, []).append(roc_auc_score(yte, m.predict_proba(xte)[:, 1]))
                        if int(xgboost.__version__.split('.')[0]) < 2:
                            # before 2.0 xgboost starts every row at 0.5 instead of the training rows' share of
                            # positives (what scikit-learn, LightGBM, Segmenta and xgboost since 2024 do; 2.0 took one
                            # Newton step from 0.5 towards it); the same fit from that share
                            m = xgboost.XGBClassifier(n_estimators=trees, max_depth=6, learning_rate=0.1, tree_method='hist', n_jobs=threads, random_state=42, base_score=float(ytr.mean())).fit(xtr, ytr)
                            out.setdefault('xgboost ' + xgboost.__version__ + ' from the prior|' + variant, []).append(roc_auc_score(yte, m.predict_proba(xte)[:, 1]))
                        # xgboost as it comes: the same trees at its own learning rate (0.3) and depth (6)
                        m = xgboost.XGBClassifier(n_estimators=trees, tree_method='hist', n_jobs=threads, random_state=42).fit(xtr, ytr)
                        out.setdefault('xgboost ' + xgboost.__version__ + ' own defaults|' + variant, []).append(roc_auc_score(yte, m.predict_proba(xte)[:, 1]))
                    except Exception:
                        pass
            print(json.dumps(out))
            """;

    /**
     * Test AUC of gradient boosting with and without {@code duration} on {@code splits} stratified splits
     * (seeds 42, 43, …; 20 % test), and of scikit-learn's HistGradientBoosting and xgboost on the very same
     * rows when {@code peers}.
     */
    static List<SplitAuc> overSplits(Dataset ds, TargetEncoding t, TrainingOptions base, int splits, boolean peers, int trees,
                                     Consumer<String> log) throws IOException {
        log.accept(String.format(Locale.ROOT, "test AUC over %d stratified splits (seeds 42-%d), mean ± SD:", splits, 41 + splits));
        // 0, 1: every stage on all non-test rows, as the peers' defaults; 2, 3: Segmenta's default early stopping
        // (a 10 % validation part, 25 stages of patience), against xgboost stopping on the very same rows
        double[][] ours = new double[4][splits];
        Path dir = peers ? Files.createTempDirectory("segmenta-model-bench-splits") : null;
        if (dir != null) {
            deleteOnExit(dir); // the folder first, so that it is deleted after the files registered below
            for (int k = 0; k < splits; k++) {
                for (String f : List.of("train_", "test_", "fit_", "val_")) deleteOnExit(dir.resolve(f + k + ".csv"));
            }
        }
        List<SplitAuc> out = new ArrayList<>();
        try {
            for (int k = 0; k < splits; k++) {
                long seed = 42 + k;
                for (int v = 0; v < 4; v++) {
                    TrainingOptions o = v < 2 ? base.withSplit(0.2, 0.0, seed)
                            : base.withSplit(0.2, VALIDATION, seed).withHyper(base.hyper().withEarlyStoppingRounds(HyperParameters.DEFAULT_EARLY_STOPPING));
                    if (v % 2 == 1) o = o.withExclude(List.of(LEAKY));
                    ours[v][k] = ModelTrainer.train(ds, o).model().info().evaluation().classification().rocAuc();
                }
                if (dir != null) {
                    DataSplit sp = DataSplit.stratified(t.values(ds), true, 0.2, 0.0, seed);
                    DataSplit stop = DataSplit.stratified(t.values(ds), true, 0.2, VALIDATION, seed);
                    if (!Arrays.equals(stop.test(), sp.test())) throw new IllegalStateException("the test rows differ");
                    CsvWriter.write(ds.select(sp.train()), dir.resolve("train_" + k + ".csv"), CsvWriter.Options.defaults(), TaskContext.NONE);
                    CsvWriter.write(ds.select(sp.test()), dir.resolve("test_" + k + ".csv"), CsvWriter.Options.defaults(), TaskContext.NONE);
                    CsvWriter.write(ds.select(stop.train()), dir.resolve("fit_" + k + ".csv"), CsvWriter.Options.defaults(), TaskContext.NONE);
                    CsvWriter.write(ds.select(stop.validation()), dir.resolve("val_" + k + ".csv"), CsvWriter.Options.defaults(), TaskContext.NONE);
                }
            }
            for (int v = 0; v < 4; v++) out.add(SplitAuc.of("segmenta gbm", VARIANTS.get(v), ours[v]));
            if (dir != null) {
                log.accept(String.format(Locale.ROOT, "  scikit-learn and xgboost on the same %d splits (python3; several minutes on two cores)…", splits));
                Python py = Python.run(SPLITS_SCRIPT, dir.toString(), Integer.toString(splits), Integer.toString(trees),
                        Integer.toString(Runtime.getRuntime().availableProcessors()), Integer.toString(HyperParameters.DEFAULT_EARLY_STOPPING));
                String text = py.output();
                if (py.ok()) {
                    var node = new tools.jackson.databind.ObjectMapper().readTree(text.lines().reduce((a, b) -> b).orElse("{}"));
                    for (var e : node.properties()) {
                        String[] key = e.getKey().split("\\|", 2);
                        double[] a = new double[e.getValue().size()];
                        for (int i = 0; i < a.length; i++) a[i] = e.getValue().get(i).asDouble();
                        if (a.length == splits) out.add(SplitAuc.of(key[0], key[1], a));
                    }
                } else {
                    log.accept("  python peers unavailable: " + text.lines().reduce((a, b) -> b).orElse(""));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) Files.deleteIfExists(f);
                }
                Files.deleteIfExists(dir);
            }
        }
        for (String variant : VARIANTS) {
            for (SplitAuc a : out) {
                if (!a.variant().equals(variant)) continue;
                StringBuilder each = new StringBuilder();
                for (double x : a.aucs()) each.append(each.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.4f", x));
                log.accept(String.format(Locale.ROOT, "  %-28s %-33s AUC %.4f ± %.4f  (%s)", a.tool(), variant, a.mean(), a.sd(), each));
            }
        }
        return out;
    }

    private static List<Row> python(Dataset ds, DataSplit split, int trees, Consumer<String> log) throws IOException {
        Path dir = Files.createTempDirectory("segmenta-model-bench");
        Path train = dir.resolve("train.csv"), test = dir.resolve("test.csv");
        deleteOnExit(dir, train, test); // also when the run is interrupted (Ctrl+C, timeout)
        List<Row> rows = new ArrayList<>();
        log.accept("  scikit-learn and xgboost on the same split (python3; a minute or so on two cores)…");
        try {
            CsvWriter.write(ds.select(split.train()), train, CsvWriter.Options.defaults(), TaskContext.NONE);
            CsvWriter.write(ds.select(split.test()), test, CsvWriter.Options.defaults(), TaskContext.NONE);
            Python py = Python.run(SCRIPT, train.toString(), test.toString(), Integer.toString(trees),
                    Integer.toString(Runtime.getRuntime().availableProcessors()), Integer.toString(REPEATS));
            String out = py.output();
            if (!py.ok()) {
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
                        : String.format(Locale.ROOT, "  %-28s %-17s AUC %.4f  fit %.2f s  (%s)", r.tool(), r.variant(), r.auc(),
                        r.fitSeconds(), r.note()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Path f : Arrays.asList(train, test, dir)) Files.deleteIfExists(f);
        }
        return rows;
    }
}
