package com.alphaquant.data.store;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The watermarks of ingestion: which (dataset, scope) ranges are stored. Written in the same
 * transaction as the rows they cover, so a crash leaves either both or neither.
 */
@Repository
public class CoverageStore implements com.alphaquant.data.ingest.IngestPlanner.Coverage {

    public static final String WHOLE_MARKET = "*";

    /** A covered range of one scope. */
    public record Range(LocalDate from, LocalDate to) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }

        /** Whether all of [first, last] lies in this range. */
        public boolean contains(LocalDate first, LocalDate last) {
            return contains(first) && contains(last);
        }
    }

    private final JdbcTemplate jdbc;

    public CoverageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void mark(String dataset, String scope, LocalDate from, LocalDate to) {
        jdbc.update("insert into coverage (dataset, scope, from_date, to_date) values (?,?,?,?) "
                        + "on conflict (dataset, scope, from_date) do update set to_date = greatest(coverage.to_date, excluded.to_date)",
                dataset, scope, Date.valueOf(from), Date.valueOf(to));
    }

    @Override
    public List<Range> ranges(String dataset, String scope) {
        return jdbc.query("select from_date, to_date from coverage where dataset = ? and scope = ? order by from_date",
                (rs, i) -> new Range(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()), dataset, scope);
    }

    /**
     * What is stored, per dataset and scope: the first and last day covered and how many ranges
     * (a whole-market dataset marks each day as its own range, so there its number of days).
     */
    public record Summary(String dataset, String scope, LocalDate first, LocalDate last, int ranges) {}

    /** Every dataset's summaries (or {@code dataset}'s alone), by dataset then scope ({@value #WHOLE_MARKET} first). */
    public List<Summary> summaries(String dataset) {
        String where = dataset == null ? "" : "where dataset = ? ";
        return jdbc.query("select dataset, scope, min(from_date), max(to_date), count(*) from coverage " + where
                        + "group by dataset, scope order by dataset, scope <> ?, scope",
                (rs, i) -> new Summary(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(),
                        rs.getInt(5)), dataset == null ? new Object[] {WHOLE_MARKET} : new Object[] {dataset, WHOLE_MARKET});
    }

    /** Whether one covered range of {@code dataset} for {@code scope} holds all of [from, to]. */
    public boolean covers(String dataset, String scope, LocalDate from, LocalDate to) {
        return ranges(dataset, scope).stream().anyMatch(r -> r.contains(from, to));
    }

    /** Days of [from, to] the whole market is stored for. */
    @Override
    public Set<LocalDate> wholeMarketDays(String dataset, LocalDate from, LocalDate to) {
        Set<LocalDate> days = new HashSet<>();
        for (Range r : ranges(dataset, WHOLE_MARKET)) {
            for (LocalDate d = max(r.from(), from); !d.isAfter(min(r.to(), to)); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
