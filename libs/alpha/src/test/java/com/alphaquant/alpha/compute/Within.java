package com.alphaquant.alpha.compute;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares value arrays: the same missing values exactly, the values to a relative tolerance. */
public record Within(double tolerance) {

    public static Within tolerance(double relative) {
        return new Within(relative);
    }

    /** |actual − expected| ≤ tolerance · max(1, |expected|) wherever expected is a number. */
    public void assertSame(String what, double[] expected, double[] actual) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        double worst = 0;
        int worstRow = -1;
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.isNaN(actual[i])).as("%s: missing at row %d (expected %s, got %s)", what, i, expected[i],
                    actual[i]).isEqualTo(Double.isNaN(expected[i]));
            if (!Double.isNaN(expected[i])) {
                double error = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
                if (error > worst) {
                    worst = error;
                    worstRow = i;
                }
            }
        }
        assertThat(worst).as("%s: worst relative error at row %d", what, worstRow).isLessThanOrEqualTo(tolerance);
    }
}
