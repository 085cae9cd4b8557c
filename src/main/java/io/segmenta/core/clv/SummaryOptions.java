package io.segmenta.core.clv;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How to turn a transaction log into the per-customer summary.
 *
 * @param customerColumn  column identifying the customer (any type)
 * @param dateColumn      purchase date: a date, date-time, integer yyyymmdd or text date column
 * @param amountColumn    purchase value, or null when only purchase counts are modelled
 * @param quantityColumn  items per transaction, or null
 * @param unit            unit of recency, T and horizons
 * @param calibrationEnd  last day of the calibration period (inclusive)
 * @param holdoutEnd      last day of the holdout period (inclusive), or null for no holdout
 * @param returns         treatment of zero and negative amounts
 * @param unitPrice       the amount column holds a unit price: a row's value is amount × quantity (Online Retail's
 *                        Price and Quantity, where a return has a negative quantity)
 */
public record SummaryOptions(String customerColumn, String dateColumn, String amountColumn, String quantityColumn,
                             TimeUnit unit, LocalDate calibrationEnd, LocalDate holdoutEnd, ReturnsPolicy returns,
                             boolean unitPrice) {
    public SummaryOptions {
        Objects.requireNonNull(customerColumn, "customerColumn");
        Objects.requireNonNull(dateColumn, "dateColumn");
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        unit = unit == null ? TimeUnit.WEEKS : unit;
        returns = returns == null ? ReturnsPolicy.DROP : returns;
    }

    /** With the amount as each row's value. */
    public SummaryOptions(String customerColumn, String dateColumn, String amountColumn, String quantityColumn, TimeUnit unit,
                          LocalDate calibrationEnd, LocalDate holdoutEnd, ReturnsPolicy returns) {
        this(customerColumn, dateColumn, amountColumn, quantityColumn, unit, calibrationEnd, holdoutEnd, returns, false);
    }

    public static SummaryOptions of(String customer, String date, String amount, LocalDate calibrationEnd, LocalDate holdoutEnd) {
        return new SummaryOptions(customer, date, amount, null, TimeUnit.WEEKS, calibrationEnd, holdoutEnd, ReturnsPolicy.DROP);
    }

    public SummaryOptions withUnit(TimeUnit u) {
        return new SummaryOptions(customerColumn, dateColumn, amountColumn, quantityColumn, u, calibrationEnd, holdoutEnd, returns, unitPrice);
    }

    public SummaryOptions withReturns(ReturnsPolicy r) {
        return new SummaryOptions(customerColumn, dateColumn, amountColumn, quantityColumn, unit, calibrationEnd, holdoutEnd, r, unitPrice);
    }

    public SummaryOptions withQuantity(String q) {
        return new SummaryOptions(customerColumn, dateColumn, amountColumn, q, unit, calibrationEnd, holdoutEnd, returns, unitPrice);
    }

    public SummaryOptions withUnitPrice(boolean u) {
        return new SummaryOptions(customerColumn, dateColumn, amountColumn, quantityColumn, unit, calibrationEnd, holdoutEnd, returns, u);
    }
}
