package com.alphaquant.support.panel;

import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.market.Bar;
import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Where the factor engine's inputs come from (what {@link PanelLoader} asks for): data-service's
 * API in the services, the real sample files in tests and in the offline demo. Not libs/backtest's
 * BarSource, which serves one stock at a time with the calendar and limits a simulation needs.
 *
 * <p>Bars carry raw prices and an adjustment factor such that raw × adjFactor is a forward- or
 * back-adjusted price: any constant multiple will do, because every factor is a ratio of
 * prices (SPEC §3 qfq is "adj_factor / its latest value", a constant per stock). A NaN factor
 * is filled from the stock's previous bar by the loader.
 */
public interface PanelSource {

    /** The stocks {@code ts_codes=all} means, with their listing dates where known. */
    List<Security> securities();

    /** Daily bars of {@code codes} with trade dates in [from, to], in any order. */
    List<Bar> stockBars(Collection<TsCode> codes, LocalDate from, LocalDate to);

    /** Bars of the benchmark index (000300.SH) in [from, to], for RS20. */
    List<Bar> benchmarkBars(LocalDate from, LocalDate to);

    /** {@code moneyflow_hsgt.north_money} by date, NaN where unpublished; null when the source has none. */
    default MarketSeries northFlow(LocalDate from, LocalDate to) {
        return null;
    }

    /**
     * Which stocks bore an ST name on which days of [from, to] (Tushare namechange): the price
     * bands LIMIT_NET20 counts closes against depend on it (SPEC section 1).
     */
    StHistory stHistory(LocalDate from, LocalDate to);

    /**
     * The stocks' industries through time (Shenwan L1 from data-service), for factor evaluation by
     * industry; default: none.
     */
    default IndustryClassification industries() {
        return IndustryClassification.NONE;
    }

    /** A listed stock; {@code listDate} null when unknown. */
    record Security(TsCode code, LocalDate listDate) {
    }
}
