package io.segmenta.core.eda;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.segmenta.core.eda.ColumnProfilerTest.bits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Chart data against numpy/pandas (Debian pandas 1.5.3, numpy 1.24.2 under /usr/bin/python3); the Python
 * expression that produced each expected value is quoted next to it.
 */
class ChartsTest {
    private static final TaskContext CTX = TaskContext.NONE;

    private static Dataset one(String name, double... v) {
        return new Dataset("h", List.of(new DoubleColumn(name, v, null)));
    }

    @Test
    void histogramFreedmanDiaconisMatchesNumpy() {
        double[] h = {2.3, 4.1, 4.4, 5.0, 5.2, 5.9, 6.1, 6.3, 7.7, 8.0, 8.8, 9.4, 10.5, 12.0, 13.3, 15.9, 21.0, 33.3, 0.4, 5.5};
        Histogram r = Histogram.compute(one("h", h), Histogram.Options.of("h"), CTX);
        // np.histogram(h, bins='fd')
        assertThat(r.rule()).isEqualTo(Histogram.BinRule.FREEDMAN_DIACONIS);
        assertThat(r.counts()).containsExactly(4, 8, 4, 2, 0, 1, 0, 1);
        assertThat(r.edges()).containsExactly(0.4, 4.5125, 8.625, 12.737499999999999, 16.849999999999998, 20.9625,
                25.074999999999996, 29.187499999999996, 33.3);
        assertThat(r.total()).isEqualTo(20);
        // np.histogram(h, bins=4)
        Histogram four = Histogram.compute(one("h", h), Histogram.Options.of("h").withBins(4), CTX);
        assertThat(four.rule()).isEqualTo(Histogram.BinRule.USER);
        assertThat(four.counts()).containsExactly(12, 6, 1, 1);
        assertThat(four.edges()).containsExactly(0.4, 8.625, 16.849999999999998, 25.074999999999996, 33.3);
        assertThat(four.toCsv()).startsWith("bin_left,bin_right,count\r\n0.4,8.625,12\r\n");
    }

    @Test
    void histogramFallsBackToSturgesWhenIqrIsZero() {
        double[] z = new double[15];
        Arrays.fill(z, 1.0);
        z[12] = 2.0; z[13] = 3.0; z[14] = 50.0;
        Histogram r = Histogram.compute(one("z", z), Histogram.Options.of("z"), CTX);
        // np.histogram(z, bins='sturges'): IQR is 0
        assertThat(r.rule()).isEqualTo(Histogram.BinRule.STURGES);
        assertThat(r.counts()).containsExactly(14, 0, 0, 0, 1);
        assertThat(r.edges()).containsExactly(1.0, 10.8, 20.6, 30.400000000000002, 40.2, 50.0);
    }

    @Test
    void histogramOfAConstantHasOneBinAroundIt() {
        Histogram r = Histogram.compute(one("c", 5, 5, 5), Histogram.Options.of("c"), CTX);
        // np.histogram([5,5,5], bins='fd') -> ([3], [4.5, 5.5])
        assertThat(r.edges()).containsExactly(4.5, 5.5);
        assertThat(r.counts()).containsExactly(3);
    }

    @Test
    void histogramLogScaleAndMissing() {
        double[] v = {0.0, -1.0, 1.0, 10.0, 100.0, 1000.0, 3.0, 30.0, 0};
        Dataset ds = new Dataset("l", List.of(new DoubleColumn("v", v, bits(8))));
        Histogram r = Histogram.compute(ds, Histogram.Options.of("v").withBins(3).withLogScale(true), CTX);
        // np.histogram(np.log10(v[v > 0]), bins=3) -> ([2, 2, 2], 10 ** [0, 1, 2, 3])
        assertThat(r.edges()).containsExactly(1.0, 10.0, 100.0, 1000.0);
        assertThat(r.counts()).containsExactly(2, 2, 2);
        assertThat(r.excluded()).isEqualTo(2);
        assertThat(r.missing()).isEqualTo(1);
        assertThat(r.rowsKept()).isEqualTo(9);
    }

