package io.segmenta.core.campaign;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignBuilderTest {

    private static Map<String, Integer> cells(CampaignList l) {
        Map<String, Integer> m = new HashMap<>();
        for (Assignment a : l.assignments()) m.merge(a.segment() + "|" + (a.group() == Group.HOLDOUT ? "holdout" : a.creative()), 1, Integer::sum);
        return m;
    }

    @Test
    void stratifiedAllocationIsExactPerSegmentCreativeAndHoldout() {
        Dataset ds = Customers.dataset(2000, 2000, 2000, 2000, 2000);
        CampaignList l = CampaignBuilder.build(ds, Customers.stratified(1000, 5, Holdout.share(0.1), 42), TaskContext.NONE);
        assertThat(l.size()).isEqualTo(1000);
        assertThat(l.holdoutCount()).isEqualTo(100);
        assertThat(l.creativeTotals()).containsExactly(Map.entry("A", 180), Map.entry("B", 180), Map.entry("C", 180),
                Map.entry("D", 180), Map.entry("E", 180));
        Map<String, Integer> c = cells(l);
        for (int s = 1; s <= 5; s++) {
            for (String cr : List.of("A", "B", "C", "D", "E")) assertThat(c.get("S" + s + "|" + cr)).as("S%d %s", s, cr).isEqualTo(36);
            assertThat(c.get("S" + s + "|holdout")).isEqualTo(20);
        }
        // the preview lists the same cells
        assertThat(l.counts()).hasSize(5 * 6).allSatisfy(cc -> assertThat(cc.count()).isEqualTo(cc.group() == Group.HOLDOUT ? 20 : 36));
        assertThat(l.assignments().stream().map(Assignment::id).distinct().count()).isEqualTo(1000);
        assertThat(l.seed()).isEqualTo(42);
    }

    @Test
    void stratifiedAllocationFollowsUnequalSegmentsWithinOne() {
        Dataset ds = Customers.dataset(5000, 3000, 2000);
        CampaignList l = CampaignBuilder.build(ds, Customers.stratified(1000, 4, Holdout.count(100), 7), TaskContext.NONE);
        Map<String, Integer> c = cells(l);
        int[] segTotals = {500, 300, 200};
        for (int s = 0; s < 3; s++) {
            int total = 0;
            for (String cell : List.of("A", "B", "C", "D", "holdout")) {
                int v = c.getOrDefault("S" + (s + 1) + "|" + cell, 0);
                double expected = segTotals[s] * (cell.equals("holdout") ? 100 : 225) / 1000.0;
                assertThat((double) v).as("S%d %s", s + 1, cell).isBetween(Math.floor(expected) - 0.0, Math.ceil(expected));
                total += v;
            }
            assertThat(total).isEqualTo(segTotals[s]);
        }
        assertThat(l.creativeTotals().values()).containsOnly(225);
        assertThat(l.holdoutCount()).isEqualTo(100);
        assertThat(l.segmentPopulation()).containsExactly(5000, 3000, 2000);
    }

    @Test
    void perSegmentGivesEachSegmentItsCreativeAndAHoldout() {
        Dataset ds = Customers.dataset(400, 300, 250);
        CampaignDefinition def = CampaignDefinition.of("customers", "customer_id", "segment_name", 600, 3, Allocation.PER_SEGMENT,
                Holdout.count(30), 3);
        CampaignList l = CampaignBuilder.build(ds, def, TaskContext.NONE);
        Map<String, Integer> c = cells(l);
        assertThat(c).containsOnly(Map.entry("S1|A", 190), Map.entry("S1|holdout", 10), Map.entry("S2|B", 190),
                Map.entry("S2|holdout", 10), Map.entry("S3|C", 190), Map.entry("S3|holdout", 10));
    }

    @Test
    void sameSeedSameListOtherSeedOtherListRowOrderIrrelevant() {
        Dataset ds = Customers.dataset(700, 500, 300);
        CampaignDefinition def = Customers.stratified(300, 3, Holdout.share(0.2), 99);
        CampaignList a = CampaignBuilder.build(ds, def, TaskContext.NONE);
        CampaignList b = CampaignBuilder.build(ds, def, TaskContext.NONE);
        assertThat(b.assignments()).isEqualTo(a.assignments());
        CampaignList other = CampaignBuilder.build(ds, def.withSeed(100), TaskContext.NONE);
        assertThat(other.assignments().stream().map(Assignment::id).toList())
                .isNotEqualTo(a.assignments().stream().map(Assignment::id).toList());
        assertThat(other.sourceHash()).isEqualTo(a.sourceHash());

        List<Integer> order = new ArrayList<>(IntStream.range(0, ds.rowCount()).boxed().toList());
        Collections.shuffle(order, new Random(5));
        Dataset shuffled = ds.select(order.stream().mapToInt(Integer::intValue).toArray());
        CampaignList c = CampaignBuilder.build(shuffled, def, TaskContext.NONE);
        assertThat(c.sourceHash()).isEqualTo(a.sourceHash());
        assertThat(c.assignments().stream().map(x -> x.id() + x.segment() + x.creative() + x.group()).toList())
                .isEqualTo(a.assignments().stream().map(x -> x.id() + x.segment() + x.creative() + x.group()).toList());
    }

    @Test
    void rebuildFromSavedArtifactIsIdenticalAndDetectsChangedData() {
        Dataset ds = Customers.dataset(600, 400);
        CampaignDefinition def = new CampaignDefinition("customers", RowFilter.parse("age>=30"), "p_buy", 0.2, "tier",
                List.of("Gold", "Silver"), 400, "p_buy", "segment_name", "customer_id",
                new Suppression("unsub.csv", List.of("C00002", "C00005")), 200, List.of("Spring", "Summer"), Allocation.STRATIFIED,
                Holdout.share(0.1), 2024);
        CampaignList built = CampaignBuilder.build(ds, def, TaskContext.NONE);
        CampaignList saved = CampaignArtifacts.fromArtifact(CampaignArtifacts.toArtifact(built, "wave1", null));
        assertThat(saved.definition()).isEqualTo(def);
        assertThat(saved).isEqualTo(built);
        CampaignList rebuilt = CampaignBuilder.rebuild(ds, saved, TaskContext.NONE);
        assertThat(rebuilt.assignments()).isEqualTo(built.assignments());
        assertThat(rebuilt.sourceHash()).isEqualTo(built.sourceHash());

        int[] keepAll = IntStream.range(0, ds.rowCount()).toArray();
        assertThat(CampaignBuilder.rebuild(ds.select(keepAll), saved, TaskContext.NONE).assignments()).isEqualTo(built.assignments());
        // dropping a row that was eligible always changes the hash
        String eligibleId = built.assignments().get(0).id();
        int row = built.assignments().get(0).row();
        Dataset without = ds.select(IntStream.range(0, ds.rowCount()).filter(r -> r != row).toArray());
        assertThat(ds.column("customer_id").format(row)).isEqualTo(eligibleId);
        assertThatThrownBy(() -> CampaignBuilder.rebuild(without, saved, TaskContext.NONE)).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("campaign.error.hashMismatch");
    }

    @Test
    void funnelCountsEachStepAndTopNTakesTheHighestScores() {
        Dataset ds = Customers.dataset(600, 400);
        CampaignDefinition def = new CampaignDefinition("customers", RowFilter.parse("age>=30"), "p_buy", 0.2, "tier",
                List.of("Gold", "Silver"), 300, "p_buy", "segment_name", "customer_id",
                new Suppression("unsub", List.of("C00002", "C00005", "NOPE")), 300, List.of("A", "B"), Allocation.STRATIFIED,
                Holdout.NONE, 1);
        CampaignList l = CampaignBuilder.build(ds, def, TaskContext.NONE);
        // independent count of each step
        int afterFilter = 0, afterScore = 0, afterTier = 0, suppressed = 0;
        List<double[]> pool = new ArrayList<>();
        for (int r = 0; r < ds.rowCount(); r++) {
            if (ds.column("age").getDouble(r) < 30) continue;
            afterFilter++;
            double s = ds.column("p_buy").getDouble(r);
            if (s < 0.2) continue;
            afterScore++;
            String t = ds.column("tier").format(r);
            if (!t.equals("Gold") && !t.equals("Silver")) continue;
            afterTier++;
            String id = ds.column("customer_id").format(r);
            if (id.equals("C00002") || id.equals("C00005")) { suppressed++; continue; }
            pool.add(new double[]{s, r});
        }
        Funnel f = l.funnel();
        assertThat(f.sourceRows()).isEqualTo(1000);
        assertThat(f.afterFilter()).isEqualTo(afterFilter);
        assertThat(f.afterScore()).isEqualTo(afterScore);
        assertThat(f.afterTier()).isEqualTo(afterTier);
        assertThat(f.suppressed()).isEqualTo(suppressed);
        assertThat(f.population()).isEqualTo(300);
        pool.sort((x, y) -> Double.compare(y[0], x[0]));
        Set<String> top = new HashSet<>();
        for (int i = 0; i < 300; i++) top.add(ds.column("customer_id").format((int) pool.get(i)[1]));
        // the whole eligible population is on the list (size = population), so it is exactly the top 300
        assertThat(l.assignments().stream().map(Assignment::id).toList()).containsExactlyInAnyOrderElementsOf(top);
    }

    @Test
    void suppressionExcludesIdsAndReportsHowMany() {
        Dataset ds = Customers.dataset(100, 100);
        List<String> unsub = new ArrayList<>();
        for (int i = 1; i <= 30; i++) unsub.add(String.format("C%05d", i * 7));   // 28 of these exist (up to C00200)
        unsub.add(" C00001 ");
        unsub.add("c00003"); // regression: an id typed in lower case did not keep C00003 out
        CampaignDefinition def = Customers.stratified(150, 2, Holdout.NONE, 8).withSuppression(new Suppression("unsub.csv", unsub));
        CampaignList l = CampaignBuilder.build(ds, def, TaskContext.NONE);
        assertThat(l.funnel().suppressed()).isEqualTo(30);
        assertThat(l.funnel().population()).isEqualTo(170);
        Set<String> out = new HashSet<>();
        for (String s : def.suppression().ids()) out.add(Suppression.key(s));
        assertThat(l.assignments()).noneMatch(a -> out.contains(Suppression.key(a.id())));
    }

    @Test
    void impossibleRequestsSayWhyWithTheNumbers() {
        Dataset ds = Customers.dataset(300, 200, 100);
        assertThatThrownBy(() -> CampaignBuilder.build(ds, Customers.stratified(601, 2, Holdout.NONE, 1), TaskContext.NONE))
                .isInstanceOf(UserException.class).satisfies(e -> {
                    assertThat(((UserException) e).key()).isEqualTo("campaign.error.sizeTooLarge");
                    assertThat(((UserException) e).args()).containsExactly(601, 600);
                    assertThat(e.getMessage()).contains("601").contains("600");
                });
        CampaignDefinition perSeg = CampaignDefinition.of("customers", "customer_id", "segment_name", 450, 3, Allocation.PER_SEGMENT, Holdout.NONE, 1);
        assertThatThrownBy(() -> CampaignBuilder.build(ds, perSeg, TaskContext.NONE)).isInstanceOf(UserException.class)
                .satisfies(e -> {
                    assertThat(((UserException) e).key()).isEqualTo("campaign.error.stratumTooSmall");
                    assertThat(((UserException) e).args()).containsExactly("S3", 100, 150);
                });
        CampaignDefinition mismatch = CampaignDefinition.of("customers", "customer_id", "segment_name", 90, 2, Allocation.PER_SEGMENT, Holdout.NONE, 1);
        assertThatThrownBy(() -> CampaignBuilder.build(ds, mismatch, TaskContext.NONE)).isInstanceOf(UserException.class)
                .satisfies(e -> {
                    assertThat(((UserException) e).key()).isEqualTo("campaign.error.creativesVsSegments");
                    assertThat(((UserException) e).args()).containsExactly(2, 3, "\"S1\", \"S2\", \"S3\"");
                });
        assertThatThrownBy(() -> Customers.stratified(100, 2, Holdout.count(100), 1)).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("campaign.error.holdoutTooLarge");
        assertThatThrownBy(() -> Customers.stratified(10, 5, Holdout.share(0.6), 1)).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("campaign.error.tooFewTreatment");
        Dataset dup = ds.select(new int[]{0, 1, 2, 2});
        assertThatThrownBy(() -> CampaignBuilder.build(dup, Customers.stratified(2, 1, Holdout.NONE, 1), TaskContext.NONE))
                .isInstanceOf(UserException.class).satisfies(e -> {
                    assertThat(((UserException) e).key()).isEqualTo("campaign.error.duplicateId");
                    assertThat(((UserException) e).args()).containsExactly("C00003", 2, "customer_id");
                });
        assertThatThrownBy(() -> CampaignBuilder.build(ds, new CampaignDefinition("customers", RowFilter.NONE, null, null, null, List.of(),
                null, null, "segment_name", "nope", null, 10, List.of("A"), Allocation.STRATIFIED, Holdout.NONE, 1), TaskContext.NONE))
                .isInstanceOf(UserException.class).extracting(e -> ((UserException) e).key()).isEqualTo("campaign.error.unknownColumn");
    }

    @Test
    void holdoutParsesSharesPercentagesAndCounts() {
        assertThat(Holdout.parse("0.1").sizeFor(1000)).isEqualTo(100);
        assertThat(Holdout.parse("15%").sizeFor(200)).isEqualTo(30);
        assertThat(Holdout.parse("250").sizeFor(1000)).isEqualTo(250);
        assertThat(Holdout.parse(null)).isEqualTo(Holdout.NONE);
        assertThatThrownBy(() -> Holdout.parse("ten")).isInstanceOf(UserException.class);
        assertThatThrownBy(() -> Holdout.parse("1.5")).isInstanceOf(UserException.class);
        assertThat(CampaignBuilder.dealCells(new int[]{3, 1}, 4)).containsExactly(0, 0, 1, 0);
        assertThat(CampaignBuilder.proportional(10, new int[]{5, 3, 2})).containsExactly(5, 3, 2);
        assertThat(CampaignBuilder.proportional(7, new int[]{1, 1, 1})).containsExactly(3, 2, 2);
    }

    /** Regression: Kaggle's Churn_Modelling exported RowNumber, its first id-like column, as the customer id. */
    @Test
    void theIdColumnIsTheOneNamedLikeACustomerIdNotTheRowNumber() {
        java.util.function.Function<String, io.segmenta.core.data.Column> idLike =
                n -> new io.segmenta.core.data.LongColumn(n, new long[]{1, 2, 3}, null, true);
        io.segmenta.core.data.Dataset churn = new io.segmenta.core.data.Dataset("c", List.of(idLike.apply("RowNumber"),
                idLike.apply("CustomerId"), io.segmenta.core.data.StringColumn.of("Surname", false, "a", "b", "c")));
        assertThat(CampaignDefinition.guessIdColumn(churn)).isEqualTo("CustomerId");
        io.segmenta.core.data.Dataset spanish = new io.segmenta.core.data.Dataset("s", List.of(idLike.apply("index"),
                idLike.apply("Código cliente")));
        assertThat(CampaignDefinition.guessIdColumn(spanish)).isEqualTo("Código cliente");
        for (String name : List.of("cliente_id", "cust_id", "CustNo")) {
            io.segmenta.core.data.Dataset d = new io.segmenta.core.data.Dataset("d", List.of(idLike.apply("id"), idLike.apply(name)));
            assertThat(CampaignDefinition.guessIdColumn(d)).as(name).isEqualTo(name);
        }
        io.segmenta.core.data.Dataset rowsOnly = new io.segmenta.core.data.Dataset("r", List.of(idLike.apply("RowNumber"),
                idLike.apply("ticket")));
        assertThat(CampaignDefinition.guessIdColumn(rowsOnly)).isEqualTo("ticket");
        io.segmenta.core.data.Dataset none = new io.segmenta.core.data.Dataset("n",
                List.of(new io.segmenta.core.data.LongColumn("age", new long[]{1, 2, 3}, null)));
        assertThat(CampaignDefinition.guessIdColumn(none)).isNull();
    }
}
