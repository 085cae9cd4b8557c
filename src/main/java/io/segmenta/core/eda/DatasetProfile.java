package io.segmenta.core.eda;

import java.util.List;
import java.util.Optional;

/**
 * The profile table: one {@link ColumnProfile} per column, in dataset order.
 *
 * @param dataset   dataset name
 * @param rows      rows in the dataset
 * @param rowsKept  rows the filter kept (the ones profiled)
 * @param columns   per-column statistics
 * @param target    the resolved target, or null when none was chosen
 * @param options   the options that produced it
 */
public record DatasetProfile(String dataset, int rows, int rowsKept, List<ColumnProfile> columns, TargetSpec target,
                             ProfileOptions options) implements ChartData {
    public DatasetProfile {
        columns = List.copyOf(columns);
    }

    public Optional<ColumnProfile> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** One CSV row per column with every statistic; top values as "value (count)" joined by "; ". */
    @Override
    public String toCsv() {
        Csv csv = new Csv("name", "type", "count", "missing", "missing_share", "distinct", "mean", "std", "min", "p5",
                "p25", "median", "p75", "p95", "max", "skewness", "zeros", "top_values", "leakage_auc", "flags");
        for (ColumnProfile c : columns) {
            boolean temporal = c.type() == io.segmenta.core.data.ColumnType.DATE
                    || c.type() == io.segmenta.core.data.ColumnType.DATETIME;
            csv.row(c.name(), c.type().key(), c.count(), c.missing(), c.missingShare(), c.distinct(),
                    temporal ? c.valueText(c.mean()) : c.mean(), c.std(),
                    temporal ? c.valueText(c.min()) : c.min(), temporal ? c.valueText(c.p5()) : c.p5(),
                    temporal ? c.valueText(c.p25()) : c.p25(), temporal ? c.valueText(c.median()) : c.median(),
                    temporal ? c.valueText(c.p75()) : c.p75(), temporal ? c.valueText(c.p95()) : c.p95(),
                    temporal ? c.valueText(c.max()) : c.max(), c.skewness(), c.zeros(),
                    String.join("; ", c.topValues().stream().map(t -> t.value() + " (" + t.count() + ")").toList()),
                    c.leakageAuc(), String.join(" ", c.flags().stream().map(f -> f.kind().key()).toList()));
        }
        return csv.toString();
    }
}
