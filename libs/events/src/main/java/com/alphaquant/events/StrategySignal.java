package com.alphaquant.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One stock's signal from one strategy for one as-of date, published on {@code strategy.signals}
 * keyed by ts_code. The event id is derived from (strategy, as-of, ts_code, strategy version),
 * so a re-publication is recognisably a duplicate.
 *
 * @param subScores   e.g. trend, momentum, volatility, mean_reversion, model, each in [0, 1]
 * @param targetWeight the portfolio weight after risk control
 * @param riskNotes   reason codes of the risk manager's cuts, e.g. {@code max_position}
 */
public record StrategySignal(String eventId, int schemaVersion, Instant occurredAt, String strategy,
                             String strategyVersion, String modelVersion, LocalDate asOf, String tsCode, Action action,
                             double score, Map<String, Double> subScores, double targetWeight, List<String> riskNotes)
        implements Event {

    public static final int VERSION = 1;

    public enum Action { BUY, SELL, HOLD }

    public StrategySignal {
        Require.version("strategy.signals", schemaVersion, VERSION);
        Require.text("strategy.signals", "eventId", eventId);
        Require.nonNull("strategy.signals", "occurredAt", occurredAt);
        Require.text("strategy.signals", "strategy", strategy);
        Require.text("strategy.signals", "strategyVersion", strategyVersion);
        Require.nonNull("strategy.signals", "asOf", asOf);
        Require.tsCodes("strategy.signals", "tsCode", List.of(Require.text("strategy.signals", "tsCode", tsCode)));
        Require.nonNull("strategy.signals", "action", action);
        subScores = Map.copyOf(Require.nonNull("strategy.signals", "subScores", subScores));
        riskNotes = List.copyOf(Require.nonNull("strategy.signals", "riskNotes", riskNotes));
    }

    /** The deterministic id of a signal: the same (strategy, date, stock, version) is the same event. */
    public static String idFor(String strategy, LocalDate asOf, String tsCode, String strategyVersion) {
        return EventIds.of(Topics.STRATEGY_SIGNALS, strategy, asOf.toString(), tsCode, strategyVersion);
    }

    @Override
    public String key() {
        return tsCode;
    }

    @Override
    public String topic() {
        return Topics.STRATEGY_SIGNALS;
    }
}
