package io.segmenta.core.sample;

/**
 * The customer groups planted in the synthetic sample. They are not a column of the generated files: a
 * segmentation should find them from the behaviour they produce.
 */
public enum Segment {
    /** 18–35, big cities, app first, open and click a lot, frequent small orders, short tenure. */
    YOUNG_URBAN_APP("young_urban_app", 0.22),
    /** 35–80, high income and richer provinces, long tenure, frequent large orders, store and web. */
    AFFLUENT_LOYAL("affluent_loyal", 0.15),
    /** Lower income, e-mail driven, high open and click rates, small baskets, promotion responsive. */
    BARGAIN_HUNTERS("bargain_hunters", 0.25),
    /** Bought in 2023 or early 2024 and stopped: high recency, almost no orders in 2024, rarely open e-mails. */
    LAPSED_DORMANT("lapsed_dormant", 0.23),
    /** Signed up in the last six months, a few orders, curious about e-mails, web and app. */
    NEW_CUSTOMERS("new_customers", 0.15);

    private final String key;
    private final double share;

    Segment(String key, double share) {
        this.key = key;
        this.share = share;
    }

    /** Stable snake_case name. */
    public String key() { return key; }

    /** Expected share of customers. */
    public double share() { return share; }
}
