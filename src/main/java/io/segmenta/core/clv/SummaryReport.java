package io.segmenta.core.clv;

/**
 * What the summary builder did with the transaction log, for the user to check.
 *
 * @param rows                  rows in the log
 * @param rowsMissing           rows skipped for a missing customer, date or amount
 * @param rowsZero              rows with a zero amount: kept as purchase occasions without spend
 * @param rowsNegative          rows with a negative amount (returns, refunds)
 * @param rowsNegativeDropped   of those, rows ignored (policy DROP)
 * @param rowsAfterEnd          rows after the holdout end (or the calibration end when there is no holdout)
 * @param rowsSameDay           rows merged into another purchase of the same customer on the same day
 * @param returnDays            customer-days holding only returns or with a negative net amount (policy NET_SAME_DAY),
 *                              not counted as purchases
 * @param customers             customers in the summary (first purchase on or before the calibration end)
 * @param customersOnlyInHoldout customers whose first purchase falls in the holdout period (left out of the fit)
 * @param customersNoRepeat     customers without a repeat purchase in the calibration period (frequency 0)
 * @param returns               the policy applied
 */
public record SummaryReport(long rows, long rowsMissing, long rowsZero, long rowsNegative, long rowsNegativeDropped,
                            long rowsAfterEnd, long rowsSameDay, long returnDays, int customers,
                            int customersOnlyInHoldout, int customersNoRepeat, ReturnsPolicy returns) {
}
