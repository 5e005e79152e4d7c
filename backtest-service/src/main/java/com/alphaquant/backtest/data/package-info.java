/**
 * Market data for backtests: the {@link com.alphaquant.backtest.data.BarSource} interface with
 * data-service's API and the sample CSVs behind it, and {@link com.alphaquant.backtest.data.MarketData},
 * which turns a run's parameters into a bar panel.
 */
package com.alphaquant.backtest.data;
