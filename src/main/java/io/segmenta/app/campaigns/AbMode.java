package io.segmenta.app.campaigns;

import java.util.Locale;

/** How A/B results are read: per customer with an arm column, per customer joined to a saved list, or aggregated. */
public enum AbMode {
    ARM_COLUMN, JOIN_LIST, AGGREGATED;

    public String key() { return "ui.campaigns.ab.mode." + name().toLowerCase(Locale.ROOT); }
}
