package io.segmenta.core.model;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.RowRef;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains models. Every model of a dataset trained with the same split options (test size, validation size,
 * seed) is tested on the same rows. Training checks for cancellation between stages and inside trees; a
 * cancelled run throws {@link io.segmenta.core.task.CancelledException} and leaves nothing behind (models
 * are only returned, never saved, by this class).
 */
public final class ModelTrainer {
    private ModelTrainer() { }

    /** Permutation importance repeats per feature. */
    static final int PERMUTATION_REPEATS = 3;
    /** Test rows on which permutation importance is measured at most (a seeded sample of a larger test part). */
    static final int IMPORTANCE_MAX_ROWS = 10_000;

    /** {@code k} of the rows 0..n−1, seeded, in ascending order. */
    static int[] sampleRows(int n, int k, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        SplittableRandom rnd = new SplittableRandom(seed * 31 + 17);
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = all[i]; all[i] = all[j]; all[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(all, k);
        java.util.Arrays.sort(out);
        return out;
    }

    /**
     * The result of one training run.
     *
     * @param model   the model asked for (the ensemble for {@link Algorithm#ENSEMBLE})
     * @param members the ensemble's members as models of their own (empty for a single model)
     */
    public record TrainingRun(TrainedModel model, List<TrainedModel> members) {
        /** Every model of the run: the members, then the model. */
        public List<TrainedModel> all() {
            List<TrainedModel> l = new ArrayList<>(members);
            l.add(model);
            return l;
        }
    }

    /** Everything derived from the data and options before fitting. */
    private record Prepared(TargetEncoding target, double[] y, DataSplit split, List<String> features,
                            List<ModelSetup.Exclusion> excluded, List<LeakageFlag> leakage, Preprocessor pre,
                            FeatureFrame train, FeatureFrame val, FeatureFrame test, double[] yTrain, double[] yVal,
                            double[] yTest, double[] wTrain) { }

    public static TrainingRun train(Dataset ds, TrainingOptions o) {
        return train(ds, o, TaskContext.NONE, TrainingListener.NONE);
    }

    public static TrainingRun train(Dataset ds, TrainingOptions o, TaskContext ctx, TrainingListener listener) {
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        TrainingListener l = listener == null ? TrainingListener.NONE : listener;
        long t0 = System.nanoTime();
        c.progress(0, 0, I18n.tr("model.progress.preparing"));
        Prepared pr = prepare(ds, o, c);
        Task task = pr.target().task();
        if (!o.algorithm().supports(task)) {
            // the task was read from the target (a number with more than two values reads as an amount)
            if (o.task() == null && task == Task.REGRESSION) {
                throw new UserException("model.options.algorithmInferredRegression", o.algorithm().key(), o.target());
            }
            throw new UserException("model.options.algorithmTask", o.algorithm().key(), task.key());
        }
        List<Algorithm> algos = o.algorithm() == Algorithm.ENSEMBLE ? ensembleMembers(o, task) : List.of(o.algorithm());
        long units = 0;
        for (Algorithm a : algos) units += units(a, o.hyper());
        long total = units * (1 + o.cvFolds()) + algos.size() + 1;
        long done = 0;
        String fingerprint = fingerprint(ds, pr.target().column(), pr.features());
        int duplicates = duplicateRows(ds, pr); // once for the run: every member and the ensemble share the rows
        List<TrainedModel> members = new ArrayList<>();
        for (Algorithm a : algos) {
            long m0 = System.nanoTime();
            HyperParameters hp = o.algorithm() == Algorithm.ENSEMBLE ? memberHyper(a, o.hyper()) : o.hyper();
            HistoryRecorder rec = new HistoryRecorder(a.key(), task, pr.yTrain(), pr.yVal(), l, c, hpUnits(a, hp), done, total);
            long f0 = System.nanoTime();
            Prepared pa = forAlgorithm(ds, pr, a);
            Predictor p = fit(a, pa, hp, o.seed(), c, rec);
            double fitSeconds = (System.nanoTime() - f0) / 1e9;
            done += units(a, hp);
            Pipeline pipe = new Pipeline(a, pa.pre(), p);
            // folds grow as many boosting stages as early stopping kept for the model they estimate
            TrainingHistory h = rec.history();
            HyperParameters foldHp = a == Algorithm.GBM && hp.earlyStoppingRounds() > 0 && h.bestStage() > 0 && h.bestStage() < hp.trees()
                    ? hp.withTrees(h.bestStage()).withEarlyStoppingRounds(0) : hp;
            CrossValidation cv = o.cvFolds() > 0 ? crossValidate(ds, o, pr, a, hp, foldHp, c, done, total) : null;
            done += (long) units(a, hp) * o.cvFolds();
            members.add(finish(ds, o, pr, a, List.of(a), List.of(pipe), List.of(rec.history()), cv, fingerprint, duplicates,
                    fitSeconds, (System.nanoTime() - m0) / 1e9, c));
            c.progress(++done, total, I18n.tr("model.progress.evaluating", a.key()));
        }
        TrainingRun run;
        if (o.algorithm() == Algorithm.ENSEMBLE) {
            List<Pipeline> pipes = new ArrayList<>();
            List<TrainingHistory> hs = new ArrayList<>();
            double fit = 0;
            for (TrainedModel m : members) {
                pipes.addAll(m.pipelines());
                hs.addAll(m.info().histories());
                fit += m.info().fitSeconds();
            }
            TrainedModel ens = finish(ds, o, pr, Algorithm.ENSEMBLE, algos, pipes, hs, null, fingerprint, duplicates,
                    fit, (System.nanoTime() - t0) / 1e9, c);
            run = new TrainingRun(ens, members);
        } else {
            run = new TrainingRun(members.get(0), List.of());
        }
        c.progress(total, total, I18n.tr("model.progress.done"));
        return run;
    }

    /**
     * An ensemble of models already trained on {@code ds} with the same target and split: the average of
     * their probabilities (or values), evaluated on the same test part.
     */
    public static TrainedModel ensemble(Dataset ds, List<TrainedModel> models, TaskContext ctx) {
        if (models.size() < 2) throw new UserException("model.ensemble.tooFew");
        TrainingOptions first = models.get(0).info().options();
        for (TrainedModel m : models) {
            TrainingOptions x = m.info().options();
            if (!x.target().equals(first.target()) || x.testSize() != first.testSize()
                    || x.validationSize() != first.validationSize() || x.seed() != first.seed()
                    || !m.info().target().equals(models.get(0).info().target())) {
                throw new UserException("model.ensemble.mismatch", m.name(), models.get(0).name());
            }
        }
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        long t0 = System.nanoTime();
        List<Algorithm> algos = new ArrayList<>();
        List<Pipeline> pipes = new ArrayList<>();
        List<TrainingHistory> hs = new ArrayList<>();
        List<String> features = new ArrayList<>();
        for (TrainedModel m : models) {
            for (Pipeline p : m.pipelines()) {
                pipes.add(p);
                algos.add(p.algorithm());
                for (String f : p.preprocessor().names()) if (!features.contains(f)) features.add(f);
            }
            hs.addAll(m.info().histories());
        }
        TrainingOptions o = first.withAlgorithm(Algorithm.ENSEMBLE).withEnsembleMembers(algos).withFeatures(features);
        Prepared pr = prepareSplitOnly(ds, o, models.get(0).info().target(), features);
        double fit = 0;
        for (TrainedModel m : models) fit += m.info().fitSeconds();
        return finish(ds, o, pr, Algorithm.ENSEMBLE, algos, pipes, hs, null,
                fingerprint(ds, pr.target().column(), features), duplicateRows(ds, pr), fit, (System.nanoTime() - t0) / 1e9, c);
    }

    /**
     * An ensemble member's settings: its algorithm's defaults, with the ensemble's network settings and, for
     * gradient boosting, the ensemble's early stopping (the one learner setting an ensemble passes on).
     */
    static HyperParameters memberHyper(Algorithm a, HyperParameters ensemble) {
        HyperParameters h = HyperParameters.defaults(a).withMlp(ensemble.mlp());
        // tree counts and depths the user changed reach the tree members (left at the defaults, each member keeps
        // its own: 200 forest trees of depth 20, 300 boosting stages of depth 6)
        HyperParameters base = HyperParameters.defaults(Algorithm.ENSEMBLE);
        if (a == Algorithm.GBM || a == Algorithm.RANDOM_FOREST) {
            if (ensemble.trees() != base.trees()) h = h.withTrees(ensemble.trees());
            if (ensemble.maxDepth() != base.maxDepth()) h = h.withMaxDepth(ensemble.maxDepth());
        }
        if (a == Algorithm.GBM && ensemble.learningRate() != base.learningRate()) h = h.withLearningRate(ensemble.learningRate());
        return a == Algorithm.GBM ? h.withEarlyStoppingRounds(ensemble.earlyStoppingRounds()) : h;
    }

    private static List<Algorithm> ensembleMembers(TrainingOptions o, Task task) {
        List<Algorithm> m = o.ensembleMembers().isEmpty()
                ? Algorithm.defaultEnsembleMembers(task) : o.ensembleMembers();
        for (Algorithm a : m) {
            if (!a.supports(task)) throw new UserException("model.options.algorithmTask", a.key(), task.key());
        }
        return m;
    }

    private static int units(Algorithm a, HyperParameters hp) { return hpUnits(a, hp); }

    private static int hpUnits(Algorithm a, HyperParameters hp) {
        return switch (a) {
            case LOGISTIC -> hp.maxIterations();
            case RIDGE -> 1;
            case MLP -> hp.mlp().epochs();
            default -> hp.trees();
        };
    }

    private static Prepared prepare(Dataset ds, TrainingOptions o, TaskContext c) {
        TargetEncoding t = TargetEncoding.resolve(ds, o.target(), o.positive(), o.task());
        List<ModelSetup.Exclusion> ex = new ArrayList<>();
        List<String> features = ModelSetup.features(ds, o, ex);
        Prepared p = split(ds, o, t, features, ex);
        List<LeakageFlag> leak = ModelSetup.leakage(ds, t, features, p.split().train(), c);
        return new Prepared(p.target(), p.y(), p.split(), features, ex, leak, p.pre(), p.train(), p.val(), p.test(),
                p.yTrain(), p.yVal(), p.yTest(), p.wTrain());
    }

    private static Prepared prepareSplitOnly(Dataset ds, TrainingOptions o, TargetEncoding t, List<String> features) {
        return split(ds, o, t, features, List.of());
    }

    private static Prepared split(Dataset ds, TrainingOptions o, TargetEncoding t, List<String> features,
                                  List<ModelSetup.Exclusion> ex) {
        double[] y = t.values(ds);
        boolean cls = t.classification();
        if (!cls) checkTargetMagnitude(y, t);
        DataSplit s = DataSplit.stratified(y, cls, o.testSize(), o.validationSize(), o.seed());
        if (s.train().length < 10 || s.test().length < 2) {
            throw new UserException("model.data.tooFew", s.train().length + s.validation().length + s.test().length);
        }
        if (cls) {
            checkBothClasses(y, s.train(), t);
            checkBothClasses(y, s.test(), t);
        }
        Preprocessor pre = Preprocessor.fit(ds, features, s.train());
        double[] yTr = pick(y, s.train()), yVa = pick(y, s.validation()), yTe = pick(y, s.test());
        double[] w = new double[yTr.length];
        java.util.Arrays.fill(w, 1);
        if (cls && o.classWeights()) {
            double pos = 0;
            for (double v : yTr) pos += v;
            double neg = yTr.length - pos;
            double wp = yTr.length / (2 * pos), wn = yTr.length / (2 * neg);
            for (int i = 0; i < w.length; i++) w[i] = yTr[i] == 1 ? wp : wn;
        }
        return new Prepared(t, y, s, features, ex, List.of(), pre, pre.transform(ds, s.train()),
                s.validation().length == 0 ? null : pre.transform(ds, s.validation()), pre.transform(ds, s.test()),
                yTr, yVa, yTe, w);
    }

    /** Largest regression target magnitude learnt from: beyond it squared errors and variances overflow. */
    static final double MAX_TARGET = 1e150;

    /** A regression target with infinite or astronomically large values gives no usable model or metric. */
    private static void checkTargetMagnitude(double[] y, TargetEncoding t) {
        for (int i = 0; i < y.length; i++) {
            double v = y[i];
            if (!Double.isNaN(v) && !(Math.abs(v) <= MAX_TARGET)) {
                throw new UserException("model.target.tooLarge", t.column(), TargetEncoding.text(v), RowRef.of(i));
            }
        }
    }

    private static void checkBothClasses(double[] y, int[] rows, TargetEncoding t) {
        boolean pos = false, neg = false;
        for (int r : rows) { if (y[r] == 1) pos = true; else neg = true; }
        if (!pos || !neg) throw new UserException("model.data.oneClass", t.column(), t.positive());
    }

    private static double[] pick(double[] y, int[] rows) {
        double[] r = new double[rows.length];
        for (int i = 0; i < rows.length; i++) r[i] = y[rows[i]];
        return r;
    }

    /** Whether an algorithm reads categories one-hot (and so can keep more of them than the trees' 62). */
    private static boolean oneHot(Algorithm a) {
        return a == Algorithm.LOGISTIC || a == Algorithm.RIDGE || a == Algorithm.MLP;
    }

    /**
     * The prepared data for an algorithm: the shared one, or for a linear model or the network, when a feature
     * has more categories than the trees keep, one refitted to keep more (see {@link Preprocessor#wideLevels}).
     */
    private static Prepared forAlgorithm(Dataset ds, Prepared pr, Algorithm a) {
        int[] train = pr.split().train();
        if (!oneHot(a) || !Preprocessor.hasMoreLevelsThanTrees(ds, pr.features(), train)) return pr;
        Preprocessor pre = Preprocessor.fit(ds, pr.features(), train, Preprocessor.wideLevels(ds, pr.features()));
        int[] val = pr.split().validation();
        return new Prepared(pr.target(), pr.y(), pr.split(), pr.features(), pr.excluded(), pr.leakage(), pre,
                pre.transform(ds, train), val.length == 0 ? null : pre.transform(ds, val), pre.transform(ds, pr.split().test()),
                pr.yTrain(), pr.yVal(), pr.yTest(), pr.wTrain());
    }

    private static Predictor fit(Algorithm a, Prepared pr, HyperParameters hp, long seed, TaskContext c, HistoryRecorder rec) {
        Task task = pr.target().task();
        return switch (a) {
            case LOGISTIC -> LinearLearner.logistic(pr.train(), pr.yTrain(), pr.wTrain(), pr.val(), hp, c, rec);
            case RIDGE -> LinearLearner.ridge(pr.train(), pr.yTrain(), pr.wTrain(), pr.val(), hp, c, rec);
            case GBM -> TreeTrainer.gbm(pr.train(), pr.yTrain(), pr.wTrain(), pr.val(), pr.yVal(), task, hp, seed, c, rec);
            case RANDOM_FOREST -> TreeTrainer.forest(pr.train(), pr.yTrain(), pr.wTrain(), pr.val(), pr.yVal(), task, hp, seed, c, rec);
            case MLP -> MlpLearner.fit(pr.train(), pr.yTrain(), pr.wTrain(), pr.val(), pr.yVal(), task, hp.mlp(), seed, c, rec);
            case ENSEMBLE -> throw new IllegalArgumentException("ensemble is not a learner");
        };
    }

    private static CrossValidation crossValidate(Dataset ds, TrainingOptions o, Prepared pr, Algorithm a,
                                                 HyperParameters hp, HyperParameters foldHp, TaskContext c, long done, long total) {
        Task task = pr.target().task();
        int[] rows = pr.split().nonTest();
        checkFolds(pr.y(), rows, task, o.cvFolds());
        int[][] folds = DataSplit.folds(rows, pr.y(), task == Task.CLASSIFICATION, o.cvFolds(), o.seed());
        List<Double> values = new ArrayList<>();
        long base = done;
        for (int k = 0; k < folds.length; k++) {
            c.checkCancelled();
            int[] trainRows = DataSplit.minus(rows, folds[k]);
            Preprocessor pre = Preprocessor.fit(ds, pr.features(), trainRows,
                    oneHot(a) ? Preprocessor.wideLevels(ds, pr.features()) : FeatureSpec.MAX_LEVELS);
            double[] yTr = pick(pr.y(), trainRows), yTe = pick(pr.y(), folds[k]);
            double[] w = new double[yTr.length];
            java.util.Arrays.fill(w, 1);
            if (task == Task.CLASSIFICATION && o.classWeights()) {
                double pos = 0;
                for (double v : yTr) pos += v;
                for (int i = 0; i < w.length; i++) w[i] = yTr[i] == 1 ? yTr.length / (2 * pos) : yTr.length / (2 * (yTr.length - pos));
            }
            Prepared fold = new Prepared(pr.target(), pr.y(), pr.split(), pr.features(), List.of(), List.of(), pre,
                    pre.transform(ds, trainRows), null, pre.transform(ds, folds[k]), yTr, new double[0], yTe, w);
            HistoryRecorder rec = new HistoryRecorder(a.key() + " cv " + (k + 1), task, yTr, new double[0],
                    TrainingListener.NONE, c, hpUnits(a, hp), base, total);
            Predictor p = fit(a, fold, foldHp, o.seed() + k + 1, c, rec);
            double[] pred = p.predict(fold.test());
            values.add(task == Task.CLASSIFICATION ? Metrics.rocAuc(yTe, pred) : Metrics.r2(yTe, pred));
            base += hpUnits(a, hp);
        }
        for (double v : values) if (!Double.isFinite(v)) throw new UserException("model.cv.undefined", o.cvFolds());
        return CrossValidation.of(task == Task.CLASSIFICATION ? "roc_auc" : "r2", values);
    }

    /**
     * Every fold must be scorable: with stratified folds each class needs at least one row per fold
     * (classification), and each fold two rows (regression); otherwise the fold's ROC AUC or R² is undefined.
     */
    static void checkFolds(double[] y, int[] rows, Task task, int k) {
        int maxFolds;
        if (task == Task.CLASSIFICATION) {
            int pos = 0;
            for (int r : rows) if (y[r] == 1) pos++;
            maxFolds = Math.min(pos, rows.length - pos);
        } else {
            maxFolds = rows.length / 2;
        }
        if (maxFolds < k) {
            throw new UserException(task == Task.CLASSIFICATION ? "model.cv.tooFewClass" : "model.cv.tooFewRows", k, maxFolds,
                    maxFolds >= 2 ? Math.min(maxFolds, 20) : 0);
        }
    }

    private static TrainedModel finish(Dataset ds, TrainingOptions o, Prepared pr, Algorithm algorithm,
                                       List<Algorithm> algos, List<Pipeline> pipes, List<TrainingHistory> hs,
                                       CrossValidation cv, String fingerprint, int duplicates, double fitSeconds, double seconds,
                                       TaskContext c) {
        c.checkCancelled();
        long t0 = System.nanoTime();
        TargetEncoding t = pr.target();
        Dataset testData = ds.select(pr.split().test());
        TrainedModel draft = new TrainedModel(null, pipes); // info is filled in below
        double[] pred = draft.predict(testData, null);
        int bad = 0;
        for (double v : pred) if (!Double.isFinite(v)) bad++;
        if (bad > 0) throw new UserException("model.train.notFinite", algorithm.key(), bad, pred.length);
        Evaluation ev = Evaluation.of(t.task(), pr.yTest(), pred, t.negative(), t.positive());
        List<FeatureImportance> imp = importance(testData, draft, pr.yTest(), t.task(), ev.headline(), o.seed(), c);
        List<FeatureColumn> schema = new ArrayList<>();
        for (String f : draft.requiredColumns()) schema.add(new FeatureColumn(f, ds.column(f).type()));
        String name = defaultName(algorithm, t);
        TrainingOptions stored = o.withTask(t.task()).withPositive(t.positive());
        ModelInfo info = new ModelInfo(name, algorithm, algos, stored, t, schema, pr.excluded(), pr.leakage(), ev, hs, imp, cv,
                fingerprint, pr.split().train().length, pr.split().validation().length, pr.split().test().length,
                pr.split().dropped(), fitSeconds, seconds + (System.nanoTime() - t0) / 1e9, Instant.now().toString(), version(),
                duplicates);
        return new TrainedModel(info, pipes);
    }

    /**
     * Rows with a target that repeat an earlier one in every column of the dataset (exact copies of a record, ids
     * included, so that two customers who happen to look alike are not counted): a 64-bit hash of each row's
     * values, counted after sorting.
     */
    static int duplicateRows(Dataset ds, Prepared pr) {
        int[] tr = pr.split().train(), va = pr.split().validation(), te = pr.split().test();
        int n = tr.length + va.length + te.length;
        int[] rows = new int[n];
        int k = 0;
        for (int[] part : List.of(tr, va, te)) for (int r : part) rows[k++] = r;
        long[] acc = new long[n];
        java.util.Arrays.fill(acc, 0x9E3779B97F4A7C15L);
        for (Column c : ds.columns()) {
            int[] codes = c instanceof StringColumn s ? s.rawCodes() : null;
            for (int i = 0; i < n; i++) {
                int r = rows[i];
                long v = c.isMissing(r) ? 0x7ff8dead_beef0001L : codes != null ? codes[r] : Double.doubleToLongBits(c.getDouble(r));
                acc[i] = mix(acc[i] * 31 + v);
            }
        }
        java.util.Arrays.sort(acc);
        int dups = 0;
        for (int i = 1; i < n; i++) if (acc[i] == acc[i - 1]) dups++;
        return dups;
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static String defaultName(Algorithm a, TargetEncoding t) {
        return t.column() + " · " + a.key();
    }

    private static String version() {
        String v = ModelTrainer.class.getPackage() == null ? null : ModelTrainer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Permutation importance on the test part: the drop of ROC AUC (R²) when one column's test values are
     * shuffled, {@value #PERMUTATION_REPEATS} seeded shuffles per column.
     */
    static List<FeatureImportance> importance(Dataset test, TrainedModel model, double[] y, Task task, double baseline,
                                              long seed, TaskContext c) {
        if (test.rowCount() > IMPORTANCE_MAX_ROWS) {
            // a seeded sample of the test rows: the drops of a few hundred thousand rows cost minutes with a
            // deep forest and rank the features as a sample of this size does
            int[] rows = sampleRows(test.rowCount(), IMPORTANCE_MAX_ROWS, seed);
            double[] ys = pick(y, rows);
            double[] pred = model.predict(test.select(rows), null);
            double b = task == Task.CLASSIFICATION ? Metrics.rocAuc(ys, pred) : Metrics.r2(ys, pred);
            if (Double.isFinite(b)) { // a sample without one of the classes (very rare buyers): all the rows
                test = test.select(rows);
                y = ys;
                baseline = b;
            }
        }
        List<String> cols = model.requiredColumns();
        double[] nat = new double[cols.size()];
        boolean anyNative = false;
        for (Pipeline p : model.pipelines()) {
            double[] ni = p.predictor().nativeImportance();
            if (ni == null) continue;
            anyNative = true;
            List<String> names = p.preprocessor().names();
            for (int i = 0; i < names.size(); i++) nat[cols.indexOf(names.get(i))] += ni[i] / model.pipelines().size();
        }
        List<FeatureImportance> out = new ArrayList<>();
        int n = test.rowCount();
        for (int f = 0; f < cols.size(); f++) {
            c.checkCancelled();
            Column col = test.column(cols.get(f));
            double[] drops = new double[PERMUTATION_REPEATS];
            for (int r = 0; r < PERMUTATION_REPEATS; r++) {
                SplittableRandom rnd = new SplittableRandom(seed * 7919 + f * 31L + r);
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) perm[i] = i;
                for (int i = n - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    int tmp = perm[i]; perm[i] = perm[j]; perm[j] = tmp;
                }
                Dataset shuffled = test.withColumn(col.select(perm));
                double[] pred = model.predict(shuffled, null);
                double m = task == Task.CLASSIFICATION ? Metrics.rocAuc(y, pred) : Metrics.r2(y, pred);
                drops[r] = baseline - m;
            }
            double mean = 0;
            for (double d : drops) mean += d;
            mean /= drops.length;
            double s = 0;
            for (double d : drops) s += (d - mean) * (d - mean);
            out.add(new FeatureImportance(cols.get(f), mean, Math.sqrt(s / drops.length), anyNative ? nat[f] : null));
        }
        out.sort((a, b) -> Double.compare(b.permutationMean(), a.permutationMean()));
        return out;
    }

    /** SHA-256 over the names, types and values of the target and feature columns, all rows. */
    static String fingerprint(Dataset ds, String target, List<String> features) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<String> cols = new ArrayList<>(features);
        cols.add(target);
        ByteBuffer buf = ByteBuffer.allocate(8 * 4096);
        for (String name : cols) {
            Column c = ds.column(name);
            md.update((name + "\u0000" + c.type().key() + "\u0000" + c.size()).getBytes(StandardCharsets.UTF_8));
            String[] dict = c instanceof StringColumn s ? s.dictionary() : null;
            for (int i = 0; i < c.size(); i++) {
                if (buf.remaining() < 8) { md.update(buf.array(), 0, buf.position()); buf.clear(); }
                if (c.isMissing(i)) { buf.putLong(0x7ff8dead_beef0001L); continue; }
                switch (c) {
                    case StringColumn s -> {
                        md.update(buf.array(), 0, buf.position());
                        buf.clear();
                        md.update(dict[s.rawCodes()[i]].getBytes(StandardCharsets.UTF_8));
                        md.update((byte) 0);
                    }
                    case LongColumn l -> buf.putLong(l.getLong(i));
                    case DoubleColumn d -> buf.putLong(Double.doubleToLongBits(d.getDouble(i)));
                    case BooleanColumn b -> buf.putLong(b.getBoolean(i) ? 1 : 0);
                    case DateColumn d -> buf.putLong(d.getEpochDay(i));
                    case DateTimeColumn d -> buf.putLong(d.getEpochMillis(i));
                }
            }
            md.update(buf.array(), 0, buf.position());
            buf.clear();
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
