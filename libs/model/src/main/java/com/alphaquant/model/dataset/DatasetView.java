package com.alphaquant.model.dataset;

import com.alphaquant.factor.engine.DateInts;
import java.util.ArrayList;
import java.util.List;

/** Some of a {@link Dataset}'s samples, by (stock, row): a few bytes per sample, windows cut on gather. */
final class DatasetView implements SampleSource {

    private final Dataset data;
    private final int[] stocks;
    private final int[] rows;

    DatasetView(Dataset data, int[] stocks, int[] rows) {
        this.data = data;
        this.stocks = stocks;
        this.rows = rows;
    }

    @Override
    public int size() {
        return stocks.length;
    }

    @Override
    public int seqLen() {
        return data.spec().seqLen();
    }

    @Override
    public int factorCount() {
        return data.factorNames().size();
    }

    @Override
    public int marketCount() {
        return MarketFeatures.COUNT;
    }

    @Override
    public Samples.Key key(int index) {
        return new Samples.Key(data.code(stocks[index]), DateInts.toLocalDate(data.date(stocks[index], rows[index])));
    }

    @Override
    public Samples gather(int[] indices) {
        int n = indices.length;
        int seqLen = seqLen();
        float[] f = new float[n * seqLen * factorCount()];
        float[] m = new float[n * seqLen * marketCount()];
        float[] mask = new float[n * seqLen];
        float[] y = new float[n * Samples.LABELS];
        List<Samples.Key> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = indices[i];
            if (index < 0 || index >= stocks.length) {
                throw new IndexOutOfBoundsException("Sample " + index + " of " + stocks.length);
            }
            data.fill(stocks[index], rows[index], i, f, m, mask, y);
            keys.add(key(index));
        }
        return new Samples(seqLen, factorCount(), marketCount(), f, m, mask, y, keys);
    }
}
