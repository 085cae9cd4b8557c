package io.segmenta.core.campaign;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.RowRef;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.io.ImportReport;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads A/B results into {@link AbData}: per-customer rows (with their own arm column, or joined by id to a
 * campaign list), or rows already aggregated per creative.
 *
 * <p>Nothing is reinterpreted silently. A yes/no outcome is a boolean, 1 or 0, or one of the words below (missing
 * counts as no); anything else (2, −1, 0.5, "maybe") is an error naming the column, the row and the value. Revenue
 * is a finite number ≥ 0 (missing counts as 0); aggregated counts are whole numbers ≥ 0. A listed customer with
 * two result rows is an error. Rows left out on purpose (no arm, no id) are reported in {@link AbData#notes()}.
 * Rows are named with {@link RowRef}, which the caller turns into file lines; {@link #checkImport} checks what
 * reading the CSV file itself lost (rejected rows, unreadable values), which the dataset no longer shows.
 */
public final class AbResultsLoader {
    /**
     * Most arms (distinct values of the arm column) one comparison takes. Real A/B/n tests have 2 to 10 arms, and
     * the app builds lists of at most 52 creatives plus a holdout (53 arms), so every list Segmenta makes stays
     * analysable. Many more means the column is not an arm at all (an id, a date, an amount), and the analysis
     * would say nothing useful at a great cost: it tests every pair of arms, k(k − 1)/2 tests per metric (1,770 at
     * 60 arms, 12.5 million at 5,000), and prints tables as long.
     */
    public static final int MAX_ARMS = 60;
    /** Values of an over-full arm column quoted in the message. */
    private static final int ARM_EXAMPLES = 3;

    private static final Set<String> YES = Set.of("true", "yes", "y", "t", "1", "si", "sí", "s", "x", "verdadero");
    private static final Set<String> NO = Set.of("false", "no", "n", "f", "0", "falso");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

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
     *
     * @throws UserException campaign.ab.duplicateListed when an id is on the list twice
     */
    public static Map<String, Listed> assignmentsOf(Dataset exported, String idColumn, String holdoutArm) {
        Column id = col(exported, idColumn);
        Column seg = col(exported, "segment");
        Column cre = col(exported, "creative");
        Column grp = col(exported, "group");
        Map<String, Listed> m = new LinkedHashMap<>();
        Map<String, Integer> rowOf = new HashMap<>();
        for (int r = 0; r < exported.rowCount(); r++) {
            if (id.isMissing(r)) continue;
            // the export made ids such as "=1+2" or "+34 600…" formula-safe with a leading ': the results carry
            // the customer's own id
            String k = SafeCsv.restore(id.format(r).strip());
            Integer prev = rowOf.putIfAbsent(k, r);
            if (prev != null) throw new UserException("campaign.ab.duplicateListed", k, RowRef.of(prev), RowRef.of(r));
            boolean hold = Group.HOLDOUT.key().equals(grp.format(r).strip());
            m.put(k, new Listed(seg.format(r), hold ? holdoutArm : cre.format(r)));
        }
        return m;
    }

    /** Per-customer results carrying their own arm column; rows without an arm are left out, with a note. */
    public static AbData perCustomer(Dataset ds, ResultColumns cols) {
        if (cols.arm() == null) throw new UserException("campaign.ab.noArm");
        Column arm = col(ds, cols.arm());
        Column seg = cols.segment() == null ? null : col(ds, cols.segment());
        checkArmCount(arm);
        Tallies t = new Tallies(ds, cols);
        Skipped noArm = new Skipped();
        // with an id column, one customer is one send: a second row for the same id would count them twice
        Column id = cols.id() == null ? null : col(ds, cols.id());
        Map<String, Integer> rowOf = id == null ? null : new HashMap<>();
        for (int r = 0; r < ds.rowCount(); r++) {
            if (blank(arm, r)) { noArm.add(r); continue; }
            if (id != null && !blank(id, r)) {
                String k = id.format(r).strip();
                Integer prev = rowOf.putIfAbsent(k, r);
                if (prev != null) throw new UserException("campaign.ab.duplicateResult", k, id.name(), RowRef.of(prev), RowRef.of(r));
            }
            t.add(r, arm.format(r), seg == null || seg.isMissing(r) ? null : seg.format(r));
        }
        return t.data(null, noArm.note("campaign.ab.note.noArm", arm.name()));
    }

    /**
     * Per-customer results joined by id to a list: every listed customer counts, those without a row as all-no.
     *
     * @throws UserException campaign.ab.duplicateResult when a listed customer has two result rows
     */
    public static AbData joined(Dataset ds, ResultColumns cols, Map<String, Listed> listed) {
        if (cols.id() == null) throw new UserException("campaign.ab.noId");
        Column id = col(ds, cols.id());
        checkArmCount("creative", listed.values().stream().map(Listed::arm).toList());
        Tallies t = new Tallies(ds, cols);
        Map<String, Integer> rowOf = new HashMap<>();
        int resultsOnly = 0;
        Skipped noId = new Skipped();
        for (int r = 0; r < ds.rowCount(); r++) {
            if (blank(id, r)) { noId.add(r); continue; }
            String k = id.format(r).strip();
            if (!listed.containsKey(k)) { resultsOnly++; continue; }
            Integer prev = rowOf.putIfAbsent(k, r);
            if (prev != null) throw new UserException("campaign.ab.duplicateResult", k, id.name(), RowRef.of(prev), RowRef.of(r));
        }
        int matched = 0;
        for (Map.Entry<String, Listed> e : listed.entrySet()) {
            Integer r = rowOf.get(e.getKey());
            if (r != null) matched++;
            t.add(r == null ? -1 : r, e.getValue().arm(), e.getValue().segment());
        }
        // not one result row names a listed customer: the wrong id column or the wrong list, not a 0 % campaign
        if (matched == 0 && !listed.isEmpty() && ds.rowCount() > 0) {
            throw new UserException("campaign.ab.noMatch", ds.rowCount(), listed.size(), id.name());
        }
        return t.data(new AbData.Join(listed.size(), matched, resultsOnly), noId.note("campaign.ab.note.noId", id.name()));
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
        checkArmCount(arm);
        ArmCounts.Known known = new ArmCounts.Known(delivered != null || bounced != null, opened != null, clicked != null,
                converted != null, revenue != null);
        Map<String, double[]> byArm = new LinkedHashMap<>();
        Map<List<String>, double[]> bySeg = new LinkedHashMap<>();
        Skipped noArm = new Skipped();
        for (int r = 0; r < ds.rowCount(); r++) {
            if (blank(arm, r)) { noArm.add(r); continue; }
            double n = count(sends, r);
            double d = n;
            if (delivered != null) d = count(delivered, r);
            else if (bounced != null) {
                double b = count(bounced, r);
                if (b > n) throw new UserException("campaign.ab.bouncedAboveSends", bounced.name(), RowRef.of(r), text(bounced, r), text(sends, r));
                d = n - b;
            }
            if (d > n) throw new UserException("campaign.ab.countAboveSends", delivered.name(), RowRef.of(r), text(delivered, r), text(sends, r));
            double[] v = {n, d, count(opened, r), count(clicked, r), count(converted, r), amount(revenue, r)};
            // every later step counts people among those sent: more opens (clicks, purchases) than sends is a typo
            Column[] steps = {opened, clicked, converted};
            for (int i = 0; i < 3; i++) {
                if (steps[i] != null && v[2 + i] > n) {
                    throw new UserException("campaign.ab.countAboveSends", steps[i].name(), RowRef.of(r), text(steps[i], r), text(sends, r));
                }
            }
            add(byArm.computeIfAbsent(arm.format(r), k -> new double[6]), v);
            if (seg != null && !seg.isMissing(r)) add(bySeg.computeIfAbsent(List.of(seg.format(r), arm.format(r)), k -> new double[6]), v);
        }
        List<ArmCounts> arms = new ArrayList<>();
        for (String a : sortedArms(byArm.keySet())) arms.add(counts(a, null, byArm.get(a), known));
        List<ArmCounts> segs = new ArrayList<>();
        bySeg.entrySet().stream().sorted(Map.Entry.comparingByKey((x, y) -> x.get(0).equals(y.get(0))
                ? x.get(1).compareTo(y.get(1)) : x.get(0).compareTo(y.get(0))))
                .forEach(e -> segs.add(counts(e.getKey().get(1), e.getKey().get(0), e.getValue(), known)));
        return new AbData(arms, segs, null, noArm.note("campaign.ab.note.noArm", arm.name()));
    }

    // ---- what reading the file lost ----------------------------------------------------------------------

    /**
     * Fails when reading a per-customer results file lost what the analysis needs: rows the reader rejected (each
     * is a customer whose outcome would be missing, which biases the comparison) or values of a column it uses that
     * could not be read as the column's type (they would count as "no" or 0). Call it before the loader.
     */
    public static void checkImport(ImportReport report, ResultColumns cols) {
        Map<String, String> keys = new HashMap<>();
        for (String c : Arrays.asList(cols.arm(), cols.segment(), cols.id())) put(keys, c, "campaign.ab.unreadableValue");
        for (String c : Arrays.asList(cols.delivered(), cols.bounced(), cols.opened(), cols.clicked(), cols.converted())) {
            put(keys, c, "campaign.ab.notYesNo");
        }
        put(keys, cols.revenue(), "campaign.ab.badAmount");
        for (String c : Arrays.asList(cols.sentAt(), cols.openedAt(), cols.clickedAt(), cols.purchasedAt())) put(keys, c, "campaign.ab.badTimestamp");
        check(report, keys);
    }

    /** {@link #checkImport(ImportReport, ResultColumns)} for results aggregated per arm. */
    public static void checkImport(ImportReport report, AggregateColumns cols) {
        Map<String, String> keys = new HashMap<>();
        for (String c : Arrays.asList(cols.arm(), cols.segment())) put(keys, c, "campaign.ab.unreadableValue");
        for (String c : Arrays.asList(cols.sends(), cols.delivered(), cols.bounced(), cols.opened(), cols.clicked(), cols.converted())) {
            put(keys, c, "campaign.ab.notACount");
        }
        put(keys, cols.revenue(), "campaign.ab.badAmount");
        check(report, keys);
    }

    /** {@link #checkImport(ImportReport, ResultColumns)} for an exported campaign list read back. */
    public static void checkListImport(ImportReport report, String idColumn) {
        Map<String, String> keys = new HashMap<>();
        for (String c : Arrays.asList(idColumn, "segment", "creative", "group")) put(keys, c, "campaign.ab.unreadableValue");
        check(report, keys);
    }

    private static void put(Map<String, String> keys, String column, String key) {
        if (column != null) keys.put(column, key);
    }

    private static void check(ImportReport report, Map<String, String> keys) {
        if (report == null) return;
        if (report.rejectedCount() > 0) {
            ImportReport.RejectedRow first = report.rejected().isEmpty() ? new ImportReport.RejectedRow("?", 0, "?") : report.rejected().get(0);
            throw new UserException("campaign.ab.rowsRejected", report.rejectedCount(), first.file(), first.line(), first.reason());
        }
        for (ImportReport.ColumnReport c : report.columns()) {
            String key = keys.get(c.name());
            if (key == null || c.coerced() == 0) continue;
            ImportReport.CoercedValue e = c.coercedExamples().isEmpty() ? new ImportReport.CoercedValue("?", 0, "?") : c.coercedExamples().get(0);
            throw new UserException(key, c.name(), fileLine(e.file(), e.line()), e.value());
        }
    }

    /**
     * "line {@code line} of {@code file}" as a {@link RowRef} that is already located: its row (−1) is one no
     * {@link io.segmenta.core.io.RowLines} knows, so relocating the message leaves it as it is.
     */
    static RowRef fileLine(String file, long line) { return new RowRef(-1, file, line); }

    // ---- arms ------------------------------------------------------------------------------------------

    /** @throws UserException campaign.ab.tooManyArms when {@code arm} has more than {@link #MAX_ARMS} distinct values */
    private static void checkArmCount(Column arm) {
        List<String> values = new ArrayList<>(arm.size());
        for (int r = 0; r < arm.size(); r++) if (!blank(arm, r)) values.add(arm.format(r));
        checkArmCount(arm.name(), values);
    }

    private static void checkArmCount(String column, Collection<String> arms) {
        Set<String> distinct = new LinkedHashSet<>(arms);
        if (distinct.size() <= MAX_ARMS) return;
        String examples = I18n.quotedList(distinct.stream().limit(ARM_EXAMPLES).toList());
        throw new UserException("campaign.ab.tooManyArms", column, distinct.size(), MAX_ARMS, examples);
    }

    private static boolean blank(Column c, int r) { return c.isMissing(r) || c.format(r).isBlank(); }

    /** Rows left out on purpose: how many, and the first. */
    private static final class Skipped {
        int count;
        int first = -1;

        void add(int r) {
            if (count++ == 0) first = r;
        }

        List<AbData.Note> note(String key, String column) {
            return count == 0 ? List.of() : List.of(new AbData.Note(key, List.of(count, column, RowRef.of(first))));
        }
    }

    // ---- values ----------------------------------------------------------------------------------------

    private static void add(double[] acc, double[] v) { for (int i = 0; i < v.length; i++) acc[i] += v[i]; }

    private static ArmCounts counts(String arm, String seg, double[] v, ArmCounts.Known known) {
        if (v[1] > v[0] || v[2] > v[1] && known.delivery() || v[2] > v[0] || v[4] > v[0] || v[3] > v[0]) {
            throw new UserException("campaign.ab.inconsistentCounts", arm, (long) v[0], (long) v[1], (long) v[2], (long) v[3], (long) v[4]);
        }
        return new ArmCounts(arm, seg, (long) v[0], (long) v[1], (long) v[2], (long) v[3], (long) v[4], v[5], known, null, null, null);
    }

    /** A whole count ≥ 0 (missing = 0). */
    private static double count(Column c, int r) {
        if (c == null || c.isMissing(r)) return 0;
        double v = c.type().isNumeric() || c instanceof BooleanColumn ? c.getDouble(r) : Double.NaN;
        if (!Double.isFinite(v) || v != Math.rint(v)) throw new UserException("campaign.ab.notACount", c.name(), RowRef.of(r), text(c, r));
        if (v < 0) throw new UserException("campaign.ab.negativeCount", c.name(), RowRef.of(r), text(c, r));
        return v;
    }

    /** An amount: a finite number ≥ 0 (missing = 0); a text column may hold plain numbers. */
    static double amount(Column c, int r) {
        if (c == null || r < 0 || c.isMissing(r)) return 0;
        double v = Double.NaN;
        if (c.type().isNumeric()) v = c.getDouble(r);
        else if (c instanceof StringColumn s) v = plainNumber(s.getString(r));
        if (!Double.isFinite(v) || v < 0) throw new UserException("campaign.ab.badAmount", c.name(), RowRef.of(r), text(c, r));
        return v;
    }

    /** A value as the user likely wrote it: a whole decimal without its ".0". */
    private static String text(Column c, int r) {
        if (c.type() == io.segmenta.core.data.ColumnType.DECIMAL && !c.isMissing(r)) {
            double v = c.getDouble(r);
            if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        }
        return c.format(r);
    }

    private static double plainNumber(String s) {
        String t = s == null ? "" : s.strip();
        return PLAIN_NUMBER.matcher(t).matches() ? Double.parseDouble(t) : Double.NaN;
    }

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

    /**
     * A yes/no outcome: a boolean; 1 or 0; or true/false, yes/no, y/n, t/f, sí/no, s, x, verdadero/falso (any
     * case). Missing (and a row that does not exist, {@code r < 0}) is no.
     *
     * @throws UserException campaign.ab.notYesNo for anything else
     */
    static boolean yes(Column c, int r) {
        if (c == null || r < 0 || c.isMissing(r)) return false;
        switch (c) {
            case BooleanColumn b -> {
                return b.getBoolean(r);
            }
            case StringColumn s -> {
                String t = s.getString(r).strip().toLowerCase(Locale.ROOT);
                if (YES.contains(t)) return true;
                if (NO.contains(t) || t.isEmpty()) return false;
                double v = plainNumber(t);
                if (v == 1) return true;
                if (v == 0) return false;
            }
            default -> {
                if (c.type().isNumeric()) {
                    double v = c.getDouble(r);
                    if (v == 1) return true;
                    if (v == 0) return false;
                }
            }
        }
        throw new UserException("campaign.ab.notYesNo", c.name(), RowRef.of(r), text(c, r));
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

    /** What one result row says (a listed customer without a row says no to everything). */
    private record Outcome(boolean delivered, boolean opened, boolean clicked, boolean converted, double revenue,
                           double hoursToOpen, double hoursToClick, double hoursToPurchase) { }

    /** Accumulates per-customer rows. */
    private static final class Tallies {
        private final Column delivered, bounced, opened, clicked, converted, revenue, sentAt, openedAt, clickedAt, purchasedAt;
        private final ArmCounts.Known known;
        private final Map<String, Acc> byArm = new HashMap<>();
        private final Map<List<String>, Acc> bySegment = new HashMap<>();
        /** Rows that converted with no revenue at all (blank, NaN): counted as 0, and said. */
        private final Skipped convertedWithoutRevenue = new Skipped();

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

        Outcome outcome(int r) {
            boolean del = delivered != null ? yes(delivered, r) : bounced == null || r >= 0 && !yes(bounced, r);
            boolean op = opened != null ? yes(opened, r) : !Double.isNaN(millis(openedAt, r));
            boolean cl = clicked != null ? yes(clicked, r) : !Double.isNaN(millis(clickedAt, r));
            boolean cv = converted != null ? yes(converted, r) : !Double.isNaN(millis(purchasedAt, r));
            double rev = amount(revenue, r);
            double sent = millis(sentAt, r);
            return new Outcome(del, op, cl, cv, rev, delay(sent, millis(openedAt, r)), delay(sent, millis(clickedAt, r)),
                    delay(sent, millis(purchasedAt, r)));
        }

        private static double delay(double sent, double at) {
            return Double.isNaN(sent) || Double.isNaN(at) || at < sent ? Double.NaN : (at - sent) / 3_600_000.0;
        }

        void add(int r, String arm, String segment) {
            Outcome o = outcome(r);
            if (o.converted() && revenue != null && r >= 0 && revenue.isMissing(r)) convertedWithoutRevenue.add(r);
            byArm.computeIfAbsent(arm, k -> new Acc()).add(o);
            if (segment != null) bySegment.computeIfAbsent(List.of(segment, arm), k -> new Acc()).add(o);
        }

        AbData data(AbData.Join join, List<AbData.Note> given) {
            List<AbData.Note> notes = new ArrayList<>(given);
            if (revenue != null) notes.addAll(convertedWithoutRevenue.note("campaign.ab.note.noRevenue", revenue.name()));
            List<String> armOrder = sortedArms(byArm.keySet());
            List<ArmCounts> arms = new ArrayList<>();
            for (String a : armOrder) arms.add(byArm.get(a).counts(a, null, known));
            List<String> segs = sortedArms(bySegment.keySet().stream().map(k -> k.get(0)).distinct().toList());
            List<ArmCounts> segArms = new ArrayList<>();
            for (String s : segs) for (String a : armOrder) {
                Acc acc = bySegment.get(List.of(s, a));
                if (acc != null) segArms.add(acc.counts(a, s, known));
            }
            return new AbData(arms, segArms, join, notes);
        }
    }

    private static final class Acc {
        long sends, delivered, opened, clicked, converted;
        double revenue, revenueSquares;
        final List<Double> toOpen = new ArrayList<>(), toClick = new ArrayList<>(), toPurchase = new ArrayList<>();

        void add(Outcome o) {
            sends++;
            if (o.delivered()) delivered++;
            if (o.opened()) opened++;
            if (o.clicked()) clicked++;
            if (o.converted()) converted++;
            revenue += o.revenue();
            revenueSquares += o.revenue() * o.revenue();
            if (!Double.isNaN(o.hoursToOpen())) toOpen.add(o.hoursToOpen());
            if (!Double.isNaN(o.hoursToClick())) toClick.add(o.hoursToClick());
            if (!Double.isNaN(o.hoursToPurchase())) toPurchase.add(o.hoursToPurchase());
        }

        ArmCounts counts(String arm, String seg, ArmCounts.Known known) {
            return new ArmCounts(arm, seg, sends, delivered, opened, clicked, converted, revenue, known,
                    median(toOpen), median(toClick), median(toPurchase), known.revenue() ? revenueSquares : null);
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
