package io.segmenta.core.eda;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.ColumnType;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Pearson and Spearman correlation matrices over numeric columns, as pandas {@code DataFrame.corr()}:
 * each pair uses the rows where both values are present (pairwise complete observations); Spearman is
 * Pearson on average ranks computed over those rows. A coefficient is NaN when fewer than two rows are
 * complete or a side is constant there.
 *
 * @param options   what was asked
 * @param columns   the columns, in matrix order
 * @param pearson   Pearson r; symmetric, 1 on the diagonal (NaN for a constant column)
 * @param spearman  Spearman ρ
 * @param pairs     complete rows per pair
 * @param strongest the strongest off-diagonal pairs, |Pearson| descending (ties: |Spearman|), at most topPairs
 * @param rowsKept  rows the filter kept
 */
public record CorrelationMatrix(Options options, List<String> columns, double[][] pearson, double[][] spearman,
                                int[][] pairs, List<Pair> strongest, int rowsKept) implements ChartData {

    public CorrelationMatrix {
        columns = List.copyOf(columns);
        strongest = List.copyOf(strongest);
    }

    /**
     * @param columns  columns to correlate; empty = every integer, decimal and boolean column that is not id-like
     * @param filter   rows to use
     * @param topPairs pairs listed in {@code strongest} (0–1000)
     * @param rankBy   which coefficient orders the strongest pairs
     */
    public record Options(List<String> columns, RowFilter filter, int topPairs, Method rankBy) {
        public Options {
            columns = columns == null ? List.of() : List.copyOf(columns);
            filter = filter == null ? RowFilter.NONE : filter;
            rankBy = rankBy == null ? Method.PEARSON : rankBy;
            if (topPairs < 0 || topPairs > 1000) throw new UserException("eda.options.topPairs", topPairs);
        }

        public static Options all() { return new Options(List.of(), RowFilter.NONE, 10, Method.PEARSON); }

        public Options withFilter(RowFilter f) { return new Options(columns, f, topPairs, rankBy); }
    }

    public enum Method { PEARSON, SPEARMAN }

    /** One pair of columns with both coefficients and the number of complete rows. */
    public record Pair(String a, String b, double pearson, double spearman, int n) { }

    public double pearson(String a, String b) { return pearson[columns.indexOf(a)][columns.indexOf(b)]; }

    public double spearman(String a, String b) { return spearman[columns.indexOf(a)][columns.indexOf(b)]; }

    public static CorrelationMatrix compute(Dataset ds, Options o, TaskContext ctx) {
        List<Column> cols = new ArrayList<>();
        if (o.columns().isEmpty()) {
            for (Column c : ds.columns()) {
                ColumnType t = c.type();
                if ((t.isNumeric() || t == ColumnType.BOOLEAN) && !c.idLike()) cols.add(c);
            }
        } else {
            for (String name : o.columns()) {
                Column c = EdaData.column(ds, name);
                if (!c.type().isNumeric() && c.type() != ColumnType.BOOLEAN) {
                    throw new UserException("eda.column.notNumeric", name, c.type().key());
                }
                cols.add(c);
            }
        }
        RowSelection sel = o.filter().apply(ds, ctx);
        int[] rows = sel.rows();
        int k = cols.size();
        double[][] x = new double[k][];
        BitSet[] present = new BitSet[k];
        double[][] ranks = new double[k][];
        List<Callable<Void>> prep = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int ci = i;
            prep.add(() -> {
                x[ci] = EdaData.aligned(cols.get(ci), rows);
                BitSet p = new BitSet(rows.length);
                for (int r = 0; r < rows.length; r++) if (x[ci][r] == x[ci][r]) p.set(r);
                present[ci] = p;
                ranks[ci] = ranksOver(x[ci], p, rows.length);
                return null;
            });
        }
        EdaExecutor.invokeAll(prep, ctx, I18n.tr("eda.progress.correlation"));
        double[][] pr = new double[k][k], sp = new double[k][k];
        int[][] cnt = new int[k][k];
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int a = i;
            jobs.add(() -> {
                for (int b = a; b < k; b++) {
                    ctx.checkCancelled();
                    BitSet both = (BitSet) present[a].clone();
                    both.and(present[b]);
                    int n = both.cardinality();
                    double[] xa = new double[n], xb = new double[n];
                    int m = 0;
                    for (int r = both.nextSetBit(0); r >= 0; r = both.nextSetBit(r + 1)) { xa[m] = x[a][r]; xb[m] = x[b][r]; m++; }
                    double p = Stats.pearson(xa, xb, n);
                    // ranks computed over a column's own rows hold for the pair when the pair loses no more rows
                    double[] ra = n == present[a].cardinality() ? gather(ranks[a], both, n) : Stats.averageRanks(xa, n);
                    double[] rb = n == present[b].cardinality() ? gather(ranks[b], both, n) : Stats.averageRanks(xb, n);
                    double s = Stats.pearson(ra, rb, n);
                    pr[a][b] = pr[b][a] = p;
                    sp[a][b] = sp[b][a] = s;
                    cnt[a][b] = cnt[b][a] = n;
                }
                return null;
            });
        }
        EdaExecutor.invokeAll(jobs, ctx, I18n.tr("eda.progress.correlation"));
        List<Pair> all = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                all.add(new Pair(cols.get(a).name(), cols.get(b).name(), pr[a][b], sp[a][b], cnt[a][b]));
            }
        }
        Comparator<Pair> byP = Comparator.comparingDouble(p -> -abs(p.pearson()));
        Comparator<Pair> byS = Comparator.comparingDouble(p -> -abs(p.spearman()));
        all.sort(o.rankBy() == Method.PEARSON ? byP.thenComparing(byS) : byS.thenComparing(byP));
        List<Pair> top = all.subList(0, Math.min(o.topPairs(), all.size()));
        return new CorrelationMatrix(o, cols.stream().map(Column::name).toList(), pr, sp, cnt, top, sel.kept());
    }

    /** |v|, with NaN sorting last. */
    private static double abs(double v) { return Double.isNaN(v) ? -1 : Math.abs(v); }

    /** Average ranks of the present values, aligned with the rows (NaN where absent). */
    private static double[] ranksOver(double[] x, BitSet present, int size) {
        int n = present.cardinality();
        double[] v = new double[n];
        int m = 0;
        for (int r = present.nextSetBit(0); r >= 0; r = present.nextSetBit(r + 1)) v[m++] = x[r];
        double[] rk = Stats.averageRanks(v, n);
        double[] out = new double[size];
        java.util.Arrays.fill(out, Double.NaN);
        m = 0;
        for (int r = present.nextSetBit(0); r >= 0; r = present.nextSetBit(r + 1)) out[r] = rk[m++];
        return out;
    }

    private static double[] gather(double[] aligned, BitSet rows, int n) {
        double[] out = new double[n];
        int m = 0;
        for (int r = rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) out[m++] = aligned[r];
        return out;
    }

    /** Long format: one row per pair of columns (both orders and the diagonal), with n. */
    @Override
    public String toCsv() {
        Csv csv = new Csv("column_a", "column_b", "pearson", "spearman", "n");
        for (int a = 0; a < columns.size(); a++) {
            for (int b = 0; b < columns.size(); b++) {
                csv.row(columns.get(a), columns.get(b), pearson[a][b], spearman[a][b], pairs[a][b]);
            }
        }
        return csv.toString();
    }
}
