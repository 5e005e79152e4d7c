package com.alphaquant.model.train;

/**
 * How to train, validated at construction; {@link #defaults()} follows the spec (AdamW lr 1e-4,
 * weight decay 1e-5) and {@link #builder()} overrides single values.
 *
 * @param epochs            passes over the training set at most
 * @param batchSize         samples per optimiser step
 * @param learningRate      peak learning rate, reached after the warm-up
 * @param finalLearningRate where the cosine decay ends, at the last step of the last epoch
 * @param warmupFraction    share of all steps spent rising linearly from 0 to the peak
 * @param weightDecay       AdamW's decoupled weight decay
 * @param clipNorm          gradients are scaled down when their global L2 norm exceeds this
 * @param patience          epochs without a better validation loss before stopping early
 * @param seed              seeds PyTorch (initialisation, dropout) and the shuffling
 * @param device            cpu, gpu or auto
 */
public record TrainOptions(int epochs, int batchSize, float learningRate, float finalLearningRate, float warmupFraction,
                           float weightDecay, float clipNorm, int patience, int seed, DeviceChoice device) {

    public TrainOptions {
        positive("epochs", epochs);
        positive("batchSize", batchSize);
        positive("patience", patience);
        if (!(learningRate > 0 && Float.isFinite(learningRate))) {
            throw new IllegalArgumentException("learningRate " + learningRate + " must be positive");
        }
        if (!(finalLearningRate >= 0 && finalLearningRate <= learningRate)) {
            throw new IllegalArgumentException("finalLearningRate " + finalLearningRate + " must lie in [0, learningRate "
                    + learningRate + "]");
        }
        if (!(warmupFraction >= 0 && warmupFraction < 1)) {
            throw new IllegalArgumentException("warmupFraction " + warmupFraction + " must lie in [0, 1)");
        }
        if (!(weightDecay >= 0 && Float.isFinite(weightDecay))) {
            throw new IllegalArgumentException("weightDecay " + weightDecay + " must not be negative");
        }
        if (!(clipNorm > 0 && Float.isFinite(clipNorm))) {
            throw new IllegalArgumentException("clipNorm " + clipNorm + " must be positive");
        }
        if (device == null) {
            throw new IllegalArgumentException("device must be cpu, gpu or auto");
        }
    }

    public static TrainOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().epochs(epochs).batchSize(batchSize).learningRate(learningRate)
                .finalLearningRate(finalLearningRate).warmupFraction(warmupFraction).weightDecay(weightDecay)
                .clipNorm(clipNorm).patience(patience).seed(seed).device(device);
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " " + value + " must be at least 1");
        }
    }

    /** Defaults: 20 epochs, batch 256, lr 1e-4 → 1e-6, 5% warm-up, wd 1e-5, clip 1, patience 3, seed 42, auto. */
    public static final class Builder {
        private int epochs = 20;
        private int batchSize = 256;
        private float learningRate = 1e-4f;
        private Float finalLearningRate;
        private float warmupFraction = 0.05f;
        private float weightDecay = 1e-5f;
        private float clipNorm = 1f;
        private int patience = 3;
        private int seed = 42;
        private DeviceChoice device = DeviceChoice.AUTO;

        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /** Also moves the final learning rate to 1% of it, unless that was set explicitly. */
        public Builder learningRate(float v) {
            learningRate = v;
            return this;
        }

        public Builder finalLearningRate(float v) {
            finalLearningRate = v;
            return this;
        }

        public Builder warmupFraction(float v) {
            warmupFraction = v;
            return this;
        }

        public Builder weightDecay(float v) {
            weightDecay = v;
            return this;
        }

        public Builder clipNorm(float v) {
            clipNorm = v;
            return this;
        }

        public Builder patience(int v) {
            patience = v;
            return this;
        }

        public Builder seed(int v) {
            seed = v;
            return this;
        }

        public Builder device(DeviceChoice v) {
            device = v;
            return this;
        }

        public TrainOptions build() {
            float end = finalLearningRate != null ? finalLearningRate : learningRate / 100;
            return new TrainOptions(epochs, batchSize, learningRate, end, warmupFraction, weightDecay, clipNorm, patience,
                    seed, device);
        }
    }
}
