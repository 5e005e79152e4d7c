package com.alphaquant.model.train;

import com.alphaquant.model.net.ModelConfig;

/** Sums of absolute errors and label counts per head, accumulated over batches in double precision. */
final class L1Sums {

    private final double[] sums = new double[ModelConfig.HEADS];
    private final long[] counts = new long[ModelConfig.HEADS];

    /** Adds predictions against labels, both n × 3, skipping NaN labels. */
    void add(float[] predictions, float[] labels) {
        int heads = ModelConfig.HEADS;
        for (int i = 0; i < labels.length; i++) {
            float y = labels[i];
            if (!Float.isNaN(y)) {
                sums[i % heads] += Math.abs(predictions[i] - y);
                counts[i % heads]++;
            }
        }
    }

    /** Adds a constant prediction per head against labels n × 3. */
    void addConstant(float[] constant, float[] labels) {
        int heads = ModelConfig.HEADS;
        for (int i = 0; i < labels.length; i++) {
            float y = labels[i];
            if (!Float.isNaN(y)) {
                sums[i % heads] += Math.abs(constant[i % heads] - y);
                counts[i % heads]++;
            }
        }
    }

    void add(double[] batchSums, long[] batchCounts) {
        for (int h = 0; h < sums.length; h++) {
            sums[h] += batchSums[h];
            counts[h] += batchCounts[h];
        }
    }

    /** Mean per head; a head without any known label counts 0. */
    HeadLosses means() {
        double[] m = new double[sums.length];
        for (int h = 0; h < m.length; h++) {
            m[h] = counts[h] == 0 ? 0 : sums[h] / counts[h];
        }
        return HeadLosses.of(m);
    }
}
