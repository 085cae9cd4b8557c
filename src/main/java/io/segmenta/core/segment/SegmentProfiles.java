package io.segmenta.core.segment;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.util.I18n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Describes each segment against all segmented rows, in original units: size and share; for every
 * numeric column the mean, median and quartiles in the segment against the mean and median of all rows
 * and the difference in standard deviations; for every categorical column the share of each level in
 * the segment against all rows and the lift; the traits ranked by |difference in SD|; what sets the
 * segment apart from the others; and a suggested name.
 *
 * <p>For a category level the "difference in SD" is that of its 0/1 indicator:
 * {@code (p_seg − p_all) / sqrt(p_all (1 − p_all))}, so numeric and categorical traits rank on one scale.
 * Missing values are left out of every statistic. The columns described are the features plus any
 * extra columns asked for (numeric, boolean and categorical ones; others are skipped).
 */
public final class SegmentProfiles {
    /** Traits weaker than this (in SD) do not name a segment. */
    public static final double NAME_THRESHOLD = 0.3;

    private SegmentProfiles() { }

    /** One numeric column in one segment. {@code diffSd = (segMean − allMean) / allSd} (0 when allSd is 0). */
    public record NumericStat(String column, int count, double segMean, double segMedian, double segQ1, double segQ3,
                              double segMin, double segMax, double allMean, double allMedian, double allSd, double diffSd) { }

    /** One level of a categorical column in one segment; {@code lift = segShare / allShare}. */
    public record CategoryStat(String column, String level, int segCount, double segShare, double allShare, double lift,
                               double diffSd) { }

    /** A trait: a numeric column ({@code level} null) or a category level, with its difference in SD. */
    public record Trait(String column, String level, double diffSd) {
        public boolean numeric() { return level == null; }
    }

    /**
     * Where the segment is the extreme of all segments: highest or lowest mean of a numeric column, or
     * the highest share of a level.
     */
    public record Distinction(String column, String level, boolean highest, double value) { }

    public record SegmentProfile(int index, String name, int size, double share, List<NumericStat> numeric,
                                 List<CategoryStat> categories, List<Trait> traits, List<Distinction> distinctions,
                                 String suggestedName) {
        public NumericStat numeric(String column) {
            return numeric.stream().filter(s -> s.column().equals(column)).findFirst().orElse(null);
        }

        public CategoryStat category(String column, String level) {
            return categories.stream().filter(s -> s.column().equals(column) && s.level().equals(level)).findFirst().orElse(null);
        }
    }

    /**
     * @param heatmapColumns the columns of {@link #heatmap()}: numeric columns, then {@code column=level}
     * @param heatmap        segments × heatmapColumns, the difference in SD (standardised centroids)
     */
    public record Profiles(String datasetName, int totalRows, List<SegmentProfile> segments, List<String> heatmapColumns,
                           double[][] heatmap) { }

