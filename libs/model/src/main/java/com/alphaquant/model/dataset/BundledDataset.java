package com.alphaquant.model.dataset;

import com.alphaquant.factor.engine.NorthFlowCsv;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.market.Bar;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.StockBasic;
import java.time.LocalDate;
import java.util.Collection;
import java.util.function.BiPredicate;

/**
 * Data sets from the repository's real sample ({@code data/sample}, found by {@link SampleData}):
 * what {@code alphaquant train} reads when it is given no bars. By default the 300 CSI-300 stocks,
 * 2018-01-02 to 2022-12-20, unadjusted with adj_factor_rel, with the sample's CSI 300, listing
 * dates, SSE calendar, ST history and northbound flow (to 2021-07-19).
 */
public final class BundledDataset {

    /** The sample's 300-stock bars file. */
    public static final String DEFAULT_BARS = SampleData.BARS_300;

    private BundledDataset() {
    }

    /** The 300-stock sample, samples dated within the spec's range. */
    public static Dataset build(DatasetSpec spec) {
        return build(spec, DEFAULT_BARS);
    }

    /** A bars file of the sample (e.g. {@link SampleData#BARS_MINI_30}), samples dated within the spec's range. */
    public static Dataset build(DatasetSpec spec, String barsFile) {
        return new DatasetBuilder(spec).build(panelInput(BarCsv.read(SampleData.file(barsFile))));
    }

    /** {@code stockBars} with the sample's index, listing dates, calendar, ST history and northbound flow. */
    public static PanelInput panelInput(Collection<Bar> stockBars) {
        return panelInput(stockBars, BarCsv.read(SampleData.file(SampleData.INDEX)));
    }

    /** As {@link #panelInput(Collection)}, with other index bars (they must hold 000300.SH). */
    public static PanelInput panelInput(Collection<Bar> stockBars, Collection<Bar> indexBars) {
        return panelInput(stockBars, indexBars, StockBasicCsv.read(SampleData.file(SampleData.STOCK_BASIC)),
                TradeCalCsv.read(SampleData.file(SampleData.TRADE_CAL)), NameChangeCsv.history(SampleData.file(SampleData.NAMECHANGE)));
    }

    /**
     * As {@link #panelInput(Collection, Collection)} with other listing dates, calendar and ST
     * history (a backtest's own files); the northbound flow is still the sample's, the only one there is.
     */
    public static PanelInput panelInput(Collection<Bar> stockBars, Collection<Bar> indexBars, Collection<StockBasic> basics,
                                        TradingCalendar calendar, BiPredicate<TsCode, LocalDate> st) {
        return PanelInput.builder().bars(stockBars)
                .benchmarkBars(indexBars)
                .stockBasics(basics)
                .calendar(calendar)
                .st(st)
                .northFlow(NorthFlowCsv.read(SampleData.file(SampleData.MONEYFLOW_HSGT)))
                .build();
    }
}
