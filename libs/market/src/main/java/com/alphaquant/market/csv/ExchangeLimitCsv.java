package com.alphaquant.market.csv;

import com.alphaquant.market.rules.LimitCrossCheck.ExchangeLimit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads Tushare {@code stk_limit} CSV: the exchange's limit prices per stock and day. */
public final class ExchangeLimitCsv {

    private ExchangeLimitCsv() {
    }

    public static List<ExchangeLimit> read(Path file) {
        List<ExchangeLimit> out = new ArrayList<>();
        TushareCsv.forEachRow(file, List.of("ts_code", "trade_date", "up_limit", "down_limit"), row -> out.add(
                new ExchangeLimit(row.tsCode("ts_code"), row.date("trade_date"),
                        row.optionalNumber("pre_close"), row.number("up_limit"), row.number("down_limit"))));
        return out;
    }
}
