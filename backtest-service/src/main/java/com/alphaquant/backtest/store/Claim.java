package com.alphaquant.backtest.store;

import java.util.UUID;

/** This worker's claim on a job: progress and results are written only while the token is current. */
public record Claim(UUID jobId, String kind, UUID token) {}
