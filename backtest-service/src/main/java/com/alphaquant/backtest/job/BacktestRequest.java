package com.alphaquant.backtest.job;

import com.alphaquant.backtest.BacktestProperties.RunDefaults;
import java.util.List;
import java.util.Map;

/**
 * A backtest as asked over the API: the CLI's parameters as JSON. Null means "not given" (the
 * CLI's default applies); stored with every default filled in ({@link ParsedRequest#normalized()}).
 *
 * @param strategy           {@code buy_and_hold}, {@code target_weights} or {@code multi_factor}
 * @param weights            target_weights only: rows {tradeDate, tsCode, weight}
 * @param startDate          yyyy-MM-dd (or yyyyMMdd)
 * @param endDate            yyyy-MM-dd (or yyyyMMdd)
 * @param stocks             the universe, e.g. ["600000.SH", "600519.SH"]
 * @param universe           {@code all}: every stock of the bar source (instead of stocks); an index code such as
 *                           {@code 000300.SH}: every stock, but on each day only that day's constituents may be bought
 * @param stampDuty          null: the dated schedule
 * @param transferFee        null: the dated schedule
 * @param benchmark          an index code or {@code none}; default 000300.SH
 * @param strategyParameters parameters a strategy exposes (multi_factor's: see BacktestSpec)
 * @param strategyPreset     multi_factor only: the named preset whose values are the defaults
 * @param model              multi_factor only: the id of a model-service model whose predicted returns are the
 *                           model sub-score (each decision day's predictions from bars up to that day)
 */
public record BacktestRequest(String strategy, List<WeightRow> weights, String startDate, String endDate, List<String> stocks,
                              String universe, Double initialCapital, Double commission, Double stampDuty, Double transferFee,
                              Double minCommission, Double slippage, Double impact, Double slippageCap, String fill,
                              Boolean carryOver, Double riskFree, String benchmark, Map<String, Double> strategyParameters,
                              String strategyPreset, String model) {

    /** A request without a model. */
    public BacktestRequest(String strategy, List<WeightRow> weights, String startDate, String endDate, List<String> stocks,
                           String universe, Double initialCapital, Double commission, Double stampDuty, Double transferFee,
                           Double minCommission, Double slippage, Double impact, Double slippageCap, String fill,
                           Boolean carryOver, Double riskFree, String benchmark, Map<String, Double> strategyParameters,
                           String strategyPreset) {
        this(strategy, weights, startDate, endDate, stocks, universe, initialCapital, commission, stampDuty, transferFee,
                minCommission, slippage, impact, slippageCap, fill, carryOver, riskFree, benchmark, strategyParameters,
                strategyPreset, null);
    }

    /** This request without its weight rows (a grid point's, which shares the base's checked rows). */
    public BacktestRequest withoutWeights() {
        return new BacktestRequest(strategy, null, startDate, endDate, stocks, universe, initialCapital, commission, stampDuty,
                transferFee, minCommission, slippage, impact, slippageCap, fill, carryOver, riskFree, benchmark, strategyParameters,
                strategyPreset, model);
    }

    /** This request with the configured defaults in place of the costs and rules it leaves out. */
    public BacktestRequest withDefaults(RunDefaults d) {
        return new BacktestRequest(strategy, weights, startDate, endDate, stocks, universe, or(initialCapital, d.initialCapital()),
                or(commission, d.commission()), stampDuty, transferFee, or(minCommission, d.minCommission()), or(slippage, d.slippage()),
                or(impact, d.impact()), or(slippageCap, d.slippageCap()), or(fill, d.fill()), or(carryOver, d.carryOver()),
                or(riskFree, d.riskFree()), or(benchmark, d.benchmark()), strategyParameters, strategyPreset, model);
    }

    private static <T> T or(T given, T fallback) {
        return given != null ? given : fallback;
    }

    /** One target weight: as of tradeDate's close, tsCode weighs weight of equity. */
    public record WeightRow(String tradeDate, String tsCode, Double weight) {}
}
