/**
 * The REST API of backtest-service: {@code /api/backtests} (jobs, results as JSON or CSV) and
 * {@code /api/backtests/optimize} (parameter grids). Controllers translate HTTP to jobs and back.
 */
package com.alphaquant.backtest.api;
