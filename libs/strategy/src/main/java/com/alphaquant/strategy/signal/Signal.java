package com.alphaquant.strategy.signal;

import java.util.Map;

/** One stock's signal for one day: the score, its sub-scores (NaN-free: absent ones omitted) and the action. */
public record Signal(String tsCode, double score, Map<String, Double> subScores, Action action) {

    public enum Action { BUY, SELL, HOLD }
}
