/**
 * The parameters of a backtest run, checked once for every front end (CLI options, service JSON):
 * {@link com.alphaquant.backtest.spec.BacktestSpec}.
 */
package com.alphaquant.backtest.spec;
