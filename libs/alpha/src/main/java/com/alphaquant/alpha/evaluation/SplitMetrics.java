package com.alphaquant.alpha.evaluation;

/**
 * A signal's figures over one split's days (NaN where undefined, e.g. an empty split).
 *
 * @param ic       mean daily IC (Pearson correlation with the forward return across stocks)
 * @param rankIc   mean daily rank IC (Spearman)
 * @param icir     mean / std of the daily IC
 * @param rankIcir mean / std of the daily rank IC
 * @param turnover 1 − the mean correlation of the signal's cross-sectional percentile ranks on
 *                 consecutive sessions (over the stocks present on both): 0 for a ranking that
 *                 never changes, 1 for one renewed at random every day
 * @param coverage the share of stock-days with a bar where the signal has a value
 * @param days     the days with a defined IC
 */
public record SplitMetrics(double ic, double rankIc, double icir, double rankIcir, double turnover, double coverage,
                           int days) {
}
