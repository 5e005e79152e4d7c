package com.alphaquant.support.jobs;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@link JobQueue} whose jobs report progress and can be cancelled by their owner. The table
 * has, beside the lifecycle columns, {@code progress double precision}, {@code detail json} and
 * {@code cancel_requested boolean}, and {@code CANCELLED} among its statuses.
 *
 * <p>A queued (or paused) job is cancelled at once; a running one is asked to stop, and learns it
 * from the answer to its next {@link #progress} report, then ends itself with
 * {@link #cancelled}. Its worker is never interrupted: it stops where its work can stop cleanly.
 */
public class CancellableJobQueue extends JobQueue {

    public static final String CANCELLED_MESSAGE = "Cancelled on request";

    private final JdbcTemplate jdbc;
    private final String table;

    public CancellableJobQueue(JdbcTemplate jdbc, String table) {
        super(jdbc, table);
        this.jdbc = jdbc;
        this.table = table;
    }

    /**
     * Records progress (percent and detail JSON), which is also a heartbeat, and answers whether
     * the job should go on: false once its owner asked it to stop.
     *
     * @throws LostClaimException when another worker took the job over
     */
    public boolean progress(Claim claim, double percent, String detailJson) {
        List<Boolean> cancel = jdbc.queryForList("update " + table + " set progress = ?, detail = cast(? as json), "
                        + "heartbeat_at = now() where " + TOKEN_MATCHES + " returning cancel_requested", Boolean.class, percent,
                detailJson, claim.jobId(), claim.token());
        if (cancel.isEmpty()) {
            throw new LostClaimException(claim.jobId());
        }
        return !cancel.get(0);
    }

    /** A running job stopped at its owner's request; false when the claim was lost. */
    public boolean cancelled(Claim claim) {
        return jdbc.update("update " + table + " set status = 'CANCELLED', message = ?, finished_at = now(), claim_token = null "
                + "where " + TOKEN_MATCHES, CANCELLED_MESSAGE, claim.jobId(), claim.token()) == 1;
    }

    /** Asks job {@code id} to stop: a queued or paused one is cancelled now, a running one at its next report. */
    public void cancel(UUID id) {
        jdbc.update("update " + table + " set status = 'CANCELLED', message = ?, finished_at = now() "
                + "where id = ? and status in ('QUEUED', 'PAUSED')", CANCELLED_MESSAGE, id);
        jdbc.update("update " + table + " set cancel_requested = true where id = ? and status = 'RUNNING'", id);
    }
}
