package com.alphaquant.factor.engine;

import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's result: for each factor and stock, one value per row of the stock's bars
 * (aligned with {@link StockSeries#dates()}), NaN where there is no value (warm-up or an
 * undefined case). {@link #mask} turns that into the valid-value mask models use.
 */
public final class FactorPanel {

    private final List<FactorDefinition> factors;
    private final List<StockSeries> stocks;
    private final double[][][] values; // [factor][stock][row]
    private final Map<String, Integer> factorIndex = new HashMap<>();
    private final Map<TsCode, Integer> stockIndex = new HashMap<>();

    FactorPanel(List<FactorDefinition> factors, List<StockSeries> stocks, double[][][] values) {
        this.factors = List.copyOf(factors);
        this.stocks = List.copyOf(stocks);
        this.values = values;
        for (int f = 0; f < factors.size(); f++) {
            factorIndex.put(factors.get(f).name(), f);
        }
        for (int s = 0; s < stocks.size(); s++) {
            stockIndex.put(stocks.get(s).code(), s);
        }
    }

    public List<FactorDefinition> factors() {
        return factors;
    }

    public List<StockSeries> stocks() {
        return stocks;
    }

    public int factorIndex(String factor) {
        Integer f = factorIndex.get(factor);
        if (f == null) {
            throw new IllegalArgumentException("Factor '" + factor + "' is not in this panel: " + factorIndex.keySet());
        }
        return f;
    }

    public int stockIndex(TsCode code) {
        Integer s = stockIndex.get(code);
        if (s == null) {
            throw new IllegalArgumentException("Stock " + code + " is not in this panel");
        }
        return s;
    }

    /** The values of one factor for one stock, row by row; shared, not copied: do not modify. */
    public double[] values(int factor, int stock) {
        return values[factor][stock];
    }

    public double[] values(String factor, TsCode code) {
        return values(factorIndex(factor), stockIndex(code));
    }

    /** The value on {@code date}; NaN when the stock has no bar that day or no value. */
    public double value(String factor, TsCode code, LocalDate date) {
        int stock = stockIndex(code);
        int row = Arrays.binarySearch(stocks.get(stock).dates(), DateInts.of(date));
        return row < 0 ? Double.NaN : values[factorIndex(factor)][stock][row];
    }

    /** True where a value exists. */
    public boolean[] mask(int factor, int stock) {
        double[] v = values[factor][stock];
        boolean[] mask = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            mask[i] = !Double.isNaN(v[i]);
        }
        return mask;
    }
}
