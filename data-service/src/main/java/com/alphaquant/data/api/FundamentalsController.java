package com.alphaquant.data.api;

import com.alphaquant.data.store.FundamentalsStore;
import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.TradingDay;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Financial indicators point in time: what was known on a day, so that a model trained on
 * history never sees a figure before it was announced.
 */
@RestController
@RequestMapping("/api/data")
class FundamentalsController {

    /** One period's indicators as known on the day asked (Tushare units: CNY per share, percent). */
    record IndicatorView(String tsCode, LocalDate endDate, LocalDate annDate, Double eps, Double roe, Double bps,
                         Double grossprofitMargin, Double debtToAssets, boolean restated) {

        static IndicatorView of(FundamentalsStore.Row r) {
            return new IndicatorView(r.tsCode().toString(), r.endDate(), r.annDate(), r.eps(), r.roe(), r.bps(),
                    r.grossprofitMargin(), r.debtToAssets(), "1".equals(r.updateFlag()));
        }
    }

    private final FundamentalsStore store;

    FundamentalsController(FundamentalsStore store) {
        this.store = store;
    }

    /**
     * Per report period (or only {@code period}), the latest version announced on or before
     * {@code as_of}; a period not yet announced then is absent. Oldest period first.
     */
    @GetMapping("/fundamentals")
    List<IndicatorView> asOf(@RequestParam(name = "ts_code") String tsCode,
                             @RequestParam(name = "as_of") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate asOf,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate period) {
        TsCode code = QuoteController.parseCode("ts_code", tsCode);
        if (QuoteController.board("ts_code", code) == Board.INDEX) {
            throw new BadRequestException("ts_code", code + " is an index, not a stock: indices publish no financial statements");
        }
        if (period != null && (period.getMonthValue() % 3 != 0 || period.getDayOfMonth() != period.lengthOfMonth())) {
            throw new BadRequestException("period", period + " is not a report period: the last day of a quarter (e.g. 2021-12-31)");
        }
        return store.asOf(code, asOf, period).stream().map(IndicatorView::of).toList();
    }
}
