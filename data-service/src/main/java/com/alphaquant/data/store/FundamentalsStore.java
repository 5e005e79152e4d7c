package com.alphaquant.data.store;

import com.alphaquant.market.TsCode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tushare {@code fina_indicator}, every announced version of every report period, read point in
 * time: as of a day, a period shows the latest version announced on or before that day, so no
 * value is visible before its announcement and a restatement replaces the original only from
 * its own ann_date. Values in Tushare's units (eps, bps in CNY per share; roe,
 * grossprofit_margin, debt_to_assets in percent).
 */
@Repository
public class FundamentalsStore {

    /** One announced version of one period's indicators; {@code updateFlag} "1" marks a restatement. */
    public record Row(TsCode tsCode, LocalDate endDate, LocalDate annDate, Double eps, Double roe, Double bps,
                      Double grossprofitMargin, Double debtToAssets, String updateFlag) {
        public Row {
            if (tsCode == null || endDate == null || annDate == null) {
                throw new IllegalArgumentException("tsCode, endDate and annDate are required");
            }
            if (!annDate.isAfter(endDate)) {
                throw new IllegalArgumentException("annDate " + annDate + " is not after endDate " + endDate);
            }
        }
    }

    private static final String COLUMNS = "ts_code, end_date, ann_date, eps, roe, bps, grossprofit_margin, debt_to_assets, update_flag";

    private final JdbcTemplate jdbc;

    public FundamentalsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts new versions and corrects known ones (same code, period and announcement): idempotent. */
    public void upsert(List<Row> rows) {
        jdbc.batchUpdate("insert into fina_indicator (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?) "
                + "on conflict (ts_code, end_date, ann_date) do update set eps = excluded.eps, roe = excluded.roe, "
                + "bps = excluded.bps, grossprofit_margin = excluded.grossprofit_margin, "
                + "debt_to_assets = excluded.debt_to_assets, update_flag = excluded.update_flag", rows, 1000,
                FundamentalsStore::bind);
    }

    /**
     * Per period of {@code code} (or only {@code period}, when not null), the latest version
     * announced on or before {@code asOf}; oldest period first.
     */
    public List<Row> asOf(TsCode code, LocalDate asOf, LocalDate period) {
        List<Object> args = new ArrayList<>(List.of(code.toString(), asOf));
        String onePeriod = "";
        if (period != null) {
            onePeriod = " and end_date = ?";
            args.add(period);
        }
        return jdbc.query("select distinct on (end_date) " + COLUMNS + " from fina_indicator where ts_code = ? and ann_date <= ?"
                + onePeriod + " order by end_date, ann_date desc", (rs, i) -> new Row(TsCode.of(rs.getString(1)),
                rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), NullableDoubles.get(rs, 4), NullableDoubles.get(rs, 5), NullableDoubles.get(rs, 6),
                NullableDoubles.get(rs, 7), NullableDoubles.get(rs, 8), rs.getString(9)), args.toArray());
    }

    private static void bind(PreparedStatement ps, Row r) throws SQLException {
        ps.setString(1, r.tsCode().toString());
        ps.setDate(2, Date.valueOf(r.endDate()));
        ps.setDate(3, Date.valueOf(r.annDate()));
        NullableDoubles.bind(ps, 4, r.eps(), r.roe(), r.bps(), r.grossprofitMargin(), r.debtToAssets());
        ps.setString(9, r.updateFlag());
    }
}
