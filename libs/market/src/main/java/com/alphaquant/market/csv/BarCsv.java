package com.alphaquant.market.csv;

import com.alphaquant.market.Bar;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily bars in Tushare {@code daily} / {@code index_daily} format, with the optional
 * {@code adj_factor_rel} column (Tushare adj_factor divided by its latest value).
 */
public final class BarCsv {

    static final List<String> COLUMNS = List.of("ts_code", "trade_date", "open", "high", "low", "close",
            "pre_close", "vol", "amount");

    private BarCsv() {
    }

    public static List<Bar> read(Path file) {
        List<Bar> bars = new ArrayList<>();
        TushareCsv.forEachRow(file, COLUMNS, row -> bars.add(toBar(row)));
        return bars;
    }

    public static List<Bar> read(String source, InputStream in) {
        List<Bar> bars = new ArrayList<>();
        TushareCsv.forEachRow(source, in, COLUMNS, row -> bars.add(toBar(row)));
        return bars;
    }

    /** One row as a bar; a row that no real bar could have fails naming its line. */
    public static Bar toBar(CsvRow row) {
        var tsCode = row.tsCode("ts_code");
        var date = row.date("trade_date");
        double open = row.number("open");
        double high = row.number("high");
        double low = row.number("low");
        double close = row.number("close");
        double preClose = row.number("pre_close");
        double vol = row.number("vol");
        double amount = row.number("amount");
        double adj = row.optionalNumber("adj_factor_rel");
        try {
            return new Bar(tsCode, date, open, high, low, close, preClose, vol, amount, adj);
        } catch (IllegalArgumentException e) {
            throw row.error(e.getMessage(), e);
        }
    }
}
