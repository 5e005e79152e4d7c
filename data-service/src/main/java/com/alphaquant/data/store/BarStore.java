package com.alphaquant.data.store;

import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Raw daily bars, adjustment factors and index bars, written with binary COPY and merged
 * ({@code ON CONFLICT DO UPDATE}) where rows exist: bulk loads are the hot path, and an upsert
 * makes a retried or resumed unit harmless.
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

    private static final List<String> BAR_VALUES = List.of("open", "high", "low", "close", "pre_close", "vol", "amount");
    /** A bar in binary COPY: field count, a 9-byte code, a date and 7 doubles, each with its length. */
    private static final int BAR_ROW_BYTES = 2 + 4 + 9 + 4 + 4 + 7 * (4 + 8);
    private static final int ADJ_ROW_BYTES = 2 + 4 + 9 + 4 + 4 + 4 + 8;

    private final JdbcTemplate jdbc;

    public BarStore(JdbcTemplate jdbc, com.alphaquant.data.DataProperties properties) {
        this.jdbc = jdbc;
    }

    /**
     * Stores bars with PostgreSQL's fastest load path, binary COPY (see {@link BinaryCopy}). New
     * rows (the bulk of any load: the planner only fetches what coverage says is missing) are
     * copied straight into the table; if any already exists, that attempt is rolled back to a
     * savepoint and the rows are copied into a staging table and merged with
     * {@code INSERT ... ON CONFLICT DO UPDATE}, which rewrites only rows whose values changed:
     * re-ingested rows overwrite. About as fast as {@code psql \copy} of the same rows (see
     * StoreBench). Runs inside the caller's transaction when there is one (the unit and its
     * coverage mark commit together), else in its own.
     *
     * @return the codes whose stored rows changed: all of them for new rows, and on a merge only
     *     those with a row inserted or corrected (a re-fetch of identical rows changes nothing)
     */
    public Set<String> upsertBars(Table table, List<Bar> bars) {
        if (bars.isEmpty()) {
            return Set.of();
        }
        BinaryCopy binary = new BinaryCopy(bars.size() * BAR_ROW_BYTES);
        for (Bar b : bars) {
            binary.row(9).text(b.tsCode().toString()).date(b.tradeDate()).float8(b.open()).float8(b.high())
                    .float8(b.low()).float8(b.close()).float8(b.preClose()).float8(b.vol()).float8(b.amount());
        }
        return store(table.name, BAR_VALUES, binary.finish(), () -> codes(bars.stream().map(b -> b.tsCode().toString())));
    }

    /** Stores adjustment factors the way {@link #upsertBars} stores bars; the codes whose factors changed. */
    public Set<String> upsertAdjFactors(List<AdjFactor> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        BinaryCopy binary = new BinaryCopy(rows.size() * ADJ_ROW_BYTES);
        for (AdjFactor r : rows) {
            binary.row(3).text(r.tsCode()).date(r.tradeDate()).float8(r.adjFactor());
        }
        return store("adj_factor", List.of("adj_factor"), binary.finish(), () -> codes(rows.stream().map(AdjFactor::tsCode)));
    }

    private static Set<String> codes(java.util.stream.Stream<String> codes) {
        return codes.collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * COPYs {@code rows} (ts_code, trade_date, then {@code values}) into {@code table}, merging on
     * conflict; the codes whose rows changed ({@code allCodes} when every row was new).
     */
    private Set<String> store(String table, List<String> values, byte[] rows, Supplier<Set<String>> allCodes) {
        String columns = "(ts_code, trade_date, " + String.join(", ", values) + ")";
        return jdbc.execute((Connection con) -> {
            boolean autoCommit = con.getAutoCommit();
            con.setAutoCommit(false);
            try {
                try (Statement st = con.createStatement()) {
                    // The commit need not wait for the WAL flush: a crash can lose only the last
                    // moments of commits, and with them their coverage marks (same transaction), so
                    // a resumed job fetches those units again. No gap, no inconsistency.
                    st.execute("set local synchronous_commit to off");
                }
                Savepoint before = con.setSavepoint();
                Set<String> changed;
                try {
                    copy(con, "copy " + table + " " + columns + " from stdin", rows);
                    changed = allCodes.get();
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) { // anything but a unique violation is a real error
                        throw e;
                    }
                    con.rollback(before);
                    changed = mergeThroughStage(con, table, columns, values, rows);
                }
                if (autoCommit) {
                    con.commit();
                }
                return changed;
            } catch (SQLException | RuntimeException e) {
                if (autoCommit) {
                    con.rollback();
                }
                throw e;
            } finally {
                con.setAutoCommit(autoCommit);
            }
        });
    }

    /** The merge of rows some of which exist: the codes of the rows it inserted or corrected. */
    private static Set<String> mergeThroughStage(Connection con, String table, String columns, List<String> values, byte[] rows)
            throws SQLException {
        // A temporary table lives as long as the (pooled) connection: created once, emptied each time.
        String stage = table + "_stage";
        try (Statement st = con.createStatement()) {
            st.execute("create temp table if not exists " + stage + " (like " + table + ")");
            st.execute("truncate " + stage);
        }
        copy(con, "copy " + stage + " " + columns + " from stdin", rows);
        String set = values.stream().map(v -> v + " = excluded." + v).collect(Collectors.joining(", "));
        String old = values.stream().map(v -> table + "." + v).collect(Collectors.joining(", "));
        String neu = values.stream().map(v -> "excluded." + v).collect(Collectors.joining(", "));
        Set<String> changed = new TreeSet<>();
        try (Statement st = con.createStatement()) {
            try (ResultSet rs = st.executeQuery("insert into " + table + " " + columns + " select "
                    + columns.substring(1, columns.length() - 1) + " from " + stage
                    + " on conflict (ts_code, trade_date) do update set " + set
                    + " where (" + old + ") is distinct from (" + neu + ") returning ts_code")) {
                while (rs.next()) {
                    changed.add(rs.getString(1));
                }
            }
            st.execute("truncate " + stage);
        }
        return changed;
    }

    private static void copy(Connection con, String sql, byte[] rows) throws SQLException {
        try {
            con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql + " (format binary)", new ByteArrayInputStream(rows));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    public long count(Table table) {
        return jdbc.queryForObject("select count(*) from " + table.name, Long.class);
    }

    public long countAdjFactors() {
        return jdbc.queryForObject("select count(*) from adj_factor", Long.class);
    }

    /** Whether any bar of {@code tsCode} is stored, on any day. */
    public boolean hasBars(Table table, String tsCode) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + table.name + " where ts_code = ?)",
                Boolean.class, tsCode));
    }

    /** The last day any bar of the table is stored for; null when it is empty. */
    public LocalDate lastDay(Table table) {
        Date last = jdbc.queryForObject("select max(trade_date) from " + table.name, Date.class);
        return last == null ? null : last.toLocalDate();
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
