package com.alphaquant.factor.mining;

import com.alphaquant.support.jobs.CancellableJobQueue;
import com.alphaquant.support.jobs.JobQueue;
import com.alphaquant.support.jobs.LostClaimException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Mining job rows: the lifecycle (claims, heartbeats, attempt cap) is service-support's
 * {@link CancellableJobQueue} (with progress and cancellation); here is what mining adds, the
 * result, written only while the claim's token is current.
 */
@Repository
public class MiningJobStore {

    private static final String COLUMNS = "id, status, request, progress, detail, result, cancel_requested, attempts, message, "
            + "created_at, started_at, finished_at";

    private final JdbcTemplate jdbc;
    private final CancellableJobQueue queue;

    public MiningJobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.queue = new CancellableJobQueue(jdbc, "mining_job");
    }

    /** Claims, heartbeats, progress and cancellation. */
    public CancellableJobQueue queue() {
        return queue;
    }

    public void insert(UUID id, String requestJson) {
        jdbc.update("insert into mining_job (id, status, request, created_at) values (?, 'QUEUED', cast(? as json), now())",
                id, requestJson);
    }

    public Optional<MiningJobRecord> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from mining_job where id = ?", MiningJobStore::record, id).stream().findFirst();
    }

    /** Newest first. */
    public List<MiningJobRecord> latest(int limit) {
        return jdbc.query("select " + COLUMNS + " from mining_job order by created_at desc, id desc limit ?",
                MiningJobStore::record, limit);
    }

    /** The job ended well with {@code resultJson} (in the caller's transaction, with its formulas); throws when the claim was lost. */
    public void succeed(JobQueue.Claim claim, String resultJson, String message) {
        int n = jdbc.update("update mining_job set status = 'SUCCEEDED', progress = 100, result = cast(? as json), message = ?, "
                + "finished_at = now(), claim_token = null where " + JobQueue.TOKEN_MATCHES, resultJson, message, claim.jobId(),
                claim.token());
        if (n != 1) {
            throw new LostClaimException(claim.jobId());
        }
    }

    /** Asks a job to stop ({@link CancellableJobQueue#cancel}); the job as it is now, empty when there is none. */
    public Optional<MiningJobRecord> cancel(UUID id) {
        queue.cancel(id);
        return find(id);
    }

    private static MiningJobRecord record(ResultSet rs, int row) throws SQLException {
        return new MiningJobRecord(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("request"),
                rs.getDouble("progress"), rs.getString("detail"), rs.getString("result"), rs.getBoolean("cancel_requested"),
                rs.getInt("attempts"), rs.getString("message"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
