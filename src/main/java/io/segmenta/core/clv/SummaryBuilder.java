package io.segmenta.core.clv;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.RowRef;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the {@link TransactionSummary} from a transaction log in two linear passes over primitive arrays:
 * a counting sort of the rows by customer code, then a sort of each customer's (few) rows by day. No
 * per-transaction objects, so ten million rows need about 12 bytes each on top of the columns.
 */
public final class SummaryBuilder {
    private SummaryBuilder() { }

    /** Marks a missing day. */
    public static final int NO_DAY = Integer.MIN_VALUE;

    /** Builds the summary of {@code log} as {@code options} describe. */
    public static TransactionSummary build(Dataset log, SummaryOptions options, TaskContext ctx) {
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        Column cust = need(log, options.customerColumn());
        Column date = need(log, options.dateColumn());
        Column amount = options.amountColumn() == null ? null : need(log, options.amountColumn());
        Column qty = options.quantityColumn() == null ? null : need(log, options.quantityColumn());
        if (amount != null && !amount.type().isNumeric()) {
            throw new UserException("clv.summary.amountNotNumeric", amount.name(), amount.type().key());
        }
        if (qty != null && !qty.type().isNumeric()) {
            throw new UserException("clv.summary.amountNotNumeric", qty.name(), qty.type().key());
        }
        if (options.holdoutEnd() != null && !options.holdoutEnd().isAfter(options.calibrationEnd())) {
            throw new UserException("clv.summary.holdoutBeforeCalibration", options.holdoutEnd(), options.calibrationEnd());
        }
        int n = log.rowCount();
        c.progress(0, 4, "clv.progress.codes");
        int[] codes = new int[n];
        int nCust = customerCodes(cust, codes);
        c.checkCancelled();
        int[] days = days(date);
        double[] amounts = amount == null ? null : values(amount);
        double[] qtys = qty == null ? null : values(qty);
        if (options.unitPrice()) {
            // a unit price: the row's value is price × quantity, so a returned item (negative quantity) is a return
            if (amounts == null || qtys == null) throw new UserException("clv.summary.unitPriceNeedsQuantity");
            double[] value = new double[n]; // the column's own array must not change
            for (int i = 0; i < n; i++) value[i] = amounts[i] * qtys[i];
            amounts = value;
        }
        c.progress(1, 4, "clv.progress.summary");
        Primitive p = buildPrimitive(codes, nCust, days, amounts, qtys, (int) options.calibrationEnd().toEpochDay(),
                options.holdoutEnd() == null ? NO_DAY : (int) options.holdoutEnd().toEpochDay(), options.returns(), c);
        if (p.customers() == 0) throw noCustomers(p.report(), codes, days, amounts, options);
        Column ids = cust.select(p.firstRow());
        c.progress(4, 4, "clv.progress.summary");
        return p.toSummary(ids, options.unit(), options.calibrationEnd());
    }

    /** Why no customer is left, in the terms of what the log holds. */
    private static UserException noCustomers(SummaryReport rep, int[] cust, int[] day, double[] amount, SummaryOptions o) {
        long usable = rep.rows() - rep.rowsMissing();
        if (usable == 0) return new UserException("clv.summary.allMissing", rep.rows());
        if (rep.rowsNegativeDropped() == usable || rep.returnDays() > 0 && rep.rowsNegative() == usable) {
            return new UserException("clv.summary.allReturns", usable, o.amountColumn());
        }
        int first = Integer.MAX_VALUE;
        for (int i = 0; i < cust.length; i++) {
            if (cust[i] < 0 || day[i] == NO_DAY || amount != null && !(amount[i] >= 0)) continue;
            first = Math.min(first, day[i]);
        }
        if (first == Integer.MAX_VALUE) return new UserException("clv.summary.allReturns", usable, o.amountColumn());
        return new UserException("clv.summary.noCustomers", o.calibrationEnd(), LocalDate.ofEpochDay(first));
    }

    private static Column need(Dataset d, String name) {
        return d.find(name).orElseThrow(() -> new UserException("clv.summary.noColumn", name, String.join(", ", d.columnNames())));
    }

