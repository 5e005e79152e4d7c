package com.alphaquant.model.dataset;

import com.alphaquant.factor.engine.DateInts;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Train, validation and test samples of a {@link Dataset}, split by date (SPEC section 6, never
 * at random), labelled samples only.
 *
 * <ul>
 *   <li>train: dated before {@code validStart}, and the last bar its labels read also before
 *       {@code validStart};</li>
 *   <li>valid: dated from {@code validStart} on, before {@code testStart}, its label window
 *       likewise ending before {@code testStart};</li>
 *   <li>test: dated from {@code testStart} on.</li>
 * </ul>
 * No label window therefore crosses a boundary: for a stock that trades every session the
 * last {@code horizon} sessions before each boundary drop out (the gap), for one suspended
 * inside its window more. The samples of a later split read earlier prices only as inputs,
 * which a prediction made on their day could read as well.
 */
public record TimeSplits(SampleSource train, SampleSource valid, SampleSource test, LocalDate validStart,
                         LocalDate testStart) {

    /**
     * @throws IllegalArgumentException when the boundaries are out of order or a split is empty
     */
    public static TimeSplits at(Dataset data, LocalDate validStart, LocalDate testStart) {
        if (!validStart.isBefore(testStart)) {
            throw new IllegalArgumentException("validStart " + validStart + " must be before testStart " + testStart);
        }
        int valid = DateInts.of(validStart);
        int test = DateInts.of(testStart);
        SampleSource train = data.view(id -> data.isLabelled(id) && data.sampleDate(id) < valid
                && data.labelEndDate(id) < valid);
        SampleSource validation = data.view(id -> data.isLabelled(id) && data.sampleDate(id) >= valid
                && data.sampleDate(id) < test && data.labelEndDate(id) < test);
        SampleSource testing = data.view(id -> data.isLabelled(id) && data.sampleDate(id) >= test);
        requireSamples("train", train, "before " + validStart);
        requireSamples("validation", validation, validStart + " to " + testStart);
        requireSamples("test", testing, "from " + testStart);
        return new TimeSplits(train, validation, testing, validStart, testStart);
    }

    /**
     * Boundaries at fractions of the labelled samples' distinct dates: e.g. 0.7 and 0.15 put the
     * first 70% of the days in train (less the gap), the next 15% in valid and the rest in test.
     */
    public static TimeSplits byFraction(Dataset data, double trainFraction, double validFraction) {
        if (!(trainFraction > 0) || !(validFraction > 0) || !(trainFraction + validFraction < 1)) {
            throw new IllegalArgumentException("Fractions must be positive with a sum below 1, got " + trainFraction
                    + " and " + validFraction);
        }
        int[] dates = labelledDates(data);
        if (dates.length < 3) {
            throw new IllegalArgumentException("Only " + dates.length + " days have labelled samples: too few to split");
        }
        LocalDate validStart = DateInts.toLocalDate(dates[(int) Math.floor(dates.length * trainFraction)]);
        LocalDate testStart = DateInts.toLocalDate(dates[(int) Math.floor(dates.length * (trainFraction + validFraction))]);
        return at(data, validStart, testStart);
    }

    /** Samples come in date order, so equal dates are adjacent. */
    private static int[] labelledDates(Dataset data) {
        int[] dates = new int[data.sampleCount()];
        int n = 0;
        for (int id = 0; id < data.sampleCount(); id++) {
            if (data.isLabelled(id) && (n == 0 || dates[n - 1] != data.sampleDate(id))) {
                dates[n++] = data.sampleDate(id);
            }
        }
        return Arrays.copyOf(dates, n);
    }

    private static void requireSamples(String split, SampleSource samples, String dates) {
        if (samples.size() == 0) {
            throw new IllegalArgumentException("The " + split + " split (" + dates + ") has no labelled samples");
        }
    }
}
