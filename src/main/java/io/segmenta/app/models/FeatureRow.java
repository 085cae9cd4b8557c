package io.segmenta.app.models;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One candidate feature of the setup table: whether it is used, why it was left out by default, and the
 * single-feature AUC when it is a probable leak.
 *
 * @param name       column name
 * @param type       localised column type
 * @param reason     why the column is excluded by default (localised), or "" when it is used by default
 * @param leakageAuc single-feature ROC AUC when flagged as probable leakage, else null
 * @param included   whether the column is used as a feature (the user toggles it)
 */
public record FeatureRow(String name, String type, String reason, Double leakageAuc, BooleanProperty included) {
    public FeatureRow(String name, String type, String reason, Double leakageAuc, boolean included) {
        this(name, type, reason, leakageAuc, new SimpleBooleanProperty(included));
    }

    public boolean leak() { return leakageAuc != null; }

    public boolean isIncluded() { return included.get(); }
}
