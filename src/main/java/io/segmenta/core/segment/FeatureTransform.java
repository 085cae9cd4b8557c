package io.segmenta.core.segment;

import io.segmenta.core.segment.SegmentationOptions.FeatureKind;
import io.segmenta.core.segment.SegmentationOptions.Scaling;
import io.segmenta.core.segment.SegmentationOptions.Transform;

import java.util.List;

/**
 * How one feature was turned into matrix columns, fitted on the rows used, so values can be mapped back
 * to original units.
 *
 * <p>Numeric: {@code z = (t(x) − center) / scale × weight} where {@code t} is the transform (log1p or
 * none) and center/scale come from the scaling (z-score: mean/sd; robust: median/IQR; min-max: min/range;
 * none: 0/1). The statistics are those of the transformed values {@code t(x)} of the used rows after
 * imputation. Categorical: one column per level in {@link #levels()}, {@code weight} where the row has the
 * level, else 0 (not scaled).
 *
 * @param fillValue numeric: the value (original units) put in missing cells (the median), NaN when the
 *                  missing policy was drop
 * @param fillLevel categorical: the level put in missing cells (the mode), null when dropping
 * @param firstDim  index of the feature's first matrix column
 */
public record FeatureTransform(String column, FeatureKind kind, Transform transform, double weight, Scaling scaling,
                               double center, double scale, double mean, double sd, double median, double iqr,
                               double min, double max, double fillValue, List<String> levels, String fillLevel,
                               int firstDim) {
    public FeatureTransform {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** Number of matrix columns: 1 for numeric, the number of levels for categorical. */
    public int dims() { return kind == FeatureKind.NUMERIC ? 1 : levels.size(); }

    /** The transformed value t(x). */
    public double forward(double x) { return transform == Transform.LOG1P ? Math.log1p(x) : x; }

    /** Matrix value of an original numeric value. */
    public double toMatrix(double x) { return (forward(x) - center) / scale * weight; }

    /** Original units of a numeric matrix value: the inverse of {@link #toMatrix(double)}. */
    public double toOriginal(double z) {
        double t = z / weight * scale + center;
        return transform == Transform.LOG1P ? Math.expm1(t) : t;
    }
}
