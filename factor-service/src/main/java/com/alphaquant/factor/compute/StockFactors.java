package com.alphaquant.factor.compute;

import com.alphaquant.market.TsCode;
import java.util.Arrays;
import java.util.List;

/**
 * One stock's factors over a run of its bars: {@code values[f][row]} follows
 * {@link FactorComputer#FACTORS} (SPEC order), NaN where there is no value. {@code adjClose} is
 * the adjusted close (raw × adj_factor, any constant base), kept for forward returns.
 * Arrays are shared, not copied: treat them as read-only.
 */
public record StockFactors(TsCode code, int[] dates, double[] adjClose, double[][] values) {

    public StockFactors {
        if (adjClose.length != dates.length) {
            throw new IllegalArgumentException(code + ": " + adjClose.length + " closes for " + dates.length + " dates");
        }
        for (double[] v : values) {
            if (v.length != dates.length) {
                throw new IllegalArgumentException(code + ": " + v.length + " values for " + dates.length + " dates");
            }
        }
    }

    public static StockFactors empty(TsCode code, int factors) {
        return new StockFactors(code, new int[0], new double[0], new double[factors][0]);
    }

    public int size() {
        return dates.length;
    }

    /** The rows with dates in [from, to] ({@code yyyymmdd}, inclusive). */
    public StockFactors slice(int from, int to) {
        int lo = lowerBound(from);
        int hi = lowerBound(to + 1);
        if (lo == 0 && hi == dates.length) {
            return this;
        }
        double[][] v = new double[values.length][];
        for (int f = 0; f < v.length; f++) {
            v[f] = Arrays.copyOfRange(values[f], lo, hi);
        }
        return new StockFactors(code, Arrays.copyOfRange(dates, lo, hi), Arrays.copyOfRange(adjClose, lo, hi), v);
    }

    /** Parts in date order (e.g. month chunks) joined into one. */
    public static StockFactors concat(TsCode code, int factors, List<StockFactors> parts) {
        int n = parts.stream().mapToInt(StockFactors::size).sum();
        int[] dates = new int[n];
        double[] close = new double[n];
        double[][] v = new double[factors][n];
        int at = 0;
        for (StockFactors p : parts) {
            System.arraycopy(p.dates, 0, dates, at, p.size());
            System.arraycopy(p.adjClose, 0, close, at, p.size());
            for (int f = 0; f < factors; f++) {
                System.arraycopy(p.values[f], 0, v[f], at, p.size());
            }
            at += p.size();
        }
        return new StockFactors(code, dates, close, v);
    }

    private int lowerBound(int date) {
        int i = Arrays.binarySearch(dates, date);
        return i >= 0 ? i : -i - 1;
    }
}
