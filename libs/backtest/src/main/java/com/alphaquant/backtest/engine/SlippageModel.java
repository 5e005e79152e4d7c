package com.alphaquant.backtest.engine;

/**
 * Slippage of SPEC section 2, per share: {@code price × min(base + impact·sqrt(order/volume), cap)},
 * with {@code order} the order's shares and {@code volume} the fill day's volume in shares.
 * Defaults: 1 bp base, impact coefficient 0.1, cap 1% of price. SPEC is silent on what the cap
 * covers; it caps the whole slippage (base and impact together), so no fill is more than 1% off
 * the reference price.
 */
public record SlippageModel(double base, double impact, double cap) {

    public static final SlippageModel DEFAULT = new SlippageModel(0.0001, 0.1, 0.01);
    public static final SlippageModel NONE = new SlippageModel(0, 0, 0);

    public SlippageModel {
        if (!(base >= 0 && base < 0.1) || !(impact >= 0 && impact <= 10) || !(cap >= 0 && cap < 0.5)) {
            throw new IllegalArgumentException("Slippage needs 0 <= base < 0.1, 0 <= impact <= 10 and 0 <= cap < 0.5; got base="
                    + base + " impact=" + impact + " cap=" + cap);
        }
    }

    public SlippageModel withBase(double newBase) {
        return new SlippageModel(newBase, impact, cap);
    }

    /** The slippage per share in CNY of an order of {@code orderShares} at {@code price}. */
    public double perShare(double price, double orderShares, double dayVolumeShares) {
        double participation = dayVolumeShares > 0 ? orderShares / dayVolumeShares : 1.0;
        double fraction = Math.min(base + impact * Math.sqrt(participation), cap);
        return price * fraction;
    }
}
