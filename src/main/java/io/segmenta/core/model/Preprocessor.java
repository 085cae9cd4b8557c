package io.segmenta.core.model;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.util.UserException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The preprocessing part of a model: imputation, categorical coding with an "other" bucket for unseen
 * values and a code of their own for missing ones, and the scaling used by linear models. Fitted on the
 * training rows only; {@link #transform} applies exactly the same steps at evaluation and scoring time, coercing column types as needed
 * (a number read as text, an integer column that became decimal…) and never failing on an unseen category.
 *
 * @param features one spec per feature, in model order
 */
public record Preprocessor(List<FeatureSpec> features) {
    static final double MILLIS_PER_DAY = 86_400_000.0;

    public Preprocessor {
        features = List.copyOf(features);
    }

    public List<String> names() { return features.stream().map(FeatureSpec::name).toList(); }

    /** Learns the preprocessing of {@code names} from the training rows of {@code ds}. */
    public static Preprocessor fit(Dataset ds, List<String> names, int[] trainRows) {
        return fit(ds, names, trainRows, FeatureSpec.MAX_LEVELS);
    }

    /**
     * Learns the preprocessing keeping at most {@code maxLevels} categories per categorical feature (the trees
     * split on sets of at most {@value FeatureSpec#MAX_LEVELS} codes; a linear model or the network can take more,
     * see {@link #wideLevels}).
     */
    public static Preprocessor fit(Dataset ds, List<String> names, int[] trainRows, int maxLevels) {
        List<FeatureSpec> specs = new ArrayList<>();
        for (String name : names) specs.add(fitOne(ds.column(name), trainRows, maxLevels));
        return new Preprocessor(specs);
    }

    /** One-hot inputs a linear model or the network may spend on categories, over all categorical features. */
    static final int WIDE_BUDGET = 2000;
    /** Most categories one feature keeps for a linear model or the network. */
    static final int WIDE_MAX_LEVELS = 1000;

    /**
     * Categories per feature for a linear model or the network: the budget shared by the categorical features
     * ({@value #WIDE_BUDGET} one-hot inputs, so that the Newton steps stay fast), at least the trees'
     * {@value FeatureSpec#MAX_LEVELS} and at most {@value #WIDE_MAX_LEVELS} — a city of 400 values keeps them all
     * when it is the only category, instead of the trees' 62 most frequent.
     */
    static int wideLevels(Dataset ds, List<String> names) {
        int categorical = 0;
        for (String n : names) if (ds.column(n) instanceof StringColumn) categorical++;
        return Math.max(FeatureSpec.MAX_LEVELS, Math.min(WIDE_MAX_LEVELS, WIDE_BUDGET / Math.max(1, categorical)));
    }

    /** Whether a feature of the training rows has more categories than {@value FeatureSpec#MAX_LEVELS}. */
    static boolean hasMoreLevelsThanTrees(Dataset ds, List<String> names, int[] rows) {
        for (String n : names) {
            if (!(ds.column(n) instanceof StringColumn s)) continue;
            int[] codes = s.rawCodes();
            java.util.BitSet seen = new java.util.BitSet(s.dictionary().length);
            for (int r : rows) if (!s.isMissing(r)) seen.set(codes[r]);
            if (seen.cardinality() > FeatureSpec.MAX_LEVELS) return true;
        }
        return false;
    }

    private static FeatureSpec fitOne(Column c, int[] rows, int maxLevels) {
        int missing = 0;
        for (int r : rows) if (c.isMissing(r)) missing++;
        switch (c) {
            case StringColumn s -> {
                String[] dict = s.dictionary();
                int[] codes = s.rawCodes();
                long[] counts = new long[dict.length];
                for (int r : rows) if (!s.isMissing(r)) counts[codes[r]]++;
                Integer[] order = new Integer[dict.length];
                for (int i = 0; i < order.length; i++) order[i] = i;
                Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -counts[i]).thenComparing(i -> dict[i]));
                List<String> levels = new ArrayList<>();
                for (int i : order) {
                    if (counts[i] == 0 || levels.size() == maxLevels) break;
                    levels.add(dict[i]);
                }
                // missing is a category of its own when training saw it (as xgboost and scikit-learn's histogram
                // boosting treat it); otherwise a missing value at scoring time is like an unseen one
                double impute = missing > 0 ? levels.size() + 1 : levels.size();
                return new FeatureSpec(c.name(), FeatureSpec.Kind.CATEGORICAL, c.type(), impute, 0, 1, levels, missing);
            }
            case BooleanColumn b -> {
                long t = 0, n = 0;
                for (int r : rows) if (!b.isMissing(r)) { n++; if (b.getBoolean(r)) t++; }
                double impute = n > 0 && 2 * t > n ? 1 : 0;
                double[] v = new double[rows.length];
                for (int i = 0; i < rows.length; i++) v[i] = b.isMissing(rows[i]) ? impute : (b.getBoolean(rows[i]) ? 1 : 0);
                return new FeatureSpec(c.name(), FeatureSpec.Kind.BOOLEAN, c.type(), impute, mean(v), std(v), List.of(), missing);
            }
            default -> {
                double[] v = new double[rows.length];
                int k = 0;
                for (int r : rows) {
                    double x = numeric(c, r);
                    if (!Double.isNaN(x)) v[k++] = x;
                }
                double median = 0;
                if (k > 0) {
                    double[] s = Arrays.copyOf(v, k);
                    Arrays.sort(s);
                    median = k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
                }
                double[] all = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    double x = numeric(c, rows[i]);
                    all[i] = Double.isNaN(x) ? median : x;
                }
                // missing in training: an indicator beside the median (as scikit-learn's SimpleImputer(add_indicator=True))
                return new FeatureSpec(c.name(), FeatureSpec.Kind.NUMERIC, c.type(), median, mean(all), std(all), List.of(), missing,
                        missing > 0);
            }
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        double m = v.length == 0 ? 0 : s / v.length;
        if (Double.isFinite(m)) return m;
        // huge values (e.g. 1e308) overflow the plain sum: average them scaled down by the largest magnitude
        double big = maxAbs(v);
        double t = 0;
        for (double x : v) t += x / big;
        return big * (t / v.length);
    }

    private static double std(double[] v) {
        if (v.length == 0) return 1;
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        double sd = Math.sqrt(s / v.length);
        if (Double.isFinite(sd)) return sd;
        double big = maxAbs(v), mb = m / big, t = 0;
        for (double x : v) t += (x / big - mb) * (x / big - mb);
        return big * Math.sqrt(t / v.length);
    }

    private static double maxAbs(double[] v) {
        double big = 0;
        for (double x : v) big = Math.max(big, Math.abs(x));
        return big;
    }

    private static Map<String, Integer> index(List<String> levels) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) m.put(levels.get(i), i);
        return m;
    }

    /**
     * Numeric view: numbers as is, dates in days since 1970, booleans 0/1; NaN when missing or not a finite
     * number (an infinity is treated as missing, like an unreadable value).
     */
    static double numeric(Column c, int row) {
        if (c.isMissing(row)) return Double.NaN;
        double v = switch (c) {
            case DateTimeColumn t -> t.getEpochMillis(row) / MILLIS_PER_DAY;
            default -> c.getDouble(row);
        };
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** Columns the model needs that {@code ds} lacks, in model order. */
    public List<String> missingColumns(Dataset ds) {
        List<String> m = new ArrayList<>();
        for (FeatureSpec f : features) if (ds.find(f.name()).isEmpty()) m.add(f.name());
        return m;
    }

    private static final java.util.regex.Pattern POSITIONAL = java.util.regex.Pattern.compile("column_(\\d+)");

    /**
     * The error for columns a model needs that {@code ds} lacks. When both the model's file and this one had no
     * header (names by position, column_1, column_2…), it says that the names have shifted: a test file without
     * the label column otherwise reads as "lacks column_40".
     */
    static UserException missingColumnsError(List<String> missing, List<String> required, Dataset ds) {
        boolean positional = !ds.columnNames().isEmpty()
                && required.stream().allMatch(c -> POSITIONAL.matcher(c).matches())
                && ds.columnNames().stream().filter(c -> !c.equals("source_file")).allMatch(c -> POSITIONAL.matcher(c).matches());
        if (positional) {
            int modelWidest = 0;
            for (String c : required) {
                java.util.regex.Matcher m = POSITIONAL.matcher(c);
                if (m.matches()) modelWidest = Math.max(modelWidest, Integer.parseInt(m.group(1)));
            }
            long here = ds.columnNames().stream().filter(c -> POSITIONAL.matcher(c).matches()).count();
            return new UserException("model.score.positionalColumns", String.join(", ", missing), ds.name(), modelWidest, here);
        }
        return new UserException("model.score.missingColumns", String.join(", ", missing), ds.name());
    }

    /** Every row of {@code ds}. */
    public FeatureFrame transform(Dataset ds) { return transform(ds, null); }

    /**
     * The given rows of {@code ds} (null = all), preprocessed. Columns are found by name; extra columns are
     * ignored; a missing one is a {@link UserException} listing all that are missing.
     */
    public FeatureFrame transform(Dataset ds, int[] rows) {
        List<String> missing = missingColumns(ds);
        if (!missing.isEmpty()) throw missingColumnsError(missing, names(), ds);
        int n = rows == null ? ds.rowCount() : rows.length;
        double[][] cols = new double[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            FeatureSpec spec = features.get(f);
            cols[f] = column(spec, ds.column(spec.name()), rows, n);
        }
        return new FeatureFrame(n, cols, features);
    }

    private static double[] column(FeatureSpec spec, Column c, int[] rows, int n) {
        double[] out = new double[n];
        switch (spec.kind()) {
            case CATEGORICAL -> {
                Map<String, Integer> index = index(spec.levels());
                int other = spec.otherCode();
                if (c instanceof StringColumn s) {
                    String[] dict = s.dictionary();
                    int[] map = new int[dict.length];
                    for (int i = 0; i < dict.length; i++) map[i] = index.getOrDefault(dict[i], other);
                    int[] codes = s.rawCodes();
                    for (int i = 0; i < n; i++) {
                        int r = rows == null ? i : rows[i];
                        out[i] = s.isMissing(r) ? spec.impute() : map[codes[r]];
                    }
                } else {
                    Map<String, Integer> seen = new HashMap<>();
                    for (int i = 0; i < n; i++) {
                        int r = rows == null ? i : rows[i];
                        if (c.isMissing(r)) { out[i] = spec.impute(); continue; }
                        String text = categoryText(c, r);
                        out[i] = seen.computeIfAbsent(text, t -> index.getOrDefault(t, other));
                    }
                }
            }
            case BOOLEAN -> {
                for (int i = 0; i < n; i++) {
                    int r = rows == null ? i : rows[i];
                    double v = booleanValue(c, r);
                    out[i] = Double.isNaN(v) ? spec.impute() : v;
                }
            }
            case NUMERIC -> {
                // with an indicator the frame keeps the fact that the value was missing; the learners read it
                double fill = spec.missingIndicator() ? FeatureSpec.MISSING : spec.impute();
                if (c instanceof DoubleColumn d && rows == null) {
                    double[] raw = d.rawValues();
                    for (int i = 0; i < n; i++) out[i] = Double.isFinite(raw[i]) ? raw[i] : fill;
                } else if (c instanceof StringColumn s) {
                    String[] dict = s.dictionary();
                    double[] parsed = new double[dict.length];
                    for (int i = 0; i < dict.length; i++) parsed[i] = parseNumber(dict[i]);
                    int[] codes = s.rawCodes();
                    for (int i = 0; i < n; i++) {
                        int r = rows == null ? i : rows[i];
                        double v = s.isMissing(r) ? Double.NaN : parsed[codes[r]];
                        out[i] = Double.isNaN(v) ? fill : v;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        int r = rows == null ? i : rows[i];
                        double v = numeric(c, r);
                        out[i] = Double.isNaN(v) ? fill : v;
                    }
                }
            }
        }
        return out;
    }

    static String categoryText(Column c, int r) {
        return switch (c) {
            case LongColumn l -> Long.toString(l.getLong(r));
            case DoubleColumn d -> TargetEncoding.text(d.getDouble(r));
            default -> c.format(r);
        };
    }

    static double booleanValue(Column c, int r) {
        if (c.isMissing(r)) return Double.NaN;
        return switch (c) {
            case BooleanColumn b -> b.getBoolean(r) ? 1 : 0;
            case StringColumn s -> {
                Boolean t = BooleanColumn.usualTruth(s.getString(r));
                yield t == null ? Double.NaN : t ? 1 : 0;
            }
            default -> {
                double v = c.getDouble(r);
                yield Double.isNaN(v) ? Double.NaN : (v != 0 ? 1 : 0);
            }
        };
    }

    /**
     * A number written as text: plain, with a decimal comma, or an ISO date / date-time (days since 1970);
     * NaN when it is none of these (or "NaN", "Infinity": not a usable number).
     */
    static double parseNumber(String text) {
        String t = text.strip();
        if (t.isEmpty()) return Double.NaN;
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException ignored) {
            // try the other forms
        }
        if (t.indexOf(',') >= 0 && t.indexOf('.') < 0) {
            try {
                return Double.parseDouble(t.replace(',', '.'));
            } catch (NumberFormatException ignored) {
                // not a decimal comma either
            }
        }
        try {
            return LocalDate.parse(t).toEpochDay();
        } catch (RuntimeException ignored) {
            // not a date
        }
        try {
            LocalDateTime dt = LocalDateTime.parse(t.replace(' ', 'T'));
            return DateTimeColumn.toMillis(dt) / MILLIS_PER_DAY;
        } catch (RuntimeException ignored) {
            return Double.NaN;
        }
    }
}
