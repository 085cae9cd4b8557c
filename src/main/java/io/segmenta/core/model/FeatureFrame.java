package io.segmenta.core.model;

import java.util.List;

/**
 * Preprocessed rows, one dense column per feature: imputed numbers, 0/1 booleans and categorical codes.
 *
 * @param rows    number of rows
 * @param columns column f holds feature f of every row
 * @param specs   the feature definitions, parallel to {@code columns}
 */
public record FeatureFrame(int rows, double[][] columns, List<FeatureSpec> specs) {
    public int width() { return columns.length; }

    /** The given rows only. */
    public FeatureFrame select(int[] idx) {
        double[][] c = new double[columns.length][];
        for (int f = 0; f < columns.length; f++) {
            double[] src = columns[f], dst = new double[idx.length];
            for (int i = 0; i < idx.length; i++) dst[i] = src[idx[i]];
            c[f] = dst;
        }
        return new FeatureFrame(idx.length, c, specs);
    }
}
