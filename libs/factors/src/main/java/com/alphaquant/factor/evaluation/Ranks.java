package com.alphaquant.factor.evaluation;

import java.util.Arrays;
import java.util.Comparator;

/** Ranks 1..n with ties given their average rank (what Spearman's correlation needs). */
public final class Ranks {

    private static final int DIGIT_BITS = 8;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int DIGITS = Integer.SIZE / DIGIT_BITS;
    private static final int SHORT_RUN = 16;

    private Ranks() {
    }

    /**
     * Ranks of {@code x[0..n)}; all values must be numbers (drop NaN first). Values that are
     * {@code ==} tie, so -0.0 and 0.0 share a rank.
     *
     * <p>A comparison sort's branches are unpredictable on a cross-section, and this runs once a
     * day per factor (and per formula, for the alpha miner), so the order comes from a radix sort
     * instead: of the values rounded to float (32 bits, half the passes of a double's 64), a
     * byte at a time, skipping the bytes all values share. Rounding never reverses two values,
     * it can only make distinct ones equal; those few are then put in order by their exact
     * values.
     */
    public static double[] average(double[] x, int n) {
        int[] order = order(x, n);
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

    /** The indices of {@code x[0..n)} in increasing order of value. */
    private static int[] order(double[] x, int n) {
        int[] keys = new int[n];
        int[] order = new int[n];
        int[] start = new int[DIGITS * BUCKETS];
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToRawIntBits((float) x[i]);
            int key = bits ^ ((bits >> 31) | Integer.MIN_VALUE); // unsigned order is numeric order
            keys[i] = key;
            order[i] = i;
            for (int d = 0; d < DIGITS; d++) {
                start[d * BUCKETS + digit(key, d)]++;
            }
        }
        int[] k = keys;
        int[] o = order;
        int[] k2 = new int[n];
        int[] o2 = new int[n];
        for (int d = 0; d < DIGITS && n > 1; d++) {
            int base = d * BUCKETS;
            if (start[base + digit(k[0], d)] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            int sum = 0;
            for (int b = base; b < base + BUCKETS; b++) {
                int count = start[b];
                start[b] = sum;
                sum += count;
            }
            for (int i = 0; i < n; i++) {
                int p = start[base + digit(k[i], d)]++;
                k2[p] = k[i];
                o2[p] = o[i];
            }
            int[] t = k;
            k = k2;
            k2 = t;
            t = o;
            o = o2;
            o2 = t;
        }
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && k[j] == k[i]) {
                j++;
            }
            if (j - i > 1) {
                exactOrder(x, o, i, j);
            }
            i = j;
        }
        return o;
    }

    /**
     * Orders {@code o[from..to)}, whose values share one float, by their exact values: an
     * insertion sort for the usual few, a comparison sort should many distinct values crowd
     * into one float.
     */
    private static void exactOrder(double[] x, int[] o, int from, int to) {
        if (to - from > SHORT_RUN) {
            Integer[] run = new Integer[to - from];
            for (int i = from; i < to; i++) {
                run[i - from] = o[i];
            }
            Arrays.sort(run, Comparator.comparingDouble(r -> x[r]));
            for (int i = from; i < to; i++) {
                o[i] = run[i - from];
            }
            return;
        }
        for (int i = from + 1; i < to; i++) {
            int moving = o[i];
            double v = x[moving];
            int j = i - 1;
            for (; j >= from && x[o[j]] > v; j--) {
                o[j + 1] = o[j];
            }
            o[j + 1] = moving;
        }
    }

    private static int digit(int key, int d) {
        return (key >>> (d * DIGIT_BITS)) & (BUCKETS - 1);
    }
}
