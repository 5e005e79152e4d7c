package com.alphaquant.backtest.job;

import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.RejectReason;
import java.util.LinkedHashMap;
import java.util.Map;

/** A run's figures as stored and served, named as in the CLI's metrics.json; an undefined figure is null. */
final class Figures {

    private Figures() {
    }

    /** days, the SPEC section 5 metrics, final_equity. */
    static Map<String, Object> metrics(BacktestResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("days", r.metrics().days());
        r.metrics().asMap().forEach((k, v) -> m.put(k, Double.isFinite(v) ? v : null));
        m.put("final_equity", r.finalEquity());
        return m;
    }

    /** The defined metrics only, as the backtest.completed event carries them. */
    static Map<String, Double> eventMetrics(BacktestResult r) {
        Map<String, Double> m = new LinkedHashMap<>();
        r.metrics().asMap().forEach((k, v) -> {
            if (Double.isFinite(v)) {
                m.put(k, v);
            }
        });
        m.put("final_equity", r.finalEquity());
        return m;
    }

    /** fills, rejections and rejections by reason. */
    static Map<String, Object> counts(BacktestResult r) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("fills", r.fills().size());
        c.put("rejections", r.rejections().size());
        Map<RejectReason, Integer> byReason = r.rejectionCounts();
        for (RejectReason reason : RejectReason.values()) {
            c.put("rejected_" + reason.code(), byReason.getOrDefault(reason, 0));
        }
        return c;
    }
}
