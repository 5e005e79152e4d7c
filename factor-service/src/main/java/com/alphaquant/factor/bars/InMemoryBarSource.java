package com.alphaquant.factor.bars;

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
 * the offline demo ({@code alphaquant.factor.bars-csv} / {@code index-csv}), with the ST history
 * of a namechange file ({@code namechange-csv}) and the industries of the bundled sample's stock_basic.
 */
public final class InMemoryBarSource implements BarSource {

    private final Map<TsCode, List<Bar>> byCode = new TreeMap<>();
    private final List<Bar> benchmark;
    private final List<Security> securities;
    private final StHistory st;
    private final IndustryClassification industries;

    /** Bars of stocks that were never ST (synthetic data). */
    public InMemoryBarSource(Collection<Bar> stockBars, Collection<Bar> indexBars) {
        this(stockBars, indexBars, StHistory.NONE);
    }

    public InMemoryBarSource(Collection<Bar> stockBars, Collection<Bar> indexBars, StHistory st) {
        this(stockBars, indexBars, st, IndustryClassification.NONE);
    }

    public InMemoryBarSource(Collection<Bar> stockBars, Collection<Bar> indexBars, StHistory st, IndustryClassification industries) {
        this.st = st;
        this.industries = industries;
        for (Bar b : stockBars) {
            if (Board.of(b.tsCode()) != Board.INDEX) {
                byCode.computeIfAbsent(b.tsCode(), c -> new ArrayList<>()).add(b);
            }
        }
        benchmark = indexBars.stream().filter(b -> b.tsCode().equals(PanelInput.BENCHMARK)).toList();
        securities = byCode.keySet().stream().map(c -> new Security(c, null)).toList();
    }

    public static InMemoryBarSource fromCsv(Path stockBars, Path indexBars, Path nameChanges) {
        return fromCsv(stockBars, indexBars, nameChanges, null);
    }

    /** With the industries of a stock_basic file, derived as tushare-sim serves them; none when {@code stockBasic} is null. */
    public static InMemoryBarSource fromCsv(Path stockBars, Path indexBars, Path nameChanges, Path stockBasic) {
        return new InMemoryBarSource(BarCsv.read(stockBars), indexBars == null ? List.of() : BarCsv.read(indexBars),
                NameChangeCsv.history(nameChanges), stockBasic == null ? IndustryClassification.NONE
                        : IndustryClassification.fromStockBasic(StockBasicCsv.read(stockBasic)));
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
