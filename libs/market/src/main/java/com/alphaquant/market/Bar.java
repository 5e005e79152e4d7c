package com.alphaquant.market;

import java.time.LocalDate;

/**
 * One security's daily bar in Tushare units: raw (unadjusted) prices in CNY, {@code vol} in
 * lots of 100 shares, {@code amount} in thousands of CNY. {@code adjFactor} is the adjustment
 * factor relative to its latest value (qfq = raw × adjFactor), NaN when unknown.
 * Construction rejects bars that cannot be real: non-positive prices, high below low or below
 * open/close, negative volume.
 */
public record Bar(TsCode tsCode, LocalDate tradeDate, double open, double high, double low, double close,
                  double preClose, double vol, double amount, double adjFactor) {

    public Bar {
        if (tsCode == null || tradeDate == null) {
            throw new IllegalArgumentException("Bar needs a ts_code and a trade_date");
        }
        String where = tsCode + " " + tradeDate;
        requirePositive(where, "open", open);
        requirePositive(where, "high", high);
        requirePositive(where, "low", low);
        requirePositive(where, "close", close);
        requirePositive(where, "pre_close", preClose);
        if (high < low || high < open || high < close || low > open || low > close) {
            throw new IllegalArgumentException(where + ": inconsistent OHLC open=" + open + " high=" + high
                    + " low=" + low + " close=" + close);
        }
        if (!(vol >= 0) || !(amount >= 0)) {
            throw new IllegalArgumentException(where + ": negative or missing vol=" + vol + " amount=" + amount);
        }
        if (!Double.isNaN(adjFactor) && !(adjFactor > 0 && Double.isFinite(adjFactor))) {
            throw new IllegalArgumentException(where + ": adj_factor must be positive, got " + adjFactor);
        }
    }

    private static void requirePositive(String where, String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(where + ": " + field + " must be a positive price, got " + value);
        }
    }

    /** The day's move close / pre_close − 1. */
    public double change() {
        return close / preClose - 1;
    }

    /** Volume in shares (Tushare reports lots of 100). */
    public double volumeShares() {
        return vol * 100;
    }

    /** Traded value in CNY (Tushare reports thousands). */
    public double amountCny() {
        return amount * 1000;
    }
}
