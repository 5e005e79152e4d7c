package com.alphaquant.support.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's poll loop against a queue whose claims fail (the database away): every failure is
 * counted, no slot is lost, and jobs claimed afterwards still run, as many at once as the worker
 * has slots; whatever a job throws is recorded as its failure, unless the worker closing made it throw.
 */
class JobWorkerTest {

    /** Answers each claim from a script: an exception to throw, a claim to hand out, or (script empty) nothing. */
    static final class ScriptedQueue extends JobQueue {
        final Deque<Object> script = new ArrayDeque<>();
        volatile boolean sweepFails;

        ScriptedQueue() {
            super(null, "job");
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
        public boolean heartbeat(Claim claim) {
            return true;
        }
    }

    /** Records the jobs it runs; each waits for {@link #release}, so that running jobs hold their slots. */
    static final class RecordingJobs implements JobWorker.Jobs {
        final Set<UUID> started = ConcurrentHashMap.newKeySet();
        final Set<UUID> finished = ConcurrentHashMap.newKeySet();
        final Map<UUID, Throwable> failures = new ConcurrentHashMap<>();
        final Set<UUID> failing = ConcurrentHashMap.newKeySet();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void run(JobQueue.Claim claim) throws Exception {
            started.add(claim.jobId());
            if (failing.contains(claim.jobId())) {
                throw new IllegalArgumentException("weights must sum to at most 1");
            }
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                // As an HTTP client reports an interrupted call: an I/O failure, not the interrupt itself.
                throw new IllegalStateException("data-service did not answer: " + e, e);
            }
            finished.add(claim.jobId());
        }

        @Override
        public void failed(JobQueue.Claim claim, Throwable failure) {
            failures.put(claim.jobId(), failure);
        }

        @Override
        public void exhausted(UUID jobId, String message) {
        }
    }

    private final ScriptedQueue queue = new ScriptedQueue();
    private final RecordingJobs jobs = new RecordingJobs();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final JobWorker worker = new JobWorker("test", queue, jobs, 2, Duration.ofMinutes(2), 3, meters);

    @AfterEach
    void stop() {
        jobs.release.countDown();
        worker.close();
    }

    private static JobQueue.Claim claim() {
        return new JobQueue.Claim(UUID.randomUUID(), UUID.randomUUID());
    }

    @Test
    void claimsThatKeepFailingAreCountedAndTheWorkerStillRunsJobsAfterwards() {
        for (int i = 0; i < 5; i++) {
            queue.script.add(new IllegalStateException("Failed to obtain JDBC connection: connection refused"));
        }
        for (int i = 0; i < 5; i++) {
            worker.poll();
        }
        assertThat(worker.claimFailures()).isEqualTo(5);
        assertThat(meters.get("test.jobs.claim.failures").counter().count()).isEqualTo(5.0);

        // The database is back: two jobs at once prove that both slots came back after the failures.
        JobQueue.Claim first = claim();
        JobQueue.Claim second = claim();
        queue.script.add(first);
        queue.script.add(second);
        worker.poll();
        await("both jobs running").atMost(Duration.ofSeconds(30)).until(() -> jobs.started.size() == 2);
        assertThat(jobs.started).containsExactlyInAnyOrder(first.jobId(), second.jobId());

        jobs.release.countDown();
        await("both jobs finished").atMost(Duration.ofSeconds(30)).until(() -> jobs.finished.size() == 2);
        JobQueue.Claim third = claim();
        queue.script.add(third);
        worker.poll();
        await("a third job run in a freed slot").atMost(Duration.ofSeconds(30)).until(() -> jobs.finished.contains(third.jobId()));
        assertThat(worker.claimFailures()).isEqualTo(5);
    }

    @Test
    void aFailingSweepOfExhaustedJobsIsCountedAndPollingGoesOn() {
        queue.sweepFails = true;
        worker.poll();
        worker.poll();
        worker.poll();
        assertThat(worker.claimFailures()).isEqualTo(3);

        queue.sweepFails = false;
        jobs.release.countDown();
        JobQueue.Claim claim = claim();
        queue.script.add(claim);
        worker.poll();
        await("the job claimed after the failures").atMost(Duration.ofSeconds(30)).until(() -> jobs.finished.contains(claim.jobId()));
    }

    @Test
    void aJobInterruptedByTheWorkerClosingIsNotFailedButLeftForAnotherWorker() {
        JobQueue.Claim running = claim();
        queue.script.add(running);
        worker.poll();
        await("the job running").atMost(Duration.ofSeconds(30)).until(() -> jobs.started.contains(running.jobId()));

        worker.close(); // returns once the interrupted job has stopped

        assertThat(jobs.finished).isEmpty();
        assertThat(jobs.failures).isEmpty(); // still claimed: its heartbeat stops, and another replica resumes it
        queue.script.add(claim());
        worker.poll();
        assertThat(queue.script).hasSize(1); // a closed worker claims nothing
    }

    @Test
    void whatAJobThrowsIsRecordedAsItsFailureAndItsSlotComesBack() {
        JobQueue.Claim bad = claim();
        jobs.failing.add(bad.jobId());
        queue.script.add(bad);
        worker.poll();
        await("the failure recorded").atMost(Duration.ofSeconds(30)).until(() -> jobs.failures.containsKey(bad.jobId()));
        assertThat(jobs.failures.get(bad.jobId())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights must sum to at most 1");

        jobs.release.countDown();
        JobQueue.Claim next = claim();
        JobQueue.Claim other = claim();
        queue.script.add(next);
        queue.script.add(other);
        worker.poll();
        await("two more jobs in both slots").atMost(Duration.ofSeconds(30))
                .until(() -> jobs.finished.containsAll(List.of(next.jobId(), other.jobId())));
    }
}