    /** Dense customer codes in first-seen order (−1 = missing); returns the number of customers. */
    static int customerCodes(Column col, int[] out) {
        int n = col.size();
        switch (col) {
            case StringColumn s -> {
                int[] raw = s.rawCodes();
                int[] remap = new int[s.dictionary().length];
                Arrays.fill(remap, -1);
                int next = 0;
                for (int i = 0; i < n; i++) {
                    if (s.isMissing(i)) { out[i] = -1; continue; }
                    int k = raw[i];
                    if (remap[k] < 0) remap[k] = next++;
                    out[i] = remap[k];
                }
                return next;
            }
            case LongColumn l -> {
                long[] v = l.rawValues();
                LongIntMap map = new LongIntMap(Math.max(16, n / 4));
                for (int i = 0; i < n; i++) out[i] = l.isMissing(i) ? -1 : map.codeOf(v[i]);
                return map.size();
            }
            default -> {
                Map<String, Integer> map = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    if (col.isMissing(i)) { out[i] = -1; continue; }
                    out[i] = map.computeIfAbsent(col.format(i), k -> map.size());
                }
                return map.size();
            }
        }
    }

    /** Epoch days of a date-like column; {@link #NO_DAY} when missing. */
    static int[] days(Column col) {
        int n = col.size();
        int[] d = new int[n];
        switch (col) {
            case DateColumn dc -> {
                int[] raw = dc.rawValues();
                for (int i = 0; i < n; i++) d[i] = dc.isMissing(i) ? NO_DAY : raw[i];
            }
            case DateTimeColumn dt -> {
                long[] raw = dt.rawValues();
                for (int i = 0; i < n; i++) d[i] = dt.isMissing(i) ? NO_DAY : (int) Math.floorDiv(raw[i], 86_400_000L);
            }
            case LongColumn lc -> {
                long[] raw = lc.rawValues();
                for (int i = 0; i < n; i++) {
                    if (lc.isMissing(i)) { d[i] = NO_DAY; continue; }
                    long v = raw[i];
                    if (v < 1000_01_01L || v > 9999_12_31L) throw new UserException("clv.summary.badDate", col.name(), Long.toString(v), RowRef.of(i));
                    try {
                        d[i] = (int) LocalDate.of((int) (v / 10000), (int) (v / 100 % 100), (int) (v % 100)).toEpochDay();
                    } catch (java.time.DateTimeException e) {
                        throw new UserException("clv.summary.badDate", col.name(), Long.toString(v), RowRef.of(i));
                    }
                }
            }
            case StringColumn sc -> {
                String[] dict = sc.dictionary();
                int[] parsed = new int[dict.length];
                Arrays.fill(parsed, NO_DAY);
                int[] raw = sc.rawCodes();
                for (int i = 0; i < n; i++) {
                    if (sc.isMissing(i)) { d[i] = NO_DAY; continue; }
                    int k = raw[i];
                    if (parsed[k] == NO_DAY) parsed[k] = parseDate(col.name(), dict[k], i);
                    d[i] = parsed[k];
                }
            }
            default -> throw new UserException("clv.summary.notDate", col.name(), col.type().key());
        }
        return d;
    }

    /** The epoch day of text {@code s} first seen in row {@code row} (0-based) of {@code column}. */
    private static int parseDate(String column, String s, int row) {
        String t = s.trim();
        try {
            if (t.length() > 10 && (t.charAt(10) == 'T' || t.charAt(10) == ' ')) t = t.substring(0, 10);
            if (t.length() == 8 && t.chars().allMatch(Character::isDigit)) return (int) LocalDate.parse(t, DateTimeFormatter.BASIC_ISO_DATE).toEpochDay();
            return (int) LocalDate.parse(t).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new UserException("clv.summary.badDate", column, s, RowRef.of(row));
        }
    }

    private static double[] values(Column col) {
        if (col instanceof DoubleColumn dc) return dc.rawValues();
        int n = col.size();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = col.getDouble(i);
        return v;
    }

    /** The summary in primitive arrays, one slot per included customer (in customer-code order). */
    public record Primitive(int[] firstRow, int[] frequency, double[] recencyDays, double[] ageDays, double[] monetary,
                            double[] totalSpend, double[] totalQuantity, int[] holdoutFrequency, double[] holdoutSpend,
                            int holdoutDays, SummaryReport report) {
        public int customers() { return frequency.length; }

        public TransactionSummary toSummary(Column ids, TimeUnit unit, LocalDate calibrationEnd) {
            return new TransactionSummary(ids, frequency, recencyDays, ageDays, monetary, totalSpend, totalQuantity,
                    holdoutFrequency, holdoutSpend, unit, calibrationEnd, holdoutDays, report);
        }
    }

    /**
     * The summary from primitive columns.
     *
     * @param cust        dense customer codes 0..nCust−1, −1 = missing
     * @param day         epoch days, {@link #NO_DAY} = missing
     * @param amount      amounts (NaN = missing), or null
     * @param quantity    quantities (NaN = missing), or null
     * @param calEnd      last calibration day
     * @param holdoutEnd  last holdout day, or {@link #NO_DAY}
     */
    public static Primitive buildPrimitive(int[] cust, int nCust, int[] day, double[] amount, double[] quantity,
                                           int calEnd, int holdoutEnd, ReturnsPolicy policy, TaskContext ctx) {
        int n = cust.length;
        int lastDay = holdoutEnd == NO_DAY ? calEnd : holdoutEnd;
        long missing = 0, zero = 0, negative = 0, negativeDropped = 0, afterEnd = 0;
        int[] start = new int[nCust + 1];
        int[] firstRow = new int[nCust];
        Arrays.fill(firstRow, -1);
        // pass 1: which rows are used, and how many per customer
        for (int i = 0; i < n; i++) {
            int k = cust[i];
            int d = day[i];
            if (k < 0 || d == NO_DAY || amount != null && Double.isNaN(amount[i])) { missing++; continue; }
            if (amount != null && amount[i] <= 0) {
                if (amount[i] == 0) zero++;
                else {
                    negative++;
                    if (policy == ReturnsPolicy.DROP) { negativeDropped++; continue; }
                }
            }
            if (d > lastDay) { afterEnd++; continue; }
            start[k + 1]++;
            if (firstRow[k] < 0) firstRow[k] = i;
        }
        for (int k = 0; k < nCust; k++) start[k + 1] += start[k];
        int used = start[nCust];
        int[] bd = new int[used];
        double[] ba = amount == null ? null : new double[used];
        double[] bq = quantity == null ? null : new double[used];
        int[] pos = Arrays.copyOf(start, nCust);
        for (int i = 0; i < n; i++) {
            int k = cust[i];
            int d = day[i];
            if (k < 0 || d == NO_DAY || d > lastDay) continue;
            if (amount != null) {
                double a = amount[i];
                if (Double.isNaN(a) || a < 0 && policy == ReturnsPolicy.DROP) continue;
            }
            int p = pos[k]++;
            bd[p] = d;
            if (ba != null) ba[p] = amount[i];
            if (bq != null) bq[p] = Double.isNaN(quantity[i]) ? 0 : quantity[i];
        }
        ctx.checkCancelled();
        ctx.progress(2, 4, "clv.progress.summary");
        // pass 2: per customer, in day order
        int[] freq = new int[nCust];
        double[] rec = new double[nCust], age = new double[nCust], mon = new double[nCust], tot = new double[nCust];
        double[] qtot = quantity == null ? null : new double[nCust];
        boolean holdout = holdoutEnd != NO_DAY;
        int[] hf = holdout ? new int[nCust] : null;
        double[] hs = holdout ? new double[nCust] : null;
        boolean[] keep = new boolean[nCust];
        long sameDay = 0, nonPosDays = 0;
        int onlyHoldout = 0, kept = 0, noRepeat = 0;
        for (int k = 0; k < nCust; k++) {
            if ((k & 0xFFFF) == 0) ctx.checkCancelled();
            int s = start[k], e = start[k + 1];
            if (s == e) continue;
            sortByDay(bd, ba, bq, s, e);
            int first = NO_DAY, last = NO_DAY, calDays = 0, hDays = 0;
            double repeatSum = 0, calSum = 0, hSum = 0, q = 0;
            int i = s;
            while (i < e) {
                int d = bd[i];
                double dayAmount = 0, dayQty = 0;
                boolean anyPurchase = ba == null;
                int j = i;
                while (j < e && bd[j] == d) {
                    if (ba != null) {
                        dayAmount += ba[j];
                        if (ba[j] >= 0) anyPurchase = true;
                    }
                    if (bq != null) dayQty += bq[j];
                    j++;
                }
                sameDay += j - i - 1;
                i = j;
                if (!anyPurchase || dayAmount < 0) { nonPosDays++; continue; }
                if (d <= calEnd) {
                    if (first == NO_DAY) first = d; else repeatSum += dayAmount;
                    last = d;
                    calDays++;
                    calSum += dayAmount;
                    q += dayQty;
                } else if (first != NO_DAY) {
                    hDays++;
                    hSum += dayAmount;
                }
            }
            if (first == NO_DAY) {
                // any purchase day here lies in the holdout: the customer was acquired after calibration
                if (i > s && bd[s] > calEnd) onlyHoldout++;
                continue;
            }
            keep[k] = true;
            kept++;
            int x = calDays - 1;
            freq[k] = x;
            if (x == 0) noRepeat++;
            rec[k] = last - first;
            age[k] = calEnd - first;
            mon[k] = x > 0 && ba != null ? repeatSum / x : 0;
            tot[k] = calSum;
            if (qtot != null) qtot[k] = q;
            if (holdout) { hf[k] = hDays; hs[k] = hSum; }
        }
        ctx.progress(3, 4, "clv.progress.summary");
        int[] fr = new int[kept];
        int[] f2 = new int[kept];
        double[] r2 = new double[kept], a2 = new double[kept], m2 = new double[kept], t2 = new double[kept];
        double[] q2 = qtot == null ? null : new double[kept];
        int[] hf2 = holdout ? new int[kept] : null;
        double[] hs2 = holdout ? new double[kept] : null;
        int j = 0;
        for (int k = 0; k < nCust; k++) {
            if (!keep[k]) continue;
            fr[j] = firstRow[k];
            f2[j] = freq[k];
            r2[j] = rec[k];
            a2[j] = age[k];
            m2[j] = mon[k];
            t2[j] = tot[k];
            if (q2 != null) q2[j] = qtot[k];
            if (holdout) { hf2[j] = hf[k]; hs2[j] = hs[k]; }
            j++;
        }
        SummaryReport rep = new SummaryReport(n, missing, zero, negative, negativeDropped, afterEnd, sameDay, nonPosDays, kept,
                onlyHoldout, noRepeat, policy);
        return new Primitive(fr, f2, r2, a2, m2, t2, q2, hf2, hs2, holdout ? holdoutEnd - calEnd : 0, rep);
    }

    /** Sorts rows s..e−1 of the bucket arrays by day (stable enough: equal days are merged anyway). */
    private static void sortByDay(int[] d, double[] a, double[] q, int s, int e) {
        boolean sorted = true;
        for (int i = s + 1; i < e; i++) if (d[i] < d[i - 1]) { sorted = false; break; }
        if (sorted) return;
        int len = e - s;
        if (len <= 48) {
            for (int i = s + 1; i < e; i++) {
                int dv = d[i];
                double av = a == null ? 0 : a[i], qv = q == null ? 0 : q[i];
                int j = i - 1;
                while (j >= s && d[j] > dv) {
                    d[j + 1] = d[j];
                    if (a != null) a[j + 1] = a[j];
                    if (q != null) q[j + 1] = q[j];
                    j--;
                }
                d[j + 1] = dv;
                if (a != null) a[j + 1] = av;
                if (q != null) q[j + 1] = qv;
            }
            return;
        }
        long[] keys = new long[len];
        for (int i = 0; i < len; i++) keys[i] = ((long) d[s + i] << 32) | i;
        Arrays.sort(keys);
        double[] ac = a == null ? null : Arrays.copyOfRange(a, s, e);
        double[] qc = q == null ? null : Arrays.copyOfRange(q, s, e);
        for (int i = 0; i < len; i++) {
            int src = (int) (keys[i] & 0xFFFFFFFFL);
            d[s + i] = (int) (keys[i] >> 32);
            if (ac != null) a[s + i] = ac[src];
            if (qc != null) q[s + i] = qc[src];
        }
    }

    /** Open-addressing map from long ids to dense codes in first-seen order. */
    static final class LongIntMap {
        private long[] keys;
        private int[] vals;
        private boolean[] used;
        private int size;
        private int mask;

        LongIntMap(int expected) {
            int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
            keys = new long[cap];
            vals = new int[cap];
            used = new boolean[cap];
            mask = cap - 1;
        }

        int size() { return size; }

        int codeOf(long key) {
            int h = mix(key) & mask;
            while (used[h]) {
                if (keys[h] == key) return vals[h];
                h = (h + 1) & mask;
            }
            used[h] = true;
            keys[h] = key;
            vals[h] = size;
            if (++size * 2 > keys.length) grow();
            return size - 1;
        }

        private static int mix(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        private void grow() {
            long[] ok = keys;
            int[] ov = vals;
            boolean[] ou = used;
            int cap = ok.length * 2;
            keys = new long[cap];
            vals = new int[cap];
            used = new boolean[cap];
            mask = cap - 1;
            for (int i = 0; i < ok.length; i++) {
                if (!ou[i]) continue;
                int h = mix(ok[i]) & mask;
                while (used[h]) h = (h + 1) & mask;
                used[h] = true;
                keys[h] = ok[i];
                vals[h] = ov[i];
            }
        }
    }
}
