package com.alphaquant.tusharesim;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real Tushare sample in the workspace's {@code shared/data} folder (beside the clone, in
 * CI too). Tests over it fail loudly, rather than skip, when it cannot be found.
 */
final class SharedData {

    static final String DAILY = "daily_raw_adj_300_20180102_20221220.csv.gz";
    static final String INDEX_DAILY = "index_daily_2018_2026.csv.gz";
    static final String STOCK_BASIC = "stock_basic_350.csv.gz";
    static final String TRADE_CAL = "trade_cal_SSE_derived_20160101_20260318.csv.gz";

    private SharedData() {
    }

    static Path file(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Real sample " + name + " not found in any shared/data folder above "
                + Path.of("").toAbsolutePath());
    }

    static Path dir() {
        return file(DAILY).getParent();
    }
}
