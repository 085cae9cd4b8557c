package io.segmenta.core.eda;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The column profile table behind Explore and {@code segmenta profile}. Stateless; columns are profiled
 * in parallel on a small pool, off the calling thread's toes, and the work checks for cancellation.
 *
 * <p>Definitions (chosen to match pandas/numpy so users can check them): count = non-missing values;
 * distinct exact; std is the sample standard deviation (n−1); quantiles are numpy's default 'linear'
 * percentiles; skewness is pandas {@code Series.skew()} (null when n &lt; 3 or the values are constant,
 * where pandas gives 0); zeros is the share of non-missing values equal to 0.
 */
public final class ColumnProfiler {
    private ColumnProfiler() { }

    /** A top value at or above this share of the non-missing values makes a column near-constant. */
    public static final double NEAR_CONSTANT_SHARE = 0.99;
    /** A categorical or text column with more distinct values than this has high cardinality. */
    public static final int HIGH_CARDINALITY_LEVELS = 50;
    /** A column with more than this share of missing rows is mostly missing. */
    public static final double MOSTLY_MISSING_SHARE = 0.5;
    /** A numeric column with |skewness| above this is heavily skewed (0/1 indicators are never flagged). */
    public static final double SKEW_THRESHOLD = 1.0;
    /**
     * A column whose single-column ROC AUC against a binary target, max(AUC, 1−AUC), reaches this is
     * flagged as possible leakage. Calibrated on the UCI bank marketing data (bank-full.csv, target y):
     * duration scores 0.808, the next strongest columns month 0.654, poutcome 0.614, contact 0.609,
     * housing 0.608; 0.75 separates the leak with a wide margin on both sides.
     */
    public static final double LEAKAGE_AUC = 0.75;
    /**
     * A column at or above {@link #LEAKAGE_AUC} is flagged only when it stands out: it beats every other
     * column's single-column AUC by at least this margin, or it reaches {@link #LEAKAGE_NEAR_PERFECT} on its
     * own. Several strong, similar predictors — recency, frequency and monetary value for churn — are a real
     * signal, not a leak. Calibrated on public data: duration beats the next column by 0.154 in bank-full
     * (0.808 vs month 0.654) and by 0.069 in bank-additional-full (0.818 vs nr.employed 0.749), both leaks;
     * the sample churn data's strongest honest columns lie within 0.027 of each other (recency 0.876,
     * frequency 0.872, monetary 0.849).
     */
    public static final double LEAKAGE_MARGIN = 0.05;
    /** A single column this predictive is flagged whatever the others do. */
    public static final double LEAKAGE_NEAR_PERFECT = 0.95;
    /** Values needed on each side of a binary target before the leakage AUC is computed. */
    public static final int LEAKAGE_MIN_CASES = 5;

    /** Profiles every column of the rows the filter keeps. */
    public static DatasetProfile profile(Dataset ds, ProfileOptions options, TaskContext ctx) {
        ProfileOptions o = options == null ? ProfileOptions.defaults() : options;
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        RowSelection sel = o.filter().apply(ds, c);
        int[] rows = sel.rows();
        TargetSpec.Values target = o.target() == null ? null : TargetSpec.resolve(ds, o.target(), o.positive(), rows);
        List<Callable<ColumnProfile>> jobs = new ArrayList<>();
        for (Column col : ds.columns()) {
            TargetSpec.Values t = target != null && target.spec().binary() && !col.name().equals(o.target()) ? target : null;
            jobs.add(() -> profileColumn(col, rows, o.topN(), t, c));
        }
        List<ColumnProfile> out = EdaExecutor.invokeAll(jobs, c, I18n.tr("eda.progress.profile"));
        if (target != null) out = flagLeakage(out, target.spec().column());
        return new DatasetProfile(ds.name(), ds.rowCount(), rows.length, out,
                target == null ? null : target.spec(), o);
    }

