package io.segmenta.core.clv;

import io.segmenta.core.util.I18n;

/**
 * One named RFM segment: the customers whose recency, frequency and monetary scores (1–5, 5 = best) all fall in
 * the given inclusive ranges. Rules are tried in order; the first match wins.
 *
 * @param key   stable identifier (also the i18n key suffix {@code clv.rfm.segment.KEY} of the default name)
 * @param name  the user's own name, or null to use the translated default
 */
public record RfmRule(String key, String name, int rMin, int rMax, int fMin, int fMax, int mMin, int mMax) {
    public RfmRule {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("key");
        for (int v : new int[]{rMin, rMax, fMin, fMax, mMin, mMax}) {
            if (v < 1 || v > 5) throw new IllegalArgumentException("RFM scores run from 1 to 5");
        }
        if (rMin > rMax || fMin > fMax || mMin > mMax) throw new IllegalArgumentException("empty range in rule " + key);
    }

    /** A rule on recency and frequency only. */
    public static RfmRule of(String key, int rMin, int rMax, int fMin, int fMax) {
        return new RfmRule(key, null, rMin, rMax, fMin, fMax, 1, 5);
    }

    public boolean matches(int r, int f, int m) {
        return r >= rMin && r <= rMax && f >= fMin && f <= fMax && m >= mMin && m <= mMax;
    }

    /** The display name: the user's, else the translation of {@code clv.rfm.segment.KEY}, else the key. */
    public String displayName() {
        if (name != null && !name.isBlank()) return name;
        String k = "clv.rfm.segment." + key;
        return I18n.has(k) ? I18n.tr(k) : key;
    }

    public RfmRule withName(String n) { return new RfmRule(key, n, rMin, rMax, fMin, fMax, mMin, mMax); }
}
