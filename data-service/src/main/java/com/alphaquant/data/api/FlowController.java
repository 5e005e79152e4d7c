package com.alphaquant.data.api;

import com.alphaquant.data.store.NorthFlowStore;
import com.alphaquant.support.web.TradingDay;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock Connect flows as stored from Tushare moneyflow_hsgt, in Tushare's units (millions of
 * CNY; null where unpublished): the input of NORTH_FLOW_Z.
 */
@RestController
@RequestMapping("/api/data/flows")
class FlowController {

    private final NorthFlowStore flows;

    FlowController(NorthFlowStore flows) {
        this.flows = flows;
    }

    /** The stored days in [start, end], oldest first; a day Tushare has no row for is absent. */
    @GetMapping("/north")
    List<NorthFlowStore.Flow> north(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate start,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate end) {
        QuoteController.requireRange(start, end);
        return flows.between(start, end);
    }
}
