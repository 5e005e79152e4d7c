package com.alphaquant.backtest.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.backtest.BacktestProperties;
import com.alphaquant.backtest.store.Claim;
import com.alphaquant.backtest.store.JobRecord;
import com.alphaquant.backtest.store.JobStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's poll loop against a job store whose claims fail (the database away): every
 * failure is counted, no slot is lost, and jobs claimed afterwards still run, as many at once as
 * the worker has slots.
 */
class JobWorkerTest {

    private static final BacktestProperties PROPERTIES = new BacktestProperties("http://localhost:1",
            BacktestProperties.Bars.DATA_SERVICE, null, "daily_raw_adj_*.csv*", 1, 2, true, Duration.ofMillis(100),
            Duration.ofMinutes(2), 3, Duration.ofSeconds(1), Duration.ofSeconds(1), 10);

    /** Answers each claim from a script: an exception to throw, a job to hand out, or (script empty) nothing. */
    static final class ScriptedJobs extends JobStore {
        final Deque<Object> script = new ArrayDeque<>();
        volatile boolean sweepFails;

        ScriptedJobs() {
            super(null);
        }

        @Override
        public synchronized Optional<Claim> claim(Duration staleAfter, int maxAttempts) {
            Object next = script.poll();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return Optional.ofNullable((Claim) next);
        }

        @Override
        public List<UUID> exhausted(Duration staleAfter, int maxAttempts) {
            if (sweepFails) {
                throw new IllegalStateException("Connection refused");
            }
            return List.of();
        }

        @Override
        public Optional<JobRecord> find(UUID id) {
            return Optional.of(new JobRecord(id, JobRecord.BACKTEST, "RUNNING", "buy_and_hold", LocalDate.of(2022, 1, 4),
                    LocalDate.of(2022, 1, 31), "{}", 0, 1, null, "1", null, null, null, Instant.now(), Instant.now(), null));
        }

        @Override
        public boolean heartbeat(Claim claim) {
            return true;
        }

        @Override
        public boolean fail(Claim claim, String message) {
            throw new AssertionError("job " + claim.jobId() + " failed: " + message);
        }
    }

    /** Records the jobs it runs; each waits for {@link #release} so that running jobs hold their slots. */
    static final class RecordingRunner extends BacktestRunner {
        final Set<UUID> started = ConcurrentHashMap.newKeySet();
        final Set<UUID> finished = ConcurrentHashMap.newKeySet();
        final CountDownLatch release = new CountDownLatch(1);

        RecordingRunner() {
            super(null, null, null, null, null, null);
        }

        @Override
        void run(Claim claim, JobRecord job) {
            started.add(claim.jobId());
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            finished.add(claim.jobId());
        }
    }

    private final ScriptedJobs jobs = new ScriptedJobs();
    private final RecordingRunner runner = new RecordingRunner();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final JobWorker worker = new JobWorker(jobs, runner, new OptimizeRunner(null, null, null, null, null, PROPERTIES),
            null, null, PROPERTIES, meters);

    @AfterEach
    void stop() {
        runner.release.countDown();
        worker.stop();
    }

    private static Claim claim() {
        return new Claim(UUID.randomUUID(), JobRecord.BACKTEST, UUID.randomUUID());
    }

    @Test
    void claimsThatKeepFailingAreCountedAndTheWorkerStillRunsJobsAfterwards() throws Exception {
        for (int i = 0; i < 5; i++) {
            jobs.script.add(new IllegalStateException("Failed to obtain JDBC connection: connection refused"));
        }
        for (int i = 0; i < 5; i++) {
            worker.poll();
        }
        assertThat(worker.claimFailures()).isEqualTo(5);
        assertThat(meters.get("backtest.jobs.claim.failures").counter().count()).isEqualTo(5.0);

        // The database is back: two jobs at once prove that both slots came back after the failures.
        Claim first = claim();
        Claim second = claim();
        jobs.script.add(first);
        jobs.script.add(second);
        worker.poll();
        await(() -> runner.started.size() == 2, "both jobs running");
        assertThat(runner.started).containsExactlyInAnyOrder(first.jobId(), second.jobId());

        runner.release.countDown();
        await(() -> runner.finished.size() == 2, "both jobs finished");
        Claim third = claim();
        jobs.script.add(third);
        worker.poll();
        await(() -> runner.finished.contains(third.jobId()), "a third job run in a freed slot");
        assertThat(worker.claimFailures()).isEqualTo(5);
    }

    @Test
    void aFailingSweepOfExhaustedJobsIsCountedAndPollingGoesOn() throws Exception {
        jobs.sweepFails = true;
        worker.poll();
        worker.poll();
        worker.poll();
        assertThat(worker.claimFailures()).isEqualTo(3);

        jobs.sweepFails = false;
        runner.release.countDown();
        Claim claim = claim();
        jobs.script.add(claim);
        worker.poll();
        await(() -> runner.finished.contains(claim.jobId()), "the job claimed after the failures");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
