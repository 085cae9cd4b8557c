package io.segmenta.core.clv;

import java.util.List;
import java.util.Locale;

/** The purchase-frequency ("buy till you die") models. */
public enum FrequencyModel {
    /** Beta-geometric/NBD, Fader, Hardie &amp; Lee (2005). */
    BGNBD(List.of("r", "alpha", "a", "b")),
    /** Pareto/NBD, Schmittlein, Morrison &amp; Colombo (1987). */
    PARETONBD(List.of("r", "alpha", "s", "beta")),
    /** Modified BG/NBD, Batislam, Denizel &amp; Filiztekin (2007): customers may also leave right after the first purchase. */
    MBGNBD(List.of("r", "alpha", "a", "b"));

    private final List<String> parameterNames;

    FrequencyModel(List<String> names) { this.parameterNames = names; }

    public List<String> parameterNames() { return parameterNames; }

    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** Display name key in the clv bundle. */
    public String labelKey() { return "clv.model." + key(); }

    public static FrequencyModel fromKey(String key) {
        String k = key.trim().toUpperCase(Locale.ROOT).replace("/", "").replace("-", "").replace("_", "");
        return valueOf(k);
    }
}
