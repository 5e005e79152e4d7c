package com.alphaquant.data.api;

import com.alphaquant.data.store.BarStore;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.CalendarEffects;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.web.Problems;
import com.alphaquant.support.web.TradingDay;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
 * Calendar effects (日历效应) of a stock or an index over a date range, from the stored bars:
 * forward-adjusted closes of a stock (so that dividends and splits are no returns), an index's
 * closes; the statistics are libs/market's {@link CalendarEffects}.
 */
@RestController
@RequestMapping("/api/data")
class CalendarEffectsController {

    /**
     * The answer: the code, the range asked, the first and last stored day in it, what the
     * returns are of ({@code qfq_close} or {@code index_close}) and {@link CalendarEffects}' figures.
     */
    record EffectsView(String code, LocalDate start, LocalDate end, String prices, LocalDate firstDay, LocalDate lastDay,
                       int observations, int months, int quarters, List<CalendarEffects.Group> byWeekday,
                       List<CalendarEffects.Group> byMonth, List<CalendarEffects.Group> byQuarter) {}

    private final BarStore bars;

    CalendarEffectsController(BarStore bars) {
        this.bars = bars;
    }

    @Operation(summary = "Calendar effects: returns by weekday, month of year and quarter",
            description = "{code, start, end, prices, firstDay, lastDay, observations, months, quarters, byWeekday[5], byMonth[12], "
                    + "byQuarter[4]}, each group {key, label, n, mean, stdev, t, positiveShare}: weekday groups daily close-to-close "
                    + "returns, month and quarter each whole period's compounded return; t = mean / (stdev / √n) with the sample "
                    + "stdev; an empty group has n = 0 and null figures; a month or quarter counts when the range and the stored "
                    + "data hold all of it and the close before it. 404 for a code with no stored bars")
    @GetMapping("/calendar-effects")
    ResponseEntity<?> effects(@Parameter(description = "a stock (600519.SH) or an index (000300.SH)") @RequestParam("code") String code,
                              @Parameter(description = "first day, YYYY-MM-DD")
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate start,
                              @Parameter(description = "last day, YYYY-MM-DD")
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate end) {
        TsCode tsCode = QuoteController.parseCode("code", code);
        boolean index = QuoteController.board("code", tsCode) == Board.INDEX;
        QuoteController.requireRange(start, end);
        BarStore.Table table = index ? BarStore.Table.INDEX : BarStore.Table.DAILY;
        if (!bars.hasBars(table, tsCode.toString())) {
            return problem(HttpStatus.NOT_FOUND, "code", "No bars stored for " + tsCode + ": unknown " + (index ? "index" : "stock")
                    + ", or not ingested (POST /api/data/ingest with datasets [\"" + (index ? "index_daily" : "daily\",\"adj_factor")
                    + "\"])");
        }
        List<Bar> stored = bars.bars(table, tsCode.toString(), start, end);
        double[] closes = new double[stored.size()];
        double base = index ? 1 : bars.latestAdjFactor(tsCode.toString());
        for (int i = 0; i < closes.length; i++) {
            Bar b = stored.get(i);
            if (!index && Double.isNaN(b.adjFactor())) {
                return problem(HttpStatus.CONFLICT, null, "No adjustment factor stored for " + tsCode + " on " + b.tradeDate()
                        + ", so no forward-adjusted close: ingest adj_factor (POST /api/data/ingest with datasets [\"adj_factor\"])");
            }
            closes[i] = index ? b.close() : b.close() * b.adjFactor() / base;
        }
        // A month or quarter is whole only where the stored data reaches its end, not merely the range asked.
        LocalDate storedThrough = bars.lastDay(table);
        CalendarEffects effects = CalendarEffects.of(stored.stream().map(Bar::tradeDate).toList(), closes,
                storedThrough.isBefore(end) ? storedThrough : end);
        return ResponseEntity.ok(new EffectsView(tsCode.toString(), start, end, index ? "index_close" : "qfq_close",
                stored.isEmpty() ? null : stored.get(0).tradeDate(), stored.isEmpty() ? null : stored.get(stored.size() - 1).tradeDate(),
                effects.observations(), effects.months(), effects.quarters(), effects.byWeekday(), effects.byMonth(),
                effects.byQuarter()));
    }

    private static ResponseEntity<?> problem(HttpStatus status, String field, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, field, detail));
    }
}
