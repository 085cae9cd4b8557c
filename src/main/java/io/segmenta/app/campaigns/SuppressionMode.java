package io.segmenta.app.campaigns;

import java.util.Locale;

/** Where the ids never to contact come from. */
public enum SuppressionMode {
    NONE, DATASET, FILE;

    public String key() { return "ui.campaigns.suppression.mode." + name().toLowerCase(Locale.ROOT); }
}
