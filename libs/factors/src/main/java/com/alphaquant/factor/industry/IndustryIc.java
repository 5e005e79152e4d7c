package com.alphaquant.factor.industry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleBiFunction;

/**
 * A factor's IC within each industry: each day, the stocks of one industry with both a factor
 * value and a forward return are one cross-section, correlated (rank IC: Spearman) on their own;
 * an industry's figure is the mean over the days where it had at least {@code minStocks} such
 * stocks and a defined correlation. Where the market-wide IC mixes the factor's power to pick
 * industries with its power to pick stocks, this shows the second, industry by industry.
 */
public final class IndustryIc {

    /** An industry's mean IC over {@code days} days. */
    public record Result(String industry, double meanIc, int days) {}

    private IndustryIc() {
    }

    /**
     * @param factor      {@code factor[day][stock]}, NaN where no value
     * @param forward     {@code forward[day][stock]}, the same stocks' forward returns, NaN where none
     * @param industry    {@code industry[day][stock]}, the stock's industry that day, null where unclassified
     *                    (left out: not an industry)
     * @param correlation the correlation of two equally long series without NaN (Spearman for rank IC);
     *                    NaN where undefined (a constant side)
     * @param minStocks   the fewest stocks an industry needs on a day for that day to count
     * @return one result per industry that had a counted day, by industry code
     */
    public static List<Result> evaluate(double[][] factor, double[][] forward, String[][] industry,
                                        ToDoubleBiFunction<double[], double[]> correlation, int minStocks) {
        if (factor.length != forward.length || factor.length != industry.length) {
            throw new IllegalArgumentException("factor, forward and industry need the same days: " + factor.length + ", "
                    + forward.length + ", " + industry.length);
        }
        if (minStocks < 2) {
            throw new IllegalArgumentException("minStocks must be at least 2, got " + minStocks);
        }
        Map<String, double[]> sums = new TreeMap<>(); // industry -> {sum of daily ICs, days}
        for (int d = 0; d < factor.length; d++) {
            Map<String, List<Integer>> members = new TreeMap<>();
            for (int s = 0; s < factor[d].length; s++) {
                if (industry[d][s] != null && !Double.isNaN(factor[d][s]) && !Double.isNaN(forward[d][s])) {
                    members.computeIfAbsent(industry[d][s], k -> new ArrayList<>()).add(s);
                }
            }
            for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
                List<Integer> stocks = e.getValue();
                if (stocks.size() < minStocks) {
                    continue;
                }
                double[] x = new double[stocks.size()];
                double[] y = new double[stocks.size()];
                for (int k = 0; k < x.length; k++) {
                    x[k] = factor[d][stocks.get(k)];
                    y[k] = forward[d][stocks.get(k)];
                }
                double ic = correlation.applyAsDouble(x, y);
                if (!Double.isNaN(ic)) {
                    double[] sum = sums.computeIfAbsent(e.getKey(), k -> new double[2]);
                    sum[0] += ic;
                    sum[1]++;
                }
            }
        }
        List<Result> out = new ArrayList<>();
        sums.forEach((code, sum) -> out.add(new Result(code, sum[0] / sum[1], (int) sum[1])));
        return out;
    }
}
