package io.segmenta.core.model;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.eda.ColumnProfile;
import io.segmenta.core.eda.ColumnProfiler;
import io.segmenta.core.eda.DatasetProfile;
import io.segmenta.core.eda.ProfileOptions;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the setup screen shows before training: the task read from the target, the default features and the
 * columns left out (with the reason), and probable leaks.
 *
 * @param target   how the target is read (task, positive class)
 * @param features features used by default
 * @param excluded columns left out, with a reason
 * @param leakage  features that alone predict the target almost perfectly (classification only)
 */
public record ModelSetup(TargetEncoding target, List<String> features, List<Exclusion> excluded, List<LeakageFlag> leakage) {

    /**
     * A column not used as a feature.
     *
     * @param column the column
     * @param reason one of target, id_like, constant, all_missing, text, excluded, scored (an earlier model's
     *               score, decile, tier or action for the same target: its answer, not a feature)
     */
    public record Exclusion(String column, String reason) {
        public String message() { return I18n.tr("model.exclude." + reason, column); }
    }

    public ModelSetup {
        features = List.copyOf(features);
        excluded = List.copyOf(excluded);
        leakage = List.copyOf(leakage);
    }

    /** Reads the target and picks the features; the leakage check runs on every row with a known target. */
    public static ModelSetup inspect(Dataset ds, TrainingOptions o, TaskContext ctx) {
        TargetEncoding t = TargetEncoding.resolve(ds, o.target(), o.positive(), o.task());
        List<Exclusion> ex = new ArrayList<>();
        List<String> f = features(ds, o, ex);
        double[] y = t.values(ds);
        int[] rows = java.util.stream.IntStream.range(0, y.length).filter(i -> !Double.isNaN(y[i])).toArray();
        return new ModelSetup(t, f, ex, leakage(ds, t, f, rows, ctx));
    }

    /** The features of {@code o} on {@code ds}; reasons for the columns left out go to {@code excluded}. */
    static List<String> features(Dataset ds, TrainingOptions o, List<Exclusion> excluded) {
        Set<String> exclude = new LinkedHashSet<>(o.exclude());
        List<String> unknown = new ArrayList<>();
        for (String e : exclude) if (ds.find(e).isEmpty()) unknown.add(e);
        if (!o.features().isEmpty()) {
            for (String f : o.features()) if (ds.find(f).isEmpty()) unknown.add(f);
        }
        if (!unknown.isEmpty()) throw new UserException("model.options.unknownColumns", String.join(", ", unknown), ds.name());
        List<String> out = new ArrayList<>();
        for (Column c : ds.columns()) {
            String n = c.name();
            if (n.equals(o.target())) { excluded.add(new Exclusion(n, "target")); continue; }
            if (exclude.contains(n)) { excluded.add(new Exclusion(n, "excluded")); continue; }
            boolean chosen = o.features().contains(n);
            if (!o.features().isEmpty()) {
                if (chosen) out.add(n); else excluded.add(new Exclusion(n, "excluded"));
                continue;
            }
            String reason = io.segmenta.core.eda.ColumnProfiler.isScoreOf(n, o.target()) ? "scored" : defaultExclusion(c);
            if (reason != null) excluded.add(new Exclusion(n, reason)); else out.add(n);
        }
        if (out.isEmpty()) throw new UserException("model.options.noFeatures", o.target());
        return out;
    }

    private static String defaultExclusion(Column c) {
        if (c.idLike()) return "id_like";
        if (c.missingCount() == c.size()) return "all_missing";
        if (c.type() == ColumnType.TEXT) return "text";
        if (distinctAtMostOne(c)) return "constant";
        return null;
    }

    private static boolean distinctAtMostOne(Column c) {
        switch (c) {
            case StringColumn s -> {
                int first = -1;
                int[] codes = s.rawCodes();
                for (int i = 0; i < s.size(); i++) {
                    if (s.isMissing(i)) continue;
                    if (first < 0) first = codes[i];
                    else if (codes[i] != first && !s.dictionary()[codes[i]].equals(s.dictionary()[first])) return false;
                }
                return true;
            }
            case BooleanColumn b -> {
                boolean seenT = false, seenF = false;
                for (int i = 0; i < b.size(); i++) {
                    if (b.isMissing(i)) continue;
                    if (b.getBoolean(i)) seenT = true; else seenF = true;
                    if (seenT && seenF) return false;
                }
                return true;
            }
            default -> {
                double first = Double.NaN;
                for (int i = 0; i < c.size(); i++) {
                    double v = c.getDouble(i);
                    if (Double.isNaN(v)) continue;
                    if (Double.isNaN(first)) first = v;
                    else if (v != first) return false;
                }
                return true;
            }
        }
    }

    /**
     * Single-feature ROC AUC of each feature on {@code rows}, through the Explore profiler's leakage check
     * (io.segmenta.core.eda: at least {@link ColumnProfiler#LEAKAGE_AUC} and standing out from the other
     * columns); classification only.
     */
    static List<LeakageFlag> leakage(Dataset ds, TargetEncoding t, List<String> features, int[] rows, TaskContext ctx) {
        if (!t.classification() || rows.length == 0) return List.of();
        List<Column> cols = new ArrayList<>();
        for (String f : features) cols.add(ds.column(f));
        cols.add(targetAsBinary(ds, t));
        Dataset sub = new Dataset(ds.name(), cols).select(rows);
        DatasetProfile profile;
        try {
            profile = ColumnProfiler.profile(sub, ProfileOptions.defaults().withTarget(t.column(), "1"), ctx);
        } catch (UserException e) {
            return List.of(); // the check is advisory: a target the profiler cannot read gives no flags
        }
        List<LeakageFlag> out = new ArrayList<>();
        for (ColumnProfile cp : profile.columns()) {
            if (cp.name().equals(t.column()) || cp.leakageAuc() == null) continue;
            if (cp.flags().stream().anyMatch(f -> f.kind() == io.segmenta.core.eda.Flag.Kind.LEAKAGE)) {
                out.add(new LeakageFlag(cp.name(), cp.leakageAuc()));
            }
        }
        out.sort((a, b) -> Double.compare(b.auc(), a.auc()));
        return out;
    }

    /** The target as a 0/1 integer column (so the profiler reads it exactly as the model does). */
    private static Column targetAsBinary(Dataset ds, TargetEncoding t) {
        double[] y = t.values(ds);
        long[] v = new long[y.length];
        java.util.BitSet missing = new java.util.BitSet(y.length);
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) missing.set(i); else v[i] = (long) y[i];
        }
        return new io.segmenta.core.data.LongColumn(t.column(), v, missing);
    }
}
