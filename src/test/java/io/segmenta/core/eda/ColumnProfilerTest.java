package io.segmenta.core.eda;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Expected values were computed independently with Debian's pandas 1.5.3 / numpy 1.24.2
 * (/usr/bin/python3) on the same data, e.g. for x:
 * <pre>
 * x = pd.Series([1.5, 2.0, np.nan, 3.25, 10.0, 0.0, 2.0, 7.5, np.nan, 100.0])
 * x.count(), x.nunique(), x.mean(), x.std(), x.skew(), np.percentile(x.dropna(), [5, 25, 50, 75, 95])
 * </pre>
 */
class ColumnProfilerTest {
    private static final double EPS = 1e-12;

    static BitSet bits(int... i) {
        BitSet b = new BitSet();
        for (int x : i) b.set(x);
        return b;
    }

    static int day(String iso) { return (int) LocalDate.parse(iso).toEpochDay(); }

    static Dataset sample() {
        double[] x = {1.5, 2.0, 0, 3.25, 10.0, 0.0, 2.0, 7.5, 0, 100.0};
        long[] n = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        long[] k = {7, 7, 7, 7, 7, 7, 7, 7, 7, 7};
        int[] d = {day("2024-01-01"), day("2024-01-03"), 0, day("2024-02-10"), day("2023-12-25"), day("2024-01-03"),
                day("2024-03-01"), 0, day("2024-01-20"), day("2024-01-02")};
        BitSet bt = bits(0, 2, 3, 5);
        return new Dataset("t", List.of(
                new DoubleColumn("x", x, bits(2, 8)),
                new LongColumn("n", n, null),
                new LongColumn("k", k, null),
                StringColumn.of("cat", true, "a", "b", "a", null, "c", "a", "b", "a", null, "a"),
                new DateColumn("d", d, bits(2, 7)),
                new DoubleColumn("allmiss", new double[10], bits(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)),
                new BooleanColumn("b", 10, bt, bits(9))));
    }

