package com.alphaquant.market;

import java.time.LocalDate;

/** A date the trading calendar cannot answer for; the message names the date and the range. */
public class DateOutOfCalendarException extends IllegalArgumentException {

    private final LocalDate date;

    public DateOutOfCalendarException(LocalDate date, String problem, LocalDate first, LocalDate last) {
        super("Date " + date + " " + problem + " (calendar covers " + first + " to " + last + ")");
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
