package com.alphaquant.data.store;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Whole-market days that came back empty: when each may be tried again and whether it is late.
 * Written in the same transaction as the unit that found the day empty or filled it.
 */
@Repository
public class GapStore {

    /** One empty day of a dataset. */
    public record Gap(String dataset, LocalDate day, int attempts, Instant firstAttempt, Instant lastAttempt,
                      Instant nextAttempt, boolean late) {
    }

    private final JdbcTemplate jdbc;

    public GapStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The day came back empty again: one more attempt, retried after {@code nextAttempt}, or late. */
    public void recordEmpty(String dataset, LocalDate day, Instant now, Instant nextAttempt, boolean late) {
        jdbc.update("""
                insert into ingest_gap (dataset, trade_date, attempts, first_attempt, last_attempt, next_attempt, late)
                values (?, ?, 1, ?, ?, ?, ?)
                on conflict (dataset, trade_date) do update set attempts = ingest_gap.attempts + 1,
                    last_attempt = excluded.last_attempt, next_attempt = excluded.next_attempt, late = excluded.late""",
                dataset, Date.valueOf(day), Timestamp.from(now), Timestamp.from(now), Timestamp.from(nextAttempt), late);
    }

    /** Attempts so far for a day (0 when it never came back empty). */
    public int attempts(String dataset, LocalDate day) {
        List<Integer> n = jdbc.queryForList("select attempts from ingest_gap where dataset = ? and trade_date = ?",
                Integer.class, dataset, Date.valueOf(day));
        return n.isEmpty() ? 0 : n.get(0);
    }

    /** The day's rows arrived. */
    public void filled(String dataset, LocalDate day) {
        jdbc.update("delete from ingest_gap where dataset = ? and trade_date = ?", dataset, Date.valueOf(day));
    }

    /** Days of [from, to] the cycle leaves alone for now: waiting for their next attempt, or late. */
    public Set<LocalDate> deferred(String dataset, LocalDate from, LocalDate to, Instant now) {
        return new HashSet<>(jdbc.queryForList("select trade_date from ingest_gap where dataset = ? and trade_date between ? and ? "
                        + "and (late or next_attempt > ?)", LocalDate.class, dataset, Date.valueOf(from), Date.valueOf(to),
                Timestamp.from(now)));
    }

    /** Whether some day waits for an attempt that is due. */
    public boolean anyDue(Instant now) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from ingest_gap where not late and next_attempt <= ?)", Boolean.class, Timestamp.from(now)));
    }

    /** Every gap of a dataset, oldest day first. */
    public List<Gap> gaps(String dataset) {
        return jdbc.query("select dataset, trade_date, attempts, first_attempt, last_attempt, next_attempt, late from ingest_gap "
                        + "where dataset = ? order by trade_date",
                (rs, i) -> new Gap(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getBoolean(7)), dataset);
    }
}
