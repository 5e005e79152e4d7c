package com.alphaquant.backtest.strategy;

/**
 * A trading strategy: after the close of each trading day it sees the market up to that day and
 * either sets new target weights or keeps the portfolio as it is. The engine turns targets into
 * orders that fill on the next trading day (SPEC section 2b).
 *
 * <p>Weights are fractions of the portfolio's equity at that close, long only, summing to at
 * most 1; a stock left unset has weight 0, so holding it means selling it. A strategy never sees
 * a bar after {@link MarketView#date()}.
 */
@FunctionalInterface
public interface Strategy {

    /**
     * Decides after the close of {@code view.date()}.
     *
     * @param view   the market and the portfolio up to that close, read-only
     * @param target cleared before each call; write the weights to rebalance to
     * @return true to rebalance to {@code target}, false to keep the current holdings
     */
    boolean decide(MarketView view, TargetWeights target);

    /** The name recorded with the run. */
    default String name() {
        return getClass().getSimpleName();
    }
}
