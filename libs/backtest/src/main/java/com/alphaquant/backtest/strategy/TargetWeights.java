package com.alphaquant.backtest.strategy;

import java.util.Arrays;

/**
 * The weights a strategy writes: fraction of equity per stock, long only. Owned and reused by
 * the engine (no allocation per day); stocks never set are 0.
 */
public final class TargetWeights {

    private static final double SUM_TOLERANCE = 1e-6;

    private final double[] weights;
    private final int[] set;      // stocks with a weight written since clear(), in order
    private final boolean[] isSet;
    private int count;
    private final MarketView names; // for messages only; may be null

    public TargetWeights(int stockCount, MarketView names) {
        this.weights = new double[stockCount];
        this.set = new int[stockCount];
        this.isSet = new boolean[stockCount];
        this.names = names;
    }

    public TargetWeights(int stockCount) {
        this(stockCount, null);
    }

    /** Sets the weight of {@code stock}; negative, NaN or infinite weights are rejected. */
    public void set(int stock, double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("Weight of " + label(stock) + " must be a finite number >= 0 (long only), got " + weight);
        }
        if (!isSet[stock]) {
            isSet[stock] = true;
            set[count++] = stock;
        }
        weights[stock] = weight;
    }

    public double get(int stock) {
        return weights[stock];
    }

    /** The number of stocks set since the last clear (some may be 0). */
    public int count() {
        return count;
    }

    /** The {@code k}-th stock set, in the order they were set. */
    public int stock(int k) {
        return set[k];
    }

    public double sum() {
        double sum = 0;
        for (int k = 0; k < count; k++) {
            sum += weights[set[k]];
        }
        return sum;
    }

    /** Fails, naming the day, when the weights add up to more than the whole portfolio. */
    public void requireFullyFunded(Object day) {
        double sum = sum();
        if (sum > 1 + SUM_TOLERANCE) {
            throw new IllegalArgumentException("Target weights on " + day + " add up to " + sum
                    + ", more than 1 (no leverage in an A-share cash account)");
        }
    }

    public void clear() {
        for (int k = 0; k < count; k++) {
            weights[set[k]] = 0;
            isSet[set[k]] = false;
        }
        count = 0;
    }

    private String label(int stock) {
        return names != null ? names.code(stock).toString() : "stock #" + stock;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TargetWeights{");
        int[] order = Arrays.copyOf(set, count);
        for (int k = 0; k < order.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(label(order[k])).append('=').append(weights[order[k]]);
        }
        return sb.append('}').toString();
    }
}
