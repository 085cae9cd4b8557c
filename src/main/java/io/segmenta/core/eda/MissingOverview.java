package io.segmenta.core.eda;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where values are missing: per column, per row (how many rows miss how many values, and the first such
 * rows) and the most common patterns (which set of columns is missing together).
 *
 * @param options            what was asked
 * @param columns            every column, in dataset order, with its missing count and share of kept rows
 * @param rowsKept           rows the filter kept
 * @param rowsWithMissing    kept rows missing at least one value
 * @param missingPerRow      {@code missingPerRow[k]} = kept rows missing exactly k values (k = 0..columns)
 * @param patterns           the most frequent patterns over the columns that have missing values, most
 *                           frequent first (ties: fewer missing columns first), including the complete pattern
 * @param patternCount       distinct patterns in all
 * @param exampleRows        dataset row indices (0-based) of the first kept rows with a missing value
 */
public record MissingOverview(Options options, List<ColumnMissing> columns, int rowsKept, int rowsWithMissing,
                              long[] missingPerRow, List<Pattern> patterns, int patternCount, int[] exampleRows)
        implements ChartData {

    public MissingOverview {
        columns = List.copyOf(columns);
        patterns = List.copyOf(patterns);
    }

    /**
     * @param filter      rows to use
     * @param maxPatterns patterns listed (1–1000)
     * @param maxExamples example rows listed (0–10000)
     */
    public record Options(RowFilter filter, int maxPatterns, int maxExamples) {
        public Options {
            filter = filter == null ? RowFilter.NONE : filter;
            if (maxPatterns < 1 || maxPatterns > 1000) throw new UserException("eda.options.patterns", maxPatterns);
            if (maxExamples < 0 || maxExamples > 10_000) throw new UserException("eda.options.examples", maxExamples);
        }

        public static Options defaults() { return new Options(RowFilter.NONE, 20, 100); }

        public Options withFilter(RowFilter f) { return new Options(f, maxPatterns, maxExamples); }
    }

    /** Missing values of one column over the kept rows. */
    public record ColumnMissing(String column, int missing, double share) { }

    /**
     * A missingness pattern.
     *
     * @param missingColumns the columns missing together in these rows (empty = complete rows)
     * @param rows           kept rows with exactly this pattern
     * @param share          rows / rowsKept
     */
    public record Pattern(List<String> missingColumns, long rows, double share) {
        public Pattern {
            missingColumns = List.copyOf(missingColumns);
        }
    }

    public static MissingOverview compute(Dataset ds, Options o, TaskContext ctx) {
        RowSelection sel = o.filter().apply(ds, ctx);
        int[] rows = sel.rows();
        int kept = rows.length;
        List<Column> withMissing = new ArrayList<>();
        List<ColumnMissing> cols = new ArrayList<>();
        for (Column c : ds.columns()) {
            int m;
            if (sel.isAll()) m = c.missingCount();
            else {
                m = 0;
                if (c.missingCount() > 0) for (int r : rows) if (c.isMissing(r)) m++;
            }
            cols.add(new ColumnMissing(c.name(), m, kept == 0 ? 0 : (double) m / kept));
            if (m > 0) withMissing.add(c);
        }
        ctx.checkCancelled();
        int k = withMissing.size();
        BitSet[] masks = new BitSet[k];
        for (int j = 0; j < k; j++) masks[j] = withMissing.get(j).missingMask();
        long[] perRow = new long[ds.columnCount() + 1];
        Map<BitSet, long[]> patterns = new HashMap<>();
        int any = 0;
        int[] examples = new int[o.maxExamples()];
        int ex = 0;
        BitSet key = new BitSet(k);
        for (int i = 0; i < kept; i++) {
            if ((i & 0xFFFF) == 0) ctx.checkCancelled();
            int r = rows[i];
            key.clear();
            int cnt = 0;
            for (int j = 0; j < k; j++) if (masks[j].get(r)) { key.set(j); cnt++; }
            perRow[cnt]++;
            if (cnt > 0) {
                any++;
                if (ex < examples.length) examples[ex++] = r;
            }
            long[] c = patterns.get(key);
            if (c == null) patterns.put((BitSet) key.clone(), new long[]{1});
            else c[0]++;
        }
        List<Map.Entry<BitSet, long[]>> list = new ArrayList<>(patterns.entrySet());
        list.sort((a, b) -> {
            int c = Long.compare(b.getValue()[0], a.getValue()[0]);
            if (c != 0) return c;
            c = Integer.compare(a.getKey().cardinality(), b.getKey().cardinality());
            return c != 0 ? c : a.getKey().toString().compareTo(b.getKey().toString());
        });
        List<Pattern> out = new ArrayList<>();
        for (int i = 0; i < Math.min(o.maxPatterns(), list.size()); i++) {
            BitSet b = list.get(i).getKey();
            List<String> names = new ArrayList<>();
            for (int j = b.nextSetBit(0); j >= 0; j = b.nextSetBit(j + 1)) names.add(withMissing.get(j).name());
            long n = list.get(i).getValue()[0];
            out.add(new Pattern(names, n, kept == 0 ? 0 : (double) n / kept));
        }
        return new MissingOverview(o, cols, kept, any, perRow, out, patterns.size(), java.util.Arrays.copyOf(examples, ex));
    }

    /** Per-column table, then the patterns: section, name, missing, share. */
    @Override
    public String toCsv() {
        Csv csv = new Csv("section", "item", "rows", "share");
        for (ColumnMissing c : columns) csv.row("column", c.column(), c.missing(), c.share());
        for (Pattern p : patterns) {
            csv.row("pattern", p.missingColumns().isEmpty() ? Bucket.ALL.display(io.segmenta.core.util.I18n.tr("eda.label.complete"))
                    : String.join(" + ", p.missingColumns()), p.rows(), p.share());
        }
        return csv.toString();
    }
}
