package com.alphaquant.alpha.evaluation;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.factor.engine.DateInts;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Train, validation and test days of a panel, by date (never at random), with a gap of the
 * label horizon before each boundary: a day's label is the return over the next
 * {@code horizon} sessions, so the last {@code horizon} sessions before {@code validStart} are
 * left out of train and those before {@code testStart} out of valid, and no label window
 * crosses a boundary. libs/model's {@code TimeSplits} draws the same boundaries over a model's
 * samples; formulas are scored day by day over the market's sessions instead, hence this.
 *
 * <p>A panel that ends before {@code validStart} (one cut for mining, which must never read
 * later data) has empty valid and test splits.
 */
public record DaySplits(int horizon, DayRange train, DayRange valid, DayRange test) {

    public static DaySplits of(AlphaPanel panel, LocalDate validStart, LocalDate testStart, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("The label horizon must be at least 1 session, got " + horizon);
        }
        if (!validStart.isBefore(testStart)) {
            throw new IllegalArgumentException("validStart " + validStart + " must be before testStart " + testStart);
        }
        int[] sessions = panel.sessions();
        int valid = firstOnOrAfter(sessions, DateInts.of(validStart));
        int test = firstOnOrAfter(sessions, DateInts.of(testStart));
        DaySplits splits = new DaySplits(horizon, new DayRange(0, Math.max(0, valid - horizon)),
                new DayRange(valid, Math.max(valid, test - horizon)), new DayRange(test, sessions.length));
        if (splits.train().isEmpty()) {
            throw new IllegalArgumentException("No training day before " + validStart + " with a " + horizon
                    + "-session label that ends before it");
        }
        return splits;
    }

    private static int firstOnOrAfter(int[] sessions, int date) {
        int i = Arrays.binarySearch(sessions, date);
        return i >= 0 ? i : -i - 1;
    }
}
