package com.alphaquant.support.panel;

import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.factor.engine.NorthFlowCsv;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.csv.StockBasicCsv;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Bars held in memory: the real Tushare sample files in tests, or any Tushare-format CSV for
 * an offline demo (factor-service's {@code alphaquant.factor.bars-csv}), with the ST history of a
 * namechange file, the northbound flow of a moneyflow_hsgt file and the industries of a
 * stock_basic file.
 */
public final class InMemoryPanelSource implements PanelSource {

    private final Map<TsCode, List<Bar>> byCode = new TreeMap<>();
    private final List<Bar> benchmark;
    private final List<Security> securities;
    private final StHistory st;
    private final MarketSeries northFlow;
    private final IndustryClassification industries;

    /** Bars of stocks that were never ST (synthetic data). */
    public InMemoryPanelSource(Collection<Bar> stockBars, Collection<Bar> indexBars) {
        this(stockBars, indexBars, StHistory.NONE);
    }

    public InMemoryPanelSource(Collection<Bar> stockBars, Collection<Bar> indexBars, StHistory st) {
        this(stockBars, indexBars, st, null);
    }

    /** @param northFlow the northbound flow, or null for none (NORTH_FLOW_Z is then NaN) */
    public InMemoryPanelSource(Collection<Bar> stockBars, Collection<Bar> indexBars, StHistory st, MarketSeries northFlow) {
        this(stockBars, indexBars, st, northFlow, IndustryClassification.NONE);
    }

    public InMemoryPanelSource(Collection<Bar> stockBars, Collection<Bar> indexBars, StHistory st, MarketSeries northFlow,
                             IndustryClassification industries) {
        this.st = st;
        this.northFlow = northFlow;
        this.industries = industries;
        for (Bar b : stockBars) {
            if (Board.of(b.tsCode()) != Board.INDEX) {
                byCode.computeIfAbsent(b.tsCode(), c -> new ArrayList<>()).add(b);
            }
        }
        benchmark = indexBars.stream().filter(b -> b.tsCode().equals(PanelInput.BENCHMARK)).toList();
        securities = byCode.keySet().stream().map(c -> new Security(c, null)).toList();
    }

    /**
     * @param northFlow  a Tushare moneyflow_hsgt file, or null for none
     * @param stockBasic a stock_basic file whose industries are derived as tushare-sim serves them, or null for none
     */
    public static InMemoryPanelSource fromCsv(Path stockBars, Path indexBars, Path nameChanges, Path northFlow, Path stockBasic) {
        return new InMemoryPanelSource(BarCsv.read(stockBars), indexBars == null ? List.of() : BarCsv.read(indexBars),
                NameChangeCsv.history(nameChanges), northFlow == null ? null : NorthFlowCsv.read(northFlow),
                stockBasic == null ? IndustryClassification.NONE : IndustryClassification.fromStockBasic(StockBasicCsv.read(stockBasic)));
    }

    @Override
    public List<Security> securities() {
        return securities;
    }

    @Override
    public List<Bar> stockBars(Collection<TsCode> codes, LocalDate from, LocalDate to) {
        List<Bar> out = new ArrayList<>();
        for (TsCode code : Set.copyOf(codes)) {
            byCode.getOrDefault(code, List.of()).stream().filter(within(from, to)).forEach(out::add);
        }
        return out;
    }

    @Override
    public List<Bar> benchmarkBars(LocalDate from, LocalDate to) {
        return benchmark.stream().filter(within(from, to)).toList();
    }

    /** The whole series: the engine aligns it to the stocks' dates. */
    @Override
    public MarketSeries northFlow(LocalDate from, LocalDate to) {
        return northFlow;
    }

    @Override
    public StHistory stHistory(LocalDate from, LocalDate to) {
        return st;
    }

    @Override
    public IndustryClassification industries() {
        return industries;
    }

    private static Predicate<Bar> within(LocalDate from, LocalDate to) {
        return b -> !b.tradeDate().isBefore(from) && !b.tradeDate().isAfter(to);
    }
}
