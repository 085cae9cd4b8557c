package io.segmenta.core.sample;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.join.JoinRequest;
import io.segmenta.core.join.JoinResult;
import io.segmenta.core.join.JoinService;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleDataGeneratorTest {

    private static SampleData data;
    private static Dataset customers;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateDefault() {
        data = SampleDataGenerator.generate();
        customers = data.customers();
    }

    private static double mean(String column, IntPredicate rows) {
        Column c = customers.column(column);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            if (!rows.test(i) || c.isMissing(i)) continue;
            sum += c.getDouble(i);
            n++;
        }
        assertThat(n).as("rows selected for " + column).isGreaterThan(100);
        return sum / n;
    }

    private static double appShare(IntPredicate rows) {
        Column ch = customers.column("channel");
        int n = 0;
        int app = 0;
        for (int i = 0; i < ch.size(); i++) {
            if (!rows.test(i)) continue;
            n++;
            if ("app".equals(ch.format(i))) app++;
        }
        return (double) app / n;
    }

    private static IntPredicate in(Segment s) { return i -> data.segments().get(i) == s; }

    private static IntPredicate notIn(Segment s) { return i -> data.segments().get(i) != s; }

    private static double value(String column, int row) { return customers.column(column).getDouble(row); }

    @Test
    void sameSeedGivesIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        SampleDataGenerator.write(SampleDataGenerator.generate(1500, 7, TaskContext.NONE), a, TaskContext.NONE);
        SampleDataGenerator.write(SampleDataGenerator.generate(1500, 7, TaskContext.NONE), b, TaskContext.NONE);
        SampleDataGenerator.write(SampleDataGenerator.generate(1500, 8, TaskContext.NONE), c, TaskContext.NONE);
        for (String f : List.of(SampleDataGenerator.CUSTOMERS_FILE, SampleDataGenerator.TRANSACTIONS_FILE,
                SampleDataGenerator.PROVINCES_FILE, SampleDataGenerator.README_FILE)) {
            assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
        assertThat(Files.readAllBytes(a.resolve(SampleDataGenerator.CUSTOMERS_FILE)))
                .isNotEqualTo(Files.readAllBytes(c.resolve(SampleDataGenerator.CUSTOMERS_FILE)));
        assertThat(Files.readAllBytes(a.resolve(SampleDataGenerator.TRANSACTIONS_FILE)))
                .isNotEqualTo(Files.readAllBytes(c.resolve(SampleDataGenerator.TRANSACTIONS_FILE)));
    }

    @Test
    void rowCountsAndColumns() {
        assertThat(customers.rowCount()).isEqualTo(20_000);
        assertThat(customers.columnNames()).containsExactly("customer_id", "age", "gender", "province_code", "income",
                "tenure_months", "signup_date", "recency_days", "frequency", "monetary", "open_rate", "ctr", "channel",
                "churned", "converted", "spend");
        assertThat(data.transactions().rowCount()).isBetween(150_000, 250_000);
        assertThat(data.transactions().columnNames()).containsExactly("customer_id", "order_id", "order_date", "amount");
        assertThat(data.provinces().rowCount()).isEqualTo(52);
        assertThat(data.segments()).hasSize(20_000);
        assertThat(customers.column("customer_id").format(0)).isEqualTo("C000001");
        assertThat(customers.column("customer_id").format(19_999)).isEqualTo("C020000");
        assertThat(customers.column("income").type()).isEqualTo(ColumnType.DECIMAL);
        for (String c : customers.columnNames()) assertThat(customers.description(c)).as(c).isPresent();
    }

    @Test
    void valuesStayInRange() {
        Set<String> channels = new HashSet<>(SampleDataGenerator.CHANNELS);
        Set<String> codes = new HashSet<>();
        for (SpainProvinces.Province p : SpainProvinces.ALL) codes.add(p.code());
        int n = customers.rowCount();
        int incomeMissing = customers.column("income").missingCount();
        assertThat(incomeMissing).isBetween(n / 50, n / 8);
        for (int i = 0; i < n; i++) {
            assertThat(value("age", i)).isBetween(18.0, 90.0);
            assertThat(customers.column("gender").format(i)).isIn("F", "M");
            assertThat(codes).contains(customers.column("province_code").format(i));
            if (!customers.column("income").isMissing(i)) assertThat(value("income", i)).isBetween(6_000.0, 2_000_000.0);
            assertThat(value("tenure_months", i)).isBetween(1.0, 180.0);
            assertThat(value("recency_days", i)).isBetween(1.0, 731.0);
            assertThat(value("frequency", i)).isBetween(0.0, 200.0);
            assertThat(value("monetary", i)).isGreaterThanOrEqualTo(0.0);
            assertThat(value("monetary", i) > 0).isEqualTo(value("frequency", i) > 0);
            assertThat(value("open_rate", i)).isBetween(0.0, 0.95);
            assertThat(value("ctr", i)).isBetween(0.0, value("open_rate", i));
            assertThat(channels).contains(customers.column("channel").format(i));
            assertThat(value("churned", i)).isIn(0.0, 1.0);
            assertThat(value("converted", i)).isIn(0.0, 1.0);
            if (value("converted", i) == 1.0) {
                assertThat(value("churned", i)).isZero();
                assertThat(value("spend", i)).isGreaterThan(0.0);
            } else {
                assertThat(value("spend", i)).isZero();
            }
            LocalDate signup = (LocalDate) customers.column("signup_date").get(i);
            assertThat(java.time.temporal.ChronoUnit.MONTHS.between(signup, SampleDataGenerator.SNAPSHOT))
                    .isEqualTo((long) value("tenure_months", i));
        }
        assertThat(mean("spend", i -> value("converted", i) == 0.0)).isZero();
        assertThat(mean("converted", i -> true)).isBetween(0.05, 0.15);
        assertThat(mean("churned", i -> true)).isBetween(0.15, 0.35);
    }

    @Test
    void customerSummariesAgreeWithTheTransactionLog() {
        Dataset tx = data.transactions();
        Column cust = tx.column("customer_id");
        DateColumn date = (DateColumn) tx.column("order_date");
        Column amount = tx.column("amount");
        int snapshot = (int) SampleDataGenerator.SNAPSHOT.toEpochDay();
        int yearStart = (int) SampleDataGenerator.YEAR_START.toEpochDay();
        int logStart = (int) SampleDataGenerator.LOG_START.toEpochDay();
        int logEnd = (int) SampleDataGenerator.LOG_END.toEpochDay();
        Map<String, int[]> lastAndCount = new HashMap<>();
        Map<String, Double> spend2024 = new HashMap<>();
        int previous = Integer.MIN_VALUE;
        Set<String> orderIds = new HashSet<>();
        for (int r = 0; r < tx.rowCount(); r++) {
            int d = date.getEpochDay(r);
            assertThat(d).isBetween(logStart, logEnd);
            assertThat(d).isGreaterThanOrEqualTo(previous);
            previous = d;
            assertThat(amount.getDouble(r)).isGreaterThanOrEqualTo(3.0);
            assertThat(orderIds.add(tx.column("order_id").format(r))).isTrue();
            String id = cust.format(r);
            int[] lc = lastAndCount.computeIfAbsent(id, k -> new int[2]);
            lc[0] = Math.max(lc[0], d);
            if (d >= yearStart) {
                lc[1]++;
                spend2024.merge(id, amount.getDouble(r), Double::sum);
            }
        }
        assertThat(lastAndCount).hasSize(customers.rowCount());
        for (int i = 0; i < customers.rowCount(); i++) {
            String id = customers.column("customer_id").format(i);
            int[] lc = lastAndCount.get(id);
            assertThat(value("recency_days", i)).as(id).isEqualTo(snapshot - lc[0]);
            assertThat(value("frequency", i)).as(id).isEqualTo(lc[1]);
            assertThat(value("monetary", i)).as(id).isCloseTo(spend2024.getOrDefault(id, 0.0), org.assertj.core.data.Offset.offset(0.005));
            LocalDate signup = (LocalDate) customers.column("signup_date").get(i);
            assertThat(LocalDate.ofEpochDay(snapshot - (long) value("recency_days", i))).isAfterOrEqualTo(signup);
        }
    }

    @Test
    void churnFollowsRecencyFrequencyAndOpens() {
        double lapsedChurn = mean("churned", in(Segment.LAPSED_DORMANT));
        double activeChurn = mean("churned", notIn(Segment.LAPSED_DORMANT));
        assertThat(lapsedChurn).isGreaterThan(0.6);
        assertThat(activeChurn).isLessThan(0.2);
        double oldChurn = mean("churned", i -> value("recency_days", i) > 365);
        double recentChurn = mean("churned", i -> value("recency_days", i) <= 90);
        assertThat(oldChurn).isGreaterThan(recentChurn + 0.5);
        double lowOpen = mean("churned", i -> value("open_rate", i) < 0.15);
        double highOpen = mean("churned", i -> value("open_rate", i) >= 0.40);
        assertThat(lowOpen).isGreaterThan(highOpen * 3);
    }

    @Test
    void conversionFollowsEngagement() {
        double engaged = mean("converted", i -> value("open_rate", i) >= 0.45 && value("recency_days", i) <= 60);
        double disengaged = mean("converted", i -> value("open_rate", i) < 0.2);
        assertThat(engaged).isGreaterThan(0.12);
        assertThat(disengaged).isLessThan(0.03);
        assertThat(mean("converted", in(Segment.LAPSED_DORMANT))).isLessThan(0.01);
    }

    @Test
    void segmentsDifferOnSeveralFeatures() {
        assertThat(mean("age", in(Segment.YOUNG_URBAN_APP))).isLessThan(30);
        assertThat(mean("age", in(Segment.AFFLUENT_LOYAL))).isGreaterThan(48);
        assertThat(mean("income", in(Segment.AFFLUENT_LOYAL))).isGreaterThan(2 * mean("income", in(Segment.BARGAIN_HUNTERS)));
        assertThat(mean("monetary", in(Segment.AFFLUENT_LOYAL))).isGreaterThan(3 * mean("monetary", notIn(Segment.AFFLUENT_LOYAL)));
        assertThat(mean("tenure_months", in(Segment.NEW_CUSTOMERS))).isLessThanOrEqualTo(6);
        assertThat(mean("recency_days", in(Segment.LAPSED_DORMANT))).isGreaterThan(180);
        assertThat(mean("open_rate", in(Segment.LAPSED_DORMANT))).isLessThan(0.15);
        double appShareYoung = appShare(in(Segment.YOUNG_URBAN_APP));
        double appShareOthers = appShare(notIn(Segment.YOUNG_URBAN_APP));
        assertThat(appShareYoung).isGreaterThan(0.5).isGreaterThan(3 * appShareOthers);
        for (Segment s : Segment.values()) {
            long n = data.segments().stream().filter(x -> x == s).count();
            assertThat((double) n / data.segments().size()).as(s.key()).isCloseTo(s.share(), org.assertj.core.data.Offset.offset(0.03));
        }
    }

    @Test
    void provincesFollowPopulationAndAllJoin() {
        Map<String, Integer> counts = new HashMap<>();
        Column pc = customers.column("province_code");
        for (int i = 0; i < pc.size(); i++) counts.merge(pc.format(i), 1, Integer::sum);
        assertThat(counts.get("28")).isGreaterThan(counts.get("46"));
        assertThat(counts.get("08")).isGreaterThan(counts.get("46"));
        assertThat(counts.get("46")).isGreaterThan(counts.get("42") * 5);
        assertThat(counts.get("41")).isGreaterThan(counts.get("44") * 5);

        JoinResult res = JoinService.leftJoin(customers, data.provinces(),
                JoinRequest.of("customers", "provinces", "province_code", "province_code"), TaskContext.NONE);
        assertThat(res.report().matchedRows()).isEqualTo(20_000);
        assertThat(res.report().duplicateRightKeys()).isZero();
        assertThat(res.dataset().column("median_income").missingCount()).isZero();

        Dataset p = data.provinces();
        assertThat(p.columnNames()).containsExactly("province_code", "iso_code", "province", "autonomous_community",
                "population", "median_income");
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < p.rowCount(); i++) names.add(p.column("province").format(i));
        assertThat(names).contains("Cádiz", "A Coruña", "La Rioja", "Illes Balears", "Las Palmas", "Ceuta", "Melilla");
        assertThat(SpainProvinces.byCode("28").community()).isEqualTo("Comunidad de Madrid");
        assertThat(SpainProvinces.byCode("08").population()).isEqualTo(5_523_922L);
        for (SpainProvinces.Province prov : SpainProvinces.ALL) assertThat(prov.community()).as(prov.name()).isNotNull();
        assertThat(SpainProvinces.totalPopulation()).isBetween(46_000_000L, 47_000_000L);
    }

    @Test
    void filesLookLikeASpanishCrmExport() throws IOException {
        SampleData small = SampleDataGenerator.generate(300, 1, TaskContext.NONE);
        List<Path> files = SampleDataGenerator.write(small, dir, TaskContext.NONE);
        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly("customers.csv", "transactions.csv", "provinces.csv", "README.txt");
        List<String> cust = Files.readAllLines(dir.resolve("customers.csv"), StandardCharsets.UTF_8);
        assertThat(cust).hasSize(301);
        assertThat(cust.get(0)).startsWith("customer_id;age;gender;province_code;income;");
        String[] first = cust.get(1).split(";", -1);
        assertThat(first).hasSize(16);
        assertThat(first[3]).matches("\\d\\d");
        assertThat(first[6]).matches("\\d\\d/\\d\\d/\\d{4}");
        assertThat(String.join("\n", cust)).containsPattern(";\\d+,\\d+;");
        List<String> tx = Files.readAllLines(dir.resolve("transactions.csv"), StandardCharsets.UTF_8);
        assertThat(tx.get(0)).isEqualTo("customer_id,order_id,order_date,amount");
        assertThat(tx.get(1)).matches("C\\d{6},O\\d{7},202[34]-\\d\\d-\\d\\d,\\d+(\\.\\d{1,2})?");
        String prov = Files.readString(dir.resolve("provinces.csv"), StandardCharsets.UTF_8);
        assertThat(prov).startsWith("province_code;iso_code;province;autonomous_community;population;median_income\n")
                .contains("15;ES-C;A Coruña;Galicia;").contains("11;ES-CA;Cádiz;Andalucía;");
        String readme = Files.readString(dir.resolve("README.txt"), StandardCharsets.UTF_8);
        assertThat(readme).contains("ILLUSTRATIVE").contains("INE").contains("seed 1");
    }

    @Test
    void rejectsImpossibleCustomerCounts() {
        assertThatThrownBy(() -> SampleDataGenerator.generate(0, 1, TaskContext.NONE)).isInstanceOf(UserException.class)
                .hasMessageContaining("between 1 and");
    }
}
