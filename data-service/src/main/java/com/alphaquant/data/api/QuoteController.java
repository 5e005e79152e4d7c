package com.alphaquant.data.api;

import com.alphaquant.data.store.BarStore;
import com.alphaquant.data.store.CalendarStore;
import com.alphaquant.data.store.Security;
import com.alphaquant.data.store.SecurityRepository;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.Problems;
import com.alphaquant.support.web.TradingDay;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stored quotes and reference data. Bars come as JSON, or CSV with {@code Accept: text/csv}. */
@RestController
@RequestMapping("/api/data")
class QuoteController {

    /** A bar as served: prices adjusted as asked, volume in lots, amount in thousand CNY (Tushare units). */
    record BarView(String tsCode, LocalDate tradeDate, double open, double high, double low, double close,
                   double preClose, double vol, double amount, Double adjFactor) {}

    private final BarStore bars;
    private final CalendarStore calendar;
    private final SecurityRepository securities;

    QuoteController(BarStore bars, CalendarStore calendar, SecurityRepository securities) {
        this.bars = bars;
        this.calendar = calendar;
        this.securities = securities;
    }

    @GetMapping(value = "/bars", produces = "application/json")
    List<BarView> bars(@RequestParam("ts_code") String tsCode,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate start,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate end,
                       @RequestParam(defaultValue = "none") String adjust) {
        TsCode code = parseCode(tsCode);
        if (board("ts_code", code) == Board.INDEX) {
            throw new BadRequestException("ts_code", code + " is an index, not a stock; use /api/data/indices/{code}/bars");
        }
        requireRange(start, end);
        String mode = adjust.toLowerCase(Locale.ROOT);
        if (!List.of("none", "qfq", "hfq").contains(mode)) {
            throw new BadRequestException("adjust", Problems.quote(adjust) + " is not one of none, qfq, hfq");
        }
        List<Bar> raw = bars.bars(BarStore.Table.DAILY, code.toString(), start, end);
        double base = mode.equals("qfq") ? bars.latestAdjFactor(code.toString()) : 1.0;
        return raw.stream().map(b -> view(b, mode, base)).toList();
    }

    static final String CSV_HEADER = "ts_code,trade_date,open,high,low,close,pre_close,vol,amount,adj_factor\n";

    @GetMapping(value = "/bars", produces = "text/csv")
    String barsCsv(@RequestParam("ts_code") String tsCode,
                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate start,
                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate end,
                   @RequestParam(defaultValue = "none") String adjust) {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (BarView b : bars(tsCode, start, end, adjust)) {
            csvRow(csv, b);
        }
        return csv.toString();
    }

    static StringBuilder csvRow(StringBuilder csv, BarView b) {
        return csv.append(b.tsCode()).append(',').append(b.tradeDate()).append(',').append(b.open()).append(',')
                .append(b.high()).append(',').append(b.low()).append(',').append(b.close()).append(',')
                .append(b.preClose()).append(',').append(b.vol()).append(',').append(b.amount()).append(',')
                .append(b.adjFactor() == null ? "" : b.adjFactor()).append('\n');
    }

    @GetMapping("/indices/{code}/bars")
    List<BarView> indexBars(@PathVariable String code,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate start,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate end) {
        TsCode index = parseCode("code", code);
        if (board("code", index) != Board.INDEX) {
            throw new BadRequestException("code", code + " is a stock, not an index; use /api/data/bars");
        }
        requireRange(start, end);
        return bars.bars(BarStore.Table.INDEX, index.toString(), start, end).stream().map(b -> view(b, "none", 1)).toList();
    }

    @GetMapping("/securities")
    List<Security> securities() {
        return securities.findAll(Sort.by("tsCode"));
    }

    @GetMapping("/calendar")
    List<TradingCalendar.Day> calendar(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate start,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate end) {
        requireRange(start, end);
        return calendar.days(start, end);
    }

    static BarView view(Bar b, String mode, double base) {
        double f = switch (mode) {
            case "qfq" -> b.adjFactor() / base;
            case "hfq" -> b.adjFactor();
            default -> 1.0;
        };
        if (Double.isNaN(f)) {
            throw new BadRequestException("adjust", "no adjustment factor stored for " + b.tsCode() + " on "
                    + b.tradeDate() + ": ingest adj_factor, or ask for adjust=none");
        }
        return new BarView(b.tsCode().toString(), b.tradeDate(), b.open() * f, b.high() * f, b.low() * f, b.close() * f,
                b.preClose() * f, b.vol(), b.amount(), Double.isNaN(b.adjFactor()) ? null : b.adjFactor());
    }

    private static TsCode parseCode(String text) {
        return parseCode("ts_code", text);
    }

    static TsCode parseCode(String field, String text) {
        try {
            return TsCode.of(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field, e.getMessage());
        }
    }

    /** The code's board; B shares, funds and bonds are refused naming {@code field}. */
    static Board board(String field, TsCode code) {
        try {
            return Board.of(code);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field, e.getMessage());
        }
    }

    static void requireRange(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw new BadRequestException("end", "end " + end + " is before start " + start);
        }
    }
}
