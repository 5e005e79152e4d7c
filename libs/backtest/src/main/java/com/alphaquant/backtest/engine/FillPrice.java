package com.alphaquant.backtest.engine;

import java.util.Locale;

/** The reference price an order fills at on its day (SPEC section 2b), before slippage. */
public enum FillPrice {
    /** The day's opening price (default). */
    OPEN,
    /** The day's closing price. */
    CLOSE,
    /** The day's volume-weighted average price, amount·10/vol in Tushare units. */
    VWAP;

    /** Parses {@code open}, {@code close} or {@code vwap}, case-insensitive. */
    public static FillPrice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown fill price '" + text + "': expected open, close or vwap");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
