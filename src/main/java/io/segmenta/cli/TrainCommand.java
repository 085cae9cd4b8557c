package io.segmenta.cli;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.io.CsvWriter;
import io.segmenta.core.model.Algorithm;
import io.segmenta.core.model.CrossValidation;
import io.segmenta.core.model.Evaluation;
import io.segmenta.core.model.FeatureImportance;
import io.segmenta.core.model.HyperParameters;
import io.segmenta.core.model.Leaderboard;
import io.segmenta.core.model.LeakageFlag;
import io.segmenta.core.model.Metrics;
import io.segmenta.core.model.MlpDevice;
import io.segmenta.core.model.MlpParameters;
import io.segmenta.core.model.ModelIO;
import io.segmenta.core.model.ModelSetup;
import io.segmenta.core.model.ModelTrainer;
import io.segmenta.core.model.Task;
import io.segmenta.core.model.TrainedModel;
import io.segmenta.core.model.TrainingHistory;
import io.segmenta.core.model.TrainingOptions;
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

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code segmenta train}: trains a model on a CSV file or a project dataset and evaluates it on a test part. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a churn, conversion or lifetime-value model and evaluate it on a held-out test part.",
                "Algorithms: logistic, random-forest, gbm, mlp, ensemble (classification); ridge (alias linear), "
                        + "random-forest, gbm, mlp, ensemble (regression). mlp is a neural network (DJL with PyTorch; "
                        + "--device auto|cpu|gpu, falling back to the CPU with a note when no usable GPU is present; auto "
                        + "uses a GPU only for a network large enough to train faster there).",
                "Exit codes: 0 ok, 2 usage error, 3 bad input."})
