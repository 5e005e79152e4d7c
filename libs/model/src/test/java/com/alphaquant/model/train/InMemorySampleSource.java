package com.alphaquant.model.train;

import com.alphaquant.model.dataset.SampleSource;
import com.alphaquant.model.dataset.Samples;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** A sample source over samples held in memory, and a synthetic one whose labels can be learnt. */
public final class InMemorySampleSource implements SampleSource {

    private final Samples all;

    public InMemorySampleSource(Samples all) {
        this.all = all;
    }

    /**
     * {@code n} samples of standard normal factors and market features, with short histories
     * (a random number of leading steps masked, filled with garbage) and labels linear in the
     * last step: return {@code 0.05 f0 − 0.03 f1}, Sharpe {@code 0.5 f2 + 0.2 m0}, drawdown
     * {@code −0.1 + 0.04 f3}, each plus Gaussian noise of {@code noise}; about 5% of Sharpe labels
     * are NaN (unknown).
     */
    public static InMemorySampleSource learnable(int n, int seqLen, int factorCount, int marketCount, double noise,
                                                 long seed) {
        Random r = new Random(seed);
        float[] factors = new float[n * seqLen * factorCount];
        float[] market = new float[n * seqLen * marketCount];
        float[] mask = new float[n * seqLen];
        float[] labels = new float[n * Samples.LABELS];
        List<Samples.Key> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int padding = r.nextInt(seqLen / 2 + 1);
            for (int s = 0; s < seqLen; s++) {
                boolean hasData = s >= padding;
                mask[i * seqLen + s] = hasData ? 1 : 0;
                for (int k = 0; k < factorCount; k++) {
                    factors[(i * seqLen + s) * factorCount + k] = hasData ? (float) r.nextGaussian() : 99f;
                }
                for (int k = 0; k < marketCount; k++) {
                    market[(i * seqLen + s) * marketCount + k] = hasData ? (float) r.nextGaussian() : -99f;
                }
            }
            int last = (i * seqLen + seqLen - 1) * factorCount;
            float m0 = marketCount > 0 ? market[(i * seqLen + seqLen - 1) * marketCount] : 0;
            labels[i * 3] = (float) (0.05 * factors[last] - 0.03 * factors[last + 1] + noise * r.nextGaussian());
            labels[i * 3 + 1] = r.nextDouble() < 0.05 ? Float.NaN
                    : (float) (0.5 * factors[last + 2] + 0.2 * m0 + noise * r.nextGaussian());
            labels[i * 3 + 2] = (float) (-0.1 + 0.04 * factors[last + 3] + noise * r.nextGaussian());
            keys.add(new Samples.Key(String.format("%06d.SZ", i % 500), LocalDate.of(2020, 1, 1).plusDays(i / 500)));
        }
        return new InMemorySampleSource(new Samples(seqLen, factorCount, marketCount, factors, market, mask, labels, keys));
    }

    public Samples all() {
        return all;
    }

    @Override
    public int size() {
        return all.size();
    }

    @Override
    public int seqLen() {
        return all.seqLen();
    }

    @Override
    public int factorCount() {
        return all.factorCount();
    }

    @Override
    public int marketCount() {
        return all.marketCount();
    }

    @Override
    public Samples.Key key(int index) {
        return all.keys().get(index);
    }

    @Override
    public Samples gather(int[] indices) {
        int t = seqLen();
        int f = factorCount();
        int m = marketCount();
        float[] factors = new float[indices.length * t * f];
        float[] market = new float[indices.length * t * m];
        float[] mask = new float[indices.length * t];
        float[] labels = new float[indices.length * Samples.LABELS];
        List<Samples.Key> keys = new ArrayList<>(indices.length);
        for (int j = 0; j < indices.length; j++) {
            int i = indices[j];
            System.arraycopy(all.factors(), i * t * f, factors, j * t * f, t * f);
            System.arraycopy(all.market(), i * t * m, market, j * t * m, t * m);
            System.arraycopy(all.mask(), i * t, mask, j * t, t);
            System.arraycopy(all.labels(), i * Samples.LABELS, labels, j * Samples.LABELS, Samples.LABELS);
            keys.add(all.keys().get(i));
        }
        return new Samples(t, f, m, factors, market, mask, labels, keys);
    }

    /** The first {@code n} samples, as a source of its own. */
    public InMemorySampleSource head(int n) {
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return new InMemorySampleSource(gather(idx));
    }
}
