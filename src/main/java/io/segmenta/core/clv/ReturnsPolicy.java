package io.segmenta.core.clv;

import java.util.Locale;

/**
 * What to do with transactions whose amount is negative (returns, refunds). Zero amounts (free items, fully
 * discounted orders) are always kept as purchase occasions without spend.
 */
public enum ReturnsPolicy {
    /** Ignore negative rows: they are neither purchases nor spend. */
    DROP,
    /**
     * Net negative rows against the same customer's purchases on the same day; a day holding only returns, or
     * whose net amount is negative, is not a purchase day.
     */
    NET_SAME_DAY;

    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static ReturnsPolicy fromKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
