package com.alphaquant.market;

import java.time.LocalDate;

/**
 * One row of an industry classification's membership (Tushare {@code index_member}): {@code tsCode}
 * belonged to the industry from {@code inDate} inclusive until {@code outDate} exclusive
 * ({@code outDate} null while it still does). Valid by construction.
 */
public record IndustryMembership(String industryCode, String industryName, TsCode tsCode, LocalDate inDate,
                                 LocalDate outDate) {

    public IndustryMembership {
        if (industryCode == null || industryCode.isBlank()) {
            throw new IllegalArgumentException("An industry membership needs an industry code");
        }
        if (industryName == null || industryName.isBlank()) {
            throw new IllegalArgumentException("Industry " + industryCode + " has no name");
        }
        if (tsCode == null) {
            throw new IllegalArgumentException("A member of " + industryCode + " needs a ts_code");
        }
        if (inDate == null) {
            throw new IllegalArgumentException(tsCode + " in " + industryCode + " has no in_date");
        }
        if (outDate != null && !outDate.isAfter(inDate)) {
            throw new IllegalArgumentException(tsCode + " leaves " + industryCode + " on " + outDate
                    + ", not after it joins on " + inDate);
        }
    }

    /** Whether the stock belonged to the industry on {@code date}: in_date ≤ date < out_date. */
    public boolean on(LocalDate date) {
        return !date.isBefore(inDate) && (outDate == null || date.isBefore(outDate));
    }
}
