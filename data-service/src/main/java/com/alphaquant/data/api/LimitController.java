package com.alphaquant.data.api;

import com.alphaquant.data.ingest.Dataset;
import com.alphaquant.data.store.BarStore;
import com.alphaquant.data.store.CalendarStore;
import com.alphaquant.data.store.CoverageStore;
import com.alphaquant.data.store.LimitStore;
import com.alphaquant.data.store.NameChangeStore;
import com.alphaquant.data.store.SecurityRepository;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.rules.LimitBandCheck;
import com.alphaquant.market.rules.LimitCrossCheck;
import com.alphaquant.market.rules.LimitCrossCheck.ExchangeLimit;
import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.Problems;
import com.alphaquant.support.web.TradingDay;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange's stored limit prices checked against the rule book (libs/market), and the
 * stored suspensions.
 */
@RestController
@RequestMapping("/api/data")
class LimitController {

    /** A limit price the rule book and the exchange disagree on; null where that side has no limit. */
    record MismatchView(String tsCode, LocalDate tradeDate, String side, Double ours, Double exchange, String reason,
                        String detail) {

        static MismatchView of(LimitCrossCheck.Mismatch m) {
            return new MismatchView(m.tsCode().toString(), m.tradeDate(), m.bound().name().toLowerCase(Locale.ROOT), m.ours(),
                    m.exchange(), m.reason().name().toLowerCase(Locale.ROOT), m.detail());
        }
    }

    /**
     * @param checked   stock-days compared (bars of the stocks with exchange rows in the range)
     * @param agreed    stock-days where both limit prices agree (or neither side has a limit)
     * @param exchangeRows the exchange rows of the range
     * @param exchangeRowsWithoutBar rows with no stored bar to compare with (suspended days)
     * @param withoutStockBasic stocks left out for want of a stock_basic row (their listing date decides the band)
     */
    record CheckView(LocalDate start, LocalDate end, int checked, int agreed, int exchangeRows, int exchangeRowsWithoutBar,
                     List<String> withoutStockBasic, int mismatchCount, List<MismatchView> mismatches) {}

    /** One stored stk_limit row; {@code preClose} null where the exchange gave none. */
    record LimitView(String tsCode, LocalDate tradeDate, Double preClose, double upLimit, double downLimit) {

        static LimitView of(ExchangeLimit e) {
            return new LimitView(e.tsCode().toString(), e.tradeDate(), Double.isNaN(e.preClose()) ? null : e.preClose(),
                    e.upLimit(), e.downLimit());
        }
    }

    record SuspensionView(String tsCode, LocalDate tradeDate, String suspendType, String suspendTiming) {}

    private static final LocalDate EARLIEST = LocalDate.of(1990, 12, 19);

    private final LimitStore limits;
    private final BarStore bars;
    private final CalendarStore calendar;
    private final SecurityRepository securities;
    private final NameChangeStore nameChanges;
    private final CoverageStore coverage;

    LimitController(LimitStore limits, BarStore bars, CalendarStore calendar, SecurityRepository securities,
                    NameChangeStore nameChanges, CoverageStore coverage) {
        this.limits = limits;
        this.bars = bars;
        this.calendar = calendar;
        this.securities = securities;
        this.nameChanges = nameChanges;
        this.coverage = coverage;
    }

