package io.segmenta.core.campaign;

import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What a campaign list is made of. Validated on construction ({@link UserException} with a
 * {@code campaign.def.*} key). Requests that depend on the data (a size larger than the eligible population,
 * a segment too small) are checked by {@link CampaignBuilder}.
 *
 * <p>Eligibility, in this order: the {@code filter}; {@code score ≥ minScore}; {@code tier in tiers}; rows
 * with a missing id or segment dropped; suppressed ids excluded; then the {@code topN} rows with the highest
 * {@code topBy} (ties by id). Suppression comes before top N so that "the top 10,000" are 10,000 customers
 * who may be contacted.
 *
 * @param datasetName   source dataset
 * @param filter        row conditions (AND)
 * @param scoreColumn   numeric score column, or null; exported as {@code score}
 * @param minScore      keep rows with score ≥ this, or null
 * @param tierColumn    tier column, or null; exported as {@code tier}
 * @param tiers         tier values to keep (empty = all)
 * @param topN          keep the N rows with the highest {@code topBy}, or null
 * @param topBy         column ranked for top N
 * @param segmentColumn segment column (required for per-segment allocation; null = one stratum)
 * @param idColumn      customer id column (unique)
 * @param suppression   ids to exclude
 * @param sampleSize    customers in the list, holdout included
 * @param creativeNames creative names, one per creative, unique
 * @param allocation    how creatives are spread over segments
 * @param holdout       control group
 * @param seed          random seed; the same definition, data and seed give the same list
 */
