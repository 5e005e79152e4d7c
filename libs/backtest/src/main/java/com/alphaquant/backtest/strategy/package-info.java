/**
 * How a strategy plugs into the backtest: {@link com.alphaquant.backtest.strategy.Strategy}
 * maps what is known after the close of day t ({@link com.alphaquant.backtest.strategy.MarketView}:
 * each stock's bars up to t, the calendar, the portfolio) to target weights. The interface and
 * its view depend only on {@code libs/market}, so a strategy written against them (the shipped
 * {@code target_weights} and {@code buy_and_hold}, a later {@code multi_factor}) runs unchanged
 * in the engine, and the types can move to {@code libs/strategy} without a change.
 */
package com.alphaquant.backtest.strategy;
