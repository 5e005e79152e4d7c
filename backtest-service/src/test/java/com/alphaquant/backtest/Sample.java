package com.alphaquant.backtest;

import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.market.Bar;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.IndexWeight;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.ExchangeLimitCsv;
import com.alphaquant.market.rules.LimitCrossCheck.ExchangeLimit;
import com.alphaquant.market.csv.IndexWeightCsv;
import com.alphaquant.market.synthetic.IndexWeightGenerator;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real Tushare sample in the repository's {@code data/sample} ({@link SampleData}: tests
 * fail loudly, rather than skip, without it), read once per test JVM the way the CLI reads its files.
 */
public final class Sample {

    public static final String BARS = "daily_raw_adj_300_20180102_20221220.csv.gz";
    public static final String INDEX = "index_daily_2018_2026.csv.gz";
    public static final String STOCK_BASIC = "stock_basic_350.csv.gz";
    public static final String TRADE_CAL = "trade_cal_SSE_derived_20160101_20260318.csv.gz";
    public static final String NAMECHANGE = SampleData.NAMECHANGE;
    public static final TsCode CSI300 = TsCode.of("000300.SH");

    private static Map<TsCode, List<Bar>> stocks;
    private static Map<TsCode, List<Bar>> indices;
    private static List<StockBasic> basics;
    private static TradingCalendar calendar;
    private static StHistory stHistory;
    private static List<IndexWeight> indexWeights;
    private static List<ExchangeLimit> exchangeLimits;

    private Sample() {
    }

    /** The sample folder. */
    public static Path dir() {
        return SampleData.dir();
    }

    public static synchronized Map<TsCode, List<Bar>> stocks() {
        if (stocks == null) {
            stocks = byCode(BarCsv.read(dir().resolve(BARS)));
        }
        return stocks;
    }

    public static synchronized Map<TsCode, List<Bar>> indices() {
        if (indices == null) {
            indices = byCode(BarCsv.read(dir().resolve(INDEX)));
        }
        return indices;
    }

    public static synchronized List<StockBasic> basics() {
        if (basics == null) {
            basics = StockBasicCsv.read(dir().resolve(STOCK_BASIC));
        }
        return basics;
    }

    public static synchronized TradingCalendar calendar() {
        if (calendar == null) {
            calendar = TradeCalCsv.read(dir().resolve(TRADE_CAL));
        }
        return calendar;
    }

    /** The sample's ST history (Tushare namechange). */
    public static synchronized StHistory stHistory() {
        if (stHistory == null) {
            stHistory = NameChangeCsv.history(dir().resolve(NAMECHANGE));
        }
        return stHistory;
    }

    /** The synthetic CSI 300 constituents of the sample's {@code synthetic/} folder (not Tushare data). */
    public static synchronized List<IndexWeight> indexWeights() {
        if (indexWeights == null) {
            indexWeights = IndexWeightCsv.read(dir().resolve(IndexWeightGenerator.FIXTURE));
        }
        return indexWeights;
    }

    /** The synthetic exchange limit prices (stk_limit) of 30 sample stocks, 2021-01-04 to 2022-12-20 (not Tushare data). */
    public static synchronized List<ExchangeLimit> exchangeLimits() {
        if (exchangeLimits == null) {
            exchangeLimits = ExchangeLimitCsv.read(dir().resolve(SampleData.SYNTHETIC_STK_LIMIT));
        }
        return exchangeLimits;
    }

    /** A panel of the given stocks with the CSI 300, built as the CLI builds it (whole calendar, whole files). */
    public static BarPanel panel(Collection<TsCode> codes) {
        List<Bar> bars = new ArrayList<>();
        for (TsCode c : codes) {
            bars.addAll(stocks().get(c));
        }
        Map<TsCode, java.time.LocalDate> listDates = new HashMap<>();
        basics().forEach(b -> listDates.putIfAbsent(b.tsCode(), b.listDate()));
        return BarPanel.of(calendar(), bars, listDates::get, stHistory(), indices().get(CSI300), CSI300);
    }

    public static Set<TsCode> codes() {
        return stocks().keySet();
    }

    private static Map<TsCode, List<Bar>> byCode(List<Bar> bars) {
        Map<TsCode, List<Bar>> map = new HashMap<>();
        for (Bar b : bars) {
            map.computeIfAbsent(b.tsCode(), c -> new ArrayList<>()).add(b);
        }
        map.values().forEach(l -> l.sort(java.util.Comparator.comparing(Bar::tradeDate)));
        return map;
    }
}
