package com.alphaquant.data.ingest;

import com.alphaquant.data.tushare.TushareError;
import com.alphaquant.data.tushare.TushareException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Claims runnable jobs from the database and runs them, a few at a time. A job whose worker
 * died (no heartbeat for {@code stale-after}) is claimed again by any replica and resumes.
 */
@Component
public class IngestWorker {

    private static final Logger log = LoggerFactory.getLogger(IngestWorker.class);

    private final JobStore jobs;
    private final IngestRunner runner;
    private final Duration staleAfter;
    private final Semaphore slots = new Semaphore(2);
    private final AtomicLong claimFailures = new AtomicLong();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ingest-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "ingest-job");
        t.setDaemon(true);
        return t;
    });

    private final boolean polling;

    public IngestWorker(JobStore jobs, IngestRunner runner,
                        @Value("${alphaquant.data.job-stale-after:2m}") Duration staleAfter,
                        @Value("${alphaquant.data.job-polling:true}") boolean polling) {
        this.jobs = jobs;
        this.runner = runner;
        this.staleAfter = staleAfter;
        this.polling = polling;
    }

    @Scheduled(fixedDelayString = "${alphaquant.data.job-poll-interval:500ms}")
    public void poll() {
        if (!polling) {
            return;
        }
        while (slots.tryAcquire()) {
            boolean handedOver = false;
            try {
                var claimed = jobs.claim(staleAfter);
                if (claimed.isEmpty()) {
                    return;
                }
                UUID id = claimed.get();
                executor.submit(() -> {
                    try {
                        runToEnd(id);
                    } finally {
                        slots.release();
                    }
                });
                handedOver = true;
            } catch (RuntimeException e) {
                // The database is away: keep the slot free and try again at the next poll.
                claimFailures.incrementAndGet();
                log.warn("Claiming ingestion jobs failed; retrying at the next poll: {}", e.toString());
                return;
            } finally {
                if (!handedOver) {
                    slots.release();
                }
            }
        }
    }

    /** Polls whose claim failed (the database unreachable); a worker that counts them is still polling. */
    public long claimFailures() {
        return claimFailures.get();
    }

    /** Runs a claimed job and records how it ended, beating its heartbeat meanwhile. */
    public void runToEnd(UUID id) {
        long beat = Math.max(100, staleAfter.toMillis() / 4);
        var heartbeat = heartbeats.scheduleAtFixedRate(() -> jobs.heartbeat(id), beat, beat, TimeUnit.MILLISECONDS);
        try {
            runAndRecord(id);
        } finally {
            heartbeat.cancel(false);
        }
    }

    private void runAndRecord(UUID id) {
        try {
            runner.run(id);
            jobs.finish(id, IngestJob.Status.SUCCEEDED, null);
            log.info("Job {} succeeded", id);
        } catch (TushareException e) {
            if (e.error() == TushareError.DAILY_LIMIT) {
                // Tushare's daily quota resets at midnight in Beijing; resume a few minutes after.
                var resume = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).atTime(0, 5)
                        .atZone(ZoneId.of("Asia/Shanghai")).toInstant();
                jobs.pause(id, resume, "Tushare daily limit reached; resumes at " + resume + ": " + e.getMessage());
                log.warn("Job {} paused until {}: {}", id, resume, e.getMessage());
            } else {
                jobs.finish(id, IngestJob.Status.FAILED, e.getMessage());
                log.error("Job {} failed: {}", id, e.getMessage());
            }
        } catch (RuntimeException e) {
            jobs.finish(id, IngestJob.Status.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
            log.error("Job {} failed", id, e);
        }
    }
}
