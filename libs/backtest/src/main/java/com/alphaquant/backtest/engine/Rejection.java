package com.alphaquant.backtest.engine;

import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.Side;
import java.time.LocalDate;

/** An order, or the part of one, that did not fill on {@code date}. */
public record Rejection(LocalDate date, TsCode code, Side side, double shares, RejectReason reason) {}
