package com.alphaquant.strategy.risk;

import java.util.List;
import java.util.Map;

/**
 * Target weights after risk control, and per stock the reason codes of every cut.
 *
 * @param targets the weights after every risk rule, every stock above 0
 * @param desired the strategy's weights after the stops and max_position only (before volatility
 *                targeting, the exposure cap and max_single_trade), every stock given or held, 0
 *                included: what the next day's book keeps as each holding's
 *                {@link Holding#baseWeight() desired weight}
 */
public record RiskDecision(Map<String, Double> targets, Map<String, List<String>> notes, Map<String, Double> desired) {

    /** Reason codes. */
    public static final String STOP_LOSS = "stop_loss";
    public static final String TRAILING_STOP = "trailing_stop";
    public static final String MAX_POSITION = "max_position";
    public static final String MAX_SINGLE_TRADE = "max_single_trade";
    public static final String MAX_EXPOSURE = "max_exposure";
    public static final String VOL_TARGET = "vol_target";

    public List<String> notesFor(String tsCode) {
        return notes.getOrDefault(tsCode, List.of());
    }

    /** The desired weight of {@code tsCode} (before scaling and the trade limit), 0 when none. */
    public double desired(String tsCode) {
        return desired.getOrDefault(tsCode, 0.0);
    }
}
