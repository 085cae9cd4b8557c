package io.segmenta.core.campaign;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Bad input to the campaign and A/B core: never silently reinterpreted, always a clear error or a note. */
class AbInputValidationTest {
    private Locale saved;

    @BeforeEach
    void english() {
        saved = I18n.locale();
        I18n.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() { I18n.setLocale(saved); }

    private static UserException thrown(Runnable r) {
        try {
            r.run();
        } catch (UserException e) {
            return e;
        }
        throw new AssertionError("no UserException");
    }

    private static ResultColumns cols(String arm, String converted, String revenue) {
        return new ResultColumns(arm, null, null, null, null, null, null, converted, revenue, null, null, null, null);
    }

    /** {@code n} rows, arms A/B alternating, with the given converted and revenue columns. */
    private static Dataset results(Column converted, Column revenue) {
        int n = converted.size();
        String[] arms = new String[n];
        for (int i = 0; i < n; i++) arms[i] = i % 2 == 0 ? "A" : "B";
        List<Column> cs = new ArrayList<>(List.of(StringColumn.of("arm", true, arms), converted));
        if (revenue != null) cs.add(revenue);
        return new Dataset("results", cs);
    }

    private static double[] zeros(int n) { return new double[n]; }

    // ---- bug 2: absurd number of arms, and an analysis that scales ----

    @Test
    void anArmColumnWithThousandsOfValuesIsRejectedBeforeAnyWork() {
        int n = 5000;
        String[] arms = new String[n];
        long[] conv = new long[n];
        for (int i = 0; i < n; i++) { arms[i] = "arm" + i; conv[i] = i % 2; }
        Dataset ds = new Dataset("many", List.of(StringColumn.of("arm", true, arms), new LongColumn("converted", conv, new BitSet())));
        UserException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> thrown(() -> AbAnalysis.analyze(AbResultsLoader.perCustomer(ds, cols("arm", "converted", null)), AbOptions.defaults())));
        assertThat(e.key()).isEqualTo("campaign.ab.tooManyArms");
        assertThat(e.getMessage()).contains("Column arm has 5,000 different values").contains("creatives or variants")
                .contains("\"arm0\", \"arm1\", \"arm2\"");
    }

    @Test
    void aggregatedResultsWithTooManyArmsAreRejectedToo() {
        int k = AbResultsLoader.MAX_ARMS + 1;
        String[] arms = new String[k];
        long[] sends = new long[k];
        long[] conv = new long[k];
        for (int i = 0; i < k; i++) { arms[i] = "V" + i; sends[i] = 100; conv[i] = i % 10; }
        Dataset ds = new Dataset("agg", List.of(StringColumn.of("variant", true, arms), new LongColumn("sends", sends, new BitSet()),
                new LongColumn("conv", conv, new BitSet())));
        UserException e = thrown(() -> AbResultsLoader.aggregated(ds,
                new AggregateColumns("variant", null, "sends", null, null, null, null, "conv", null)));
        assertThat(e.key()).isEqualTo("campaign.ab.tooManyArms");
        assertThat(e.getMessage()).contains("Column variant has " + k + " different values");
        // exactly the limit is fine (every list the app can build, 52 creatives and a holdout, stays analysable)
        Dataset ok = ds.select(java.util.stream.IntStream.range(0, AbResultsLoader.MAX_ARMS).toArray());
        AbReport r = AbAnalysis.analyze(AbResultsLoader.aggregated(ok,
                new AggregateColumns("variant", null, "sends", null, null, null, null, "conv", null)), AbOptions.defaults());
        assertThat(r.arms()).hasSize(AbResultsLoader.MAX_ARMS);
        assertThat(AbResultsLoader.MAX_ARMS).isGreaterThanOrEqualTo(53);
    }

