package com.alphaquant.data.store;

import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.LimitCrossCheck.ExchangeLimit;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The exchange's daily trading constraints: limit prices (Tushare {@code stk_limit}) and
 * suspensions ({@code suspend_d}). Rows are merged, and a merge reports the codes whose rows it
 * inserted or corrected, as quotes do.
 */
@Repository
public class LimitStore {

    /** A suspend_d row: {@code type} S (suspended that day) or R (resumed), {@code timing} the hours if partial. */
    public record Suspension(TsCode tsCode, LocalDate tradeDate, String type, String timing) {

        public Suspension {
            if (tsCode == null || tradeDate == null || !("S".equals(type) || "R".equals(type))) {
                throw new IllegalArgumentException("A suspension needs a ts_code, a trade_date and type S or R, got "
                        + tsCode + " " + tradeDate + " " + type);
            }
        }
    }

    private final JdbcTemplate jdbc;

    public LimitStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Set<String> upsertLimits(List<ExchangeLimit> rows) {
        return merge("insert into stk_limit (ts_code, trade_date, pre_close, up_limit, down_limit) "
                + "select * from unnest(?::varchar[], ?::date[], ?::float8[], ?::float8[], ?::float8[]) "
                + "on conflict (ts_code, trade_date) do update set pre_close = excluded.pre_close, "
                + "up_limit = excluded.up_limit, down_limit = excluded.down_limit "
                + "where (stk_limit.pre_close, stk_limit.up_limit, stk_limit.down_limit) "
                + "is distinct from (excluded.pre_close, excluded.up_limit, excluded.down_limit) returning ts_code",
                rows.isEmpty(), con -> List.of(
                        con.createArrayOf("varchar", rows.stream().map(r -> r.tsCode().toString()).toArray()),
                        con.createArrayOf("date", rows.stream().map(r -> Date.valueOf(r.tradeDate())).toArray()),
                        con.createArrayOf("float8", rows.stream().map(r -> Double.isNaN(r.preClose()) ? null : r.preClose()).toArray()),
                        con.createArrayOf("float8", rows.stream().map(ExchangeLimit::upLimit).toArray()),
                        con.createArrayOf("float8", rows.stream().map(ExchangeLimit::downLimit).toArray())));
    }

    public Set<String> upsertSuspensions(List<Suspension> rows) {
        return merge("insert into suspension (ts_code, trade_date, suspend_type, suspend_timing) "
                + "select * from unnest(?::varchar[], ?::date[], ?::varchar[], ?::text[]) "
                + "on conflict (ts_code, trade_date, suspend_type) do update set suspend_timing = excluded.suspend_timing "
                + "where suspension.suspend_timing is distinct from excluded.suspend_timing returning ts_code",
                rows.isEmpty(), con -> List.of(
                        con.createArrayOf("varchar", rows.stream().map(r -> r.tsCode().toString()).toArray()),
                        con.createArrayOf("date", rows.stream().map(r -> Date.valueOf(r.tradeDate())).toArray()),
                        con.createArrayOf("varchar", rows.stream().map(Suspension::type).toArray()),
                        con.createArrayOf("text", rows.stream().map(Suspension::timing).toArray())));
    }

    private interface Arrays {
        List<Array> of(Connection con) throws SQLException;
    }

    /** One statement over column arrays: the codes of the rows it inserted or changed. */
    private Set<String> merge(String sql, boolean empty, Arrays arrays) {
        if (empty) {
            return Set.of();
        }
        return jdbc.execute((Connection con) -> {
            Set<String> changed = new TreeSet<>();
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                List<Array> columns = arrays.of(con);
                for (int i = 0; i < columns.size(); i++) {
                    ps.setArray(i + 1, columns.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changed.add(rs.getString(1));
                    }
                }
            }
            return changed;
        });
    }

    /** The stored limit rows in [start, end], of one stock or (null) all, by date then code. */
    public List<ExchangeLimit> limits(TsCode code, LocalDate start, LocalDate end) {
        return limits(code == null ? null : List.of(code.toString()), start, end);
    }

    /** The stored limit rows in [start, end] of the stocks {@code tsCodes} (null: all), by date then code. */
    public List<ExchangeLimit> limits(Collection<String> tsCodes, LocalDate start, LocalDate end) {
        return jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select ts_code, trade_date, pre_close, up_limit, down_limit from stk_limit "
                    + "where trade_date between ? and ?" + (tsCodes == null ? "" : " and ts_code = any(?)")
                    + " order by trade_date, ts_code");
            ps.setDate(1, Date.valueOf(start));
            ps.setDate(2, Date.valueOf(end));
            if (tsCodes != null) {
                ps.setArray(3, con.createArrayOf("varchar", tsCodes.toArray()));
            }
            return ps;
        }, (rs, i) -> {
            double pre = rs.getDouble(3);
            return new ExchangeLimit(TsCode.of(rs.getString(1)), rs.getDate(2).toLocalDate(), rs.wasNull() ? Double.NaN : pre,
                    rs.getDouble(4), rs.getDouble(5));
        });
    }

    /** The stored suspensions in [start, end], of one stock or (null) all, by date then code. */
    public List<Suspension> suspensions(TsCode code, LocalDate start, LocalDate end) {
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(start), Date.valueOf(end)));
        if (code != null) {
            args.add(code.toString());
        }
        return jdbc.query("select ts_code, trade_date, suspend_type, suspend_timing from suspension "
                + "where trade_date between ? and ?" + (code == null ? "" : " and ts_code = ?")
                + " order by trade_date, ts_code, suspend_type",
                (rs, i) -> new Suspension(TsCode.of(rs.getString(1)), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4)),
                args.toArray());
    }
}
