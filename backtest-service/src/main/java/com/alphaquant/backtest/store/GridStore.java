package com.alphaquant.backtest.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Points of optimisation grids, each stored as soon as it is computed (a resumed job skips them). */
@Repository
public class GridStore {

    private final JdbcTemplate jdbc;

    public GridStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(UUID jobId, GridPointRecord p) {
        jdbc.update("insert into backtest_grid_point (job_id, point_no, parameters, metrics, final_equity, fills, rejections) "
                        + "values (?, ?, cast(? as json), cast(? as json), ?, ?, ?) on conflict (job_id, point_no) do nothing",
                jobId, p.point(), p.parameters(), p.metrics(), p.finalEquity(), p.fills(), p.rejections());
    }

    public Set<Integer> done(UUID jobId) {
        return new HashSet<>(jdbc.queryForList("select point_no from backtest_grid_point where job_id = ?", Integer.class, jobId));
    }

    public List<GridPointRecord> points(UUID jobId) {
        return jdbc.query("select point_no, parameters, metrics, final_equity, fills, rejections from backtest_grid_point "
                + "where job_id = ? order by point_no", (rs, i) -> new GridPointRecord(rs.getInt(1), rs.getString(2),
                rs.getString(3), rs.getDouble(4), rs.getInt(5), rs.getInt(6)), jobId);
    }
}
