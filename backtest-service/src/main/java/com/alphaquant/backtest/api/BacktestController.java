package com.alphaquant.backtest.api;

import com.alphaquant.backtest.job.BacktestJobs;
import com.alphaquant.backtest.job.BacktestRequest;
import com.alphaquant.backtest.report.BacktestWriter;
import com.alphaquant.backtest.store.EquityRow;
import com.alphaquant.backtest.store.JobRecord;
import com.alphaquant.backtest.store.ResultStore;
import com.alphaquant.market.rules.Side;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backtest jobs: submit (202 + Location), status with figures, and the results as JSON or, with
 * {@code Accept: text/csv}, in the CLI's files' format (equity.csv, trades.csv, rejections.csv).
 */
@RestController
@RequestMapping("/api/backtests")
@Tag(name = "backtests", description = "A-share backtests over libs/backtest: jobs, their figures and results")
class BacktestController {

    /** Most jobs one list answer holds. */
    static final int MAX_LIMIT = 500;

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final BacktestJobs jobs;
    private final ResultStore results;
    private final JsonMapper json;

    BacktestController(BacktestJobs jobs, ResultStore results, JsonMapper json) {
        this.jobs = jobs;
        this.results = results;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Views.Accepted> submit(@RequestBody byte[] body) {
        UUID id = jobs.submit(Bodies.read(json, body, BacktestRequest.class));
        String location = "/api/backtests/" + id;
        return ResponseEntity.accepted().location(URI.create(location)).body(new Views.Accepted(id, "backtest", "QUEUED", location));
    }

    @Operation(summary = "Past backtests, newest first",
            description = "[{id, status, strategy, startDate, endDate, submittedAt, finishedAt, progress, message, metrics, location}]; "
                    + "metrics as GET /api/backtests/{id} has them once SUCCEEDED, else null. Optimisations are listed at "
                    + "GET /api/backtests/optimize")
    @GetMapping
    List<Views.BacktestSummary> list(@Parameter(description = "how many, 1 to 500") @RequestParam(name = "limit", defaultValue = "50")
                                     @Min(1) @Max(MAX_LIMIT) int limit) {
        return jobs.latest(JobRecord.BACKTEST, limit).stream().map(j -> new Views.BacktestSummary(j.id(), j.status(), j.strategy(),
                j.startDate(), j.endDate(), j.createdAt(), j.finishedAt(), Views.progress(j), j.message(), tree(j.metrics()),
                "/api/backtests/" + j.id())).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<Object> get(@PathVariable UUID id) {
        Optional<JobRecord> found = jobs.find(id);
        if (found.isEmpty()) {
            return Bodies.notFound("No backtest " + id);
        }
        JobRecord job = found.get();
        if (JobRecord.OPTIMIZE.equals(job.kind())) {
            return Bodies.notFound(id + " is an optimisation: GET /api/backtests/optimize/" + id);
        }
        String self = "/api/backtests/" + id;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("equity", self + "/equity");
        links.put("trades", self + "/trades");
        links.put("rejections", self + "/rejections");
        return ResponseEntity.ok(new Views.Backtest(job.id(), "backtest", job.status(), Views.progress(job),
                job.message(), job.strategy(), job.startDate(), job.endDate(), "alphaquant-backtest", job.engineVersion(),
                tree(job.parameters()), tree(job.runInfo()), tree(job.metrics()), tree(job.counts()), job.createdAt(),
                job.startedAt(), job.finishedAt(), links));
    }

    @GetMapping("/{id}/equity")
    ResponseEntity<Object> equity(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return finished(id).orElseGet(() -> {
            List<EquityRow> rows = results.equity(id);
            if (Bodies.wantsCsv(accept)) {
                StringBuilder sb = new StringBuilder(BacktestWriter.EQUITY_HEADER).append('\n');
                rows.forEach(r -> BacktestWriter.appendEquity(sb, r.tradeDate(), r.cashCents(), r.marketValueCents(), r.benchmark(), r.drawdown()));
                return csv(sb, BacktestWriter.EQUITY);
            }
            return ResponseEntity.ok(rows.stream().map(r -> new Views.Equity(r.tradeDate(), r.cashCents() / 100.0,
                    r.marketValueCents() / 100.0, (r.cashCents() + r.marketValueCents()) / 100.0,
                    Double.isNaN(r.benchmark()) ? null : r.benchmark(), r.drawdown())).toList());
        });
    }

    @GetMapping("/{id}/trades")
    ResponseEntity<Object> trades(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return finished(id).orElseGet(() -> {
            var fills = results.trades(id);
            if (Bodies.wantsCsv(accept)) {
                StringBuilder sb = new StringBuilder(BacktestWriter.TRADES_HEADER).append('\n');
                fills.forEach(f -> BacktestWriter.appendTrade(sb, f));
                return csv(sb, BacktestWriter.TRADES);
            }
            return ResponseEntity.ok(fills.stream().map(f -> new Views.Trade(f.date(), f.code().toString(), side(f.side()), f.shares(),
                    f.price(), f.value(), f.fees().commission(), f.fees().stampDuty(), f.fees().transferFee(), f.slippageCost(),
                    f.reason())).toList());
        });
    }

    @GetMapping("/{id}/rejections")
    ResponseEntity<Object> rejections(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return finished(id).orElseGet(() -> {
            var rows = results.rejections(id);
            if (Bodies.wantsCsv(accept)) {
                StringBuilder sb = new StringBuilder(BacktestWriter.REJECTIONS_HEADER).append('\n');
                rows.forEach(r -> BacktestWriter.appendRejection(sb, r));
                return csv(sb, BacktestWriter.REJECTIONS);
            }
            return ResponseEntity.ok(rows.stream().map(r -> new Views.Rejection(r.date(), r.code().toString(), side(r.side()),
                    r.shares(), r.reason().code())).toList());
        });
    }

    /** Empty when the backtest SUCCEEDED (its results can be served), else the problem to answer with. */
    private Optional<ResponseEntity<Object>> finished(UUID id) {
        Optional<JobRecord> job = jobs.find(id).filter(j -> JobRecord.BACKTEST.equals(j.kind()));
        if (job.isEmpty()) {
            return Optional.of(Bodies.notFound("No backtest " + id));
        }
        JobRecord j = job.get();
        if (JobRecord.SUCCEEDED.equals(j.status())) {
            return Optional.empty();
        }
        return Optional.of(Bodies.conflict("Backtest " + id + " is " + j.status()
                + (JobRecord.FAILED.equals(j.status()) ? ": " + j.message() : "; its results exist once it has SUCCEEDED")));
    }

    private static ResponseEntity<Object> csv(StringBuilder body, String fileName) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"")
                .body(body.toString());
    }

    private static String side(Side side) {
        return side.name().toLowerCase(Locale.ROOT);
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }
}