    /** Profiles one column of the given rows (no filter, no target); handy for a column detail pane. */
    public static ColumnProfile profileColumn(Column col, RowSelection rows, int topN) {
        return profileColumn(col, rows.rows(), topN, null, TaskContext.NONE);
    }

    // ------------------------------------------------------------------------------------------------

    static ColumnProfile profileColumn(Column col, int[] rows, int topN, TargetSpec.Values target, TaskContext ctx) {
        ctx.checkCancelled();
        Acc a = new Acc();
        a.rows = rows.length;
        switch (col) {
            case DoubleColumn d -> numericDouble(d, rows, a);
            case LongColumn l -> { long[] v = gatherLong(l, rows, a); integral(v, a, col.type()); }
            case DateColumn d -> { long[] v = gatherDate(d, rows, a); integral(v, a, col.type()); }
            case DateTimeColumn d -> { long[] v = gatherDateTime(d, rows, a); integral(v, a, col.type()); }
            case BooleanColumn b -> bool(b, rows, a, topN);
            case StringColumn s -> strings(s, rows, a, topN);
        }
        ctx.checkCancelled();
        ColumnType type = col.type();
        if (a.sorted != null) moments(a, type);
        Double leak = null;
        if (target != null && !col.idLike()) leak = leakage(col, rows, target.y(), a);
        List<Flag> flags = flags(col, a, leak);
        boolean numeric = type.isNumeric();
        return new ColumnProfile(col.name(), type, a.count, a.rows - a.count, a.distinct,
                box(a.mean), box(a.std), box(a.min), box(a.p5), box(a.p25), box(a.p50), box(a.p75), box(a.p95),
                box(a.max), box(a.skew), numeric && a.count > 0 ? (double) a.zeros / a.count : null,
                a.count > 0 ? (double) a.modeCount / a.count : null, a.top, leak, flags);
    }

    private static Double box(double v) { return Double.isNaN(v) ? null : v; }

    /** Accumulated statistics of one column. */
    private static final class Acc {
        int rows, count, distinct;
        long zeros, modeCount;
        double[] sorted; // ascending non-missing values (numeric view), null for strings
        double mean = Double.NaN, std = Double.NaN, min = Double.NaN, max = Double.NaN, skew = Double.NaN;
        double p5 = Double.NaN, p25 = Double.NaN, p50 = Double.NaN, p75 = Double.NaN, p95 = Double.NaN;
        List<TopValue> top = List.of();
        String modeText;
    }

    private static void numericDouble(DoubleColumn d, int[] rows, Acc a) {
        double[] raw = d.rawValues();
        double[] v = new double[rows.length];
        int n = 0;
        for (int r : rows) { double x = raw[r]; if (x == x) v[n++] = x; } // missing rows hold NaN
        v = n == v.length ? v : Arrays.copyOf(v, n);
        Arrays.sort(v);
        a.count = n;
        a.sorted = v;
        int distinct = 0;
        long best = 0, zeros = 0;
        double mode = Double.NaN;
        int i = 0;
        while (i < n) {
            double x = v[i];
            int j = i + 1;
            while (j < n && v[j] == x) j++;
            distinct++;
            if (j - i > best) { best = j - i; mode = x; }
            if (x == 0) zeros += j - i;
            i = j;
        }
        a.distinct = distinct;
        a.modeCount = best;
        a.zeros = zeros;
        a.modeText = n == 0 ? null : EdaData.valueText(ColumnType.DECIMAL, mode);
    }

    private static long[] gatherLong(LongColumn l, int[] rows, Acc a) {
        long[] raw = l.rawValues();
        long[] v = new long[rows.length];
        int n = 0;
        if (l.missingCount() == 0) for (int r : rows) v[n++] = raw[r];
        else for (int r : rows) if (!l.isMissing(r)) v[n++] = raw[r];
        a.modeText = null;
        return n == v.length ? v : Arrays.copyOf(v, n);
    }

