package io.segmenta.core.campaign;

import io.segmenta.core.util.UserException;

import java.util.Locale;

/** How creatives are spread over segments. */
public enum Allocation {
    /** Segment i (in sorted order) gets creative i only; the sample is split equally over the segments. */
    PER_SEGMENT,
    /** Every creative in every segment: the sample is split over segments in proportion to their size and each
     *  segment's share is split over the creatives (and the holdout) in the same proportions as the whole list. */
    STRATIFIED;

    /** "per-segment" or "stratified". */
    public String key() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    public static Allocation fromKey(String key) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Allocation a : values()) if (a.key().equals(k)) return a;
        throw new UserException("campaign.def.badAllocation", key);
    }
}
