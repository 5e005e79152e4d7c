package com.alphaquant.alpha.expr;

/**
 * Along which axes of the panel a formula can vary. A formula must vary across stocks to be
 * ranked or correlated with returns; a time-series statistic of a constant and a
 * cross-sectional statistic of a market-wide series are constants, so the rules refuse them.
 */
public enum Variation {
    /** A number: the same everywhere. */
    CONSTANT,
    /** The same for every stock on a day, varying in time (NORTH_FLOW_Z). */
    MARKET,
    /** Varies across stocks. */
    STOCK;

    /** What a combination of the two varies along. */
    public Variation with(Variation other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
