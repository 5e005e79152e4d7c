package com.alphaquant.support.panel;

import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.factor.engine.FactorDefinition;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorPanel;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.factor.engine.NorthFlowCsv;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.factor.engine.StockSeries;
import com.alphaquant.market.Bar;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.csv.SampleData;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The real 30-stock sample (2021-01-04 … 2022-12-20) with 000300.SH, its ST history and the
 * northbound flow, and the engine's own output over its whole history: what any loading of
 * part of it (with warm-up) must reproduce.
 */
public final class PanelSample {

    public static final List<FactorDefinition> FACTORS = FactorRegistry.all();
    public static final Path BARS = SampleData.file("mini_raw_adj_30_20210104_20221220.csv.gz");
    public static final Path INDEX = SampleData.file("index_daily_2018_2026.csv.gz");
    public static final List<Bar> STOCK_BARS = BarCsv.read(BARS);
    public static final List<Bar> INDEX_BARS = BarCsv.read(INDEX);
    /** The real name history (000792.SZ of the 30 was *ST until 2021-08-09, while suspended: no ST bar). */
    public static final StHistory ST = NameChangeCsv.history(SampleData.file(SampleData.NAMECHANGE));
    /** The real northbound flow (moneyflow_hsgt, to 2021-07-19): NORTH_FLOW_Z has values in the first half of 2021. */
    public static final MarketSeries NORTH = NorthFlowCsv.read(SampleData.file(SampleData.MONEYFLOW_HSGT));
    public static final FactorPanel WHOLE_HISTORY = new FactorEngine(FACTORS, 2)
            .compute(PanelInput.builder().bars(STOCK_BARS).benchmarkBars(INDEX_BARS).st(ST).northFlow(NORTH).build());
    public static final List<TsCode> CODES = WHOLE_HISTORY.stocks().stream().map(StockSeries::code).toList();

    private PanelSample() {
    }

    public static InMemoryPanelSource source() {
        return new InMemoryPanelSource(STOCK_BARS, INDEX_BARS, ST, NORTH);
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
     * Asserts that {@code values} (factor {@code f} of {@code code} on {@code dates}) equal the
     * whole-history ones to {@code relative} (or 1e-12 absolute near zero), NaN exactly where
     * they are NaN, and that {@code dates} are the stock's whole-history dates in their span.
     */
    public static void assertMatchesWholeHistory(TsCode code, int[] dates, double[][] values, double relative) {
        int[] want = dates(code, dates.length == 0 ? 0 : dates[0], dates.length == 0 ? 0 : dates[dates.length - 1]);
        if (!Arrays.equals(want, dates)) {
            throw new AssertionError(code + ": dates differ");
        }
        for (int f = 0; f < FACTORS.size(); f++) {
            for (int i = 0; i < dates.length; i++) {
                double e = expected(f, code, dates[i]);
                double a = values[f][i];
                boolean ok = Double.isNaN(e) ? Double.isNaN(a) : Math.abs(a - e) <= Math.max(1e-12, relative * Math.abs(e));
                if (!ok) {
                    throw new AssertionError(code + " " + DateInts.toLocalDate(dates[i]) + " " + FACTORS.get(f).name()
                            + ": expected " + e + " got " + a);
                }
            }
        }
    }

    /**
     * The engine on {@code input}, each stock's rows in [from, to] checked against the whole
     * history; returns how many stocks had rows there.
     */
    public static int assertEngineMatchesWholeHistory(PanelInput input, LocalDate from, LocalDate to, double relative) {
        FactorPanel panel = new FactorEngine(FACTORS, 2).compute(input);
        int lo = DateInts.of(from);
        int hi = DateInts.of(to);
        int stocks = 0;
        for (int s = 0; s < panel.stocks().size(); s++) {
            int[] all = panel.stocks().get(s).dates();
            int first = 0;
            while (first < all.length && all[first] < lo) {
                first++;
            }
            int end = first;
            while (end < all.length && all[end] <= hi) {
                end++;
            }
            if (end == first) {
                continue;
            }
            double[][] values = new double[FACTORS.size()][];
            for (int f = 0; f < values.length; f++) {
                values[f] = Arrays.copyOfRange(panel.values(f, s), first, end);
            }
            assertMatchesWholeHistory(panel.stocks().get(s).code(), Arrays.copyOfRange(all, first, end), values, relative);
            stocks++;
        }
        return stocks;
    }

    public static Bar withAdj(Bar b, double adj) {
        return new Bar(b.tsCode(), b.tradeDate(), b.open(), b.high(), b.low(), b.close(), b.preClose(), b.vol(), b.amount(), adj);
    }

    /** {@code n} weekday bars from {@code start}, a gentle zig-zag around {@code level}. */
    public static List<Bar> weekdays(TsCode code, LocalDate start, int n, double level) {
        List<Bar> out = new ArrayList<>();
        double prev = level;
        LocalDate d = start;
        for (int i = 0; i < n; d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            double close = level * (1 + 0.01 * Math.sin(i * 0.7) + 0.001 * i);
            out.add(new Bar(code, d, prev, Math.max(prev, close) * 1.01, Math.min(prev, close) * 0.99, close, prev,
                    1000 + i, 10_000 + 10 * i, 1.0));
            prev = close;
            i++;
        }
        return out;
    }
}
