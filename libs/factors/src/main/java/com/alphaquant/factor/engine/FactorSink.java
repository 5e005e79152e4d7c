package com.alphaquant.factor.engine;

/**
 * Receives one stock's factors as soon as they are computed, for panels too large to hold
 * (5,000 stocks × 2,500 days × 24 factors is 2.4 GB of doubles). Called once per stock, from
 * several threads at once; {@code values[f][0..series.size())} follow the engine's factor order
 * and are reused after the call returns, so copy what you keep.
 */
@FunctionalInterface
public interface FactorSink {

    void accept(int stock, StockSeries series, double[][] values);
}
