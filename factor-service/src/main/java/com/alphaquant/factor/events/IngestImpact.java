package com.alphaquant.factor.events;

import com.alphaquant.events.MarketDataIngested;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import java.util.List;
import java.util.Set;

/**
 * Which stocks an ingested batch changes factors for. Stock datasets change their own stocks
 * (namechange: the stocks whose ST days changed, and with them LIMIT_NET20's price bands);
 * the benchmark's bars (RS20) and the northbound flow (NORTH_FLOW_Z) change every stock;
 * reference data changes none: stock_basic (list dates reach only LIMIT_NET20's first sessions,
 * and a new listing has no bars yet) and trade_cal.
 *
 * @param allStocks true: every stock of the universe; else {@code codes}
 */
record IngestImpact(boolean allStocks, List<TsCode> codes) {

    static final Set<String> STOCK_DATASETS = Set.of("daily", "adj_factor", "namechange");
    static final Set<String> MARKET_DATASETS = Set.of("index_daily", "moneyflow_hsgt");

    static final IngestImpact NONE = new IngestImpact(false, List.of());

    static IngestImpact of(MarketDataIngested e) {
        if (STOCK_DATASETS.contains(e.dataset())) {
            return new IngestImpact(false, e.tsCodes().stream().map(TsCode::of).filter(c -> Board.of(c) != Board.INDEX).toList());
        }
        if (e.dataset().equals("index_daily")) {
            // Only the benchmark is an input; an empty list means the producer did not say which.
            boolean benchmark = e.tsCodes().isEmpty() || e.tsCodes().contains(PanelInput.BENCHMARK.toString());
            return benchmark ? new IngestImpact(true, List.of()) : NONE;
        }
        if (MARKET_DATASETS.contains(e.dataset())) {
            return new IngestImpact(true, List.of());
        }
        return NONE;
    }

    boolean isNone() {
        return !allStocks && codes.isEmpty();
    }
}
