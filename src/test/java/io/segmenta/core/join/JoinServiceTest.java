package io.segmenta.core.join;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JoinServiceTest {

    private static BitSet missing(int... rows) {
        BitSet b = new BitSet();
        for (int r : rows) b.set(r);
        return b;
    }

    private static List<Object> values(Column c) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) out.add(c.get(i));
        return out;
    }

    private static Dataset customers() {
        return new Dataset("customers", List.of(
                StringColumn.of("id", false, "a", "b", "c", "d", "e"),
                StringColumn.of("province_code", true, "02", "28", " 8 ", "99", null)));
    }

    private static Dataset provinces() {
        return new Dataset("provinces", List.of(
                new LongColumn("code", new long[]{2, 8, 28}, null),
                StringColumn.of("province", false, "Albacete", "Barcelona", "Madrid"),
                new LongColumn("population", new long[]{394_580, 5_523_922, 6_436_996}, null)),
                Map.of("population", "Residents 2015"));
    }

    @Test
    void integerKeysMatchZeroPaddedTextAndTrimmedValues() {
        JoinResult res = JoinService.leftJoin(customers(), provinces(),
                JoinRequest.of("customers", "provinces", "province_code", "code"), TaskContext.NONE);
        Dataset d = res.dataset();
        assertThat(d.name()).isEqualTo("customers_provinces");
        assertThat(d.columnNames()).containsExactly("id", "province_code", "province", "population");
        assertThat(values(d.column("province"))).containsExactly("Albacete", "Madrid", "Barcelona", null, null);
        assertThat(values(d.column("population"))).containsExactly(394_580L, 6_436_996L, 5_523_922L, null, null);
        assertThat(d.description("population")).contains("Residents 2015");
        JoinReport r = res.report();
        assertThat(r.leftRows()).isEqualTo(5);
        assertThat(r.matchedRows()).isEqualTo(3);
        assertThat(r.unmatchedRows()).isEqualTo(2);
        assertThat(r.missingKeyRows()).isEqualTo(1);
        assertThat(r.unmatchedExamples()).containsExactly("99");
        assertThat(r.normalizationExamples()).contains("02 → 2", "\" 8 \" → 8");
        assertThat(r.duplicateRightKeys()).isZero();
        assertThat(r.addedColumns()).containsExactly("province", "population");
        assertThat(r.matchRate()).isEqualTo(0.6);
    }

    @Test
    void withoutStrippingZerosPaddedCodesDoNotMatchIntegers() {
        JoinRequest req = new JoinRequest("customers", "provinces", List.of(new KeyPair("province_code", "code")),
                new KeyNormalization(true, true, false), null, null, "x");
        JoinResult res = JoinService.leftJoin(customers(), provinces(), req, TaskContext.NONE);
        // "02" stays "02" and no longer equals 2; "28" and " 8 " (trimmed) still match.
        assertThat(values(res.dataset().column("province"))).containsExactly(null, "Madrid", "Barcelona", null, null);
        assertThat(res.report().unmatchedExamples()).containsExactly("02", "99");
        assertThat(res.dataset().name()).isEqualTo("x");
    }

    @Test
    void caseAndBlanksFollowTheNormalisation() {
        Dataset left = new Dataset("l", List.of(StringColumn.of("k", false, "ABC", " abc", "Xyz")));
        Dataset right = new Dataset("r", List.of(StringColumn.of("k", false, "abc", "xyz"), StringColumn.of("v", false, "one", "two")));
        JoinResult loose = JoinService.leftJoin(left, right, JoinRequest.of("l", "r", "k", "k"), TaskContext.NONE);
        assertThat(values(loose.dataset().column("v"))).containsExactly("one", "one", "two");
        assertThat(loose.report().normalizationExamples()).contains("ABC → abc", "\" abc\" → abc", "Xyz → xyz");

        JoinRequest exact = new JoinRequest("l", "r", List.of(new KeyPair("k", "k")), KeyNormalization.exact(), null, null, null);
        JoinResult strict = JoinService.leftJoin(left, right, exact, TaskContext.NONE);
        assertThat(values(strict.dataset().column("v"))).containsExactly(null, null, null);
        assertThat(strict.report().matchedRows()).isZero();
        assertThat(strict.report().normalizationExamples()).isEmpty();

        JoinRequest caseOnly = new JoinRequest("l", "r", List.of(new KeyPair("k", "k")),
                new KeyNormalization(false, true, true), null, null, null);
        assertThat(values(JoinService.leftJoin(left, right, caseOnly, TaskContext.NONE).dataset().column("v")))
                .containsExactly("one", null, "two");
    }

    @Test
    void multiColumnKeysMustAllAgree() {
        Dataset left = new Dataset("sales", List.of(
                StringColumn.of("country", false, "ES", "ES", "PT", "es"),
                new LongColumn("year", new long[]{2023, 2024, 2023, 2024}, null)));
        Dataset right = new Dataset("targets", List.of(
                StringColumn.of("cc", false, "ES", "ES", "PT"),
                new LongColumn("yr", new long[]{2023, 2024, 2024}, null),
                new DoubleColumn("target", new double[]{1.5, 2.5, 3.5}, null)));
        JoinRequest req = new JoinRequest("sales", "targets",
                JoinRequest.pairKeys(List.of("country", "year"), List.of("cc", "yr")), null, null, null, null);
        JoinResult res = JoinService.leftJoin(left, right, req, TaskContext.NONE);
        assertThat(values(res.dataset().column("target"))).containsExactly(1.5, 2.5, null, 2.5);
        assertThat(res.report().unmatchedExamples()).containsExactly("pt | 2023");
        assertThat(res.dataset().columnNames()).containsExactly("country", "year", "target");
    }

    @Test
    void duplicateRightKeysTakeTheFirstRowAndNeverMultiplyLeftRows() {
        Dataset left = new Dataset("l", List.of(StringColumn.of("k", false, "1", "2", "1", "3")));
        Dataset right = new Dataset("r", List.of(
                StringColumn.of("k", false, "1", "2", "01", "2", "2", "4"),
                StringColumn.of("v", false, "first1", "first2", "second1", "second2", "third2", "four")));
        JoinResult res = JoinService.leftJoin(left, right, JoinRequest.of("l", "r", "k", "k"), TaskContext.NONE);
        assertThat(res.dataset().rowCount()).isEqualTo(4);
        assertThat(values(res.dataset().column("v"))).containsExactly("first1", "first2", "first1", null);
        JoinReport r = res.report();
        assertThat(r.duplicateRightKeys()).isEqualTo(2);
        assertThat(r.ignoredRightRows()).isEqualTo(3);
        assertThat(r.duplicateKeyExamples()).containsExactly("1", "2");
        assertThat(r.policy()).contains("first").contains("3");
        assertThat(r.matchedRows()).isEqualTo(3);
    }

    @Test
    void noMatchAtAllKeepsEveryLeftRowWithMissingValues() {
        Dataset left = new Dataset("l", List.of(new LongColumn("k", new long[]{10, 11, 12}, null)));
        Dataset right = new Dataset("r", List.of(new LongColumn("k", new long[]{1, 2}, null),
                new DoubleColumn("v", new double[]{0.5, 0.25}, null)));
        JoinResult res = JoinService.leftJoin(left, right, JoinRequest.of("l", "r", "k", "k"), TaskContext.NONE);
        assertThat(res.dataset().rowCount()).isEqualTo(3);
        assertThat(res.dataset().column("v").missingCount()).isEqualTo(3);
        assertThat(res.dataset().column("v").type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(res.report().matchedRows()).isZero();
        assertThat(res.report().unmatchedRows()).isEqualTo(3);
        assertThat(res.report().unmatchedExamples()).containsExactly("10", "11", "12");
        assertThat(res.report().matchRate()).isZero();
    }

    @Test
    void clashingNamesGetTheSuffixAndStayUnique() {
        Dataset left = new Dataset("l", List.of(StringColumn.of("k", false, "a"), StringColumn.of("name", false, "L"),
                StringColumn.of("name_r", false, "taken")));
        Dataset right = new Dataset("r", List.of(StringColumn.of("k", false, "a"), StringColumn.of("name", false, "R"),
                StringColumn.of("other", false, "O")));
        JoinRequest req = new JoinRequest("l", "r", List.of(new KeyPair("k", "k")), null, null, "_r", null);
        Dataset d = JoinService.leftJoin(left, right, req, TaskContext.NONE).dataset();
        assertThat(d.columnNames()).containsExactly("k", "name", "name_r", "name_r_2", "other");
        assertThat(d.column("name").get(0)).isEqualTo("L");
        assertThat(d.column("name_r_2").get(0)).isEqualTo("R");

        JoinRequest withKey = new JoinRequest("l", "r", List.of(new KeyPair("k", "k")), null, List.of("k", "other"), null, null);
        Dataset d2 = JoinService.leftJoin(left, right, withKey, TaskContext.NONE).dataset();
        assertThat(d2.columnNames()).containsExactly("k", "name", "name_r", "k_right", "other");
    }

    @Test
    void missingKeysOnEitherSideNeverMatch() {
        Dataset left = new Dataset("l", List.of(
                new LongColumn("k", new long[]{1, 0, 2}, missing(1)),
                StringColumn.of("k2", false, "x", "x", null)));
        Dataset right = new Dataset("r", List.of(
                new LongColumn("k", new long[]{0, 1, 2}, missing(0)),
                StringColumn.of("k2", false, "x", "x", null),
                StringColumn.of("v", false, "missing-key", "one", "two")));
        JoinRequest req = new JoinRequest("l", "r", List.of(new KeyPair("k", "k"), new KeyPair("k2", "k2")), null, null, null, null);
        JoinResult res = JoinService.leftJoin(left, right, req, TaskContext.NONE);
        assertThat(values(res.dataset().column("v"))).containsExactly("one", null, null);
        assertThat(res.report().missingKeyRows()).isEqualTo(2);
        assertThat(res.report().unmatchedRows()).isEqualTo(2);
        assertThat(res.report().unmatchedExamples()).isEmpty();
    }

    @Test
    void rightColumnsKeepTheirTypesAndFlags() {
        Dataset left = new Dataset("l", List.of(StringColumn.of("k", false, "b", "z", "a")));
        BitSet flags = new BitSet();
        flags.set(0);
        StringColumn cat = StringColumn.of("segment", true, "gold", "silver");
        Dataset right = new Dataset("r", List.of(
                StringColumn.of("k", false, "a", "b"),
                new LongColumn("n", new long[]{7, 8}, null, true),
                new DoubleColumn("x", new double[]{1.25, Double.NaN}, missing(1)),
                new BooleanColumn("flag", 2, flags, null),
                new DateColumn("day", new int[]{(int) LocalDate.of(2024, 2, 29).toEpochDay(), 0}, null),
                new DateTimeColumn("at", new long[]{DateTimeColumn.toMillis(LocalDateTime.of(2024, 1, 2, 3, 4, 5)), 0L}, null),
                cat));
        Dataset d = JoinService.leftJoin(left, right, JoinRequest.of("l", "r", "k", "k"), TaskContext.NONE).dataset();
        assertThat(d.column("n").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(d.column("n").idLike()).isTrue();
        assertThat(values(d.column("n"))).containsExactly(8L, null, 7L);
        assertThat(d.column("x").type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(values(d.column("x"))).containsExactly(null, null, 1.25);
        assertThat(d.column("flag").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(values(d.column("flag"))).containsExactly(false, null, true);
        assertThat(d.column("day").type()).isEqualTo(ColumnType.DATE);
        assertThat(values(d.column("day"))).containsExactly(LocalDate.ofEpochDay(0), null, LocalDate.of(2024, 2, 29));
        assertThat(d.column("at").type()).isEqualTo(ColumnType.DATETIME);
        assertThat(values(d.column("at"))).containsExactly(LocalDateTime.of(1970, 1, 1, 0, 0), null, LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        assertThat(d.column("segment").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(values(d.column("segment"))).containsExactly("silver", null, "gold");
        assertThat(d.column("segment").format(1)).isEmpty();
    }

    @Test
    void integralDecimalKeysMatchIntegers() {
        Dataset left = new Dataset("l", List.of(new DoubleColumn("k", new double[]{2.0, 2.5}, null)));
        Dataset right = new Dataset("r", List.of(StringColumn.of("k", false, "02", "2.5"), StringColumn.of("v", false, "two", "half")));
        assertThat(values(JoinService.leftJoin(left, right, JoinRequest.of("l", "r", "k", "k"), TaskContext.NONE)
                .dataset().column("v"))).containsExactly("two", "half");
    }

    @Test
    void leftRowsAndColumnsAreUnchanged() {
        Dataset left = customers();
        Dataset d = JoinService.leftJoin(left, provinces(), JoinRequest.of("c", "p", "province_code", "code"), TaskContext.NONE).dataset();
        for (Column c : left.columns()) assertThat(values(d.column(c.name()))).isEqualTo(values(c));
    }

    @Test
    void validationNamesTheProblem() {
        Dataset l = customers();
        Dataset r = provinces();
        assertThatThrownBy(() -> JoinService.leftJoin(l, r, new JoinRequest("c", "p", List.of(), null, null, null, null), TaskContext.NONE))
                .isInstanceOf(UserException.class).hasMessageContaining("at least one key");
        assertThatThrownBy(() -> JoinService.leftJoin(l, r, JoinRequest.of("c", "p", "nope", "code"), TaskContext.NONE))
                .isInstanceOf(UserException.class).hasMessageContaining("\"customers\"").hasMessageContaining("\"nope\"")
                .hasMessageContaining("province_code");
        assertThatThrownBy(() -> JoinService.leftJoin(l, r, JoinRequest.of("c", "p", "id", "codigo"), TaskContext.NONE))
                .isInstanceOf(UserException.class).hasMessageContaining("\"provinces\"").hasMessageContaining("\"codigo\"");
        assertThatThrownBy(() -> JoinService.leftJoin(l, r, new JoinRequest("c", "p", List.of(new KeyPair("id", "code")), null,
                List.of("province", "ghost"), null, null), TaskContext.NONE))
                .isInstanceOf(UserException.class).hasMessageContaining("\"ghost\"");
        assertThatThrownBy(() -> JoinService.leftJoin(l, r, new JoinRequest("c", "p", List.of(new KeyPair("id", " ")), null,
                null, null, null), TaskContext.NONE))
                .isInstanceOf(UserException.class).extracting(e -> ((UserException) e).key()).isEqualTo("data.join.blankKey");
        assertThatThrownBy(() -> JoinRequest.pairKeys(List.of("a", "b"), List.of("c")))
                .isInstanceOf(UserException.class).hasMessageContaining("2 on the left, 1 on the right");
        assertThatThrownBy(() -> JoinRequest.pairKeys(List.of(), List.of()))
                .isInstanceOf(UserException.class).extracting(e -> ((UserException) e).key()).isEqualTo("data.join.noKeys");
    }

    @Test
    void keySpecsParse() {
        assertThat(KeyPair.parse(" province_code = code ")).isEqualTo(new KeyPair("province_code", "code"));
        assertThat(KeyPair.parse("id")).isEqualTo(new KeyPair("id", "id"));
        assertThatThrownBy(() -> KeyPair.parse("a=")).isInstanceOf(UserException.class).hasMessageContaining("\"a=\"");
        assertThatThrownBy(() -> KeyPair.parse("a=b=c")).isInstanceOf(UserException.class);
    }

    @Test
    void leadingZeroRules() {
        KeyNormalization n = KeyNormalization.defaults();
        assertThat(n.apply("02")).isEqualTo("2");
        assertThat(n.apply("0")).isEqualTo("0");
        assertThat(n.apply("000")).isEqualTo("0");
        assertThat(n.apply("007A")).isEqualTo("7a");
        assertThat(n.apply("0A")).isEqualTo("0a");
        assertThat(n.apply("-05")).isEqualTo("-5");
        assertThat(n.apply("A01")).isEqualTo("a01");
        assertThat(KeyNormalization.exact().apply(" 02 ")).isEqualTo(" 02 ");
    }

    @Test
    void cancellationStopsTheJoin() {
        TaskContext cancelled = new TaskContext() {
            @Override public void progress(long done, long total, String message) { }
            @Override public boolean isCancelled() { return true; }
        };
        assertThatThrownBy(() -> JoinService.leftJoin(customers(), provinces(), JoinRequest.of("c", "p", "province_code", "code"), cancelled))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void reportMapUsesSnakeCase() {
        JoinReport r = JoinService.leftJoin(customers(), provinces(), JoinRequest.of("c", "p", "province_code", "code"), TaskContext.NONE).report();
        assertThat(r.toMap()).containsKeys("left_rows", "matched_rows", "unmatched_rows", "duplicate_right_keys",
                "unmatched_examples", "duplicate_key_examples", "normalization_examples", "policy");
        assertThat(r.toMap().get("matched_rows")).isEqualTo(3L);
    }

    @Test
    void gatherRejectsOutOfRangeRows() {
        Column c = new LongColumn("n", new long[]{1, 2}, null);
        assertThatThrownBy(() -> RowGather.gather(c, new int[]{2})).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(values(RowGather.gather(c, new int[]{-1, 1, 0, 1}))).containsExactly(null, 2L, 1L, 2L);
    }
}
