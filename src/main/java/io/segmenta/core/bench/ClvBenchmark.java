package io.segmenta.core.bench;

import io.segmenta.core.clv.ClvFitter;
import io.segmenta.core.clv.FitOptions;
import io.segmenta.core.clv.FrequencyModel;
import io.segmenta.core.clv.ModelFit;
import io.segmenta.core.clv.SummaryBuilder;
import io.segmenta.core.clv.SummaryOptions;
import io.segmenta.core.clv.TimeUnit;
import io.segmenta.core.clv.TransactionSummary;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.task.TaskContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The CLV scale benchmark: a synthetic transaction log drawn from BG/NBD (purchase rates per day Gamma(r, α),
 * dropout after repeat purchases Beta(a, b), acquisition spread over the first year, two years of calibration,
 * days as the unit; see {@link #simulate}) with Gamma-Gamma amounts and 1% returns, in shuffled order as primitive
 * columns; timed: the per-customer summary, the BG/NBD fit and the Gamma-Gamma fit, whose estimates should come
 * back close to the generating values. Core code: returns a record, logs through the consumer, never prints.
 */
public final class ClvBenchmark {
    private ClvBenchmark() { }

    /** The generating parameters (per day) and the ones recovered. */
    public record Result(int customers, int transactions, int summarisedCustomers, int repeatCustomers,
                         double generateSeconds, double summarySeconds, double bgnbdSeconds, double gammaGammaSeconds,
                         double totalSeconds, double peakHeapMb, double maxHeapMb, double[] trueBgnbd, ModelFit bgnbd,
                         double[] trueGammaGamma, ModelFit gammaGamma) { }

    static final double R = 0.8, A = 0.8, B = 4.0, P = 6.0, Q = 4.0, GAMMA = 15.0;
    /** Calibration end (epoch day; days 0 … 729 are two years) and the span of first purchases (the first year). */
    static final int CAL_END = 729, ACQUISITION_DAYS = 365;
    static final double RETURN_SHARE = 0.01;

    public static Result run(int customers, int transactions, long seed, Consumer<String> log) {
        if (customers < 100 || transactions < customers) throw new IllegalArgumentException("need customers >= 100 and transactions >= customers");
        long t0 = System.nanoTime();
        double alpha = calibrateAlpha(transactions / (double) customers, seed);
        Dataset d = generate(customers, transactions, alpha, seed);
        double gen = (System.nanoTime() - t0) / 1e9;
        log.accept(String.format(java.util.Locale.ROOT, "generated %,d transactions of %,d customers in %.1f s (alpha %.1f days)",
                d.rowCount(), customers, gen, alpha));
        System.gc();
        resetPeaks();
        long t1 = System.nanoTime();
        SummaryOptions so = new SummaryOptions("customer", "date", "amount", null, TimeUnit.DAYS,
                LocalDate.ofEpochDay(CAL_END), null, null);
        TransactionSummary s = SummaryBuilder.build(d, so, TaskContext.NONE);
        long t2 = System.nanoTime();
        log.accept(String.format(java.util.Locale.ROOT, "summary: %.2f s (%,d customers)", (t2 - t1) / 1e9, s.size()));
        ModelFit bg = ClvFitter.fit(FrequencyModel.BGNBD, s, FitOptions.defaults(), TaskContext.NONE);
        long t3 = System.nanoTime();
        log.accept(String.format(java.util.Locale.ROOT, "BG/NBD: %.2f s, %d iterations, converged %s", (t3 - t2) / 1e9,
                bg.iterations(), bg.converged()));
        ModelFit gg = ClvFitter.fitGammaGamma(s, FitOptions.defaults(), TaskContext.NONE);
        long t4 = System.nanoTime();
        log.accept(String.format(java.util.Locale.ROOT, "Gamma-Gamma: %.2f s, %d iterations, converged %s", (t4 - t3) / 1e9,
                gg.iterations(), gg.converged()));
        double peak = peakHeapMb();
        return new Result(customers, d.rowCount(), s.size(), s.repeatCustomers(), gen, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                (t4 - t3) / 1e9, (t4 - t1) / 1e9, peak, Runtime.getRuntime().maxMemory() / 1048576.0,
                new double[]{R, alpha, A, B}, bg, new double[]{P, Q, GAMMA}, gg);
    }

    /** α (days) so that customers make about {@code perCustomer} transactions on average, found on a pilot sample. */
    static double calibrateAlpha(double perCustomer, long seed) {
        double alpha = 30;
        for (int it = 0; it < 8; it++) {
            SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
            long total = 0;
            int n = 20_000;
            for (int i = 0; i < n; i++) total += simulate(rnd, alpha, null, 0);
            double mean = (double) total / n;
            alpha *= Math.max(0.2, Math.min(5, (mean - 1) / Math.max(1e-3, perCustomer - 1)));
        }
        return alpha;
    }

    /** The generated log while it grows: customer, day and amount of each row. */
    static final class Log {
        long[] ids;
        int[] days;
        double[] amounts;
        int size;

        Log(int capacity) {
            ids = new long[capacity];
            days = new int[capacity];
            amounts = new double[capacity];
        }

        void add(long id, int day, double amount) {
            if (size == ids.length) {
                int cap = Math.max(16, size + (size >> 1));
                ids = java.util.Arrays.copyOf(ids, cap);
                days = java.util.Arrays.copyOf(days, cap);
                amounts = java.util.Arrays.copyOf(amounts, cap);
            }
            ids[size] = id;
            days[size] = day;
            amounts[size] = amount;
            size++;
        }
    }

    /**
     * Draws one customer of the BG/NBD process in whole days and returns the number of purchase days. The first
     * purchase falls on a day of the first year; each later day up to and including {@code CAL_END} is a purchase
     * day with probability λ ~ Gamma(R, α) (per day), and after each <em>repeat</em> purchase the customer drops
     * out with probability p ~ Beta(A, B) (not at the first purchase: the model has every customer alive until a
     * repeat purchase). So an active customer makes Binomial(T, λ) repeat purchases in the summary's T days
     * (calibration end minus first purchase day), mean λT as in the model's Poisson process; a Poisson process in
     * continuous time would put some purchases on a day already bought on, which the summary merges (it counts
     * purchase days), losing about 4% of the purchases at 10 per customer and biasing α up by about 10%. Days
     * rather than continuous time still leave a small bias for the fastest buyers (fitted α about 3% high, r about
     * 1–2% high at 10 purchases per customer; a, b and the Gamma-Gamma parameters within sampling error).
     * With a log, each purchase day gets one Gamma-Gamma amount (spend ~ Gamma(P, ν), ν ~ Gamma(Q, GAMMA)), and 1%
     * of them a return row within the next week (negative amount: dropped by the summary's default returns
     * policy, so it changes neither frequency nor spend).
     */
    static int simulate(SplittableRandom rnd, double alpha, Log log, long id) {
        double lambda = Math.min(1, gamma(rnd, R) / alpha);
        double p = beta(rnd, A, B);
        double nu = gamma(rnd, Q) / GAMMA; // spend scale of this customer
        double lnQuiet = Math.log1p(-lambda); // ln P(no purchase on a day)
        int day = rnd.nextInt(ACQUISITION_DAYS);
        int k = 0;
        while (true) {
            if (log != null) {
                double amt = Math.round(gamma(rnd, P) / nu * 100) / 100.0;
                log.add(id, day, amt);
                if (rnd.nextDouble() < RETURN_SHARE) {
                    double back = Math.round(amt * (0.2 + 0.8 * rnd.nextDouble()) * 100) / 100.0;
                    log.add(id, Math.min(CAL_END, day + rnd.nextInt(8)), -Math.max(0.01, back));
                }
            }
            k++;
            if (k > 1 && rnd.nextDouble() < p) break; // dropout after a repeat purchase
            // days until the next purchase day: geometric with success probability λ
            double gap = lambda >= 1 ? 1 : 1 + Math.floor(Math.log(1 - rnd.nextDouble()) / lnQuiet);
            if (!(day + gap <= CAL_END)) break;
            day += (int) gap;
        }
        return k;
    }

    static Dataset generate(int customers, int transactions, double alpha, long seed) {
        return toDataset(generateLog(customers, transactions, alpha, seed), new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL));
    }

    /**
     * The customers' rows in customer order: about {@code transactions} of them (α sets the mean), every customer
     * drawn in full (no budget that cuts the last customers' histories short).
     */
    static Log generateLog(int customers, int transactions, double alpha, long seed) {
        Log log = new Log(transactions + transactions / 8 + 16);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int c = 0; c < customers; c++) {
            long id = 1_000_000_007L * (c + 1) % 9_999_999_967L;
            simulate(rnd, alpha, log, id);
        }
        return log;
    }

    /** The log shuffled (logs arrive in time order, not grouped by customer) as primitive columns. */
    static Dataset toDataset(Log log, SplittableRandom rnd) {
        int n = log.size;
        long[] ids = java.util.Arrays.copyOf(log.ids, n);
        int[] days = java.util.Arrays.copyOf(log.days, n);
        double[] amounts = java.util.Arrays.copyOf(log.amounts, n);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long ti = ids[i]; ids[i] = ids[j]; ids[j] = ti;
            int td = days[i]; days[i] = days[j]; days[j] = td;
            double ta = amounts[i]; amounts[i] = amounts[j]; amounts[j] = ta;
        }
        List<Column> cols = List.of(new LongColumn("customer", ids, new BitSet(), true), new DateColumn("date", days, new BitSet()),
                new DoubleColumn("amount", amounts, new BitSet()));
        return new Dataset("transactions", cols);
    }

    /** Marsaglia–Tsang Gamma(shape, 1). */
    static double gamma(SplittableRandom r, double shape) {
        if (shape < 1) return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x, v;
            do {
                x = normal(r);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = r.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }

    static double beta(SplittableRandom r, double a, double b) {
        double x = gamma(r, a), y = gamma(r, b);
        return x / (x + y);
    }

    private static double normal(SplittableRandom r) {
        double u1 = 1 - r.nextDouble(), u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum / 1048576.0;
    }
}
