package io.segmenta.core.join;

import io.segmenta.core.data.Dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a left join found.
 *
 * @param leftRows              rows of the left table (and of the result: a left join never changes it)
 * @param matchedRows           left rows that found a right row
 * @param unmatchedRows         left rows that did not (their new columns are missing), missing keys included
 * @param duplicateRightKeys    distinct keys that occur on more than one right row
 * @param unmatchedExamples     up to 10 distinct normalised left keys without a match (parts joined by " | ")
 * @param duplicateKeyExamples  up to 10 of the duplicated right keys
 * @param normalizationExamples up to 10 examples of keys that normalisation changed, like "02 → 2"
 * @param policy                the duplicate policy in words, in the user's language
 * @param missingKeyRows        left rows with a missing value in a key column (counted as unmatched)
 * @param ignoredRightRows      right rows not used because an earlier row had the same key
 * @param addedColumns          names of the columns added to the left table, after renaming
 */
public record JoinReport(long leftRows, long matchedRows, long unmatchedRows, long duplicateRightKeys,
                         List<String> unmatchedExamples, List<String> duplicateKeyExamples,
                         List<String> normalizationExamples, String policy, long missingKeyRows,
                         long ignoredRightRows, List<String> addedColumns) {

    public static final int MAX_EXAMPLES = 10;

    public JoinReport {
        unmatchedExamples = List.copyOf(unmatchedExamples);
        duplicateKeyExamples = List.copyOf(duplicateKeyExamples);
        normalizationExamples = List.copyOf(normalizationExamples);
        addedColumns = List.copyOf(addedColumns);
    }

    /**
     * Why a join matched no row, with the keys of each side as compared, or null when some row matched (or
     * the left table is empty). {@code hint} is the caller's way to ask for the first-word rule, or "".
     */
    public static String noMatchMessage(JoinResult res, Dataset left, Dataset right, String hint) {
        JoinReport rep = res.report();
        if (rep.matchedRows() > 0 || rep.leftRows() == 0) return null;
        JoinRequest req = res.request();
        List<String> lk = req.keys().stream().map(KeyPair::leftColumn).toList();
        List<String> rk = req.keys().stream().map(KeyPair::rightColumn).toList();
        return io.segmenta.core.util.I18n.tr("data.join.noMatch", left.name(), right.name(),
                io.segmenta.core.util.I18n.quotedList(JoinService.sampleKeys(left, lk, req.normalization(), 3)),
                io.segmenta.core.util.I18n.quotedList(JoinService.sampleKeys(right, rk, req.normalization(), 3)), hint);
    }

    /** Share of left rows that matched, 0..1 (0 for an empty left table). */
    public double matchRate() { return leftRows == 0 ? 0.0 : (double) matchedRows / leftRows; }

    /** The report with snake_case keys, for JSON output. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("left_rows", leftRows);
        m.put("matched_rows", matchedRows);
        m.put("unmatched_rows", unmatchedRows);
        m.put("match_rate", matchRate());
        m.put("missing_key_rows", missingKeyRows);
        m.put("duplicate_right_keys", duplicateRightKeys);
        m.put("ignored_right_rows", ignoredRightRows);
        m.put("unmatched_examples", unmatchedExamples);
        m.put("duplicate_key_examples", duplicateKeyExamples);
        m.put("normalization_examples", normalizationExamples);
        m.put("added_columns", addedColumns);
        m.put("policy", policy);
        return m;
    }
}
