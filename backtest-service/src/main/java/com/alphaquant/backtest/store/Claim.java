package com.alphaquant.backtest.store;

import com.alphaquant.support.jobs.JobQueue;
import java.util.UUID;

/** This worker's claim on a job: progress and results are written only while the token is current. */
public record Claim(UUID jobId, String kind, UUID token) {

    /** The same claim as the job queue knows it. */
    public JobQueue.Claim queued() {
        return new JobQueue.Claim(jobId, token);
    }
}