    /**
     * Every stored stk_limit row of [start, end] (of one stock with {@code ts_code}) against the
     * rule book's limit prices from the stored bar's pre_close, board, listing date and ST
     * status that day; the stocks checked are those with a row in the range, or the one asked
     * for. 409 until namechange is ingested (ST status decides the band) or while stk_limit is
     * neither stored nor covered for the range.
     */
    @GetMapping("/limits/check")
    ResponseEntity<?> check(@RequestParam(name = "ts_code", required = false) String tsCode,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate start,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate end) throws IOException {
        TsCode code = stockCode(tsCode);
        QuoteController.requireRange(start, end);
        if (coverage.ranges(Dataset.NAMECHANGE.apiName(), CoverageStore.WHOLE_MARKET).isEmpty()) {
            return conflict("No name history stored, so no ST status: ingest the namechange dataset "
                    + "(POST /api/data/ingest with datasets [\"namechange\"])");
        }
        List<ExchangeLimit> rows = limits.limits(code, start, end);
        String api = Dataset.STK_LIMIT.apiName();
        boolean covered = !coverage.wholeMarketDays(api, start, end).isEmpty() || code != null && coverage.ranges(api, code.toString())
                .stream().anyMatch(r -> !r.to().isBefore(start) && !r.from().isAfter(end));
        if (rows.isEmpty() && !covered) {
            return conflict("No stk_limit rows stored for " + (code == null ? "any stock" : code) + " in " + start + ".." + end
                    + ": ingest the stk_limit dataset (POST /api/data/ingest with datasets [\"stk_limit\"])");
        }
        Map<TsCode, StockBasic> basics = securities.findAll().stream()
                .map(s -> new StockBasic(TsCode.of(s.getTsCode()), s.getName(), s.getIndustry(), s.getListDate(),
                        Board.of(TsCode.of(s.getTsCode()))))
                .collect(Collectors.toMap(StockBasic::tsCode, Function.identity()));
        TreeSet<String> unknown = new TreeSet<>();
        List<ExchangeLimit> known = new ArrayList<>(rows.size());
        for (ExchangeLimit r : rows) {
            if (basics.containsKey(r.tsCode())) {
                known.add(r);
            } else {
                unknown.add(r.tsCode().toString());
            }
        }
        // One stock asked for is checked even on days without a row (the exchange set no limit then).
        List<String> codes = code != null && basics.containsKey(code) ? List.of(code.toString())
                : known.stream().map(r -> r.tsCode().toString()).distinct().toList();
        Set<String> scope = Set.copyOf(codes);
        List<Bar> stored = new ArrayList<>();
        if (!codes.isEmpty()) {
            bars.streamDaily(codes, start, end, stored::add);
        }
        // The whole stored calendar: a listing inside it counts its sessions, one before it is long past.
        TradingCalendar days = TradingCalendar.of(calendar.days(EARLIEST, end));
        StHistory st = StHistory.of(code == null ? nameChanges.all() : nameChanges.of(code));
        LimitCrossCheck.Report report = new LimitCrossCheck(new LimitBandCheck(days, basics, st)).check(stored, known,
                c -> scope.contains(c.toString()));
        return ResponseEntity.ok(new CheckView(start, end, report.checked(), report.agreed(), rows.size(),
                report.exchangeRowsWithoutBar(), List.copyOf(unknown), report.mismatches().size(),
                report.mismatches().stream().map(MismatchView::of).toList()));
    }

    /**
     * The stored stk_limit rows of [start, end] of the stocks {@code ts_codes} (comma-separated,
     * or {@code all} over at most five years), by date then code: the exchange's limit prices a
     * backtest prefers to the rule book's. Empty where none are stored; a stock-day without a
     * row has no published limit here, which a consumer must not read as "unlimited".
     */
    @GetMapping("/limits")
    List<LimitView> limits(@RequestParam(name = "ts_codes") String tsCodes,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate start,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate end) {
        return limits.limits(PanelController.parseCodes(tsCodes, start, end), start, end).stream().map(LimitView::of).toList();
    }

    /** The stored suspend_d rows of [start, end], of one stock with {@code ts_code}, by date then code. */
    @GetMapping("/suspensions")
    List<SuspensionView> suspensions(@RequestParam(name = "ts_code", required = false) String tsCode,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate start,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate end) {
        TsCode code = stockCode(tsCode);
        QuoteController.requireRange(start, end);
        return limits.suspensions(code, start, end).stream()
                .map(s -> new SuspensionView(s.tsCode().toString(), s.tradeDate(), s.type(), s.timing())).toList();
    }

    private static TsCode stockCode(String tsCode) {
        TsCode code = tsCode == null ? null : QuoteController.parseCode("ts_code", tsCode);
        if (code != null && QuoteController.board("ts_code", code) == Board.INDEX) {
            throw new BadRequestException("ts_code", code + " is an index, not a stock: indices have no price limits or suspensions");
        }
        return code;
    }

    private static ResponseEntity<?> conflict(String detail) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, null, detail));
    }
}
