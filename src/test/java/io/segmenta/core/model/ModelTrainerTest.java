package io.segmenta.core.model;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModelTrainerTest {
    static final Planted DATA = Planted.churn(3000, 7, false);

    private static TrainingOptions opts(Algorithm a, int trees) {
        TrainingOptions o = TrainingOptions.defaults("customers", "churn").withAlgorithm(a);
        return o.withHyper(o.hyper().withTrees(trees));
    }

    /** The AUC of the planted logit itself on the model's test rows: the best any model can do. */
    private static double oracleAuc(TrainingOptions o) {
        TargetEncoding t = TargetEncoding.resolve(DATA.dataset, "churn", null, null);
        double[] y = t.values(DATA.dataset);
        DataSplit s = DataSplit.stratified(y, true, o.testSize(), o.validationSize(), o.seed());
        double[] yy = new double[s.test().length], p = new double[s.test().length];
        for (int i = 0; i < p.length; i++) { yy[i] = y[s.test()[i]]; p[i] = DATA.trueLogit[s.test()[i]]; }
        return Metrics.rocAuc(yy, p);
    }

    @Test
    void seededTrainingReachesThePlantedAuc() {
        for (Algorithm a : List.of(Algorithm.LOGISTIC, Algorithm.GBM, Algorithm.RANDOM_FOREST)) {
            TrainingOptions o = opts(a, a == Algorithm.GBM ? 100 : 60);
            if (a == Algorithm.GBM) o = o.withHyper(o.hyper().withMaxDepth(3)); // 2,100 training rows: shallow trees
            TrainedModel m = ModelTrainer.train(DATA.dataset, o).model();
            double oracle = oracleAuc(o);
            assertThat(oracle).isCloseTo(0.84, within(0.04));
            double auc = m.info().evaluation().classification().rocAuc();
            // logistic regression is the true model family; trees approximate the linear logit with steps on
            // 2,100 noisy rows and come within 0.05 (a random model would score 0.5)
            assertThat(auc).as(a.key()).isGreaterThan(oracle - (a == Algorithm.LOGISTIC ? 0.01 : 0.05)).isLessThanOrEqualTo(oracle + 0.01);
            assertThat(m.info().target().positive()).isEqualTo("yes");
            assertThat(m.requiredColumns()).containsExactly("x1", "x2", "plan");
            assertThat(m.info().excluded()).extracting(ModelSetup.Exclusion::column, ModelSetup.Exclusion::reason)
                    .contains(org.assertj.core.groups.Tuple.tuple("customer_id", "id_like"),
                            org.assertj.core.groups.Tuple.tuple("constant", "constant"),
                            org.assertj.core.groups.Tuple.tuple("churn", "target"));
            // x1 matters most, the importance is seeded
            assertThat(m.info().importance().get(0).feature()).isEqualTo("x1");
        }
    }

    @Test
    void sameSeedSameModelAndSameTestRows() {
        TrainingOptions o = opts(Algorithm.GBM, 30);
        TrainedModel a = ModelTrainer.train(DATA.dataset, o).model();
        TrainedModel b = ModelTrainer.train(DATA.dataset, o).model();
        assertThat(a.predict(DATA.dataset, null)).containsExactly(b.predict(DATA.dataset, null));
        TrainedModel lr = ModelTrainer.train(DATA.dataset, opts(Algorithm.LOGISTIC, 1)).model();
        assertThat(lr.info().evaluation().classification().testActual())
                .containsExactly(a.info().evaluation().classification().testActual());
        assertThat(a.info().fingerprint()).isEqualTo(lr.info().fingerprint()).hasSize(64);
    }

    @Test
    void historyHasOnePointPerStageAndIsReportedLive() {
        List<HistoryPoint> live = new ArrayList<>();
        AtomicInteger progress = new AtomicInteger();
        TaskContext ctx = new TaskContext() {
            @Override public void progress(long done, long total, String message) { progress.incrementAndGet(); }
            @Override public boolean isCancelled() { return false; }
        };
        TrainedModel m = ModelTrainer.train(DATA.dataset, opts(Algorithm.GBM, 40), ctx, live::add).model();
        TrainingHistory h = m.info().histories().get(0);
        assertThat(h.size()).isEqualTo(40);
        assertThat(live).hasSize(40);
        assertThat(h.trainLoss().get(39)).isLessThan(h.trainLoss().get(0));
        assertThat(h.validationLoss().get(39)).isLessThan(h.validationLoss().get(0));
        assertThat(progress.get()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void cancellingStopsTrainingWithCancelledException() {
        AtomicInteger stages = new AtomicInteger();
        TaskContext ctx = new TaskContext() {
            @Override public void progress(long done, long total, String message) { }
            @Override public boolean isCancelled() { return stages.get() >= 5; }
        };
        assertThatThrownBy(() -> ModelTrainer.train(DATA.dataset, opts(Algorithm.GBM, 500), ctx, p -> stages.incrementAndGet()))
                .isInstanceOf(CancelledException.class);
        assertThat(stages.get()).isLessThan(10);
    }

    @Test
    void leakageIsFlagged() {
        Planted leaky = Planted.churn(1500, 3, true);
        TrainedModel m = ModelTrainer.train(leaky.dataset, opts(Algorithm.LOGISTIC, 1)).model();
        // after_call is the outcome plus noise; x1 (the planted strong driver) also passes the profiler's 0.75 bar
        assertThat(m.info().leakage().get(0).feature()).isEqualTo("after_call");
        assertThat(m.info().leakage().get(0).auc()).isGreaterThan(0.95);
        assertThat(m.info().leakage()).extracting(LeakageFlag::feature).doesNotContain("x2", "plan");
        ModelSetup setup = ModelSetup.inspect(leaky.dataset, TrainingOptions.defaults("customers", "churn"), TaskContext.NONE);
        assertThat(setup.leakage().get(0).feature()).isEqualTo("after_call");
        assertThat(setup.target().task()).isEqualTo(Task.CLASSIFICATION);
    }

    @Test
    void regressionAndEnsemble() {
        Dataset ltv = Planted.ltv(2000, 5);
        TrainingOptions o = TrainingOptions.defaults("ltv", "value").withAlgorithm(Algorithm.RIDGE);
        TrainedModel ridge = ModelTrainer.train(ltv, o).model();
        assertThat(ridge.task()).isEqualTo(Task.REGRESSION);
        // noise sd 5 on a signal of sd ≈ 38: R² ≈ 0.98, RMSE ≈ 5
        assertThat(ridge.info().evaluation().regression().r2()).isGreaterThan(0.97);
        assertThat(ridge.info().evaluation().regression().rmse()).isCloseTo(5, within(0.6));
        ModelTrainer.TrainingRun run = ModelTrainer.train(ltv, o.withAlgorithm(Algorithm.ENSEMBLE)
                .withEnsembleMembers(List.of(Algorithm.RIDGE, Algorithm.GBM)));
        assertThat(run.members()).hasSize(2);
        assertThat(run.model().pipelines()).hasSize(2);
        double[] avg = run.model().predict(ltv, null);
        double[] a = run.members().get(0).predict(ltv, null), b = run.members().get(1).predict(ltv, null);
        for (int i = 0; i < 10; i++) assertThat(avg[i]).isCloseTo((a[i] + b[i]) / 2, within(1e-9));
        Leaderboard lb = Leaderboard.of(run.all()).sortedBy("rmse");
        assertThat(lb.entries()).hasSize(3);
        assertThat(lb.entries().get(0).metrics().get("rmse")).isLessThanOrEqualTo(lb.entries().get(2).metrics().get("rmse"));
        // an ensemble of models trained separately is the same average
        TrainedModel ens = ModelTrainer.ensemble(ltv, run.members(), TaskContext.NONE);
        assertThat(ens.info().evaluation().regression().rmse()).isCloseTo(run.model().info().evaluation().regression().rmse(), within(1e-9));
    }

    /** Permutation importance on a large test part uses a seeded sample of its rows: distinct, sorted, reproducible. */
    @Test
    void importanceSampleIsSeededDistinctAndSorted() {
        int[] a = ModelTrainer.sampleRows(50_000, ModelTrainer.IMPORTANCE_MAX_ROWS, 42);
        assertThat(a).hasSize(ModelTrainer.IMPORTANCE_MAX_ROWS).isSorted().doesNotHaveDuplicates();
        assertThat(a[a.length - 1]).isLessThan(50_000);
        assertThat(ModelTrainer.sampleRows(50_000, ModelTrainer.IMPORTANCE_MAX_ROWS, 42)).isEqualTo(a);
        assertThat(ModelTrainer.sampleRows(50_000, ModelTrainer.IMPORTANCE_MAX_ROWS, 43)).isNotEqualTo(a);
        // spread over the whole part, not its first rows
        assertThat(a[a.length / 2]).isBetween(20_000, 30_000);
    }

    /** Regression: --trees with an ensemble was ignored by its gradient-boosting and forest members. */
    @Test
    void anEnsemblePassesChangedTreeSettingsToItsTreeMembers() {
        HyperParameters ens = HyperParameters.defaults(Algorithm.ENSEMBLE);
        assertThat(ModelTrainer.memberHyper(Algorithm.RANDOM_FOREST, ens).trees()).isEqualTo(200);
        assertThat(ModelTrainer.memberHyper(Algorithm.GBM, ens).trees()).isEqualTo(300);
        HyperParameters ten = ens.withTrees(10).withMaxDepth(4);
        assertThat(ModelTrainer.memberHyper(Algorithm.GBM, ten).trees()).isEqualTo(10);
        assertThat(ModelTrainer.memberHyper(Algorithm.RANDOM_FOREST, ten).trees()).isEqualTo(10);
        assertThat(ModelTrainer.memberHyper(Algorithm.RANDOM_FOREST, ten).maxDepth()).isEqualTo(4);
        assertThat(ModelTrainer.memberHyper(Algorithm.LOGISTIC, ten).maxIterations()).isEqualTo(100);
    }

    @Test
    void badOptionsAreUserErrors() {
        assertThatThrownBy(() -> ModelTrainer.train(DATA.dataset, TrainingOptions.defaults("c", "nope")))
                .isInstanceOf(UserException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> ModelTrainer.train(DATA.dataset, TrainingOptions.defaults("c", "plan")))
                .isInstanceOf(UserException.class).hasMessageContaining("--positive");
        assertThatThrownBy(() -> TrainingOptions.defaults("c", "churn").withTask(Task.REGRESSION).withAlgorithm(Algorithm.LOGISTIC))
                .isInstanceOf(UserException.class);
        assertThatThrownBy(() -> ModelTrainer.train(DATA.dataset, TrainingOptions.defaults("c", "churn").withExclude(List.of("zzz"))))
                .isInstanceOf(UserException.class).hasMessageContaining("zzz");
        // one-vs-rest with a chosen positive level works
        TrainedModel m = ModelTrainer.train(DATA.dataset, opts(Algorithm.LOGISTIC, 1).withPositive("no")).model();
        assertThat(m.info().target().positive()).isEqualTo("no");
        assertThat(m.info().evaluation().classification().rocAuc()).isGreaterThan(0.8);
    }

    @Test
    void crossValidationAndClassWeights() {
        TrainedModel m = ModelTrainer.train(DATA.dataset, opts(Algorithm.LOGISTIC, 1).withCvFolds(3).withClassWeights(true)).model();
        assertThat(m.info().crossValidation().values()).hasSize(3);
        assertThat(m.info().crossValidation().mean()).isGreaterThan(0.78);
        // balanced weights push probabilities towards the minority class: more predicted positives at 0.5
        TrainedModel plain = ModelTrainer.train(DATA.dataset, opts(Algorithm.LOGISTIC, 1)).model();
        double meanW = mean(m.info().evaluation().classification().testScore());
        double meanP = mean(plain.info().evaluation().classification().testScore());
        double prevalence = mean(plain.info().evaluation().classification().testActual());
        assertThat(Math.abs(meanW - 0.5)).isLessThan(Math.abs(meanP - 0.5));
        assertThat(meanP).isCloseTo(prevalence, within(0.05));
    }

    @Test
    void earlyStoppingKeepsTheBestStageAndCrossValidationFoldsGrowThatMany() {
        TrainingOptions o = opts(Algorithm.GBM, 400);
        assertThat(o.hyper().earlyStoppingRounds()).isEqualTo(HyperParameters.DEFAULT_EARLY_STOPPING);
        TrainedModel m = ModelTrainer.train(DATA.dataset, o.withCvFolds(3)).model();
        TrainingHistory h = m.info().histories().get(0);
        assertThat(h.bestStage()).isLessThan(h.size()).isLessThan(400);
        // the kept stage has the lowest validation loss of all the stages grown
        double best = h.validationLoss().get(h.bestStage() - 1);
        for (Double v : h.validationLoss()) assertThat(v).isGreaterThanOrEqualTo(best);
        assertThat(h.size() - h.bestStage()).isEqualTo(HyperParameters.DEFAULT_EARLY_STOPPING);
        // the folds estimate that model: the same as folds fixed at the kept stage count without stopping
        TrainedModel fixed = ModelTrainer.train(DATA.dataset, o.withHyper(o.hyper().withTrees(h.bestStage()).withEarlyStoppingRounds(0))
                .withCvFolds(3)).model();
        assertThat(m.info().crossValidation().values()).isEqualTo(fixed.info().crossValidation().values());
        assertThat(fixed.info().histories().get(0).size()).isEqualTo(h.bestStage());
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
