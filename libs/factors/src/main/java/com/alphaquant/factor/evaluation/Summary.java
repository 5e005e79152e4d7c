package com.alphaquant.factor.evaluation;

/**
 * Mean, sample standard deviation (n−1) and IR = mean / std of a daily series, over its non-NaN
 * days. NaN where undefined (std needs two days; IR a non-zero std).
 */
public record Summary(double mean, double std, double ir, int days) {

    public static Summary of(double[] daily) {
        int n = 0;
        double sum = 0;
        for (double v : daily) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : daily) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double std = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
        double ir = Double.isNaN(std) || std == 0 ? Double.NaN : mean / std;
        return new Summary(mean, std, ir, n);
    }

    /** The t-statistic of the mean (IR · √days): how many standard errors the mean is from zero. */
    public double tStat() {
        return ir * Math.sqrt(days);
    }
}
