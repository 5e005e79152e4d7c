package com.alphaquant.strategy.signal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parameters of the {@code multi_factor} signal (SPEC section 4): which factors make each
 * sub-score (a leading '-' means lower ranks higher), the weights of the sub-scores and of the
 * model, the BUY / SELL thresholds, and whether the score is made industry-neutral
 * ({@link IndustryNeutral}) before the thresholds apply.
 */
public record MultiFactorParams(Map<String, List<String>> groups, Map<String, Double> weights, double buyAbove,
                                double sellBelow, boolean industryNeutral) {

    public static final String MODEL = "model";

    /** Equal to the {@code multi_factor} preset (presets/multi_factor.yml; a test keeps them equal). */
    public static final MultiFactorParams DEFAULT = new MultiFactorParams(defaultGroups(),
            pairs("trend", 0.3, "momentum", 0.2, "volatility", 0.2, "mean_reversion", 0.1, MODEL, 0.2), 0.6, 0.4);

    /** Not industry-neutral: the scores of SPEC section 4 as they are. */
    public MultiFactorParams(Map<String, List<String>> groups, Map<String, Double> weights, double buyAbove, double sellBelow) {
        this(groups, weights, buyAbove, sellBelow, false);
    }

    public MultiFactorParams {
        // Insertion order kept (Map.copyOf's order changes from JVM to JVM): the sub-scores are
        // summed in this order, so a score is the same double on every run and machine.
        Map<String, List<String>> copied = new LinkedHashMap<>();
        groups.forEach((name, factors) -> copied.put(name, List.copyOf(factors)));
        groups = ordered(copied);
        weights = ordered(weights);
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (!w.getKey().equals(MODEL) && !groups.containsKey(w.getKey())) {
                throw new IllegalArgumentException("Weight for unknown sub-score '" + w.getKey() + "' (groups: "
                        + groups.keySet() + ", model)");
            }
            if (!(w.getValue() >= 0)) {
                throw new IllegalArgumentException("Weight of " + w.getKey() + " must be >= 0, got " + w.getValue());
            }
        }
        if (!(sellBelow <= buyAbove) || buyAbove > 1 || sellBelow < 0) {
            throw new IllegalArgumentException("Thresholds need 0 <= sell_below <= buy_above <= 1, got sell_below="
                    + sellBelow + " buy_above=" + buyAbove);
        }
    }

    /** These parameters with industry neutrality on or off. */
    public MultiFactorParams withIndustryNeutral(boolean neutral) {
        return new MultiFactorParams(groups, weights, buyAbove, sellBelow, neutral);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "sub-score name"), Objects.requireNonNull(v, k)));
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, List<String>> defaultGroups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("trend", List.of("DEV20", "MACD_HIST", "RS20"));
        groups.put("momentum", List.of("MOM20", "MOM60", "RSI14"));
        groups.put("volatility", List.of("-VOL20", "-ATR14"));
        groups.put("mean_reversion", List.of("-BOLL_PCTB", "-WILLR14"));
        return groups;
    }

    private static Map<String, Double> pairs(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return map;
    }
}
