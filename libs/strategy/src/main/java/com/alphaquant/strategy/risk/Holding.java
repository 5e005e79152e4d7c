package com.alphaquant.strategy.risk;

/**
 * A position as the risk manager sees it: its current weight, entry price, the highest close
 * since entry and the latest close (all on the same price basis, e.g. forward-adjusted).
 */
public record Holding(String tsCode, double weight, double entryPrice, double highestClose, double lastClose) {
}
