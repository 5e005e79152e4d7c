package com.alphaquant.strategy.signal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One day's factor values across a reference universe (default: every stock with data that
 * day): {@code factors.get(name)[i]} belongs to {@code tsCodes.get(i)}; NaN where a factor is
 * in warm-up or missing (±Infinity counts as missing too: {@link PercentileRank} ranks finite
 * values only, as the live path's JSON turns a non-finite value into null). {@code predictedReturn}
 * is the model's forward return, all NaN when there is no prediction.
 */
public record CrossSection(List<String> tsCodes, Map<String, double[]> factors, double[] predictedReturn) {

    public CrossSection {
        tsCodes = List.copyOf(tsCodes);
        factors = Map.copyOf(factors);
        for (Map.Entry<String, double[]> f : factors.entrySet()) {
            if (f.getValue().length != tsCodes.size()) {
                throw new IllegalArgumentException("Factor " + f.getKey() + " has " + f.getValue().length
                        + " values for " + tsCodes.size() + " stocks");
            }
        }
        if (predictedReturn == null) {
            predictedReturn = new double[tsCodes.size()];
            Arrays.fill(predictedReturn, Double.NaN);
        } else if (predictedReturn.length != tsCodes.size()) {
            throw new IllegalArgumentException("predictedReturn has " + predictedReturn.length + " values for "
                    + tsCodes.size() + " stocks");
        }
    }

    public int size() {
        return tsCodes.size();
    }

    /** The values of {@code factor}; a factor the day lacks entirely is all NaN. */
    public double[] factor(String factor) {
        double[] values = factors.get(factor);
        if (values == null) {
            values = new double[size()];
            Arrays.fill(values, Double.NaN);
        }
        return values;
    }

    public Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>(size() * 2);
        for (int i = 0; i < size(); i++) {
            index.put(tsCodes.get(i), i);
        }
        return index;
    }
}
