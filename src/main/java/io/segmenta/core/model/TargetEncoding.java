package io.segmenta.core.model;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How the target column was read.
 *
 * <ul>
 *   <li>Boolean: classification, positive = true unless told otherwise.</li>
 *   <li>Categorical/text: classification. With two values the positive one is the one given, else one that
 *       reads as yes (yes, true, 1, si, y), else the less frequent; with more values a positive value must be
 *       given and is predicted against all others.</li>
 *   <li>Number: with at most two distinct values, or when classification is asked for, classification
 *       (positive = the value given, else the larger); otherwise regression.</li>
 * </ul>
 *
 * @param column   target column
 * @param task     classification or regression
 * @param positive label of the positive class (classification), else null
 * @param negative label of the other class(es) (classification), else null
 */
public record TargetEncoding(String column, Task task, String positive, String negative) {

    public boolean classification() { return task == Task.CLASSIFICATION; }

    /** Resolves the target of {@code ds}; {@code requested} = null infers the task. */
    public static TargetEncoding resolve(Dataset ds, String target, String positive, Task requested) {
        Column c = ds.find(target).orElseThrow(() -> new UserException("model.target.missing", target, ds.name()));
        switch (c) {
            case BooleanColumn b -> {
                if (requested == Task.REGRESSION) throw new UserException("model.target.notNumeric", target);
                boolean seenTrue = false, seenFalse = false;
                for (int i = 0; i < b.size() && !(seenTrue && seenFalse); i++) {
                    if (b.isMissing(i)) continue;
                    if (b.getBoolean(i)) seenTrue = true; else seenFalse = true;
                }
                if (!seenTrue && !seenFalse) throw new UserException("model.target.allMissing", target);
                if (!(seenTrue && seenFalse)) throw new UserException("model.target.oneValue", target, b.label(seenTrue));
                boolean pos = true;
                if (positive != null) {
                    Boolean named = b.truthOf(positive);
                    if (named == null) {
                        throw new UserException("model.target.noSuchValue", target, positive,
                                I18n.quotedList(List.of(b.trueLabel(), b.falseLabel())));
                    }
                    pos = named;
                }
                // the classes by the file's own words ("Yes" / "No")
                return new TargetEncoding(target, Task.CLASSIFICATION, b.label(pos), b.label(!pos));
            }
            case StringColumn s -> {
                if (requested == Task.REGRESSION) throw new UserException("model.target.notNumeric", target);
                String[] dict = s.dictionary();
                long[] counts = new long[dict.length];
                int[] codes = s.rawCodes();
                for (int i = 0; i < s.size(); i++) if (!s.isMissing(i)) counts[codes[i]]++;
                List<Integer> used = new ArrayList<>();
                for (int i = 0; i < dict.length; i++) if (counts[i] > 0) used.add(i);
                if (used.isEmpty()) throw new UserException("model.target.allMissing", target);
                if (used.size() == 1 && (positive == null || dict[used.get(0)].strip().equalsIgnoreCase(positive))) {
                    throw new UserException("model.target.oneValue", target, dict[used.get(0)]);
                }
                if (positive != null) {
                    int p = -1;
                    for (int i : used) if (dict[i].equals(positive)) p = i;
                    if (p < 0) for (int i : used) if (dict[i].strip().equalsIgnoreCase(positive)) p = i;
                    if (p < 0) throw new UserException("model.target.noSuchValue", target, positive, levels(dict, used));
                    String neg = used.size() == 2 ? dict[used.get(0) == p ? used.get(1) : used.get(0)] : "¬" + dict[p];
                    return new TargetEncoding(target, Task.CLASSIFICATION, dict[p], neg);
                }
                if (used.size() != 2) {
                    used.sort((x, y) -> Long.compare(counts[y], counts[x]));
                    throw new UserException("model.target.notBinary", target, used.size(), levels(dict, used), dict[used.get(0)]);
                }
                int a = used.get(0), b = used.get(1);
                int p;
                boolean aYes = Boolean.TRUE.equals(BooleanColumn.usualTruth(dict[a]));
                boolean bYes = Boolean.TRUE.equals(BooleanColumn.usualTruth(dict[b]));
                if (aYes != bYes) p = aYes ? a : b;
                else p = counts[a] < counts[b] ? a : b;
                return new TargetEncoding(target, Task.CLASSIFICATION, dict[p], dict[p == a ? b : a]);
            }
            case LongColumn l -> { return numeric(c, target, positive, requested); }
            case DoubleColumn d -> { return numeric(c, target, positive, requested); }
            default -> throw new UserException("model.target.badType", target, c.type().key());
        }
    }

    private static String levels(String[] dict, List<Integer> used) {
        List<String> l = new ArrayList<>();
        for (int i : used) {
            if (l.size() == 20) { l.add("…"); break; }
            l.add(dict[i]);
        }
        return String.join(", ", l);
    }

    /** Distinct values counted exactly up to this many (enough to name them in a message). */
    private static final int COUNTED_VALUES = 20;

    /** Share of the rows at or above which two values make a target "almost yes/no". */
    static final double MOSTLY_TWO_VALUES = 0.99;

