package io.segmenta.core.clv;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SummaryBuilderTest {
    static final LocalDate CAL = LocalDate.of(2024, 1, 31);
    static final LocalDate HOLD = LocalDate.of(2024, 3, 31);

    static int day(String d) { return (int) LocalDate.parse(d).toEpochDay(); }

    /** Customers A (same-day purchases, a return), B (one purchase), C (first seen in the holdout), D (missing amount). */
    static Dataset log() {
        String[] cust = {"A", "A", "A", "A", "A", "B", "C", "A", "D", null};
        String[] dates = {"2024-01-01", "2024-01-01", "2024-01-08", "2024-01-15", "2024-01-15", "2024-01-10", "2024-02-05",
                "2024-02-10", "2024-01-03", "2024-01-04"};
        double[] amt = {10, 5, 20, 30, -30, 7, 9, 40, Double.NaN, 3};
        int[] d = new int[dates.length];
        for (int i = 0; i < d.length; i++) d[i] = day(dates[i]);
        BitSet miss = new BitSet();
        miss.set(8);
        List<Column> cols = List.of(StringColumn.of("customer", false, cust), new DateColumn("date", d, new BitSet()),
                new DoubleColumn("amount", amt, miss));
        return new Dataset("log", cols);
    }

    @Test
    void sameDayPurchasesCountOnceAndReturnsAreDroppedByDefault() {
        TransactionSummary s = SummaryBuilder.build(log(), new SummaryOptions("customer", "date", "amount", null,
                TimeUnit.DAYS, CAL, HOLD, ReturnsPolicy.DROP), TaskContext.NONE);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.customerId(0)).isEqualTo("A");
        // A: days 01-01 (10+5), 01-08 (20), 01-15 (30; the -30 return dropped) -> 2 repeat days
        assertThat(s.frequency(0)).isEqualTo(2);
        assertThat(s.recency(0)).isEqualTo(14.0);
        assertThat(s.age(0)).isEqualTo(30.0);
        assertThat(s.monetary(0)).isCloseTo(25.0, within(1e-12));
        assertThat(s.totalSpend()[0]).isCloseTo(65.0, within(1e-12));
        assertThat(s.holdoutFrequency()[0]).isEqualTo(1);
        assertThat(s.holdoutSpend()[0]).isCloseTo(40.0, within(1e-12));
        assertThat(s.holdoutLength()).isEqualTo(60.0);
        // B: a single purchase
        assertThat(s.customerId(1)).isEqualTo("B");
        assertThat(s.frequency(1)).isZero();
        assertThat(s.recency(1)).isZero();
        assertThat(s.age(1)).isEqualTo(21.0);
        assertThat(s.monetary(1)).isZero();
        SummaryReport r = s.report();
        assertThat(r.rows()).isEqualTo(10);
        assertThat(r.rowsMissing()).isEqualTo(2);
        assertThat(r.rowsNegative()).isEqualTo(1);
        assertThat(r.rowsNegativeDropped()).isEqualTo(1);
        assertThat(r.rowsSameDay()).isEqualTo(1);
        assertThat(r.customersOnlyInHoldout()).isEqualTo(1);
        assertThat(r.customersNoRepeat()).isEqualTo(1);
    }

    @Test
    void nettingReturnsRemovesADayWhoseNetIsNegativeAndNetsTheRest() {
        Dataset d = new Dataset("log", List.of(StringColumn.of("c", false, "A", "A", "A", "A", "A"),
                new DateColumn("d", new int[]{day("2024-01-01"), day("2024-01-05"), day("2024-01-05"), day("2024-01-09"), day("2024-01-20")}, new BitSet()),
                new DoubleColumn("v", new double[]{10, 50, -20, -5, 0}, new BitSet())));
        TransactionSummary s = SummaryBuilder.build(d, new SummaryOptions("c", "d", "v", null, TimeUnit.DAYS, CAL, null,
                ReturnsPolicy.NET_SAME_DAY), TaskContext.NONE);
        // days: 01-01 (10), 01-05 (50-20=30), 01-09 (only a return: not a purchase), 01-20 (zero amount: a purchase without spend)
        assertThat(s.frequency(0)).isEqualTo(2);
        assertThat(s.monetary(0)).isCloseTo(15.0, within(1e-12));
        assertThat(s.recency(0)).isEqualTo(19.0);
        assertThat(s.report().returnDays()).isEqualTo(1);
        assertThat(s.report().rowsZero()).isEqualTo(1);
        assertThat(s.hasHoldout()).isFalse();
        TransactionSummary dropped = SummaryBuilder.build(d, new SummaryOptions("c", "d", "v", null, TimeUnit.DAYS, CAL, null,
                ReturnsPolicy.DROP), TaskContext.NONE);
        assertThat(dropped.frequency(0)).isEqualTo(2);
        assertThat(dropped.monetary(0)).isCloseTo(25.0, within(1e-12));
    }

    /**
     * Regression: Online Retail's Price and Quantity (a returned item has a negative quantity) could only be
     * summed as prices, so every return counted as a purchase.
     */
    @Test
    void aUnitPriceTimesTheQuantityIsTheValueAndANegativeQuantityAReturn() {
        double[] price = {2.5, 4.0, 4.0, 1.0};
        Dataset d = new Dataset("log", List.of(StringColumn.of("c", false, "A", "A", "A", "A"),
                new DateColumn("d", new int[]{day("2024-01-01"), day("2024-01-05"), day("2024-01-05"), day("2024-01-09")}, new BitSet()),
                new DoubleColumn("price", price, new BitSet()), new LongColumn("qty", new long[]{4, 3, -1, 6}, new BitSet())));
        SummaryOptions o = new SummaryOptions("c", "d", "price", "qty", TimeUnit.DAYS, CAL, null, ReturnsPolicy.NET_SAME_DAY, true);
        TransactionSummary s = SummaryBuilder.build(d, o, TaskContext.NONE);
        // days: 01-01 (10), 01-05 (12 − 4 = 8), 01-09 (6): two repeat purchases worth 8 and 6
        assertThat(s.frequency(0)).isEqualTo(2);
        assertThat(s.monetary(0)).isCloseTo(7.0, within(1e-12));
        assertThat(price).containsExactly(2.5, 4.0, 4.0, 1.0); // the column itself is unchanged
        TransactionSummary dropped = SummaryBuilder.build(d, o.withReturns(ReturnsPolicy.DROP), TaskContext.NONE);
        assertThat(dropped.report().rowsNegativeDropped()).isEqualTo(1);
        assertThat(dropped.monetary(0)).isCloseTo(9.0, within(1e-12));
        assertThatThrownBy(() -> SummaryBuilder.build(d, o.withQuantity(null), TaskContext.NONE))
                .isInstanceOf(UserException.class).hasMessageContaining("quantity");
    }

    @Test
    void datesAsYyyymmddNumbersOrTextAndLongIdsAndWeeks() {
        Dataset d = new Dataset("log", List.of(new LongColumn("c", new long[]{7, 9, 7, 7}, new BitSet()),
                new LongColumn("d", new long[]{20240101, 20240102, 20240115, 20240129}, new BitSet())));
        TransactionSummary s = SummaryBuilder.build(d, new SummaryOptions("c", "d", null, null, TimeUnit.WEEKS, CAL, null, null),
                TaskContext.NONE);
        assertThat(s.customerId(0)).isEqualTo("7");
        assertThat(s.frequency(0)).isEqualTo(2);
        assertThat(s.recency(0)).isCloseTo(4.0, within(1e-12));
        assertThat(s.age(0)).isCloseTo(30.0 / 7, within(1e-12));
        Dataset t = new Dataset("log", List.of(StringColumn.of("c", false, "x", "x"), StringColumn.of("d", false, "2024-01-01", "20240103")));
        assertThat(SummaryBuilder.build(t, new SummaryOptions("c", "d", null, null, TimeUnit.DAYS, CAL, null, null), TaskContext.NONE)
                .recency(0)).isEqualTo(2.0);
    }

    @Test
    void badInputGivesUserMessages() {
        Dataset d = log();
        assertThatThrownBy(() -> SummaryBuilder.build(d, SummaryOptions.of("nope", "date", "amount", CAL, null), TaskContext.NONE))
                .isInstanceOf(UserException.class).hasMessageContaining("nope").hasMessageContaining("customer, date, amount");
        assertThatThrownBy(() -> SummaryBuilder.build(d, SummaryOptions.of("customer", "customer", null, CAL, null), TaskContext.NONE))
                .isInstanceOf(UserException.class).extracting(e -> ((UserException) e).key()).isEqualTo("clv.summary.badDate");
        assertThatThrownBy(() -> SummaryBuilder.build(d, SummaryOptions.of("customer", "date", "customer", CAL, null), TaskContext.NONE))
                .isInstanceOf(UserException.class).extracting(e -> ((UserException) e).key()).isEqualTo("clv.summary.amountNotNumeric");
        assertThatThrownBy(() -> SummaryBuilder.build(d, SummaryOptions.of("customer", "date", "amount", CAL, CAL.minusDays(1)), TaskContext.NONE))
                .isInstanceOf(UserException.class).extracting(e -> ((UserException) e).key()).isEqualTo("clv.summary.holdoutBeforeCalibration");
        assertThatThrownBy(() -> SummaryBuilder.build(d, SummaryOptions.of("customer", "date", "amount", LocalDate.of(2020, 1, 1), null), TaskContext.NONE))
                .isInstanceOf(UserException.class).extracting(e -> ((UserException) e).key()).isEqualTo("clv.summary.noCustomers");
    }
}
