package com.alphaquant.support.jobs;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of jobs that any replica may run, and the state changes that must be atomic across
 * them. The table has the lifecycle columns {@code id uuid, status, attempts, claim_token,
 * heartbeat_at, started_at, finished_at, message, resume_after, created_at} beside its own.
 *
 * <p>A claim takes the oldest runnable job with {@code FOR UPDATE SKIP LOCKED} — queued, paused
 * past its {@code resume_after}, or running without a heartbeat for {@code staleAfter} (its worker
 * died) while it has attempts left — and gives it a fresh token. Every later write of that worker
 * names the token, so a worker that was given up on (and comes back) cannot overwrite the one
 * now running the job; writes return false, or the service's own writes check
 * {@link #TOKEN_MATCHES}. A job whose workers were lost {@code maxAttempts} times is failed
 * instead of run again.
 */
public class JobQueue {

    /** This worker's hold on a job. */
    public record Claim(UUID jobId, UUID token) {
    }

    /** The predicate a service adds to its own writes to a claimed job ({@code id}, then {@code token}). */
    public static final String TOKEN_MATCHES = "id = ? and claim_token = ? and status = 'RUNNING'";

    private static final Logger log = LoggerFactory.getLogger(JobQueue.class);

    private final JdbcTemplate jdbc;
    private final String table;

    public JobQueue(JdbcTemplate jdbc, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
    }

    /** Claims the oldest runnable job, if any. */
    public Optional<Claim> claim(Duration staleAfter, int maxAttempts) {
        UUID token = UUID.randomUUID();
        List<UUID> ids = jdbc.queryForList("""
                update %1$s set status = 'RUNNING', claim_token = ?, heartbeat_at = now(),
                       started_at = coalesce(started_at, now()), attempts = attempts + 1, resume_after = null
                where id = (select id from %1$s
                            where status = 'QUEUED'
                               or (status = 'PAUSED' and resume_after < now())
                               or (status = 'RUNNING' and heartbeat_at < ? and attempts < ?)
                            order by created_at limit 1 for update skip locked)
                returning id""".formatted(table), UUID.class, token, stale(staleAfter), maxAttempts);
        return ids.stream().findFirst().map(id -> new Claim(id, token));
    }

    /** Running jobs whose worker was lost {@code maxAttempts} times: to be failed rather than tried again. */
    public List<UUID> exhausted(Duration staleAfter, int maxAttempts) {
        return jdbc.queryForList("select id from " + table + " where status = 'RUNNING' and heartbeat_at < ? and attempts >= ?",
                UUID.class, stale(staleAfter), maxAttempts);
    }

    /** Fails an exhausted job (in the caller's transaction, if any); false when it moved on meanwhile. */
    public boolean failExhausted(UUID id, Duration staleAfter, String message) {
        return jdbc.update("update " + table + " set status = 'FAILED', message = ?, finished_at = now(), claim_token = null "
                + "where id = ? and status = 'RUNNING' and heartbeat_at < ?", message, id, stale(staleAfter)) == 1;
    }

    /** The worker is alive; false when the claim was lost. */
    public boolean heartbeat(Claim claim) {
        return jdbc.update("update " + table + " set heartbeat_at = now() where " + TOKEN_MATCHES, claim.jobId(), claim.token()) == 1;
    }

    /** The job ended well; false when the claim was lost. */
    public boolean succeed(Claim claim) {
        return end(claim, "SUCCEEDED", null);
    }

    /** The job ended badly, with a message for its owner; false when the claim was lost. */
    public boolean fail(Claim claim, String message) {
        return end(claim, "FAILED", message);
    }

    /**
     * Fails the job with a message its owner can act on, and logs it: an expected failure (the
     * request cannot be served as asked: no data in its range, a setting this replica lacks) by
     * its own message and a WARN; anything else by its type as well and an ERROR with the stack
     * trace. {@code kind} names the jobs in the log ({@code Training}, {@code Mining}).
     */
    public boolean fail(Claim claim, Throwable failure, boolean expected, String kind) {
        String message = expected ? failure.getMessage()
                : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        if (expected) {
            log.warn("{} job {} failed: {}", kind, claim.jobId(), message);
        } else {
            log.error("{} job {} failed", kind, claim.jobId(), failure);
        }
        return fail(claim, message);
    }

    /**
     * Stops the job until {@code resumeAfter}, when any worker claims it again. A pause is planned
     * (a quota exhausted), not a lost worker: its attempts start over.
     */
    public boolean pause(Claim claim, Instant resumeAfter, String message) {
        return jdbc.update("update " + table + " set status = 'PAUSED', message = ?, resume_after = ?, attempts = 0, "
                        + "claim_token = null where " + TOKEN_MATCHES,
                message, Timestamp.from(resumeAfter), claim.jobId(), claim.token()) == 1;
    }

    /** Puts a failed or paused job back in the queue with its attempts reset; false for any other. */
    public boolean requeue(UUID id) {
        return jdbc.update("update " + table + " set status = 'QUEUED', finished_at = null, resume_after = null, attempts = 0 "
                + "where id = ? and status in ('FAILED', 'PAUSED')", id) == 1;
    }

    private boolean end(Claim claim, String status, String message) {
        return jdbc.update("update " + table + " set status = ?, message = ?, finished_at = now(), claim_token = null where "
                + TOKEN_MATCHES, status, message, claim.jobId(), claim.token()) == 1;
    }

    private static Timestamp stale(Duration staleAfter) {
        return Timestamp.from(Instant.now().minus(staleAfter));
    }
}
