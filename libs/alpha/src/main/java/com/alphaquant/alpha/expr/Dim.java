package com.alphaquant.alpha.expr;

/**
 * A formula's physical dimension as exponents of two base quantities: price (CNY per share)
 * and volume (shares). Amount (CNY traded) is price × volume; a ratio of like quantities, a
 * return, a rank or any of the 24 factors is dimensionless. Units (lots, thousands of CNY) do
 * not matter here: a unit changes a value by a constant factor, which leaves the dimension, and
 * every rank or correlation, as it is.
 */
public record Dim(int price, int volume) {

    public static final Dim NONE = new Dim(0, 0);
    public static final Dim PRICE = new Dim(1, 0);
    public static final Dim VOLUME = new Dim(0, 1);
    public static final Dim AMOUNT = new Dim(1, 1);

    public Dim times(Dim other) {
        return new Dim(price + other.price, volume + other.volume);
    }

    public Dim over(Dim other) {
        return new Dim(price - other.price, volume - other.volume);
    }

    public boolean isNone() {
        return price == 0 && volume == 0;
    }

    /** "price", "volume", "amount", "dimensionless", or e.g. "price^2·volume^-1". */
    @Override
    public String toString() {
        if (isNone()) {
            return "dimensionless";
        }
        if (equals(AMOUNT)) {
            return "amount";
        }
        String p = power("price", price);
        String v = power("volume", volume);
        return p.isEmpty() ? v : v.isEmpty() ? p : p + "·" + v;
    }

    private static String power(String base, int exponent) {
        return exponent == 0 ? "" : exponent == 1 ? base : base + "^" + exponent;
    }
}
