package com.alphaquant.factor;

import com.alphaquant.factor.bars.InMemoryBarSource;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.factor.engine.NorthFlowCsv;
import com.alphaquant.factor.engine.FactorPanel;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.market.Bar;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.NameChangeCsv;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The real 30-stock sample (2021-01-04 … 2022-12-20) with 000300.SH, its ST history and the
 * northbound flow, and the
 * engine's own output over its whole history: what the service must reproduce through its plumbing.
 */
public final class Sample {

    public static final Path BARS = SampleData.file("mini_raw_adj_30_20210104_20221220.csv.gz");
    public static final Path INDEX = SampleData.file("index_daily_2018_2026.csv.gz");
    public static final List<Bar> STOCK_BARS = BarCsv.read(BARS);
    public static final List<Bar> INDEX_BARS = BarCsv.read(INDEX);
    /** The real name history (000792.SZ of the 30 was *ST until 2021-08-09, while suspended: no ST bar). */
    public static final StHistory ST = NameChangeCsv.history(SampleData.file(SampleData.NAMECHANGE));
    /** The real northbound flow (moneyflow_hsgt, to 2021-07-19): NORTH_FLOW_Z has values in the first half of 2021. */
    public static final MarketSeries NORTH = NorthFlowCsv.read(SampleData.file(SampleData.MONEYFLOW_HSGT));
    public static final FactorPanel WHOLE_HISTORY = new FactorEngine(FactorComputer.FACTORS, 2)
            .compute(PanelInput.builder().bars(STOCK_BARS).benchmarkBars(INDEX_BARS).st(ST).northFlow(NORTH).build());
    public static final List<TsCode> CODES = WHOLE_HISTORY.stocks().stream().map(s -> s.code()).toList();

    private Sample() {
    }

    public static InMemoryBarSource source() {
        return new InMemoryBarSource(STOCK_BARS, INDEX_BARS, ST, NORTH);
    }

    /** The whole-history value of factor {@code f} (registry index) for a stock on a date; NaN if none. */
    public static double expected(int f, TsCode code, int date) {
        int s = WHOLE_HISTORY.stockIndex(code);
        int row = Arrays.binarySearch(WHOLE_HISTORY.stocks().get(s).dates(), date);
        return row < 0 ? Double.NaN : WHOLE_HISTORY.values(f, s)[row];
    }

    /** The stock's whole-history dates in [from, to]. */
    public static int[] dates(TsCode code, int from, int to) {
        return Arrays.stream(WHOLE_HISTORY.stocks().get(WHOLE_HISTORY.stockIndex(code)).dates())
                .filter(d -> d >= from && d <= to).toArray();
    }

    /**
     * Asserts every value of {@code actual} equals the whole-history one to {@code relative}
     * (or 1e-12 absolute near zero), NaN exactly where it is NaN, on the same dates.
     */
    public static void assertMatchesWholeHistory(StockFactors actual, double relative) {
        int[] want = dates(actual.code(), actual.dates().length == 0 ? 0 : actual.dates()[0],
                actual.dates().length == 0 ? 0 : actual.dates()[actual.dates().length - 1]);
        if (!Arrays.equals(want, actual.dates())) {
            throw new AssertionError(actual.code() + ": dates differ");
        }
        for (int f = 0; f < FactorComputer.FACTORS.size(); f++) {
            for (int i = 0; i < actual.size(); i++) {
                double e = expected(f, actual.code(), actual.dates()[i]);
                double a = actual.values()[f][i];
                boolean ok = Double.isNaN(e) ? Double.isNaN(a)
                        : Math.abs(a - e) <= Math.max(1e-12, relative * Math.abs(e));
                if (!ok) {
                    throw new AssertionError(actual.code() + " " + DateInts.toLocalDate(actual.dates()[i]) + " "
                            + FactorComputer.FACTORS.get(f).name() + ": expected " + e + " got " + a);
                }
            }
        }
    }
}
