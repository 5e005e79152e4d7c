package com.alphaquant.model.dataset;

import java.time.LocalDate;

/**
 * What a {@link Dataset} holds: windows of {@code seqLen} of a stock's own bars, labels over the
 * next {@code horizon} bars, and samples dated {@code from}..{@code to} (inclusive).
 *
 * <p>Bars after {@code to} are never read, not even for labels: a sample whose label window
 * passes {@code to} has NaN labels. Bars before {@code from} are read as history (factor warm-up
 * and the first windows), never as samples.
 *
 * <p>{@code minHistory}: a sample needs at least this many bars of its stock up to and including
 * its day. The default, {@value #DEFAULT_MIN_HISTORY}, is the longest window of the one-month
 * factors (VOL20, MOM20, RS20 and ILLIQ20 span 21 bars): from there 21 of the 24 factors have a
 * value on the prediction day (only MACD_DIF, MACD_HIST and MOM60 need 26, 34 and 61 bars), so a
 * young stock's prediction rests on its own month of trading, while a new listing's first weeks,
 * whose unlimited first sessions behave unlike any later day, are left out. Shorter windows than
 * {@code seqLen} are padded and masked.
 *
 * @param from first sample date; null: from the first bar
 * @param to   last sample date and last bar read; null: to the last bar
 */
public record DatasetSpec(int seqLen, int horizon, int minHistory, LocalDate from, LocalDate to) {

    public static final int DEFAULT_SEQ_LEN = 60;
    public static final int DEFAULT_HORIZON = 20;
    public static final int DEFAULT_MIN_HISTORY = 21;

    public DatasetSpec {
        if (seqLen < 1) {
            throw new IllegalArgumentException("seqLen must be at least 1, got " + seqLen);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        if (minHistory < 1) {
            throw new IllegalArgumentException("minHistory must be at least 1, got " + minHistory);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /** seqLen 60, horizon 20, minHistory 21, every date. */
    public static DatasetSpec defaults() {
        return new DatasetSpec(DEFAULT_SEQ_LEN, DEFAULT_HORIZON, DEFAULT_MIN_HISTORY, null, null);
    }

    public DatasetSpec withSeqLen(int value) {
        return new DatasetSpec(value, horizon, minHistory, from, to);
    }

    public DatasetSpec withHorizon(int value) {
        return new DatasetSpec(seqLen, value, minHistory, from, to);
    }

    public DatasetSpec withMinHistory(int value) {
        return new DatasetSpec(seqLen, horizon, value, from, to);
    }

    /** Samples dated {@code first}..{@code last}; either may be null (unbounded). */
    public DatasetSpec withDates(LocalDate first, LocalDate last) {
        return new DatasetSpec(seqLen, horizon, minHistory, first, last);
    }
}
