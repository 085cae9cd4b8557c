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
 */
public record SummaryOptions(String customerColumn, String dateColumn, String amountColumn, String quantityColumn,
                             TimeUnit unit, LocalDate calibrationEnd, LocalDate holdoutEnd, ReturnsPolicy returns) {
    public SummaryOptions {
        Objects.requireNonNull(customerColumn, "customerColumn");
        Objects.requireNonNull(dateColumn, "dateColumn");
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        unit = unit == null ? TimeUnit.WEEKS : unit;
        returns = returns == null ? ReturnsPolicy.DROP : returns;
    }

    public static SummaryOptions of(String customer, String date, String amount, LocalDate calibrationEnd, LocalDate holdoutEnd) {
        return new SummaryOptions(customer, date, amount, null, TimeUnit.WEEKS, calibrationEnd, holdoutEnd, ReturnsPolicy.DROP);
    }

    public SummaryOptions withUnit(TimeUnit u) {
        return new SummaryOptions(customerColumn, dateColumn, amountColumn, quantityColumn, u, calibrationEnd, holdoutEnd, returns);
    }

    public SummaryOptions withReturns(ReturnsPolicy r) {
        return new SummaryOptions(customerColumn, dateColumn, amountColumn, quantityColumn, unit, calibrationEnd, holdoutEnd, r);
    }

    public SummaryOptions withQuantity(String q) {
        return new SummaryOptions(customerColumn, dateColumn, amountColumn, q, unit, calibrationEnd, holdoutEnd, returns);
    }
}
