package com.alphaquant.data.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One Tushare request plan: a dataset over [from, to] for the whole market ({@code codes}
 * empty, by trade date) or for given codes. Committed atomically with its coverage mark.
 */
public record WorkUnit(Dataset dataset, List<String> codes, LocalDate from, LocalDate to) {

    public WorkUnit {
        codes = List.copyOf(codes);
    }

    public boolean wholeMarket() {
        return codes.isEmpty();
    }

    /** Tushare parameters of this unit (paging added by the runner). */
    public Map<String, String> params() {
        String f = from.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        String t = to.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        if (dataset == Dataset.INDEX_WEIGHT) { // codes: the one index
            return Map.of("index_code", codes.get(0), "start_date", f, "end_date", t);
        }
        if (wholeMarket() && from.equals(to)) {
            return Map.of("trade_date", f);
        }
        if (wholeMarket()) {
            return Map.of("start_date", f, "end_date", t);
        }
        return from.equals(to) ? Map.of("ts_code", String.join(",", codes), "trade_date", f)
                : Map.of("ts_code", String.join(",", codes), "start_date", f, "end_date", t);
    }
}
