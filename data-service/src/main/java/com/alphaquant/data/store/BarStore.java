package com.alphaquant.data.store;

import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.postgresql.PGConnection;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Raw daily bars, adjustment factors and index bars, written with batched JDBC upserts
 * ({@code ON CONFLICT DO UPDATE}): bulk loads are the hot path, and an upsert makes a retried
 * or resumed batch harmless.
 */
@Repository
public class BarStore {

    public enum Table {
        DAILY("daily_bar"), INDEX("index_bar");

        final String name;

        Table(String name) {
            this.name = name;
        }
    }

    /** One adjustment factor row. */
    public record AdjFactor(String tsCode, LocalDate tradeDate, double adjFactor) {}

    /** Takes streamed bars one at a time, e.g. writing them to an HTTP response. */
    @FunctionalInterface
    public interface BarSink {
        void accept(Bar bar) throws IOException;
    }

    /** Rows per round trip of a streaming cursor: a few hundred KB, whatever the panel's size. */
    static final int STREAM_FETCH_SIZE = 2_000;

    private final JdbcTemplate jdbc;
    private final int batchSize;

    public BarStore(JdbcTemplate jdbc, com.alphaquant.data.DataProperties properties) {
        this.jdbc = jdbc;
        this.batchSize = properties.batchSize();
    }

