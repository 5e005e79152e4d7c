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
    /** The exchange's limit prices of each stock and day. */
    STK_LIMIT("stk_limit", List.of("trade_date", "ts_code", "pre_close", "up_limit", "down_limit")),
    /** Days a stock was suspended (S) or resumed (R); many days have none. */
    SUSPEND_D("suspend_d", List.of("ts_code", "trade_date", "suspend_timing", "suspend_type")),
    /** Stock Connect flows, market-wide, one row a day (millions of CNY): NORTH_FLOW_Z's input. */
    MONEYFLOW_HSGT("moneyflow_hsgt", List.of("trade_date", "hgt", "sgt", "north_money", "ggt_ss", "ggt_sz", "south_money")),
    /** Financial indicators by report period, every announced version (restatements included). */
    FINA_INDICATOR("fina_indicator", List.of("ts_code", "ann_date", "end_date", "eps", "roe", "bps", "grossprofit_margin",
            "debt_to_assets", "update_flag")),
    /** Index constituents and weights on the index's publication dates: point-in-time universes. */
    INDEX_WEIGHT("index_weight", List.of("index_code", "con_code", "trade_date", "weight")),
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

    /** Per-day data (quotes, northbound flow), planned in units by trade date or by stock. */
    public boolean isQuotes() {
        return this == DAILY || this == ADJ_FACTOR || this == INDEX_DAILY || this == STK_LIMIT || this == SUSPEND_D
                || this == MONEYFLOW_HSGT;
    }

    /** Whether a whole-market day may rightly have no rows (no stock suspended): then an empty answer is no gap. */
    public boolean mayBeEmpty() {
        return this == SUSPEND_D;
    }

    /** One row a day for the whole market: never fetched by stock, whatever codes a request names. */
    public boolean isMarketWide() {
        return this == MONEYFLOW_HSGT;
    }

    public static Dataset of(String apiName) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(apiName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown dataset '" + apiName + "': expected one of "
                        + Arrays.stream(values()).map(Dataset::apiName).toList()));
    }
}
