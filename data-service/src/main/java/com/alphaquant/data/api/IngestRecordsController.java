package com.alphaquant.data.api;

import com.alphaquant.data.ingest.Dataset;
import com.alphaquant.data.store.CoverageStore;
import com.alphaquant.data.store.RejectionStore;
import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What ingestion has stored (its coverage watermarks) and the rows its cleaning refused. */
@RestController
@RequestMapping("/api/data")
class IngestRecordsController {

    /** One refused row: the code and date read from it (null where unreadable), why, the row as sent, and the last job to refuse it. */
    record RejectionView(String dataset, String tsCode, LocalDate tradeDate, String reason, Instant at, String row, UUID jobId) {

        static RejectionView of(RejectionStore.Entry e) {
            return new RejectionView(e.dataset(), e.tsCode(), e.tradeDate(), e.reason(), e.at(), e.row(), e.jobId());
        }
    }

    private final CoverageStore coverage;
    private final RejectionStore rejections;

    IngestRecordsController(CoverageStore coverage, RejectionStore rejections) {
        this.coverage = coverage;
        this.rejections = rejections;
    }

    @Operation(summary = "What is stored, by dataset and scope",
            description = "[{dataset, scope, first, last, ranges}]: scope * is the whole market (fetched by day), else a ts_code; "
                    + "first and last the covered days; ranges how many covered ranges (whole market: days)")
    @GetMapping("/coverage")
    List<CoverageStore.Summary> coverage(@Parameter(description = "one dataset (e.g. daily); default all")
                                         @RequestParam(name = "dataset", required = false) String dataset) {
        return coverage.summaries(dataset(dataset));
    }

    @Operation(summary = "Rows the cleaning refused, newest first",
            description = "[{dataset, tsCode, tradeDate, reason, at, row, jobId}]; a row refused again is listed once, at its "
                    + "latest refusal; the latest " + RejectionStore.KEPT_PER_DATASET + " per dataset are kept")
    @GetMapping("/rejections")
    List<RejectionView> rejections(@Parameter(description = "one dataset (e.g. daily); default all")
                                   @RequestParam(name = "dataset", required = false) String dataset,
                                   @Parameter(description = "how many, 1 to 500") @RequestParam(name = "limit", defaultValue = "100")
                                   @Min(1) @Max(IngestController.MAX_LIMIT) int limit) {
        return rejections.latest(dataset(dataset), limit).stream().map(RejectionView::of).toList();
    }

    /** The dataset asked for by its Tushare name; null when none is (blank: none). */
    static String dataset(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(Dataset.values()).map(Dataset::apiName).filter(text.trim()::equals).findFirst()
                .orElseThrow(() -> new BadRequestException("dataset", Problems.quote(text) + " is not a dataset: expected one of "
                        + String.join(", ", Arrays.stream(Dataset.values()).map(Dataset::apiName).toList())));
    }
}
