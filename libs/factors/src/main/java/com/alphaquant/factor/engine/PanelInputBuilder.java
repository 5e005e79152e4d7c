package com.alphaquant.factor.engine;

import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.StockBasic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/** Turns bars (as the CSV readers and the data service produce them) into a {@link PanelInput}. */
public final class PanelInputBuilder {

    private final List<Bar> bars = new ArrayList<>();
    private final Map<TsCode, LocalDate> listDates = new HashMap<>();
    private BiPredicate<TsCode, LocalDate> st;
    private MarketSeries benchmark;
    private MarketSeries northFlow;
    private TradingCalendar calendar;

    PanelInputBuilder() {
    }

    /** Stock bars in any order; one {@link StockSeries} per ts_code, stocks in code order. */
    public PanelInputBuilder bars(Collection<Bar> stockBars) {
        bars.addAll(stockBars);
        return this;
    }

    /** Index bars; the closes of {@link PanelInput#BENCHMARK} among them become the benchmark. */
    public PanelInputBuilder benchmarkBars(Collection<Bar> indexBars) {
        List<Bar> csi300 = indexBars.stream().filter(b -> b.tsCode().equals(PanelInput.BENCHMARK)).toList();
        if (csi300.isEmpty()) {
            throw new IllegalArgumentException("No bar of the benchmark " + PanelInput.BENCHMARK + " among "
                    + indexBars.size() + " index bars");
        }
        benchmark = MarketSeries.closes(csi300);
        return this;
    }

    public PanelInputBuilder benchmark(MarketSeries closes) {
        benchmark = closes;
        return this;
    }

    public PanelInputBuilder northFlow(MarketSeries flow) {
        northFlow = flow;
        return this;
    }

    public PanelInputBuilder listDates(Map<TsCode, LocalDate> dates) {
        listDates.putAll(dates);
        return this;
    }

    public PanelInputBuilder stockBasics(Collection<StockBasic> basics) {
        basics.forEach(b -> listDates.put(b.tsCode(), b.listDate()));
        return this;
    }

    /** Whether a stock was ST on a day, from namechange / stock_st history (default: never). */
    public PanelInputBuilder st(BiPredicate<TsCode, LocalDate> stOn) {
        st = stOn;
        return this;
    }

    public PanelInputBuilder calendar(TradingCalendar tradingCalendar) {
        calendar = tradingCalendar;
        return this;
    }

    public PanelInput build() {
        Map<TsCode, List<Bar>> byCode = new TreeMap<>();
        for (Bar bar : bars) {
            byCode.computeIfAbsent(bar.tsCode(), c -> new ArrayList<>()).add(bar);
        }
        List<StockSeries> stocks = new ArrayList<>(byCode.size());
        byCode.forEach((code, list) -> stocks.add(series(code, list)));
        return new PanelInput(stocks, benchmark, northFlow, calendar);
    }

    private StockSeries series(TsCode code, List<Bar> list) {
        list.sort(Comparator.comparing(Bar::tradeDate));
        int n = list.size();
        int[] dates = new int[n];
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n];
        double[] preClose = new double[n], vol = new double[n], amount = new double[n], adj = new double[n];
        boolean[] stFlags = st == null ? null : new boolean[n];
        boolean anySt = false;
        for (int i = 0; i < n; i++) {
            Bar b = list.get(i);
            dates[i] = DateInts.of(b.tradeDate());
            open[i] = b.open();
            high[i] = b.high();
            low[i] = b.low();
            close[i] = b.close();
            preClose[i] = b.preClose();
            vol[i] = b.vol();
            amount[i] = b.amount();
            adj[i] = b.adjFactor();
            if (stFlags != null && st.test(code, b.tradeDate())) {
                stFlags[i] = true;
                anySt = true;
            }
        }
        return new StockSeries(code, Board.of(code), listDates.get(code), dates, open, high, low, close, preClose,
                vol, amount, adj, anySt ? stFlags : null);
    }
}
