package io.segmenta.core.model;

import java.util.Locale;

/** What a model predicts: a yes/no outcome (churn, conversion) or a number (lifetime value). */
public enum Task {
    CLASSIFICATION, REGRESSION;

    /** Stable lower-case name used in JSON, the CLI and model files. */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** Parses {@link #key()}; null for null. */
    public static Task fromKey(String key) {
        if (key == null) return null;
        for (Task t : values()) if (t.key().equalsIgnoreCase(key.strip())) return t;
        throw new IllegalArgumentException("Unknown task '" + key + "'");
    }
}
