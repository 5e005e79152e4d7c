package com.alphaquant.data.api;

import com.alphaquant.data.ingest.Dataset;
import com.alphaquant.data.store.CoverageStore;
import com.alphaquant.data.store.NameChangeStore;
import com.alphaquant.market.Board;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.Problems;
import com.alphaquant.support.web.TradingDay;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ST episodes from the stored name history: the days each stock bore an ST name, which decide
 * its price limits (SPEC section 1). Consumers rebuild an {@link StHistory} from them.
 */
@RestController
@RequestMapping("/api/data")
class StController {

    /** A stock's ST days under one name, from {@code startDate} to {@code endDate} inclusive (null: still ST). */
    record EpisodeView(String tsCode, String name, LocalDate startDate, LocalDate endDate) {

        static EpisodeView of(StHistory.Episode e) {
            return new EpisodeView(e.tsCode().toString(), e.name(), e.first(), e.last());
        }
    }

    private final NameChangeStore nameChanges;
    private final CoverageStore coverage;

    StController(NameChangeStore nameChanges, CoverageStore coverage) {
        this.nameChanges = nameChanges;
        this.coverage = coverage;
    }

    /**
     * The ST episodes with a day in [start, end], of one stock or (without {@code ts_code}) of
     * every stock; 409 until namechange has been ingested, since an empty list would claim that
     * no stock was ever ST.
     */
    @GetMapping("/st")
    ResponseEntity<?> episodes(@RequestParam(name = "ts_code", required = false) String tsCode,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate start,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate end) {
        TsCode code = tsCode == null ? null : QuoteController.parseCode("ts_code", tsCode);
        if (code != null && QuoteController.board("ts_code", code) == Board.INDEX) {
            throw new BadRequestException("ts_code", code + " is an index, not a stock: indices have no ST status");
        }
        QuoteController.requireRange(start, end);
        if (coverage.ranges(Dataset.NAMECHANGE.apiName(), CoverageStore.WHOLE_MARKET).isEmpty()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, null,
                    "No name history stored: ingest the namechange dataset (POST /api/data/ingest with datasets [\"namechange\"])"));
        }
        StHistory history = StHistory.of(code == null ? nameChanges.all() : nameChanges.of(code));
        List<EpisodeView> episodes = history.episodes(start, end).stream().map(EpisodeView::of).toList();
        return ResponseEntity.ok(episodes);
    }
}
