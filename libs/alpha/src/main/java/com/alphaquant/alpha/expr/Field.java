package com.alphaquant.alpha.expr;

import java.util.Locale;

/**
 * The bar fields a formula reads, row by row on the stock's own bars. Prices are forward-adjusted
 * (raw × adj_factor_rel, as the factor engine reads them); volume and amount are as Tushare gives
 * them (lots of 100 shares, thousands of CNY).
 */
public enum Field {
    OPEN(Dim.PRICE, Signedness.POSITIVE),
    HIGH(Dim.PRICE, Signedness.POSITIVE),
    LOW(Dim.PRICE, Signedness.POSITIVE),
    CLOSE(Dim.PRICE, Signedness.POSITIVE),
    /** amount·10 / vol (CNY per share), adjusted like the other prices; missing when nothing traded. */
    VWAP(Dim.PRICE, Signedness.POSITIVE),
    VOLUME(Dim.VOLUME, Signedness.NON_NEGATIVE),
    AMOUNT(Dim.AMOUNT, Signedness.NON_NEGATIVE),
    /** ln(c / c₋₁) of adjusted closes, missing on a stock's first bar: the factor RET. */
    RETURNS(Dim.NONE, Signedness.ANY);

    private final Dim dim;
    private final Signedness signedness;
    private final String symbol;

    Field(Dim dim, Signedness signedness) {
        this.dim = dim;
        this.signedness = signedness;
        this.symbol = name().toLowerCase(Locale.ROOT);
    }

    public Dim dim() {
        return dim;
    }

    public Signedness signedness() {
        return signedness;
    }

    /** The name formulas use: {@code close}. */
    public String symbol() {
        return symbol;
    }

    /** The field called {@code symbol}, or null. */
    static Field bySymbol(String symbol) {
        for (Field f : values()) {
            if (f.symbol.equals(symbol)) {
                return f;
            }
        }
        return null;
    }
}
