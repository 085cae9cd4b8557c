package io.segmenta.core.eda;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.segmenta.core.eda.ColumnProfilerTest.bits;
import static io.segmenta.core.eda.ColumnProfilerTest.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowFilterTest {

    /** Six customers; row 5 has every value missing except the code. */
    private static Dataset customers() {
        return new Dataset("customers", List.of(
                new LongColumn("age", new long[]{25, 30, 45, 30, 61, 0}, bits(5)),
                StringColumn.of("channel", true, "email", "web", "email", "app", "Email", null),
                StringColumn.of("province_code", true, "02", "28", "08", "28", "02", "46"),
                new DoubleColumn("income", new double[]{1200.5, 0, 3000, 999.99, 5000, 0}, bits(1, 5)),
                new DateColumn("signup", new int[]{day("2020-01-01"), day("2021-06-15"), day("2022-03-01"), day("2019-12-31"),
                        day("2023-01-01"), 0}, bits(5)),
                new BooleanColumn("churned", 6, bits(1, 4), bits(5))));
    }

    private static int[] rows(String... exprs) {
        return RowFilter.parse(exprs).apply(customers()).rows();
    }

    @Test
    void parsesOperatorsAndValues() {
        assertThat(RowFilter.Condition.parse("age>=30")).isEqualTo(new RowFilter.Condition("age", RowFilter.Operator.GE, "30"));
        assertThat(RowFilter.Condition.parse(" channel = email ")).isEqualTo(new RowFilter.Condition("channel", RowFilter.Operator.EQ, "email"));
        assertThat(RowFilter.Condition.parse("province_code in 02,28"))
                .isEqualTo(new RowFilter.Condition("province_code", RowFilter.Operator.IN, List.of("02", "28")));
        assertThat(RowFilter.Condition.parse("age ≠ 30").op()).isEqualTo(RowFilter.Operator.NE);
        assertThat(RowFilter.Condition.parse("age<>30").op()).isEqualTo(RowFilter.Operator.NE);
        assertThat(RowFilter.Condition.parse("age ≤ 30").op()).isEqualTo(RowFilter.Operator.LE);
        assertThat(RowFilter.Condition.parse("age<30").op()).isEqualTo(RowFilter.Operator.LT);
        assertThat(RowFilter.Condition.parse("age==30").op()).isEqualTo(RowFilter.Operator.EQ);
        assertThat(RowFilter.Condition.parse("income is missing"))
                .isEqualTo(new RowFilter.Condition("income", RowFilter.Operator.IS_MISSING, List.of()));
        assertThat(RowFilter.Condition.parse("income IS NOT MISSING").op()).isEqualTo(RowFilter.Operator.IS_NOT_MISSING);
        assertThat(RowFilter.Condition.parse("email domain contains gmail"))
                .isEqualTo(new RowFilter.Condition("email domain", RowFilter.Operator.CONTAINS, "gmail"));
        assertThat(RowFilter.Condition.parse("city in {\"Madrid, centro\", Sevilla}").values()).containsExactly("Madrid, centro", "Sevilla");
        assertThat(RowFilter.Condition.parse("`a<b` > 3")).isEqualTo(new RowFilter.Condition("a<b", RowFilter.Operator.GT, "3"));
        assertThat(RowFilter.Condition.parse("name = \"x = y\"").value()).isEqualTo("x = y");
    }

    @Test
    void textFormRoundTrips() {
        for (String s : List.of("age >= 30", "channel = email", "province_code in 02,28", "income is missing",
                "income is not missing", "`a<b` > 3", "city in \"Madrid, centro\",Sevilla", "name contains ana")) {
            RowFilter.Condition c = RowFilter.Condition.parse(s);
            assertThat(c.toString()).isEqualTo(s);
            assertThat(RowFilter.Condition.parse(c.toString())).isEqualTo(c);
        }
    }

    @Test
    void appliesConditionsWithAnd() {
        assertThat(rows("age>=30")).containsExactly(1, 2, 3, 4);
        assertThat(rows("age>=30", "channel=email")).containsExactly(2);
        assertThat(rows("province_code in 02,28")).containsExactly(0, 1, 3, 4);
        assertThat(rows("channel contains EMAIL")).containsExactly(0, 2, 4);
        assertThat(rows("income is missing")).containsExactly(1, 5);
        assertThat(rows("income is not missing", "income < 1000")).containsExactly(3);
        assertThat(rows("age != 30")).as("missing values never meet a comparison").containsExactly(0, 2, 4);
        assertThat(rows("age in 25, 61")).containsExactly(0, 4);
        assertThat(rows("age > 29.5")).containsExactly(1, 2, 3, 4);
        assertThat(rows("signup >= 2021-01-01")).containsExactly(1, 2, 4);
        assertThat(rows("churned = yes")).containsExactly(1, 4);
        assertThat(rows("churned = false")).containsExactly(0, 2, 3);
        assertThat(rows("income contains 999")).containsExactly(3);
        assertThat(rows()).containsExactly(0, 1, 2, 3, 4, 5);
        RowSelection s = RowFilter.parse("age>=30", "age<=45").apply(customers());
        assertThat(s.kept()).isEqualTo(3);
        assertThat(s.removed()).isEqualTo(3);
        assertThat(s.totalRows()).isEqualTo(6);
        assertThat(s.toBitSet()).isEqualTo(bits(1, 2, 3));
    }

    @Test
    void clearErrorsForBadConditions() {
        assertThatThrownBy(() -> rows("nope>3")).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("eda.column.unknown");
        assertThatThrownBy(() -> rows("nope>3")).hasMessageContaining("nope").hasMessageContaining("age, channel");
        assertThatThrownBy(() -> RowFilter.Condition.parse("age 30")).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("eda.filter.noOperatorIn");
        assertThatThrownBy(() -> RowFilter.Condition.parse(">= 30")).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("eda.filter.noColumnIn");
        assertThatThrownBy(() -> RowFilter.Condition.parse("age >=")).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("eda.filter.valueExpected");
        assertThatThrownBy(() -> rows("age >= thirty")).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("eda.filter.badNumber");
        assertThatThrownBy(() -> rows("signup > 01/02/2020")).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("eda.filter.badDate");
        assertThatThrownBy(() -> rows("churned = maybe")).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("eda.filter.badBoolean");
        assertThatThrownBy(() -> rows("channel > email")).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("eda.filter.orderNeedsNumber");
        assertThatThrownBy(() -> RowFilter.Condition.parse("code in 1,,2")).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("eda.filter.emptyListValue");
        assertThatThrownBy(() -> RowFilter.Condition.parse(" ")).isInstanceOf(UserException.class);
    }

    @Test
    void errorsAreTranslated() {
        java.util.Locale before = io.segmenta.core.util.I18n.locale();
        try {
            io.segmenta.core.util.I18n.setLocale(java.util.Locale.of("es"));
            UserException e = org.junit.jupiter.api.Assertions.assertThrows(UserException.class, () -> rows("age >= thirty"));
            assertThat(e.getLocalizedMessage()).isEqualTo("El filtro sobre \"age\" necesita un número, no \"thirty\".");
            assertThat(e.getMessage()).isEqualTo("The filter on \"age\" needs a number, not \"thirty\".");
        } finally {
            io.segmenta.core.util.I18n.setLocale(before);
        }
    }
}
