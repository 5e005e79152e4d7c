package com.alphaquant.backtest;

import com.alphaquant.market.Bar;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Hand-made bars and calendars for scenarios small enough to check by hand. */
public final class Synthetic {

    private Synthetic() {
    }

    /** Weekdays open, weekends closed, over [from, to]. */
    public static TradingCalendar weekdays(LocalDate from, LocalDate to) {
        List<TradingCalendar.Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(new TradingCalendar.Day(d, d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY));
        }
        return TradingCalendar.of(days);
    }

    /** A bar; amount defaults to vol × close / 10 (thousand CNY for lots of 100). */
    public static Bar bar(String code, String date, double open, double high, double low, double close, double preClose,
                          double vol, double adj) {
        return new Bar(TsCode.of(code), LocalDate.parse(date), open, high, low, close, preClose, vol, vol * close / 10, adj);
    }

    /** A flat bar at {@code price} (open = high = low = close). */
    public static Bar flat(String code, String date, double price, double preClose, double vol) {
        return new Bar(TsCode.of(code), LocalDate.parse(date), price, price, price, price, preClose,
                vol, vol * price / 10, 1.0);
    }
}
