package io.segmenta.app.segments;

import io.segmenta.core.segment.SegmentationOptions.Feature;
import io.segmenta.core.segment.SegmentationOptions.FeatureKind;
import io.segmenta.core.segment.SegmentationOptions.Transform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One column of the dataset as a candidate feature of the segmentation: whether it is used, its transform
 * (numeric columns) and its weight (categorical columns, one-hot), with what the profile of the column says
 * about it (skewed, missing values, number of categories).
 */
public final class FeatureRow {
    private final String column;
    private final FeatureKind kind;
    private final boolean skewed;
    private final boolean log1pAllowed;
    private final int missing;
    private final int levels;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");
    private final ObjectProperty<Transform> transform = new SimpleObjectProperty<>(this, "transform", Transform.NONE);
    private final DoubleProperty weight = new SimpleDoubleProperty(this, "weight", 1.0);

    /**
     * @param skewed       the column profile flags it as skewed (log1p is then suggested and preset)
     * @param log1pAllowed every value is above -1, so log1p is defined
     * @param levels       categories of a categorical column (0 for numeric)
     */
    public FeatureRow(String column, FeatureKind kind, boolean skewed, boolean log1pAllowed, int missing, int levels) {
        this.column = column;
        this.kind = kind;
        this.skewed = skewed;
        this.log1pAllowed = log1pAllowed;
        this.missing = missing;
        this.levels = levels;
        if (suggestsLog1p()) transform.set(Transform.LOG1P);
    }

    public String column() { return column; }

    public FeatureKind kind() { return kind; }

    public boolean numeric() { return kind == FeatureKind.NUMERIC; }

    public boolean skewed() { return skewed; }

    public boolean log1pAllowed() { return log1pAllowed; }

    /** log1p is suggested for skewed, non-negative numeric columns such as money amounts. */
    public boolean suggestsLog1p() { return numeric() && skewed && log1pAllowed; }

    public int missing() { return missing; }

    public int levels() { return levels; }

    public BooleanProperty selectedProperty() { return selected; }

    public boolean isSelected() { return selected.get(); }

    public void setSelected(boolean b) { selected.set(b); }

    public ObjectProperty<Transform> transformProperty() { return transform; }

    public DoubleProperty weightProperty() { return weight; }

    /** The feature as the options record it (may throw a UserException for a bad weight). */
    public Feature toFeature() {
        return numeric() ? new Feature(column, kind, transform.get(), 1.0)
                : new Feature(column, kind, Transform.NONE, weight.get());
    }

    /** Takes the transform and weight of a saved feature. */
    void apply(Feature f) {
        selected.set(true);
        if (numeric()) transform.set(f.transform()); else weight.set(f.weight());
    }

    @Override
    public String toString() { return "FeatureRow[" + column + ", " + kind + ", selected=" + selected.get() + "]"; }
}
