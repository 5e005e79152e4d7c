package com.alphaquant.backtest.store;

import java.time.LocalDate;

/** One day of a stored equity curve; cash and market value in exact cents, benchmark NaN without one. */
public record EquityRow(LocalDate tradeDate, long cashCents, long marketValueCents, double benchmark, double drawdown) {}