    private static long[] gatherDate(DateColumn d, int[] rows, Acc a) {
        int[] raw = d.rawValues();
        long[] v = new long[rows.length];
        int n = 0;
        for (int r : rows) if (!d.isMissing(r)) v[n++] = raw[r];
        return n == v.length ? v : Arrays.copyOf(v, n);
    }

    private static long[] gatherDateTime(DateTimeColumn d, int[] rows, Acc a) {
        long[] raw = d.rawValues();
        long[] v = new long[rows.length];
        int n = 0;
        for (int r : rows) if (!d.isMissing(r)) v[n++] = raw[r];
        return n == v.length ? v : Arrays.copyOf(v, n);
    }

    /**
     * Integers, dates and date-times: exact distinct/mode/zeros on the longs, then the ascending values as
     * doubles. A counting sort is used when the value range is small compared with the row count.
     */
    private static void integral(long[] v, Acc a, ColumnType type) {
        int n = v.length;
        a.count = n;
        double[] s = new double[n];
        a.sorted = s;
        if (n == 0) return;
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (long x : v) { if (x < min) min = x; if (x > max) max = x; }
        long range = max - min; // may overflow for extreme ranges: then negative
        long mode = min;
        if (range >= 0 && range < (1 << 24) && range <= 4L * n + 1024) {
            int[] cnt = new int[(int) range + 1];
            for (long x : v) cnt[(int) (x - min)]++;
            int distinct = 0, best = 0, k = 0;
            for (int i = 0; i < cnt.length; i++) {
                int c = cnt[i];
                if (c == 0) continue;
                distinct++;
                if (c > best) { best = c; mode = min + i; }
                double x = min + i;
                Arrays.fill(s, k, k + c, x);
                k += c;
            }
            a.distinct = distinct;
            a.modeCount = best;
            a.zeros = min <= 0 && max >= 0 ? cnt[(int) -min] : 0;
        } else {
            Arrays.sort(v);
            int distinct = 0;
            long best = 0, zeros = 0;
            int i = 0;
            while (i < n) {
                long x = v[i];
                int j = i + 1;
                while (j < n && v[j] == x) j++;
                distinct++;
                if (j - i > best) { best = j - i; mode = x; }
                if (x == 0) zeros += j - i;
                for (int k = i; k < j; k++) s[k] = x;
                i = j;
            }
            a.distinct = distinct;
            a.modeCount = best;
            a.zeros = zeros;
        }
        a.modeText = EdaData.valueText(type, mode);
    }

    private static void bool(BooleanColumn b, int[] rows, Acc a, int topN) {
        double[] s = new double[rows.length];
        int n = 0, t = 0;
        for (int r : rows) {
            if (b.isMissing(r)) continue;
            n++;
            if (b.getBoolean(r)) t++;
        }
        // ascending 0/1 values for the mean/std
        Arrays.fill(s, 0, n - t, 0.0);
        Arrays.fill(s, n - t, n, 1.0);
        a.count = n;
        int f = n - t;
        a.distinct = (t > 0 ? 1 : 0) + (f > 0 ? 1 : 0);
        a.modeCount = Math.max(t, f);
        a.modeText = b.label(t > f);
        List<TopValue> top = new ArrayList<>();
        if (t >= f) {
            if (t > 0) top.add(new TopValue(b.trueLabel(), t, (double) t / n));
            if (f > 0) top.add(new TopValue(b.falseLabel(), f, (double) f / n));
        } else {
            top.add(new TopValue(b.falseLabel(), f, (double) f / n));
            if (t > 0) top.add(new TopValue(b.trueLabel(), t, (double) t / n));
        }
        a.top = top.size() > topN ? top.subList(0, topN) : top;
        double mean = n == 0 ? Double.NaN : (double) t / n;
        a.mean = mean;
        a.std = Stats.sampleStd(Stats.centralSums(s, n, mean)[0], n);
    }

