package io.segmenta.core.eda;

import io.segmenta.core.util.I18n;

/** What a bar, box or bin stands for: one value, the rest grouped together, missing values, or all rows. */
public enum Bucket {
    /** One value (category level, number range); the label is the value. */
    VALUE,
    /** The values outside the top N, grouped. */
    OTHER,
    /** Rows where the value is missing. */
    MISSING,
    /** All rows together (a chart that is not split). */
    ALL;

    /** The text to show for a bucket: the label for {@link #VALUE}, a translated word otherwise. */
    public String display(String label) {
        return switch (this) {
            case VALUE -> label;
            case OTHER -> I18n.tr("eda.label.other");
            case MISSING -> I18n.tr("eda.label.missing");
            case ALL -> label != null ? label : I18n.tr("eda.label.all");
        };
    }
}
