package com.alphaquant.backtest.strategy;

import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorPanel;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.factor.engine.PanelInputBuilder;
import com.alphaquant.factor.engine.StockSeries;
import com.alphaquant.market.Bar;
import com.alphaquant.market.IndexMembership;
import com.alphaquant.market.TsCode;
import com.alphaquant.strategy.portfolio.Book;
import com.alphaquant.strategy.portfolio.DayDecision;
import com.alphaquant.strategy.portfolio.MultiFactorPortfolio;
import com.alphaquant.strategy.signal.CrossSection;
import java.time.LocalDate;
import com.alphaquant.market.IndustryClassification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strategy {@code multi_factor} (SPEC section 4) in the backtest: each day it builds the day's
 * cross-section of factors over every stock with a bar that day (the reference universe, as
 * factor-service serves it live), and hands it with the previous {@link Book} and the day's closes
 * to {@link MultiFactorPortfolio#decide}, the code strategy-service runs live. The decision's
 * target weights (after risk control) become the engine's targets, every day.
 *
 * <p>The decision starts from the strategy's own book (the weights it asked for the day before),
 * not from the engine's fills: live, strategy-service knows no fills either, so both paths start
 * each day from the same state and produce the same signals and weights.
 *
 * <p>Factors are computed once per run over the panel's bars with libs/factors. That is point in
 * time: every factor at row t of a stock is a function of its bars up to t (windows end at t
 * inclusive, EMA / Wilder recursions run forwards, RS20 uses the index's MOM20 on the same date;
 * SPEC section 3), and the strategy reads row t only on day t. The one input that spans the data
 * is the qfq basis (adj_factor relative to its latest value in the data), and every factor the
 * strategy uses is a ratio or a rank, unchanged by that constant scale (to rounding): the test
 * {@code MultiFactorStrategyTest} checks day-t values against a computation on bars cut at t and
 * re-based on day t's factor.
 *
 * <p>With a model ({@link #withPredictions}) the cross-section of day D carries the predictions
 * dated D, made from bars up to D's close, as strategy-service scores D's signals with the
 * {@code model.predictions} of D; without one every prediction is NaN and the model's weight is
 * spread over the other sub-scores, as live before any model has published.
 *
 * <p>With {@code industry_neutral} the day's industries come from the panel's classification
 * ({@link BarPanel#industries()}) as of that day.
 *
 * <p>Closes for the stops and volatility targeting are the raw close × adj_factor (raw when the
 * factor is unknown): one basis across corporate actions, only ratios used. With {@code usePrices}
 * false the book carries no prices: no stop or volatility scaling can fire. strategy-service
 * marks its book with factor-service's adjusted closes (docs/strategy-service.md).
 */
public final class MultiFactorStrategy implements Strategy {

    public static final String NAME = "multi_factor";

    /** Sees every day's inputs and decision (for reports and the parity test). */
    @FunctionalInterface
    public interface DecisionListener {
        void onDecision(LocalDate day, CrossSection crossSection, List<String> traded, Book previous,
                        Map<String, Double> closes, DayDecision decision);
    }

    private final MultiFactorPortfolio portfolio;
    private final List<String> traded;       // null: every stock of the day's cross-section
    private final boolean usePrices;
    private final String[] factorNames;
    private final FactorPanel factors;
    private final int[] factorStock;         // panel stock -> factor panel stock
    private final String[] codes;
    private final DecisionListener listener;
    private final IndexMembership universe;  // null: no point-in-time universe
    private final IndustryClassification industries;
    private final DailyPredictions predictions; // null: no model sub-score

    private final Map<String, Integer> indexOf = new HashMap<>();
    private Book book = Book.EMPTY;
    private LocalDate lastCall;

    private MultiFactorStrategy(MultiFactorPortfolio portfolio, List<String> traded, boolean usePrices, String[] factorNames,
                                FactorPanel factors, int[] factorStock, String[] codes, DecisionListener listener,
                                IndexMembership universe, IndustryClassification industries, DailyPredictions predictions) {
        this.portfolio = portfolio;
        this.traded = traded;
        this.usePrices = usePrices;
        this.factorNames = factorNames;
        this.factors = factors;
        this.factorStock = factorStock;
        this.codes = codes;
        this.listener = listener;
        this.universe = universe;
        this.industries = industries;
        this.predictions = predictions;
        for (int s = 0; s < codes.length; s++) {
            indexOf.put(codes[s], s);
        }
    }

    /**
     * Computes the factors of the panel's stocks (RS20 against the panel's benchmark when it is the
     * CSI 300, else RS20 is missing and the trend sub-score averages its other factors).
     *
     * @param stocks    the traded stocks; empty: every stock with data that day
     * @param usePrices false to run without prices, as the live path does today
     * @param listener  told every decision, or null
     */
    public static MultiFactorStrategy of(BarPanel panel, MultiFactorPortfolio portfolio, List<TsCode> stocks, boolean usePrices,
                                         DecisionListener listener) {
        Set<String> names = new TreeSet<>();
        portfolio.signalParams().groups().values()
                .forEach(g -> g.forEach(f -> names.add(f.startsWith("-") ? f.substring(1) : f)));
        PanelInputBuilder input = PanelInput.builder().calendar(panel.calendar());
        List<Bar> bars = new ArrayList<>();
        for (int s = 0; s < panel.stockCount(); s++) {
            bars.addAll(panel.stockBars(s));
        }
        input.bars(bars);
        if (PanelInput.BENCHMARK.equals(panel.benchmarkCode())) {
            input.benchmarkBars(panel.benchmarkBars());
        }
        FactorPanel factors = new FactorEngine(FactorRegistry.select(List.copyOf(names)),
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()))).compute(input.build());
        int[] factorStock = new int[panel.stockCount()];
        String[] codes = new String[panel.stockCount()];
        for (int s = 0; s < panel.stockCount(); s++) {
            factorStock[s] = factors.stockIndex(panel.code(s));
            codes[s] = panel.code(s).toString();
        }
        for (TsCode c : stocks) {
            if (panel.indexOf(c) < 0) {
                throw new IllegalArgumentException("multi_factor names " + c + ", which is not in the backtest's universe");
            }
        }
        if (portfolio.signalParams().industryNeutral() && panel.industries().memberships().isEmpty()) {
            // Neutral without industries would silently run the plain strategy.
            throw new IllegalArgumentException("industry_neutral needs the stocks' industries, and the backtest's data has none");
        }
        List<String> traded = stocks.isEmpty() ? null : stocks.stream().map(TsCode::toString).toList();
        return new MultiFactorStrategy(portfolio, traded, usePrices, names.toArray(String[]::new), factors, factorStock, codes,
                listener, null, panel.industries(), null);
    }

    /**
     * This strategy giving signals only to the stocks that were members of {@code universe} on
     * each day (ranks still over the day's whole cross-section), so that its picks come from the
     * index of the time; wrap it in {@link PointInTimeUniverse} to forbid every other buy too.
     */
    public MultiFactorStrategy within(IndexMembership universe) {
        return new MultiFactorStrategy(portfolio, traded, usePrices, factorNames, factors, factorStock, codes, listener, universe,
                industries, predictions);
    }

    /**
     * This strategy with a model sub-score: each day the predictions of every stock of the day's
     * cross-section, dated that day ({@link DailyPredictions}), ranked like the factors. NaN
     * predictions leave the model out for that stock (weights renormalised), so all-NaN
     * predictions decide as without a model; null: no model, as live without predictions.
     */
    public MultiFactorStrategy withPredictions(DailyPredictions model) {
        return new MultiFactorStrategy(portfolio, traded, usePrices, factorNames, factors, factorStock, codes, listener, universe,
                industries, model);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The day's predictions in the cross-section's order, or null without a model. */
    private double[] predicted(LocalDate today, List<String> dayCodes) {
        if (predictions == null) {
            return null;
        }
        double[] p = predictions.forDay(today, List.copyOf(dayCodes));
        if (p == null || p.length != dayCodes.size()) {
            throw new IllegalStateException("The model's predictions for " + today + " number " + (p == null ? "none" : p.length)
                    + ", the day has " + dayCodes.size() + " stocks");
        }
        return p;
    }

    @Override
    public boolean decide(MarketView view, TargetWeights target) {
        LocalDate today = view.date();
        if (lastCall == null || !today.isAfter(lastCall)) {
            book = Book.EMPTY; // a new run
        }
        lastCall = today;
        int todayInt = DateInts.of(today);
        int n = view.stockCount();
        List<String> dayCodes = new ArrayList<>(n);
        int[] rows = new int[n];
        int[] stocks = new int[n];
        Map<String, Double> closes = usePrices ? new HashMap<>(n * 2) : Map.of();
        for (int s = 0; s < n; s++) {
            History h = view.history(s);
            int last = h.size() - 1;
            if (last < 0) {
                continue;
            }
            if (usePrices) {
                double adj = h.adjFactor(last);
                closes.put(codes[s], h.close(last) * (Double.isNaN(adj) ? 1 : adj));
            }
            if (h.tradedToday()) {
                StockSeries series = factors.stocks().get(factorStock[s]);
                if (series.dates()[last] != todayInt) {
                    throw new IllegalStateException("Factor rows of " + codes[s] + " are not aligned with its bars on " + today);
                }
                rows[dayCodes.size()] = last;
                stocks[dayCodes.size()] = s;
                dayCodes.add(codes[s]);
            }
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String name : factorNames) {
            int f = factors.factorIndex(name);
            double[] column = new double[dayCodes.size()];
            for (int k = 0; k < column.length; k++) {
                column[k] = factors.values(f, factorStock[stocks[k]])[rows[k]];
            }
            values.put(name, column);
        }
        CrossSection day = new CrossSection(dayCodes, values, predicted(today, dayCodes));
        List<String> tradedToday = traded == null ? day.tsCodes() : traded;
        if (universe != null) {
            tradedToday = PointInTimeUniverse.members(universe, today, tradedToday);
        }
        Book previous = book;
        Map<String, String> industryOf = portfolio.signalParams().industryNeutral() ? industries.asOf(today) : Map.of();
        DayDecision decision = portfolio.decide(day, tradedToday, previous, closes, industryOf);
        book = decision.next();
        if (listener != null) {
            listener.onDecision(today, day, tradedToday, previous, closes, decision);
        }
        for (Map.Entry<String, Double> t : decision.targets().entrySet()) {
            target.set(indexOf.get(t.getKey()), t.getValue()); // the book only ever holds stocks of the panel
        }
        return true;
    }
}
