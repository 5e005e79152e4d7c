package com.alphaquant.backtest.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Performance of a daily equity series (SPEC section 5), with 252 trading days a year. With N
 * the number of daily returns r_i = E_i / E_{i-1} − 1 (one fewer than equity rows) and
 * rf_d = riskFreeRate / 252:
 * <ul>
 *   <li>total_return = E_N / E_0 − 1; annual_return = (1 + total)^(252/N) − 1</li>
 *   <li>volatility = std(r)·√252, std the sample standard deviation (n − 1)</li>
 *   <li>sharpe = mean(r − rf_d) / std(r)·√252</li>
 *   <li>sortino = mean(r − rf_d) / DD·√252, DD = sqrt(Σ min(0, r − rf_d)² / N) (downside deviation
 *       over all N days, target rf_d)</li>
 *   <li>max_drawdown = max over i of (peak_i − E_i) / peak_i, peak the running maximum (≥ 0)</li>
 *   <li>calmar = annual_return / |max_drawdown|</li>
 *   <li>win_rate = share of the N daily returns that are positive</li>
 *   <li>turnover = annualised one-way turnover: (Σ traded value of buys and sells) / 2 / mean(E) · 252/N</li>
 *   <li>against the benchmark B (its daily returns b_i): benchmark_return = B_N / B_0 − 1;
 *       excess_return = total_return − benchmark_return; beta = cov(r, b) / var(b) (sample);
 *       alpha = (mean(r − rf_d) − beta·mean(b − rf_d))·252 (Jensen's, annualised arithmetically);
 *       information_ratio = mean(r − b) / std(r − b)·√252</li>
 * </ul>
 * A figure that cannot be computed (no returns, zero deviation, no benchmark) is NaN.
 */
public record Metrics(int days, double totalReturn, double annualReturn, double volatility, double sharpe,
                      double sortino, double maxDrawdown, double calmar, double winRate, double turnover,
                      double benchmarkReturn, double excessReturn, double alpha, double beta,
                      double informationRatio) {

    public static final int TRADING_DAYS = 252;

    /**
     * @param equity       daily equity, first row before any trade
     * @param benchmark    the benchmark's value on the same days, or null
     * @param tradedValue  total value of all fills, buys and sells, CNY
     * @param riskFreeRate annual
     */
    public static Metrics compute(double[] equity, double[] benchmark, double tradedValue, double riskFreeRate) {
        int n = equity.length - 1;
        if (n < 1) {
            double nan = Double.NaN;
            return new Metrics(Math.max(n, 0), nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan);
        }
        if (benchmark != null && benchmark.length != equity.length) {
            throw new IllegalArgumentException("Benchmark has " + benchmark.length + " rows, equity " + equity.length);
        }
        double rfDaily = riskFreeRate / TRADING_DAYS;
        double sqrtYear = Math.sqrt(TRADING_DAYS);

        double total = equity[n] / equity[0] - 1;
        double annual = Math.pow(1 + total, (double) TRADING_DAYS / n) - 1;

        double sum = 0;
        int wins = 0;
        for (int i = 1; i <= n; i++) {
            double r = equity[i] / equity[i - 1] - 1;
            sum += r;
            if (r > 0) {
                wins++;
            }
        }
        double mean = sum / n;
        double squares = 0;
        double downside = 0;
        for (int i = 1; i <= n; i++) {
            double r = equity[i] / equity[i - 1] - 1;
            squares += (r - mean) * (r - mean);
            double below = Math.min(0, r - rfDaily);
            downside += below * below;
        }
        double std = n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
        double downsideDev = Math.sqrt(downside / n);
        double volatility = std * sqrtYear;
        double sharpe = std > 0 ? (mean - rfDaily) / std * sqrtYear : Double.NaN;
        double sortino = downsideDev > 0 ? (mean - rfDaily) / downsideDev * sqrtYear : Double.NaN;

        double peak = equity[0];
        double maxDrawdown = 0;
        double equitySum = 0;
        for (double e : equity) {
            peak = Math.max(peak, e);
            maxDrawdown = Math.max(maxDrawdown, (peak - e) / peak);
            equitySum += e;
        }
        double calmar = maxDrawdown > 0 ? annual / maxDrawdown : Double.NaN;
        double turnover = tradedValue / 2 / (equitySum / equity.length) * TRADING_DAYS / n;

        double benchmarkReturn = Double.NaN;
        double excess = Double.NaN;
        double alpha = Double.NaN;
        double beta = Double.NaN;
        double ir = Double.NaN;
        if (benchmark != null) {
            benchmarkReturn = benchmark[n] / benchmark[0] - 1;
            excess = total - benchmarkReturn;
            double sumB = 0;
            double sumActive = 0;
            for (int i = 1; i <= n; i++) {
                double b = benchmark[i] / benchmark[i - 1] - 1;
                double r = equity[i] / equity[i - 1] - 1;
                sumB += b;
                sumActive += r - b;
            }
            double meanB = sumB / n;
            double meanActive = sumActive / n;
            double cov = 0;
            double varB = 0;
            double varActive = 0;
            for (int i = 1; i <= n; i++) {
                double b = benchmark[i] / benchmark[i - 1] - 1;
                double r = equity[i] / equity[i - 1] - 1;
                cov += (r - mean) * (b - meanB);
                varB += (b - meanB) * (b - meanB);
                varActive += (r - b - meanActive) * (r - b - meanActive);
            }
            if (n > 1 && varB > 0) {
                beta = cov / varB;
                alpha = ((mean - rfDaily) - beta * (meanB - rfDaily)) * TRADING_DAYS;
            }
            double trackingError = n > 1 ? Math.sqrt(varActive / (n - 1)) : Double.NaN;
            ir = trackingError > 0 ? meanActive / trackingError * sqrtYear : Double.NaN;
        }
        return new Metrics(n, total, annual, volatility, sharpe, sortino, maxDrawdown, calmar, (double) wins / n, turnover,
                benchmarkReturn, excess, alpha, beta, ir);
    }

    /** The figures by their API names, in a fixed order. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("total_return", totalReturn);
        m.put("annual_return", annualReturn);
        m.put("volatility", volatility);
        m.put("sharpe", sharpe);
        m.put("sortino", sortino);
        m.put("max_drawdown", maxDrawdown);
        m.put("calmar", calmar);
        m.put("win_rate", winRate);
        m.put("turnover", turnover);
        m.put("benchmark_return", benchmarkReturn);
        m.put("excess_return", excessReturn);
        m.put("alpha", alpha);
        m.put("beta", beta);
        m.put("information_ratio", informationRatio);
        return m;
    }
}
