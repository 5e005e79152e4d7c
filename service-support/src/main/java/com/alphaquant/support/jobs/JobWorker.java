package com.alphaquant.support.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims jobs from a {@link JobQueue} and runs them a few at a time, beating each job's heartbeat
 * meanwhile; the service calls {@link #poll()} on its schedule. Before claiming, jobs whose
 * workers were lost too often are failed. A poll that cannot reach the database (the claim or
 * that sweep throws) keeps every slot free, counts the failure ({@code <name>.jobs.claim.failures})
 * and tries again at the next poll: the worker never wedges, and picks jobs up by itself once
 * the database is back. Whatever a job throws is recorded as its failure, never lost — except
 * while the worker closes: {@link #close()} interrupts the running jobs, which then fail for that
 * reason alone (an HTTP call reports the interrupt as an I/O error), so they are left claimed
 * for another replica to resume once their heartbeat is stale.
 */
public final class JobWorker implements AutoCloseable {

    /** What a service does with its jobs. */
    public interface Jobs {
        /** Runs a claimed job to its end, recording its success (with the claim's token); throws on failure. */
        void run(JobQueue.Claim claim) throws Exception;

        /** Records a failure: at least {@link JobQueue#fail}, plus whatever the service announces. */
        void failed(JobQueue.Claim claim, Throwable failure);

        /** Fails a job whose workers were lost too often (e.g. {@link JobQueue#failExhausted} and an event). */
        void exhausted(UUID jobId, String message);
    }

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);
    /** How long {@link #close()} waits for the interrupted jobs to stop. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final JobQueue queue;
    private final Jobs jobs;
    private final Duration staleAfter;
    private final int maxAttempts;
    private final Semaphore slots;
    private final AtomicLong claimFailures = new AtomicLong();
    private final Counter claimFailureCounter;
    private final ExecutorService executor;
    private final ScheduledExecutorService heartbeats;
    private volatile boolean closing;

    public JobWorker(String name, JobQueue queue, Jobs jobs, int threads, Duration staleAfter, int maxAttempts,
                     MeterRegistry meters) {
        this.name = name;
        this.queue = queue;
        this.jobs = jobs;
        this.staleAfter = staleAfter;
        this.maxAttempts = maxAttempts;
        this.slots = new Semaphore(threads);
        this.executor = Executors.newFixedThreadPool(threads, daemon(name + "-job"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon(name + "-heartbeat"));
        this.claimFailureCounter = Counter.builder(name + ".jobs.claim.failures")
                .description("Polls whose job claim failed (the database unreachable or failing)").register(meters);
    }

    /** Fails exhausted jobs, then claims and starts runnable ones while slots are free; nothing once closing. */
    public void poll() {
        if (closing) {
            return;
        }
        try {
            for (UUID id : queue.exhausted(staleAfter, maxAttempts)) {
                jobs.exhausted(id, "The job's worker stopped " + maxAttempts + " times (no heartbeat for " + staleAfter
                        + "); not retried");
            }
        } catch (RuntimeException e) {
            claimFailed(e);
            return;
        }
        while (slots.tryAcquire()) {
            boolean handedOver = false;
            try {
                var claimed = queue.claim(staleAfter, maxAttempts);
                if (claimed.isEmpty()) {
                    return;
                }
                JobQueue.Claim claim = claimed.get();
                executor.submit(() -> {
                    try {
                        runToEnd(claim);
                    } finally {
                        slots.release();
                    }
                });
                handedOver = true;
            } catch (RejectedExecutionException e) { // shutting down: the job goes stale and is resumed elsewhere
                log.warn("{} job executor stopped; a claimed job will be resumed after {}", name, staleAfter);
                return;
            } catch (RuntimeException e) {
                claimFailed(e);
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

    /** Runs a claimed job, beating its heartbeat, and records a failure if it throws. */
    public void runToEnd(JobQueue.Claim claim) {
        long beat = Math.max(100, staleAfter.toMillis() / 4);
        var heartbeat = heartbeats.scheduleAtFixedRate(() -> beat(claim), beat, beat, TimeUnit.MILLISECONDS);
        try {
            jobs.run(claim);
        } catch (LostClaimException e) {
            log.warn("{} job {}: claim lost to another worker, stopping", name, claim.jobId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("{} job {} interrupted; it will be resumed", name, claim.jobId());
        } catch (Throwable e) {
            if (closing) {
                log.warn("{} job {} stopped as the worker closes ({}); another worker resumes it after {}", name, claim.jobId(),
                        e.toString(), staleAfter);
                return;
            }
            try {
                jobs.failed(claim, e);
            } catch (RuntimeException recording) {
                log.error("Could not record the failure of {} job {}; it will go stale and be retried", name, claim.jobId(),
                        recording);
            }
        } finally {
            heartbeat.cancel(false);
        }
    }

    private void beat(JobQueue.Claim claim) {
        try {
            queue.heartbeat(claim);
        } catch (RuntimeException e) {
            log.warn("Heartbeat of {} job {} failed: {}", name, claim.jobId(), e.getMessage());
        }
    }

    private void claimFailed(RuntimeException e) {
        claimFailures.incrementAndGet();
        claimFailureCounter.increment();
        log.warn("Claiming {} jobs failed; retrying at the next poll: {}", name, e.toString());
    }

    /**
     * Stops claiming, interrupts the running jobs and waits a little for them to stop, so that
     * none records anything after its service has shut down. Their claims stay: without a
     * heartbeat they go stale and any replica resumes them.
     */
    @Override
    public void close() {
        closing = true;
        executor.shutdownNow();
        heartbeats.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} jobs still running {} after the worker closed; they will be resumed elsewhere", name, STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
