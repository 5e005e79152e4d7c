package com.alphaquant.strategy.book;

import com.alphaquant.events.StrategySignal;
import com.alphaquant.strategy.risk.RiskDecision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stops a day's decision fired: ts_code → stop_loss or trailing_stop (from the signals' risk notes). */
final class StopsHit {

    private StopsHit() {
    }

    static Map<String, String> of(List<StrategySignal> signals) {
        Map<String, String> stops = new HashMap<>();
        for (StrategySignal s : signals) {
            if (s.riskNotes().contains(RiskDecision.STOP_LOSS)) {
                stops.put(s.tsCode(), RiskDecision.STOP_LOSS);
            } else if (s.riskNotes().contains(RiskDecision.TRAILING_STOP)) {
                stops.put(s.tsCode(), RiskDecision.TRAILING_STOP);
            }
        }
        return stops;
    }
}
