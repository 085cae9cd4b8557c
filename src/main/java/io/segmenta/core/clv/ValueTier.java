package io.segmenta.core.clv;

import java.util.Locale;

/** CLV value tiers: by default the top 20% of customers by CLV are HIGH, the next 30% MEDIUM, the rest LOW. */
public enum ValueTier {
    HIGH, MEDIUM, LOW;

    public String key() { return name().toLowerCase(Locale.ROOT); }

    public String labelKey() { return "clv.tier." + key(); }
}
