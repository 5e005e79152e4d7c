package com.alphaquant.factor.engine;

import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import java.util.List;

/**
 * What the engine needs for a panel: each stock's bars, the benchmark index's closes (RS20), the
 * northbound net flow (NORTH_FLOW_Z) and the exchange calendar (sessions since listing, for the
 * listing-day limit rules of LIMIT_NET20).
 *
 * @param benchmarkClose closes of {@link #BENCHMARK} by date; null: RS20 is NaN
 * @param northFlow      {@code moneyflow_hsgt.north_money} by date, NaN where not published;
 *                       null: NORTH_FLOW_Z is NaN
 * @param calendar       null: sessions since listing are counted on the stock's own bars when
 *                       they start on the listing date, else the stock counts as seasoned
 */
public record PanelInput(List<StockSeries> stocks, MarketSeries benchmarkClose, MarketSeries northFlow,
                         TradingCalendar calendar) {

    /** SPEC section 3: RS20 is relative to the CSI 300. */
    public static final TsCode BENCHMARK = TsCode.of("000300.SH");

    public PanelInput {
        stocks = List.copyOf(stocks);
    }

    public static PanelInputBuilder builder() {
        return new PanelInputBuilder();
    }

    /** The most rows any stock has: the size of the engine's per-thread buffers. */
    public int maxRows() {
        int max = 0;
        for (StockSeries s : stocks) {
            max = Math.max(max, s.size());
        }
        return max;
    }
}
