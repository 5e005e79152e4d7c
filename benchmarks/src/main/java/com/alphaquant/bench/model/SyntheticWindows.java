package com.alphaquant.bench.model;

import com.alphaquant.model.dataset.SampleSource;
import com.alphaquant.model.dataset.Samples;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Windows generated on demand from the sample index (uniform noise of unit variance, the return
 * label a linear function of the last step), so a 225,000-sample source costs no memory and the
 * same index always gives the same window.
 */
final class SyntheticWindows implements SampleSource {

    private static final double SQRT3 = Math.sqrt(3);

    private final int size;
    private final int seqLen;
    private final int factorCount;
    private final int marketCount;

    SyntheticWindows(int size, int seqLen, int factorCount, int marketCount) {
        this.size = size;
        this.seqLen = seqLen;
        this.factorCount = factorCount;
        this.marketCount = marketCount;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int seqLen() {
        return seqLen;
    }

    @Override
    public int factorCount() {
        return factorCount;
    }

    @Override
    public int marketCount() {
        return marketCount;
    }

    @Override
    public Samples.Key key(int index) {
        return new Samples.Key(String.format("%06d.SZ", index % 5000), LocalDate.of(2020, 1, 2).plusDays(index / 5000));
    }

    @Override
    public Samples gather(int[] indices) {
        int n = indices.length;
        float[] factors = new float[n * seqLen * factorCount];
        float[] market = new float[n * seqLen * marketCount];
        float[] mask = new float[n * seqLen];
        float[] labels = new float[n * Samples.LABELS];
        List<Samples.Key> keys = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            SplittableRandom r = new SplittableRandom(indices[j]);
            fill(factors, j * seqLen * factorCount, seqLen * factorCount, r);
            fill(market, j * seqLen * marketCount, seqLen * marketCount, r);
            java.util.Arrays.fill(mask, j * seqLen, (j + 1) * seqLen, 1f);
            int last = (j * seqLen + seqLen - 1) * factorCount;
            labels[j * 3] = 0.05f * factors[last] + (float) (0.02 * r.nextDouble(-1, 1));
            labels[j * 3 + 1] = 0.5f * factors[last + 1];
            labels[j * 3 + 2] = -0.1f + 0.04f * factors[last + 2];
            keys.add(key(indices[j]));
        }
        return new Samples(seqLen, factorCount, marketCount, factors, market, mask, labels, keys);
    }

    private static void fill(float[] target, int from, int count, SplittableRandom r) {
        for (int i = from; i < from + count; i++) {
            target[i] = (float) (SQRT3 * r.nextDouble(-1, 1));
        }
    }
}
