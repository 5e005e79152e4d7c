package com.alphaquant.support.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.testsupport.FreshDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The job lifecycle against real PostgreSQL: claims and their tokens, lost workers, the attempt
 * cap, pauses, failures; with {@link CancellableJobQueue}, progress and cancellation.
 */
class JobQueueIT {

    static final Duration STALE = Duration.ofMinutes(2);
    static final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(FreshDatabase.create("aq_job_queue"),
            FreshDatabase.user(), FreshDatabase.password()));
    final JobQueue queue = new JobQueue(jdbc, "some_job");
    final CancellableJobQueue cancellable = new CancellableJobQueue(jdbc, "some_job");

    @BeforeEach
    void table() {
        jdbc.execute("drop table if exists some_job");
        jdbc.execute("""
                create table some_job (id uuid primary key, status varchar(16) not null, attempts integer not null default 0,
                    claim_token uuid, heartbeat_at timestamptz, started_at timestamptz, finished_at timestamptz, message text,
                    resume_after timestamptz, created_at timestamptz not null, progress double precision not null default 0,
                    detail json, cancel_requested boolean not null default false)""");
    }

    private UUID queued(Instant created) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into some_job (id, status, created_at) values (?, 'QUEUED', ?)", id, Timestamp.from(created));
        return id;
    }

    private String status(UUID id) {
        return jdbc.queryForObject("select status from some_job where id = ?", String.class, id);
    }

    private void workerDied(UUID id) {
        jdbc.update("update some_job set heartbeat_at = now() - interval '1 hour' where id = ?", id);
    }

    @Test
    void claimsTakeTheOldestJobOnceEachWithItsOwnToken() {
        UUID older = queued(Instant.now().minusSeconds(60));
        UUID newer = queued(Instant.now());

        JobQueue.Claim first = queue.claim(STALE, 3).orElseThrow();
        JobQueue.Claim second = queue.claim(STALE, 3).orElseThrow();

        assertThat(first.jobId()).isEqualTo(older);
        assertThat(second.jobId()).isEqualTo(newer);
        assertThat(first.token()).isNotEqualTo(second.token());
        assertThat(queue.claim(STALE, 3)).isEmpty();
        assertThat(queue.succeed(first)).isTrue();
        assertThat(status(older)).isEqualTo("SUCCEEDED");
    }

    @Test
    void aJobWhoseWorkerDiedIsClaimedAgainAndTheOldWorkerCanNoLongerWrite() {
        UUID id = queued(Instant.now());
        JobQueue.Claim lost = queue.claim(STALE, 3).orElseThrow();
        workerDied(id);

        JobQueue.Claim taken = queue.claim(STALE, 3).orElseThrow();

        assertThat(taken.jobId()).isEqualTo(id);
        assertThat(queue.heartbeat(lost)).isFalse();
        assertThat(queue.succeed(lost)).isFalse();
        assertThat(queue.fail(lost, "late news")).isFalse();
        assertThat(queue.heartbeat(taken)).isTrue();
        assertThat(jdbc.queryForObject("select attempts from some_job where id = ?", Integer.class, id)).isEqualTo(2);
    }

    @Test
    void afterMaxAttemptsLostWorkersAJobIsFailedNotClaimed() {
        UUID id = queued(Instant.now());
        for (int i = 0; i < 3; i++) {
            queue.claim(STALE, 3).orElseThrow();
            workerDied(id);
        }
        assertThat(queue.claim(STALE, 3)).isEmpty();
        assertThat(queue.exhausted(STALE, 3)).containsExactly(id);

        assertThat(queue.failExhausted(id, STALE, "stopped 3 times")).isTrue();
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(queue.exhausted(STALE, 3)).isEmpty();
    }

    @Test
    void aPausedJobWaitsForItsTimeWithItsAttemptsStartingOver() {
        UUID id = queued(Instant.now());
        JobQueue.Claim claim = queue.claim(STALE, 3).orElseThrow();
        assertThat(queue.pause(claim, Instant.now().plusSeconds(3600), "daily limit")).isTrue();
        assertThat(queue.claim(STALE, 3)).isEmpty();
        assertThat(jdbc.queryForObject("select attempts from some_job where id = ?", Integer.class, id)).isZero();

        jdbc.update("update some_job set resume_after = now() - interval '1 second' where id = ?", id);
        assertThat(queue.claim(STALE, 3)).map(JobQueue.Claim::jobId).contains(id);
    }

    @Test
    void onlyAFailedOrPausedJobIsRequeued() {
        UUID id = queued(Instant.now());
        JobQueue.Claim claim = queue.claim(STALE, 3).orElseThrow();
        assertThat(queue.requeue(id)).isFalse();
        queue.fail(claim, "bad token");

        assertThat(queue.requeue(id)).isTrue();
        assertThat(status(id)).isEqualTo("QUEUED");
        assertThat(queue.claim(STALE, 3)).map(JobQueue.Claim::jobId).contains(id);
    }

    private String column(String column, UUID id) {
        return jdbc.queryForObject("select " + column + "::text from some_job where id = ?", String.class, id);
    }

    @Test
    void aQueuedJobIsCancelledAtOnceAndNeverClaimed() {
        UUID id = queued(Instant.now());

        cancellable.cancel(id);

        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(column("message", id)).isEqualTo(CancellableJobQueue.CANCELLED_MESSAGE);
        assertThat(cancellable.claim(STALE, 3)).isEmpty();
    }

    @Test
    void aRunningJobLearnsOfTheCancellationFromItsNextReportAndEndsItself() {
        UUID id = queued(Instant.now());
        JobQueue.Claim claim = cancellable.claim(STALE, 3).orElseThrow();
        assertThat(cancellable.progress(claim, 12.5, "{\"evaluated\":5}")).isTrue();
        assertThat(column("progress", id)).isEqualTo("12.5");
        assertThat(column("detail", id)).isEqualTo("{\"evaluated\":5}");

        cancellable.cancel(id);
        assertThat(status(id)).isEqualTo("RUNNING"); // it stops where it can

        assertThat(cancellable.progress(claim, 13, "{\"evaluated\":6}")).isFalse();
        assertThat(cancellable.cancelled(claim)).isTrue();
        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(column("finished_at", id)).isNotNull();
    }

    @Test
    void aWorkerThatLostItsClaimCannotReportOrCancel() {
        UUID id = queued(Instant.now());
        JobQueue.Claim lost = cancellable.claim(STALE, 3).orElseThrow();
        workerDied(id);
        JobQueue.Claim taken = cancellable.claim(STALE, 3).orElseThrow();

        assertThatThrownBy(() -> cancellable.progress(lost, 50, "{}")).isInstanceOf(LostClaimException.class);
        assertThat(cancellable.cancelled(lost)).isFalse();
        assertThat(cancellable.progress(taken, 50, "{}")).isTrue();
    }

    @Test
    void aFailureIsRecordedByItsMessageOrAlsoItsTypeWhenUnexpected() {
        UUID expected = queued(Instant.now());
        queue.fail(queue.claim(STALE, 3).orElseThrow(), new IllegalArgumentException("no sessions in range"), true, "Some");
        UUID unexpected = queued(Instant.now());
        queue.fail(queue.claim(STALE, 3).orElseThrow(), new IllegalStateException("broken"), false, "Some");

        assertThat(column("message", expected)).isEqualTo("no sessions in range");
        assertThat(column("message", unexpected)).isEqualTo("IllegalStateException: broken");
        assertThat(status(unexpected)).isEqualTo("FAILED");
    }
}
