package io.segmenta.core.model;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Logistic and ridge regression against scikit-learn 1.2.1 (Debian's /usr/bin/python3) on the same 40 rows:
 * x1 standardised with the population standard deviation (StandardScaler), plan one-hot (a, b, c),
 * {@code LogisticRegression(C=1.0, tol=1e-10, max_iter=1000)} with and without {@code class_weight='balanced'},
 * {@code Ridge(alpha=1.0)}; the expected values are {@code predict_proba(X)[:5, 1]} and {@code predict(X)[:5]}.
 */
class LinearLearnerTest {
    static final double[] X1 = {1.764, 0.4, 0.979, 2.241, 1.868, -0.977, 0.95, -0.151, -0.103, 0.411, 0.144, 1.454, 0.761,
            0.122, 0.444, 0.334, 1.494, -0.205, 0.313, -0.854, -2.553, 0.654, 0.864, -0.742, 2.27, -1.454, 0.046, -0.187,
            1.533, 1.469, 0.155, 0.378, -0.888, -1.981, -0.348, 0.156, 1.23, 1.202, -0.387, -0.302};
    static final double[] Y = {1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1,
            0, 0, 1, 0, 1, 1, 0, 1};
    static final double[] YR = {2.363, 1.701, 3.924, 2.946, 5.224, -0.058, 3.079, 1.018, -1.277, 1.876, -0.115, 4.13, 3.23,
            1.221, 1.244, 1.375, 2.999, 2.876, 0.753, -1.306, -3.223, -0.04, 1.958, -0.515, 3.367, -0.964, -0.322, 0.379,
            4.989, 4.419, 2.178, 1.662, -1.137, -2.052, -0.964, 1.114, 3.407, 3.749, -0.16, 0.318};

    private static FeatureFrame frame() {
        String[] plan = new String[40];
        String[] cycle = {"a", "b", "c", "a", "b"};
        for (int i = 0; i < 40; i++) plan[i] = cycle[i % 5];
        Dataset ds = new Dataset("t", List.of(new DoubleColumn("x1", X1.clone(), new BitSet()), StringColumn.of("plan", true, plan)));
        int[] all = new int[40];
        for (int i = 0; i < 40; i++) all[i] = i;
        Preprocessor pre = Preprocessor.fit(ds, List.of("x1", "plan"), all);
        assertThat(pre.features().get(1).levels()).containsExactly("a", "b", "c");
        return pre.transform(ds);
    }

    private static HistoryRecorder rec(Task t, double[] y) {
        return new HistoryRecorder("t", t, y, new double[0], TrainingListener.NONE, TaskContext.NONE, 100, 0, 100);
    }

    private static double[] ones() {
        double[] w = new double[40];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    @Test
    void logisticRegressionMatchesScikitLearn() {
        HyperParameters hp = HyperParameters.defaults(Algorithm.LOGISTIC).withL2(1.0);
        LinearPredictor lp = LinearLearner.logistic(frame(), Y, ones(), null, hp, TaskContext.NONE, rec(Task.CLASSIFICATION, Y));
        double[] p = lp.predict(frame());
        double[] expected = {0.8411971215654067, 0.7339174077238103, 0.6437331538955219, 0.9133165451487615, 0.9581495558672707};
        for (int i = 0; i < 5; i++) assertThat(p[i]).isCloseTo(expected[i], within(1e-5)); // lbfgs stops near 1e-6
    }

    @Test
    void balancedClassWeightsMatchScikitLearn() {
        double pos = 0;
        for (double v : Y) pos += v;
        double[] w = new double[40];
        for (int i = 0; i < 40; i++) w[i] = Y[i] == 1 ? 40 / (2 * pos) : 40 / (2 * (40 - pos));
        HyperParameters hp = HyperParameters.defaults(Algorithm.LOGISTIC).withL2(1.0);
        LinearPredictor lp = LinearLearner.logistic(frame(), Y, w, null, hp, TaskContext.NONE, rec(Task.CLASSIFICATION, Y));
        double[] p = lp.predict(frame());
        double[] expected = {0.8303566589049557, 0.7161516713512249, 0.6211019405036056, 0.9070013569305704, 0.9546586081222663};
        for (int i = 0; i < 5; i++) assertThat(p[i]).isCloseTo(expected[i], within(1e-5)); // lbfgs stops near 1e-6
    }

    @Test
    void ridgeMatchesScikitLearn() {
        HyperParameters hp = HyperParameters.defaults(Algorithm.RIDGE).withL2(1.0);
        LinearPredictor lp = LinearLearner.ridge(frame(), YR, ones(), null, hp, TaskContext.NONE, rec(Task.REGRESSION, YR));
        double[] p = lp.predict(frame());
        double[] expected = {3.526184206414282, 1.4196422763217327, 3.0330519566417298, 4.29111115562589, 3.773757080184713};
        for (int i = 0; i < 5; i++) assertThat(p[i]).isCloseTo(expected[i], within(1e-9));
        // sklearn: mean_absolute_error 0.7766386963810251, rmse 0.9404040558964439, r2 0.7832951422120225
        assertThat(Metrics.mae(YR, p)).isCloseTo(0.7766386963810251, within(1e-9));
        assertThat(Metrics.r2(YR, p)).isCloseTo(0.7832951422120225, within(1e-9));
    }

    @Test
    void aSystemThatCannotBeSolvedIsAUserError() {
        // regression: NaN in the normal equations ended in IllegalStateException("singular system"), exit 1
        double[] a = {Double.NaN, 0, 0, 1};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinearLearner.solve(a, new double[]{1, 1}, 2))
                .isInstanceOf(io.segmenta.core.util.UserException.class)
                .extracting(e -> ((io.segmenta.core.util.UserException) e).key()).isEqualTo("model.train.singular");
    }

    @Test
    void standardisingHugeValuesStaysFinite() {
        // regression: (1e308 - mean) / scale overflowed to ±Infinity and the linear model and network gave NaN
        FeatureSpec spec = new FeatureSpec("x", FeatureSpec.Kind.NUMERIC, io.segmenta.core.data.ColumnType.DECIMAL, 0, -5e307, 1e-3,
                List.of(), 0);
        for (double v : new double[]{1e308, -1e308, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0}) {
            assertThat(spec.standardise(v)).as("%s", v).isFinite();
        }
        FeatureSpec plain = new FeatureSpec("x", FeatureSpec.Kind.NUMERIC, io.segmenta.core.data.ColumnType.DECIMAL, 0, 3, 2, List.of(), 0);
        assertThat(plain.standardise(7)).isEqualTo(2.0);
    }
}
