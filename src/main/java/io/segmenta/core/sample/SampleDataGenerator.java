package io.segmenta.core.sample;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.io.CsvWriter;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Generates a realistic synthetic customer base of a Spanish retailer, its transaction log and a province
 * table, for demos, tutorials and tests. The same seed always gives the same data, byte for byte.
 *
 * <h2>How a customer is made</h2>
 * <ol>
 *   <li>A planted {@link Segment} is drawn with the segment's share.</li>
 *   <li>The province is drawn in proportion to its 2015 population, tilted by the segment: young urban
 *       customers favour the big-city provinces, affluent ones the richer provinces, bargain hunters the
 *       poorer ones. Income is log-normal around the segment's median, scaled by the province's
 *       (illustrative) median income; about 6% of incomes are missing (12% for new customers).</li>
 *   <li>Tenure (months since sign-up, as of {@link #SNAPSHOT}) comes from the segment; orders are placed
 *       between {@code max(sign-up, 2023-01-01)} and 2024-12-31 (lapsed customers stop at a lapse date
 *       between 2023 and mid-2024) at a segment rate with a per-customer log-normal spread. Each order's
 *       amount is log-normal around the customer's basket size.</li>
 *   <li>{@code recency_days}, {@code frequency} (orders in 2024) and {@code monetary} (their total) are
 *       computed from the log, so the customer table and the transactions always agree.</li>
 *   <li>{@code churned} (no purchase in the first half of 2025) follows a logistic model:
 *       logit = −1.2 + 0.0065·recency − 0.12·frequency − 2.5·open_rate + 0.8·[tenure ≤ 6 months].</li>
 *   <li>{@code converted} (bought after the January 2025 e-mail campaign; never for churned customers)
 *       follows logit = −4.6 + 3·open_rate + 15·ctr − 0.004·recency + 0.3·[channel = email];
 *       {@code spend} is the amount spent then, 0 when not converted.</li>
 * </ol>
 */
public final class SampleDataGenerator {
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_CUSTOMERS = 20_000;
    public static final int MAX_CUSTOMERS = 1_000_000;
    /** The day the customer table describes ("as of"). */
    public static final LocalDate SNAPSHOT = LocalDate.of(2025, 1, 1);
    public static final LocalDate LOG_START = LocalDate.of(2023, 1, 1);
    public static final LocalDate LOG_END = LocalDate.of(2024, 12, 31);
    /** Start of the 12 months that {@code frequency} and {@code monetary} cover. */
    public static final LocalDate YEAR_START = LocalDate.of(2024, 1, 1);

    public static final String CUSTOMERS_FILE = "customers.csv";
    public static final String TRANSACTIONS_FILE = "transactions.csv";
    public static final String PROVINCES_FILE = "provinces.csv";
    public static final String README_FILE = "README.txt";
    /** The files {@link #write} writes, in order. */
    public static final java.util.List<String> FILES = java.util.List.of(CUSTOMERS_FILE, TRANSACTIONS_FILE, PROVINCES_FILE, README_FILE);

    public static final List<String> CHANNELS = List.of("email", "web", "app", "store");

    /** Customer-table layout: ';' separated, decimal comma, dd/MM/yyyy dates, like a Spanish CRM export. */
    public static final CsvWriter.Options CUSTOMERS_CSV = CsvWriter.Options.spanish();
    /** Transaction log layout: ',' separated, decimal point, ISO dates. */
    public static final CsvWriter.Options TRANSACTIONS_CSV = CsvWriter.Options.defaults();
    /** Province table layout: ';' separated, decimal comma. */
    public static final CsvWriter.Options PROVINCES_CSV = CsvWriter.Options.spanish();

    private static final Set<String> BIG_CITY_PROVINCES = Set.of("28", "08", "46", "41", "29", "48", "50");
    private static final double REFERENCE_MEDIAN_INCOME = 13_000.0;

    /** How a planted segment behaves. */
    private record Profile(double ageMean, double ageSd, int ageMin, int ageMax, double femaleShare,
                           double bigCityBoost, double incomeTilt, double incomeMedian, double incomeSigma,
                           int tenureMin, int tenureMax, double ordersPerYear, double basket, double basketSigma,
                           double openMean, double openSd, double clickShare, double[] channelWeights,
                           double incomeMissing) { }

    private static final Map<Segment, Profile> PROFILES = Map.of(
            Segment.YOUNG_URBAN_APP, new Profile(26, 4, 18, 35, 0.55, 3.5, 0.0, 24_000, 0.35,
                    3, 36, 9.0, 32, 0.45, 0.48, 0.12, 0.20, new double[]{0.10, 0.20, 0.62, 0.08}, 0.05),
            Segment.AFFLUENT_LOYAL, new Profile(54, 8, 35, 80, 0.48, 1.3, 3.0, 62_000, 0.35,
                    48, 180, 9.0, 140, 0.40, 0.36, 0.10, 0.12, new double[]{0.20, 0.30, 0.10, 0.40}, 0.05),
            Segment.BARGAIN_HUNTERS, new Profile(41, 10, 22, 70, 0.60, 1.0, -1.5, 21_000, 0.35,
                    12, 96, 6.0, 24, 0.50, 0.42, 0.12, 0.22, new double[]{0.50, 0.35, 0.10, 0.05}, 0.05),
            Segment.LAPSED_DORMANT, new Profile(50, 13, 20, 85, 0.50, 1.0, 0.0, 27_000, 0.45,
                    24, 150, 3.5, 45, 0.55, 0.07, 0.05, 0.08, new double[]{0.35, 0.30, 0.05, 0.30}, 0.05),
            Segment.NEW_CUSTOMERS, new Profile(33, 9, 18, 65, 0.52, 1.5, 0.0, 26_000, 0.40,
                    1, 6, 7.0, 40, 0.50, 0.55, 0.12, 0.15, new double[]{0.30, 0.40, 0.25, 0.05}, 0.12));

    private SampleDataGenerator() { }

    /** The default sample: 20,000 customers, seed 42. */
    public static SampleData generate() { return generate(DEFAULT_CUSTOMERS, DEFAULT_SEED, TaskContext.NONE); }

    public static SampleData generate(int customers, long seed, TaskContext ctx) {
        if (customers < 1 || customers > MAX_CUSTOMERS) throw new UserException("data.sample.badCount", customers, MAX_CUSTOMERS);
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        List<SpainProvinces.Province> provinces = SpainProvinces.ALL;
        Segment[] segmentValues = Segment.values();
        double[] segmentWeights = new double[segmentValues.length];
        for (int s = 0; s < segmentValues.length; s++) segmentWeights[s] = segmentValues[s].share();
        Map<Segment, double[]> provinceWeights = new LinkedHashMap<>();
        for (Segment s : segmentValues) provinceWeights.put(s, provinceWeights(PROFILES.get(s)));

        int n = customers;
        String[] ids = new String[n];
        long[] age = new long[n];
        String[] gender = new String[n];
        String[] province = new String[n];
        double[] income = new double[n];
        BitSet incomeMissing = new BitSet(n);
        long[] tenure = new long[n];
        int[] signup = new int[n];
        long[] recency = new long[n];
        long[] frequency = new long[n];
        double[] monetary = new double[n];
        double[] openRate = new double[n];
        double[] ctr = new double[n];
        String[] channel = new String[n];
        long[] churned = new long[n];
        long[] converted = new long[n];
        double[] spend = new double[n];
        List<Segment> segments = new ArrayList<>(n);
        Orders orders = new Orders(n * 12);

        int snapshot = (int) SNAPSHOT.toEpochDay();
        int logStart = (int) LOG_START.toEpochDay();
        int logEnd = (int) LOG_END.toEpochDay();
        int yearStart = (int) YEAR_START.toEpochDay();

        for (int i = 0; i < n; i++) {
            if ((i & 0x3FF) == 0) {
                c.checkCancelled();
                c.progress(i, n, I18n.tr("data.sample.progress.customers"));
            }
            Rng r = Rng.forItem(seed, 1, i);
            Segment seg = segmentValues[r.pick(segmentWeights)];
            Profile p = PROFILES.get(seg);
            segments.add(seg);
            ids[i] = String.format(Locale.ROOT, "C%06d", i + 1);
            age[i] = clamp(Math.round(r.normal(p.ageMean(), p.ageSd())), p.ageMin(), p.ageMax());
            gender[i] = r.chance(p.femaleShare()) ? "F" : "M";
            SpainProvinces.Province prov = provinces.get(r.pick(provinceWeights.get(seg)));
            province[i] = prov.code();
            double provFactor = StrictMath.pow(prov.medianIncome() / REFERENCE_MEDIAN_INCOME, 0.8);
            double inc = r.logNormal(p.incomeMedian(), p.incomeSigma()) * provFactor;
            income[i] = round(Math.max(6_000, inc), 2);
            if (r.chance(p.incomeMissing())) incomeMissing.set(i);
            tenure[i] = r.between(p.tenureMin(), p.tenureMax());
            // Whole months from sign-up to the snapshot equal tenure_months.
            LocalDate signupDate = SNAPSHOT.minusMonths(tenure[i]).minusDays(r.between(0, 27));
            signup[i] = (int) signupDate.toEpochDay();

            // Orders.
            double rate = p.ordersPerYear() * r.meanOneLogNormal(0.45);
            double basket = p.basket() * StrictMath.pow(inc / p.incomeMedian(), 0.3) * r.meanOneLogNormal(0.25);
            int from = Math.max(logStart, signup[i]);
            int to = logEnd;
            if (seg == Segment.LAPSED_DORMANT) {
                int lapseLatest = (int) LocalDate.of(2024, 6, 30).toEpochDay();
                to = r.between(Math.min(from + 14, lapseLatest), lapseLatest);
            }
            int span = to - from + 1;
            int count = Math.max(1, r.poisson(rate * span / 365.0));
            int[] days = new int[count];
            days[0] = seg == Segment.NEW_CUSTOMERS ? from : (seg == Segment.LAPSED_DORMANT ? to : from + (int) (r.uniform() * span));
            for (int k = 1; k < count; k++) days[k] = from + (int) (r.uniform() * span);
            Arrays.sort(days);
            long freq = 0;
            double mon = 0;
            for (int k = 0; k < count; k++) {
                double amount = round(Math.max(3.0, basket * r.meanOneLogNormal(p.basketSigma())), 2);
                orders.add(i, days[k], amount);
                if (days[k] >= yearStart) {
                    freq++;
                    mon += amount;
                }
            }
            recency[i] = snapshot - days[count - 1];
            frequency[i] = freq;
            monetary[i] = round(mon, 2);

            // Engagement.
            double open = clamp(r.normal(p.openMean(), p.openSd()), 0.0, 0.95);
            openRate[i] = round(open, 3);
            ctr[i] = round(Math.min(open, open * p.clickShare() * r.meanOneLogNormal(0.3)), 3);
            channel[i] = CHANNELS.get(r.pick(p.channelWeights()));

            // Outcomes.
            double churnLogit = -1.2 + 0.0065 * recency[i] - 0.12 * frequency[i] - 2.5 * openRate[i]
                    + (tenure[i] <= 6 ? 0.8 : 0.0);
            boolean churn = r.chance(logistic(churnLogit));
            churned[i] = churn ? 1 : 0;
            double convLogit = -4.6 + 3.0 * openRate[i] + 15.0 * ctr[i] - 0.004 * recency[i]
                    + ("email".equals(channel[i]) ? 0.3 : 0.0);
            boolean conv = !churn && r.chance(logistic(convLogit));
            converted[i] = conv ? 1 : 0;
            spend[i] = conv ? round(Math.max(5.0, basket * 1.2 * r.meanOneLogNormal(0.5)), 2) : 0.0;
        }
        c.checkCancelled();
        c.progress(n, n, I18n.tr("data.sample.progress.transactions"));

        List<Column> cols = new ArrayList<>();
        cols.add(text("customer_id", ids, false, true));
        cols.add(new LongColumn("age", age, null));
        cols.add(text("gender", gender, true, false));
        cols.add(text("province_code", province, true, false));
        cols.add(new DoubleColumn("income", income, incomeMissing));
        cols.add(new LongColumn("tenure_months", tenure, null));
        cols.add(new DateColumn("signup_date", signup, null));
        cols.add(new LongColumn("recency_days", recency, null));
        cols.add(new LongColumn("frequency", frequency, null));
        cols.add(new DoubleColumn("monetary", monetary, null));
        cols.add(new DoubleColumn("open_rate", openRate, null));
        cols.add(new DoubleColumn("ctr", ctr, null));
        cols.add(text("channel", channel, true, false));
        cols.add(new LongColumn("churned", churned, null));
        cols.add(new LongColumn("converted", converted, null));
        cols.add(new DoubleColumn("spend", spend, null));
        Dataset customerTable = new Dataset("customers", cols, customerDescriptions());

        Dataset transactionTable = orders.toDataset(ids);
        Dataset provinceTable = provinceTable();
        return new SampleData(seed, customerTable, transactionTable, provinceTable, segments);
    }

    /** Writes customers.csv, transactions.csv, provinces.csv and README.txt into {@code dir}; returns the files. */
    public static List<Path> write(SampleData data, Path dir, TaskContext ctx) {
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserException("data.sample.notAFolder", dir);
        Path customers = dir.resolve(CUSTOMERS_FILE);
        Path transactions = dir.resolve(TRANSACTIONS_FILE);
        Path provinces = dir.resolve(PROVINCES_FILE);
        Path readme = dir.resolve(README_FILE);
        CsvWriter.write(data.customers(), customers, CUSTOMERS_CSV, c);
        CsvWriter.write(data.transactions(), transactions, TRANSACTIONS_CSV, c);
        CsvWriter.write(data.provinces(), provinces, PROVINCES_CSV, c);
        CsvWriter.writeText(readme, readme(data));
        return List.of(customers, transactions, provinces, readme);
    }

    /** The province table: INE code, ISO code, name, autonomous community, 2015 population, illustrative median income. */
    public static Dataset provinceTable() {
        List<SpainProvinces.Province> all = SpainProvinces.ALL;
        int n = all.size();
        String[] code = new String[n];
        String[] iso = new String[n];
        String[] name = new String[n];
        String[] community = new String[n];
        long[] population = new long[n];
        long[] median = new long[n];
        for (int i = 0; i < n; i++) {
            SpainProvinces.Province p = all.get(i);
            code[i] = p.code();
            iso[i] = p.isoCode();
            name[i] = p.name();
            community[i] = p.community();
            population[i] = p.population();
            median[i] = p.medianIncome();
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("province_code", "INE province code, two digits (01-52)");
        d.put("iso_code", "ISO 3166-2 code");
        d.put("province", "Province name as listed by INE");
        d.put("autonomous_community", "Autonomous community or autonomous city");
        d.put("population", "Residents on 1 January 2015 (INE)");
        d.put("median_income", "ILLUSTRATIVE median net income per person, EUR per year; not official data");
        return new Dataset("provinces", List.of(
                text("province_code", code, false, true), text("iso_code", iso, false, false),
                text("province", name, false, false), text("autonomous_community", community, true, false),
                new LongColumn("population", population, null), new LongColumn("median_income", median, null)), d);
    }

    /** The README written next to the files: what they are, how they were made, and attribution. */
    public static String readme(SampleData data) {
        StringBuilder sb = new StringBuilder();
        sb.append("Segmenta sample data: a synthetic Spanish customer base\n");
        sb.append("=========================================================\n\n");
        sb.append("Generated by Segmenta's SampleDataGenerator with seed ").append(data.seed()).append(": ")
                .append(data.customers().rowCount()).append(" customers, ")
                .append(data.transactions().rowCount()).append(" orders, ")
                .append(data.provinces().rowCount()).append(" provinces.\n");
        sb.append("The customers are fictitious. The same seed always gives the same files.\n");
        sb.append("Reference date (\"as of\"): ").append(SNAPSHOT).append(". Orders cover ").append(LOG_START)
                .append(" to ").append(LOG_END).append(".\n\n");
        sb.append("Files\n-----\n");
        sb.append(CUSTOMERS_FILE).append(": one row per customer; ';' separated, decimal comma, dates dd/MM/yyyy, UTF-8.\n");
        appendColumns(sb, data.customers());
        sb.append('\n').append(TRANSACTIONS_FILE).append(": one row per order; ',' separated, decimal point, ISO dates, UTF-8.\n");
        appendColumns(sb, data.transactions());
        sb.append('\n').append(PROVINCES_FILE).append(": one row per province; ';' separated, UTF-8. Join it to ")
                .append(CUSTOMERS_FILE).append(" on province_code.\n");
        appendColumns(sb, data.provinces());
        sb.append("\nPlanted structure\n-----------------\n");
        sb.append("Five customer groups with different behaviour (not a column; a segmentation should find them):\n");
        for (Segment s : Segment.values()) {
            sb.append("  ").append(s.key()).append(" (about ").append(Math.round(s.share() * 100)).append("%)\n");
        }
        sb.append("Churn rises with recency and falls with frequency and open rate; conversion rises with open rate,\n");
        sb.append("click rate and recent activity; churned customers never convert. recency_days, frequency and\n");
        sb.append("monetary are computed from ").append(TRANSACTIONS_FILE).append(".\n\n");
        sb.append("Sources and attribution\n-----------------------\n");
        sb.append("Province codes, names, autonomous communities and 2015 populations: Instituto Nacional de\n");
        sb.append("Estadística (INE), via the Khartis examples (MIT) and ESdata. The median_income figures are\n");
        sb.append("ILLUSTRATIVE values chosen for this sample, not official statistics.\n");
        return sb.toString();
    }

    private static void appendColumns(StringBuilder sb, Dataset d) {
        for (Column col : d.columns()) {
            sb.append("  ").append(col.name()).append(" (").append(col.type().key()).append(")");
            d.description(col.name()).ifPresent(t -> sb.append(": ").append(t));
            sb.append('\n');
        }
    }

    private static Map<String, String> customerDescriptions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("customer_id", "Customer identifier");
        d.put("age", "Age in years");
        d.put("gender", "F or M");
        d.put("province_code", "INE province code of the customer's address, two digits (see provinces.csv)");
        d.put("income", "Estimated annual income, EUR (missing for some customers)");
        d.put("tenure_months", "Months since sign-up, as of 2025-01-01");
        d.put("signup_date", "Sign-up date");
        d.put("recency_days", "Days from the last order to 2025-01-01");
        d.put("frequency", "Orders in the last 12 months (2024)");
        d.put("monetary", "Total spend in the last 12 months, EUR");
        d.put("open_rate", "Share of marketing e-mails opened");
        d.put("ctr", "Share of marketing e-mails clicked (click-through rate)");
        d.put("channel", "Preferred channel: email, web, app or store");
        d.put("churned", "1 = no purchase in the first half of 2025");
        d.put("converted", "1 = bought after the January 2025 e-mail campaign");
        d.put("spend", "Spend after the January 2025 campaign, EUR (0 when not converted)");
        return d;
    }

    private static double[] provinceWeights(Profile p) {
        List<SpainProvinces.Province> all = SpainProvinces.ALL;
        double[] w = new double[all.size()];
        for (int i = 0; i < w.length; i++) {
            SpainProvinces.Province prov = all.get(i);
            double x = prov.population();
            if (BIG_CITY_PROVINCES.contains(prov.code())) x *= p.bigCityBoost();
            x *= StrictMath.pow(prov.medianIncome() / REFERENCE_MEDIAN_INCOME, p.incomeTilt());
            w[i] = x;
        }
        return w;
    }

    private static StringColumn text(String name, String[] values, boolean categorical, boolean idLike) {
        StringColumn s = StringColumn.of(name, categorical, values);
        return idLike ? (StringColumn) s.withIdLike(true) : s;
    }

    private static double logistic(double x) { return 1.0 / (1.0 + StrictMath.exp(-x)); }

    private static long clamp(long v, long lo, long hi) { return Math.max(lo, Math.min(hi, v)); }

    private static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }

    private static double round(double v, int decimals) {
        double f = StrictMath.pow(10, decimals);
        return StrictMath.rint(v * f) / f;
    }

    /** The growing transaction log, sorted by date and customer when turned into a table. */
    private static final class Orders {
        private int size;
        private int[] customer;
        private int[] day;
        private double[] amount;

        Orders(int capacity) {
            customer = new int[capacity];
            day = new int[capacity];
            amount = new double[capacity];
        }

        void add(int c, int d, double a) {
            if (size == customer.length) {
                int cap = size * 2 + 16;
                customer = Arrays.copyOf(customer, cap);
                day = Arrays.copyOf(day, cap);
                amount = Arrays.copyOf(amount, cap);
            }
            customer[size] = c;
            day[size] = d;
            amount[size] = a;
            size++;
        }

        Dataset toDataset(String[] ids) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) order[i] = i;
            // Stable sort: same day orders stay grouped by customer, in the order they were drawn.
            Arrays.sort(order, (a, b) -> day[a] != day[b] ? Integer.compare(day[a], day[b]) : Integer.compare(customer[a], customer[b]));
            int[] codes = new int[size];
            String[] orderIds = new String[size];
            int[] days = new int[size];
            double[] amounts = new double[size];
            for (int k = 0; k < size; k++) {
                int i = order[k];
                codes[k] = customer[i];
                orderIds[k] = String.format(Locale.ROOT, "O%07d", k + 1);
                days[k] = day[i];
                amounts[k] = amount[i];
            }
            Map<String, String> d = new LinkedHashMap<>();
            d.put("customer_id", "Customer identifier (see customers.csv)");
            d.put("order_id", "Order identifier, numbered by date");
            d.put("order_date", "Order date");
            d.put("amount", "Order amount, EUR");
            return new Dataset("transactions", List.of(
                    new StringColumn("customer_id", codes, ids, null, false, false),
                    text("order_id", orderIds, false, true),
                    new DateColumn("order_date", days, null),
                    new DoubleColumn("amount", amounts, null)), d);
        }
    }
}
