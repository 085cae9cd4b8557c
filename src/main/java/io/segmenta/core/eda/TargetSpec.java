package io.segmenta.core.eda;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.util.UserException;

import java.util.TreeSet;

/**
 * How a target column was read.
 *
 * <ul>
 *   <li>Boolean: binary, positive = true.</li>
 *   <li>Number whose values are only 0 and 1: binary, positive = 1; with exactly two other values, binary
 *       with the larger one positive; otherwise numeric (views show its mean).</li>
 *   <li>Categorical or text with two levels: binary; the positive level is the one given, else a level
 *       reading as yes (yes, true, 1, si, y), else the less frequent one. With more levels a positive
 *       value must be given (that value against all others).</li>
 * </ul>
 * Dates cannot be targets.
 *
 * @param column   target column
 * @param binary   true for a yes/no target (rates), false for a numeric one (means)
 * @param positive the value counted as 1 for a binary target; null for a numeric one
 */
public record TargetSpec(String column, boolean binary, String positive) {


    /** The resolved target and its value per kept row (1/0 for binary, NaN when missing), aligned with rows. */
    record Values(TargetSpec spec, double[] y) { }

    static Values resolve(Dataset ds, String name, String positive, int[] rows) {
        Column c = EdaData.column(ds, name);
        double[] y = new double[rows.length];
        switch (c) {
            case BooleanColumn b -> {
                boolean pos = true;
                if (positive != null) {
                    Boolean named = b.truthOf(positive);
                    if (named == null) throw new UserException("eda.target.noSuchValue", name, positive);
                    pos = named;
                }
                for (int i = 0; i < rows.length; i++) {
                    int r = rows[i];
                    y[i] = b.isMissing(r) ? Double.NaN : (b.getBoolean(r) == pos ? 1 : 0);
                }
                return new Values(new TargetSpec(name, true, b.label(pos)), y);
            }
            case LongColumn l -> { return numeric(c, name, positive, rows); }
            case DoubleColumn d -> { return numeric(c, name, positive, rows); }
            case StringColumn s -> {
                EdaData.Groups g = EdaData.groups(s, rows);
                int pos = -1;
                if (positive != null) {
                    for (int i = 0; i < g.levels(); i++) if (g.labels()[i].equals(positive)) pos = i;
                    if (pos < 0) throw new UserException("eda.target.noSuchValue", name, positive);
                } else {
                    if (g.usedLevels() == 0) throw new UserException("eda.target.empty", name);
                    if (g.usedLevels() != 2) throw new UserException("eda.target.notBinary", name, g.usedLevels());
                    int[] top = g.top(2);
                    for (int t : top) if (Boolean.TRUE.equals(BooleanColumn.usualTruth(g.labels()[t]))) pos = t;
                    if (pos < 0) pos = top[1]; // the less frequent (ties: the later label)
                }
                int[] ids = g.ids();
                for (int i = 0; i < rows.length; i++) y[i] = ids[i] < 0 ? Double.NaN : (ids[i] == pos ? 1 : 0);
                return new Values(new TargetSpec(name, true, g.labels()[pos]), y);
            }
            default -> throw new UserException("eda.target.badType", name, c.type().key());
        }
    }


    private static Values numeric(Column c, String name, String positive, int[] rows) {
        double[] y = EdaData.aligned(c, rows);
        TreeSet<Double> distinct = new TreeSet<>();
        for (double v : y) {
            if (!Double.isNaN(v) && distinct.add(v) && distinct.size() > 2) break;
        }
        boolean zeroOne = distinct.size() <= 2 && distinct.stream().allMatch(v -> v == 0 || v == 1);
        if (positive != null) {
            double p;
            try {
                p = Double.parseDouble(positive.strip());
            } catch (NumberFormatException e) {
                throw new UserException("eda.target.noSuchValue", name, positive);
            }
            for (int i = 0; i < y.length; i++) if (!Double.isNaN(y[i])) y[i] = y[i] == p ? 1 : 0;
            return new Values(new TargetSpec(name, true, EdaData.valueText(c.type(), p)), y);
        }
        if (zeroOne || distinct.size() == 2) {
            double p = zeroOne ? 1 : distinct.last();
            for (int i = 0; i < y.length; i++) if (!Double.isNaN(y[i])) y[i] = y[i] == p ? 1 : 0;
            return new Values(new TargetSpec(name, true, EdaData.valueText(c.type(), p)), y);
        }
        return new Values(new TargetSpec(name, false, null), y);
    }
}
