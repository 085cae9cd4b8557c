package io.segmenta.core.join;

import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A left join: every row of the left table is kept once and gets the chosen columns of the first right
 * row with the same key (missing when none).
 *
 * @param leftDataset   name of the table to enrich
 * @param rightDataset  name of the table to take columns from
 * @param keys          one or more key column pairs, all of which must agree
 * @param normalization how keys are compared; null = {@link KeyNormalization#defaults()}
 * @param rightColumns  right columns to add, in this order; null or empty = every right column that is not a key
 * @param suffix        appended to a right column's name when the left table already has it; null/blank = "_right"
 * @param resultName    name of the new dataset; null/blank = "{left}_{right}"
 */
public record JoinRequest(String leftDataset, String rightDataset, List<KeyPair> keys, KeyNormalization normalization,
                          List<String> rightColumns, String suffix, String resultName) {

    public static final String DEFAULT_SUFFIX = "_right";

    public JoinRequest {
        keys = keys == null ? List.of() : List.copyOf(keys);
        normalization = normalization == null ? KeyNormalization.defaults() : normalization;
        rightColumns = rightColumns == null ? List.of() : List.copyOf(rightColumns);
        suffix = suffix == null || suffix.isBlank() ? DEFAULT_SUFFIX : suffix;
        resultName = resultName == null || resultName.isBlank() ? null : resultName.trim();
    }

    /** A join on one key with default settings. */
    public static JoinRequest of(String left, String right, String leftKey, String rightKey) {
        return new JoinRequest(left, right, List.of(new KeyPair(leftKey, rightKey)), null, null, null, null);
    }

    /** Pairs up key columns given as two lists (as a form with two multi-selects would). */
    public static List<KeyPair> pairKeys(List<String> leftKeys, List<String> rightKeys) {
        int nl = leftKeys == null ? 0 : leftKeys.size();
        int nr = rightKeys == null ? 0 : rightKeys.size();
        if (nl == 0 && nr == 0) throw new UserException("data.join.noKeys");
        if (nl != nr) throw new UserException("data.join.keyCountMismatch", nl, nr);
        List<KeyPair> out = new ArrayList<>(nl);
        for (int i = 0; i < nl; i++) out.add(new KeyPair(leftKeys.get(i), rightKeys.get(i)));
        return out;
    }

    /** The result name, defaulted from the two table names. */
    public String effectiveResultName(String leftName, String rightName) {
        return resultName != null ? resultName : leftName + "_" + rightName;
    }

    /** A plain description of this request (for a project's recipe field), keys in snake_case. */
    public Map<String, Object> toRecipe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", "left_join");
        m.put("left", leftDataset);
        m.put("right", rightDataset);
        List<Map<String, String>> k = new ArrayList<>();
        for (KeyPair p : keys) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("left", p.leftColumn());
            e.put("right", p.rightColumn());
            k.add(e);
        }
        m.put("keys", k);
        m.put("trim", normalization.trim());
        m.put("ignore_case", normalization.ignoreCase());
        m.put("strip_leading_zeros", normalization.stripLeadingZeros());
        m.put("first_word", normalization.firstWord());
        m.put("right_columns", rightColumns);
        m.put("suffix", suffix);
        m.put("result_name", resultName);
        return m;
    }
}
