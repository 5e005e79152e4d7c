package com.alphaquant.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * backtest-service finished a backtest job (successfully or not). Keyed by backtest id.
 *
 * @param status  {@code SUCCEEDED} or {@code FAILED}
 * @param metrics SPEC section 5 metrics by name, empty when failed
 */
public record BacktestCompleted(String eventId, int schemaVersion, Instant occurredAt, String backtestId,
                                String strategy, LocalDate startDate, LocalDate endDate, String status,
                                Map<String, Double> metrics, String engineVersion) implements Event {

    public static final int VERSION = 1;

    public BacktestCompleted {
        Require.version("backtest.completed", schemaVersion, VERSION);
        Require.text("backtest.completed", "eventId", eventId);
        Require.nonNull("backtest.completed", "occurredAt", occurredAt);
        Require.text("backtest.completed", "backtestId", backtestId);
        Require.text("backtest.completed", "strategy", strategy);
        Require.nonNull("backtest.completed", "startDate", startDate);
        Require.nonNull("backtest.completed", "endDate", endDate);
        if (!"SUCCEEDED".equals(status) && !"FAILED".equals(status)) {
            throw new IllegalArgumentException("backtest.completed.status must be SUCCEEDED or FAILED, got '" + status + "'");
        }
        metrics = Map.copyOf(Require.nonNull("backtest.completed", "metrics", metrics));
        Require.text("backtest.completed", "engineVersion", engineVersion);
    }

    @Override
    public String key() {
        return backtestId;
    }

    @Override
    public String topic() {
        return Topics.BACKTEST_COMPLETED;
    }
}
