package com.alphaquant.backtest.api;

import com.alphaquant.backtest.job.BacktestJobs;
import com.alphaquant.backtest.job.Objective;
import com.alphaquant.backtest.job.OptimizeRequest;
import com.alphaquant.backtest.job.Ranking;
import com.alphaquant.backtest.store.GridStore;
import com.alphaquant.backtest.store.JobRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parameter optimisation: a base backtest, parameter ranges and an objective run as one job;
 * its grid comes back ranked by the objective with the best point first.
 */
@RestController
@RequestMapping("/api/backtests/optimize")
@Tag(name = "optimisations", description = "Parameter grids over a base backtest, ranked by an objective")
class OptimizeController {

    private final BacktestJobs jobs;
    private final GridStore grid;
    private final OptimizationList list;
    private final JsonMapper json;

    OptimizeController(BacktestJobs jobs, GridStore grid, OptimizationList list, JsonMapper json) {
        this.jobs = jobs;
        this.grid = grid;
        this.list = list;
        this.json = json;
    }

    @Operation(summary = "Past optimisations, newest first",
            description = "[{id, status, strategy, startDate, endDate, objective, submittedAt, finishedAt, progress, message, points, "
                    + "done, best, location}]: points is the grid's size, done the points computed so far, best the best of "
                    + "those by the objective (as GET /api/backtests/optimize/{id} has it), null while none is computed")
    @GetMapping
    List<Views.OptimizationSummary> list(@Parameter(description = "how many, 1 to 500") @RequestParam(name = "limit", defaultValue = "50")
                                         @Min(1) @Max(BacktestController.MAX_LIMIT) int limit) {
        return list.latest(limit);
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
        StoredPlan plan = StoredPlan.of(parameters);
        Objective objective = plan.objective();
        List<Views.GridPoint> ranked = new ArrayList<>();
        int rank = 0;
        for (Ranking.Ranked r : Ranking.rank(grid.points(id), objective, json)) {
            ranked.add(Views.GridPoint.of(++rank, r, objective, json));
        }
        return ResponseEntity.ok(new Views.Optimization(job.id(), "optimize", job.status(), Views.progress(job),
                job.message(), job.strategy(), job.startDate(), job.endDate(), objective.label(), job.engineVersion(), parameters,
                plan.points(), ranked.size(), ranked.isEmpty() ? null : ranked.get(0), ranked,
                job.runInfo() == null ? null : json.readTree(job.runInfo()), job.createdAt(), job.startedAt(), job.finishedAt()));
    }
}