    @Test
    void decimalWithMissingMatchesPandas() {
        ColumnProfile x = ColumnProfiler.profile(sample(), ProfileOptions.defaults(), TaskContext.NONE).column("x").orElseThrow();
        assertThat(x.type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(x.count()).isEqualTo(8);
        assertThat(x.missing()).isEqualTo(2);
        assertThat(x.missingShare()).isEqualTo(0.2);
        assertThat(x.distinct()).isEqualTo(7);
        assertThat(x.mean()).isCloseTo(15.78125, within(EPS));
        assertThat(x.std()).isCloseTo(34.19415089393423, within(EPS));
        assertThat(x.skewness()).isCloseTo(2.775305974575124, within(1e-12));
        assertThat(x.min()).isEqualTo(0.0);
        assertThat(x.max()).isEqualTo(100.0);
        // numpy's lerp gives exactly these doubles (68.49999999999994, not 68.5)
        assertThat(x.p5()).isEqualTo(0.525);
        assertThat(x.p25()).isEqualTo(1.875);
        assertThat(x.median()).isEqualTo(2.625);
        assertThat(x.p75()).isEqualTo(8.125);
        assertThat(x.p95()).isEqualTo(68.49999999999994);
        assertThat(x.zeros()).isEqualTo(0.125);
        assertThat(x.topValues()).isEmpty();
        assertThat(x.flags()).extracting(Flag::kind).containsExactly(Flag.Kind.SKEWED);
        assertThat(x.flags().get(0).key()).isEqualTo("eda.flag.skewed.log");
    }

    @Test
    void integerMatchesPandas() {
        ColumnProfile n = ColumnProfiler.profile(sample(), ProfileOptions.defaults(), TaskContext.NONE).column("n").orElseThrow();
        assertThat(n.count()).isEqualTo(10);
        assertThat(n.distinct()).isEqualTo(7);
        assertThat(n.mean()).isCloseTo(3.9, within(EPS));
        assertThat(n.std()).isCloseTo(2.4698178070456938, within(EPS));
        assertThat(n.skewness()).isCloseTo(0.806457574727363, within(EPS));
        assertThat(List.of(n.p5(), n.p25(), n.median(), n.p75(), n.p95())).containsExactly(1.0, 2.25, 3.5, 5.0, 7.649999999999997);
        assertThat(n.zeros()).isEqualTo(0.0);
        assertThat(n.modeShare()).isEqualTo(0.2);
        assertThat(n.flags()).isEmpty();
    }

    @Test
    void constantColumnHasNoStdSpreadOrSkewness() {
        ColumnProfile k = ColumnProfiler.profile(sample(), ProfileOptions.defaults(), TaskContext.NONE).column("k").orElseThrow();
        assertThat(k.distinct()).isEqualTo(1);
        assertThat(k.mean()).isEqualTo(7.0);
        assertThat(k.std()).isEqualTo(0.0);
        assertThat(k.skewness()).as("pandas gives 0 for a constant; the profile reports it as undefined").isNull();
        assertThat(k.p5()).isEqualTo(7.0);
        assertThat(k.flags()).extracting(Flag::kind).containsExactly(Flag.Kind.CONSTANT);
        assertThat(k.flags().get(0).message()).contains("7");
    }

    @Test
    void categoricalTopValuesMatchValueCounts() {
        ColumnProfile c = ColumnProfiler.profile(sample(), ProfileOptions.defaults(), TaskContext.NONE).column("cat").orElseThrow();
        // cat.value_counts(normalize=True) -> {'a': 0.625, 'b': 0.25, 'c': 0.125}; nunique 3
        assertThat(c.count()).isEqualTo(8);
        assertThat(c.missing()).isEqualTo(2);
        assertThat(c.distinct()).isEqualTo(3);
        assertThat(c.topValues()).containsExactly(new TopValue("a", 5, 0.625), new TopValue("b", 2, 0.25), new TopValue("c", 1, 0.125));
        assertThat(c.mean()).isNull();
        assertThat(c.zeros()).isNull();
        assertThat(c.skewness()).isNull();
        ColumnProfile top1 = ColumnProfiler.profile(sample(), ProfileOptions.defaults().withTopN(1), TaskContext.NONE)
                .column("cat").orElseThrow();
        assertThat(top1.topValues()).containsExactly(new TopValue("a", 5, 0.625));
    }

    @Test
    void datesGiveDateQuantilesLikePandas() {
        ColumnProfile d = ColumnProfiler.profile(sample(), ProfileOptions.defaults(), TaskContext.NONE).column("d").orElseThrow();
        // on epoch days: np.percentile(days, [5,25,50,75,95]) = 19718.45, 19723.75, 19725.0, 19747.25, 19776.0
        // d.quantile([.05, .25, .5, .75, .95]) = 2023-12-27 10:48, 2024-01-01 18:00, 2024-01-03, 2024-01-25 06:00, 2024-02-23
        assertThat(d.count()).isEqualTo(8);
        assertThat(d.distinct()).isEqualTo(7);
        assertThat(d.p5()).isCloseTo(19718.45, within(1e-9));
        assertThat(d.valueText(d.p5())).isEqualTo("2023-12-27T10:48");
        assertThat(d.valueText(d.p25())).isEqualTo("2024-01-01T18:00");
        assertThat(d.valueText(d.median())).isEqualTo("2024-01-03");
        assertThat(d.valueText(d.p75())).isEqualTo("2024-01-25T06:00");
        assertThat(d.valueText(d.p95())).isEqualTo("2024-02-23");
        assertThat(d.valueText(d.min())).isEqualTo("2023-12-25");
        assertThat(d.valueText(d.max())).isEqualTo("2024-03-01");
        assertThat(d.mean()).isCloseTo(19737.625, within(1e-9));
        assertThat(d.std()).as("days").isCloseTo(23.627692590324116, within(1e-9));
        assertThat(d.skewness()).isCloseTo(1.300347488900335, within(1e-9));
        assertThat(d.zeros()).isNull();
    }

    @Test
    void allMissingColumnHasOnlyCounts() {
        ColumnProfile a = ColumnProfiler.profile(sample(), ProfileOptions.defaults(), TaskContext.NONE).column("allmiss").orElseThrow();
        assertThat(a.count()).isZero();
        assertThat(a.missing()).isEqualTo(10);
        assertThat(a.distinct()).isZero();
        assertThat(List.of(a)).extracting(ColumnProfile::mean, ColumnProfile::std, ColumnProfile::min, ColumnProfile::median,
                ColumnProfile::max, ColumnProfile::skewness, ColumnProfile::zeros).containsOnly(
                org.assertj.core.groups.Tuple.tuple(null, null, null, null, null, null, null));
        assertThat(a.flags()).extracting(Flag::kind).containsExactly(Flag.Kind.CONSTANT, Flag.Kind.MOSTLY_MISSING);
    }

    @Test
    void booleanHasShareOfTrueAndTopValues() {
        ColumnProfile b = ColumnProfiler.profile(sample(), ProfileOptions.defaults(), TaskContext.NONE).column("b").orElseThrow();
        // 9 values, 4 true: mean 4/9, std = pd.Series([1,0,1,1,0,1,0,0,0]).std() = 0.5270462766947299
        assertThat(b.count()).isEqualTo(9);
        assertThat(b.mean()).isCloseTo(4.0 / 9, within(EPS));
        assertThat(b.std()).isCloseTo(0.5270462766947299, within(EPS));
        assertThat(b.topValues()).containsExactly(new TopValue("false", 5, 5.0 / 9), new TopValue("true", 4, 4.0 / 9));
        assertThat(b.min()).isNull();
    }

    @Test
    void oneRowHasNoStdOrSkewness() {
        Dataset one = new Dataset("one", List.of(new DoubleColumn("v", new double[]{4.5}, null),
                StringColumn.of("s", true, "x")));
        DatasetProfile p = ColumnProfiler.profile(one, ProfileOptions.defaults(), TaskContext.NONE);
        ColumnProfile v = p.column("v").orElseThrow();
        assertThat(v.count()).isEqualTo(1);
        assertThat(v.mean()).isEqualTo(4.5);
        assertThat(v.std()).isNull();
        assertThat(v.skewness()).isNull();
        assertThat(List.of(v.min(), v.p5(), v.median(), v.p95(), v.max())).containsOnly(4.5);
        assertThat(p.column("s").orElseThrow().topValues()).containsExactly(new TopValue("x", 1, 1.0));
    }

    @Test
    void filterRestrictsTheRowsProfiled() {
        DatasetProfile p = ColumnProfiler.profile(sample(), ProfileOptions.defaults().withFilter(RowFilter.parse("n>=4")),
                TaskContext.NONE);
        // rows with n >= 4: 2,4,5,7,8 -> x = missing, 10, 0, 7.5, missing
        assertThat(p.rowsKept()).isEqualTo(5);
        ColumnProfile x = p.column("x").orElseThrow();
        assertThat(x.count()).isEqualTo(3);
        assertThat(x.missing()).isEqualTo(2);
        assertThat(x.mean()).isCloseTo(17.5 / 3, within(EPS));
        assertThat(x.zeros()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(p.options().filter().expressions()).containsExactly("n >= 4");
    }

    @Test
    void nearConstantHighCardinalityMostlyMissingAndIdFlags() {
        int rows = 300;
        long[] near = new long[rows];
        near[0] = 1; // 299 of 300 zeros: 99.67 %
        String[] many = new String[rows];
        String[] sparse = new String[rows];
        long[] ids = new long[rows];
        for (int i = 0; i < rows; i++) {
            many[i] = "v" + (i % 60);
            sparse[i] = i % 3 == 0 ? "s" : null;
            ids[i] = 1000 + i;
        }
        Dataset ds = new Dataset("f", List.of(new LongColumn("near", near, null), StringColumn.of("many", true, many),
                StringColumn.of("sparse", true, sparse), new LongColumn("id", ids, null, true)));
        DatasetProfile p = ColumnProfiler.profile(ds, ProfileOptions.defaults(), TaskContext.NONE);
        assertThat(p.column("near").orElseThrow().flags()).extracting(Flag::kind).contains(Flag.Kind.NEAR_CONSTANT);
        assertThat(p.column("many").orElseThrow().flags()).extracting(Flag::kind).containsExactly(Flag.Kind.HIGH_CARDINALITY);
        assertThat(p.column("sparse").orElseThrow().flags()).extracting(Flag::kind)
                .containsExactly(Flag.Kind.CONSTANT, Flag.Kind.MOSTLY_MISSING);
        assertThat(p.column("id").orElseThrow().flags()).extracting(Flag::kind).containsExactly(Flag.Kind.ID_LIKE);
        // a rare 0/1 indicator is very skewed (skewness 17.3) but a log transform makes no sense for it
        assertThat(p.column("near").orElseThrow().skewness()).isGreaterThan(ColumnProfiler.SKEW_THRESHOLD);
        assertThat(p.column("near").orElseThrow().hasFlag(Flag.Kind.SKEWED)).isFalse();
        assertThat(p.column("many").orElseThrow().flags().get(0).message()).contains("60");
    }

    /** A column built from the target that stands out from the others is flagged; pure noise is not. AUCs checked by brute force. */
    @Test
    void leakageFlagOnASyntheticLeak() {
        int rows = 400;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        BitSet yes = new BitSet();
        double[] leak = new double[rows], noise = new double[rows];
        String[] cat = new String[rows], catLeak = new String[rows];
        for (int i = 0; i < rows; i++) {
            boolean y = rnd.nextInt(4) == 0;
            if (y) yes.set(i);
            leak[i] = (y ? 60 : 20) + rnd.nextInt(50);
            noise[i] = rnd.nextInt(100);
            cat[i] = "c" + rnd.nextInt(4);
            catLeak[i] = y ? (rnd.nextInt(10) == 0 ? "no_show" : "refund") : (rnd.nextInt(10) == 0 ? "refund" : "no_show");
        }
        Dataset ds = new Dataset("leak", List.of(new DoubleColumn("leak", leak, null), new DoubleColumn("noise", noise, null),
                StringColumn.of("cat", true, cat), StringColumn.of("why", true, catLeak), new BooleanColumn("y", rows, yes, null)));
        DatasetProfile p = ColumnProfiler.profile(ds, ProfileOptions.defaults().withTarget("y"), TaskContext.NONE);
        assertThat(p.target()).isEqualTo(new TargetSpec("y", true, "true"));
        ColumnProfile l = p.column("leak").orElseThrow();
        assertThat(l.leakageAuc()).isCloseTo(bruteAuc(leak, yes), within(1e-12)).isGreaterThan(ColumnProfiler.LEAKAGE_AUC);
        ColumnProfile n = p.column("noise").orElseThrow();
        assertThat(n.leakageAuc()).isCloseTo(bruteAuc(noise, yes), within(1e-12)).isLessThan(ColumnProfiler.LEAKAGE_AUC);
        assertThat(n.hasFlag(Flag.Kind.LEAKAGE)).isFalse();
        // categorical: score each row by its category's target rate
        // categorical: score each row by its category's target rate
        assertThat(p.column("why").orElseThrow().leakageAuc()).isCloseTo(bruteAuc(rateScores(catLeak, yes), yes), within(1e-12));
        assertThat(p.column("cat").orElseThrow().leakageAuc()).isCloseTo(bruteAuc(rateScores(cat, yes), yes), within(1e-12));
        assertThat(p.column("cat").orElseThrow().hasFlag(Flag.Kind.LEAKAGE)).isFalse();
        // "leak" is near-perfect on its own: flagged whatever the other columns do
        assertThat(l.leakageAuc()).isGreaterThanOrEqualTo(ColumnProfiler.LEAKAGE_NEAR_PERFECT);
        assertThat(l.hasFlag(Flag.Kind.LEAKAGE)).isTrue();
        assertThat(p.column("y").orElseThrow().leakageAuc()).as("the target itself").isNull();
        // no target: no AUCs
        assertThat(ColumnProfiler.profile(ds, ProfileOptions.defaults(), TaskContext.NONE).column("leak").orElseThrow().leakageAuc()).isNull();
    }

    /**
     * Regression: a column filled in only for the customers who left (IBM Telco's "Churn Reason", or a segment
     * fitted on the customers who stayed) was "mostly missing" but not a leak, and models reached AUC 1.
     */
    @Test
    void aColumnWhoseMissingValuesGiveTheTargetAwayIsALeak() {
        int rows = 300;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        BitSet yes = new BitSet(), reasonMissing = new BitSet(), scoreMissing = new BitSet(), plainMissing = new BitSet();
        String[] reason = new String[rows];
        double[] score = new double[rows], plain = new double[rows];
        String[] texts = new String[rows];
        for (int i = 0; i < rows; i++) {
            boolean y = rnd.nextInt(4) == 0;
            if (y) yes.set(i);
            reason[i] = y ? "reason " + rnd.nextInt(80) : null; // free text: too many values to rate them one by one
            score[i] = rnd.nextInt(100);
            if (y) scoreMissing.set(i);
            plain[i] = rnd.nextInt(100);
            if (rnd.nextInt(5) == 0) plainMissing.set(i);
            texts[i] = rnd.nextInt(5) == 0 ? null : "t" + rnd.nextInt(3);
        }
        Dataset ds = new Dataset("d", List.of(StringColumn.of("Churn Reason", false, reason),
                new DoubleColumn("segment_score", score, scoreMissing), new DoubleColumn("plain", plain, plainMissing),
                StringColumn.of("texts", true, texts), new BooleanColumn("y", rows, yes, null)));
        DatasetProfile p = ColumnProfiler.profile(ds, ProfileOptions.defaults().withTarget("y"), TaskContext.NONE);
        assertThat(p.column("Churn Reason").orElseThrow().leakageAuc()).isEqualTo(1.0);
        assertThat(p.column("Churn Reason").orElseThrow().hasFlag(Flag.Kind.LEAKAGE)).isTrue();
        assertThat(p.column("segment_score").orElseThrow().leakageAuc()).isEqualTo(1.0);
        assertThat(p.column("segment_score").orElseThrow().hasFlag(Flag.Kind.LEAKAGE)).isTrue();
        // missing at random gives nothing away
        assertThat(p.column("plain").orElseThrow().leakageAuc()).isLessThan(ColumnProfiler.LEAKAGE_AUC);
        assertThat(p.column("texts").orElseThrow().leakageAuc()).isLessThan(ColumnProfiler.LEAKAGE_AUC);
        assertThat(p.column("plain").orElseThrow().hasFlag(Flag.Kind.LEAKAGE)).isFalse();
    }

    /** Regression: a sign-up date of 2099-12-31 (a typo or placeholder) was profiled without a word. */
    @Test
    void datesAfterTodayAreFlagged() {
        int past = (int) java.time.LocalDate.of(2020, 1, 1).toEpochDay(), far = (int) java.time.LocalDate.of(2099, 12, 31).toEpochDay();
        Dataset ds = new Dataset("d", List.of(
                new io.segmenta.core.data.DateColumn("signup", new int[]{past, past + 10, far, past + 20}, new BitSet()),
                new io.segmenta.core.data.DateColumn("ok", new int[]{past, past + 1, past + 2, past + 3}, new BitSet())));
        DatasetProfile p = ColumnProfiler.profile(ds, ProfileOptions.defaults(), TaskContext.NONE);
        Flag f = p.column("signup").orElseThrow().flags().stream().filter(x -> x.kind() == Flag.Kind.FUTURE_DATES).findFirst().orElseThrow();
        assertThat(f.message(java.util.Locale.ENGLISH)).contains("1 value is after today").contains("2099");
        assertThat(p.column("ok").orElseThrow().hasFlag(Flag.Kind.FUTURE_DATES)).isFalse();
    }

    /** Two similar strong predictors (like recency and frequency for churn) are a signal, not a leak; one alone stands out. */
    @Test
    void similarStrongPredictorsAreNotCalledLeaks() {
        int rows = 600;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        BitSet yes = new BitSet();
        double[] a = new double[rows], b = new double[rows], noise = new double[rows];
        for (int i = 0; i < rows; i++) {
            boolean y = rnd.nextInt(3) == 0;
            if (y) yes.set(i);
            a[i] = (y ? 40 : 20) + rnd.nextInt(50);
            b[i] = (y ? 40 : 20) + rnd.nextInt(50);
            noise[i] = rnd.nextInt(100);
        }
        Dataset both = new Dataset("both", List.of(new DoubleColumn("a", a, null), new DoubleColumn("b", b, null),
                new DoubleColumn("noise", noise, null), new BooleanColumn("y", rows, yes, null)));
        DatasetProfile p = ColumnProfiler.profile(both, ProfileOptions.defaults().withTarget("y"), TaskContext.NONE);
        double aucA = p.column("a").orElseThrow().leakageAuc(), aucB = p.column("b").orElseThrow().leakageAuc();
        assertThat(aucA).isCloseTo(bruteAuc(a, yes), within(1e-12)).isBetween(ColumnProfiler.LEAKAGE_AUC, ColumnProfiler.LEAKAGE_NEAR_PERFECT);
        assertThat(aucB).isBetween(ColumnProfiler.LEAKAGE_AUC, ColumnProfiler.LEAKAGE_NEAR_PERFECT);
        assertThat(Math.abs(aucA - aucB)).isLessThan(ColumnProfiler.LEAKAGE_MARGIN);
        assertThat(p.column("a").orElseThrow().hasFlag(Flag.Kind.LEAKAGE)).isFalse();
        assertThat(p.column("b").orElseThrow().hasFlag(Flag.Kind.LEAKAGE)).isFalse();
        Dataset alone = new Dataset("alone", List.of(new DoubleColumn("a", a, null), new DoubleColumn("noise", noise, null),
                new BooleanColumn("y", rows, yes, null)));
        DatasetProfile pa = ColumnProfiler.profile(alone, ProfileOptions.defaults().withTarget("y"), TaskContext.NONE);
        assertThat(pa.column("a").orElseThrow().hasFlag(Flag.Kind.LEAKAGE)).isTrue();
        assertThat(pa.column("noise").orElseThrow().hasFlag(Flag.Kind.LEAKAGE)).isFalse();
    }

    /** The margin rule on the single-column AUCs of public data (see {@link ColumnProfiler#LEAKAGE_MARGIN}). */
    @Test
    void aColumnThatStandsOutByTheMarginIsFlagged() {
        Dataset ds = new Dataset("d", List.of(new DoubleColumn("x", new double[]{1, 2, 3}, null)));
        ColumnProfile base = ColumnProfiler.profile(ds, ProfileOptions.defaults(), TaskContext.NONE).column("x").orElseThrow();
        // bank-additional-full, target y: duration 0.818, then nr.employed 0.749 and euribor3m 0.743
        List<ColumnProfile> bankAdditional = ColumnProfiler.flagLeakage(List.of(withAuc(base, "duration", 0.818),
                withAuc(base, "nr.employed", 0.749), withAuc(base, "euribor3m", 0.743)), "y");
        assertThat(bankAdditional).filteredOn(c -> c.hasFlag(Flag.Kind.LEAKAGE)).extracting(ColumnProfile::name).containsExactly("duration");
        // the sample's churn drivers: recency 0.876, frequency 0.872, monetary 0.849 — a signal, not a leak
        List<ColumnProfile> churn = ColumnProfiler.flagLeakage(List.of(withAuc(base, "recency_days", 0.876),
                withAuc(base, "frequency", 0.872), withAuc(base, "monetary", 0.849)), "churned");
        assertThat(churn).noneMatch(c -> c.hasFlag(Flag.Kind.LEAKAGE));
        // an earlier model's score of the target (added by scoring) is flagged, and does not hide duration
        List<ColumnProfile> scored = ColumnProfiler.flagLeakage(List.of(withAuc(base, "duration", 0.808),
                withAuc(base, "y_score", 0.828), withAuc(base, "month", 0.654)), "y");
        assertThat(scored).filteredOn(c -> c.hasFlag(Flag.Kind.LEAKAGE)).extracting(ColumnProfile::name).containsExactly("duration", "y_score");
        assertThat(io.segmenta.core.model.ModelScorer.scoredColumnNames("y_")).allMatch(n -> ColumnProfiler.isScoreOf(n, "y"));
        assertThat(ColumnProfiler.isScoreOf("y_scores", "y")).isFalse();
    }

    private static ColumnProfile withAuc(ColumnProfile p, String name, double auc) {
        return new ColumnProfile(name, p.type(), p.count(), p.missing(), p.distinct(), p.mean(), p.std(), p.min(), p.p5(), p.p25(),
                p.median(), p.p75(), p.p95(), p.max(), p.skewness(), p.zeros(), p.modeShare(), p.topValues(), auc, p.flags());
    }

    /** max(AUC, 1-AUC) by comparing every positive with every negative (ties count 1/2). */
    static double bruteAuc(double[] score, BitSet y) {
        double u = 0;
        long pairs = 0;
        for (int i = 0; i < score.length; i++) {
            if (!y.get(i)) continue;
            for (int j = 0; j < score.length; j++) {
                if (y.get(j)) continue;
                pairs++;
                if (score[i] > score[j]) u += 1; else if (score[i] == score[j]) u += 0.5;
            }
        }
        double auc = u / pairs;
        return Math.max(auc, 1 - auc);
    }

    static double[] rateScores(String[] cat, BitSet y) {
        java.util.Map<String, double[]> m = new java.util.HashMap<>();
        for (int i = 0; i < cat.length; i++) {
            double[] a = m.computeIfAbsent(cat[i], k -> new double[2]);
            a[0] += y.get(i) ? 1 : 0;
            a[1]++;
        }
        double[] s = new double[cat.length];
        for (int i = 0; i < cat.length; i++) s[i] = m.get(cat[i])[0] / m.get(cat[i])[1];
        return s;
    }

    @Test
    void targetErrorsAreUserErrors() {
        assertThatThrownBy(() -> ColumnProfiler.profile(sample(), ProfileOptions.defaults().withTarget("nope"), TaskContext.NONE))
                .isInstanceOf(UserException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> ColumnProfiler.profile(sample(), ProfileOptions.defaults().withTarget("cat"), TaskContext.NONE))
                .isInstanceOf(UserException.class).extracting(e -> ((UserException) e).key()).isEqualTo("eda.target.notBinary");
        assertThatThrownBy(() -> ProfileOptions.defaults().withTopN(0)).isInstanceOf(UserException.class);
    }

    @Test
    void cancellationStopsTheProfile() {
        TaskContext cancelled = new TaskContext() {
            @Override public void progress(long done, long total, String message) { }
            @Override public boolean isCancelled() { return true; }
        };
        List<Column> cols = new ArrayList<>(sample().columns());
        Dataset ds = new Dataset("c", cols);
        assertThatThrownBy(() -> ColumnProfiler.profile(ds, ProfileOptions.defaults(), cancelled)).isInstanceOf(CancelledException.class);
    }

    @Test
    void csvHasOneRowPerColumn() {
        String csv = ColumnProfiler.profile(sample(), ProfileOptions.defaults(), TaskContext.NONE).toCsv();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(8);
        assertThat(lines[0]).startsWith("name,type,count,missing,missing_share,distinct,mean,std,min,p5");
        assertThat(lines[1]).startsWith("x,decimal,8,2,0.2,7,15.78125,");
        assertThat(lines[5]).startsWith("d,date,8,2,0.2,7,").contains(",2023-12-27T10:48,");
    }
}
