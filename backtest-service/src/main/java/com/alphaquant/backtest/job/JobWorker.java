package com.alphaquant.backtest.job;

import com.alphaquant.backtest.BacktestProperties;
import com.alphaquant.backtest.data.DataUnavailableException;
import com.alphaquant.support.outbox.Outbox;
import com.alphaquant.backtest.store.Claim;
import com.alphaquant.backtest.store.JobRecord;
import com.alphaquant.backtest.store.JobStore;
import com.alphaquant.backtest.store.LostClaimException;
import com.alphaquant.support.web.BadRequestException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims runnable jobs from the database and runs them on a small executor ({@code job-threads}),
 * beating each job's heartbeat meanwhile. A job whose worker died (no heartbeat for
 * {@code job-stale-after}) is claimed again by any replica and run again from its stored
 * parameters (an optimisation keeps its finished points); after {@code max-attempts} lost workers
 * it is failed. Optimisation grids run on their own pool of {@code optimizer-threads}.
 *
 * <p>A poll that cannot reach the database (the claim or the exhausted-job sweep fails) keeps
 * every slot free, counts the failure ({@code backtest.jobs.claim.failures}) and tries again at
 * the next poll, so the worker picks jobs up again by itself once the database is back.
 */
@Component
public class JobWorker {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final JobStore jobs;
    private final BacktestRunner backtests;
    private final OptimizeRunner optimizations;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final BacktestProperties properties;
    private final Semaphore slots;
    private final AtomicLong claimFailures = new AtomicLong();
    private final Counter claimFailureCounter;
    private final ExecutorService executor;
    private final ExecutorService optimizerPool;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("backtest-heartbeat"));

    public JobWorker(JobStore jobs, BacktestRunner backtests, OptimizeRunner optimizations, Outbox outbox, TransactionTemplate tx,
                     BacktestProperties properties, MeterRegistry meters) {
        this.jobs = jobs;
        this.backtests = backtests;
        this.optimizations = optimizations;
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
        this.slots = new Semaphore(properties.jobThreads());
        this.executor = Executors.newFixedThreadPool(properties.jobThreads(), daemon("backtest-job"));
        this.optimizerPool = Executors.newFixedThreadPool(properties.optimizerThreads(), daemon("backtest-optimizer"));
        this.claimFailureCounter = Counter.builder("backtest.jobs.claim.failures")
                .description("Polls whose job claim failed (the database unreachable or failing)")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${alphaquant.backtest.job-poll-interval:500ms}")
    public void poll() {
        if (!properties.jobPolling()) {
            return;
        }
        try {
            failExhausted();
        } catch (RuntimeException e) {
            claimFailed(e);
            return;
        }
        while (slots.tryAcquire()) {
            boolean handedOver = false;
            try {
                var claimed = jobs.claim(properties.jobStaleAfter(), properties.maxAttempts());
                if (claimed.isEmpty()) {
                    return;
                }
                Claim claim = claimed.get();
                executor.submit(() -> {
                    try {
                        runToEnd(claim);
                    } finally {
                        slots.release();
                    }
                });
                handedOver = true;
            } catch (RejectedExecutionException e) { // shutting down: the job goes stale and is resumed elsewhere
                log.warn("Job executor stopped; a claimed job will be resumed after {}", properties.jobStaleAfter());
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

    private void claimFailed(RuntimeException e) {
        claimFailures.incrementAndGet();
        claimFailureCounter.increment();
        log.warn("Claiming backtest jobs failed; retrying at the next poll: {}", e.toString());
    }

    /** Polls whose claim failed (the database unreachable); a worker that counts them is still polling. */
    public long claimFailures() {
        return claimFailures.get();
    }

    /** Runs a claimed job and records how it ended. */
    void runToEnd(Claim claim) {
        long beat = Math.max(100, properties.jobStaleAfter().toMillis() / 4);
        var heartbeat = heartbeats.scheduleAtFixedRate(() -> beat(claim), beat, beat, TimeUnit.MILLISECONDS);
        JobRecord job = null;
        try {
            job = jobs.find(claim.jobId()).orElseThrow(() -> new IllegalStateException("Job " + claim.jobId() + " vanished"));
            if (JobRecord.OPTIMIZE.equals(claim.kind())) {
                optimizations.run(claim, job, optimizerPool);
            } else {
                backtests.run(claim, job);
            }
            log.info("{} job {} succeeded", claim.kind(), claim.jobId());
        } catch (LostClaimException e) {
            log.warn("{} job {}: claim lost to another worker, stopping", claim.kind(), claim.jobId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("{} job {} interrupted; it will be resumed", claim.kind(), claim.jobId());
        } catch (Throwable e) {
            String message = message(e);
            if (expected(e)) {
                log.warn("{} job {} failed: {}", claim.kind(), claim.jobId(), message);
            } else {
                log.error("{} job {} failed", claim.kind(), claim.jobId(), e);
            }
            fail(claim, job, message);
        } finally {
            heartbeat.cancel(false);
        }
    }

    private void beat(Claim claim) {
        try {
            jobs.heartbeat(claim);
        } catch (RuntimeException e) {
            log.warn("Heartbeat of job {} failed: {}", claim.jobId(), e.getMessage());
        }
    }

    private void fail(Claim claim, JobRecord job, String message) {
        try {
            tx.executeWithoutResult(s -> {
                if (jobs.fail(claim, message) && job != null && JobRecord.BACKTEST.equals(job.kind())) {
                    outbox.add(BacktestRunner.failed(job));
                }
            });
        } catch (RuntimeException e) {
            log.error("Could not record the failure of job {}; it will go stale and be retried", claim.jobId(), e);
        }
    }

    private void failExhausted() {
        Duration stale = properties.jobStaleAfter();
        for (UUID id : jobs.exhausted(stale, properties.maxAttempts())) {
            jobs.find(id).ifPresent(job -> tx.executeWithoutResult(s -> {
                String message = "The job's worker stopped " + job.attempts() + " times (no heartbeat for " + stale + "); not retried";
                if (jobs.failExhausted(id, stale, message) && JobRecord.BACKTEST.equals(job.kind())) {
                    outbox.add(BacktestRunner.failed(job));
                }
            }));
        }
    }

    /** Failures that describe the input or the data, not a bug: their message is the whole story. */
    private static boolean expected(Throwable e) {
        return e instanceof IllegalArgumentException || e instanceof DataUnavailableException || e instanceof BadRequestException;
    }

    static String message(Throwable e) {
        if (expected(e)) {
            return e instanceof BadRequestException b ? b.field() + ": " + b.getMessage() : e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        optimizerPool.shutdownNow();
        heartbeats.shutdownNow();
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
