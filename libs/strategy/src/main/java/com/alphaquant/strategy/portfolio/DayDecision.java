package com.alphaquant.strategy.portfolio;

import com.alphaquant.strategy.risk.RiskDecision;
import com.alphaquant.strategy.signal.Signal;
import java.util.List;
import java.util.Map;

/**
 * One day's decision of {@link MultiFactorPortfolio}: the signals of the traded stocks, the target
 * weights after risk control with the reason codes of every cut, and the book the next day starts
 * from.
 *
 * @param realisedVol the book's realised volatility (annualised) the risk manager was given, NaN when unknown
 */
public record DayDecision(List<Signal> signals, RiskDecision risk, Book next, double realisedVol) {

    public DayDecision {
        signals = List.copyOf(signals);
    }

    /** Target weights after risk control, every stock above 0 (signalled or only held). */
    public Map<String, Double> targets() {
        return risk.targets();
    }

    /** The target weight of {@code tsCode} after risk control, 0 when none. */
    public double target(String tsCode) {
        return risk.targets().getOrDefault(tsCode, 0.0);
    }

    public List<String> notesFor(String tsCode) {
        return risk.notesFor(tsCode);
    }
}
