package com.alphaquant.support.jobs;

import java.util.UUID;

/** Another worker took the job over (this one stopped beating for too long): stop without writing. */
public class LostClaimException extends RuntimeException {

    public LostClaimException(UUID jobId) {
        super("Job " + jobId + " is no longer claimed by this worker");
    }
}
