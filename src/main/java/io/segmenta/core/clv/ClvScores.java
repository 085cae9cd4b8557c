package io.segmenta.core.clv;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-customer predictions, aligned with the summary's rows.
 *
 * @param horizonMonths     forecast horizon in months
 * @param horizonUnits      the same in the summary's time unit
 * @param monthlyDiscount   monthly discount rate of the CLV
 * @param expectedPurchases expected purchases over the horizon (conditional expectation)
 * @param probabilityAlive  probability the customer is still active at the calibration end
 * @param expectedSpend     Gamma-Gamma expected mean spend per purchase, or null without a spend model
 * @param clv               discounted CLV over the horizon, or null without a spend model
 * @param tiers             value tier per customer (by CLV, else by expected purchases)
 */
public record ClvScores(double horizonMonths, double horizonUnits, double monthlyDiscount, double[] expectedPurchases,
                        double[] probabilityAlive, double[] expectedSpend, double[] clv, ValueTier[] tiers) {

    public int size() { return expectedPurchases.length; }

    public boolean hasClv() { return clv != null; }

    /** Value at risk: (1 − P(alive)) × CLV, or null without CLV. */
    public double[] valueAtRisk() {
        if (clv == null) return null;
        double[] v = new double[clv.length];
        for (int i = 0; i < v.length; i++) v[i] = (1 - probabilityAlive[i]) * clv[i];
        return v;
    }

    /** The summary and these scores as one customer table (the CLI's output CSV). */
    public Dataset toDataset(String name, TransactionSummary s) {
        Dataset d = s.toDataset(name);
        List<Column> cols = new ArrayList<>(d.columns());
        cols.addAll(scoreColumns("", null));
        return new Dataset(name, cols);
    }

    /** The score columns, optionally re-ordered by {@code rows} (−1 = missing). */
    private List<Column> scoreColumns(String prefix, int[] rows) {
        List<Column> cols = new ArrayList<>();
        cols.add(col(prefix + "expected_purchases", expectedPurchases, rows));
        cols.add(col(prefix + "p_alive", probabilityAlive, rows));
        if (clv != null) {
            cols.add(col(prefix + "expected_spend", expectedSpend, rows));
            cols.add(col(prefix + "clv", clv, rows));
            cols.add(col(prefix + "value_at_risk", valueAtRisk(), rows));
        }
        int n = rows == null ? size() : rows.length;
        String[] t = new String[n];
        for (int i = 0; i < n; i++) {
            int k = rows == null ? i : rows[i];
            t[i] = k < 0 ? null : tiers[k].key();
        }
        cols.add(StringColumn.of(prefix + "tier", true, t));
        return cols;
    }

    private static DoubleColumn col(String name, double[] v, int[] rows) {
        if (rows == null) return new DoubleColumn(name, v.clone(), new BitSet());
        double[] out = new double[rows.length];
        BitSet miss = new BitSet();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0) miss.set(i); else out[i] = v[rows[i]];
        }
        return new DoubleColumn(name, out, miss);
    }

    /**
     * Adds the CLV columns ({@code clv_expected_purchases, clv_p_alive, clv_expected_spend, clv, clv_value_at_risk,
     * clv_tier}) to a customer dataset, matching its {@code customerColumn} to the summary's customer ids as text;
     * customers absent from the summary get missing values.
     */
    public Dataset addTo(Dataset customers, String customerColumn, TransactionSummary s) {
        Column key = customers.find(customerColumn).orElseThrow(() -> new UserException("clv.summary.noColumn",
                customerColumn, String.join(", ", customers.columnNames())));
        Map<String, Integer> index = new HashMap<>(s.size() * 2);
        for (int i = 0; i < s.size(); i++) index.put(s.customerId(i).trim(), i);
        int[] rows = new int[customers.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            Integer k = key.isMissing(i) ? null : index.get(key.format(i).trim());
            rows[i] = k == null ? -1 : k;
        }
        Dataset out = customers;
        for (Column c : scoreColumns("clv_", rows)) {
            out = out.withColumn(c.name().equals("clv_clv") ? c.withName("clv") : c);
        }
        return out;
    }
}
