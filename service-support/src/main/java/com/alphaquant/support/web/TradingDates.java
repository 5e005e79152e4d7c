package com.alphaquant.support.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The dates a request may name: from the first session of the Shanghai exchange (no A-share
 * data is older) to a configured horizon ({@code alphaquant.web.last-date}). Java parses years
 * up to ±999,999,999 that PostgreSQL cannot store and month arithmetic overflows on; the bounds
 * turn those into a 400 at the edge.
 */
public final class TradingDates {

    /** The first trading day of the Shanghai exchange. */
    public static final LocalDate FIRST_SESSION = LocalDate.of(1990, 12, 19);
    public static final LocalDate DEFAULT_LAST_DATE = LocalDate.of(2099, 12, 31);

    private static volatile LocalDate lastDate = DEFAULT_LAST_DATE;

    private TradingDates() {
    }

    public static LocalDate lastDate() {
        return lastDate;
    }

    /** Set once from {@link WebLimits} when a service starts. */
    static void setLastDate(LocalDate date) {
        lastDate = date;
    }

    public static boolean isWithin(LocalDate date) {
        return !date.isBefore(FIRST_SESSION) && !date.isAfter(lastDate);
    }

    /** Why {@code date} is refused. */
    public static String outsideReason(LocalDate date) {
        return date + " is outside " + FIRST_SESSION + " … " + lastDate + " (the A-share market opened on " + FIRST_SESSION + ")";
    }

    /** {@code date} when within the bounds, else a {@link BadRequestException} naming {@code field}. */
    public static LocalDate require(String field, LocalDate date) {
        if (date == null) {
            throw new BadRequestException(field, "is required (YYYY-MM-DD)");
        }
        if (!isWithin(date)) {
            throw new BadRequestException(field, outsideReason(date));
        }
        return date;
    }

    /** ISO ({@code 2024-01-02}) or Tushare's {@code 20240102}, within the bounds. */
    public static LocalDate parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException(field, "is required (YYYY-MM-DD)");
        }
        String value = text.trim();
        LocalDate date;
        try {
            date = value.length() == 8 && value.chars().allMatch(Character::isDigit)
                    ? LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, Problems.quote(value) + " is not a date: expected YYYY-MM-DD");
        }
        return require(field, date);
    }

    /** An ordered range: {@code end} not before {@code start}. */
    public static void requireOrdered(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw new BadRequestException("end", "end " + end + " is before start " + start);
        }
    }
}