public record CampaignDefinition(String datasetName, RowFilter filter, String scoreColumn, Double minScore,
                                 String tierColumn, List<String> tiers, Integer topN, String topBy,
                                 String segmentColumn, String idColumn, Suppression suppression, int sampleSize,
                                 List<String> creativeNames, Allocation allocation, Holdout holdout, long seed) {

    public CampaignDefinition {
        if (datasetName == null || datasetName.isBlank()) throw new UserException("campaign.def.noDataset");
        filter = filter == null ? RowFilter.NONE : filter;
        scoreColumn = blankToNull(scoreColumn);
        tierColumn = blankToNull(tierColumn);
        topBy = blankToNull(topBy);
        segmentColumn = blankToNull(segmentColumn);
        idColumn = blankToNull(idColumn);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        suppression = suppression == null ? Suppression.NONE : suppression;
        allocation = allocation == null ? Allocation.STRATIFIED : allocation;
        holdout = holdout == null ? Holdout.NONE : holdout;
        creativeNames = creativeNames == null ? List.of() : List.copyOf(creativeNames);
        if (idColumn == null) throw new UserException("campaign.def.noId");
        if (minScore != null && (scoreColumn == null || minScore.isNaN())) throw new UserException("campaign.def.minScoreNeedsScore");
        if (!tiers.isEmpty() && tierColumn == null) throw new UserException("campaign.def.tiersNeedColumn", String.join(", ", tiers));
        if (topN != null && topN < 1) throw new UserException("campaign.def.badTopN", topN);
        if (topN != null && topBy == null) throw new UserException("campaign.def.topNeedsBy");
        if (sampleSize < 1) throw new UserException("campaign.def.badSize", sampleSize);
        if (creativeNames.isEmpty()) throw new UserException("campaign.def.badCreatives", 0);
        if (creativeNames.size() > MAX_CREATIVES) throw new UserException("campaign.def.tooManyCreatives", creativeNames.size(), MAX_CREATIVES);
        var seen = new HashSet<String>();
        for (String c : creativeNames) {
            if (c == null || c.isBlank()) throw new UserException("campaign.def.blankCreative");
            if (!seen.add(c)) throw new UserException("campaign.def.duplicateCreative", c);
            // results are read back per arm, the holdout being the arm "holdout": a creative of that name would merge with it
            if (c.strip().equalsIgnoreCase(Group.HOLDOUT.key())) throw new UserException("campaign.def.creativeNamedHoldout", c);
        }
        if (allocation == Allocation.PER_SEGMENT && segmentColumn == null) throw new UserException("campaign.def.perSegmentNeedsSegments");
        int held = holdout.sizeFor(sampleSize);
        if (held >= sampleSize) throw new UserException("campaign.error.holdoutTooLarge", held, sampleSize);
        if (sampleSize - held < creativeNames.size()) {
            throw new UserException("campaign.error.tooFewTreatment", held, sampleSize - held, creativeNames.size());
        }
    }

    /**
     * Most creatives a list may have: what the app offers (A … Z and 26 more), so that with the holdout every
     * list stays within what the A/B analysis accepts ({@link AbResultsLoader#MAX_ARMS}).
     */
    public static final int MAX_CREATIVES = 52;

    /** Default creative names: A, B, C … Z, then C27, C28 …. */
    public static List<String> defaultCreativeNames(int count) {
        if (count < 1) throw new UserException("campaign.def.badCreatives", count);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(count <= 26 ? String.valueOf((char) ('A' + i)) : "C" + (i + 1));
        return out;
    }

    public int creatives() { return creativeNames.size(); }

    /** Customers held out. */
    public int holdoutSize() { return holdout.sizeFor(sampleSize); }

    public CampaignDefinition withSeed(long s) {
        return new CampaignDefinition(datasetName, filter, scoreColumn, minScore, tierColumn, tiers, topN, topBy, segmentColumn,
                idColumn, suppression, sampleSize, creativeNames, allocation, holdout, s);
    }

    public CampaignDefinition withSampleSize(int n) {
        return new CampaignDefinition(datasetName, filter, scoreColumn, minScore, tierColumn, tiers, topN, topBy, segmentColumn,
                idColumn, suppression, n, creativeNames, allocation, holdout, seed);
    }

    public CampaignDefinition withSuppression(Suppression s) {
        return new CampaignDefinition(datasetName, filter, scoreColumn, minScore, tierColumn, tiers, topN, topBy, segmentColumn,
                idColumn, s, sampleSize, creativeNames, allocation, holdout, seed);
    }

    /** Names (letters and digits only, lower case) of a customer id column, most telling first. */
    private static final List<String> ID_NAMES = List.of("customerid", "clientid", "userid", "idcliente", "clienteid",
            "codigocliente", "codcliente", "numcliente", "customernumber", "customerno", "customerkey", "customercode",
            "custid", "custno", "clientno", "memberid", "accountid", "contactid", "id", "customer", "cliente");
    /** Names of a file's row numbering (pandas' index, a spreadsheet's row column): id-like, but not customers. */
    private static final List<String> ROW_NUMBER_NAMES = List.of("rownumber", "row", "rowid", "index", "unnamed0", "", "n");

    private static String letters(String s) {
        return java.text.Normalizer.normalize(s.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("[^a-z0-9]", "");
    }

    /**
     * The column a list most likely identifies customers by: one named like a customer id (CustomerId,
     * customer_id, id_cliente…), else the first id-like column that is not a row number (RowNumber, index),
     * else the first id-like one; null when none is id-like or so named.
     */
    public static String guessIdColumn(io.segmenta.core.data.Dataset ds) {
        for (String name : ID_NAMES) {
            for (var c : ds.columns()) if (letters(c.name()).equals(name)) return c.name();
        }
        for (var c : ds.columns()) if (c.idLike() && !ROW_NUMBER_NAMES.contains(letters(c.name()))) return c.name();
        for (var c : ds.columns()) if (c.idLike()) return c.name();
        return null;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }

    /** A builder-style starting point with the required parts; the rest default to "not used". */
    public static CampaignDefinition of(String datasetName, String idColumn, String segmentColumn, int sampleSize,
                                        int creatives, Allocation allocation, Holdout holdout, long seed) {
        return new CampaignDefinition(datasetName, RowFilter.NONE, null, null, null, List.of(), null, null, segmentColumn,
                idColumn, Suppression.NONE, sampleSize, defaultCreativeNames(creatives), allocation, holdout, seed);
    }
}
