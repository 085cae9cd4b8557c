package io.segmenta.core.model;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PreprocessingAndScoringTest {

    private static Dataset train() {
        double[] age = {20, 30, Double.NaN, 50, 60, 40};
        BitSet m = new BitSet();
        m.set(2);
        return new Dataset("t", List.of(new DoubleColumn("age", age, m), StringColumn.of("city", true, "a", "b", "a", null, "c", "a")));
    }

    @Test
    void fitOnTrainRowsOnlyImputesAndCodes() {
        Dataset ds = train();
        Preprocessor pre = Preprocessor.fit(ds, List.of("age", "city"), new int[]{0, 1, 2, 3, 4});
        FeatureSpec age = pre.features().get(0), city = pre.features().get(1);
        assertThat(age.impute()).isEqualTo(40); // median of 20, 30, 50, 60 (row 5 is not a training row)
        assertThat(age.missingInTraining()).isEqualTo(1);
        assertThat(city.levels()).containsExactly("a", "b", "c");
        FeatureFrame f = pre.transform(ds);
        // a missing age is marked in the frame: the learners see "missing" beside the median they impute
        assertThat(age.missingIndicator()).isTrue();
        assertThat(age.width()).isEqualTo(2);
        assertThat(f.columns()[0]).containsExactly(20, 30, FeatureSpec.MISSING, 50, 60, 40);
        assertThat(age.input(FeatureSpec.MISSING)).isEqualTo(age.standardise(40));
        // without missing values in training: imputed with the median at scoring time, no indicator
        FeatureSpec complete = Preprocessor.fit(ds, List.of("age"), new int[]{0, 1, 3, 4}).features().get(0);
        assertThat(complete.missingIndicator()).isFalse();
        assertThat(complete.width()).isEqualTo(1);
        assertThat(new Preprocessor(List.of(complete)).transform(ds).columns()[0]).containsExactly(20, 30, 40, 50, 60, 40);
        // a missing city is a category of its own: code 4, after the levels 0–2 and "other" 3
        assertThat(city.hasMissingCode()).isTrue();
        assertThat(city.width()).isEqualTo(5);
        assertThat(f.columns()[1]).containsExactly(0, 1, 0, 4, 2, 0);
        // trained without a missing city, a missing one at scoring time is like an unseen value ("other")
        FeatureSpec noMissing = Preprocessor.fit(ds, List.of("city"), new int[]{0, 1, 2, 4}).features().get(0);
        assertThat(noMissing.hasMissingCode()).isFalse();
        assertThat(noMissing.width()).isEqualTo(4);
        assertThat(new Preprocessor(List.of(noMissing)).transform(ds).columns()[0]).containsExactly(0, 1, 0, 3, 2, 0);
        // a model made before this rule (missing → the most frequent level, code 0) scores as it always did
        FeatureSpec old = new FeatureSpec("city", FeatureSpec.Kind.CATEGORICAL, city.trainedType(), 0, 0, 1, city.levels(), 1);
        assertThat(old.width()).isEqualTo(4);
        assertThat(new Preprocessor(List.of(old)).transform(ds).columns()[0]).containsExactly(0, 1, 0, 0, 2, 0);
    }

    @Test
    void scoringDataWithUnseenCategoriesOtherTypesAndExtraColumnsIsCoerced() {
        Dataset ds = train();
        Preprocessor pre = Preprocessor.fit(ds, List.of("age", "city"), new int[]{0, 1, 2, 3, 4, 5});
        // age arrives as text (one value unparsable, one with a decimal comma), city has an unseen value,
        // columns are in another order and there is an extra one
        Dataset scoring = new Dataset("new", List.of(
                StringColumn.of("city", true, "zzz", "b", null),
                StringColumn.of("extra", true, "x", "y", "z"),
                StringColumn.of("age", false, "35", "abc", "41,5")));
        FeatureFrame f = pre.transform(scoring);
        assertThat(f.columns()[0]).containsExactly(35, FeatureSpec.MISSING, 41.5); // "abc" is missing
        assertThat(f.columns()[1]).containsExactly(3, 1, 4); // unseen → "other" code 3, missing → its own code 4
        // integers where decimals were trained, and a numeric column where a category was trained
        Dataset ints = new Dataset("n", List.of(new LongColumn("age", new long[]{33}, new BitSet()),
                new LongColumn("city", new long[]{7}, new BitSet())));
        FeatureFrame g = pre.transform(ints);
        assertThat(g.columns()[0]).containsExactly(33);
        assertThat(g.columns()[1]).containsExactly(3);
    }

    @Test
    void missingColumnsAreListedTogether() {
        Preprocessor pre = Preprocessor.fit(train(), List.of("age", "city"), new int[]{0, 1, 2});
        Dataset none = new Dataset("other", List.of(StringColumn.of("name", false, "x")));
        assertThatThrownBy(() -> pre.transform(none)).isInstanceOf(UserException.class)
                .hasMessageContaining("age, city").hasMessageContaining("other");
    }

    @Test
    void trainedModelScoresNewDataWithUnseenValuesAndMissingCells() {
        Planted p = Planted.churn(1500, 11, false);
        TrainingOptions o = TrainingOptions.defaults("customers", "churn").withAlgorithm(Algorithm.GBM);
        TrainedModel m = ModelTrainer.train(p.dataset, o.withHyper(o.hyper().withTrees(30))).model();
        Dataset fresh = new Dataset("fresh", List.of(
                StringColumn.of("plan", true, "b", "new-plan", null, "a"),
                new DoubleColumn("x2", new double[]{0, 0, Double.NaN, 0}, bits(2)),
                new DoubleColumn("x1", new double[]{2, 2, 2, -2}, new BitSet())));
        ModelScorer.ScoreResult r = ModelScorer.score(m, fresh, ScoringPolicy.churn(), TaskContext.NONE);
        for (double s : r.scores()) assertThat(s).isBetween(0.0, 1.0);
        assertThat(r.scores()[0]).isGreaterThan(r.scores()[3]);
        // the same rows scored inside the training dataset give the same numbers (same preprocessing)
        double[] direct = m.predict(fresh, null);
        assertThat(r.scores()).containsExactly(direct);
        Dataset withScores = r.appendTo(fresh, "churn_", Locale.ENGLISH);
        assertThat(withScores.columnNames()).containsExactly("plan", "x2", "x1", "churn_score", "churn_decile", "churn_tier", "churn_action");
        Dataset lacking = new Dataset("lacking", List.of(new DoubleColumn("x1", new double[]{1}, new BitSet())));
        assertThatThrownBy(() -> ModelScorer.score(m, lacking, null, TaskContext.NONE))
                .isInstanceOf(UserException.class).hasMessageContaining("x2, plan");
    }

    @Test
    void tiersDecilesAndActions() {
        double[] s = {0.95, 0.9, 0.89, 0.7, 0.69, 0.5, 0.49, 0.1, 0.0, 0.3};
        ModelScorer.ScoreResult r = ModelScorer.assign(s, ScoringPolicy.churn());
        assertThat(r.tiers()).containsExactly(0, 0, 1, 1, 2, 2, 3, 3, 3, 3);
        assertThat(r.deciles()).containsExactly(1, 2, 3, 4, 5, 6, 7, 9, 10, 8);
        List<Column> cols = r.columns("", Locale.ENGLISH);
        assertThat(((StringColumn) cols.get(3)).getString(0)).isEqualTo("Immediate intervention");
        assertThat(((StringColumn) cols.get(3)).getString(2)).isEqualTo("Retention campaign");
        assertThat(((StringColumn) r.columns("", Locale.of("es")).get(3)).getString(0)).isEqualTo("Intervención inmediata");
        ModelScorer.ScoreResult p = ModelScorer.assign(s, ScoringPolicy.purchase().withCutoffs(List.of(0.9, 0.5, 0.2)));
        assertThat(p.tiers()).containsExactly(0, 0, 1, 1, 1, 1, 2, 3, 3, 2);
        assertThat(p.policy().actionName(0, Locale.ENGLISH)).isEqualTo("Personalised offer");
        // LTV: quantiles of the scores themselves
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) v[i] = i;
        ModelScorer.ScoreResult l = ModelScorer.assign(v, ScoringPolicy.ltv());
        assertThat(l.tierCounts()).containsExactly(10, 20, 30, 40);
        assertThat(l.cutoffValues()[0]).isCloseTo(89.1, within(1e-9)); // numpy.quantile(range(100), 0.9)
        assertThat(l.policy().tierName(0, Locale.ENGLISH)).isEqualTo("Premium");
        assertThatThrownBy(() -> ScoringPolicy.churn().withCutoffs(List.of(0.5, 0.7, 0.9))).isInstanceOf(UserException.class);
    }

    private static BitSet bits(int... i) {
        BitSet b = new BitSet();
        for (int x : i) b.set(x);
        return b;
    }

    static List<String> names(List<Column> c) {
        List<String> l = new ArrayList<>();
        c.forEach(x -> l.add(x.name()));
        return l;
    }
}
