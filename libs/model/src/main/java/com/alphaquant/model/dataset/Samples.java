package com.alphaquant.model.dataset;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Model inputs and labels for {@code size()} (stock, day) samples in flat row-major arrays, the
 * layout DJL turns into tensors without copying element by element.
 *
 * <ul>
 *   <li>{@code factors}: size × seqLen × factorCount, standardised; a missing value is 0 with its
 *       step still valid (the mask covers steps, not single values);</li>
 *   <li>{@code market}: size × seqLen × marketCount, the market-sentiment vector per step;</li>
 *   <li>{@code mask}: size × seqLen, 1 for a step with data, 0 for padding before a short history or
 *       a day without a bar; the last step (the prediction day) is always 1;</li>
 *   <li>{@code labels}: size × {@link #LABELS} (forward log return, Sharpe, max drawdown), NaN where
 *       unknown (inference).</li>
 * </ul>
 */
public record Samples(int seqLen, int factorCount, int marketCount, float[] factors, float[] market, float[] mask,
                      float[] labels, List<Key> keys) {

    /** Labels per sample, in head order: return, Sharpe, max drawdown. */
    public static final int LABELS = 3;

    /** Which stock and which day (the window's last step, the day the prediction is made) a sample is. */
    public record Key(String tsCode, LocalDate date) {
        public Key {
            Objects.requireNonNull(tsCode, "tsCode");
            Objects.requireNonNull(date, "date");
        }
    }

    public Samples {
        if (seqLen < 1 || factorCount < 1 || marketCount < 0) {
            throw new IllegalArgumentException("seqLen and factorCount must be positive, marketCount not negative");
        }
        keys = List.copyOf(keys);
        int n = keys.size();
        requireLength("factors", factors, (long) n * seqLen * factorCount);
        requireLength("market", market, (long) n * seqLen * marketCount);
        requireLength("mask", mask, (long) n * seqLen);
        requireLength("labels", labels, (long) n * LABELS);
    }

    public int size() {
        return keys.size();
    }

    private static void requireLength(String name, float[] values, long expected) {
        if (values == null || values.length != expected) {
            throw new IllegalArgumentException(name + " holds " + (values == null ? "nothing" : values.length + " values")
                    + ", expected " + expected);
        }
    }
}