    @Test
    void probabilityBestScalesWithTheNumberOfArms() {
        // many overlapping posteriors: the old per-arm integration was cubic in the arms (minutes here)
        List<BayesianComparison.Posterior> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) many.add(BayesianComparison.Posterior.of(i % 7, 50));
        BayesianComparison.Result r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> BayesianComparison.compare(many));
        double sum = 0;
        for (double p : r.probabilityBest()) sum += p;
        assertThat(sum).isCloseTo(1.0, within(1e-6));
        // same figures as before for a small contest (scipy, see StatisticsTest)
        BayesianComparison.Result small = BayesianComparison.compare(List.of(BayesianComparison.Posterior.of(120, 1000),
                BayesianComparison.Posterior.of(150, 1000), BayesianComparison.Posterior.of(95, 1000)));
        assertThat(small.probabilityBest()[1]).isCloseTo(0.9750225327342711, within(1e-7));
    }

    // ---- bug 3: duplicate result rows of a listed customer ----

    @Test
    void twoResultRowsForOneListedCustomerAreAnError() {
        Map<String, AbResultsLoader.Listed> listed = new java.util.LinkedHashMap<>();
        listed.put("C1", new AbResultsLoader.Listed("all", "A"));
        listed.put("C2", new AbResultsLoader.Listed("all", "B"));
        Dataset res = new Dataset("res", List.of(StringColumn.of("customer_id", false, "C1", "C2", "C1"),
                new LongColumn("converted", new long[]{1, 0, 0}, new BitSet())));
        UserException e = thrown(() -> AbResultsLoader.joined(res, new ResultColumns(null, null, "customer_id", null, null, null, null,
                "converted", null, null, null, null, null), listed));
        assertThat(e.key()).isEqualTo("campaign.ab.duplicateResult");
        assertThat(e.getMessage()).contains("C1").contains("row 1").contains("row 3");

        // regression: per-customer results with an id column counted a customer's second row as a second send
        Dataset perCustomer = new Dataset("res", List.of(StringColumn.of("arm", true, "A", "B", "A"),
                StringColumn.of("customer_id", false, "C1", "C2", "C1"), new LongColumn("converted", new long[]{1, 0, 0}, new BitSet())));
        UserException p = thrown(() -> AbResultsLoader.perCustomer(perCustomer, new ResultColumns("arm", null, "customer_id", null, null,
                null, null, "converted", null, null, null, null, null)));
        assertThat(p.key()).isEqualTo("campaign.ab.duplicateResult");

        // regression: results of another list (no id matches) gave every arm 0 % with exit 0
        Dataset foreign = new Dataset("res", List.of(StringColumn.of("customer_id", false, "X1", "X2"),
                new LongColumn("converted", new long[]{1, 0}, new BitSet())));
        UserException f = thrown(() -> AbResultsLoader.joined(foreign, new ResultColumns(null, null, "customer_id", null, null, null, null,
                "converted", null, null, null, null, null), listed));
        assertThat(f.key()).isEqualTo("campaign.ab.noMatch");
        assertThat(f.getMessage()).contains("None of the 2 result rows names a customer of the list (2 customers) by column customer_id");
    }

    // ---- bug 5: outcomes must be yes/no, amounts finite and ≥ 0 ----

    @Test
    void numbersOtherThanZeroOrOneAreNotYesNo() {
        for (double bad : new double[]{-1, 0.5, 2}) {
            double[] v = zeros(10);
            v[6] = bad;
            Dataset ds = results(new DoubleColumn("converted", v, new BitSet()), null);
            UserException e = thrown(() -> AbResultsLoader.perCustomer(ds, cols("arm", "converted", null)));
            assertThat(e.key()).isEqualTo("campaign.ab.notYesNo");
            assertThat(e.getMessage()).contains("converted").contains("row 7");
        }
        String[] words = {"yes", "no", "maybe", "yes"};
        Dataset ds = results(StringColumn.of("converted", true, words), null);
        UserException e = thrown(() -> AbResultsLoader.perCustomer(ds, cols("arm", "converted", null)));
        assertThat(e.key()).isEqualTo("campaign.ab.notYesNo");
        assertThat(e.getMessage()).contains("\"maybe\"").contains("row 3");
        // the accepted spellings
        Dataset ok = results(StringColumn.of("converted", true, "yes", "no", "Sí", "0", "1", "TRUE", "false", "x"), null);
        AbData d = AbResultsLoader.perCustomer(ok, cols("arm", "converted", null));
        assertThat(d.arms().stream().mapToLong(ArmCounts::converted).sum()).isEqualTo(5);
    }

    @Test
    void amountsMustBeFiniteNumbersOfZeroOrMore() {
        double[] conv = zeros(6);
        Dataset text = results(new DoubleColumn("converted", conv, new BitSet()), StringColumn.of("spend", false, "1", "2", "lots", "3", "4", "5"));
        UserException e = thrown(() -> AbResultsLoader.perCustomer(text, cols("arm", "converted", "spend")));
        assertThat(e.key()).isEqualTo("campaign.ab.badAmount");
        assertThat(e.getMessage()).contains("spend").contains("\"lots\"").contains("row 3");
        for (double bad : new double[]{Double.POSITIVE_INFINITY, -5}) {
            double[] rev = {1, 2, 3, 4, bad, 6};
            Dataset ds = results(new DoubleColumn("converted", conv, new BitSet()), new DoubleColumn("spend", rev, new BitSet()));
            UserException x = thrown(() -> AbResultsLoader.perCustomer(ds, cols("arm", "converted", "spend")));
            assertThat(x.key()).isEqualTo("campaign.ab.badAmount");
            assertThat(x.getMessage()).contains("spend").contains("row 5");
        }
    }

    // ---- bug 6: aggregated negative amounts and counts ----

    @Test
    void negativeAggregatedValuesNameColumnRowAndValue() {
        Dataset ds = new Dataset("agg_negspend", List.of(StringColumn.of("creative", true, "A", "B"),
                new LongColumn("sends", new long[]{100, 100}, new BitSet()), new LongColumn("converted", new long[]{5, 7}, new BitSet()),
                new DoubleColumn("spend", new double[]{0, -5}, new BitSet())));
        UserException e = thrown(() -> AbResultsLoader.aggregated(ds,
                new AggregateColumns("creative", null, "sends", null, null, null, null, "converted", "spend")));
        assertThat(e.key()).isEqualTo("campaign.ab.badAmount");
        assertThat(e.getMessage()).contains("spend").contains("row 2").contains("-5").doesNotContain("count");
        Dataset neg = new Dataset("agg", List.of(StringColumn.of("creative", true, "A", "B"),
                new LongColumn("sends", new long[]{100, 100}, new BitSet()), new LongColumn("converted", new long[]{5, -7}, new BitSet())));
        UserException c = thrown(() -> AbResultsLoader.aggregated(neg,
                new AggregateColumns("creative", null, "sends", null, null, null, null, "converted", null)));
        assertThat(c.key()).isEqualTo("campaign.ab.negativeCount");
        assertThat(c.getMessage()).contains("converted").contains("row 2").contains("-7");
    }

    @Test
    void moreOpensClicksOrPurchasesThanSendsAreAnInputError() {
        // regression: opened 2000 of 1000 sends reached the Beta posterior and ended in an internal error
        Dataset ds = new Dataset("agg_open", List.of(StringColumn.of("arm", true, "A", "B"),
                new LongColumn("sends", new long[]{1000, 1000}, new BitSet()), new LongColumn("converted", new long[]{5, 50}, new BitSet()),
                new LongColumn("opened", new long[]{2000, 10}, new BitSet())));
        UserException e = thrown(() -> AbResultsLoader.aggregated(ds,
                new AggregateColumns("arm", null, "sends", null, null, "opened", null, "converted", null)));
        assertThat(e.key()).isEqualTo("campaign.ab.countAboveSends");
        assertThat(e.getMessage()).contains("Column opened holds 2000 in row 1, more than the 1000 sends");
        Dataset conv = new Dataset("agg", List.of(StringColumn.of("arm", true, "A"),
                new LongColumn("sends", new long[]{10}, new BitSet()), new LongColumn("converted", new long[]{11}, new BitSet())));
        assertThat(thrown(() -> AbResultsLoader.aggregated(conv,
                new AggregateColumns("arm", null, "sends", null, null, null, null, "converted", null))).key()).isEqualTo("campaign.ab.countAboveSends");
    }

    // ---- bug 7 and 1: messages with every placeholder filled; a blank list name ----

    @Test
    void tiersWithoutATierColumnNameTheTiers() {
        UserException e = thrown(() -> new CampaignDefinition("customers", null, null, null, null, List.of("Gold", "Silver"), null, null,
                null, "customer_id", null, 10, List.of("A"), Allocation.STRATIFIED, Holdout.NONE, 1));
        assertThat(e.key()).isEqualTo("campaign.def.tiersNeedColumn");
        assertThat(e.getMessage()).contains("Gold, Silver").doesNotContain("{");
    }

    @Test
    void aBlankListNameIsAUserError() {
        Dataset ds = Customers.dataset(50, 50);
        CampaignList list = CampaignBuilder.build(ds, Customers.stratified(20, 2, Holdout.NONE, 3), TaskContext.NONE);
        for (String blank : new String[]{"", "  ", null}) {
            UserException e = thrown(() -> CampaignArtifacts.toArtifact(list, blank, Instant.EPOCH));
            assertThat(e.key()).isEqualTo("campaign.error.blankName");
        }
    }

    // ---- bug 8b: a suppression table without the id column ----

    @Test
    void aSuppressionTableWithoutTheListsIdColumnIsAnError() {
        Dataset table = new Dataset("sup_other", List.of(StringColumn.of("other", false, "X")));
        UserException e = thrown(() -> Suppression.fromTable(table, null, "customer_id", "sup_other.csv"));
        assertThat(e.key()).isEqualTo("campaign.error.suppressionNoIdColumn");
        assertThat(e.getMessage()).contains("sup_other.csv").contains("other").contains("customer_id");
        // the same name in another case or spelling is found; an explicit column is used as given
        Dataset other = new Dataset("s", List.of(StringColumn.of("Customer ID", false, "C00001")));
        assertThat(Suppression.fromTable(other, null, "customer_id", "s.csv").ids()).containsExactly("C00001");
        assertThat(Suppression.fromTable(table, "other", "customer_id", "sup_other.csv").ids()).containsExactly("X");
    }
    @Test
    void conversionsWithoutRevenueAreCountedAsZeroAndSaid() {
        String[] arms = {"A", "A", "B", "B"};
        long[] conv = {1, 1, 1, 0};
        BitSet noRevenue = new BitSet();
        noRevenue.set(1);
        Dataset ds = new Dataset("r", List.of(StringColumn.of("arm", true, arms), new LongColumn("converted", conv, new BitSet()),
                new DoubleColumn("revenue", new double[]{20, 0, 35, 0}, noRevenue)));
        AbData d = AbResultsLoader.perCustomer(ds, cols("arm", "converted", "revenue"));
        assertThat(d.arms().get(0).revenue()).isEqualTo(20.0);
        assertThat(d.notes()).singleElement().satisfies(n -> {
            assertThat(n.key()).isEqualTo("campaign.ab.note.noRevenue");
            assertThat(n.message()).contains("One row converted with no value in column revenue").contains("row 2");
        });
    }

    // ---- bug 4: rows without an arm are left out with a note ----

    @Test
    void rowsWithoutAnArmAreCountedInANote() {
        String[] arms = new String[300];
        long[] conv = new long[300];
        for (int i = 0; i < 300; i++) arms[i] = i % 3 == 0 ? "A" : i % 3 == 1 ? "B" : null;
        BitSet none = new BitSet();
        Dataset ds = new Dataset("r", List.of(StringColumn.of("arm", true, arms), new LongColumn("converted", conv, none)));
        AbData d = AbResultsLoader.perCustomer(ds, cols("arm", "converted", null));
        assertThat(d.arms()).extracting(ArmCounts::sends).containsExactly(100L, 100L);
        assertThat(d.notes()).hasSize(1);
        assertThat(d.notes().get(0).key()).isEqualTo("campaign.ab.note.noArm");
        assertThat(d.notes().get(0).message()).contains("100 rows").contains("column arm").contains("row 3");
        Dataset full = ds.select(new int[]{0, 1, 3, 4});
        assertThat(AbResultsLoader.perCustomer(full, cols("arm", "converted", null)).notes()).isEmpty();
    }

    // ---- bug 8a: a suppression file is read completely or not at all ----

    @Test
    void aSuppressionFileWithRejectedRowsOrUnreadableIdsIsAnError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path ragged = dir.resolve("sup_ragged.csv");
        java.nio.file.Files.writeString(ragged, "customer_id,x\nC000001\nC000002,1,2,3\nC000003,1\n");
        UserException e = thrown(() -> Suppression.fromImport(io.segmenta.core.io.CsvImporter.importFiles(
                io.segmenta.core.io.ImportRequest.of(ragged), TaskContext.NONE), null, "customer_id"));
        assertThat(e.key()).isEqualTo("campaign.error.suppressionRowsRejected");
        assertThat(e.getMessage()).contains("2 rows").contains("sup_ragged.csv").contains("line 2");

        StringBuilder sb = new StringBuilder("customer_id\n");
        for (int i = 1; i <= 50; i++) sb.append(1000 + i).append('\n');
        sb.append("10x7\n");
        java.nio.file.Path numeric = dir.resolve("sup_numbers.csv");
        java.nio.file.Files.writeString(numeric, sb.toString());
        UserException u = thrown(() -> Suppression.fromImport(io.segmenta.core.io.CsvImporter.importFiles(
                io.segmenta.core.io.ImportRequest.of(numeric), TaskContext.NONE), null, "customer_id"));
        assertThat(u.key()).isEqualTo("campaign.error.suppressionUnreadable");
        assertThat(u.getMessage()).contains("\"10x7\"").contains("line 52 of sup_numbers.csv");

        java.nio.file.Path good = dir.resolve("sup.csv");
        java.nio.file.Files.writeString(good, "customer_id\nC000001\nC000002\n");
        Suppression s = Suppression.fromImport(io.segmenta.core.io.CsvImporter.importFiles(io.segmenta.core.io.ImportRequest.of(good),
                TaskContext.NONE), null, "customer_id");
        assertThat(s.ids()).containsExactly("C000001", "C000002");
        assertThat(s.source()).isEqualTo("sup.csv");
    }
}
