package com.alphaquant.backtest.engine;

import com.alphaquant.backtest.strategy.History;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;

/** A read-only window on one series of the panel, ending at the cursor's day. */
final class PanelHistory implements History {

    private final BarPanel panel;
    private final Cursors cursors;
    private final int s;
    private final TsCode code;

    PanelHistory(BarPanel panel, Cursors cursors, int series, TsCode code) {
        this.panel = panel;
        this.cursors = cursors;
        this.s = series;
        this.code = code;
    }

    private int row(int i) {
        if (i < 0 || i >= cursors.upTo(s)) {
            throw new IndexOutOfBoundsException("Bar " + i + " of " + code + " is not visible on "
                    + panel.days[cursors.today()] + " (" + cursors.upTo(s) + " bars so far)");
        }
        return i;
    }

    @Override
    public TsCode code() {
        return code;
    }

    @Override
    public int size() {
        return cursors.upTo(s);
    }

    @Override
    public LocalDate date(int i) {
        return panel.days[panel.day[s][row(i)]];
    }

    @Override
    public double open(int i) {
        return panel.open[s][row(i)];
    }

    @Override
    public double high(int i) {
        return panel.high[s][row(i)];
    }

    @Override
    public double low(int i) {
        return panel.low[s][row(i)];
    }

    @Override
    public double close(int i) {
        return panel.close[s][row(i)];
    }

    @Override
    public double preClose(int i) {
        return panel.preClose[s][row(i)];
    }

    @Override
    public double vol(int i) {
        return panel.vol[s][row(i)];
    }

    @Override
    public double amount(int i) {
        return panel.amount[s][row(i)];
    }

    @Override
    public double adjFactor(int i) {
        return panel.adj[s][row(i)];
    }

    @Override
    public boolean tradedToday() {
        return cursors.rowToday(s) >= 0;
    }
}
