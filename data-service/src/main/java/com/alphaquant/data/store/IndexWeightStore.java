package com.alphaquant.data.store;

import com.alphaquant.market.IndexWeight;
import com.alphaquant.market.TsCode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tushare {@code index_weight} rows: an index's constituents and weights by publication date. */
@Repository
public class IndexWeightStore {

    private final JdbcTemplate jdbc;

    public IndexWeightStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts new rows and corrects changed weights (a re-fetch stores nothing twice); returns the
     * index codes with a new or corrected row.
     */
    public Set<String> upsert(List<IndexWeight> rows) {
        Set<String> changed = new TreeSet<>();
        int[][] counts = jdbc.batchUpdate("insert into index_weight (index_code, trade_date, con_code, weight) values (?,?,?,?) "
                + "on conflict (index_code, trade_date, con_code) do update set weight = excluded.weight "
                + "where index_weight.weight is distinct from excluded.weight", rows, 1000, (ps, w) -> {
                    ps.setString(1, w.indexCode().toString());
                    ps.setDate(2, Date.valueOf(w.tradeDate()));
                    ps.setString(3, w.conCode().toString());
                    ps.setDouble(4, w.weight());
                });
        int i = 0;
        for (int[] batch : counts) {
            for (int n : batch) {
                if (n != 0) {
                    changed.add(rows.get(i).indexCode().toString());
                }
                i++;
            }
        }
        return changed;
    }

    /** The latest publication date of {@code index} on or before {@code date}, or null. */
    public LocalDate latestOnOrBefore(TsCode index, LocalDate date) {
        return jdbc.queryForObject("select max(trade_date) from index_weight where index_code = ? and trade_date <= ?",
                LocalDate.class, index.toString(), Date.valueOf(date));
    }

    /** Whether anything of {@code index} is stored. */
    public boolean has(TsCode index) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from index_weight where index_code = ?)",
                Boolean.class, index.toString()));
    }

    /** The constituents published on {@code date}, heaviest first. */
    public List<IndexWeight> on(TsCode index, LocalDate date) {
        return jdbc.query("select con_code, weight from index_weight where index_code = ? and trade_date = ? "
                + "order by weight desc, con_code", (rs, n) -> new IndexWeight(index, TsCode.of(rs.getString(1)), date,
                rs.getDouble(2)), index.toString(), Date.valueOf(date));
    }

    /** Every row of {@code index} published in [from, to], by date then constituent. */
    public List<IndexWeight> between(TsCode index, LocalDate from, LocalDate to) {
        return jdbc.query("select trade_date, con_code, weight from index_weight where index_code = ? and trade_date between ? and ? "
                + "order by trade_date, con_code", (rs, n) -> new IndexWeight(index, TsCode.of(rs.getString(2)),
                rs.getDate(1).toLocalDate(), rs.getDouble(3)), index.toString(), Date.valueOf(from), Date.valueOf(to));
    }
}
