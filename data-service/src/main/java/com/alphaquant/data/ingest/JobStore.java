package com.alphaquant.data.ingest;

import com.alphaquant.data.store.RejectedRow;
import com.alphaquant.data.store.RejectionStore;
import com.alphaquant.support.jobs.JobQueue;
import com.alphaquant.support.jobs.LostClaimException;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ingestion jobs in the database: the lifecycle (claim with a token, heartbeat, attempt cap,
 * pause, end state) is service-support's {@link JobQueue}; here are what an ingestion job adds —
 * progress counters bumped atomically as units commit, written only while the claim's token is
 * current (a worker given up on cannot count its units twice), and the daily cycle's submission.
 * Rows are counted as {@code alphaquant.ingest.rows{dataset, result=stored|rejected}} once their
 * transaction commits.
 */
@Repository
public class JobStore {

    private final JdbcTemplate jdbc;
    private final JobQueue queue;
    private final RejectionStore rejections;
    private final MeterRegistry meters;

    public JobStore(JdbcTemplate jdbc, RejectionStore rejections, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.queue = new JobQueue(jdbc, "ingest_job");
        this.rejections = rejections;
        this.meters = meters;
    }

    /** The job table's lifecycle, for the worker and the API's resume. */
    public JobQueue queue() {
        return queue;
    }

    /**
     * Queues a job of the daily cycle unless one is already waiting or running (on any replica):
     * the id of the new job, or empty.
     */
    public Optional<UUID> submitCycle(IngestRequest request, Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update("""
                insert into ingest_job (id, status, datasets, ts_codes, start_date, end_date, origin, created_at)
                values (?, 'QUEUED', ?, ?, ?, ?, 'cycle', ?) on conflict do nothing""",
                id, request.datasetsText(), request.codesText(), java.sql.Date.valueOf(request.startDate()),
                java.sql.Date.valueOf(request.endDate()), Timestamp.from(now));
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** The latest job of the daily cycle, if it ever ran. */
    public Optional<UUID> lastCycleJob() {
        return jdbc.queryForList("select id from ingest_job where origin = 'cycle' order by created_at desc limit 1", UUID.class)
                .stream().findFirst();
    }

    /** The units still to fetch and the days they span (kept from the first plan: a resumed job's plan only narrows). */
    public void planned(JobQueue.Claim claim, int unitsTotal, LocalDate from, LocalDate to) {
        guarded(claim, jdbc.update("update ingest_job set units_total = units_done + ?, heartbeat_at = now(), "
                        + "fetched_from = coalesce(fetched_from, ?), fetched_to = coalesce(fetched_to, ?) where "
                        + JobQueue.TOKEN_MATCHES, unitsTotal, from == null ? null : java.sql.Date.valueOf(from),
                to == null ? null : java.sql.Date.valueOf(to), claim.jobId(), claim.token()));
    }

    /** The days a job fetched, first and last; empty when it fetched nothing. */
    public Optional<LocalDate[]> fetched(UUID id) {
        return jdbc.query("select fetched_from, fetched_to from ingest_job where id = ? and fetched_from is not null",
                (rs, i) -> new LocalDate[] {rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()}, id).stream().findFirst();
    }

    /**
     * One unit of {@code dataset} committed: its rows counted, its refused rows counted by reason
     * and stored; called inside the unit's transaction, which a lost claim rolls back.
     */
    public void unitDone(JobQueue.Claim claim, Dataset dataset, long rows, List<RejectedRow> refused) {
        stored(claim, 1, dataset, rows, refused);
    }

    /** Reference rows stored outside the planned units (namechange, industries); called inside their transaction. */
    public void referenceStored(JobQueue.Claim claim, Dataset dataset, long rows, List<RejectedRow> refused) {
        stored(claim, 0, dataset, rows, refused);
    }

    private void stored(JobQueue.Claim claim, int units, Dataset dataset, long rows, List<RejectedRow> refused) {
        Map<String, Long> rejected = new java.util.TreeMap<>();
        refused.forEach(r -> rejected.merge(r.reason(), 1L, Long::sum));
        long rejectedRows = refused.size();
        guarded(claim, jdbc.update("update ingest_job set units_done = units_done + ?, rows_stored = rows_stored + ?, "
                + "rows_rejected = rows_rejected + ?, heartbeat_at = now() where " + JobQueue.TOKEN_MATCHES,
                units, rows, rejectedRows, claim.jobId(), claim.token()));
        rejected.forEach((reason, count) -> jdbc.update("insert into ingest_rejection (job_id, reason, rows) values (?,?,?) "
                + "on conflict (job_id, reason) do update set rows = ingest_rejection.rows + excluded.rows", claim.jobId(), reason, count));
        rejections.record(dataset.apiName(), claim.jobId(), refused);
        afterCommit(() -> {
            meters.counter("alphaquant.ingest.rows", "dataset", dataset.apiName(), "result", "stored").increment(rows);
            meters.counter("alphaquant.ingest.rows", "dataset", dataset.apiName(), "result", "rejected").increment(rejectedRows);
        });
    }

    /** Counted only once they are in: a unit rolled back (a lost claim) is fetched again and counted then. */
    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }

    public void addCalls(JobQueue.Claim claim, long calls) {
        jdbc.update("update ingest_job set calls = calls + ?, heartbeat_at = now() where " + JobQueue.TOKEN_MATCHES,
                calls, claim.jobId(), claim.token());
    }

    private static void guarded(JobQueue.Claim claim, int updated) {
        if (updated != 1) {
            throw new LostClaimException(claim.jobId());
        }
    }

    /** A job's rejected rows counted by reason. */
    public Map<String, Long> rejections(UUID id) {
        return rejections(List.of(id)).getOrDefault(id, new java.util.TreeMap<>());
    }

    /** The rejected rows of each job counted by reason; jobs without any are absent. */
    public Map<UUID, Map<String, Long>> rejections(Collection<UUID> ids) {
        Map<UUID, Map<String, Long>> byJob = new HashMap<>();
        if (ids.isEmpty()) {
            return byJob;
        }
        jdbc.query("select job_id, reason, rows from ingest_rejection where job_id = any(cast(? as uuid[]))",
                rs -> {
                    byJob.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                }, (Object) ids.stream().map(UUID::toString).toArray(String[]::new));
        return byJob;
    }
}
