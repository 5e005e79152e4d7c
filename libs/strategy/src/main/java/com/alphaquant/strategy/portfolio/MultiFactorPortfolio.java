package com.alphaquant.strategy.portfolio;

import com.alphaquant.strategy.risk.Holding;
import com.alphaquant.strategy.risk.RiskDecision;
import com.alphaquant.strategy.risk.RiskManager;
import com.alphaquant.strategy.risk.RiskParams;
import com.alphaquant.strategy.signal.CrossSection;
import com.alphaquant.strategy.signal.MultiFactorParams;
import com.alphaquant.strategy.signal.MultiFactorScorer;
import com.alphaquant.strategy.signal.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Strategy {@code multi_factor}, one day at a time: signals → target weights → risk manager → the
 * next book. strategy-service's live signals and libs/backtest's {@code multi_factor} strategy both
 * call {@link #decide}, so a backtest tests exactly the logic that runs live: given the same
 * cross-section, traded list, previous {@link Book} and closes, both get the same doubles.
 *
 * <ol>
 *   <li>Signals: {@link MultiFactorScorer} over the day's cross-section (the reference universe).</li>
 *   <li>Desired weights: a BUY gets an equal share of max_exposure among the day's BUYs, capped by
 *       max_position; a HOLD keeps its desired weight in the book; a SELL goes to 0; a stock in the
 *       book without a signal today (suspended, or its factors missing) keeps its desired weight.
 *       The book keeps the desired weight (before volatility targeting, the exposure cap and the
 *       one-day trade limit) beside the weight held, so the scaling is applied once a day to what
 *       the strategy wants and never compounds on a HOLD; when volatility falls, the weights grow
 *       back towards the desired ones, max_single_trade a day.</li>
 *   <li>The book is marked at today's closes: each holding's last close, its highest close since
 *       entry, and the book's return today (Σ previous weight × close / previous close − 1; 0 for
 *       an empty book, NaN when a held stock's price is unknown).</li>
 *   <li>{@link RiskManager}: stops on the marked holdings, caps, volatility targeting with the
 *       book's realised volatility over the last {@code volWindow} daily returns (sample std ×
 *       √252; NaN, so no scaling, until the window is full of known returns).</li>
 *   <li>The next book: every stock left above 0, with its weight and desired weight; a new one
 *       enters at today's close.</li>
 * </ol>
 *
 * <p>Closes are in one adjusted basis per stock (only ratios matter); a missing close is NaN,
 * which leaves the stops and volatility targeting inactive for that stock or day.
 */
public final class MultiFactorPortfolio {

    /** Trading days a year, for annualising volatility (SPEC section 5). */
    public static final int TRADING_DAYS = 252;

    private final MultiFactorParams signalParams;
    private final RiskParams riskParams;
    private final MultiFactorScorer scorer;
    private final RiskManager riskManager;

    public MultiFactorPortfolio(MultiFactorParams signalParams, RiskParams riskParams) {
        this.signalParams = signalParams;
        this.riskParams = riskParams;
        this.scorer = new MultiFactorScorer(signalParams);
        this.riskManager = new RiskManager(riskParams);
    }

    public MultiFactorParams signalParams() {
        return signalParams;
    }

    public RiskParams riskParams() {
        return riskParams;
    }

    /**
     * @param day      the day's factors over the reference universe (and predictions, if any)
     * @param traded   the stocks that get signals
     * @param previous the book the previous decision left ({@link Book#EMPTY} on the first day)
     * @param closes   today's close per stock (adjusted basis); absent = unknown
     */
    public DayDecision decide(CrossSection day, List<String> traded, Book previous, Map<String, Double> closes) {
        return decide(day, traded, previous, closes, Map.of());
    }

    /**
     * As {@link #decide(CrossSection, List, Book, Map)}, with the day's industries (ts_code →
     * industry) that an industry-neutral signal groups by; ignored when the signal is not neutral.
     */
    public DayDecision decide(CrossSection day, List<String> traded, Book previous, Map<String, Double> closes,
                              Map<String, String> industryOf) {
        List<Signal> signals = scorer.score(day, traded, industryOf);

        Map<String, Holding> marked = new TreeMap<>();
        double dayReturn = 0;
        for (Holding h : previous.holdings().values()) {
            double close = closes.getOrDefault(h.tsCode(), Double.NaN);
            double last = Double.isNaN(close) ? h.lastClose() : close;
            dayReturn += h.weight() * (last / h.lastClose() - 1); // NaN when either price is unknown
            double highest = Double.isNaN(h.highestClose()) || last > h.highestClose() ? last : h.highestClose();
            marked.put(h.tsCode(), new Holding(h.tsCode(), h.weight(), h.baseWeight(), h.entryPrice(), highest, last));
        }
        List<Double> returns = new ArrayList<>(previous.returns());
        returns.add(dayReturn);
        while (returns.size() > riskParams.volWindow()) {
            returns.remove(0);
        }
        double realisedVol = realisedVol(returns, riskParams.volWindow());

        long buys = signals.stream().filter(s -> s.action() == Signal.Action.BUY).count();
        double buyWeight = buys == 0 ? 0 : Math.min(riskParams.maxExposure() / buys, riskParams.maxPosition());
        Map<String, Double> targets = new LinkedHashMap<>(previous.baseWeights());
        for (Signal s : signals) {
            targets.put(s.tsCode(), switch (s.action()) {
                case BUY -> buyWeight;
                case HOLD -> previous.baseWeight(s.tsCode());
                case SELL -> 0.0;
            });
        }
        RiskDecision risk = riskManager.apply(targets, marked, realisedVol);

        Map<String, Holding> next = new TreeMap<>();
        risk.targets().forEach((code, w) -> {
            Holding h = marked.get(code);
            if (h != null) {
                next.put(code, new Holding(code, w, risk.desired(code), h.entryPrice(), h.highestClose(), h.lastClose()));
            } else {
                double close = closes.getOrDefault(code, Double.NaN);
                next.put(code, new Holding(code, w, risk.desired(code), close, close, close));
            }
        });
        return new DayDecision(signals, risk, new Book(next, returns), realisedVol);
    }

    /** Sample std × √252 of the returns when there are {@code window} of them, all known; else NaN. */
    static double realisedVol(List<Double> returns, int window) {
        if (returns.size() < window) {
            return Double.NaN;
        }
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= returns.size();
        double ss = 0;
        for (double r : returns) {
            ss += (r - mean) * (r - mean);
        }
        return Math.sqrt(ss / (returns.size() - 1) * TRADING_DAYS);
    }
}
