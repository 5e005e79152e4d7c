package com.alphaquant.market.csv;

import com.alphaquant.market.TradingCalendar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tushare {@code trade_cal} rows (cal_date, is_open 0/1) as a {@link TradingCalendar}. */
public final class TradeCalCsv {

    private TradeCalCsv() {
    }

    public static TradingCalendar read(Path file) {
        List<TradingCalendar.Day> days = new ArrayList<>();
        TushareCsv.forEachRow(file, List.of("cal_date", "is_open"), row -> {
            String open = row.required("is_open");
            if (!open.equals("0") && !open.equals("1")) {
                throw row.error("column 'is_open' has '" + open + "', expected 0 or 1");
            }
            days.add(new TradingCalendar.Day(row.date("cal_date"), open.equals("1")));
        });
        return TradingCalendar.of(days);
    }
}
