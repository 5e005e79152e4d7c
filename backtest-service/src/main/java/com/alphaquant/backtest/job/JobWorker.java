package com.alphaquant.backtest.job;

import com.alphaquant.backtest.BacktestProperties;
import com.alphaquant.backtest.data.DataUnavailableException;
import com.alphaquant.backtest.store.Claim;
import com.alphaquant.backtest.store.JobRecord;
import com.alphaquant.backtest.store.JobStore;
import com.alphaquant.support.jobs.JobQueue;
import com.alphaquant.support.outbox.Outbox;
import com.alphaquant.support.web.BadRequestException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs backtest and optimisation jobs with service-support's job worker: claims from the job
 * table ({@code job-threads} at once), heartbeats, and the attempt cap — a job whose worker died
 * (no heartbeat for {@code job-stale-after}) is claimed again by any replica and run again from
 * its stored parameters (an optimisation keeps its finished points); after {@code max-attempts}
 * lost workers it is failed. A failed backtest announces itself with {@code backtest.completed}.
 * Optimisation grids run on their own pool of {@code optimizer-threads}.
 *
 * <p>A poll that cannot reach the database keeps every slot free, counts the failure
 * ({@code backtest.jobs.claim.failures}) and tries again at the next poll.
 */
@Component
public class JobWorker implements com.alphaquant.support.jobs.JobWorker.Jobs {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final JobStore jobs;
    private final BacktestRunner backtests;
    private final OptimizeRunner optimizations;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final BacktestProperties properties;
    private final com.alphaquant.support.jobs.JobWorker worker;
    private final ExecutorService optimizerPool;

    public JobWorker(JobStore jobs, BacktestRunner backtests, OptimizeRunner optimizations, Outbox outbox, TransactionTemplate tx,
                     BacktestProperties properties, MeterRegistry meters) {
        this.jobs = jobs;
        this.backtests = backtests;
        this.optimizations = optimizations;
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
        this.worker = new com.alphaquant.support.jobs.JobWorker("backtest", jobs.queue(), this, properties.jobThreads(),
                properties.jobStaleAfter(), properties.maxAttempts(), meters);
        this.optimizerPool = Executors.newFixedThreadPool(properties.optimizerThreads(), r -> {
            Thread t = new Thread(r, "backtest-optimizer");
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(fixedDelayString = "${alphaquant.backtest.job-poll-interval:500ms}")
    public void poll() {
        if (properties.jobPolling()) {
            worker.poll();
        }
    }

    /** Polls whose claim failed (the database unreachable); a worker that counts them is still polling. */
    public long claimFailures() {
        return worker.claimFailures();
    }

    @Override
    public void run(JobQueue.Claim queued) throws Exception {
        JobRecord job = jobs.find(queued.jobId()).orElseThrow(() -> new IllegalStateException("Job " + queued.jobId() + " vanished"));
        Claim claim = new Claim(queued.jobId(), job.kind(), queued.token());
        if (JobRecord.OPTIMIZE.equals(job.kind())) {
            optimizations.run(claim, job, optimizerPool);
        } else {
            backtests.run(claim, job);
        }
        log.info("{} job {} succeeded", job.kind(), job.id());
    }

    @Override
    public void failed(JobQueue.Claim queued, Throwable e) {
        String message = message(e);
        if (expected(e)) {
            log.warn("Job {} failed: {}", queued.jobId(), message);
        } else {
            log.error("Job {} failed", queued.jobId(), e);
        }
        tx.executeWithoutResult(s -> {
            if (jobs.queue().fail(queued, message)) {
                jobs.find(queued.jobId()).filter(job -> JobRecord.BACKTEST.equals(job.kind()))
                        .ifPresent(job -> outbox.add(BacktestRunner.failed(job)));
            }
        });
    }

    @Override
    public void exhausted(UUID id, String message) {
        tx.executeWithoutResult(s -> {
            if (jobs.queue().failExhausted(id, properties.jobStaleAfter(), message)) {
                jobs.find(id).filter(job -> JobRecord.BACKTEST.equals(job.kind()))
                        .ifPresent(job -> outbox.add(BacktestRunner.failed(job)));
            }
        });
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
        worker.close();
        optimizerPool.shutdownNow();
    }
}
