package io.segmenta.core.campaign;

/**
 * Outcome counts of one arm (or one segment × arm).
 *
 * @param arm        creative or control name
 * @param segment    segment, or null for the arm over all segments
 * @param sends      customers in the arm
 * @param delivered  delivered sends (= sends when unknown)
 * @param known      which outcomes the data has: delivery, open, click, conversion, revenue
 * @param medianHoursToOpen median hours from send to open (null without timestamps), likewise click and purchase
 * @param revenueSquares sum of each customer's squared revenue, for the spread of revenue per send; null when
 *                   the data are counts per arm rather than one row per customer
 */
public record ArmCounts(String arm, String segment, long sends, long delivered, long opened, long clicked, long converted,
                        double revenue, Known known, Double medianHoursToOpen, Double medianHoursToClick,
                        Double medianHoursToPurchase, Double revenueSquares) {

    /** Without per-customer revenue (counts per arm). */
    public ArmCounts(String arm, String segment, long sends, long delivered, long opened, long clicked, long converted,
                     double revenue, Known known, Double medianHoursToOpen, Double medianHoursToClick, Double medianHoursToPurchase) {
        this(arm, segment, sends, delivered, opened, clicked, converted, revenue, known, medianHoursToOpen, medianHoursToClick,
                medianHoursToPurchase, null);
    }

    /** Sample variance of a customer's revenue (n − 1), or null when unknown or fewer than two sends. */
    public Double revenueVariance() {
        if (revenueSquares == null || !known.revenue() || sends < 2) return null;
        double mean = revenue / sends;
        return Math.max(0, (revenueSquares - sends * mean * mean) / (sends - 1));
    }

    /** Which outcomes were measured. */
    public record Known(boolean delivery, boolean open, boolean click, boolean conversion, boolean revenue) { }

    /** Successes of a metric. */
    public long successes(AbMetric m) {
        return switch (m) { case OPEN -> opened; case CLICK -> clicked; case CONVERSION -> converted; };
    }

    public boolean knows(AbMetric m) {
        return switch (m) { case OPEN -> known.open(); case CLICK -> known.click(); case CONVERSION -> known.conversion(); };
    }
}
