package com.alphaquant.model.jobs;

import java.time.Instant;
import java.util.UUID;

/** A training job as stored: its request, where it stands and, once done, the model it made. */
public record TrainingJobRecord(UUID id, String status, String request, double progress, String detail, boolean cancelRequested,
                                UUID modelId, int attempts, String message, Instant createdAt, Instant startedAt,
                                Instant finishedAt) {
}
