package com.alphaquant.support.panel;

import com.alphaquant.factor.engine.FactorDefinition;
import java.time.LocalDate;
import java.util.List;

/**
 * How much history to load before the first requested day. Windowed factors need their window
 * less one bar (the largest, MOM60, 60 bars). Recursive ones (EMA, Wilder, KDJ) depend on every
 * earlier bar: a later seed differs by a factor that decays per bar like (n−1)/n (Wilder 14:
 * 13/14, EMA26: 25/27), so 400 more bars bring the difference from the whole-history values
 * below 1e-12 relative, and a shorter history than that is exact anyway (it starts where the
 * stock's data starts).
 */
public final class WarmUp {

    /** Calendar days per session (~242 sessions a year) and slack for the long holidays. */
    private static final double CALENDAR_PER_SESSION = 1.5;
    private static final int HOLIDAY_SLACK_DAYS = 20;

    private WarmUp() {
    }

    public static int bars(List<FactorDefinition> factors, int recursiveTail) {
        int window = factors.stream().mapToInt(FactorDefinition::window).max().orElse(1);
        return window - 1 + recursiveTail;
    }

    /** A first calendar day that usually holds {@code bars} sessions before {@code start}. */
    public static LocalDate calendarStart(LocalDate start, int bars) {
        return start.minusDays((long) Math.ceil(bars * CALENDAR_PER_SESSION) + HOLIDAY_SLACK_DAYS);
    }
}
