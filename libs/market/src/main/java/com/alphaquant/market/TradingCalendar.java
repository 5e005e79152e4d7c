package com.alphaquant.market;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The exchange's trading days, built from Tushare {@code trade_cal} rows (SSE). Questions
 * about a date outside the calendar's range fail with {@link DateOutOfCalendarException}
 * instead of guessing.
 */
public final class TradingCalendar {

    /** One trade_cal row. */
    public record Day(LocalDate date, boolean open) {}

    private final LocalDate first;
    private final LocalDate last;
    private final LocalDate[] openDays; // sorted ascending

    private TradingCalendar(LocalDate first, LocalDate last, LocalDate[] openDays) {
        this.first = first;
        this.last = last;
        this.openDays = openDays;
    }

    /** A calendar covering every row given; rows may come in any order. */
    public static TradingCalendar of(Collection<Day> days) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("A trading calendar needs at least one trade_cal row");
        }
        LocalDate first = days.stream().map(Day::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = days.stream().map(Day::date).max(LocalDate::compareTo).orElseThrow();
        LocalDate[] open = days.stream().filter(Day::open).map(Day::date).distinct().sorted().toArray(LocalDate[]::new);
        return new TradingCalendar(first, last, open);
    }

    public LocalDate first() {
        return first;
    }

    public LocalDate last() {
        return last;
    }

    public boolean isOpen(LocalDate date) {
        requireCovered(date);
        return Arrays.binarySearch(openDays, date) >= 0;
    }

    /** The first trading day strictly after {@code date}. */
    public LocalDate next(LocalDate date) {
        requireCovered(date);
        int i = Arrays.binarySearch(openDays, date);
        int next = i >= 0 ? i + 1 : -i - 1;
        if (next >= openDays.length) {
            throw new DateOutOfCalendarException(date, "has no trading day after it", first, last);
        }
        return openDays[next];
    }

    /** The last trading day strictly before {@code date}. */
    public LocalDate previous(LocalDate date) {
        requireCovered(date);
        int i = Arrays.binarySearch(openDays, date);
        int prev = (i >= 0 ? i : -i - 1) - 1;
        if (prev < 0) {
            throw new DateOutOfCalendarException(date, "has no trading day before it", first, last);
        }
        return openDays[prev];
    }

    /** Trading days in [from, to], both inclusive. Either end may be a closed day. */
    public List<LocalDate> openDays(LocalDate from, LocalDate to) {
        requireCovered(from);
        requireCovered(to);
        int a = lowerBound(from);
        int b = lowerBound(to.plusDays(1));
        return a >= b ? List.of() : List.of(Arrays.copyOfRange(openDays, a, b));
    }

    /** The number of trading days in [from, to], both inclusive and both inside the calendar. */
    public int sessions(LocalDate from, LocalDate to) {
        requireCovered(from);
        requireCovered(to);
        return Math.max(0, lowerBound(to.plusDays(1)) - lowerBound(from));
    }

    /**
     * Which session since listing {@code day} is for a security listed on {@code listDate}:
     * 1 on the listing day. A listing before the calendar's first date is long past, reported
     * as {@link Integer#MAX_VALUE}, beyond any listing-day rule.
     */
    public int sessionSinceListing(LocalDate listDate, LocalDate day) {
        return listDate.isBefore(first) ? Integer.MAX_VALUE : sessions(listDate, day);
    }

    private int lowerBound(LocalDate date) {
        int i = Arrays.binarySearch(openDays, date);
        return i >= 0 ? i : -i - 1;
    }

    private void requireCovered(LocalDate date) {
        if (date == null) {
            throw new IllegalArgumentException("date is null");
        }
        if (date.isBefore(first) || date.isAfter(last)) {
            throw new DateOutOfCalendarException(date, "is outside the trading calendar", first, last);
        }
    }
}
