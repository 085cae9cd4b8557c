package io.segmenta.core.campaign;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads A/B results into {@link AbData}: per-customer rows (with their own arm column, or joined by id to a
 * campaign list), or rows already aggregated per creative.
 */
public final class AbResultsLoader {
    private static final Set<String> YES = Set.of("true", "yes", "y", "t", "1", "si", "sí", "s", "x");

    private AbResultsLoader() { }

    /** Arm and segment of a listed customer. */
    public record Listed(String segment, String arm) { }

    /** The arms of a built list: the creative, or {@code holdoutArm} for the holdout. */
    public static Map<String, Listed> assignmentsOf(CampaignList list, String holdoutArm) {
        Map<String, Listed> m = new LinkedHashMap<>();
        for (Assignment a : list.assignments()) m.put(a.id(), new Listed(a.segment(), a.group() == Group.HOLDOUT ? holdoutArm : a.creative()));
        return m;
    }

    /**
     * The arms of an exported list read back as a dataset: its {@code idColumn}, {@code segment},
     * {@code creative} and {@code group} columns; the holdout's arm is {@code holdoutArm}.
     */
    public static Map<String, Listed> assignmentsOf(Dataset exported, String idColumn, String holdoutArm) {
        Column id = col(exported, idColumn);
        Column seg = col(exported, "segment");
        Column cre = col(exported, "creative");
        Column grp = col(exported, "group");
        Map<String, Listed> m = new LinkedHashMap<>();
        for (int r = 0; r < exported.rowCount(); r++) {
            if (id.isMissing(r)) continue;
            boolean hold = Group.HOLDOUT.key().equals(grp.format(r).strip());
            m.put(id.format(r).strip(), new Listed(seg.format(r), hold ? holdoutArm : cre.format(r)));
        }
        return m;
    }

    /** Per-customer results carrying their own arm column. */
    public static AbData perCustomer(Dataset ds, ResultColumns cols) {
        if (cols.arm() == null) throw new UserException("campaign.ab.noArm");
        Column arm = col(ds, cols.arm());
        Column seg = cols.segment() == null ? null : col(ds, cols.segment());
        Tallies t = new Tallies(ds, cols);
        for (int r = 0; r < ds.rowCount(); r++) {
            if (arm.isMissing(r)) continue;
            t.add(r, arm.format(r), seg == null || seg.isMissing(r) ? null : seg.format(r));
        }
        return t.data(null);
    }

    /** Per-customer results joined by id to a list: every listed customer counts, those without a row as all-no. */
    public static AbData joined(Dataset ds, ResultColumns cols, Map<String, Listed> listed) {
        if (cols.id() == null) throw new UserException("campaign.ab.noId");
        Column id = col(ds, cols.id());
        Map<String, Integer> rowOf = new HashMap<>();
        int resultsOnly = 0;
        for (int r = 0; r < ds.rowCount(); r++) {
            if (id.isMissing(r)) continue;
            String k = id.format(r).strip();
            if (!listed.containsKey(k)) { resultsOnly++; continue; }
            rowOf.putIfAbsent(k, r);
        }
        Tallies t = new Tallies(ds, cols);
        int matched = 0;
        for (Map.Entry<String, Listed> e : listed.entrySet()) {
            Integer r = rowOf.get(e.getKey());
            if (r != null) matched++;
            t.add(r == null ? -1 : r, e.getValue().arm(), e.getValue().segment());
        }
        return t.data(new AbData.Join(listed.size(), matched, resultsOnly));
    }

