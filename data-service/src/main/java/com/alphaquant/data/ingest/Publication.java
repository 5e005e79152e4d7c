package com.alphaquant.data.ingest;

import com.alphaquant.data.DataProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a day's data counts as complete, and when to ask again for one that came back empty.
 * Tushare publishes a day some time after the close: a day is only complete once it is past
 * (today may still change) and its whole-market answer had rows; an empty answer is asked again
 * after a wait that doubles from {@code retryBase} up to {@code retryMax}, until {@code lateAfter}
 * past the day's close, when it is late.
 */
public record Publication(Duration retryBase, Duration retryMax, Duration lateAfter) {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalTime CLOSE = LocalTime.of(15, 0);

    public Publication {
        if (retryBase.isNegative() || retryBase.isZero() || retryMax.compareTo(retryBase) < 0 || lateAfter.isNegative()) {
            throw new IllegalArgumentException("retry-base must be positive and at most retry-max; late-after not negative");
        }
    }

    public static Publication of(DataProperties.Cycle cycle) {
        return new Publication(cycle.retryBase(), cycle.retryMax(), cycle.lateAfter());
    }

    /** Today in Beijing time: days before it may be complete, today and later never are. */
    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, SHANGHAI);
    }

    /** Today in Beijing once its session has closed (15:00), else yesterday: the last day with a whole session. */
    public static LocalDate lastClosedDay(Instant now) {
        LocalDate today = today(now);
        return now.isBefore(today.atTime(CLOSE).atZone(SHANGHAI).toInstant()) ? today.minusDays(1) : today;
    }

    /** The next attempt after the {@code attempts}-th empty answer (1 = the first). */
    public Instant nextAttempt(int attempts, Instant now) {
        Duration wait = retryBase;
        for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return now.plus(wait.compareTo(retryMax) > 0 ? retryMax : wait);
    }

    /** Whether an empty {@code day} is late at {@code now}: its deadline after the close has passed. */
    public boolean isLate(LocalDate day, Instant now) {
        return !now.isBefore(day.atTime(CLOSE).atZone(SHANGHAI).toInstant().plus(lateAfter));
    }
}
