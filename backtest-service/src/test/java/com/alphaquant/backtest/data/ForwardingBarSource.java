package com.alphaquant.backtest.data;

import com.alphaquant.market.Bar;
import com.alphaquant.market.IndexWeight;
import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.LimitCrossCheck.ExchangeLimit;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A source answering as {@link #data()} does: tests override the one answer they change. */
interface ForwardingBarSource extends BarSource {

    BarSource data();

    @Override
    default String describe() {
        return data().describe();
    }

    @Override
    default TradingCalendar calendar(LocalDate from, LocalDate to) {
        return data().calendar(from, to);
    }

    @Override
    default Map<TsCode, LocalDate> listDates() {
        return data().listDates();
    }

    @Override
    default List<Bar> bars(TsCode stock, LocalDate from, LocalDate to) {
        return data().bars(stock, from, to);
    }

    @Override
    default List<Bar> indexBars(TsCode index, LocalDate from, LocalDate to) {
        return data().indexBars(index, from, to);
    }

    @Override
    default StHistory stHistory(LocalDate from, LocalDate to) {
        return data().stHistory(from, to);
    }

    @Override
    default List<IndexWeight> indexWeights(TsCode index, LocalDate from, LocalDate to) {
        return data().indexWeights(index, from, to);
    }

    @Override
    default IndustryClassification industries() {
        return data().industries();
    }

    @Override
    default List<ExchangeLimit> exchangeLimits(Collection<TsCode> stocks, LocalDate from, LocalDate to) {
        return data().exchangeLimits(stocks, from, to);
    }
}