    public static Profiles compute(Dataset ds, Segmentation seg, List<String> extraColumns, Locale locale) {
        int k = seg.k();
        int[] rows = seg.rows();
        int[] asg = seg.assignment();
        int n = rows.length;
        int[] sizes = seg.sizes();
        Set<String> columns = new LinkedHashSet<>(seg.options().featureColumns());
        if (extraColumns != null) columns.addAll(extraColumns);

        List<List<NumericStat>> num = new ArrayList<>();
        List<List<CategoryStat>> cat = new ArrayList<>();
        for (int s = 0; s < k; s++) { num.add(new ArrayList<>()); cat.add(new ArrayList<>()); }
        List<String> heatCols = new ArrayList<>();
        List<double[]> heatVals = new ArrayList<>();
        List<List<Distinction>> apart = new ArrayList<>();
        for (int s = 0; s < k; s++) apart.add(new ArrayList<>());

        for (String name : columns) {
            Column c = FeatureMatrix.find(ds, name);
            if (c.type().isNumeric() || c.type() == ColumnType.BOOLEAN) {
                double[][] per = new double[k][];
                int[] cnt = new int[k];
                for (int i = 0; i < n; i++) if (!Double.isNaN(value(c, rows[i]))) cnt[asg[i]]++;
                for (int s = 0; s < k; s++) per[s] = new double[cnt[s]];
                int[] fill = new int[k];
                int total = 0;
                for (int i = 0; i < n; i++) {
                    double v = value(c, rows[i]);
                    if (!Double.isNaN(v)) { per[asg[i]][fill[asg[i]]++] = v; total++; }
                }
                if (total == 0) continue;
                double[] all = new double[total];
                int p = 0;
                for (int s = 0; s < k; s++) { System.arraycopy(per[s], 0, all, p, per[s].length); p += per[s].length; }
                double allMean = mean(all);
                double allSd = sd(all, allMean);
                Arrays.sort(all);
                double allMedian = FeatureMatrix.quantile(all, 0.5);
                double[] col = new double[k];
                double[] means = new double[k];
                for (int s = 0; s < k; s++) {
                    double[] v = per[s];
                    Arrays.sort(v);
                    double m = v.length == 0 ? Double.NaN : mean(v);
                    means[s] = m;
                    double diff = allSd > 0 && v.length > 0 ? (m - allMean) / allSd : 0;
                    col[s] = diff;
                    num.get(s).add(new NumericStat(name, v.length, m, FeatureMatrix.quantile(v, 0.5), FeatureMatrix.quantile(v, 0.25),
                            FeatureMatrix.quantile(v, 0.75), v.length == 0 ? Double.NaN : v[0], v.length == 0 ? Double.NaN : v[v.length - 1],
                            allMean, allMedian, allSd, diff));
                }
                heatCols.add(name);
                heatVals.add(col);
                if (k > 1 && allSd > 0) {
                    int hi = argExtreme(means, true);
                    int lo = argExtreme(means, false);
                    if (hi >= 0) apart.get(hi).add(new Distinction(name, null, true, means[hi]));
                    if (lo >= 0 && lo != hi) apart.get(lo).add(new Distinction(name, null, false, means[lo]));
                }
            } else if (c instanceof StringColumn sc3 && (sc3.categorical() || levelsAreFew(sc3))) {
                String[] dict = sc3.dictionary();
                int[][] cnt = new int[k][dict.length];
                int[] segTotal = new int[k];
                int[] allCnt = new int[dict.length];
                int total = 0;
                for (int i = 0; i < n; i++) {
                    int code = sc3.code(rows[i]);
                    if (code < 0) continue;
                    cnt[asg[i]][code]++;
                    segTotal[asg[i]]++;
                    allCnt[code]++;
                    total++;
                }
                if (total == 0) continue;
                for (int l = 0; l < dict.length; l++) {
                    if (allCnt[l] == 0) continue;
                    double pAll = (double) allCnt[l] / total;
                    double sdAll = Math.sqrt(pAll * (1 - pAll));
                    double[] colv = new double[k];
                    double[] shares = new double[k];
                    for (int s = 0; s < k; s++) {
                        double pSeg = segTotal[s] == 0 ? 0 : (double) cnt[s][l] / segTotal[s];
                        shares[s] = pSeg;
                        double diff = sdAll > 0 ? (pSeg - pAll) / sdAll : 0;
                        colv[s] = diff;
                        cat.get(s).add(new CategoryStat(name, dict[l], cnt[s][l], pSeg, pAll, pSeg / pAll, diff));
                    }
                    heatCols.add(name + "=" + dict[l]);
                    heatVals.add(colv);
                    if (k > 1 && sdAll > 0) {
                        int hi = argExtreme(shares, true);
                        if (hi >= 0 && shares[hi] > pAll) apart.get(hi).add(new Distinction(name, dict[l], true, shares[hi]));
                    }
                }
            }
        }

        double[][] heat = new double[k][heatCols.size()];
        for (int j = 0; j < heatCols.size(); j++) for (int s = 0; s < k; s++) heat[s][j] = heatVals.get(j)[s];

        List<SegmentProfile> out = new ArrayList<>();
        List<String> usedNames = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            List<Trait> traits = new ArrayList<>();
            for (NumericStat st : num.get(s)) traits.add(new Trait(st.column(), null, st.diffSd()));
            for (CategoryStat st : cat.get(s)) traits.add(new Trait(st.column(), st.level(), st.diffSd()));
            traits.sort(Comparator.comparingDouble((Trait t) -> -Math.abs(t.diffSd())));
            List<Distinction> dist = new ArrayList<>(apart.get(s));
            dist.sort(Comparator.comparingDouble((Distinction di) -> -Math.abs(strength(di, traits))));
            String suggested = suggestName(traits, locale);
            String unique = suggested;
            for (int dup = 2; usedNames.contains(unique); dup++) unique = suggested + " (" + dup + ")";
            usedNames.add(unique);
            out.add(new SegmentProfile(s, seg.names().get(s), sizes[s], n == 0 ? 0 : (double) sizes[s] / n, List.copyOf(num.get(s)),
                    List.copyOf(cat.get(s)), List.copyOf(traits), List.copyOf(dist), unique));
        }
        return new Profiles(seg.datasetName(), n, List.copyOf(out), List.copyOf(heatCols), heat);
    }

    private static double strength(Distinction d, List<Trait> traits) {
        for (Trait t : traits) {
            if (t.column().equals(d.column()) && (d.level() == null ? t.level() == null : d.level().equals(t.level()))) return t.diffSd();
        }
        return 0;
    }

    /** Index of the unique highest (or lowest) value, -1 on a tie or NaN. */
    private static int argExtreme(double[] v, boolean highest) {
        int best = -1;
        boolean tie = false;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) return -1;
            if (best < 0 || (highest ? v[i] > v[best] : v[i] < v[best])) { best = i; tie = false; }
            else if (v[i] == v[best]) tie = true;
        }
        return tie ? -1 : best;
    }

    /**
     * A name from the two strongest traits of at least {@link #NAME_THRESHOLD} SD: "Higher income, mostly
     * Madrid"; "Close to average" when none is strong. Under-represented categories do not name.
     */
    public static String suggestName(List<Trait> traits, Locale l) {
        List<String> parts = new ArrayList<>();
        for (Trait t : traits) {
            if (parts.size() == 2 || Math.abs(t.diffSd()) < NAME_THRESHOLD) break;
            if (t.numeric()) {
                parts.add(I18n.tr(l, t.diffSd() > 0 ? "segment.name.higher" : "segment.name.lower", t.column()));
            } else if (t.diffSd() > 0) {
                parts.add(I18n.tr(l, "segment.name.mostly", t.column(), t.level()));
            }
        }
        if (parts.isEmpty()) return I18n.tr(l, "segment.name.average");
        String joined = String.join(I18n.tr(l, "segment.name.separator"), parts);
        return joined.substring(0, 1).toUpperCase(l) + joined.substring(1);
    }

    private static boolean levelsAreFew(StringColumn c) { return c.dictionary().length <= FeatureMatrix.MAX_LEVELS; }

    private static double value(Column c, int row) {
        if (c.isMissing(row)) return Double.NaN;
        double v = c.getDouble(row);
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double a : v) s += a;
        return s / v.length;
    }

    private static double sd(double[] v, double mean) {
        double s = 0;
        for (double a : v) s += (a - mean) * (a - mean);
        return Math.sqrt(s / v.length);
    }
}
