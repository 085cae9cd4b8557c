package io.segmenta.core.join;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Left joins: enriches a table with columns of another by one or more key columns.
 *
 * <p>Rules: the result has exactly the left table's rows, in order, followed by the chosen right columns
 * with their types. Keys of any type are compared as text ({@link Column#format(int)}, with integral
 * decimals written without ".0"), normalised as the request says. When several right rows share a key the
 * first one is used and the duplicates are reported; rows are never multiplied. A missing value in any
 * key column never matches. Right column names that clash with left ones get the request's suffix.
 */
public final class JoinService {
    private static final char KEY_SEPARATOR = '\u0001';
    private static final String DISPLAY_SEPARATOR = " | ";

    private JoinService() { }

    public static JoinResult leftJoin(Dataset left, Dataset right, JoinRequest req, TaskContext ctx) {
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        if (left == null || right == null || req == null) throw new IllegalArgumentException("left, right and request are required");
        validate(left, right, req);
        List<KeyPair> keys = req.keys();
        KeyNormalization norm = req.normalization();
        int nLeft = left.rowCount();
        int nRight = right.rowCount();
        long total = (long) nLeft + nRight;

        Column[] leftKeys = new Column[keys.size()];
        Column[] rightKeys = new Column[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            leftKeys[k] = left.column(keys.get(k).leftColumn());
            rightKeys[k] = right.column(keys.get(k).rightColumn());
        }

        Set<String> normExamples = new LinkedHashSet<>();

        // Index the right table: first row per normalised key.
        Map<String, Integer> index = new HashMap<>(Math.max(16, nRight * 2));
        Map<String, Integer> dupCounts = new LinkedHashMap<>();
        long ignoredRight = 0;
        for (int r = 0; r < nRight; r++) {
            if ((r & 0x3FFF) == 0) {
                c.checkCancelled();
                c.progress(r, total, I18n.tr("data.join.progress.index"));
            }
            String key = key(rightKeys, r, norm, normExamples);
            if (key == null) continue;
            Integer prev = index.putIfAbsent(key, r);
            if (prev != null) {
                ignoredRight++;
                dupCounts.merge(key, 1, Integer::sum);
            }
        }

        // Probe with the left rows.
        int[] picks = new int[nLeft];
        long matched = 0;
        long missingKeys = 0;
        Set<String> unmatchedExamples = new LinkedHashSet<>();
        for (int r = 0; r < nLeft; r++) {
            if ((r & 0x3FFF) == 0) {
                c.checkCancelled();
                c.progress(nRight + (long) r, total, I18n.tr("data.join.progress.match"));
            }
            String key = key(leftKeys, r, norm, normExamples);
            if (key == null) {
                missingKeys++;
                picks[r] = -1;
                continue;
            }
            Integer hit = index.get(key);
            if (hit == null) {
                picks[r] = -1;
                if (unmatchedExamples.size() < JoinReport.MAX_EXAMPLES) unmatchedExamples.add(display(key));
            } else {
                picks[r] = hit;
                matched++;
            }
        }
        c.checkCancelled();

        // Build the result: left columns, then gathered right columns renamed on clashes.
        List<Column> columns = new ArrayList<>(left.columns());
        Map<String, String> descriptions = new LinkedHashMap<>(left.descriptions());
        Set<String> used = new HashSet<>(left.columnNames());
        List<String> added = new ArrayList<>();
        for (String name : chosenRightColumns(right, req)) {
            String outName = name;
            if (used.contains(outName)) {
                outName = name + req.suffix();
                for (int i = 2; used.contains(outName); i++) outName = name + req.suffix() + "_" + i;
            }
            used.add(outName);
            Column src = right.column(name);
            Column gathered = RowGather.gather(src, picks);
            columns.add(outName.equals(name) ? gathered : gathered.withName(outName));
            String finalName = outName;
            right.description(name).ifPresent(d -> descriptions.put(finalName, d));
            added.add(outName);
        }
        String resultName = req.effectiveResultName(left.name(), right.name());
        Dataset out = new Dataset(resultName, columns, descriptions);
        c.progress(total, total, I18n.tr("data.join.progress.done"));

        List<String> dupExamples = new ArrayList<>();
        for (String k : dupCounts.keySet()) {
            if (dupExamples.size() >= JoinReport.MAX_EXAMPLES) break;
            dupExamples.add(display(k));
        }
        String policy = I18n.tr("data.join.policy", ignoredRight);
        JoinReport report = new JoinReport(nLeft, matched, nLeft - matched, dupCounts.size(),
                List.copyOf(unmatchedExamples), dupExamples, List.copyOf(normExamples), policy, missingKeys,
                ignoredRight, added);
        return new JoinResult(out, report, req);
    }

    /** Checks the request against the two tables; throws a {@link UserException} describing the first problem. */
    public static void validate(Dataset left, Dataset right, JoinRequest req) {
        if (req.keys().isEmpty()) throw new UserException("data.join.noKeys");
        Set<String> seenLeft = new HashSet<>();
        for (KeyPair p : req.keys()) {
            if (p == null || p.leftColumn() == null || p.leftColumn().isBlank()
                    || p.rightColumn() == null || p.rightColumn().isBlank()) {
                throw new UserException("data.join.blankKey");
            }
            requireColumn(left, p.leftColumn());
            requireColumn(right, p.rightColumn());
            if (!seenLeft.add(p.leftColumn() + KEY_SEPARATOR + p.rightColumn())) {
                throw new UserException("data.join.repeatedKey", p.leftColumn(), p.rightColumn());
            }
        }
        Set<String> seen = new HashSet<>();
        for (String name : req.rightColumns()) {
            if (name == null || name.isBlank()) throw new UserException("data.join.blankColumn");
            requireColumn(right, name);
            if (!seen.add(name)) throw new UserException("data.join.repeatedColumn", name);
        }
    }

    private static void requireColumn(Dataset d, String name) {
        if (d.find(name).isEmpty()) {
            throw new UserException("data.join.unknownColumn", d.name(), name, String.join(", ", d.columnNames()));
        }
    }

    private static List<String> chosenRightColumns(Dataset right, JoinRequest req) {
        if (!req.rightColumns().isEmpty()) return req.rightColumns();
        Set<String> keyCols = new HashSet<>();
        for (KeyPair p : req.keys()) keyCols.add(p.rightColumn());
        List<String> out = new ArrayList<>();
        for (String n : right.columnNames()) if (!keyCols.contains(n)) out.add(n);
        return out;
    }

    /**
     * Up to {@code max} distinct keys of {@code ds} on {@code columns} as the join compares them (normalised),
     * for telling the user why nothing matched.
     */
    public static List<String> sampleKeys(Dataset ds, List<String> columns, KeyNormalization norm, int max) {
        Column[] cols = new Column[columns.size()];
        for (int i = 0; i < cols.length; i++) cols[i] = ds.column(columns.get(i));
        Set<String> out = new LinkedHashSet<>();
        Set<String> ignored = new HashSet<>();
        for (int r = 0; r < ds.rowCount() && out.size() < max; r++) {
            String k = key(cols, r, norm, ignored);
            if (k != null) out.add(display(k));
        }
        return List.copyOf(out);
    }

    /** The normalised composite key of a row, or null when any part is missing. */
    private static String key(Column[] cols, int row, KeyNormalization norm, Set<String> normExamples) {
        if (cols.length == 1) return part(cols[0], row, norm, normExamples);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < cols.length; k++) {
            String p = part(cols[k], row, norm, normExamples);
            if (p == null) return null;
            if (k > 0) sb.append(KEY_SEPARATOR);
            sb.append(p);
        }
        return sb.toString();
    }

    private static String part(Column col, int row, KeyNormalization norm, Set<String> normExamples) {
        if (col.isMissing(row)) return null;
        String raw = text(col, row);
        String n = norm.apply(raw);
        if (n.isEmpty()) return null;
        if (!n.equals(raw) && normExamples.size() < JoinReport.MAX_EXAMPLES) {
            normExamples.add(quoteBlanks(raw) + " → " + n);
        }
        return n;
    }

    /** Key text: the column's own format, except integral decimals lose their ".0" so 2.0 matches 2. */
    static String text(Column col, int row) {
        if (col instanceof DoubleColumn d) {
            double v = d.getDouble(row);
            if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        }
        return col.format(row);
    }

    private static String quoteBlanks(String raw) {
        return raw.isEmpty() || raw.strip().length() != raw.length() ? "\"" + raw + "\"" : raw;
    }

    private static String display(String key) {
        return key.replace(String.valueOf(KEY_SEPARATOR), DISPLAY_SEPARATOR);
    }
}
