package com.alphaquant.backtest.engine;

/**
 * How many rows of each series lie on or before the current day. Days only move forward in a
 * run, so each cursor advances lazily when asked: the cost is one step per bar over the run,
 * and only for series someone looks at.
 */
final class Cursors {

    private final int[][] day;
    private final int[] count;
    private int today;

    Cursors(int[][] day) {
        this.day = day;
        this.count = new int[day.length];
    }

    void moveTo(int dayIndex) {
        today = dayIndex;
    }

    int today() {
        return today;
    }

    /** The number of rows of {@code series} on or before today. */
    int upTo(int series) {
        int[] d = day[series];
        int c = count[series];
        while (c < d.length && d[c] <= today) {
            c++;
        }
        count[series] = c;
        return c;
    }

    /** Today's row of {@code series}, or -1 when it has no bar today. */
    int rowToday(int series) {
        int c = upTo(series);
        return c > 0 && day[series][c - 1] == today ? c - 1 : -1;
    }
}
