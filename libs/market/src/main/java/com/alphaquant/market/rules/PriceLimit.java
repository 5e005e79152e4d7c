package com.alphaquant.market.rules;

/**
 * The band a day's price may move in, as fractions of the previous close: {@code up} 0.10 and
 * {@code down} 0.10 for the main board. Day-one limits of older listings are asymmetric
 * (+44% / −36%). {@link #NONE} is a day without limits (the first days of a new listing).
 */
public record PriceLimit(double up, double down) {

    public static final PriceLimit NONE = new PriceLimit(Double.POSITIVE_INFINITY, 1.0);

    public PriceLimit {
        if (!(up > 0) || !(down > 0) || down > 1) {
            throw new IllegalArgumentException("Price limit needs up > 0 and 0 < down <= 1, got up=" + up + " down=" + down);
        }
    }

    public static PriceLimit symmetric(double fraction) {
        return new PriceLimit(fraction, fraction);
    }

    public boolean isLimited() {
        return this != NONE && Double.isFinite(up);
    }

    /** The highest price allowed: pre_close × (1 + up), rounded half-up to 0.01 CNY. */
    public double limitUpPrice(double preClose) {
        return isLimited() ? Prices.roundHalfUpToCent(preClose * (1 + up)) : Double.POSITIVE_INFINITY;
    }

    /** The lowest price allowed: pre_close × (1 − down), rounded half-up to 0.01 CNY. */
    public double limitDownPrice(double preClose) {
        return isLimited() ? Prices.roundHalfUpToCent(preClose * (1 - down)) : 0.0;
    }
}
