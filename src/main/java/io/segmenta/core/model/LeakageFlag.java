package io.segmenta.core.model;

import io.segmenta.core.util.I18n;

/**
 * A feature that alone predicts the target suspiciously well (single-feature ROC AUC, as max(AUC, 1 − AUC),
 * at least {@link io.segmenta.core.eda.ColumnProfiler#LEAKAGE_AUC}), such as a call's duration when predicting
 * whether the call sold: probably known only after the outcome.
 */
public record LeakageFlag(String feature, double auc) {
    public String message() { return I18n.tr("model.leakage.flag", feature, auc); }
}
