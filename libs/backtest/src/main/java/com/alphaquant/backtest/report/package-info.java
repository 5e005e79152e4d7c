/** The backtest's output contract: trades.csv, equity.csv, rejections.csv and metrics.json. */
package com.alphaquant.backtest.report;
