package com.alphaquant.tusharesim;

import java.nio.file.Path;

/** The sample files these tests serve; located by libs/market's shared test helper. */
final class Sample {

    static final String DAILY = "daily_raw_adj_300_20180102_20221220.csv.gz";
    static final String INDEX_DAILY = "index_daily_2018_2026.csv.gz";
    static final String STOCK_BASIC = "stock_basic_350.csv.gz";
    static final String TRADE_CAL = "trade_cal_SSE_derived_20160101_20260318.csv.gz";

    private Sample() {
    }

    static Path file(String name) {
        return com.alphaquant.market.csv.SampleData.file(name);
    }

    static Path dir() {
        return file(DAILY).getParent();
    }
}