    /** Results aggregated per arm (or per segment × arm): the counts are summed over rows of the same arm. */
    public static AbData aggregated(Dataset ds, AggregateColumns cols) {
        if (cols.arm() == null) throw new UserException("campaign.ab.noArm");
        if (cols.sends() == null) throw new UserException("campaign.ab.noSends");
        Column arm = col(ds, cols.arm());
        Column seg = cols.segment() == null ? null : col(ds, cols.segment());
        Column sends = col(ds, cols.sends());
        Column delivered = opt(ds, cols.delivered());
        Column bounced = opt(ds, cols.bounced());
        Column opened = opt(ds, cols.opened());
        Column clicked = opt(ds, cols.clicked());
        Column converted = opt(ds, cols.converted());
        Column revenue = opt(ds, cols.revenue());
        ArmCounts.Known known = new ArmCounts.Known(delivered != null || bounced != null, opened != null, clicked != null,
                converted != null, revenue != null);
        Map<String, double[]> byArm = new LinkedHashMap<>();
        Map<List<String>, double[]> bySeg = new LinkedHashMap<>();
        for (int r = 0; r < ds.rowCount(); r++) {
            if (arm.isMissing(r)) continue;
            double n = count(sends, r);
            double d = delivered != null ? count(delivered, r) : bounced != null ? n - count(bounced, r) : n;
            double[] v = {n, d, count(opened, r), count(clicked, r), count(converted, r), revenue == null ? 0 : zeroIfNaN(revenue.getDouble(r))};
            for (int i = 0; i < v.length; i++) if (v[i] < 0) throw new UserException("campaign.ab.negativeCount", ds.name(), r + 1);
            add(byArm.computeIfAbsent(arm.format(r), k -> new double[6]), v);
            if (seg != null && !seg.isMissing(r)) add(bySeg.computeIfAbsent(List.of(seg.format(r), arm.format(r)), k -> new double[6]), v);
        }
        List<ArmCounts> arms = new ArrayList<>();
        for (String a : sortedArms(byArm.keySet())) arms.add(counts(a, null, byArm.get(a), known));
        List<ArmCounts> segs = new ArrayList<>();
        bySeg.entrySet().stream().sorted(Map.Entry.comparingByKey((x, y) -> x.get(0).equals(y.get(0))
                ? x.get(1).compareTo(y.get(1)) : x.get(0).compareTo(y.get(0))))
                .forEach(e -> segs.add(counts(e.getKey().get(1), e.getKey().get(0), e.getValue(), known)));
        return new AbData(arms, segs, null);
    }

    private static void add(double[] acc, double[] v) { for (int i = 0; i < v.length; i++) acc[i] += v[i]; }

    private static ArmCounts counts(String arm, String seg, double[] v, ArmCounts.Known known) {
        if (v[1] > v[0] || v[2] > v[1] && known.delivery() || v[4] > v[0] || v[3] > v[0]) {
            throw new UserException("campaign.ab.inconsistentCounts", arm, (long) v[0], (long) v[1], (long) v[2], (long) v[3], (long) v[4]);
        }
        return new ArmCounts(arm, seg, (long) v[0], (long) v[1], (long) v[2], (long) v[3], (long) v[4], v[5], known, null, null, null);
    }

    private static double count(Column c, int r) {
        if (c == null || c.isMissing(r)) return 0;
        double v = c.getDouble(r);
        if (Double.isNaN(v) || v != Math.rint(v)) throw new UserException("campaign.ab.notACount", c.name(), c.format(r));
        return v;
    }

    private static double zeroIfNaN(double v) { return Double.isNaN(v) ? 0 : v; }

    static List<String> sortedArms(java.util.Collection<String> arms) {
        List<String> l = new ArrayList<>(arms);
        l.sort(CampaignBuilder.segmentOrder(l));
        return l;
    }

    private static Column col(Dataset ds, String name) {
        return ds.find(name).orElseThrow(() -> new UserException("campaign.error.unknownColumn", name, ds.name(),
                String.join(", ", ds.columnNames())));
    }

    private static Column opt(Dataset ds, String name) { return name == null ? null : col(ds, name); }

    static boolean yes(Column c, int r) {
        if (c == null || r < 0 || c.isMissing(r)) return false;
        return switch (c) {
            case BooleanColumn b -> b.getBoolean(r);
            case StringColumn s -> YES.contains(s.getString(r).strip().toLowerCase(Locale.ROOT));
            default -> {
                double v = c.getDouble(r);
                yield !Double.isNaN(v) && v != 0;
            }
        };
    }

    /** Milliseconds of a timestamp (date-time, or a date at midnight), or NaN. */
    private static double millis(Column c, int r) {
        if (c == null || r < 0 || c.isMissing(r)) return Double.NaN;
        return switch (c) {
            case DateTimeColumn d -> d.getEpochMillis(r);
            case DateColumn d -> d.getEpochDay(r) * 86_400_000.0;
            default -> Double.NaN;
        };
    }

