package com.alphaquant.backtest.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A job as stored. JSON columns come back as text.
 *
 * @param kind   {@code BACKTEST} or {@code OPTIMIZE}
 * @param status {@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 */
public record JobRecord(UUID id, String kind, String status, String strategy, LocalDate startDate, LocalDate endDate,
                        String parameters, double progress, int attempts, String message, String engineVersion,
                        String metrics, String counts, String runInfo, Instant createdAt, Instant startedAt,
                        Instant finishedAt) {

    public static final String BACKTEST = "BACKTEST";
    public static final String OPTIMIZE = "OPTIMIZE";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
}
