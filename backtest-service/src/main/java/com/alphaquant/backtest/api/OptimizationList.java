package com.alphaquant.backtest.api;

import com.alphaquant.backtest.job.BacktestJobs;
import com.alphaquant.backtest.job.Objective;
import com.alphaquant.backtest.job.Ranking;
import com.alphaquant.backtest.store.GridPointRecord;
import com.alphaquant.backtest.store.GridStore;
import com.alphaquant.backtest.store.GridStore.PointValue;
import com.alphaquant.backtest.store.JobRecord;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest optimisations with their progress and best point so far, in a fixed number of
 * queries however many are listed: each point's objective value is read alone (not its figures),
 * and only the best points are read whole.
 */
@Component
class OptimizationList {

    private final BacktestJobs jobs;
    private final GridStore grid;
    private final JsonMapper json;

    OptimizationList(BacktestJobs jobs, GridStore grid, JsonMapper json) {
        this.jobs = jobs;
        this.grid = grid;
        this.json = json;
    }

    List<Views.OptimizationSummary> latest(int limit) {
        Map<UUID, StoredPlan> plans = new LinkedHashMap<>();
        List<JobRecord> listed = jobs.latest(JobRecord.OPTIMIZE, limit);
        listed.forEach(j -> plans.put(j.id(), StoredPlan.of(json.readTree(j.parameters()))));
        Map<UUID, Integer> done = grid.doneCounts(plans.keySet());
        Map<UUID, Integer> bestPoint = new HashMap<>();
        best(plans).forEach((id, v) -> bestPoint.put(id, v.point()));
        Map<UUID, GridPointRecord> best = grid.points(bestPoint);
        return listed.stream().map(j -> {
            Objective objective = plans.get(j.id()).objective();
            GridPointRecord point = best.get(j.id());
            Views.GridPoint bestView = point == null ? null
                    : Views.GridPoint.of(1, Ranking.rank(List.of(point), objective, json).get(0), objective, json);
            return new Views.OptimizationSummary(j.id(), j.status(), j.strategy(), j.startDate(), j.endDate(), objective.label(),
                    j.createdAt(), j.finishedAt(), Views.progress(j), j.message(), plans.get(j.id()).points(),
                    done.getOrDefault(j.id(), 0), bestView, "/api/backtests/optimize/" + j.id());
        }).toList();
    }

    /** Each job's best computed point by its own objective, in the order {@link Ranking} ranks a grid. */
    private Map<UUID, PointValue> best(Map<UUID, StoredPlan> plans) {
        Map<Objective, List<UUID>> byObjective = new HashMap<>();
        plans.forEach((id, plan) -> byObjective.computeIfAbsent(plan.objective(), o -> new java.util.ArrayList<>()).add(id));
        Map<UUID, PointValue> best = new HashMap<>();
        byObjective.forEach((objective, ids) -> {
            Comparator<PointValue> order = Ranking.order(objective, PointValue::value, PointValue::point);
            for (PointValue v : grid.values(ids, objective.metric())) {
                best.merge(v.jobId(), v, (a, b) -> order.compare(a, b) <= 0 ? a : b);
            }
        });
        return best;
    }
}
