package io.segmenta.core.model;

import io.segmenta.core.data.ColumnType;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The fast paths of the tree learners: compiled scoring, fused loss, leaf constraints, determinism. */
class TreeEngineTest {
    static final Planted DATA = Planted.churn(3000, 11, false);

    /** A random tree over {@code p} features (feature 0 categorical), children after their parent. */
    private static Tree randomTree(SplittableRandom r, int p, int maxDepth) {
        List<byte[]> kind = new ArrayList<>();
        List<int[]> feat = new ArrayList<>();
        List<double[]> thr = new ArrayList<>();
        List<long[]> mask = new ArrayList<>();
        List<int[]> kids = new ArrayList<>();
        List<double[]> val = new ArrayList<>();
        int[] depth = new int[1 << (maxDepth + 2)];
        int size = 1;
        kind.add(new byte[1]); feat.add(new int[1]); thr.add(new double[1]); mask.add(new long[1]);
        kids.add(new int[2]); val.add(new double[1]);
        for (int i = 0; i < size; i++) {
            boolean split = depth[i] < maxDepth && (i == 0 || r.nextDouble() < 0.8);
            if (!split) {
                kind.get(i)[0] = Tree.LEAF;
                val.get(i)[0] = r.nextDouble() * 2 - 1;
                continue;
            }
            int f = r.nextInt(p);
            feat.get(i)[0] = f;
            if (f == 0) {
                kind.get(i)[0] = Tree.CATEGORICAL;
                mask.get(i)[0] = r.nextLong();
            } else {
                kind.get(i)[0] = Tree.NUMERIC;
                thr.get(i)[0] = r.nextDouble() * 2 - 1;
            }
            kids.get(i)[0] = size;
            kids.get(i)[1] = size + 1;
            for (int c = 0; c < 2; c++) {
                depth[size] = depth[i] + 1;
                kind.add(new byte[1]); feat.add(new int[1]); thr.add(new double[1]); mask.add(new long[1]);
                kids.add(new int[2]); val.add(new double[1]);
                size++;
            }
        }
        byte[] k = new byte[size];
        int[] fe = new int[size], le = new int[size], ri = new int[size];
        double[] th = new double[size], va = new double[size];
        long[] ma = new long[size];
        for (int i = 0; i < size; i++) {
            k[i] = kind.get(i)[0]; fe[i] = feat.get(i)[0]; th[i] = thr.get(i)[0]; ma[i] = mask.get(i)[0];
            le[i] = kids.get(i)[0]; ri[i] = kids.get(i)[1]; va[i] = val.get(i)[0];
        }
        // swap the children of the root so that the right child comes first: layouts need not be sibling-ordered
        if (k[0] != Tree.LEAF) { int t = le[0]; le[0] = ri[0]; ri[0] = t; }
        return new Tree(k, fe, th, ma, le, ri, va);
    }

    @Test
    void compiledScoringEqualsTreeByTreeScoring() {
        SplittableRandom r = new SplittableRandom(3);
        int p = 4, n = 1_037; // not a multiple of the block or of 4
        double[][] cols = new double[p][n];
        for (int i = 0; i < n; i++) {
            cols[0][i] = i % 7 == 0 ? 70 + i % 3 : i % 9 == 0 ? -1 : r.nextInt(64); // codes out of 0..63 go right
            for (int f = 1; f < p; f++) cols[f][i] = i % 11 == 0 ? Double.NaN : r.nextDouble() * 2 - 1;
        }
        List<Tree> trees = new ArrayList<>();
        trees.add(new Tree(new byte[]{Tree.LEAF}, new int[1], new double[1], new long[1], new int[1], new int[1],
                new double[]{0.25})); // a single leaf
        for (int t = 0; t < 40; t++) trees.add(randomTree(r, p, 1 + t % 7));
        double[] expected = new double[n], actual = new double[n];
        for (Tree t : trees) t.addTo(cols, expected, 1.0, 0, n);
        CompiledTrees.of(trees, p).addTo(cols, actual, 1.0, 0, n);
        for (int i = 0; i < n; i++) assertThat(actual[i]).as("row %d", i).isCloseTo(expected[i], within(1e-12));
        double[] part = new double[n];
        CompiledTrees.of(trees, p).addTo(cols, part, 0.5, 100, 300);
        assertThat(part[99]).isZero();
        assertThat(part[300]).isZero();
        assertThat(part[150]).isCloseTo(0.5 * expected[150], within(1e-12));
    }

