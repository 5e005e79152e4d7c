package com.alphaquant.backtest.engine;

import com.alphaquant.backtest.strategy.History;
import com.alphaquant.backtest.strategy.MarketView;
import com.alphaquant.backtest.strategy.PortfolioView;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;

/** The engine's {@link MarketView}: the panel up to the cursors' day and the run's portfolio. */
final class PanelView implements MarketView {

    private final BarPanel panel;
    private final Cursors cursors;
    private final PortfolioView portfolio;
    private final PanelHistory[] histories;
    private final PanelHistory benchmark;

    PanelView(BarPanel panel, Cursors cursors, PortfolioView portfolio) {
        this.panel = panel;
        this.cursors = cursors;
        this.portfolio = portfolio;
        this.histories = new PanelHistory[panel.stockCount()];
        int b = panel.benchmarkSeries();
        this.benchmark = b < 0 ? null : new PanelHistory(panel, cursors, b, panel.benchmarkCode);
    }

    @Override
    public LocalDate date() {
        return panel.days[cursors.today()];
    }

    @Override
    public TradingCalendar calendar() {
        return panel.calendar;
    }

    @Override
    public int stockCount() {
        return panel.stockCount();
    }

    @Override
    public TsCode code(int stock) {
        return panel.codes[stock];
    }

    @Override
    public int indexOf(TsCode code) {
        return panel.indexOf(code);
    }

    @Override
    public History history(int stock) {
        PanelHistory h = histories[stock];
        if (h == null) {
            h = new PanelHistory(panel, cursors, stock, panel.codes[stock]);
            histories[stock] = h;
        }
        return h;
    }

    @Override
    public History benchmark() {
        return benchmark;
    }

    @Override
    public PortfolioView portfolio() {
        return portfolio;
    }
}
