package com.alphaquant.strategy.risk;

/**
 * A position as the risk manager sees it: its current weight, the weight the strategy wants for
 * it, entry price, the highest close since entry and the latest close (all on the same price
 * basis, e.g. forward-adjusted).
 *
 * @param weight     the weight held now: the target after every risk rule (what max_single_trade
 *                   measures a day's change against)
 * @param baseWeight the strategy's desired weight: its target after signals, stops and max_position,
 *                   before volatility targeting, the exposure cap and the one-day trade limit (what a
 *                   HOLD carries on, so those are applied once to it rather than compounded on the
 *                   scaled weight); 0 for a holding being sold down
 */
public record Holding(String tsCode, double weight, double baseWeight, double entryPrice, double highestClose,
                      double lastClose) {

    public Holding {
        if (!(baseWeight >= 0) || Double.isInfinite(baseWeight)) {
            throw new IllegalArgumentException("Holding " + tsCode + " has desired weight " + baseWeight + ": must be finite and >= 0");
        }
    }

    /** A holding whose desired weight is the weight held (a book stored before desired weights were). */
    public Holding(String tsCode, double weight, double entryPrice, double highestClose, double lastClose) {
        this(tsCode, weight, weight, entryPrice, highestClose, lastClose);
    }
}
