package io.segmenta.core.segment;

import io.segmenta.core.segment.SegmentationOptions.FeatureKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The fitted feature transforms of a matrix, in feature order, and the names of its columns
 * ({@code column} for numeric features, {@code column=level} for one-hot columns).
 */
public record FittedTransform(List<FeatureTransform> features) {
    public FittedTransform {
        features = List.copyOf(features);
    }

    public int dims() {
        int d = 0;
        for (FeatureTransform f : features) d += f.dims();
        return d;
    }

    public List<String> dimNames() {
        List<String> names = new ArrayList<>();
        for (FeatureTransform f : features) {
            if (f.kind() == FeatureKind.NUMERIC) names.add(f.column());
            else for (String l : f.levels()) names.add(f.column() + "=" + l);
        }
        return names;
    }

    /**
     * A matrix-space point (e.g. a centroid) in original units: numeric features as values, one-hot
     * columns as the share of the level (0..1).
     */
    public double[] toOriginal(double[] z) {
        double[] out = new double[z.length];
        for (FeatureTransform f : features) {
            if (f.kind() == FeatureKind.NUMERIC) {
                out[f.firstDim()] = f.toOriginal(z[f.firstDim()]);
            } else {
                for (int j = 0; j < f.dims(); j++) out[f.firstDim() + j] = z[f.firstDim() + j] / f.weight();
            }
        }
        return out;
    }
}
