package com.alphaquant.backtest.api;

import com.alphaquant.backtest.job.Objective;
import com.alphaquant.backtest.job.Ranking;
import com.alphaquant.backtest.store.JobRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API's JSON shapes. */
final class Views {

    private Views() {
    }

    /** A job's progress in percent, to one decimal. */
    static double progress(JobRecord job) {
        return Math.round(job.progress() * 10) / 10.0;
    }

    /** A submitted job. */
    record Accepted(UUID id, String kind, String status, String location) {}

    /**
     * A backtest job: where it stands, what was asked (defaults filled in), and once SUCCEEDED its
     * figures (named as in the CLI's metrics.json, null where undefined) and counts.
     */
    record Backtest(UUID id, String kind, String status, double progress, String message, String strategy,
                    LocalDate startDate, LocalDate endDate, String engine, String engineVersion, JsonNode parameters,
                    JsonNode run, JsonNode metrics, JsonNode counts, Instant createdAt, Instant startedAt,
                    Instant finishedAt, Map<String, String> links) {}

    /** One day of the equity curve (equity.csv's columns). */
    record Equity(LocalDate tradeDate, double cash, double marketValue, double equity, Double benchmark, double drawdown) {}

    /** One fill (trades.csv's columns): price includes slippage; cash moves −(value + fees) on a buy, value − fees on a sell. */
    record Trade(LocalDate tradeDate, String tsCode, String side, double shares, double price, double value, double commission,
                 double stampDuty, double transferFee, double slippageCost, String reason) {}

    /** One rejected order (rejections.csv's columns). */
    record Rejection(LocalDate tradeDate, String tsCode, String side, double shares, String reason) {}

    /** An optimisation job: its grid ranked by the objective (best first) and the best point. */
    record Optimization(UUID id, String kind, String status, double progress, String message, String strategy,
                        LocalDate startDate, LocalDate endDate, String objective, String engineVersion, JsonNode parameters,
                        int points, int done, GridPoint best, List<GridPoint> grid, JsonNode run, Instant createdAt,
                        Instant startedAt, Instant finishedAt) {}

    /** One grid point: the values it varies, its objective value (null when undefined) and its figures. */
    record GridPoint(int rank, int point, JsonNode parameters, String objective, Double objectiveValue, JsonNode metrics,
                     double finalEquity, int fills, int rejections) {

        static GridPoint of(int rank, Ranking.Ranked r, Objective objective, JsonMapper json) {
            return new GridPoint(rank, r.point().point(), json.readTree(r.point().parameters()), objective.metric(), r.value(),
                    r.metrics(), r.point().finalEquity(), r.point().fills(), r.point().rejections());
        }
    }

    /**
     * A backtest in the list of past ones: what was asked, where it stands, and once SUCCEEDED its
     * figures as {@link Backtest} has them (null before, and for a FAILED one).
     */
    record BacktestSummary(UUID id, String status, String strategy, LocalDate startDate, LocalDate endDate, Instant submittedAt,
                           Instant finishedAt, double progress, String message, JsonNode metrics, String location) {}

    /**
     * An optimisation in the list of past ones: its objective, the grid's size and the points
     * computed so far, and the best of those ({@link Optimization}'s {@code best}; null while none is computed).
     */
    record OptimizationSummary(UUID id, String status, String strategy, LocalDate startDate, LocalDate endDate, String objective,
                               Instant submittedAt, Instant finishedAt, double progress, String message, int points, int done,
                               GridPoint best, String location) {}
}
