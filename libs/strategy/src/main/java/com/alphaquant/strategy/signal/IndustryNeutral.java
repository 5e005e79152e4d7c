package com.alphaquant.strategy.signal;

import java.util.HashMap;
import java.util.Map;

/**
 * Industry-neutral scores: each stock's score minus the mean score of its industry that day, so
 * that ranking on them picks the best stocks within each industry instead of betting on the
 * industries whose stocks score high together. Stocks without an industry form one group of
 * their own. Missing scores (NaN) stay missing and do not count towards a mean. Residuals are
 * rounded to 12 decimals, so that equal ones tie whatever the order of summation.
 */
public final class IndustryNeutral {

    private static final String UNCLASSIFIED = "";

    private IndustryNeutral() {
    }

    /**
     * @param scores     one score per stock, NaN where missing
     * @param industries the stocks' industries, parallel to {@code scores}; null where unclassified
     * @return the scores demeaned within each industry: every industry's present scores sum to zero
     */
    public static double[] demean(double[] scores, String[] industries) {
        if (scores.length != industries.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + industries.length + " industries");
        }
        Map<String, double[]> sums = new HashMap<>(); // industry -> {sum, count}
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isNaN(scores[i])) {
                double[] s = sums.computeIfAbsent(group(industries[i]), k -> new double[2]);
                s[0] += scores[i];
                s[1]++;
            }
        }
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            double[] s = sums.get(group(industries[i]));
            out[i] = Double.isNaN(scores[i]) ? Double.NaN : round(scores[i] - s[0] / s[1]);
        }
        return out;
    }

    /**
     * To 12 decimals: a stock alone in its industry, or one at its industry's mean, is 0 exactly
     * or off by rounding noise depending on the order of the sum; the rank must not tell them apart.
     */
    static double round(double residual) {
        return Math.rint(residual * 1e12) / 1e12;
    }

    private static String group(String industry) {
        return industry == null ? UNCLASSIFIED : industry;
    }
}
