/** The model sub-score of multi_factor backtests: model-service's predictions, one call per decision day. */
package com.alphaquant.backtest.model;
