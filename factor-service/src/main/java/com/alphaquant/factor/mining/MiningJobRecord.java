package com.alphaquant.factor.mining;

import java.time.Instant;
import java.util.UUID;

/** A mining job as stored: its request, where it stands and, once done, what it found (JSON as text). */
public record MiningJobRecord(UUID id, String status, String request, double progress, String detail, String result,
                              boolean cancelRequested, int attempts, String message, Instant createdAt, Instant startedAt,
                              Instant finishedAt) {

    public boolean finished() {
        return status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED");
    }
}
