package com.alphaquant.backtest.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /** One computed point's value of one metric: null where the metric is undefined (stored as null or absent). */
    public record PointValue(UUID jobId, int point, Double value) {}

    /** How many points of each job are computed; jobs with none are absent. */
    public Map<UUID, Integer> doneCounts(Collection<UUID> jobIds) {
        Map<UUID, Integer> done = new HashMap<>();
        if (!jobIds.isEmpty()) {
            jdbc.query("select job_id, count(*) from backtest_grid_point where job_id = any(cast(? as uuid[])) group by job_id",
                    rs -> {
                        done.put(rs.getObject(1, UUID.class), rs.getInt(2));
                    }, (Object) uuids(jobIds));
        }
        return done;
    }

    /**
     * The value of {@code metric} at every computed point of the jobs: what ranking them needs,
     * without reading each point's whole figures.
     */
    public List<PointValue> values(Collection<UUID> jobIds, String metric) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select job_id, point_no, case when json_typeof(metrics -> ?) = 'number' then (metrics ->> ?)::float8 end "
                        + "from backtest_grid_point where job_id = any(cast(? as uuid[]))",
                (rs, i) -> new PointValue(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, Double.class)),
                metric, metric, uuids(jobIds));
    }

    /** Given points of given jobs (job → point number), whole. */
    public Map<UUID, GridPointRecord> points(Map<UUID, Integer> pointOfJob) {
        Map<UUID, GridPointRecord> found = new HashMap<>();
        if (pointOfJob.isEmpty()) {
            return found;
        }
        List<UUID> jobs = List.copyOf(pointOfJob.keySet());
        Integer[] numbers = jobs.stream().map(pointOfJob::get).toArray(Integer[]::new);
        jdbc.query("select p.job_id, p.point_no, p.parameters, p.metrics, p.final_equity, p.fills, p.rejections "
                + "from backtest_grid_point p join unnest(cast(? as uuid[]), cast(? as integer[])) as w(job_id, point_no) using (job_id, point_no)", rs -> {
                    found.put(rs.getObject(1, UUID.class), new GridPointRecord(rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getDouble(5), rs.getInt(6), rs.getInt(7)));
                }, uuids(jobs), numbers);
        return found;
    }

    /** Ids as a text array, which PostgreSQL casts to uuid[] (the driver binds String[] natively). */
    private static String[] uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
