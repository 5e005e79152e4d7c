package com.alphaquant.backtest.engine;

import java.util.Locale;

/** Why an order did not fill, or not in full. */
public enum RejectReason {
    /** A buy whose fill price (with slippage) is at or above the day's limit-up price. */
    LIMIT_UP,
    /** A sell whose fill price (with slippage) is at or below the day's limit-down price. */
    LIMIT_DOWN,
    /** No bar that day, or a bar with zero volume; also a target on a stock with no price yet. */
    SUSPENDED,
    /** Shares bought that day cannot be sold the same day. */
    T_PLUS_1,
    /** The order rounds to less than the board's minimum lot, or exceeds its maximum order size. */
    LOT_SIZE,
    /** Not enough cash after the day's sells: the order was cut or dropped. */
    CASH;

    /** The code written to rejections.csv, e.g. {@code limit_up}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
