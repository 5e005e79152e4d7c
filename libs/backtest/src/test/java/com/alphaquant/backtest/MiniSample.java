package com.alphaquant.backtest;

import com.alphaquant.market.csv.SampleData;

import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 30-stock real sample (2021-01-04 … 2022-12-20), read once per test JVM. */
public final class MiniSample {

    public static final String BARS = "mini_raw_adj_30_20210104_20221220.csv.gz";
    public static final String INDEX = "index_daily_2018_2026.csv.gz";
    public static final String STOCK_BASIC = "stock_basic_350.csv.gz";
    public static final String TRADE_CAL = "trade_cal_SSE_derived_20160101_20260318.csv.gz";
    public static final TsCode CSI300 = TsCode.of("000300.SH");

    private static List<Bar> bars;
    private static List<Bar> index;
    private static Map<TsCode, StockBasic> basics;
    private static TradingCalendar calendar;
    private static BarPanel panel;

    private MiniSample() {
    }

    public static synchronized List<Bar> bars() {
        if (bars == null) {
            bars = BarCsv.read(SampleData.file(BARS));
        }
        return bars;
    }

    public static synchronized List<Bar> index() {
        if (index == null) {
            index = BarCsv.read(SampleData.file(INDEX));
        }
        return index;
    }

    public static synchronized Map<TsCode, StockBasic> basics() {
        if (basics == null) {
            basics = StockBasicCsv.read(SampleData.file(STOCK_BASIC)).stream()
                    .collect(Collectors.toMap(StockBasic::tsCode, Function.identity()));
        }
        return basics;
    }

    public static synchronized TradingCalendar calendar() {
        if (calendar == null) {
            calendar = TradeCalCsv.read(SampleData.file(TRADE_CAL));
        }
        return calendar;
    }

    public static LocalDate listDate(TsCode code) {
        StockBasic b = basics().get(code);
        return b == null ? null : b.listDate();
    }

    /** All 30 stocks with the CSI 300 as benchmark. */
    public static synchronized BarPanel panel() {
        if (panel == null) {
            panel = BarPanel.of(calendar(), bars(), MiniSample::listDate, (c, d) -> false, index(), CSI300);
        }
        return panel;
    }
}
