/**
 * The columnar factor engine: the 24 factors of SPEC section 3 for a panel of stocks × days.
 *
 * <p>Entry points: {@link com.alphaquant.factor.engine.FactorRegistry} (the factors, in SPEC
 * order), {@link com.alphaquant.factor.engine.PanelInput} (per-stock primitive arrays, built
 * from bars with {@link com.alphaquant.factor.engine.PanelInputBuilder}) and
 * {@link com.alphaquant.factor.engine.FactorEngine} (computes a
 * {@link com.alphaquant.factor.engine.FactorPanel}, or streams stock by stock to a
 * {@link com.alphaquant.factor.engine.FactorSink} when the whole panel would not fit in memory).
 *
 * <p>Kernels work on one stock's arrays at a time and allocate nothing per value; windowed
 * statistics are computed lag by lag ({@link com.alphaquant.factor.engine.Windows}) so that
 * they add in the same order as a plain loop and stay exact where SPEC needs exact zeros.
 */
package com.alphaquant.factor.engine;
