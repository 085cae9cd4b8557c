package io.segmenta.core.campaign;

/**
 * Which columns of a per-customer results table hold what; null = not in the file. Yes/no columns may be
 * booleans, the numbers 1 and 0, or text (yes/no, true/false, 1/0, sí/no, x); missing counts as no, and any
 * other value is an error ({@link AbResultsLoader}). When {@code delivered} is
 * absent it is {@code not bounced}, or unknown (every send counted as delivered) when both are absent;
 * when {@code opened}/{@code clicked}/{@code converted} are absent a present timestamp means yes.
 *
 * @param arm       the arm (creative or control) of each row; not needed when joined to a campaign list
 * @param segment   segment of each row, or null (joined lists supply it)
 * @param id        customer id, to join to a campaign list
 * @param revenue   revenue (spend): a finite number ≥ 0, missing = 0
 * @param sentAt    send timestamp; open/click/purchase timestamps give the median delays
 */
public record ResultColumns(String arm, String segment, String id, String delivered, String bounced, String opened,
                            String clicked, String converted, String revenue, String sentAt, String openedAt,
                            String clickedAt, String purchasedAt) {
    /** Only the arm column. */
    public static ResultColumns arm(String arm) {
        return new ResultColumns(arm, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public ResultColumns withClicked(String c) {
        return new ResultColumns(arm, segment, id, delivered, bounced, opened, c, converted, revenue, sentAt, openedAt, clickedAt, purchasedAt);
    }

    public ResultColumns withConverted(String c) {
        return new ResultColumns(arm, segment, id, delivered, bounced, opened, clicked, c, revenue, sentAt, openedAt, clickedAt, purchasedAt);
    }

    public ResultColumns withRevenue(String c) {
        return new ResultColumns(arm, segment, id, delivered, bounced, opened, clicked, converted, c, sentAt, openedAt, clickedAt, purchasedAt);
    }
}
