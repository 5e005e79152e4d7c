package com.alphaquant.backtest.api;

import com.alphaquant.backtest.job.BacktestJobs;
import com.alphaquant.backtest.job.Objective;
import com.alphaquant.backtest.job.OptimizeRequest;
import com.alphaquant.backtest.job.Ranking;
import com.alphaquant.backtest.store.GridStore;
import com.alphaquant.backtest.store.JobRecord;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parameter optimisation: a base backtest, parameter ranges and an objective run as one job;
 * its grid comes back ranked by the objective with the best point first.
 */
@RestController
@RequestMapping("/api/backtests/optimize")
class OptimizeController {

    private final BacktestJobs jobs;
    private final GridStore grid;
    private final JsonMapper json;

    OptimizeController(BacktestJobs jobs, GridStore grid, JsonMapper json) {
        this.jobs = jobs;
        this.grid = grid;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Views.Accepted> submit(@RequestBody byte[] body) {
        UUID id = jobs.submit(Bodies.read(json, body, OptimizeRequest.class));
        String location = "/api/backtests/optimize/" + id;
        return ResponseEntity.accepted().location(URI.create(location)).body(new Views.Accepted(id, "optimize", "QUEUED", location));
    }

    @GetMapping("/{id}")
    ResponseEntity<Object> get(@PathVariable UUID id) {
        Optional<JobRecord> found = jobs.find(id).filter(j -> JobRecord.OPTIMIZE.equals(j.kind()));
        if (found.isEmpty()) {
            return Bodies.notFound("No optimisation " + id);
        }
        JobRecord job = found.get();
        JsonNode parameters = json.readTree(job.parameters());
        Objective objective = Objective.parse(parameters.path("objective").asString());
        int points = 1;
        for (JsonNode range : parameters.path("ranges")) {
            points *= range.path("values").size();
        }
        List<Views.GridPoint> ranked = new ArrayList<>();
        int rank = 0;
        for (Ranking.Ranked r : Ranking.rank(grid.points(id), objective, json)) {
            ranked.add(new Views.GridPoint(++rank, r.point().point(), json.readTree(r.point().parameters()), objective.metric(),
                    r.value(), r.metrics(), r.point().finalEquity(), r.point().fills(), r.point().rejections()));
        }
        return ResponseEntity.ok(new Views.Optimization(job.id(), "optimize", job.status(), Math.round(job.progress() * 10) / 10.0,
                job.message(), job.strategy(), job.startDate(), job.endDate(), objective.label(), job.engineVersion(), parameters,
                points, ranked.size(), ranked.isEmpty() ? null : ranked.get(0), ranked,
                job.runInfo() == null ? null : json.readTree(job.runInfo()), job.createdAt(), job.startedAt(), job.finishedAt()));
    }
}
