package com.alphaquant.backtest.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import com.alphaquant.support.jobs.JobQueue;
import com.alphaquant.support.jobs.LostClaimException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Job rows and their state changes: the lifecycle (claim with a token, heartbeat, attempt cap,
 * end state) is service-support's {@link JobQueue}; here are what a backtest job adds — its
 * parameters, progress and figures, written only while the claim's token is current.
 */
@Repository
public class JobStore {

    private static final String COLUMNS = "id, kind, status, strategy, start_date, end_date, parameters, progress, attempts, "
            + "message, engine_version, metrics, counts, run_info, created_at, started_at, finished_at";

    private final JdbcTemplate jdbc;
    private final JobQueue queue;

    public JobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.queue = new JobQueue(jdbc, "backtest_job");
    }

    /** The job table's lifecycle, for the worker. */
    public JobQueue queue() {
        return queue;
    }

    public void insert(UUID id, String kind, String strategy, LocalDate start, LocalDate end, String parametersJson,
                       String engineVersion) {
        jdbc.update("insert into backtest_job (id, kind, status, strategy, start_date, end_date, parameters, engine_version, created_at) "
                        + "values (?, ?, 'QUEUED', ?, ?, ?, cast(? as json), ?, now())",
                id, kind, strategy, start, end, parametersJson, engineVersion);
    }

    public Optional<JobRecord> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from backtest_job where id = ?", JobStore::record, id).stream().findFirst();
    }

    /** The latest {@code limit} jobs of one kind, newest first (ties: by id, so that pages are stable). */
    public List<JobRecord> latest(String kind, int limit) {
        return jdbc.query("select " + COLUMNS + " from backtest_job where kind = ? order by created_at desc, id desc limit ?",
                JobStore::record, kind, limit);
    }

    /** Claims the oldest runnable job: queued, or running without a heartbeat since {@code staleAfter} and tries left. */
    public Optional<Claim> claim(Duration staleAfter, int maxAttempts) {
        return queue.claim(staleAfter, maxAttempts).map(c -> new Claim(c.jobId(), kind(c.jobId()), c.token()));
    }

    private String kind(UUID id) {
        return jdbc.queryForObject("select kind from backtest_job where id = ?", String.class, id);
    }

    public boolean heartbeat(Claim claim) {
        return queue.heartbeat(claim.queued());
    }

    /** Records progress (percent); false when the claim was lost. */
    public boolean progress(Claim claim, double percent) {
        return jdbc.update("update backtest_job set progress = ?, heartbeat_at = now() where id = ? and claim_token = ? and status = 'RUNNING'",
                percent, claim.jobId(), claim.token()) == 1;
    }

    /** Marks the job SUCCEEDED with its figures (in the caller's transaction, with the results); throws when the claim was lost. */
    public void succeed(Claim claim, String metricsJson, String countsJson, String runInfoJson, String engineVersion) {
        int n = jdbc.update("update backtest_job set status = 'SUCCEEDED', progress = 100, message = null, metrics = cast(? as json), "
                        + "counts = cast(? as json), run_info = cast(? as json), engine_version = ?, finished_at = now(), claim_token = null "
                        + "where id = ? and claim_token = ? and status = 'RUNNING'",
                metricsJson, countsJson, runInfoJson, engineVersion, claim.jobId(), claim.token());
        if (n != 1) {
            throw new LostClaimException(claim.jobId());
        }
    }

    /** Marks the job FAILED with a message; false when the claim was lost. */
    public boolean fail(Claim claim, String message) {
        return queue.fail(claim.queued(), message);
    }

    private static JobRecord record(ResultSet rs, int row) throws SQLException {
        return new JobRecord(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("status"), rs.getString("strategy"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class), rs.getString("parameters"),
                rs.getDouble("progress"), rs.getInt("attempts"), rs.getString("message"), rs.getString("engine_version"),
                rs.getString("metrics"), rs.getString("counts"), rs.getString("run_info"), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
