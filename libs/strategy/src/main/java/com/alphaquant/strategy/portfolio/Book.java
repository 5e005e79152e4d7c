package com.alphaquant.strategy.portfolio;

import com.alphaquant.strategy.risk.Holding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strategy's own book after one day's decision: the target weights it ended the day with
 * (every stock with a weight above 0, also those held without a signal that day) with, per stock,
 * the price state the stops need, and the book's recent daily returns for volatility targeting.
 * It is what the next day's decision starts from, in the backtest and live alike: the portfolio
 * a strategy <em>asked for</em>, not the fills (live knows no fills; the backtest's fills can lapse
 * at a limit), so both paths see the same thing.
 *
 * <p>Prices are closes on one adjusted basis per stock (only ratios are used: close / entry,
 * close / highest); NaN where unknown, and then the stops cannot fire (NaN comparisons are false).
 *
 * @param holdings by ts_code, sorted, each with its weight (&gt; 0), its desired weight (&ge; 0: the
 *                 target before volatility targeting, the exposure cap and max_single_trade, which a
 *                 HOLD carries on), entry price, highest close since entry and last close
 * @param returns  the book's daily returns, oldest first, at most the volatility window; NaN where a
 *                 day's return was unknown
 */
public record Book(Map<String, Holding> holdings, List<Double> returns) {

    public static final Book EMPTY = new Book(Map.of(), List.of());

    public Book {
        Map<String, Holding> sorted = new TreeMap<>();
        holdings.forEach((code, h) -> {
            if (!code.equals(h.tsCode())) {
                throw new IllegalArgumentException("Holding " + h.tsCode() + " filed under " + code);
            }
            if (!(h.weight() > 0)) {
                throw new IllegalArgumentException("Holding " + code + " has weight " + h.weight() + ": a book holds weights > 0 only");
            }
            sorted.put(code, h);
        });
        holdings = Collections.unmodifiableMap(sorted);
        returns = Collections.unmodifiableList(new ArrayList<>(returns));
    }

    /**
     * A book of weights alone, without prices, each desired weight the weight held (strategy-service's
     * signals stored before its books were).
     */
    public static Book ofWeights(Map<String, Double> weights) {
        Map<String, Holding> holdings = new LinkedHashMap<>();
        weights.forEach((code, w) -> {
            if (w > 0) {
                holdings.put(code, new Holding(code, w, Double.NaN, Double.NaN, Double.NaN));
            }
        });
        return new Book(holdings, List.of());
    }

    /** The weights by ts_code (sorted). */
    public Map<String, Double> weights() {
        Map<String, Double> weights = new TreeMap<>();
        holdings.forEach((code, h) -> weights.put(code, h.weight()));
        return weights;
    }

    public double weight(String tsCode) {
        Holding h = holdings.get(tsCode);
        return h == null ? 0 : h.weight();
    }

    /** The desired weights by ts_code (sorted), 0 for a holding being sold down. */
    public Map<String, Double> baseWeights() {
        Map<String, Double> weights = new TreeMap<>();
        holdings.forEach((code, h) -> weights.put(code, h.baseWeight()));
        return weights;
    }

    /** The desired weight of {@code tsCode}, 0 when not held. */
    public double baseWeight(String tsCode) {
        Holding h = holdings.get(tsCode);
        return h == null ? 0 : h.baseWeight();
    }
}
