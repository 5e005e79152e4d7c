package com.alphaquant.strategy.book;

import com.alphaquant.backtest.data.BarSource;
import com.alphaquant.backtest.data.MarketData;
import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The panel a live book steps a day on: the bars of the stocks it holds, has ordered or is about
 * to target, from the book's start to the day (so a long-suspended holding still has its last
 * close, and every bar its previous one for the corporate action check), the benchmark, the
 * exchange's limit prices and the ST history that set the rule book's, as a backtest loads them
 * ({@code MarketData}).
 */
final class LivePanels {

    private final BarSource source;
    private final TsCode benchmark;

    LivePanels(BarSource source, TsCode benchmark) {
        this.source = source;
        this.benchmark = benchmark;
    }

    BarPanel panel(Collection<TsCode> stocks, LocalDate from, LocalDate day) {
        TradingCalendar calendar = source.calendar(from.minusDays(MarketData.CALENDAR_LEAD_DAYS), day.plusDays(30));
        Map<TsCode, LocalDate> listDates = source.listDates();
        BarPanel.Builder panel = BarPanel.builder(calendar, from, day).st(source.stHistory(from, day))
                .exchangeLimits(source.exchangeLimits(stocks, from, day));
        for (TsCode code : stocks) {
            LocalDate listed = listDates.get(code);
            if (listed == null) {
                throw new IllegalStateException(code + " is not among " + source.describe() + "'s securities");
            }
            panel.addStock(code, listed, source.bars(code, from, day));
        }
        List<Bar> index = source.indexBars(benchmark, from, day);
        if (!index.isEmpty()) {
            panel.benchmark(benchmark, index);
        }
        return panel.build();
    }

    /** The benchmark's close on the day or the last before it in the panel, null when none. */
    static Double benchmarkClose(BarPanel panel, LocalDate day) {
        Double close = null;
        for (Bar b : panel.benchmarkBars()) {
            if (!b.tradeDate().isAfter(day)) {
                close = b.close();
            }
        }
        return close;
    }

    /** A stock's last raw close on or before the day, NaN when it has no bar. */
    static double lastClose(BarPanel panel, TsCode code, LocalDate day) {
        double close = Double.NaN;
        for (Bar b : panel.stockBars(panel.indexOf(code))) {
            if (!b.tradeDate().isAfter(day)) {
                close = b.close();
            }
        }
        return close;
    }
}
