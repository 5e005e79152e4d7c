package com.alphaquant.data.ingest;

import com.alphaquant.data.tushare.TushareError;
import com.alphaquant.data.tushare.TushareException;
import com.alphaquant.support.jobs.JobQueue;
import com.alphaquant.support.jobs.JobWorker;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs ingestion jobs with service-support's job worker, two at a time: claims from the job
 * table, heartbeats, and the attempt cap — a job whose worker died (no heartbeat for
 * {@code stale-after}) is claimed again by any replica and resumes from its watermarks, until
 * {@code max-attempts} lost workers fail it. Tushare's daily limit pauses a job until shortly
 * after midnight in Beijing. A poll that cannot reach the database keeps every slot free, counts
 * the failure ({@code ingest.jobs.claim.failures}) and tries again at the next poll.
 */
@Component
public class IngestWorker implements JobWorker.Jobs {

    private static final Logger log = LoggerFactory.getLogger(IngestWorker.class);

    private final JobStore jobs;
    private final IngestRunner runner;
    private final JobWorker worker;
    private final boolean polling;
    private final Duration staleAfter;

    public IngestWorker(JobStore jobs, IngestRunner runner, MeterRegistry meters,
                        @Value("${alphaquant.data.job-stale-after:2m}") Duration staleAfter,
                        @Value("${alphaquant.data.job-max-attempts:5}") int maxAttempts,
                        @Value("${alphaquant.data.job-polling:true}") boolean polling) {
        this.jobs = jobs;
        this.runner = runner;
        this.polling = polling;
        this.staleAfter = staleAfter;
        this.worker = new JobWorker("ingest", jobs.queue(), this, 2, staleAfter, maxAttempts, meters);
    }

    @Scheduled(fixedDelayString = "${alphaquant.data.job-poll-interval:500ms}")
    public void poll() {
        if (polling) {
            worker.poll();
        }
    }

    /** Polls whose claim failed (the database unreachable); a worker that counts them is still polling. */
    public long claimFailures() {
        return worker.claimFailures();
    }

    @Override
    public void run(JobQueue.Claim claim) {
        runner.run(claim);
        if (!jobs.queue().succeed(claim)) {
            log.warn("Job {} finished, but another worker had taken it over", claim.jobId());
            return;
        }
        log.info("Job {} succeeded", claim.jobId());
    }

    @Override
    public void failed(JobQueue.Claim claim, Throwable e) {
        if (e instanceof TushareException t && t.error() == TushareError.DAILY_LIMIT) {
            // Tushare's daily quota resets at midnight in Beijing; resume a few minutes after.
            Instant resume = LocalDate.now(Publication.SHANGHAI).plusDays(1).atTime(0, 5).atZone(Publication.SHANGHAI).toInstant();
            jobs.queue().pause(claim, resume, "Tushare daily limit reached; resumes at " + resume + ": " + e.getMessage());
            log.warn("Job {} paused until {}: {}", claim.jobId(), resume, e.getMessage());
        } else if (e instanceof TushareException) {
            jobs.queue().fail(claim, e.getMessage());
            log.error("Job {} failed: {}", claim.jobId(), e.getMessage());
        } else {
            jobs.queue().fail(claim, e.getClass().getSimpleName() + ": " + e.getMessage());
            log.error("Job {} failed", claim.jobId(), e);
        }
    }

    @Override
    public void exhausted(UUID jobId, String message) {
        jobs.queue().failExhausted(jobId, staleAfter, message);
        log.error("Job {} failed: {}", jobId, message);
    }

    @PreDestroy
    void stop() {
        worker.close();
    }
}
