package com.alphaquant.factor.engine;

import com.alphaquant.market.Bar;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import java.util.Comparator;
import java.util.List;

/** The real 30-stock sample and its reference data, read once per test JVM. */
final class MiniSample {

    static final List<Bar> BARS = BarCsv.read(SampleData.file("mini_raw_adj_30_20210104_20221220.csv.gz"));
    /** 000300.SH, in date order. */
    static final List<Bar> CSI300 = BarCsv.read(SampleData.file("index_daily_2018_2026.csv.gz")).stream()
            .filter(b -> b.tsCode().equals(PanelInput.BENCHMARK))
            .sorted(Comparator.comparing(Bar::tradeDate)).toList();
    static final List<StockBasic> BASICS = StockBasicCsv.read(SampleData.file("stock_basic_350.csv.gz"));
    /** The real name history (000792.SZ of the 30 was *ST until 2021-08-09, while suspended: no ST bar). */
    static final StHistory ST = NameChangeCsv.history(SampleData.file(SampleData.NAMECHANGE));
    static final TradingCalendar CALENDAR =
            TradeCalCsv.read(SampleData.file("trade_cal_SSE_derived_20160101_20260318.csv.gz"));

    private MiniSample() {
    }
}