    /**
     * Stores bars with PostgreSQL's fastest load path, COPY. New rows (the bulk of any load:
     * the planner only fetches what coverage says is missing) are copied straight into the
     * table; if any already exists, that attempt is rolled back to a savepoint and the rows are
     * copied into a staging table and merged with {@code INSERT ... ON CONFLICT DO UPDATE}, which
     * rewrites only rows whose values changed. Several times faster than batched INSERTs (see
     * StoreBench). Runs inside the caller's transaction when there is one.
     */
    public void upsertBars(Table table, List<Bar> bars) {
        if (bars.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(bars.size() * 80);
        for (Bar b : bars) {
            text.append(b.tsCode()).append('\t').append(b.tradeDate()).append('\t').append(b.open()).append('\t')
                    .append(b.high()).append('\t').append(b.low()).append('\t').append(b.close()).append('\t')
                    .append(b.preClose()).append('\t').append(b.vol()).append('\t').append(b.amount()).append('\n');
        }
        String rows = text.toString();
        String columns = "(ts_code, trade_date, open, high, low, close, pre_close, vol, amount)";
        jdbc.execute((Connection con) -> {
            boolean autoCommit = con.getAutoCommit();
            con.setAutoCommit(false);
            try (Statement st = con.createStatement()) {
                // The commit need not wait for the WAL flush: a crash can lose only the last
                // moments of commits, and with them their coverage marks (same transaction), so
                // a resumed job fetches those units again. No gap, no inconsistency.
                st.execute("set local synchronous_commit to off");
            }
            try {
                Savepoint before = con.setSavepoint();
                try {
                    copy(con, "copy " + table.name + " " + columns + " from stdin", rows);
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) { // anything but a unique violation is a real error
                        throw e;
                    }
                    con.rollback(before);
                    mergeThroughStage(con, table, columns, rows);
                }
                if (autoCommit) {
                    con.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (autoCommit) {
                    con.rollback();
                }
                throw e;
            } finally {
                con.setAutoCommit(autoCommit);
            }
            return null;
        });
    }

    private static void mergeThroughStage(Connection con, Table table, String columns, String rows) throws SQLException {
        try (Statement st = con.createStatement()) {
            st.execute("create temp table if not exists bar_stage (like daily_bar)");
            st.execute("truncate bar_stage");
        }
        copy(con, "copy bar_stage " + columns + " from stdin", rows);
        try (Statement st = con.createStatement()) {
            st.execute("insert into " + table.name + " select * from bar_stage on conflict (ts_code, trade_date) do update set "
                    + "open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, "
                    + "pre_close = excluded.pre_close, vol = excluded.vol, amount = excluded.amount "
                    + "where (" + table.name + ".open, " + table.name + ".high, " + table.name + ".low, " + table.name
                    + ".close, " + table.name + ".pre_close, " + table.name + ".vol, " + table.name + ".amount) "
                    + "is distinct from (excluded.open, excluded.high, excluded.low, excluded.close, excluded.pre_close, "
                    + "excluded.vol, excluded.amount)");
            st.execute("truncate bar_stage");
        }
    }

    private static void copy(Connection con, String sql, String rows) throws SQLException {
        try {
            con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    public void upsertAdjFactors(List<AdjFactor> rows) {
        jdbc.batchUpdate("insert into adj_factor (ts_code, trade_date, adj_factor) values (?,?,?) "
                        + "on conflict (ts_code, trade_date) do update set adj_factor = excluded.adj_factor",
                rows, batchSize, (ps, r) -> {
                    ps.setString(1, r.tsCode());
                    ps.setDate(2, Date.valueOf(r.tradeDate()));
                    ps.setDouble(3, r.adjFactor());
                });
    }

    public long count(Table table) {
        return jdbc.queryForObject("select count(*) from " + table.name, Long.class);
    }

    public long countAdjFactors() {
        return jdbc.queryForObject("select count(*) from adj_factor", Long.class);
    }

    /** A stock's (or index's) bars in [start, end] with their adjustment factors (NaN where none). */
    public List<Bar> bars(Table table, String tsCode, LocalDate start, LocalDate end) {
        String adj = table == Table.DAILY
                ? "coalesce((select a.adj_factor from adj_factor a where a.ts_code = b.ts_code and a.trade_date = b.trade_date), 'NaN')"
                : "'NaN'::double precision";
        return jdbc.query("select b.*, " + adj + " as adj from " + table.name + " b where b.ts_code = ? "
                        + "and b.trade_date between ? and ? order by b.trade_date",
                (rs, i) -> new Bar(com.alphaquant.market.TsCode.of(rs.getString("ts_code")), rs.getDate("trade_date").toLocalDate(),
                        rs.getDouble("open"), rs.getDouble("high"), rs.getDouble("low"), rs.getDouble("close"),
                        rs.getDouble("pre_close"), rs.getDouble("vol"), rs.getDouble("amount"), rs.getDouble("adj")),
                tsCode, Date.valueOf(start), Date.valueOf(end));
    }

    /**
     * Daily bars of {@code tsCodes} ({@code null}: every stock) in [start, end] with their
     * adjustment factors (NaN where none), ordered by ts_code then trade_date, handed to
     * {@code sink} as they come from a server-side cursor: memory stays flat however large the
     * panel (PostgreSQL streams with a fetch size only inside a transaction, hence autocommit off).
     */
    public void streamDaily(List<String> tsCodes, LocalDate start, LocalDate end, BarSink sink) throws IOException {
        String sql = "select b.ts_code, b.trade_date, b.open, b.high, b.low, b.close, b.pre_close, b.vol, b.amount, "
                + "coalesce(a.adj_factor, 'NaN') as adj from daily_bar b left join adj_factor a "
                + "on a.ts_code = b.ts_code and a.trade_date = b.trade_date where b.trade_date between ? and ?"
                + (tsCodes == null ? "" : " and b.ts_code = any(?)") + " order by b.ts_code, b.trade_date";
        try {
            jdbc.execute((Connection con) -> {
                boolean autoCommit = con.getAutoCommit();
                con.setAutoCommit(false);
                try (PreparedStatement ps = con.prepareStatement(sql)) {
                    ps.setFetchSize(STREAM_FETCH_SIZE);
                    ps.setDate(1, Date.valueOf(start));
                    ps.setDate(2, Date.valueOf(end));
                    if (tsCodes != null) {
                        ps.setArray(3, con.createArrayOf("varchar", tsCodes.toArray()));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        String last = null;
                        TsCode code = null;
                        while (rs.next()) {
                            String text = rs.getString(1);
                            if (!text.equals(last)) { // rows come grouped by stock: parse each code once
                                last = text;
                                code = TsCode.of(text);
                            }
                            sink.accept(new Bar(code, rs.getDate(2).toLocalDate(), rs.getDouble(3), rs.getDouble(4),
                                    rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9),
                                    rs.getDouble(10)));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    if (autoCommit) {
                        con.rollback(); // read only: nothing to keep
                        con.setAutoCommit(true);
                    }
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The latest stored adjustment factor of a stock (the qfq base), NaN when none. */
    public double latestAdjFactor(String tsCode) {
        List<Double> latest = jdbc.queryForList("select adj_factor from adj_factor where ts_code = ? "
                + "order by trade_date desc limit 1", Double.class, tsCode);
        return latest.isEmpty() ? Double.NaN : latest.get(0);
    }
}
