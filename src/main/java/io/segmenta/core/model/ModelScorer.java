package io.segmenta.core.model;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.RowRef;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Applies a model to a dataset: a score, a decile, a tier and a recommended action per row. Columns are
 * matched by name; extra ones are ignored, types are coerced as at training time, unseen categories use the
 * model's "other" code, and missing columns are one {@link UserException} listing them all.
 */
public final class ModelScorer {
    private ModelScorer() { }

    /**
     * Scores of every row.
     *
     * @param scores   probability (classification) or predicted value (regression)
     * @param deciles  1 = the highest tenth of scores … 10 = the lowest
     * @param tiers    tier index per row, 0 = best
     * @param policy   the cut-offs used
     * @param cutoffValues the score values the cut-offs stand for (quantile values for LTV)
     */
    public record ScoreResult(double[] scores, int[] deciles, int[] tiers, ScoringPolicy policy, double[] cutoffValues) {
        public int rows() { return scores.length; }

        /** The scored columns: {prefix}score, {prefix}decile, {prefix}tier, {prefix}action (names in {@code l}). */
        public List<Column> columns(String prefix, Locale l) {
            String px = prefix == null ? "" : prefix;
            long[] dec = new long[deciles.length];
            for (int i = 0; i < dec.length; i++) dec[i] = deciles[i];
            String[] tierNames = new String[4], actions = new String[4];
            for (int t = 0; t < 4; t++) { tierNames[t] = policy.tierName(t, l); actions[t] = policy.actionName(t, l); }
            return List.of(
                    new DoubleColumn(px + "score", scores.clone(), new BitSet()),
                    new LongColumn(px + "decile", dec, new BitSet()),
                    new StringColumn(px + "tier", tiers.clone(), tierNames, new BitSet(), true, false),
                    new StringColumn(px + "action", tiers.clone(), actions, new BitSet(), true, false));
        }

        /** {@code ds} with the scored columns appended (replacing columns of the same names). */
        public Dataset appendTo(Dataset ds, String prefix, Locale l) {
            if (ds.rowCount() != scores.length) throw new IllegalArgumentException("row count differs");
            Dataset out = ds;
            for (Column c : columns(prefix, l)) out = out.withColumn(c);
            return out;
        }

        /** Rows per tier, best first. */
        public long[] tierCounts() {
            long[] c = new long[4];
            for (int t : tiers) c[t]++;
            return c;
        }
    }

    /**
     * Values of one input column the model cannot use as trained.
     *
     * @param column  the column
     * @param kind    {@link Kind#UNREADABLE}: not a number (or yes/no) where the model expects one, scored as
     *                missing; {@link Kind#UNSEEN}: a category the model does not know, scored as "other"
     * @param count   rows with such a value
     * @param values  rows with any value (not missing)
     * @param example the first such value
     * @param row     the first such row, 1-based
     */
    public record InputIssue(String column, Kind kind, FeatureSpec.Kind expected, long count, long values, String example, RowRef row) {
        /**
         * {@code UNREADABLE}, {@code UNSEEN}, or {@code MISSING}: empty cells in a column the model saw complete in
         * training, so it fills them as it was told to ({@code example}: the value used, empty for "other")
         */
        public enum Kind { UNREADABLE, UNSEEN, MISSING }

        /** What the scorer did with these values, in the current language; {@code where} locates {@link #row()}. */
        public String message(RowRef where) {
            return switch (kind) {
                case UNSEEN -> I18n.tr("model.cli.unseenValues", column, count, values, example, where);
                case MISSING -> I18n.tr("model.cli.missingNotTrained", column, count, values, where,
                        example.isEmpty() ? I18n.tr("model.cli.filledOther") : I18n.tr("model.cli.filledWith", example));
                case UNREADABLE -> I18n.tr("model.cli.unreadableValues", column, count, values, example, where,
                        I18n.tr("model.score.expected." + expected.name().toLowerCase(java.util.Locale.ROOT)));
            };
        }
    }

