package com.alphaquant.market.rules;

import com.alphaquant.market.TradingCalendar;
import java.time.LocalDate;

/** T+1: shares bought on a trading day can be sold from the next trading day on. */
public final class Settlement {

    private Settlement() {
    }

    public static boolean canSell(LocalDate boughtOn, LocalDate sellOn) {
        return sellOn.isAfter(boughtOn);
    }

    public static LocalDate firstSellableDay(TradingCalendar calendar, LocalDate boughtOn) {
        return calendar.next(boughtOn);
    }
}
