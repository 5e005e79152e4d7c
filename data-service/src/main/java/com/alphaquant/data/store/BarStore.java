package com.alphaquant.data.store;

import com.alphaquant.market.Bar;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

    private final JdbcTemplate jdbc;
    private final int batchSize;

    public BarStore(JdbcTemplate jdbc, com.alphaquant.data.DataProperties properties) {
        this.jdbc = jdbc;
        this.batchSize = properties.batchSize();
    }

    public void upsertBars(Table table, List<Bar> bars) {
        String sql = "insert into " + table.name + " (ts_code, trade_date, open, high, low, close, pre_close, vol, amount) "
                + "values (?,?,?,?,?,?,?,?,?) on conflict (ts_code, trade_date) do update set open = excluded.open, "
                + "high = excluded.high, low = excluded.low, close = excluded.close, pre_close = excluded.pre_close, "
                + "vol = excluded.vol, amount = excluded.amount";
        jdbc.batchUpdate(sql, bars, batchSize, BarStore::bind);
    }

    private static void bind(PreparedStatement ps, Bar b) throws SQLException {
        ps.setString(1, b.tsCode().toString());
        ps.setDate(2, Date.valueOf(b.tradeDate()));
        ps.setDouble(3, b.open());
        ps.setDouble(4, b.high());
        ps.setDouble(5, b.low());
        ps.setDouble(6, b.close());
        ps.setDouble(7, b.preClose());
        ps.setDouble(8, b.vol());
        ps.setDouble(9, b.amount());
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

    /** The latest stored adjustment factor of a stock (the qfq base), NaN when none. */
    public double latestAdjFactor(String tsCode) {
        List<Double> latest = jdbc.queryForList("select adj_factor from adj_factor where ts_code = ? "
                + "order by trade_date desc limit 1", Double.class, tsCode);
        return latest.isEmpty() ? Double.NaN : latest.get(0);
    }
}
