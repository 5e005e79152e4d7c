package com.alphaquant.data.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tushare {@code moneyflow_hsgt}: the day's Stock Connect net buying, market-wide, in Tushare's
 * units (millions of CNY). Null where Tushare published no value (the southbound columns on
 * Hong Kong holidays, for one).
 */
@Repository
public class NorthFlowStore {

    /** One day's flows: northbound (Shanghai, Shenzhen, total) and southbound. */
    public record Flow(LocalDate tradeDate, Double hgt, Double sgt, Double northMoney, Double ggtSs, Double ggtSz,
                       Double southMoney) {
        public Flow {
            if (tradeDate == null) {
                throw new IllegalArgumentException("tradeDate is required");
            }
        }
    }

    private static final String COLUMNS = "trade_date, hgt, sgt, north_money, ggt_ss, ggt_sz, south_money";

    private final JdbcTemplate jdbc;

    public NorthFlowStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or corrects the days' rows (idempotent); a re-fetch with the same values writes nothing. */
    public void upsert(List<Flow> flows) {
        jdbc.batchUpdate("insert into north_flow (" + COLUMNS + ") values (?,?,?,?,?,?,?) "
                + "on conflict (trade_date) do update set hgt = excluded.hgt, sgt = excluded.sgt, north_money = excluded.north_money, "
                + "ggt_ss = excluded.ggt_ss, ggt_sz = excluded.ggt_sz, south_money = excluded.south_money "
                + "where (north_flow.hgt, north_flow.sgt, north_flow.north_money, north_flow.ggt_ss, north_flow.ggt_sz, "
                + "north_flow.south_money) is distinct from (excluded.hgt, excluded.sgt, excluded.north_money, "
                + "excluded.ggt_ss, excluded.ggt_sz, excluded.south_money)", flows, 1000, NorthFlowStore::bind);
    }

    /** The stored days in [from, to], oldest first. */
    public List<Flow> between(LocalDate from, LocalDate to) {
        return jdbc.query("select " + COLUMNS + " from north_flow where trade_date between ? and ? order by trade_date",
                (rs, i) -> new Flow(rs.getDate(1).toLocalDate(), NullableDoubles.get(rs, 2), NullableDoubles.get(rs, 3), NullableDoubles.get(rs, 4), NullableDoubles.get(rs, 5),
                        NullableDoubles.get(rs, 6), NullableDoubles.get(rs, 7)), from, to);
    }

    private static void bind(PreparedStatement ps, Flow f) throws SQLException {
        ps.setDate(1, Date.valueOf(f.tradeDate()));
        NullableDoubles.bind(ps, 2, f.hgt(), f.sgt(), f.northMoney(), f.ggtSs(), f.ggtSz(), f.southMoney());
    }
}
