package io.segmenta.core.model;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic customers with a planted signal: logit = 1.5·x1 − x2 + 1.2·[plan = b] − 0.5, churn drawn
 * from it. {@code trueLogit} lets a test compute the best AUC any model can reach on the same rows.
 */
final class Planted {
    final Dataset dataset;
    final double[] trueLogit;

    private Planted(Dataset d, double[] t) { dataset = d; trueLogit = t; }

    static Planted churn(int n, long seed, boolean withLeak) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n], x2 = new double[n], logit = new double[n], leak = new double[n];
        long[] id = new long[n];
        String[] plan = new String[n], churn = new String[n];
        BitSet x2Missing = new BitSet();
        String[] plans = {"a", "b", "c", "d"};
        for (int i = 0; i < n; i++) {
            id[i] = 1000 + i;
            x1[i] = gauss(r);
            x2[i] = gauss(r);
            plan[i] = plans[r.nextInt(4)];
            logit[i] = 1.5 * x1[i] - x2[i] + (plan[i].equals("b") ? 1.2 : 0) - 0.5;
            boolean y = r.nextDouble() < 1 / (1 + Math.exp(-logit[i]));
            churn[i] = y ? "yes" : "no";
            leak[i] = (y ? 1 : 0) + 0.05 * gauss(r);
            if (i % 17 == 0) x2Missing.set(i);
        }
        List<Column> cols = new ArrayList<>();
        cols.add(new LongColumn("customer_id", id, new BitSet(), true));
        cols.add(new DoubleColumn("x1", x1, new BitSet()));
        cols.add(new DoubleColumn("x2", x2.clone(), x2Missing));
        cols.add(StringColumn.of("plan", true, plan));
        cols.add(new LongColumn("constant", new long[n], new BitSet()));
        if (withLeak) cols.add(new DoubleColumn("after_call", leak, new BitSet()));
        cols.add(StringColumn.of("churn", true, churn));
        return new Planted(new Dataset("customers", cols), logit);
    }

    /** Lifetime value = 100 + 30·x1 + 50·[plan = c] + noise. */
    static Dataset ltv(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n], v = new double[n];
        String[] plan = new String[n];
        String[] plans = {"a", "b", "c"};
        for (int i = 0; i < n; i++) {
            x1[i] = gauss(r);
            plan[i] = plans[r.nextInt(3)];
            v[i] = 100 + 30 * x1[i] + (plan[i].equals("c") ? 50 : 0) + 5 * gauss(r);
        }
        return new Dataset("ltv", List.of(new DoubleColumn("x1", x1, new BitSet()), StringColumn.of("plan", true, plan),
                new DoubleColumn("value", v, new BitSet())));
    }

    static double gauss(SplittableRandom r) {
        double u = r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