    /** Per feature column of {@code ds}, values the model reads as missing or as an unknown category. */
    public static List<InputIssue> inputIssues(TrainedModel model, Dataset ds) {
        List<InputIssue> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Pipeline p : model.pipelines()) {
            for (FeatureSpec spec : p.preprocessor().features()) {
                if (!seen.add(spec.name())) continue;
                Column col = ds.find(spec.name()).orElse(null);
                if (col == null) continue;
                InputIssue issue = issue(spec, col);
                if (issue != null) out.add(issue);
                InputIssue empty = missingNotTrained(spec, col);
                if (empty != null) out.add(empty);
            }
        }
        return out;
    }

    /** Empty cells in a column that had none in training (no missing indicator, no missing category). */
    private static InputIssue missingNotTrained(FeatureSpec spec, Column c) {
        if (spec.missingInTraining() > 0 || spec.missingIndicator() || spec.hasMissingCode() || c.missingCount() == 0) return null;
        int first = c.missingMask().nextSetBit(0);
        String filled = switch (spec.kind()) {
            case NUMERIC -> TargetEncoding.text(spec.impute());
            case BOOLEAN -> spec.impute() == 1 ? "true" : "false";
            case CATEGORICAL -> "";
        };
        return new InputIssue(c.name(), InputIssue.Kind.MISSING, spec.kind(), c.missingCount(), c.size(), filled, RowRef.of(first));
    }

    private static InputIssue issue(FeatureSpec spec, Column c) {
        long bad = 0, values = 0;
        int first = -1;
        java.util.Set<String> levels = spec.kind() == FeatureSpec.Kind.CATEGORICAL ? new java.util.HashSet<>(spec.levels()) : null;
        double[] parsed = null;
        if (spec.kind() == FeatureSpec.Kind.NUMERIC && c instanceof StringColumn s) {
            String[] dict = s.dictionary();
            parsed = new double[dict.length];
            for (int i = 0; i < dict.length; i++) parsed[i] = Preprocessor.parseNumber(dict[i]);
        }
        for (int r = 0; r < c.size(); r++) {
            if (c.isMissing(r)) continue;
            values++;
            boolean ok = switch (spec.kind()) {
                case NUMERIC -> parsed != null ? !Double.isNaN(parsed[((StringColumn) c).rawCodes()[r]])
                        : !Double.isNaN(Preprocessor.numeric(c, r));
                case BOOLEAN -> !Double.isNaN(Preprocessor.booleanValue(c, r));
                case CATEGORICAL -> levels.contains(Preprocessor.categoryText(c, r));
            };
            if (ok) continue;
            bad++;
            if (first < 0) first = r;
        }
        if (bad == 0) return null;
        return new InputIssue(c.name(), spec.kind() == FeatureSpec.Kind.CATEGORICAL ? InputIssue.Kind.UNSEEN : InputIssue.Kind.UNREADABLE,
                spec.kind(), bad, values, c.format(first), RowRef.of(first));
    }

    public static ScoreResult score(TrainedModel model, Dataset ds, ScoringPolicy policy, TaskContext ctx) {
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        List<String> missing = model.missingColumns(ds);
        if (!missing.isEmpty()) throw Preprocessor.missingColumnsError(missing, model.requiredColumns(), ds);
        for (InputIssue issue : inputIssues(model, ds)) {
            if (issue.kind() == InputIssue.Kind.UNREADABLE && issue.count() == issue.values()) {
                // not one value of the column fits: every score would rest on the training median alone
                throw new UserException("model.score.unreadableColumn", issue.column(), ds.name(),
                        I18n.tr("model.score.expected." + issue.expected().name().toLowerCase(Locale.ROOT)), issue.example(),
                        issue.row());
            }
        }
        int n = ds.rowCount();
        double[] scores = new double[n];
        int block = 262_144;
        for (int from = 0; from < n; from += block) {
            c.checkCancelled();
            int to = Math.min(n, from + block);
            int[] rows = null;
            if (from != 0 || to != n) {
                rows = new int[to - from];
                for (int i = 0; i < rows.length; i++) rows[i] = from + i;
            }
            double[] s = model.predict(ds, rows);
            System.arraycopy(s, 0, scores, from, s.length);
            c.progress(to, n, I18n.tr("model.progress.scoring", to, n));
        }
        int bad = 0, first = -1;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(scores[i])) continue;
            bad++;
            if (first < 0) first = i;
        }
        if (bad > 0) throw new UserException("model.score.notFinite", bad, n, RowRef.of(first));
        return assign(scores, policy == null ? ScoringPolicy.defaultFor(model) : policy);
    }

    /** Deciles and tiers of given scores. */
    public static ScoreResult assign(double[] scores, ScoringPolicy policy) {
        int n = scores.length;
        int[] order = Metrics.descending(scores);
        int[] deciles = new int[n];
        for (int rank = 0; rank < n; rank++) deciles[order[rank]] = 1 + (int) ((long) rank * 10 / n);
        double[] cut = new double[3];
        if (policy.use() == ScoringPolicy.Use.LTV) {
            double[] sorted = scores.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < 3; k++) cut[k] = n == 0 ? 0 : quantile(sorted, policy.cutoffs().get(k));
        } else {
            for (int k = 0; k < 3; k++) cut[k] = policy.cutoffs().get(k);
        }
        int[] tiers = new int[n];
        for (int i = 0; i < n; i++) {
            double s = scores[i];
            tiers[i] = s >= cut[0] ? 0 : s >= cut[1] ? 1 : s >= cut[2] ? 2 : 3;
        }
        return new ScoreResult(scores, deciles, tiers, policy, cut);
    }

    /** numpy's default ('linear') quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** A default column prefix for scored columns, e.g. "y_". */
    public static String defaultPrefix(TrainedModel m) {
        return m.info().target().column() + "_";
    }

    /** Names of the columns scoring adds. */
    public static List<String> scoredColumnNames(String prefix) {
        List<String> l = new ArrayList<>();
        for (String s : new String[]{"score", "decile", "tier", "action"}) l.add(prefix + s);
        return l;
    }
}