public final class TrainCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE.csv", description = "CSV file to train on (or --project with --dataset)")
    Path file;

    @Option(names = "--project", paramLabel = "P.segmenta", description = "Project holding the dataset; the model is saved in it")
    Path project;

    @Option(names = "--dataset", description = "Dataset of --project")
    String dataset;

    @Option(names = "--target", required = true, description = "Column to predict")
    String target;

    @Option(names = "--positive", description = "Target value that is the positive class (default: true/1/yes, else the rarer value)")
    String positive;

    @Option(names = "--task", description = "classification or regression (default: inferred from the target)")
    String task;

    @Option(names = "--algorithm", defaultValue = "gbm", description = "logistic, ridge|linear, random-forest, gbm, mlp or ensemble (default ${DEFAULT-VALUE})")
    String algorithm;

    @Option(names = "--members", paramLabel = "ALGO,…", description = "Algorithms an ensemble averages (default: linear, random-forest, gbm); mlp allowed")
    List<String> members = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "COL,…", description = "Columns not to use as features (repeatable or comma-separated)")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--features", paramLabel = "COL,…", description = "Use only these columns as features")
    List<String> features = new ArrayList<>();

    @Option(names = "--test-size", defaultValue = "0.2", description = "Share of rows held out for testing (default ${DEFAULT-VALUE})")
    double testSize;

    @Option(names = "--validation-size", defaultValue = "0.1", description = "Share of the other rows held out for validation (default ${DEFAULT-VALUE})")
    double validationSize;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the split and the learners (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--cv", defaultValue = "0", description = "k-fold cross-validation on the non-test rows, 2 to 20 folds (default 0 = none)")
    int cv;

    @Option(names = "--class-weights", description = "Weight classes inversely to their frequency")
    boolean classWeights;

    @Option(names = "--trees", description = "Boosting stages at most (gbm, default 300) or forest trees (random-forest, default 200)")
    Integer trees;

    @Option(names = "--depth", description = "Maximum tree depth (gbm default 6, random-forest 20)")
    Integer depth;

    @Option(names = "--learning-rate", description = "Boosting learning rate (default 0.1)")
    Double learningRate;

    @Option(names = "--early-stopping", paramLabel = "STAGES", description = "Gradient boosting: stop after this many stages without a better validation loss and keep the best stage (default 25, 0 = off; needs --validation-size above 0)")
    Integer earlyStopping;

    @Option(names = "--l2", description = "L2 penalty: 1/C for logistic regression, alpha for ridge, leaf penalty for gbm (default 1)")
    Double l2;

    @Option(names = "--epochs", description = "Neural network epochs, at most, 1 to 10000 (default 20; ignored by the other algorithms)")
    Integer epochs;

    @Option(names = "--layers", description = "Neural network hidden layers, 1 to 8 (default 2)")
    Integer layers;

    @Option(names = "--units", description = "Neural network units per hidden layer, 1 to 4096 (default 64)")
    Integer units;

    @Option(names = "--dropout", description = "Neural network dropout after each hidden layer, 0 to 0.9 (default 0.1)")
    Double dropout;

    @Option(names = "--patience", description = "Neural network early stopping: epochs without a better validation loss (default 5, 0 = off)")
    Integer patience;

    @Option(names = "--batch-size", description = "Neural network batch size, 1 to 1000000 (default 32; ignored by the other algorithms)")
    Integer batchSize;

    @Option(names = "--lr", description = "Neural network learning rate of Adam, above 0 and at most 1 (default 1e-3; ignored by the other algorithms)")
    Double lr;

    @Option(names = "--device", description = "auto, cpu or gpu for the neural network (default auto: the GPU when PyTorch finds one and the network is large enough to train faster there, else the CPU; ignored by the other algorithms)")
    String device;

    @Option(names = "--model-out", paramLabel = "M.segmodel", description = "Write the model file here")
    Path modelOut;

    @Option(names = "--metrics-out", paramLabel = "metrics.csv", description = "Write the classification report and ROC AUC (or MAE, RMSE, R²) here")
    Path metricsOut;

    @Option(names = "--history-out", paramLabel = "history.png", description = "Draw loss and metric per stage (training and validation) into a PNG")
    Path historyOut;

    @Option(names = "--json", description = "Print the result as JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private CommandLine.ParameterException usage(String msg) {
        return new CommandLine.ParameterException(spec.commandLine(), msg);
    }

    TrainingOptions options(String datasetName) {
        Algorithm a;
        try {
            a = Algorithm.fromKey(algorithm);
        } catch (IllegalArgumentException e) {
            throw usage(I18n.tr("model.cli.unknownAlgorithm", algorithm));
        }
        List<Algorithm> memberAlgos = new ArrayList<>();
        for (String mk : ModelCliSupport.list(members)) {
            try {
                memberAlgos.add(Algorithm.fromKey(mk));
            } catch (IllegalArgumentException e) {
                throw usage(I18n.tr("model.cli.unknownMember", mk));
            }
        }
        if (!memberAlgos.isEmpty() && a != Algorithm.ENSEMBLE) throw usage(I18n.tr("model.cli.membersNeedEnsemble"));
        Task t;
        try {
            t = Task.fromKey(task);
        } catch (IllegalArgumentException e) {
            throw usage(I18n.tr("model.cli.badTask", task));
        }
        if (epochs != null && epochs < 1) throw usage(I18n.tr("model.cli.atLeastOne", "--epochs"));
        if (batchSize != null && batchSize < 1) throw usage(I18n.tr("model.cli.atLeastOne", "--batch-size"));
        if (lr != null && !(lr > 0)) throw usage(I18n.tr("model.cli.positive", "--lr"));
        MlpParameters.ComputeDevice dev;
        try {
            if (device != null && device.isBlank()) throw new IllegalArgumentException("blank");
            dev = MlpParameters.ComputeDevice.fromKey(device);
        } catch (IllegalArgumentException e) {
            throw usage(I18n.tr("model.cli.badDevice", device));
        }
        if (layers != null && layers < 1) throw usage(I18n.tr("model.cli.atLeastOne", "--layers"));
        if (units != null && units < 1) throw usage(I18n.tr("model.cli.atLeastOne", "--units"));
        if (dropout != null && !(dropout >= 0 && dropout <= 0.9)) throw usage(I18n.tr("model.cli.dropoutRange"));
        if (patience != null && patience < 0) throw usage(I18n.tr("model.cli.patienceNegative"));
        if (earlyStopping != null && earlyStopping < 0) throw usage(I18n.tr("model.cli.earlyStoppingNegative"));
        try {
            return options(datasetName, a, t, memberAlgos, dev);
        } catch (UserException e) {
            // an option value out of range (--trees 0, --validation-size 1…) is a usage error, like any other
            if (e.key().startsWith("model.options.")) throw usage(e.getMessage());
            throw e;
        }
    }

    private TrainingOptions options(String datasetName, Algorithm a, Task t, List<Algorithm> memberAlgos, MlpParameters.ComputeDevice dev) {
        HyperParameters hp = HyperParameters.defaults(a);
        if (trees != null) hp = hp.withTrees(trees);
        if (depth != null) hp = hp.withMaxDepth(depth);
        if (learningRate != null) hp = hp.withLearningRate(learningRate);
        if (l2 != null) hp = hp.withL2(l2);
        if (earlyStopping != null) hp = hp.withEarlyStoppingRounds(earlyStopping);
        MlpParameters mlp = hp.mlp().withDevice(dev);
        if (epochs != null) mlp = mlp.withEpochs(epochs);
        if (batchSize != null) mlp = mlp.withBatchSize(batchSize);
        if (lr != null) mlp = mlp.withLearningRate(lr);
        if (layers != null) mlp = mlp.withLayers(layers);
        if (units != null) mlp = mlp.withUnits(units);
        if (dropout != null) mlp = mlp.withDropout(dropout);
        if (patience != null) mlp = mlp.withPatience(patience);
        hp = hp.withMlp(mlp);
        return new TrainingOptions(datasetName, target, positive, t, ModelCliSupport.list(features),
                ModelCliSupport.list(exclude), a, memberAlgos, hp, testSize, validationSize, cv, classWeights, seed);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (file != null && project != null) throw usage(I18n.tr("model.cli.bothInputs"));
        if (file == null && (project == null || dataset == null)) throw usage(I18n.tr("model.cli.noInput"));
        TrainingOptions preview = options(dataset != null ? dataset : "dataset"); // usage errors before reading data
        List<String> notes = new ArrayList<>();
        boolean usesMlp = preview.algorithm() == Algorithm.MLP || preview.ensembleMembers().contains(Algorithm.MLP);
        List<String> given = new ArrayList<>();
        if (layers != null) given.add("--layers");
        if (units != null) given.add("--units");
        if (dropout != null) given.add("--dropout");
        if (epochs != null) given.add("--epochs");
        if (batchSize != null) given.add("--batch-size");
        if (lr != null) given.add("--lr");
        if (patience != null) given.add("--patience");
        if (device != null) given.add("--device");
        if (!usesMlp && !given.isEmpty()) {
            notes.add(I18n.tr("model.options.mlpIgnored", String.join(", ", given), preview.algorithm().key(), given.size()));
        }
        if (usesMlp && patience != null && patience > 0 && preview.validationSize() == 0) {
            notes.add(I18n.tr("model.options.patienceNoValidation"));
        }
        if (earlyStopping != null && earlyStopping > 0) {
            // an ensemble passes it on to its gradient-boosting member
            boolean boosts = preview.algorithm() == Algorithm.GBM || (preview.algorithm() == Algorithm.ENSEMBLE
                    && (preview.ensembleMembers().isEmpty() || preview.ensembleMembers().contains(Algorithm.GBM)));
            if (!boosts) notes.add(I18n.tr("model.options.earlyStoppingIgnored", preview.algorithm().key()));
            else if (preview.validationSize() == 0) notes.add(I18n.tr("model.options.earlyStoppingNoValidation"));
        }
        ModelCliSupport.checkOutputFile("--model-out", modelOut, "churn.segmodel");
        if (modelOut != null) ModelIO.checkWritable(modelOut);
        ModelCliSupport.checkOutputFile("--metrics-out", metricsOut, "metrics.csv");
        ModelCliSupport.checkOutputFile("--history-out", historyOut, "history.png");
        ModelCliSupport.checkOutputsApart(ModelCliSupport.paths("--model-out", modelOut, "--metrics-out", metricsOut, "--history-out", historyOut),
                ModelCliSupport.paths("FILE", file, "--project", project));
        ModelCliSupport.Input in = ModelCliSupport.load(file, project, dataset);
        in.checkUnambiguous("--target", target);
        notes.addAll(in.notes());
        Dataset ds = in.dataset();
        TrainingOptions o = options(ds.name());
        ModelTrainer.TrainingRun run;
        try {
            run = ModelTrainer.train(ds, o, TaskContext.NONE, null);
        } catch (UserException e) {
            throw in.lines().relocate(e);
        }
        if (in.project() != null) {
            // every model trained on a project stays in it (the leaderboard): a name already taken gets " 2", " 3"…
            List<TrainedModel> named = ModelIO.uniquelyNamed(in.project(), run.all());
            run = new ModelTrainer.TrainingRun(named.get(named.size() - 1), named.subList(0, named.size() - 1));
        }
        TrainedModel m = run.model();
        if (earlyStopping != null && earlyStopping > 0 && preview.validationSize() > 0 && m.info().validationRows() == 0) {
            notes.add(I18n.tr("model.options.earlyStoppingNoValidation")); // the share rounded to no row at all
        }
        MlpDevice.Choice deviceChoice = usesMlp ? MlpDevice.lastUsed().orElse(null) : null;
        if (deviceChoice != null) notes.add(deviceChoice.message());
        notes.addAll(numbersReadAsText(ds, m.info().excluded()));
        for (LeakageFlag f : m.info().leakage()) notes.add(f.message());
        if (m.info().duplicateRows() > 0) notes.add(I18n.tr("model.cli.duplicateRows", m.info().duplicateRows(),
                m.info().trainRows() + m.info().validationRows() + m.info().testRows()));
        if (modelOut != null) ModelIO.write(m, modelOut);
        if (metricsOut != null) writeMetrics(m.info().evaluation(), metricsOut);
        if (historyOut != null && !m.info().histories().isEmpty()) {
            try {
                ModelHistoryChart.write(m.info().histories().get(m.info().histories().size() - 1), historyOut);
            } catch (IOException e) {
                throw new UserException(e, "model.cli.chartWriteFailed", historyOut.toString(), I18n.describe(e));
            }
        }
        if (in.project() != null) {
            ProjectStore.save(ModelIO.withModels(in.project(), run.all().stream().map(ModelIO::toArtifact).toList()),
                    project, TaskContext.NONE);
        }
        if (json) {
            ObjectNode jn = toJson(ds, run, notes);
            if (deviceChoice != null) {
                jn.putObject("device").put("requested", deviceChoice.requested().key()).put("used", deviceChoice.used())
                        .put("detected_gpus", deviceChoice.detectedGpus()).put("engine", deviceChoice.engine())
                        .put("fell_back", deviceChoice.fellBack()).put("message", deviceChoice.message());
            }
            out.println(Json.write(jn));
        } else {
            printText(out, ds, run);
            ModelCliSupport.printNotes(err, notes);
        }
        out.flush();
        err.flush();
        return 0;
    }

    ObjectNode toJson(Dataset ds, ModelTrainer.TrainingRun run, List<String> notes) {
        TrainedModel m = run.model();
        ObjectNode n = Json.object();
        n.put("dataset", ds.name());
        n.put("rows", ds.rowCount());
        n.put("target", m.info().target().column());
        n.put("positive", m.info().target().positive());
        n.put("task", m.task().key());
        n.put("algorithm", m.info().algorithm().key());
        n.put("model_name", m.name());
        n.put("train_rows", m.info().trainRows());
        n.put("validation_rows", m.info().validationRows());
        n.put("test_rows", m.info().testRows());
        n.put("dropped_rows", m.info().droppedRows());
        n.put("duplicate_rows", m.info().duplicateRows());
        n.put("seed", m.info().options().seed());
        n.put("train_seconds", m.info().trainSeconds());
        n.put("fit_seconds", m.info().fitSeconds());
        TrainingHistory stopped = stoppedEarly(m);
        if (m.info().algorithm() == Algorithm.GBM && !m.info().histories().isEmpty()) {
            n.put("boosting_stages", stopped != null ? stopped.bestStage() : m.info().histories().get(0).size());
        }
        if (m.info().algorithm() == Algorithm.MLP && !m.info().histories().isEmpty()) {
            TrainingHistory h = m.info().histories().get(0);
            n.put("epochs_run", h.size());
            n.put("best_epoch", h.bestStage() > 0 ? h.bestStage() : h.size());
        }
        ArrayNode feats = n.putArray("features");
        m.requiredColumns().forEach(feats::add);
        ArrayNode left = n.putArray("excluded");
        for (ModelSetup.Exclusion e : m.info().excluded()) {
            if (!e.reason().equals("target")) left.addObject().put("column", e.column()).put("reason", e.reason());
        }
        ObjectNode metrics = n.putObject("metrics");
        m.info().evaluation().summary().forEach((k, v) -> putNumber(metrics, k, v));
        ArrayNode lb = n.putArray("leaderboard");
        for (Leaderboard.Entry e : Leaderboard.of(run.all()).entries()) {
            ObjectNode x = lb.addObject();
            x.put("name", e.name());
            x.put("algorithm", e.algorithm());
            ObjectNode mm = x.putObject("metrics");
            e.metrics().forEach((k, v) -> putNumber(mm, k, v));
            x.put("train_seconds", e.trainSeconds());
            x.put("fit_seconds", e.fitSeconds());
        }
        ArrayNode leak = n.putArray("leakage");
        m.info().leakage().forEach(f -> leak.addObject().put("feature", f.feature()).put("auc", f.auc()));
        ArrayNode imp = n.putArray("importance");
        for (FeatureImportance fi : m.info().importance()) {
            ObjectNode x = imp.addObject().put("feature", fi.feature()).put("permutation_mean", fi.permutationMean())
                    .put("permutation_std", fi.permutationStd());
            if (fi.nativeImportance() != null) x.put("native", fi.nativeImportance());
        }
        CrossValidation cvr = m.info().crossValidation();
        // an ensemble is not cross-validated itself; each member is
        ArrayNode memberCv = null;
        for (TrainedModel member : run.members()) {
            CrossValidation mc = member.info().crossValidation();
            if (mc == null) continue;
            if (memberCv == null) memberCv = n.putArray("members_cross_validation");
            memberCv.addObject().put("algorithm", member.info().algorithm().key()).put("folds", mc.folds())
                    .put("metric", mc.metric()).put("mean", mc.mean()).put("std", mc.std());
        }
        if (cvr != null) {
            ObjectNode c = n.putObject("cross_validation");
            c.put("folds", cvr.folds());
            c.put("metric", cvr.metric());
            c.put("mean", cvr.mean());
            c.put("std", cvr.std());
            ArrayNode vals = c.putArray("values");
            cvr.values().forEach(vals::add);
        }
        if (modelOut != null) n.put("model_out", modelOut.toString());
        if (metricsOut != null) n.put("metrics_out", metricsOut.toString());
        if (historyOut != null) n.put("history_out", historyOut.toString());
        ArrayNode nn = n.putArray("notes");
        notes.forEach(nn::add);
        return n;
    }

    private static void putNumber(ObjectNode o, String k, Double v) {
        if (v == null || !Double.isFinite(v)) o.putNull(k); else o.put(k, v);
    }

    /** Long format: metric, class, value (the classification report per class, then the overall figures). */
    static void writeMetrics(Evaluation ev, Path file) {
        List<List<String>> rows = new ArrayList<>();
        if (ev.classification() != null) {
            Evaluation.Classification c = ev.classification();
            for (Metrics.ClassRow r : c.report().classes()) addReportRows(rows, r);
            addReportRows(rows, c.report().macroAvg());
            addReportRows(rows, c.report().weightedAvg());
            rows.add(List.of("accuracy", "", num(c.report().accuracy())));
        }
        for (Map.Entry<String, Double> e : ev.summary().entrySet()) {
            if (ev.classification() != null && List.of("accuracy", "precision", "recall", "f1").contains(e.getKey())) continue;
            rows.add(List.of(e.getKey(), "", num(e.getValue())));
        }
        CsvWriter.writeRows(file, List.of("metric", "class", "value"), rows, CsvWriter.Options.defaults());
    }

    private static void addReportRows(List<List<String>> rows, Metrics.ClassRow r) {
        rows.add(List.of("precision", r.label(), num(r.precision())));
        rows.add(List.of("recall", r.label(), num(r.recall())));
        rows.add(List.of("f1", r.label(), num(r.f1())));
        rows.add(List.of("support", r.label(), Long.toString(r.support())));
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "";
    }

    private void printText(PrintWriter out, Dataset ds, ModelTrainer.TrainingRun run) {
        TrainedModel m = run.model();
        out.println(I18n.tr("model.cli.dataset", ds.name(), ds.rowCount()));
        String taskName = I18n.tr("model.cli.task." + m.task().key());
        String positiveClass = m.info().target().positive();
        out.println(positiveClass == null ? I18n.tr("model.cli.target", m.info().target().column(), taskName)
                : I18n.tr("model.cli.targetPositive", m.info().target().column(), taskName, positiveClass));
        out.println(I18n.tr("model.cli.split", m.info().trainRows(), m.info().validationRows(), m.info().testRows(),
                Long.toString(m.info().options().seed())));
        if (m.info().droppedRows() > 0) out.println(I18n.tr("model.cli.dropped", m.info().droppedRows(), m.info().target().column()));
        out.println(I18n.tr("model.cli.features", m.requiredColumns().size(), String.join(", ", m.requiredColumns())));
        for (TrainedModel x : run.all()) {
            TrainingHistory h = stoppedEarly(x);
            if (h != null) {
                out.println(I18n.tr("model.cli.stoppedEarly", x.info().algorithm().key(), h.bestStage(), h.size()));
            }
            if (x.info().algorithm() == Algorithm.MLP && !x.info().histories().isEmpty()) {
                TrainingHistory e = x.info().histories().get(0);
                out.println(I18n.tr("model.cli.epochs", e.size(), e.bestStage() > 0 ? e.bestStage() : e.size(),
                        x.info().options().hyper().mlp().epochs()));
            }
        }
        List<String> left = new ArrayList<>();
        for (ModelSetup.Exclusion e : m.info().excluded()) {
            if (e.reason().equals("target") || e.reason().equals("excluded")) continue;
            String why = e.message();
            left.add(e.column() + " (" + why.substring(0, 1).toLowerCase(I18n.locale()) + why.substring(1) + ")");
        }
        if (!left.isEmpty()) out.println(I18n.tr("model.cli.leftOut", left.size(), String.join(", ", left)));
        out.println(I18n.tr("model.cli.testFigures"));
        List<List<String>> board = new ArrayList<>();
        for (Leaderboard.Entry e : Leaderboard.of(run.all()).entries()) {
            StringBuilder sb = new StringBuilder();
            e.metrics().forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "  ").append(k).append(' ')
                    .append(v == null ? "-" : ModelCliSupport.dec("0.0000", v)));
            board.add(List.of(e.algorithm(), I18n.tr("model.cli.fitSeconds", ModelCliSupport.dec("0.0", e.fitSeconds()),
                    ModelCliSupport.dec("0.0", e.trainSeconds())), sb.toString()));
        }
        ModelCliSupport.table(out, board, "lrl");
        if (m.info().evaluation().classification() != null) {
            Evaluation.Classification c = m.info().evaluation().classification();
            out.println(I18n.tr("model.cli.report", 0.5));
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("", I18n.tr("model.cli.col.precision"), I18n.tr("model.cli.col.recall"), I18n.tr("model.cli.col.f1"),
                    I18n.tr("model.cli.col.support")));
            for (Metrics.ClassRow r : c.report().classes()) rows.add(reportRow(r.label(), r));
            rows.add(reportRow(I18n.tr("model.cli.macroAvg"), c.report().macroAvg()));
            rows.add(reportRow(I18n.tr("model.cli.weightedAvg"), c.report().weightedAvg()));
            ModelCliSupport.table(out, rows, "lrrrr");
        }
        CrossValidation cvr = m.info().crossValidation();
        if (cvr != null) out.println(I18n.tr("model.cli.crossValidation", cvr.folds(), cvr.metric(), cvr.mean(), cvr.std()));
        for (TrainedModel member : run.members()) {
            CrossValidation mc = member.info().crossValidation();
            if (mc != null) {
                out.println(I18n.tr("model.cli.memberCrossValidation", member.info().algorithm().key(), mc.folds(), mc.metric(),
                        mc.mean(), mc.std()));
            }
        }
        out.println(I18n.tr("model.cli.importance"));
        List<List<String>> imp = new ArrayList<>();
        for (FeatureImportance fi : m.info().importance().subList(0, Math.min(10, m.info().importance().size()))) {
            imp.add(List.of(fi.feature(), ModelCliSupport.dec("0.0000", fi.permutationMean()),
                    "± " + ModelCliSupport.dec("0.0000", fi.permutationStd())));
        }
        if (!imp.isEmpty()) ModelCliSupport.table(out, imp, "lrr");
        if (modelOut != null) out.println(I18n.tr("model.cli.modelOut", modelOut.toString()));
        if (metricsOut != null) out.println(I18n.tr("model.cli.metricsOut", metricsOut.toString()));
        if (historyOut != null) out.println(I18n.tr("model.cli.historyOut", historyOut.toString()));
        if (project != null) {
            out.println(I18n.tr("model.cli.savedTo", project.toString(),
                    String.join(", ", run.all().stream().map(x -> "\"" + x.name() + "\"").toList())));
        }
    }

    /** The boosting history of a gradient-boosting model that early stopping cut short, else null. */
    private static TrainingHistory stoppedEarly(TrainedModel m) {
        if (m.info().algorithm() != Algorithm.GBM || m.info().histories().isEmpty()) return null;
        TrainingHistory h = m.info().histories().get(0);
        return h.bestStage() > 0 && h.bestStage() < h.size() ? h : null;
    }

    /**
     * Notes for columns left out as text or identifiers that are mostly numbers: a few cells such as
     * "Infinity", "n/a" or "12 EUR" made the whole column text, which the user would otherwise not notice.
     */
    static List<String> numbersReadAsText(Dataset ds, List<ModelSetup.Exclusion> excluded) {
        List<String> notes = new ArrayList<>();
        for (ModelSetup.Exclusion e : excluded) {
            if (!e.reason().equals("text") && !e.reason().equals("id_like")) continue;
            if (!(ds.find(e.column()).orElse(null) instanceof StringColumn s)) continue;
            String[] dict = s.dictionary();
            boolean[] number = new boolean[dict.length];
            for (int i = 0; i < dict.length; i++) number[i] = plainNumber(dict[i]);
            int[] codes = s.rawCodes();
            long numbers = 0, others = 0;
            List<String> examples = new ArrayList<>();
            for (int r = 0; r < s.size(); r++) {
                if (s.isMissing(r)) continue;
                if (number[codes[r]]) { numbers++; continue; }
                others++;
                String v = "\"" + dict[codes[r]] + "\"";
                if (examples.size() < 3 && !examples.contains(v)) examples.add(v);
            }
            if (others > 0 && numbers >= 4 * others) {
                notes.add(I18n.tr("model.cli.numbersAsText", e.column(), others, numbers + others, String.join(", ", examples)));
            }
        }
        return notes;
    }

    private static boolean plainNumber(String text) {
        String t = text.strip();
        if (t.isEmpty()) return false;
        try {
            return Double.isFinite(Double.parseDouble(t.indexOf(',') >= 0 && t.indexOf('.') < 0 ? t.replace(',', '.') : t));
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    private static List<String> reportRow(String label, Metrics.ClassRow r) {
        return List.of(label, ModelCliSupport.dec("0.0000", r.precision()), ModelCliSupport.dec("0.0000", r.recall()),
                ModelCliSupport.dec("0.0000", r.f1()), ModelCliSupport.count(r.support()));
    }
}
