package io.segmenta.core.campaign;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.eda.RowSelection;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link CampaignList} from a dataset: eligibility (see {@link CampaignDefinition}), then a seeded,
 * stratified random sample with creatives and holdout assigned.
 *
 * <p>Sampling. Eligible customers are put in id order (so the result does not depend on the row order of
 * the file), grouped by segment. Each segment gets a quota: with {@link Allocation#STRATIFIED} the list size
 * split in proportion to the segment populations (largest remainders); with {@link Allocation#PER_SEGMENT}
 * the size split equally. Each segment is shuffled with its own SplitMix64 stream (seed × segment label) and
 * its first quota customers are taken. Cells (creatives and holdout) are then dealt over the sampled
 * customers, segment after segment, by a quota sequence: position i goes to the cell furthest behind its
 * share, so every cell gets exactly its total and every segment gets each cell in proportion (±1; exactly
 * when the proportions are whole numbers). Creative totals are the treatment size split equally (the
 * first creatives get one more when it does not divide).
 */
public final class CampaignBuilder {
    /**
     * Most segments a list is stratified by: segments are groups a creative team can address (the app's
     * k-means makes at most 50), not the values of an amount.
     */
    public static final int MAX_SEGMENTS = 100;

    /** Segment label used when the definition has no segment column. */
    public static final String ALL_SEGMENT = "all";

    private CampaignBuilder() { }

    /** Builds the list (nothing is written): also the preview, through {@link CampaignList#counts()}. */
    public static CampaignList build(Dataset ds, CampaignDefinition def, TaskContext ctx) {
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        Population pop = eligible(ds, def, c);
        return sample(pop, def, c);
    }

    /**
     * Builds a saved list again from (possibly reloaded) data and checks it is the same.
     *
     * @throws UserException campaign.error.hashMismatch when the eligible rows are not those the list was built from
     */
    public static CampaignList rebuild(Dataset ds, CampaignList saved, TaskContext ctx) {
        CampaignList again = build(ds, saved.definition(), ctx);
        if (!again.sourceHash().equals(saved.sourceHash())) {
            throw new UserException("campaign.error.hashMismatch", saved.datasetName(), saved.sourceHash().substring(0, 12),
                    again.sourceHash().substring(0, 12));
        }
        return again;
    }

    // ---- eligibility ----------------------------------------------------------------------------------

    private record Population(Funnel funnel, String[] ids, int[] rows, String[] segmentOf, List<String> segments, String hash) { }

    private static Column column(Dataset ds, String name) {
        return ds.find(name).orElseThrow(() -> new UserException("campaign.error.unknownColumn", name, ds.name(),
                String.join(", ", ds.columnNames())));
    }

    private static Column numeric(Dataset ds, String name) {
        Column c = column(ds, name);
        if (!c.type().isNumeric() && c.type() != ColumnType.DATE && c.type() != ColumnType.DATETIME) {
            throw new UserException("campaign.error.notNumeric", name, c.type().key());
        }
        return c;
    }

    private static Population eligible(Dataset ds, CampaignDefinition def, TaskContext ctx) {
        Column id = column(ds, def.idColumn());
        Column seg = def.segmentColumn() == null ? null : column(ds, def.segmentColumn());
        Column score = def.scoreColumn() == null ? null : numeric(ds, def.scoreColumn());
        Column tier = def.tierColumn() == null ? null : column(ds, def.tierColumn());
        Column top = def.topBy() == null ? null : numeric(ds, def.topBy());
        def.filter().validate(ds);

        RowSelection sel = def.filter().apply(ds, ctx);
        int[] rows = sel.rows();
        int afterFilter = rows.length;
        if (def.minScore() != null) {
            double min = def.minScore();
            rows = Arrays.stream(rows).filter(r -> score.getDouble(r) >= min).toArray();
        }
        int afterScore = rows.length;
        if (!def.tiers().isEmpty()) {
            Set<String> wanted = new HashSet<>(def.tiers());
            // a tier the column never holds (a typo, another column) keeps nobody: say which, not "loosen the filters"
            Set<String> present = new java.util.TreeSet<>();
            for (int r = 0; r < ds.rowCount() && present.size() <= 1000; r++) if (!tier.isMissing(r)) present.add(tier.format(r));
            List<String> unknown = def.tiers().stream().filter(t -> !present.contains(t)).toList();
            if (!unknown.isEmpty() && present.size() <= 1000) {
                throw new UserException("campaign.error.unknownTiers", def.tierColumn(), I18n.quotedList(unknown),
                        I18n.quotedList(present.stream().limit(10).toList()) + (present.size() > 10 ? ", …" : ""));
            }
            rows = Arrays.stream(rows).filter(r -> !tier.isMissing(r) && wanted.contains(tier.format(r))).toArray();
        }
        int afterTier = rows.length;
        rows = Arrays.stream(rows).filter(r -> !id.isMissing(r) && !id.format(r).isBlank() && (seg == null || !seg.isMissing(r))).toArray();
        int missing = afterTier - rows.length;
        ctx.checkCancelled();

        // id order, unique ids
        String[] idText = new String[ds.rowCount()];
        for (int r : rows) idText[r] = id.format(r).strip();
        Integer[] boxed = Arrays.stream(rows).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparing((Integer r) -> idText[r]));
        for (int i = 1; i < boxed.length; i++) {
            if (idText[boxed[i]].equals(idText[boxed[i - 1]])) {
                int n = 2;
                while (i + 1 < boxed.length && idText[boxed[i + 1]].equals(idText[boxed[i]])) { n++; i++; }
                throw new UserException("campaign.error.duplicateId", idText[boxed[i]], n, def.idColumn());
            }
        }
        rows = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();

        int suppressed = 0, unmatched = 0;
        if (!def.suppression().isEmpty()) {
            // ignoring case: an id typed "c000001" on a do-not-contact list must still keep C000001 out of the
            // list (when in doubt, do not mail)
            Set<String> out = new HashSet<>();
            for (String s : def.suppression().ids()) out.add(Suppression.key(s));
            int before = rows.length;
            rows = Arrays.stream(rows).filter(r -> !out.contains(Suppression.key(idText[r]))).toArray();
            suppressed = before - rows.length;
            // ids that are nobody's in the whole dataset (not only among the eligible rows): the list may be in
            // another format, and then it protects no one
            Set<String> notFound = new HashSet<>(out); // as small as the list, however large the dataset
            for (int r = 0; r < ds.rowCount() && !notFound.isEmpty(); r++) {
                if (!id.isMissing(r)) notFound.remove(Suppression.key(id.format(r)));
            }
            unmatched = notFound.size();
        }
        if (def.topN() != null) {
            int[] ranked = Arrays.stream(rows).filter(r -> !Double.isNaN(top.getDouble(r))).boxed()
                    .sorted(Comparator.comparingDouble((Integer r) -> -top.getDouble(r)).thenComparing(r -> idText[r]))
                    .mapToInt(Integer::intValue).limit(def.topN()).toArray();
            Arrays.sort(ranked); // back to id order below
            rows = Arrays.stream(ranked).boxed().sorted(Comparator.comparing((Integer r) -> idText[r])).mapToInt(Integer::intValue).toArray();
        }
        Funnel funnel = new Funnel(ds.rowCount(), afterFilter, afterScore, afterTier, missing, suppressed, rows.length, unmatched);

        String[] ids = new String[rows.length];
        String[] segOf = new String[rows.length];
        Set<String> labels = new HashSet<>();
        MessageDigest sha = sha256();
        for (int i = 0; i < rows.length; i++) {
            ids[i] = idText[rows[i]];
            segOf[i] = seg == null ? ALL_SEGMENT : seg.format(rows[i]);
            labels.add(segOf[i]);
            sha.update(ids[i].getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0x1F);
            sha.update(segOf[i].getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        List<String> segments = new ArrayList<>(labels);
        segments.sort(segmentOrder(segments));
        if (segments.size() > MAX_SEGMENTS) {
            // an amount or an id chosen as the segment column: thousands of strata of one customer each
            throw new UserException("campaign.error.tooManySegments", def.segmentColumn(), segments.size(), MAX_SEGMENTS);
        }
        return new Population(funnel, ids, rows, segOf, segments, HexFormat.of().formatHex(sha.digest()));
    }

    /** Numeric labels numerically when all are numbers, else alphabetical. */
    static Comparator<String> segmentOrder(List<String> labels) {
        boolean numeric = !labels.isEmpty() && labels.stream().allMatch(CampaignBuilder::isNumber);
        return numeric ? Comparator.comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- sampling -------------------------------------------------------------------------------------

    private static CampaignList sample(Population pop, CampaignDefinition def, TaskContext ctx) {
        int n = def.sampleSize();
        int population = pop.ids().length;
        if (population == 0) throw new UserException("campaign.error.noRows", def.datasetName());
        if (n > population) throw new UserException("campaign.error.sizeTooLarge", n, population);
        List<String> segments = pop.segments();
        int s = segments.size();
        int k = def.creatives();
        if (def.allocation() == Allocation.PER_SEGMENT && k != s) {
            throw new UserException("campaign.error.creativesVsSegments", k, s, I18n.quotedList(segments));
        }
        Map<String, Integer> segIndex = new LinkedHashMap<>();
        for (int i = 0; i < s; i++) segIndex.put(segments.get(i), i);
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < s; i++) members.add(new ArrayList<>());
        for (int i = 0; i < population; i++) members.get(segIndex.get(pop.segmentOf()[i])).add(i);
        int[] sizes = members.stream().mapToInt(List::size).toArray();

        int[] quota = def.allocation() == Allocation.PER_SEGMENT ? equalSplit(n, s) : proportional(n, sizes);
        for (int i = 0; i < s; i++) {
            if (quota[i] > sizes[i]) throw new UserException("campaign.error.stratumTooSmall", segments.get(i), sizes[i], quota[i]);
        }
        int held = def.holdoutSize();
        int treated = n - held;
        // cells: stratified = creatives 0..k-1 then holdout; per segment = treatment, holdout
        int[] totals;
        if (def.allocation() == Allocation.STRATIFIED) {
            totals = Arrays.copyOf(equalSplit(treated, k), k + 1);
            totals[k] = held;
        } else {
            totals = new int[]{treated, held};
        }
        int[] labels = dealCells(totals, n);

        List<Assignment> out = new ArrayList<>(n);
        int pos = 0;
        for (int si = 0; si < s; si++) {
            ctx.checkCancelled();
            List<Integer> m = members.get(si);
            int[] order = m.stream().mapToInt(Integer::intValue).toArray();
            SplitMix64 rng = new SplitMix64(def.seed() ^ SplitMix64.mix(segments.get(si).hashCode() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
            for (int i = 0; i < quota[si]; i++) {
                int j = i + rng.nextInt(order.length - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
                int cell = labels[pos++];
                String creative;
                Group group;
                if (def.allocation() == Allocation.STRATIFIED) {
                    group = cell == k ? Group.HOLDOUT : Group.TREATMENT;
                    creative = cell == k ? null : def.creativeNames().get(cell);
                } else {
                    group = cell == 1 ? Group.HOLDOUT : Group.TREATMENT;
                    creative = cell == 1 ? null : def.creativeNames().get(si);
                }
                int p = order[i];
                out.add(new Assignment(pop.ids()[p], pop.rows()[p], segments.get(si), creative, group));
            }
        }
        ctx.progress(n, n, def.datasetName());
        List<Integer> popList = Arrays.stream(sizes).boxed().toList();
        return new CampaignList(def, pop.hash(), pop.funnel(), segments, popList, out);
    }

    /** n split over {@code parts}: equal shares, the first ones one more when it does not divide. */
    static int[] equalSplit(int n, int parts) {
        int[] out = new int[parts];
        for (int i = 0; i < parts; i++) out[i] = n / parts + (i < n % parts ? 1 : 0);
        return out;
    }

    /** n split in proportion to {@code sizes} by largest remainders (ties: the earlier part). */
    static int[] proportional(int n, int[] sizes) {
        long total = Arrays.stream(sizes).asLongStream().sum();
        int[] out = new int[sizes.length];
        long[] rem = new long[sizes.length];
        int given = 0;
        for (int i = 0; i < sizes.length; i++) {
            long num = (long) n * sizes[i];
            out[i] = (int) (num / total);
            rem[i] = num % total;
            given += out[i];
        }
        Integer[] order = new Integer[sizes.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> rem[a] != rem[b] ? Long.compare(rem[b], rem[a]) : Integer.compare(a, b));
        for (int i = 0; given < n; i++, given++) out[order[i % order.length]]++;
        return out;
    }

    /**
     * A sequence of n cell labels with exactly {@code totals[c]} of label c: position i goes to the cell with
     * the largest deficit totals[c]·(i+1)/n − dealt[c] (ties: the lower cell), so every stretch of the sequence
     * holds each cell in proportion to its total.
     */
    static int[] dealCells(int[] totals, int n) {
        int[] labels = new int[n];
        long[] dealt = new long[totals.length];
        for (int i = 0; i < n; i++) {
            int best = -1;
            long bestDeficit = Long.MIN_VALUE;
            for (int c = 0; c < totals.length; c++) {
                long deficit = (long) totals[c] * (i + 1) - dealt[c] * n;
                if (deficit > bestDeficit) { bestDeficit = deficit; best = c; }
            }
            labels[i] = best;
            dealt[best]++;
        }
        return labels;
    }
}
