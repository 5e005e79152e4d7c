/**
 * Market data for runs: the {@link com.alphaquant.backtest.data.BarSource} interface (data-service's
 * API in service-support, the sample CSVs in backtest-service) and
 * {@link com.alphaquant.backtest.data.MarketData}, which turns a run's parameters into a bar panel.
 * Shared by backtest-service's jobs and strategy-service's live book.
 */
package com.alphaquant.backtest.data;
