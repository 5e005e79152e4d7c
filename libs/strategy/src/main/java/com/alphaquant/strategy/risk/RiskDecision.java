package com.alphaquant.strategy.risk;

import java.util.List;
import java.util.Map;

/** Target weights after risk control, and per stock the reason codes of every cut. */
public record RiskDecision(Map<String, Double> targets, Map<String, List<String>> notes) {

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
}