    @Test
    void histogramNeedsANumericColumnAndValidBins() {
        Dataset ds = new Dataset("s", List.of(StringColumn.of("s", true, "a", "b")));
        assertThatThrownBy(() -> Histogram.compute(ds, Histogram.Options.of("s"), CTX)).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("eda.column.notNumeric");
        assertThatThrownBy(() -> Histogram.Options.of("s").withBins(Histogram.MAX_BINS + 1)).isInstanceOf(UserException.class);
    }

    @Test
    void boxPlotQuartilesWhiskersAndOutliers() {
        double[] b = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, -20, 11, 12};
        BoxPlot r = BoxPlot.compute(one("b", b), BoxPlot.Options.of("b"), CTX);
        // np.percentile(b, [25, 50, 75]) = 3.25, 6.5, 9.75; fences -6.5, 19.5; whiskers 1, 12; outliers -20, 30
        BoxPlot.Box box = r.boxes().get(0);
        assertThat(r.boxes()).hasSize(1);
        assertThat(box.bucket()).isEqualTo(Bucket.ALL);
        assertThat(box.q1()).isEqualTo(3.25);
        assertThat(box.median()).isEqualTo(6.5);
        assertThat(box.q3()).isEqualTo(9.75);
        assertThat(box.lowerWhisker()).isEqualTo(1.0);
        assertThat(box.upperWhisker()).isEqualTo(12.0);
        assertThat(box.outliers()).isEqualTo(2);
        assertThat(box.outlierSample()).containsExactly(-20.0, 30.0);
        assertThat(box.mean()).isCloseTo(6.285714285714286, within(1e-12));
        assertThat(box.min()).isEqualTo(-20.0);
        assertThat(box.max()).isEqualTo(30.0);
    }

    @Test
    void boxPlotSplitByCategoryWithOtherAndMissingGroups() {
        double[] v = {1, 2, 3, 10, 20, 30, 100, 5, 7, 0};
        Dataset ds = new Dataset("g", List.of(new DoubleColumn("v", v, bits(9)),
                StringColumn.of("g", true, "a", "a", "a", "b", "b", "b", "c", null, "a", "b")));
        BoxPlot r = BoxPlot.compute(ds, BoxPlot.Options.of("v").withGroupBy("g")
                .withFilter(RowFilter.NONE), CTX);
        assertThat(r.boxes()).extracting(BoxPlot.Box::label).containsExactly("a", "b", "c", null);
        assertThat(r.boxes()).extracting(BoxPlot.Box::bucket).containsExactly(Bucket.VALUE, Bucket.VALUE, Bucket.VALUE, Bucket.MISSING);
        assertThat(r.boxes()).extracting(BoxPlot.Box::count).containsExactly(4, 3, 1, 1);
        // a: np.percentile([1,2,3,7], 50) = 2.5; b: [10,20,30] (row 9 is missing)
        assertThat(r.boxes().get(0).median()).isEqualTo(2.5);
        assertThat(r.boxes().get(1).median()).isEqualTo(20.0);
        assertThat(r.missing()).isEqualTo(1);
        BoxPlot two = BoxPlot.compute(ds, new BoxPlot.Options("v", "g", RowFilter.NONE, 1, 10), CTX);
        assertThat(two.boxes()).extracting(BoxPlot.Box::bucket).containsExactly(Bucket.VALUE, Bucket.OTHER, Bucket.MISSING);
        assertThat(two.boxes().get(1).count()).isEqualTo(4); // b's three and c's one
        assertThat(two.groupsOmitted()).isEqualTo(2);
        assertThat(two.toCsv()).contains("\r\n(other),4,");
    }

    @Test
    void barChartTopNOtherAndMissing() {
        Dataset ds = new Dataset("b", List.of(StringColumn.of("c", true, "x", "y", "x", null, "z", "x", "y", "w", null, "x")));
        BarChart r = BarChart.compute(ds, BarChart.Options.of("c").withTopN(2), CTX);
        assertThat(r.bars()).extracting(BarChart.Bar::label, BarChart.Bar::bucket, BarChart.Bar::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("x", Bucket.VALUE, 4L),
                org.assertj.core.groups.Tuple.tuple("y", Bucket.VALUE, 2L),
                org.assertj.core.groups.Tuple.tuple(null, Bucket.OTHER, 2L),
                org.assertj.core.groups.Tuple.tuple(null, Bucket.MISSING, 2L));
        assertThat(r.bars().get(0).share()).isEqualTo(0.4);
        assertThat(r.bars().get(2).levels()).isEqualTo(2);
        assertThat(r.distinct()).isEqualTo(4);
        assertThat(r.bars().stream().mapToDouble(BarChart.Bar::share).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(r.toCsv()).isEqualTo("value,count,share\r\nx,4,0.4\r\ny,2,0.2\r\n(other),2,0.2\r\n(missing),2,0.2\r\n");
    }

    @Test
    void correlationMatchesPandasPairwise() {
        double nan = 0;
        Dataset ds = new Dataset("c", List.of(
                new DoubleColumn("a", new double[]{1, 2, 3, 4, 5, 6, 7, nan, 9, 10}, bits(7)),
                new DoubleColumn("b", new double[]{2, 1, 4, 3, 7, 8, 6, 9, nan, 12}, bits(8)),
                new DoubleColumn("c", new double[]{5, 5, 3, 3, 2, nan, 1, 0, 0, -1}, bits(5)),
                new DoubleColumn("k", new double[]{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, null),
                StringColumn.of("s", true, "a", "b", "a", "b", "a", "b", "a", "b", "a", "b")));
        CorrelationMatrix m = CorrelationMatrix.compute(ds, CorrelationMatrix.Options.all(), CTX);
        assertThat(m.columns()).containsExactly("a", "b", "c", "k");
        // df.corr() and df.corr(method='spearman')
        assertThat(m.pearson("a", "b")).isCloseTo(0.9298556699361891, within(1e-12));
        assertThat(m.pearson("a", "c")).isCloseTo(-0.9833665098891331, within(1e-12));
        assertThat(m.pearson("b", "c")).isCloseTo(-0.9599027770852553, within(1e-12));
        assertThat(m.spearman("a", "b")).isCloseTo(0.8809523809523809, within(1e-12));
        assertThat(m.spearman("a", "c")).isCloseTo(-0.9880235200593538, within(1e-12));
        assertThat(m.spearman("c", "b")).isCloseTo(-0.9639253854237597, within(1e-12));
        assertThat(m.pearson("a", "a")).isEqualTo(1.0);
        assertThat(m.pearson("k", "a")).isNaN();
        assertThat(m.spearman("a", "k")).isNaN();
        assertThat(m.pairs()[0][1]).isEqualTo(8);
        assertThat(m.strongest().get(0)).extracting(CorrelationMatrix.Pair::a, CorrelationMatrix.Pair::b).containsExactly("a", "c");
        assertThat(m.strongest()).extracting(CorrelationMatrix.Pair::b).containsExactly("c", "c", "b", "k", "k", "k");
        assertThat(m.toCsv()).startsWith("column_a,column_b,pearson,spearman,n\r\na,a,1.0,1.0,9\r\n");
    }

    @Test
    void targetRateByQuantileBinsMatchesQcut() {
        long[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        long[] y = {0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 0};
        Dataset ds = new Dataset("t", List.of(new LongColumn("x", x, null), new LongColumn("y", y, null),
                StringColumn.of("cat", true, "m", "f", "m", "m", "f", "f", "m", "f", "m", "m", null, "f")));
        TargetRate r = TargetRate.compute(ds, TargetRate.Options.of("y", "x").withBins(3), CTX);
        // pd.qcut(t.x, 3) edges 1, 4.666666666666666, 8.333333333333332, 12; groupby mean 0.25, 0.5, 0.75; counts 4, 4, 4
        assertThat(r.target()).isEqualTo(new TargetSpec("y", true, "1"));
        assertThat(r.groups()).extracting(TargetRate.Group::count).containsExactly(4L, 4L, 4L);
        assertThat(r.groups()).extracting(TargetRate.Group::rate).containsExactly(0.25, 0.5, 0.75);
        assertThat(r.groups().get(0).upper()).isEqualTo(4.666666666666666);
        assertThat(r.groups().get(1).upper()).isEqualTo(8.333333333333332);
        assertThat(r.groups().get(0).label()).isEqualTo("[1, 4.666666666666666]");
        assertThat(r.overallRate()).isEqualTo(0.5);
        assertThat(r.overallCount()).isEqualTo(12);
        // t.groupby('cat')['y'].agg(['count', 'sum', 'mean']): f 5/2/0.4, m 6/3/0.5; one row has no category
        TargetRate c = TargetRate.compute(ds, TargetRate.Options.of("y", "cat"), CTX);
        assertThat(c.groups()).extracting(TargetRate.Group::label).containsExactly("m", "f", null);
        assertThat(c.groups()).extracting(TargetRate.Group::count).containsExactly(6L, 5L, 1L);
        assertThat(c.groups()).extracting(TargetRate.Group::rate).containsExactly(0.5, 0.4, 1.0);
        assertThat(c.toCsv()).startsWith("group,lower,upper,count,positives,rate\r\nm,,,6,3,0.5\r\n");
    }

    @Test
    void targetRateWithRepeatedQuantilesDropsDuplicateEdges() {
        long[] x = {1, 1, 1, 1, 2, 2, 3, 10};
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8};
        Dataset ds = new Dataset("t", List.of(new LongColumn("x", x, null), new DoubleColumn("spend", y, null)));
        TargetRate r = TargetRate.compute(ds, TargetRate.Options.of("spend", "x").withBins(4), CTX);
        // pd.qcut(x, 4, duplicates='drop'): (0.999, 1.5], (1.5, 2.25], (2.25, 10.0] with 4, 2, 2 rows
        assertThat(r.target().binary()).isFalse();
        assertThat(r.groups()).extracting(TargetRate.Group::count).containsExactly(4L, 2L, 2L);
        assertThat(r.groups()).extracting(TargetRate.Group::rate).containsExactly(2.5, 5.5, 7.5);
        assertThat(r.groups()).extracting(TargetRate.Group::upper).containsExactly(1.5, 2.25, 10.0);
        assertThat(r.overallRate()).isEqualTo(4.5);
    }

    @Test
    void targetRateWithTwoLevelTextTarget() {
        Dataset ds = new Dataset("t", List.of(StringColumn.of("churn", true, "no", "yes", "no", "no", "yes", null),
                StringColumn.of("plan", true, "a", "a", "b", "b", "b", "a")));
        TargetRate r = TargetRate.compute(ds, TargetRate.Options.of("churn", "plan"), CTX);
        assertThat(r.target().positive()).isEqualTo("yes");
        assertThat(r.missingTarget()).isEqualTo(1);
        assertThat(r.groups()).extracting(TargetRate.Group::label, TargetRate.Group::rate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", 0.5), org.assertj.core.groups.Tuple.tuple("b", 1.0 / 3));
        assertThatThrownBy(() -> TargetRate.compute(ds, TargetRate.Options.of("churn", "churn"), CTX)).isInstanceOf(UserException.class);
    }

    @Test
    void scatterSamplesAboveTheLimitWithAStatedSeed() {
        int rows = 60_000;
        double[] x = new double[rows], y = new double[rows];
        String[] g = new String[rows];
        for (int i = 0; i < rows; i++) { x[i] = i; y[i] = 2.0 * i; g[i] = i % 3 == 0 ? "a" : "b"; }
        Dataset ds = new Dataset("s", List.of(new DoubleColumn("x", x, bits(0)), new DoubleColumn("y", y, null),
                StringColumn.of("g", true, g)));
        Scatter.Options o = Scatter.Options.of("x", "y").withColour("g").withDensity(10).withSample(50_000, 7);
        Scatter s = Scatter.compute(ds, o, CTX);
        assertThat(s.available()).isEqualTo(rows - 1);
        assertThat(s.sampled()).isTrue();
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.points()).isEqualTo(50_000);
        Set<Integer> distinct = new HashSet<>();
        for (int i = 0; i < s.points(); i++) {
            int r = s.rows()[i];
            distinct.add(r);
            assertThat(s.x()[i]).isEqualTo(r);
            assertThat(s.y()[i]).isEqualTo(2.0 * r);
            assertThat(s.colour().levels().get(s.colour().codes()[i])).isEqualTo(r % 3 == 0 ? "a" : "b");
        }
        assertThat(distinct).hasSize(50_000).doesNotContain(0);
        assertThat(s.rows()).isSorted();
        long total = Arrays.stream(s.density().counts()).flatMapToLong(Arrays::stream).sum();
        assertThat(total).isEqualTo(rows - 1);
        assertThat(Scatter.compute(ds, o, CTX).rows()).as("same seed, same sample").isEqualTo(s.rows());
        assertThat(Scatter.compute(ds, o.withSample(50_000, 8), CTX).rows()).isNotEqualTo(s.rows());
        Scatter small = Scatter.compute(ds, o.withFilter(RowFilter.parse("x < 100")), CTX);
        assertThat(small.sampled()).isFalse();
        assertThat(small.points()).isEqualTo(99);
    }

    @Test
    void missingOverviewColumnsRowsAndPatterns() {
        Dataset ds = new Dataset("m", List.of(
                new DoubleColumn("a", new double[6], bits(0, 1, 2)),
                new LongColumn("b", new long[6], bits(0, 1, 4)),
                StringColumn.of("c", true, "x", "y", "z", "x", "y", "z"),
                new BooleanColumn("d", 6, new BitSet(), bits(0))));
        MissingOverview m = MissingOverview.compute(ds, MissingOverview.Options.defaults(), CTX);
        assertThat(m.columns()).extracting(MissingOverview.ColumnMissing::missing).containsExactly(3, 3, 0, 1);
        assertThat(m.rowsWithMissing()).isEqualTo(4);
        assertThat(m.missingPerRow()).containsExactly(2, 2, 1, 1, 0);
        assertThat(m.exampleRows()).containsExactly(0, 1, 2, 4);
        // patterns: {a,b,d}: row 0; {a,b}: row 1; {a}: row 2; {b}: row 4; complete: rows 3, 5
        assertThat(m.patternCount()).isEqualTo(5);
        assertThat(m.patterns().get(0).missingColumns()).isEmpty();
        assertThat(m.patterns().get(0).rows()).isEqualTo(2);
        assertThat(m.patterns()).extracting(MissingOverview.Pattern::missingColumns)
                .containsExactly(List.of(), List.of("a"), List.of("b"), List.of("a", "b"), List.of("a", "b", "d"));
        MissingOverview f = MissingOverview.compute(ds, MissingOverview.Options.defaults().withFilter(RowFilter.parse("c=x")), CTX);
        assertThat(f.rowsKept()).isEqualTo(2);
        assertThat(f.columns()).extracting(MissingOverview.ColumnMissing::missing).containsExactly(1, 1, 0, 1);
        assertThat(f.toCsv()).startsWith("section,item,rows,share\r\ncolumn,a,1,0.5\r\n");
    }

    @Test
    void csvQuotesFieldsPerRfc4180() {
        Dataset ds = new Dataset("q", List.of(StringColumn.of("c", true, "a,b", "say \"hi\"", "a,b")));
        String csv = BarChart.compute(ds, BarChart.Options.of("c"), CTX).toCsv();
        assertThat(csv).isEqualTo("value,count,share\r\n\"a,b\",2,0.6666666666666666\r\n\"say \"\"hi\"\"\",1,0.3333333333333333\r\n");
    }

    @Test
    void averageRanksAndAucHelpers() {
        // scipy.stats.rankdata([3, 1, 4, 1, 5]) = [3, 1.5, 4, 1.5, 5]
        assertThat(Stats.averageRanks(new double[]{3, 1, 4, 1, 5}, 5)).containsExactly(3, 1.5, 4, 1.5, 5);
        assertThat(Stats.aucByRanks(new double[]{3, 4}, 2, new double[]{1, 2, 3}, 3)).isCloseTo(5.5 / 6, within(1e-15));
        assertThat(Stats.quantileSorted(new double[]{1, 2, 3, 4}, 4, 0.3)).isCloseTo(1.9, within(1e-15));
    }
}