    private static void strings(StringColumn s, int[] rows, Acc a, int topN) {
        int[] codes = s.rawCodes();
        String[] dict = s.dictionary();
        long[] counts = new long[dict.length];
        int n = 0;
        if (s.missingCount() == 0) {
            for (int r : rows) counts[codes[r]]++;
            n = rows.length;
        } else {
            for (int r : rows) if (!s.isMissing(r)) { counts[codes[r]]++; n++; }
        }
        a.count = n;
        int distinct = 0;
        for (long c : counts) if (c > 0) distinct++;
        a.distinct = distinct;
        // top N by count, ties by value: a bounded selection, not a full sort (ids have a million levels)
        int k = Math.min(topN, distinct);
        int[] best = new int[k];
        int size = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) continue;
            if (size < k) {
                best[size++] = i;
                for (int j = size - 1; j > 0 && better(counts, dict, best[j], best[j - 1]); j--) swap(best, j);
            } else if (better(counts, dict, i, best[k - 1])) {
                best[k - 1] = i;
                for (int j = k - 1; j > 0 && better(counts, dict, best[j], best[j - 1]); j--) swap(best, j);
            }
        }
        List<TopValue> top = new ArrayList<>(k);
        for (int i = 0; i < k; i++) top.add(new TopValue(dict[best[i]], counts[best[i]], (double) counts[best[i]] / n));
        a.top = top;
        a.modeCount = k > 0 ? counts[best[0]] : 0;
        a.modeText = k > 0 ? dict[best[0]] : null;
    }

    private static boolean better(long[] counts, String[] dict, int x, int y) {
        return counts[x] > counts[y] || counts[x] == counts[y] && dict[x].compareTo(dict[y]) < 0;
    }

    private static void swap(int[] a, int j) { int t = a[j]; a[j] = a[j - 1]; a[j - 1] = t; }

    private static void moments(Acc a, ColumnType type) {
        double[] s = a.sorted;
        int n = a.count;
        if (type == ColumnType.BOOLEAN || n == 0) return;
        a.min = s[0];
        a.max = s[n - 1];
        a.p5 = Stats.quantileSorted(s, n, 0.05);
        a.p25 = Stats.quantileSorted(s, n, 0.25);
        a.p50 = Stats.quantileSorted(s, n, 0.5);
        a.p75 = Stats.quantileSorted(s, n, 0.75);
        a.p95 = Stats.quantileSorted(s, n, 0.95);
        double mean = Stats.mean(s, n);
        double[] cs = Stats.centralSums(s, n, mean);
        a.mean = mean;
        a.std = Stats.sampleStd(cs[0], n);
        a.skew = Stats.skewness(cs[0], cs[1], n);
        if (type == ColumnType.DATETIME && !Double.isNaN(a.std)) a.std /= EdaData.MILLIS_PER_DAY;
    }

    /**
     * max(AUC, 1−AUC) of the column alone against the binary target; null when not computable. Being missing
     * counts as a value: a category of its own, or for a number the lowest or the highest value, whichever
     * predicts better — so a column filled in only for the customers who left ("churn reason") is caught.
     */
    private static Double leakage(Column col, int[] rows, double[] y, Acc a) {
        if (col instanceof StringColumn s) {
            int[] codes = s.rawCodes();
            int levels = s.dictionary().length;
            // too many categories: their in-sample rates would overfit, so only whether a value is there counts
            boolean presenceOnly = a.distinct > HIGH_CARDINALITY_LEVELS;
            long[] pos = new long[presenceOnly ? 2 : levels + 1], neg = new long[pos.length];
            for (int i = 0; i < rows.length; i++) {
                int r = rows[i];
                double t = y[i];
                if (t != t) continue;
                int k = s.isMissing(r) ? pos.length - 1 : presenceOnly ? 0 : codes[r];
                if (t == 1) pos[k]++; else neg[k]++;
            }
            if (presenceOnly && (pos[1] + neg[1] == 0)) return null;
            return categoricalAuc(pos, neg);
        }
        if (!EdaData.isNumericLike(col.type()) && col.type() != ColumnType.BOOLEAN) return null;
        double[] x = EdaData.aligned(col, rows);
        double[] p = new double[rows.length], q = new double[rows.length];
        int np = 0, nq = 0, missing = 0;
        for (int i = 0; i < rows.length; i++) {
            double v = x[i], t = y[i];
            if (t != t) continue;
            if (v != v) { missing++; v = Double.NEGATIVE_INFINITY; }
            if (t == 1) p[np++] = v; else q[nq++] = v;
        }
        if (np < LEAKAGE_MIN_CASES || nq < LEAKAGE_MIN_CASES || missing == np + nq) return null;
        double auc = Stats.aucByRanks(p, np, q, nq);
        double best = Math.max(auc, 1 - auc);
        if (missing > 0) {
            for (int i = 0; i < np; i++) if (p[i] == Double.NEGATIVE_INFINITY) p[i] = Double.POSITIVE_INFINITY;
            for (int i = 0; i < nq; i++) if (q[i] == Double.NEGATIVE_INFINITY) q[i] = Double.POSITIVE_INFINITY;
            auc = Stats.aucByRanks(p, np, q, nq);
            best = Math.max(best, Math.max(auc, 1 - auc));
        }
        return best;
    }

    /**
     * AUC of scoring each row by its category's target rate (computed on the same rows): categories in
     * rate order, ties between categories of equal rate counting one half.
     */
    static Double categoricalAuc(long[] pos, long[] neg) {
        int levels = pos.length;
        long np = 0, nn = 0;
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            np += pos[i];
            nn += neg[i];
            if (pos[i] + neg[i] > 0) used.add(i);
        }
        if (np < LEAKAGE_MIN_CASES || nn < LEAKAGE_MIN_CASES) return null;
        used.sort((x, y) -> Double.compare((double) pos[x] / (pos[x] + neg[x]), (double) pos[y] / (pos[y] + neg[y])));
        double u = 0;
        long negBelow = 0;
        int i = 0;
        while (i < used.size()) {
            double rate = (double) pos[used.get(i)] / (pos[used.get(i)] + neg[used.get(i)]);
            long gp = 0, gn = 0;
            int j = i;
            while (j < used.size() && (double) pos[used.get(j)] / (pos[used.get(j)] + neg[used.get(j)]) == rate) {
                gp += pos[used.get(j)];
                gn += neg[used.get(j)];
                j++;
            }
            u += gp * (negBelow + 0.5 * gn);
            negBelow += gn;
            i = j;
        }
        double auc = u / ((double) np * nn);
        return Math.max(auc, 1 - auc);
    }

    private static List<Flag> flags(Column col, Acc a, Double leak) {
        List<Flag> f = new ArrayList<>();
        ColumnType t = col.type();
        if (a.count == 0) {
            f.add(new Flag(Flag.Kind.CONSTANT, "eda.flag.constant.empty", List.of()));
        } else if (a.distinct == 1) {
            f.add(new Flag(Flag.Kind.CONSTANT, "eda.flag.constant", List.of(a.modeText == null ? "" : a.modeText)));
        } else if ((double) a.modeCount / a.count >= NEAR_CONSTANT_SHARE) {
            f.add(new Flag(Flag.Kind.NEAR_CONSTANT, "eda.flag.nearConstant",
                    List.of(a.modeText == null ? "" : a.modeText, (double) a.modeCount / a.count)));
        }
        if (col.idLike()) {
            f.add(new Flag(Flag.Kind.ID_LIKE, "eda.flag.idLike", List.of()));
        } else if (t.isString() && a.distinct > HIGH_CARDINALITY_LEVELS) {
            f.add(new Flag(Flag.Kind.HIGH_CARDINALITY, "eda.flag.highCardinality", List.of(a.distinct)));
        }
        if (a.rows > 0 && (double) (a.rows - a.count) / a.rows > MOSTLY_MISSING_SHARE) {
            f.add(new Flag(Flag.Kind.MOSTLY_MISSING, "eda.flag.mostlyMissing", List.of((double) (a.rows - a.count) / a.rows)));
        }
        if (t.isNumeric() && !col.idLike() && a.distinct > 2 && !Double.isNaN(a.skew) && Math.abs(a.skew) > SKEW_THRESHOLD) {
            String key = a.skew > 0 && a.min >= 0 ? "eda.flag.skewed.log" : "eda.flag.skewed";
            f.add(new Flag(Flag.Kind.SKEWED, key, List.of(a.skew)));
        }
        if ((t == ColumnType.DATE || t == ColumnType.DATETIME) && a.sorted != null && a.count > 0) {
            // after today (a day's margin for time zones): a typo (2099) or a placeholder date
            double today = t == ColumnType.DATE ? java.time.LocalDate.now(java.time.ZoneOffset.UTC).toEpochDay() + 1
                    : System.currentTimeMillis() + 86_400_000.0;
            int first = Arrays.binarySearch(a.sorted, 0, a.count, today);
            first = first >= 0 ? first + 1 : -first - 1;
            while (first < a.count && a.sorted[first] <= today) first++;
            long future = a.count - first;
            if (future > 0) f.add(new Flag(Flag.Kind.FUTURE_DATES, "eda.flag.futureDates", List.of(future, EdaData.valueText(t, a.max))));
        }
        return f;
    }

    /**
     * Whether {@code column} is one that scoring a model of {@code target} adds with its default prefix:
     * target_score, target_decile, target_tier, target_action (see io.segmenta.core.model.ModelScorer).
     */
    public static boolean isScoreOf(String column, String target) {
        if (target == null || !column.startsWith(target + "_")) return false;
        String rest = column.substring(target.length() + 1);
        return rest.equals("score") || rest.equals("decile") || rest.equals("tier") || rest.equals("action");
    }

    /**
     * Adds the leakage flag to the columns that predict the target suspiciously well on their own. A column
     * must stand out from all the others, flagged or not: with a perfect leak among the columns, a strong
     * honest driver is not flagged beside it (and a second leak shows once the first is excluded, as
     * Hillstrom's visit does for conversion when spend is left out).
     */
    static List<ColumnProfile> flagLeakage(List<ColumnProfile> profiles, String targetColumn) {
        List<ColumnProfile> out = new ArrayList<>(profiles.size());
        for (ColumnProfile p : profiles) {
            Double auc = p.leakageAuc();
            boolean leak = false;
            if (auc != null && !p.name().equals(targetColumn) && auc >= LEAKAGE_AUC) {
                double others = 0.5;
                for (ColumnProfile q : profiles) {
                    if (q != p && q.leakageAuc() != null && !q.name().equals(targetColumn) && !isScoreOf(q.name(), targetColumn)) {
                        others = Math.max(others, q.leakageAuc());
                    }
                }
                // an earlier model's score of this target is its answer, and never hides another leak
                leak = isScoreOf(p.name(), targetColumn) || auc >= LEAKAGE_NEAR_PERFECT || auc - others >= LEAKAGE_MARGIN;
            }
            if (!leak) { out.add(p); continue; }
            List<Flag> flags = new ArrayList<>(p.flags());
            flags.add(new Flag(Flag.Kind.LEAKAGE, "eda.flag.leakage", List.of(auc)));
            out.add(new ColumnProfile(p.name(), p.type(), p.count(), p.missing(), p.distinct(), p.mean(), p.std(),
                    p.min(), p.p5(), p.p25(), p.median(), p.p75(), p.p95(), p.max(), p.skewness(), p.zeros(),
                    p.modeShare(), p.topValues(), p.leakageAuc(), flags));
        }
        return out;
    }
}
