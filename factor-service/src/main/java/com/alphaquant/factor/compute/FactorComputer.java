package com.alphaquant.factor.compute;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.compute.Evaluator;
import com.alphaquant.alpha.expr.Expr;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All 24 factors for some stocks over [from, to], computed by {@link FactorEngine} on bars with
 * enough history before {@code from} ({@link WarmUp}). Always all 24: the cache holds whole
 * rows and a subset costs about as much to compute. Mined formulas, when asked, are evaluated
 * over the same panel, after the 24.
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
        return compute(codes, from, to, List.of());
    }

    /**
     * The 24 factors and then {@code formulas} (libs/alpha's {@link Evaluator} over the same
     * panel, history included): column {@code 24 + i} of each stock's values is formula i.
     * Stocks without a bar in [from, to] are absent from the result.
     */
    public Map<TsCode, StockFactors> compute(Collection<TsCode> codes, LocalDate from, LocalDate to, List<Expr> formulas) {
        FactorPanel panel = run(codes, from, to);
        AlphaPanel rows = formulas.isEmpty() ? null : AlphaPanel.of(panel);
        double[][] mined = rows == null ? new double[0][] : evaluate(rows, formulas);
        int lo = DateInts.of(from);
        int hi = DateInts.of(to);
        Map<TsCode, StockFactors> out = new HashMap<>();
        for (int s = 0; s < panel.stocks().size(); s++) {
            StockSeries series = panel.stocks().get(s);
            double[] adjClose = new double[series.size()];
            for (int i = 0; i < adjClose.length; i++) {
                adjClose[i] = series.close()[i] * series.adj(i);
            }
            double[][] values = new double[FACTORS.size() + mined.length][];
            for (int f = 0; f < FACTORS.size(); f++) {
                values[f] = panel.values(f, s);
            }
            for (int m = 0; m < mined.length; m++) {
                values[FACTORS.size() + m] = Arrays.copyOfRange(mined[m], rows.stockStart(s), rows.stockStart(s + 1));
            }
            StockFactors sliced = new StockFactors(series.code(), series.dates(), adjClose, values).slice(lo, hi);
            if (sliced.size() > 0) {
                out.put(series.code(), sliced);
            }
        }
        stocks.addAndGet(out.size());
        return out;
    }

    /**
     * The engine's run over [from, to] with its warm-up history before {@code from} (the rows
     * before {@code from} are warm-up, for the caller to drop or to read as history).
     *
     * @throws MarketDataException when the bar source served bars the engine refuses
     */
    public FactorPanel run(Collection<TsCode> codes, LocalDate from, LocalDate to) {
        runs.incrementAndGet();
        try {
            return engine.compute(loader.load(codes, from, to));
        } catch (IllegalArgumentException e) {
            // The engine validates its input; bad input here came from the bar source, not the caller.
            throw new MarketDataException("The market data cannot be used: " + e.getMessage(), e);
        }
    }

    /** Each formula's values by the alpha panel's rows (stock after stock, as the engine's stocks). */
    private static double[][] evaluate(AlphaPanel panel, List<Expr> formulas) {
        Evaluator evaluator = new Evaluator(panel);
        double[][] out = new double[formulas.size()][];
        for (int m = 0; m < out.length; m++) {
            out[m] = evaluator.evaluate(formulas.get(m)).clone(); // the evaluator's array is reused by the next call
        }
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
