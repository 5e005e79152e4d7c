package com.alphaquant.backtest.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A parameter optimisation as asked over the API: a base backtest, the parameters to vary and
 * what to look for. The grid is every combination of the ranges' values.
 *
 * @param objective {@code max_return}, {@code max_sharpe} or {@code min_drawdown}
 */
public record OptimizeRequest(BacktestRequest base, List<Range> ranges, String objective) {

    /**
     * One varied parameter: either explicit {@code values}, or {@code from}, {@code to} and
     * {@code step} (both ends included) for a numeric one.
     *
     * @param name a numeric cost or fill parameter of the request ({@code commission}, {@code slippage}, ...),
     *             {@code fill}, {@code carryOver}, or a parameter the strategy exposes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Range(String name, List<Object> values, Double from, Double to, Double step) {}
}
