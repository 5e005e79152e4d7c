package com.alphaquant.model.jobs;

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
 * Training job rows: the lifecycle (claims, heartbeats, attempt cap) is service-support's
 * {@link CancellableJobQueue} (with progress and cancellation); here is what training adds — the
 * loss curve per epoch and the model made — written only while the claim's token is current.
 */
@Repository
public class TrainingJobStore {

    private static final String COLUMNS = "id, status, request, progress, detail, cancel_requested, model_id, attempts, message, "
            + "created_at, started_at, finished_at";

    private final JdbcTemplate jdbc;
    private final CancellableJobQueue queue;

    public TrainingJobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.queue = new CancellableJobQueue(jdbc, "training_job");
    }

    public CancellableJobQueue queue() {
        return queue;
    }

    public void insert(UUID id, String requestJson) {
        jdbc.update("insert into training_job (id, status, request, created_at) values (?, 'QUEUED', cast(? as json), now())",
                id, requestJson);
    }

    public Optional<TrainingJobRecord> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from training_job where id = ?", TrainingJobStore::record, id).stream().findFirst();
    }

    /** Newest first. */
    public List<TrainingJobRecord> latest(int limit) {
        return jdbc.query("select " + COLUMNS + " from training_job order by created_at desc, id desc limit ?",
                TrainingJobStore::record, limit);
    }

    public List<EpochRecord> epochs(UUID jobId) {
        return jdbc.query("select epoch, train_loss, valid_loss, learning_rate, seconds from training_epoch where job_id = ? order by epoch",
                (rs, row) -> new EpochRecord(rs.getInt("epoch"), rs.getString("train_loss"), rs.getString("valid_loss"),
                        rs.getDouble("learning_rate"), rs.getDouble("seconds")), jobId);
    }

    /** Records progress and answers whether to go on ({@link CancellableJobQueue#progress}). */
    public boolean progress(JobQueue.Claim claim, double percent, String detailJson) {
        return queue.progress(claim, percent, detailJson);
    }

    /** An epoch finished (a rerun of the job writes its epochs again). */
    public void epoch(JobQueue.Claim claim, EpochRecord e) {
        jdbc.update("insert into training_epoch (job_id, epoch, train_loss, valid_loss, learning_rate, seconds) "
                        + "values (?, ?, cast(? as json), cast(? as json), ?, ?) on conflict (job_id, epoch) do update set "
                        + "train_loss = excluded.train_loss, valid_loss = excluded.valid_loss, learning_rate = excluded.learning_rate, "
                        + "seconds = excluded.seconds",
                claim.jobId(), e.epoch(), e.trainLoss(), e.validLoss(), e.learningRate(), e.seconds());
    }

    /** The job made {@code modelId} (in the caller's transaction, with the registry entry); throws when the claim was lost. */
    public void succeed(JobQueue.Claim claim, UUID modelId) {
        int n = jdbc.update("update training_job set status = 'SUCCEEDED', progress = 100, model_id = ?, message = null, "
                + "finished_at = now(), claim_token = null where " + JobQueue.TOKEN_MATCHES, modelId, claim.jobId(), claim.token());
        if (n != 1) {
            throw new LostClaimException(claim.jobId());
        }
    }

    /** A running job stopped at its owner's request. */
    public boolean cancelled(JobQueue.Claim claim) {
        return queue.cancelled(claim);
    }

    /** Asks a job to stop ({@link CancellableJobQueue#cancel}); the job as it is now, empty when there is none. */
    public Optional<TrainingJobRecord> cancel(UUID id) {
        queue.cancel(id);
        return find(id);
    }

    private static TrainingJobRecord record(ResultSet rs, int row) throws SQLException {
        return new TrainingJobRecord(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("request"),
                rs.getDouble("progress"), rs.getString("detail"), rs.getBoolean("cancel_requested"),
                rs.getObject("model_id", UUID.class), rs.getInt("attempts"), rs.getString("message"), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
