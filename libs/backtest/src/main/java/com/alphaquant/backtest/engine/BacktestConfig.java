package com.alphaquant.backtest.engine;

import com.alphaquant.market.rules.CostModel;
import java.time.LocalDate;

/**
 * The parameters of one run. Every cost is configurable (SPEC section 2); defaults come from
 * {@link #of(LocalDate, LocalDate, double)}.
 *
 * @param start          first day of the run; the first trading day on or after it is the
 *                       first equity row (all cash) and the first decision
 * @param end            last day; the last trading day on or before it is the last equity row
 * @param initialCapital CNY, at most two decimals are kept (cash is held in cents)
 * @param costs          commission, stamp duty, transfer fee (date-effective unless given)
 * @param slippage       slippage model
 * @param fillPrice      open (default), close or VWAP of the day after the decision
 * @param carryOver      whether orders stopped by a limit, a suspension or T+1 retry on the
 *                       next days until filled or replaced by a new decision (default: lapse)
 * @param riskFreeRate   annual, for Sharpe, Sortino and alpha (default 0)
 */
public record BacktestConfig(LocalDate start, LocalDate end, double initialCapital, CostModel costs,
                             SlippageModel slippage, FillPrice fillPrice, boolean carryOver, double riskFreeRate) {

    public BacktestConfig {
        if (start == null || end == null) {
            throw new IllegalArgumentException("A backtest needs a start and an end date");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("End date " + end + " is before start date " + start);
        }
        if (!(initialCapital > 0) || initialCapital > 1e13) {
            throw new IllegalArgumentException("Initial capital must be positive (and below 1e13 CNY), got " + initialCapital);
        }
        if (costs == null || slippage == null || fillPrice == null) {
            throw new IllegalArgumentException("Costs, slippage and fill price are required");
        }
        if (!(riskFreeRate > -1 && riskFreeRate < 1)) {
            throw new IllegalArgumentException("Risk-free rate must be an annual fraction in (-1, 1), got " + riskFreeRate);
        }
    }

    /** SPEC defaults: commission 0.0003 (min 5 CNY), dated stamp duty and transfer fee, 1 bp + impact slippage, open fills, lapse, rf 0. */
    public static BacktestConfig of(LocalDate start, LocalDate end, double initialCapital) {
        return new BacktestConfig(start, end, initialCapital, CostModel.DEFAULT, SlippageModel.DEFAULT, FillPrice.OPEN, false, 0.0);
    }

    public BacktestConfig withCosts(CostModel c) {
        return new BacktestConfig(start, end, initialCapital, c, slippage, fillPrice, carryOver, riskFreeRate);
    }

    public BacktestConfig withSlippage(SlippageModel s) {
        return new BacktestConfig(start, end, initialCapital, costs, s, fillPrice, carryOver, riskFreeRate);
    }

    public BacktestConfig withFillPrice(FillPrice f) {
        return new BacktestConfig(start, end, initialCapital, costs, slippage, f, carryOver, riskFreeRate);
    }

    public BacktestConfig withCarryOver(boolean c) {
        return new BacktestConfig(start, end, initialCapital, costs, slippage, fillPrice, c, riskFreeRate);
    }

    public BacktestConfig withRiskFreeRate(double rf) {
        return new BacktestConfig(start, end, initialCapital, costs, slippage, fillPrice, carryOver, rf);
    }
}