    /**
     * Refuses to guess when two values hold almost every row and a few stray ones make a third (a 0/1 "Exited"
     * with five 2s): read as a number it would silently become a regression with value tiers.
     */
    private static void mostlyTwoValues(Column c, String target, TreeSet<Double> distinct) {
        java.util.Map<Double, Long> counts = new java.util.HashMap<>();
        long n = 0;
        for (int i = 0; i < c.size(); i++) {
            double v = c.getDouble(i);
            if (Double.isNaN(v)) continue;
            counts.merge(v, 1L, Long::sum);
            n++;
        }
        List<Double> byCount = new ArrayList<>(distinct);
        byCount.sort((a, b) -> Long.compare(counts.get(b), counts.get(a)));
        long two = counts.get(byCount.get(0)) + counts.get(byCount.get(1));
        // a count that runs on (complaints 0, 1, 2, 3, 4…) is a number; one or two stray values are not
        if (two < MOSTLY_TWO_VALUES * n || byCount.size() > 4) return;
        double first = Math.min(byCount.get(0), byCount.get(1)), second = Math.max(byCount.get(0), byCount.get(1));
        List<String> others = new ArrayList<>();
        for (double v : byCount.subList(2, byCount.size())) others.add(text(v));
        throw new UserException("model.target.mostlyTwoValues", target, text(first), text(second), two, n,
                n - two, String.join(", ", others));
    }

    private static TargetEncoding numeric(Column c, String target, String positive, Task requested) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (int i = 0; i < c.size() && distinct.size() <= COUNTED_VALUES; i++) {
            double v = c.getDouble(i);
            if (!Double.isNaN(v)) distinct.add(v);
        }
        if (distinct.isEmpty()) throw new UserException("model.target.allMissing", target);
        if (requested == null && positive == null && distinct.size() > 2 && distinct.size() <= COUNTED_VALUES) {
            mostlyTwoValues(c, target, distinct);
        }
        if (requested == Task.REGRESSION || (requested == null && positive == null && distinct.size() > 2)) {
            if (distinct.size() < 2) throw new UserException("model.target.oneValue", target, text(distinct.first()));
            return new TargetEncoding(target, Task.REGRESSION, null, null);
        }
        if (distinct.size() == 1) throw new UserException("model.target.oneValue", target, text(distinct.first()));
        double p;
        if (positive != null) {
            try {
                p = Double.parseDouble(positive.strip());
            } catch (NumberFormatException e) {
                throw new UserException("model.target.noSuchValue", target, positive, texts(distinct));
            }
            boolean present = false;
            for (int i = 0; i < c.size() && !present; i++) present = c.getDouble(i) == p;
            if (!present) throw new UserException("model.target.noSuchValue", target, positive, texts(distinct));
        } else {
            if (distinct.size() != 2) {
                String count = distinct.size() > COUNTED_VALUES ? "> " + COUNTED_VALUES : Integer.toString(distinct.size());
                throw new UserException("model.target.notBinary", target, count, texts(distinct), text(distinct.last()));
            }
            p = distinct.last();
        }
        String neg;
        if (distinct.size() == 2) {
            double other = distinct.first() == p ? distinct.last() : distinct.first();
            neg = text(other);
        } else {
            neg = "¬" + text(p);
        }
        return new TargetEncoding(target, Task.CLASSIFICATION, text(p), neg);
    }

    private static String texts(TreeSet<Double> values) {
        List<String> l = new ArrayList<>();
        for (double v : values) {
            if (l.size() == COUNTED_VALUES) { l.add("…"); break; }
            l.add(text(v));
        }
        return String.join(", ", l);
    }

    static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The target per row: 1/0 for classification, the number for regression; NaN when missing. */
    public double[] values(Dataset ds) {
        Column c = ds.find(column).orElseThrow(() -> new UserException("model.target.missing", column, ds.name()));
        int n = c.size();
        double[] y = new double[n];
        if (task == Task.REGRESSION) {
            if (c instanceof StringColumn || c instanceof BooleanColumn) throw new UserException("model.target.notNumeric", column);
            for (int i = 0; i < n; i++) y[i] = c.getDouble(i);
            return y;
        }
        switch (c) {
            case BooleanColumn b -> {
                // "true"/"false" in models made before the file's words were kept
                boolean pos = !Boolean.FALSE.equals(b.truthOf(positive));
                for (int i = 0; i < n; i++) y[i] = b.isMissing(i) ? Double.NaN : (b.getBoolean(i) == pos ? 1 : 0);
            }
            case StringColumn s -> {
                String[] dict = s.dictionary();
                int[] codes = s.rawCodes();
                boolean[] isPos = new boolean[dict.length];
                for (int i = 0; i < dict.length; i++) isPos[i] = dict[i].equals(positive);
                for (int i = 0; i < n; i++) y[i] = s.isMissing(i) ? Double.NaN : (isPos[codes[i]] ? 1 : 0);
            }
            default -> {
                double p = Double.parseDouble(positive);
                for (int i = 0; i < n; i++) {
                    double v = c.getDouble(i);
                    y[i] = Double.isNaN(v) ? Double.NaN : (v == p ? 1 : 0);
                }
            }
        }
        return y;
    }
}
