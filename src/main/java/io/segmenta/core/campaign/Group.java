package io.segmenta.core.campaign;

import java.util.Locale;

/** Whether a customer gets a creative (treatment) or is held out as a control. */
public enum Group {
    TREATMENT, HOLDOUT;

    /** "treatment" or "holdout", as written in exported lists. */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static Group fromKey(String key) { return valueOf(key.strip().toUpperCase(Locale.ROOT)); }
}
