package com.alphaquant.factor.engine;

/**
 * Computes one factor for the stock loaded in {@code work}: writes {@code out[0..work.size())},
 * NaN where the value does not exist (warm-up, or a case SPEC leaves undefined).
 */
@FunctionalInterface
public interface FactorKernel {

    void compute(StockWork work, double[] out);
}
