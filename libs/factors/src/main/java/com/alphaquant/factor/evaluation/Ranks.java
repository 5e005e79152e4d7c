package com.alphaquant.factor.evaluation;

import java.util.Arrays;

/** Ranks 1..n with ties given their average rank (what Spearman's correlation needs). */
public final class Ranks {

    private static final int DIGIT_BITS = 8;
    private static final int BUCKETS = 1 << DIGIT_BITS;

    private Ranks() {
    }

    /**
     * Ranks of {@code x[0..n)}; all values must be numbers (drop NaN first). Values that are
     * {@code ==} tie, so -0.0 and 0.0 share a rank.
     *
     * <p>The order comes from a least-significant-digit radix sort of the values' bits (mapped so
     * that unsigned order is numeric order), a byte at a time, skipping the bytes all values share
     * (a cross-section's signs and exponents mostly agree). A comparison sort's branches are
     * unpredictable on such data; this runs once a day per factor, and once a day per formula for
     * the alpha miner, where it was several times slower.
     */
    public static double[] average(double[] x, int n) {
        long[] keys = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(x[i]);
            keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE); // negatives: all bits flipped; positives: the sign bit
            order[i] = i;
        }
        radixSort(keys, order, n);
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // positions i..j share the mean of ranks i+1..j+1
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** Sorts {@code keys[0..n)} as unsigned numbers, carrying {@code order} along; stable. */
    private static void radixSort(long[] keys, int[] order, int n) {
        if (n < 2) {
            return;
        }
        long[] k = keys;
        int[] o = order;
        long[] k2 = new long[n];
        int[] o2 = new int[n];
        int[] start = new int[BUCKETS + 1];
        for (int shift = 0; shift < Long.SIZE; shift += DIGIT_BITS) {
            Arrays.fill(start, 0);
            for (int i = 0; i < n; i++) {
                start[digit(k[i], shift) + 1]++;
            }
            if (start[digit(k[0], shift) + 1] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            for (int b = 0; b < BUCKETS; b++) {
                start[b + 1] += start[b];
            }
            for (int i = 0; i < n; i++) {
                int p = start[digit(k[i], shift)]++;
                k2[p] = k[i];
                o2[p] = o[i];
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] to = o;
            o = o2;
            o2 = to;
        }
        if (o != order) {
            System.arraycopy(o, 0, order, 0, n);
        }
    }

    private static int digit(long key, int shift) {
        return (int) (key >>> shift) & (BUCKETS - 1);
    }
}
