package com.alphaquant.alpha.mine;

import java.time.LocalDate;

/**
 * The data a mining run is scored on, by date: training days from {@code start} up to
 * {@code validStart}, validation days up to {@code testStart}, test days to {@code end} (a gap
 * of the label horizon before each boundary, {@link com.alphaquant.alpha.evaluation.DaySplits}).
 * Bars before {@code start} are read as history only (warm-up of the windows); bars after
 * {@code end} are not read.
 *
 * @param start   the first training day; null: from the first bar
 * @param end     the last bar read; null: to the last bar
 * @param horizon the label: the return over this many sessions (SPEC §6's label horizon, 20)
 */
public record MiningSetup(LocalDate start, LocalDate end, LocalDate validStart, LocalDate testStart, int horizon) {

    /** SPEC §6's default label horizon. */
    public static final int DEFAULT_HORIZON = 20;

    public MiningSetup {
        if (validStart == null || testStart == null) {
            throw new IllegalArgumentException("The validation and test start dates are required");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("The label horizon must be at least 1 session, got " + horizon);
        }
        if (start != null && !start.isBefore(validStart)) {
            throw new IllegalArgumentException("The start date " + start + " must be before the validation start " + validStart);
        }
        if (!validStart.isBefore(testStart)) {
            throw new IllegalArgumentException("The validation start " + validStart + " must be before the test start " + testStart);
        }
        if (end != null && end.isBefore(testStart)) {
            throw new IllegalArgumentException("The end date " + end + " is before the test start " + testStart);
        }
    }

    /** The split of the bundled sample: train 2018–2020, valid 2021, test 2022, 20-session label. */
    public static MiningSetup defaults() {
        return new MiningSetup(null, null, LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1), DEFAULT_HORIZON);
    }

    public MiningSetup withDates(LocalDate start, LocalDate end) {
        return new MiningSetup(start, end, validStart, testStart, horizon);
    }

    public MiningSetup withSplits(LocalDate validStart, LocalDate testStart) {
        return new MiningSetup(start, end, validStart, testStart, horizon);
    }

    public MiningSetup withHorizon(int horizon) {
        return new MiningSetup(start, end, validStart, testStart, horizon);
    }
}