    /** Accumulates per-customer rows. */
    private static final class Tallies {
        private final Column delivered, bounced, opened, clicked, converted, revenue, sentAt, openedAt, clickedAt, purchasedAt;
        private final ArmCounts.Known known;
        private final Map<String, Acc> byArm = new HashMap<>();
        private final Map<List<String>, Acc> bySegment = new HashMap<>();

        Tallies(Dataset ds, ResultColumns c) {
            delivered = opt(ds, c.delivered());
            bounced = opt(ds, c.bounced());
            opened = opt(ds, c.opened());
            clicked = opt(ds, c.clicked());
            converted = opt(ds, c.converted());
            revenue = opt(ds, c.revenue());
            sentAt = opt(ds, c.sentAt());
            openedAt = opt(ds, c.openedAt());
            clickedAt = opt(ds, c.clickedAt());
            purchasedAt = opt(ds, c.purchasedAt());
            for (Column t : Arrays.asList(sentAt, openedAt, clickedAt, purchasedAt)) {
                if (t != null && !(t instanceof DateTimeColumn) && !(t instanceof DateColumn)) {
                    throw new UserException("campaign.ab.notTimestamp", t.name(), t.type().key());
                }
            }
            known = new ArmCounts.Known(delivered != null || bounced != null, opened != null || openedAt != null,
                    clicked != null || clickedAt != null, converted != null || purchasedAt != null, revenue != null);
        }

        void add(int r, String arm, String segment) {
            byArm.computeIfAbsent(arm, k -> new Acc()).add(this, r);
            if (segment != null) bySegment.computeIfAbsent(List.of(segment, arm), k -> new Acc()).add(this, r);
        }

        AbData data(AbData.Join join) {
            List<ArmCounts> arms = new ArrayList<>();
            for (String a : sortedArms(byArm.keySet())) arms.add(byArm.get(a).counts(a, null, known));
            List<String> segs = sortedArms(bySegment.keySet().stream().map(k -> k.get(0)).distinct().toList());
            List<String> armOrder = sortedArms(byArm.keySet());
            List<ArmCounts> segArms = new ArrayList<>();
            for (String s : segs) for (String a : armOrder) {
                Acc acc = bySegment.get(List.of(s, a));
                if (acc != null) segArms.add(acc.counts(a, s, known));
            }
            return new AbData(arms, segArms, join);
        }
    }

    private static final class Acc {
        long sends, delivered, opened, clicked, converted;
        double revenue;
        final List<Double> toOpen = new ArrayList<>(), toClick = new ArrayList<>(), toPurchase = new ArrayList<>();

        void add(Tallies t, int r) {
            sends++;
            boolean del = t.delivered != null ? yes(t.delivered, r) : t.bounced != null ? r >= 0 && !yes(t.bounced, r) : true;
            if (t.delivered == null && t.bounced == null && r < 0) del = true;
            if (del) delivered++;
            if (t.opened != null ? yes(t.opened, r) : !Double.isNaN(millis(t.openedAt, r))) opened++;
            if (t.clicked != null ? yes(t.clicked, r) : !Double.isNaN(millis(t.clickedAt, r))) clicked++;
            if (t.converted != null ? yes(t.converted, r) : !Double.isNaN(millis(t.purchasedAt, r))) converted++;
            if (t.revenue != null && r >= 0 && !t.revenue.isMissing(r)) {
                double v = t.revenue.getDouble(r);
                if (!Double.isNaN(v)) revenue += v;
            }
            double sent = millis(t.sentAt, r);
            if (!Double.isNaN(sent)) {
                delay(toOpen, sent, millis(t.openedAt, r));
                delay(toClick, sent, millis(t.clickedAt, r));
                delay(toPurchase, sent, millis(t.purchasedAt, r));
            }
        }

        private static void delay(List<Double> out, double sent, double at) {
            if (!Double.isNaN(at) && at >= sent) out.add((at - sent) / 3_600_000.0);
        }

        ArmCounts counts(String arm, String seg, ArmCounts.Known known) {
            return new ArmCounts(arm, seg, sends, delivered, opened, clicked, converted, revenue, known,
                    median(toOpen), median(toClick), median(toPurchase));
        }
    }

    /** The median (mean of the middle two for an even count), or null when empty. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) return null;
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }
}
