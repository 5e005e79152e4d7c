package com.alphaquant.factor;

import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.market.Bar;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.panel.InMemoryPanelSource;
import com.alphaquant.support.panel.PanelSample;
import java.nio.file.Path;
import java.util.List;

/**
 * The real 30-stock sample of service-support's {@link PanelSample} (its bars, ST history,
 * northbound flow and whole-history factor values), checked here through the service's
 * {@link StockFactors}.
 */
public final class Sample {

    public static final Path BARS = PanelSample.BARS;
    public static final Path INDEX = PanelSample.INDEX;
    public static final List<Bar> STOCK_BARS = PanelSample.STOCK_BARS;
    public static final List<Bar> INDEX_BARS = PanelSample.INDEX_BARS;
    public static final StHistory ST = PanelSample.ST;
    public static final MarketSeries NORTH = PanelSample.NORTH;
    public static final List<TsCode> CODES = PanelSample.CODES;

    private Sample() {
    }

    public static InMemoryPanelSource source() {
        return PanelSample.source();
    }

    public static double expected(int f, TsCode code, int date) {
        return PanelSample.expected(f, code, date);
    }

    public static int[] dates(TsCode code, int from, int to) {
        return PanelSample.dates(code, from, to);
    }

    /** The stock's values against the whole history's ({@link PanelSample#assertMatchesWholeHistory}). */
    public static void assertMatchesWholeHistory(StockFactors actual, double relative) {
        PanelSample.assertMatchesWholeHistory(actual.code(), actual.dates(), actual.values(), relative);
    }
}
