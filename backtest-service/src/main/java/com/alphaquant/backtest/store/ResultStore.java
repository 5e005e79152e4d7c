package com.alphaquant.backtest.store;

import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.Fill;
import com.alphaquant.backtest.engine.RejectReason;
import com.alphaquant.backtest.engine.Rejection;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.Fees;
import com.alphaquant.market.rules.Side;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A backtest's equity curve, fills and rejections: written in one batch per table inside the
 * job's completing transaction (replacing what an earlier, lost attempt may have left), read
 * back in day and fill order.
 */
@Repository
public class ResultStore {

    private final JdbcTemplate jdbc;

    public ResultStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void save(UUID jobId, BacktestResult r) {
        jdbc.update("delete from backtest_equity where job_id = ?", jobId);
        jdbc.update("delete from backtest_trade where job_id = ?", jobId);
        jdbc.update("delete from backtest_rejection where job_id = ?", jobId);
        double[] drawdowns = r.drawdowns();
        batch("insert into backtest_equity (job_id, day_no, trade_date, cash_cents, market_value_cents, benchmark, drawdown) "
                + "values (?,?,?,?,?,?,?)", r.days(), (ps, i) -> {
                    ps.setObject(1, jobId);
                    ps.setInt(2, i);
                    ps.setDate(3, Date.valueOf(r.date(i)));
                    ps.setLong(4, Math.round(r.cash(i) * 100));
                    ps.setLong(5, Math.round(r.marketValue(i) * 100));
                    if (r.hasBenchmark() && !Double.isNaN(r.benchmark(i))) {
                        ps.setDouble(6, r.benchmark(i));
                    } else {
                        ps.setNull(6, Types.DOUBLE);
                    }
                    ps.setDouble(7, drawdowns[i]);
                });
        List<Fill> fills = r.fills();
        batch("insert into backtest_trade (job_id, seq, trade_date, ts_code, side, shares, price, value, commission, stamp_duty, "
                + "transfer_fee, slippage_cost, reason) values (?,?,?,?,?,?,?,?,?,?,?,?,?)", fills.size(), (ps, i) -> {
                    Fill f = fills.get(i);
                    ps.setObject(1, jobId);
                    ps.setInt(2, i);
                    ps.setDate(3, Date.valueOf(f.date()));
                    ps.setString(4, f.code().toString());
                    ps.setString(5, f.side().name().toLowerCase(Locale.ROOT));
                    ps.setDouble(6, f.shares());
                    ps.setDouble(7, f.price());
                    ps.setDouble(8, f.value());
                    ps.setDouble(9, f.fees().commission());
                    ps.setDouble(10, f.fees().stampDuty());
                    ps.setDouble(11, f.fees().transferFee());
                    ps.setDouble(12, f.slippageCost());
                    ps.setString(13, f.reason());
                });
        List<Rejection> rejections = r.rejections();
        batch("insert into backtest_rejection (job_id, seq, trade_date, ts_code, side, shares, reason) values (?,?,?,?,?,?,?)",
                rejections.size(), (ps, i) -> {
                    Rejection x = rejections.get(i);
                    ps.setObject(1, jobId);
                    ps.setInt(2, i);
                    ps.setDate(3, Date.valueOf(x.date()));
                    ps.setString(4, x.code().toString());
                    ps.setString(5, x.side().name().toLowerCase(Locale.ROOT));
                    ps.setDouble(6, x.shares());
                    ps.setString(7, x.reason().code());
                });
    }

    public List<EquityRow> equity(UUID jobId) {
        return jdbc.query("select trade_date, cash_cents, market_value_cents, benchmark, drawdown from backtest_equity "
                + "where job_id = ? order by day_no", (rs, i) -> {
                    double benchmark = rs.getDouble(4);
                    return new EquityRow(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
                            rs.wasNull() ? Double.NaN : benchmark, rs.getDouble(5));
                }, jobId);
    }

    public List<Fill> trades(UUID jobId) {
        return jdbc.query("select trade_date, ts_code, side, shares, price, value, commission, stamp_duty, transfer_fee, "
                + "slippage_cost, reason from backtest_trade where job_id = ? order by seq", (rs, i) -> new Fill(
                        rs.getObject(1, LocalDate.class), TsCode.of(rs.getString(2)), Side.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                        rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), new Fees(rs.getDouble(7), rs.getDouble(8), rs.getDouble(9)),
                        rs.getDouble(10), rs.getString(11)), jobId);
    }

    public List<Rejection> rejections(UUID jobId) {
        return jdbc.query("select trade_date, ts_code, side, shares, reason from backtest_rejection where job_id = ? order by seq",
                (rs, i) -> new Rejection(rs.getObject(1, LocalDate.class), TsCode.of(rs.getString(2)),
                        Side.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getDouble(4),
                        RejectReason.valueOf(rs.getString(5).toUpperCase(Locale.ROOT))), jobId);
    }

    @FunctionalInterface
    private interface RowSetter {
        void set(PreparedStatement ps, int i) throws SQLException;
    }

    private void batch(String sql, int rows, RowSetter setter) {
        final int chunk = 5_000;
        for (int from = 0; from < rows; from += chunk) {
            int offset = from;
            int size = Math.min(chunk, rows - from);
            jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    setter.set(ps, offset + i);
                }

                @Override
                public int getBatchSize() {
                    return size;
                }
            });
        }
    }
}
