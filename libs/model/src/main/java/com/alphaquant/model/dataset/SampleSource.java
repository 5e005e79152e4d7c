package com.alphaquant.model.dataset;

/**
 * Samples drawn by index, materialised one batch at a time: a 60-day window of 24 factors for
 * every stock-day of five years would take gigabytes if built at once, a batch takes kilobytes.
 */
public interface SampleSource {

    int size();

    int seqLen();

    int factorCount();

    int marketCount();

    Samples.Key key(int index);

    /** The samples at {@code indices}, in that order. */
    Samples gather(int[] indices);
}
