package com.alphaquant.data.ingest;

import java.util.Arrays;
import java.util.List;

/** The Tushare datasets data-service ingests, with the API each comes from and its fields. */
public enum Dataset {
    STOCK_BASIC("stock_basic", List.of("ts_code", "symbol", "name", "area", "industry", "market", "list_date")),
    TRADE_CAL("trade_cal", List.of("exchange", "cal_date", "is_open", "pretrade_date")),
    DAILY("daily", List.of("ts_code", "trade_date", "open", "high", "low", "close", "pre_close", "vol", "amount")),
    ADJ_FACTOR("adj_factor", List.of("ts_code", "trade_date", "adj_factor")),
    INDEX_DAILY("index_daily", List.of("ts_code", "trade_date", "open", "high", "low", "close", "pre_close", "vol", "amount")),
    /** Every stock's names with their dates: the date-effective ST status of the price-limit rules. */
    NAMECHANGE("namechange", List.of("ts_code", "name", "start_date", "end_date", "ann_date", "change_reason")),
    /** The L1 industries (Shenwan SW2021); loaded together with their members. */
    INDEX_CLASSIFY("index_classify", List.of("index_code", "industry_name", "level", "industry_code", "src")),
    /** Each industry's stocks with the dates they joined and left. */
    INDEX_MEMBER("index_member", List.of("index_code", "con_code", "in_date", "out_date"));

    private final String apiName;
    private final List<String> fields;

    Dataset(String apiName, List<String> fields) {
        this.apiName = apiName;
        this.fields = fields;
    }

    public String apiName() {
        return apiName;
    }

    public List<String> fields() {
        return fields;
    }

    /** Per-day quote data, planned in units by trade date or by stock. */
    public boolean isQuotes() {
        return this == DAILY || this == ADJ_FACTOR || this == INDEX_DAILY;
    }

    public static Dataset of(String apiName) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(apiName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown dataset '" + apiName + "': expected one of "
                        + Arrays.stream(values()).map(Dataset::apiName).toList()));
    }
}
