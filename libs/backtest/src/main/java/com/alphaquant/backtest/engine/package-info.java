/**
 * The A-share backtest engine (SPEC sections 2 and 2b): {@link com.alphaquant.backtest.engine.BarPanel}
 * indexes bars into primitive arrays with precomputed limit prices,
 * {@link com.alphaquant.backtest.engine.BacktestEngine} runs a
 * {@link com.alphaquant.backtest.strategy.Strategy} over it day by day, and
 * {@link com.alphaquant.backtest.engine.BacktestResult} holds equity, fills and rejections.
 * Pure Java, no framework.
 */
package com.alphaquant.backtest.engine;
