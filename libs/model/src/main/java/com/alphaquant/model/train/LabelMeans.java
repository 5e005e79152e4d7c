package com.alphaquant.model.train;

import com.alphaquant.model.dataset.SampleSource;
import com.alphaquant.model.dataset.Samples;
import com.alphaquant.model.net.ModelConfig;

/**
 * The naive forecaster a model must beat: predict every head's training mean. Its L1 loss on the
 * validation or test set is the baseline the model's loss is shown against.
 */
public final class LabelMeans {

    private LabelMeans() {
    }

    /** Mean per head of the known labels in {@code source}; 0 for a head with none. */
    public static float[] of(SampleSource source, int batchSize) {
        double[] sums = new double[ModelConfig.HEADS];
        long[] counts = new long[ModelConfig.HEADS];
        for (int from = 0; from < source.size(); from += batchSize) {
            float[] labels = source.gather(range(from, Math.min(source.size(), from + batchSize))).labels();
            for (int i = 0; i < labels.length; i++) {
                if (!Float.isNaN(labels[i])) {
                    sums[i % ModelConfig.HEADS] += labels[i];
                    counts[i % ModelConfig.HEADS]++;
                }
            }
        }
        float[] means = new float[ModelConfig.HEADS];
        for (int h = 0; h < means.length; h++) {
            means[h] = counts[h] == 0 ? 0 : (float) (sums[h] / counts[h]);
        }
        return means;
    }

    /** The loss of predicting {@code means} for every sample of {@code source}. */
    public static HeadLosses loss(float[] means, SampleSource source, int batchSize) {
        L1Sums sums = new L1Sums();
        for (int from = 0; from < source.size(); from += batchSize) {
            Samples s = source.gather(range(from, Math.min(source.size(), from + batchSize)));
            sums.addConstant(means, s.labels());
        }
        return sums.means();
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
