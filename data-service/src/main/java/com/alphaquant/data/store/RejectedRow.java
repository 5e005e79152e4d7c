package com.alphaquant.data.store;

import java.time.LocalDate;

/**
 * A Tushare row the cleaning refused.
 *
 * @param tsCode    the code read from the row (its ts_code, or the dataset's own code column), null where it has none
 * @param tradeDate the row's date (trade_date, or the dataset's own date column), null where it does not read as one
 * @param reason    why: malformed, ohlc_inconsistent, duplicate, …
 * @param row       the row as sent, {@code name=value} by column, cut at {@link #MAX_ROW} characters
 */
public record RejectedRow(String tsCode, LocalDate tradeDate, String reason, String row) {

    /** Longest code kept: a malformed row's code may be anything. */
    public static final int MAX_CODE = 32;
    public static final int MAX_ROW = 1_000;

    public RejectedRow {
        if (tsCode != null && tsCode.length() > MAX_CODE) {
            tsCode = tsCode.substring(0, MAX_CODE);
        }
        if (row.length() > MAX_ROW) {
            row = row.substring(0, MAX_ROW - 1) + "…";
        }
    }
}