    @Test
    void fusedLossEqualsDirectLogLossAndAccuracy() {
        // one chunk, and several chunks of the parallel pass with a partial last one
        for (int n : new int[]{2_000, 5 * TreeTrainer.GRADIENT_CHUNK + 37}) fusedLossEqualsDirect(n);
    }

    private static void fusedLossEqualsDirect(int n) {
        SplittableRandom r = new SplittableRandom(5);
        double[] f = new double[n], y = new double[n], w = new double[n], g = new double[n], h = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = (r.nextDouble() - 0.5) * (i % 100 == 0 ? 60 : 8);
            y[i] = r.nextInt(2);
            w[i] = 0.5 + r.nextDouble();
        }
        double[] stats = new double[2];
        TreeTrainer.gradients(true, f, y, w, g, h, 0, stats);
        double ll = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            double pr = LinearPredictor.sigmoid(f[i]);
            ll += Math.max(f[i], 0) - y[i] * f[i] + Math.log1p(Math.exp(-Math.abs(f[i]))); // the stable form, row by row
            if ((pr >= 0.5) == (y[i] == 1)) correct++;
            assertThat(g[i]).isCloseTo(w[i] * (pr - y[i]), within(1e-12));
            assertThat(h[i]).isCloseTo(Math.max(w[i] * pr * (1 - pr), 1e-16), within(1e-12));
        }
        assertThat(stats[0]).isCloseTo(ll / n, within(1e-9));
        assertThat(stats[1]).isEqualTo((double) correct / n);
    }

    @Test
    void largeNodesArePartitionedInParallelExactlyAsInOnePass() {
        int n = 40_000;
        SplittableRandom r = new SplittableRandom(17);
        FeatureSpec x1 = new FeatureSpec("x1", FeatureSpec.Kind.NUMERIC, ColumnType.DECIMAL, 0, 0, 1, List.of(), 0);
        FeatureSpec x2 = new FeatureSpec("x2", FeatureSpec.Kind.NUMERIC, ColumnType.DECIMAL, 0, 0, 1, List.of(), 0);
        FeatureSpec c = new FeatureSpec("c", FeatureSpec.Kind.CATEGORICAL, ColumnType.TEXT, 0, 0, 1,
                List.of("a", "b", "c", "d", "e"), 0);
        double[][] cols = new double[3][n];
        double[] g = new double[n], h = new double[n];
        for (int i = 0; i < n; i++) {
            cols[0][i] = r.nextDouble();
            cols[1][i] = r.nextInt(50);
            cols[2][i] = r.nextInt(5);
            double signal = (cols[0][i] > 0.3 ? 1 : -1) + (cols[2][i] == 2 ? 0.8 : 0) + cols[1][i] / 50;
            g[i] = r.nextGaussian() - signal;
            h[i] = 0.1 + r.nextDouble();
        }
        FeatureFrame frame = new FeatureFrame(n, cols, List.of(x1, x2, c));
        TreeLearner learner = TreeLearner.bin(frame, 255);
        Tree[] trees = new Tree[2];
        int[][] orders = new int[2][];
        double[][] leafOut = new double[2][n];
        for (int k = 0; k < 2; k++) {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = i;
            TreeLearner.Params prm = new TreeLearner.Params(5, 1, 1, 1, 0.1, 3, k == 0, true);
            trees[k] = learner.grow(g, h, null, idx, n, prm, new SplittableRandom(1), new double[3], TaskContext.NONE, leafOut[k]);
            orders[k] = idx;
        }
        assertThat(trees[0].size()).isGreaterThan(15).isEqualTo(trees[1].size());
        // the parallel grower numbers nodes level by level, the serial one depth first: same tree, walked from the root
        assertThat(preorder(trees[0])).containsExactlyElementsOf(preorder(trees[1]));
        assertThat(orders[0]).containsExactly(orders[1]);
        assertThat(leafOut[0]).containsExactly(leafOut[1]);
        // every row reached the leaf that the tree sends it to
        double[] predicted = new double[n];
        trees[0].addTo(cols, predicted, 1.0, 0, n);
        assertThat(leafOut[0]).containsExactly(predicted);
    }

    /** A tree's nodes walked depth first from the root, each as kind, feature, threshold, mask and value. */
    private static List<String> preorder(Tree t) {
        List<String> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        stack.push(0);
        while (!stack.isEmpty()) {
            int k = stack.pop();
            out.add(t.kind()[k] + " " + t.feature()[k] + " " + t.threshold()[k] + " " + t.mask()[k] + " " + t.value()[k]);
            if (t.kind()[k] != Tree.LEAF) {
                stack.push(t.right()[k]);
                stack.push(t.left()[k]);
            }
        }
        return out;
    }

    @Test
    void minChildWeightLimitsLeavesAndIsValidated() {
        FeatureSpec x = new FeatureSpec("x", FeatureSpec.Kind.NUMERIC, ColumnType.DECIMAL, 0, 0, 1, List.of(), 0);
        int n = 200;
        double[] col = new double[n], g = new double[n], h = new double[n];
        for (int i = 0; i < n; i++) { col[i] = i; g[i] = i < 10 ? -1 : 0.1; h[i] = 0.25; }
        FeatureFrame frame = new FeatureFrame(n, new double[][]{col}, List.of(x));
        TreeLearner learner = TreeLearner.bin(frame, 255);
        for (double mcw : new double[]{1, 10}) {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = i;
            TreeLearner.Params prm = new TreeLearner.Params(1, 1, mcw, 1, 1, 1, false, true);
            Tree t = learner.grow(g, h, null, idx, n, prm, new SplittableRandom(1), new double[1], TaskContext.NONE, null);
            assertThat(t.size()).isEqualTo(3);
            // the best cut isolates the 10 rows of gradient −1 (hessian 2.5); with min_child_weight 10 a leaf
            // needs 40 rows, so the split moves to x ≤ 39.5
            assertThat(t.threshold()[0]).isEqualTo(mcw == 1 ? 9.5 : 39.5);
        }
        assertThatThrownBy(() -> HyperParameters.defaults(Algorithm.GBM).withMinChildWeight(-1)).isInstanceOf(UserException.class);
        assertThat(HyperParameters.defaults(Algorithm.GBM).minChildWeight()).isEqualTo(1.0);
    }

    @Test
    void boostingIsDeterministicAndItsLiveLossMatchesItsPredictions() {
        TrainingOptions o = TrainingOptions.defaults("customers", "churn").withAlgorithm(Algorithm.GBM)
                .withSplit(0.25, 0.0, 9);
        o = o.withHyper(o.hyper().withTrees(25).withMaxDepth(4));
        TrainedModel a = ModelTrainer.train(DATA.dataset, o).model();
        TrainedModel b = ModelTrainer.train(DATA.dataset, o).model();
        assertThat(b.predict(DATA.dataset, null)).containsExactly(a.predict(DATA.dataset, null));
        TrainingHistory hist = a.info().histories().get(0);
        assertThat(hist.trainLoss()).hasSize(25).isEqualTo(b.info().histories().get(0).trainLoss());
        // the last stage's training loss is the log loss of the final model on the training rows
        DataSplit split = DataSplit.stratified(TargetEncoding.resolve(DATA.dataset, "churn", null, null).values(DATA.dataset),
                true, 0.25, 0.0, 9);
        double[] y = TargetEncoding.resolve(DATA.dataset, "churn", null, null).values(DATA.dataset);
        double[] pr = a.predict(DATA.dataset, split.train());
        double ll = 0;
        for (int i = 0; i < pr.length; i++) ll -= y[split.train()[i]] == 1 ? Math.log(pr[i]) : Math.log(1 - pr[i]);
        assertThat(hist.trainLoss().get(24)).isCloseTo(ll / pr.length, within(1e-9));
        assertThat(hist.trainLoss().get(24)).isLessThan(hist.trainLoss().get(0));
    }
}
