package com.alphaquant.factor.api;

import com.alphaquant.alpha.mine.AlphaMining;
import com.alphaquant.factor.FactorProperties;
import com.alphaquant.factor.mined.MinedFormulaStore;
import com.alphaquant.factor.mining.MineRequest;
import com.alphaquant.factor.mining.MiningJobRecord;
import com.alphaquant.factor.mining.MiningJobStore;
import com.alphaquant.support.panel.PanelSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** Mining jobs (submit, follow, cancel) and the formulas they stored. */
@RestController
@RequestMapping("/api/factors")
@Validated
@Tag(name = "mining", description = "Formulaic alpha mining (libs/alpha) as jobs; mined formulas are factors by name")
class MiningController {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final MiningJobStore jobs;
    private final MinedFormulaStore mined;
    private final PanelSource bars;
    private final JsonMapper json;
    private final long maxStockMonths;

    MiningController(MiningJobStore jobs, MinedFormulaStore mined, PanelSource bars, JsonMapper json,
                     FactorProperties properties) {
        this.jobs = jobs;
        this.mined = mined;
        this.bars = bars;
        this.json = json;
        this.maxStockMonths = properties.maxStockMonths();
    }

    @Operation(summary = "Mine formulas",
            description = "{method: gp|rl, budget, startDate, endDate, validStart?, testStart?, horizon?, seed?, maxCorrelation?, "
                    + "poolSize?, maxTokens?, tsCodes?}: a job that scores candidate formulas on [startDate, endDate] and keeps "
                    + "a pool; follow it at the returned location. Its formulas are stored and served by name.")
    @PostMapping(value = "/mine", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MiningViews.Accepted> submit(@RequestBody(required = false) MineRequest request) {
        MineRequest filled = (request == null ? new MineRequest(null, null, null, null, null, null, null, null, null, null, null, null)
                : request).withDefaults(AlphaMining::miner, SEEDS::nextLong);
        int stocks = filled.tsCodes().isEmpty() ? bars.securities().size() : filled.tsCodes().size();
        RequestParams.size(filled.tsCodes().isEmpty() ? "startDate" : "tsCodes", stocks, filled.startDate(), filled.endDate(),
                maxStockMonths, "narrow tsCodes or startDate … endDate");
        UUID id = UUID.randomUUID();
        jobs.insert(id, json.writeValueAsString(filled));
        String location = MiningViews.JOBS + id;
        return ResponseEntity.accepted().location(URI.create(location)).body(new MiningViews.Accepted(id, "QUEUED", location));
    }

    @Operation(summary = "Mining jobs, newest first")
    @GetMapping("/mine")
    List<MiningViews.MiningJob> list(@RequestParam(name = "limit", defaultValue = "50") @Min(1) @Max(500) int limit) {
        return jobs.latest(limit).stream().map(j -> MiningViews.MiningJob.of(j, json)).toList();
    }

    @Operation(summary = "A mining job: status, progress (evaluated of budget, accepted, pool train IC, ETA), and its pool once done")
    @GetMapping("/mine/{id}")
    MiningViews.MiningJob get(@PathVariable UUID id) {
        return jobs.find(id).map(j -> MiningViews.MiningJob.of(j, json)).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "Cancel a mining job",
            description = "A queued job stops at once, a running one at its next progress report (within about a second); "
                    + "a job that already ended is a 409.")
    @DeleteMapping("/mine/{id}")
    ResponseEntity<MiningViews.MiningJob> cancel(@PathVariable UUID id) {
        MiningJobRecord before = jobs.find(id).orElseThrow(() -> notFound(id));
        if (before.finished()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Mining job " + id + " already ended " + before.status());
        }
        MiningJobRecord now = jobs.cancel(id).orElseThrow(() -> notFound(id));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(MiningViews.MiningJob.of(now, json));
    }

    @Operation(summary = "The mined formulas, oldest first, with their metrics per split, data range and versions")
    @GetMapping("/mined")
    List<MiningViews.Mined> minedFormulas() {
        return mined.all().stream().map(f -> MiningViews.Mined.of(f, json)).toList();
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No mining job " + id);
    }
}
