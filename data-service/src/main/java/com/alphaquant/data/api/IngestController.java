package com.alphaquant.data.api;

import com.alphaquant.data.ingest.DailyCycle;
import com.alphaquant.data.ingest.DataStatus;
import com.alphaquant.data.ingest.IngestRequest;
import com.alphaquant.data.ingest.IngestService;
import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.TradingDay;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Starts ingestion jobs and shows their progress. */
@RestController
@RequestMapping("/api/data")
class IngestController {

    /**
     * @param datasets  Tushare API names (the {@code Dataset} values: stock_basic, trade_cal, daily, …)
     * @param tsCodes   stocks (and indices for index_daily), or ["all"] for the whole market
     */
    record IngestBody(@NotEmpty @Size(max = MAX_DATASETS) List<@NotBlank String> datasets,
                      @NotEmpty @Size(max = MAX_CODES) List<@NotBlank @Size(max = 12) String> tsCodes,
                      @NotNull @TradingDay LocalDate startDate, @NotNull @TradingDay LocalDate endDate) {}

    /** Room for every dataset named once, and a few repeats; more is not a list of datasets. */
    static final int MAX_DATASETS = 32;

    /** Most items one list answer holds. */
    static final int MAX_LIMIT = 500;

    /** Most codes one job names; the whole market is {@code ["all"]}. */
    static final int MAX_CODES = 6000;

    private final IngestService service;
    private final DataStatus status;
    private final DailyCycle cycle;

    IngestController(IngestService service, DataStatus status, DailyCycle cycle) {
        this.service = service;
        this.status = status;
        this.cycle = cycle;
    }

    /** Runs the daily cycle now (as its schedule would): 202 with its job, or 409 while one is waiting or running. */
    @PostMapping("/cycle")
    ResponseEntity<?> runCycle() {
        return cycle.run("asked through the API")
                .<ResponseEntity<?>>map(id -> ResponseEntity.accepted().location(URI.create("/api/data/jobs/" + id))
                        .body(Map.of("id", id, "status", "QUEUED", "progress", "/api/data/jobs/" + id)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT, "A cycle job is already waiting or running; see GET /api/data/status")));
    }

    /** How current the data is: the last complete day per dataset, what is missing, retried or late. */
    @GetMapping("/status")
    DataStatus.Status status() {
        return status.status();
    }

    @PostMapping("/ingest")
    ResponseEntity<Map<String, Object>> ingest(@Valid @RequestBody IngestBody body) {
        IngestRequest request;
        try {
            request = IngestRequest.parse(String.join(",", body.datasets()), String.join(",", body.tsCodes()),
                    body.startDate(), body.endDate());
        } catch (IngestRequest.InvalidField e) {
            throw new BadRequestException(e.field(), e.getMessage());
        }
        UUID id = service.submit(request);
        return ResponseEntity.accepted().location(URI.create("/api/data/jobs/" + id))
                .body(Map.of("id", id, "status", "QUEUED", "progress", "/api/data/jobs/" + id));
    }

    @Operation(summary = "Ingestion jobs, newest first", description = "each as GET /api/data/jobs/{id} shows it")
    @GetMapping("/jobs")
    List<IngestService.Progress> jobs(@Parameter(description = "how many, 1 to 500") @RequestParam(name = "limit", defaultValue = "50")
                                      @Min(1) @Max(MAX_LIMIT) int limit) {
        return service.latest(limit);
    }

    @GetMapping("/jobs/{id}")
    ResponseEntity<?> job(@PathVariable UUID id) {
        return service.progress(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    @PostMapping("/jobs/{id}/resume")
    ResponseEntity<?> resume(@PathVariable UUID id) {
        if (service.progress(id).isEmpty()) {
            return notFound(id);
        }
        if (!service.resume(id)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "Job " + id + " is not failed or paused; only those can be resumed");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return ResponseEntity.accepted().body(Map.of("id", id, "status", "QUEUED"));
    }

    private static ResponseEntity<?> notFound(UUID id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No ingestion job " + id));
    }
}
