/** Performance metrics of a daily equity series against a benchmark (SPEC section 5). */
package com.alphaquant.backtest.metrics;
