package com.alphaquant.factor.engine;

import java.time.LocalDate;

/** Dates as {@code int yyyymmdd} (Tushare's own form): sortable, and no object per row. */
public final class DateInts {

    private DateInts() {
    }

    public static int of(LocalDate date) {
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    public static LocalDate toLocalDate(int yyyymmdd) {
        return LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }

    /**
     * Rejects what cannot be a yyyymmdd date, naming the value. A cheap range check rather than
     * a LocalDate per row: it runs on every row of panels with millions of them.
     */
    static void requireValid(int yyyymmdd, Object where) {
        int year = yyyymmdd / 10_000;
        int month = yyyymmdd / 100 % 100;
        int day = yyyymmdd % 100;
        if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) {
            throw new IllegalArgumentException(where + ": " + yyyymmdd + " is not a yyyymmdd date");
        }
    }
}
