package io.segmenta.core.clv;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * The per-customer calibration summary the buy-till-you-die models are fitted to, one row per customer.
 * Times are kept as whole days and exposed in the chosen unit. Frequency counts repeat purchase days
 * (purchases on the same day count once); recency is the time from the first to the last purchase; T
 * the time from the first purchase to the end of calibration; monetary value the mean of the repeat
 * purchase days' amounts (0 without a repeat purchase), as in lifetimes.
 *
 * @param customerIds     the customer of each row (the type of the source column), or null when built from numbers
 * @param frequency       repeat purchase days in calibration
 * @param recencyDays     days from the first to the last calibration purchase
 * @param ageDays         days from the first purchase to the calibration end (T)
 * @param monetary        mean amount of the repeat purchase days; 0 when frequency is 0 or there is no amount
 * @param totalSpend      all calibration purchases' amount (including the first)
 * @param totalQuantity   calibration quantity, or null without a quantity column
 * @param holdoutFrequency purchase days in the holdout period, or null without a holdout
 * @param holdoutSpend    holdout amount, or null without a holdout
 * @param unit            the time unit
 * @param calibrationEnd  last calibration day, or null when built from numbers
 * @param holdoutDays     length of the holdout period in days (0 without a holdout)
 * @param report          what happened to the log's rows, or null when built from numbers
 */
public record TransactionSummary(Column customerIds, int[] frequency, double[] recencyDays, double[] ageDays,
                                 double[] monetary, double[] totalSpend, double[] totalQuantity,
                                 int[] holdoutFrequency, double[] holdoutSpend, TimeUnit unit,
                                 LocalDate calibrationEnd, int holdoutDays, SummaryReport report) {
    public TransactionSummary {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(unit, "unit");
        int n = frequency.length;
        if (recencyDays.length != n || ageDays.length != n || monetary.length != n) {
            throw new IllegalArgumentException("summary arrays differ in length");
        }
        if (customerIds != null && customerIds.size() != n) throw new IllegalArgumentException("customer ids length");
        if (totalSpend == null) totalSpend = new double[n];
    }

    /**
     * A summary from numbers already in {@code unit}s (e.g. a published summary table).
     */
    public static TransactionSummary ofUnits(int[] x, double[] recency, double[] t, double[] monetary, TimeUnit unit) {
        int n = x.length;
        double[] rd = new double[n], td = new double[n];
        double[] tot = new double[n];
        for (int i = 0; i < n; i++) {
            rd[i] = recency[i] * unit.days();
            td[i] = t[i] * unit.days();
            tot[i] = monetary == null ? 0 : monetary[i] * x[i];
        }
        return new TransactionSummary(null, x.clone(), rd, td, monetary == null ? new double[n] : monetary.clone(), tot, null,
                null, null, unit, null, 0, null);
    }

    public int size() { return frequency.length; }

    public int frequency(int i) { return frequency[i]; }

    /** Recency t_x in units. */
    public double recency(int i) { return recencyDays[i] / unit.days(); }

    /** Age T in units. */
    public double age(int i) { return ageDays[i] / unit.days(); }

    public double monetary(int i) { return monetary[i]; }

    public boolean hasHoldout() { return holdoutFrequency != null && holdoutDays > 0; }

    /** Holdout length in units. */
    public double holdoutLength() { return (double) holdoutDays / unit.days(); }

    /** Customers with at least one repeat purchase. */
    public int repeatCustomers() {
        int c = 0;
        for (int f : frequency) if (f > 0) c++;
        return c;
    }

    /** Customer id of a row as text ("" when the summary has no ids: then the row number, from 1). */
    public String customerId(int i) { return customerIds == null ? Integer.toString(i + 1) : customerIds.format(i); }

    /** The summary as a dataset: customer, frequency, recency, T, monetary_value, total_spend and holdout columns. */
    public Dataset toDataset(String name) {
        int n = size();
        List<Column> cols = new ArrayList<>();
        cols.add(customerIds != null ? customerIds.withName("customer") : idsColumn(n));
        long[] f = new long[n];
        double[] r = new double[n], t = new double[n];
        for (int i = 0; i < n; i++) { f[i] = frequency[i]; r[i] = recency(i); t[i] = age(i); }
        cols.add(new LongColumn("frequency", f, new BitSet()));
        cols.add(new DoubleColumn("recency", r, new BitSet()));
        cols.add(new DoubleColumn("T", t, new BitSet()));
        cols.add(new DoubleColumn("monetary_value", monetary.clone(), new BitSet()));
        cols.add(new DoubleColumn("total_spend", totalSpend.clone(), new BitSet()));
        if (totalQuantity != null) cols.add(new DoubleColumn("total_quantity", totalQuantity.clone(), new BitSet()));
        if (hasHoldout()) {
            long[] h = new long[n];
            for (int i = 0; i < n; i++) h[i] = holdoutFrequency[i];
            cols.add(new LongColumn("holdout_frequency", h, new BitSet()));
            cols.add(new DoubleColumn("holdout_spend", holdoutSpend.clone(), new BitSet()));
        }
        return new Dataset(name, cols);
    }

    private static Column idsColumn(int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = i + 1;
        return new LongColumn("customer", v, new BitSet(), true);
    }
}
