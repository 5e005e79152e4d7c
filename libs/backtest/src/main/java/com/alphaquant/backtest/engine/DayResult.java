package com.alphaquant.backtest.engine;

import java.time.LocalDate;
import java.util.List;

/** One stepped day: the marks at its close, and the fills and rejections of that day. */
public record DayResult(LocalDate date, long cashCents, long marketValueCents, List<Fill> fills, List<Rejection> rejections) {

    public double cash() {
        return cashCents / 100.0;
    }

    public double marketValue() {
        return marketValueCents / 100.0;
    }

    public double equity() {
        return (cashCents + marketValueCents) / 100.0;
    }
}
