package com.alphaquant.data.ingest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Job state changes that must be atomic across replicas and concurrent units: claiming a job
 * (a queued one, a paused one whose wait is over, or a running one whose worker stopped
 * beating), progress increments, and the end state.
 */
@Repository
public class JobStore {

    private final JdbcTemplate jdbc;

    public JobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims one runnable job for this worker, if any. */
    public Optional<UUID> claim(Duration staleAfter) {
        Timestamp stale = Timestamp.from(Instant.now().minus(staleAfter));
        List<UUID> ids = jdbc.queryForList("""
                update ingest_job set status = 'RUNNING', heartbeat_at = now(), started_at = coalesce(started_at, now()),
                       message = null, resume_after = null
                where id = (select id from ingest_job
                            where status = 'QUEUED'
                               or (status = 'PAUSED' and resume_after < now())
                               or (status = 'RUNNING' and heartbeat_at < ?)
                            order by created_at limit 1 for update skip locked)
                returning id""", UUID.class, stale);
        return ids.stream().findFirst();
    }

    /** The running worker is alive; a job without a recent heartbeat is claimed by another. */
    public void heartbeat(UUID id) {
        jdbc.update("update ingest_job set heartbeat_at = now() where id = ? and status = 'RUNNING'", id);
    }

    public void planned(UUID id, int unitsTotal) {
        jdbc.update("update ingest_job set units_total = units_done + ?, heartbeat_at = now() where id = ?", unitsTotal, id);
    }

    /** One unit committed; called inside the unit's transaction. */
    public void unitDone(UUID id, long rows, Map<String, Long> rejected) {
        stored(id, 1, rows, rejected);
    }

    /** Reference rows stored outside the planned units (namechange); called inside their transaction. */
    public void referenceStored(UUID id, long rows, Map<String, Long> rejected) {
        stored(id, 0, rows, rejected);
    }

    private void stored(UUID id, int units, long rows, Map<String, Long> rejected) {
        long rejectedRows = rejected.values().stream().mapToLong(Long::longValue).sum();
        jdbc.update("update ingest_job set units_done = units_done + ?, rows_stored = rows_stored + ?, "
                + "rows_rejected = rows_rejected + ?, heartbeat_at = now() where id = ?", units, rows, rejectedRows, id);
        rejected.forEach((reason, count) -> jdbc.update("insert into ingest_rejection (job_id, reason, rows) values (?,?,?) "
                + "on conflict (job_id, reason) do update set rows = ingest_rejection.rows + excluded.rows", id, reason, count));
    }

    public void addCalls(UUID id, long calls) {
        jdbc.update("update ingest_job set calls = calls + ?, heartbeat_at = now() where id = ?", calls, id);
    }

    public void finish(UUID id, IngestJob.Status status, String message) {
        jdbc.update("update ingest_job set status = ?, message = ?, finished_at = now() where id = ?", status.name(), message, id);
    }

    public void pause(UUID id, Instant resumeAfter, String message) {
        jdbc.update("update ingest_job set status = 'PAUSED', message = ?, resume_after = ? where id = ?",
                message, Timestamp.from(resumeAfter), id);
    }

    /** Puts a failed or paused job back in the queue; it resumes from its watermarks. */
    public boolean requeue(UUID id) {
        return jdbc.update("update ingest_job set status = 'QUEUED', finished_at = null where id = ? "
                + "and status in ('FAILED', 'PAUSED')", id) == 1;
    }

    public Map<String, Long> rejections(UUID id) {
        Map<String, Long> byReason = new java.util.TreeMap<>();
        jdbc.query("select reason, rows from ingest_rejection where job_id = ?",
                rs -> {
                    byReason.put(rs.getString(1), rs.getLong(2));
                }, id);
        return byReason;
    }
}
