package com.alphaquant.factor.compute;

import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.factor.engine.FactorDefinition;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorPanel;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.factor.engine.StockSeries;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.panel.PanelLoader;
import com.alphaquant.support.panel.PanelSource;
import com.alphaquant.support.panel.WarmUp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All 24 factors for some stocks over [from, to], computed by {@link FactorEngine} on bars with
 * enough history before {@code from} ({@link WarmUp}). Always all 24: the cache holds whole
 * rows and a subset costs about as much to compute.
 */
public final class FactorComputer {

    public static final List<FactorDefinition> FACTORS = FactorRegistry.all();

    private final PanelLoader loader;
    private final FactorEngine engine;
    private final int warmupBars;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong stocks = new AtomicLong();

    public FactorComputer(PanelSource source, int recursiveWarmupBars, int parallelism) {
        this.warmupBars = WarmUp.bars(FACTORS, recursiveWarmupBars);
        this.loader = new PanelLoader(source, warmupBars);
        this.engine = new FactorEngine(FACTORS, parallelism);
    }

    /** Stocks without a bar in [from, to] are absent from the result. */
    public Map<TsCode, StockFactors> compute(Collection<TsCode> codes, LocalDate from, LocalDate to) {
        runs.incrementAndGet();
        FactorPanel panel;
        try {
            panel = engine.compute(loader.load(codes, from, to));
        } catch (IllegalArgumentException e) {
            // The engine validates its input; bad input here came from the bar source, not the caller.
            throw new MarketDataException("The market data cannot be used: " + e.getMessage(), e);
        }
        int lo = DateInts.of(from);
        int hi = DateInts.of(to);
        Map<TsCode, StockFactors> out = new HashMap<>();
        for (int s = 0; s < panel.stocks().size(); s++) {
            StockSeries series = panel.stocks().get(s);
            double[] adjClose = new double[series.size()];
            for (int i = 0; i < adjClose.length; i++) {
                adjClose[i] = series.close()[i] * series.adj(i);
            }
            double[][] values = new double[FACTORS.size()][];
            for (int f = 0; f < values.length; f++) {
                values[f] = panel.values(f, s);
            }
            StockFactors sliced = new StockFactors(series.code(), series.dates(), adjClose, values).slice(lo, hi);
            if (sliced.size() > 0) {
                out.put(series.code(), sliced);
            }
        }
        stocks.addAndGet(out.size());
        return out;
    }

    /** Engine runs so far (tests and metrics: a cache hit does not add one). */
    public long runs() {
        return runs.get();
    }

    public long stocksComputed() {
        return stocks.get();
    }

    public int warmupBars() {
        return warmupBars;
    }
}
