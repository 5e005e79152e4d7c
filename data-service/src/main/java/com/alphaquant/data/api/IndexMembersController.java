package com.alphaquant.data.api;

import com.alphaquant.data.store.IndexWeightStore;
import com.alphaquant.market.Board;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An index's constituents as they were on a day (stored Tushare index_weight): those of its
 * latest publication on or before the day, so that research and backtests see the universe of
 * the time, not today's.
 */
@RestController
@RequestMapping("/api/data")
class IndexMembersController {

    /** One constituent and its weight in percent. */
    record MemberView(String conCode, double weight) {}

    /** The members in force on {@code date}, published on {@code weightDate}. */
    record MembersView(String indexCode, LocalDate date, LocalDate weightDate, int count, List<MemberView> members) {}

    /** One stored row: {@code conCode} weighed {@code weight} percent in the publication of {@code tradeDate}. */
    record WeightView(LocalDate tradeDate, String conCode, double weight) {}

    private final IndexWeightStore weights;

    IndexMembersController(IndexWeightStore weights) {
        this.weights = weights;
    }

    /**
     * Every publication in [start, end] and the one in force on {@code start}, by date then
     * constituent: what a backtest over the index's point-in-time universe needs. Empty when none.
     */
    @GetMapping("/indices/{code}/weights")
    List<WeightView> weights(@PathVariable String code,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate start,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate end) {
        TsCode index = index(code);
        QuoteController.requireRange(start, end);
        LocalDate inForce = weights.latestOnOrBefore(index, start);
        return weights.between(index, inForce == null ? start : inForce, end).stream()
                .map(w -> new WeightView(w.tradeDate(), w.conCode().toString(), w.weight())).toList();
    }

    private static TsCode index(String code) {
        TsCode index = QuoteController.parseCode("code", code);
        if (QuoteController.board("code", index) != Board.INDEX) {
            throw new BadRequestException("code", code + " is a stock, not an index");
        }
        return index;
    }

    @GetMapping("/indices/{code}/members")
    ResponseEntity<?> members(@PathVariable String code,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate date) {
        TsCode index = index(code);
        LocalDate published = weights.latestOnOrBefore(index, date);
        if (published == null) {
            String detail = weights.has(index)
                    ? "No constituents of " + index + " published on or before " + date + ": the stored history starts later"
                    : "No constituents of " + index + " stored: ingest the index_weight dataset (POST /api/data/ingest with "
                    + "datasets [\"index_weight\"] and the index among ts_codes)";
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, null, detail));
        }
        List<MemberView> members = weights.on(index, published).stream()
                .map(w -> new MemberView(w.conCode().toString(), w.weight())).toList();
        return ResponseEntity.ok(new MembersView(index.toString(), date, published, members.size(), members));
    }
}
