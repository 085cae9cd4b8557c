package io.segmenta.core.join;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;

import java.util.BitSet;

/**
 * Like {@link Column#select(int[])}, but an index of -1 gives a missing value. Keeps the column's type,
 * name, id flag and (for strings) its dictionary and categorical flag.
 */
public final class RowGather {
    private RowGather() { }

    public static Column gather(Column column, int[] rows) {
        int n = rows.length;
        BitSet missing = new BitSet(n);
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            if (r < -1 || r >= column.size()) throw new IndexOutOfBoundsException("row " + r + " of " + column.size());
            if (r < 0 || column.isMissing(r)) missing.set(i);
        }
        return switch (column) {
            case LongColumn c -> {
                long[] src = c.rawValues();
                long[] v = new long[n];
                for (int i = 0; i < n; i++) v[i] = rows[i] < 0 ? 0L : src[rows[i]];
                yield new LongColumn(c.name(), v, missing, c.idLike());
            }
            case DoubleColumn c -> {
                double[] src = c.rawValues();
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = rows[i] < 0 ? Double.NaN : src[rows[i]];
                yield new DoubleColumn(c.name(), v, missing, c.idLike());
            }
            case BooleanColumn c -> {
                BitSet v = new BitSet(n);
                for (int i = 0; i < n; i++) if (rows[i] >= 0 && c.getBoolean(rows[i])) v.set(i);
                yield new BooleanColumn(c.name(), n, v, missing, c.idLike(), c.trueLabel(), c.falseLabel());
            }
            case DateColumn c -> {
                int[] src = c.rawValues();
                int[] v = new int[n];
                for (int i = 0; i < n; i++) v[i] = rows[i] < 0 ? 0 : src[rows[i]];
                yield new DateColumn(c.name(), v, missing, c.idLike());
            }
            case DateTimeColumn c -> {
                long[] src = c.rawValues();
                long[] v = new long[n];
                for (int i = 0; i < n; i++) v[i] = rows[i] < 0 ? 0L : src[rows[i]];
                yield new DateTimeColumn(c.name(), v, missing, c.idLike());
            }
            case StringColumn c -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) v[i] = missing.get(i) ? -1 : c.code(rows[i]);
                yield new StringColumn(c.name(), v, c.dictionary(), missing, c.categorical(), c.idLike());
            }
        };
    }
}
