package com.alphaquant.backtest.job;

import com.alphaquant.backtest.store.Claim;
import com.alphaquant.backtest.store.JobStore;
import com.alphaquant.support.jobs.LostClaimException;

/**
 * Stores a job's progress (percent) when it moved by a whole point or a second passed, never
 * backwards; thread-safe (grid points finish on several threads). A lost claim stops the job.
 */
final class ProgressTracker {

    private final JobStore jobs;
    private final Claim claim;
    private double stored = -1;
    private long storedAt;

    ProgressTracker(JobStore jobs, Claim claim) {
        this.jobs = jobs;
        this.claim = claim;
    }

    synchronized void set(double percent) {
        long now = System.nanoTime();
        if (percent <= stored || (percent - stored < 1 && now - storedAt < 1_000_000_000L)) {
            return;
        }
        if (!jobs.progress(claim, Math.min(percent, 99.9))) {
            throw new LostClaimException(claim.jobId());
        }
        stored = percent;
        storedAt = now;
    }
}
