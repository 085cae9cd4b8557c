package io.segmenta.core.clv;

import io.segmenta.core.util.I18n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFM scoring: quintile scores 1–5 for recency (time since the last calibration purchase; recent = 5),
 * frequency (purchase days, the first included) and monetary value (calibration spend), and named segments
 * from an editable list of {@link RfmRule}s. Tied values always share a score.
 */
public final class Rfm {
    private Rfm() { }

    /** Key of the segment for customers no rule matches. */
    public static final String OTHER = "other";

    /** The default segments, covering every (R, F) pair: Champions, Loyal, New, Potential, At risk, Need attention, Hibernating, Lost. */
    public static List<RfmRule> defaultRules() {
        return List.of(
                RfmRule.of("champions", 4, 5, 4, 5),
                RfmRule.of("loyal", 3, 5, 3, 5),
                RfmRule.of("new", 5, 5, 1, 1),
                RfmRule.of("potential", 4, 5, 1, 3),
                RfmRule.of("at_risk", 1, 2, 3, 5),
                RfmRule.of("need_attention", 3, 3, 1, 2),
                RfmRule.of("hibernating", 2, 2, 1, 2),
                RfmRule.of("lost", 1, 1, 1, 2));
    }

    /** One segment's size and revenue. */
    public record Segment(String key, String name, int customers, double customerShare, double revenue, double revenueShare) { }

    /**
     * @param recency   R score per customer
     * @param frequency F score per customer
     * @param monetary  M score per customer
     * @param segment   index into {@code segments} per customer
     * @param segments  the rules' segments in order, then "other" when some customer matched no rule
     */
    public record Result(int[] recency, int[] frequency, int[] monetary, int[] segment, List<Segment> segments) {
        public String segmentName(int customer) { return segments.get(segment[customer]).name(); }
    }

    public static Result score(TransactionSummary s, List<RfmRule> rules) {
        int n = s.size();
        double[] rec = new double[n], freq = new double[n], mon = new double[n];
        for (int i = 0; i < n; i++) {
            rec[i] = -(s.ageDays()[i] - s.recencyDays()[i]); // fewer days since the last purchase = better
            freq[i] = s.frequency(i) + 1;
            mon[i] = s.totalSpend()[i];
        }
        int[] r = quintiles(rec), f = quintiles(freq), m = quintiles(mon);
        int k = rules.size();
        int[] seg = new int[n];
        int[] count = new int[k + 1];
        double[] revenue = new double[k + 1];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int j = 0;
            while (j < k && !rules.get(j).matches(r[i], f[i], m[i])) j++;
            seg[i] = j;
            count[j]++;
            revenue[j] += mon[i];
            total += mon[i];
        }
        List<Segment> out = new ArrayList<>();
        for (int j = 0; j <= k; j++) {
            if (j == k && count[k] == 0) break;
            String key = j < k ? rules.get(j).key() : OTHER;
            String name = j < k ? rules.get(j).displayName() : I18n.tr("clv.rfm.segment.other");
            out.add(new Segment(key, name, count[j], n == 0 ? 0 : (double) count[j] / n, revenue[j],
                    total > 0 ? revenue[j] / total : 0));
        }
        return new Result(r, f, m, seg, out);
    }

    /** Scores 1..5 by quintile of rank: 1 + floor(5 · (values strictly below) / n), so ties share a score. */
    public static int[] quintiles(double[] v) {
        int n = v.length;
        double[] sorted = v.clone();
        Arrays.parallelSort(sorted);
        int[] q = new int[n];
        for (int i = 0; i < n; i++) {
            int below = lowerBound(sorted, v[i]);
            q[i] = 1 + (int) Math.min(4, (5L * below) / n);
        }
        return q;
    }

    private static int lowerBound(double[] a, double key) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
