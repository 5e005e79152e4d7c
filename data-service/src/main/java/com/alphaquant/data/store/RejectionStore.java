package com.alphaquant.data.store;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rows the cleaning refused, kept for people to look at: the latest {@link #KEPT_PER_DATASET}
 * of each dataset. Written inside the transaction that stores the rest of the unit, so that a
 * unit rolled back leaves none and one stored again (retried, resumed or re-fetched) refreshes its
 * entries rather than adding to them.
 */
@Repository
public class RejectionStore {

    /** Refused rows kept per dataset; older ones go as newer ones come. */
    public static final int KEPT_PER_DATASET = 10_000;

    /** A stored refusal: the row, why, by which job (the last to refuse it) and when. */
    public record Entry(String dataset, String tsCode, LocalDate tradeDate, String reason, String row, UUID jobId, Instant at) {}

    private final JdbcTemplate jdbc;

    public RejectionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores {@code rows} of {@code dataset}, refused by job {@code jobId}; call inside the unit's transaction. */
    public void record(String dataset, UUID jobId, List<RejectedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // Units of one dataset commit concurrently: one at a time here, so that two prunings never
        // wait on each other's rows (a deadlock). Units without refused rows never come here.
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> { }, "ingest_rejected_row:" + dataset);
        jdbc.batchUpdate("insert into ingest_rejected_row (dataset, ts_code, trade_date, reason, row_text, job_id, at) "
                        + "values (?, ?, ?, ?, ?, ?, now()) on conflict (dataset, reason, (md5(row_text))) do update set "
                        + "job_id = excluded.job_id, at = excluded.at",
                rows, 1_000, (ps, r) -> {
                    ps.setString(1, dataset);
                    ps.setString(2, r.tsCode());
                    ps.setDate(3, r.tradeDate() == null ? null : Date.valueOf(r.tradeDate()));
                    ps.setString(4, r.reason());
                    ps.setString(5, r.row());
                    ps.setObject(6, jobId);
                });
        jdbc.update("delete from ingest_rejected_row where id in (select id from ingest_rejected_row where dataset = ? "
                + "order by at desc, id desc offset ?)", dataset, KEPT_PER_DATASET);
    }

    /** The latest {@code limit} refused rows, newest first; of one dataset, or of all with {@code dataset} null. */
    public List<Entry> latest(String dataset, int limit) {
        String where = dataset == null ? "" : "where dataset = ? ";
        Object[] args = dataset == null ? new Object[] {limit} : new Object[] {dataset, limit};
        return jdbc.query("select dataset, ts_code, trade_date, reason, row_text, job_id, at from ingest_rejected_row " + where
                + "order by at desc, id desc limit ?", (rs, i) -> {
                    Date day = rs.getDate(3);
                    Timestamp at = rs.getTimestamp(7);
                    return new Entry(rs.getString(1), rs.getString(2), day == null ? null : day.toLocalDate(), rs.getString(4),
                            rs.getString(5), rs.getObject(6, UUID.class), at.toInstant());
                }, args);
    }
}
