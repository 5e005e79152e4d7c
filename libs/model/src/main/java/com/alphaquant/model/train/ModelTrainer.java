package com.alphaquant.model.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.alphaquant.model.dataset.SampleSource;
import com.alphaquant.model.dataset.Samples;
import com.alphaquant.model.net.AlphaTransformer;
import com.alphaquant.model.net.ModelConfig;
import com.alphaquant.model.net.Torch;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Trains an {@link AlphaTransformer}: AdamW with linear warm-up and cosine decay, gradients clipped
 * by their global norm, validation after every epoch, early stopping with patience, and the best
 * validation epoch's weights kept. With the same seed, data and machine two runs give the same
 * losses.
 *
 * <p>Runs in one JVM take turns: PyTorch's gradient recording and DJL's random seed are
 * process-wide, so a second {@code train} call waits for the first to finish.
 */
public final class ModelTrainer {

    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    private final ModelConfig config;
    private final TrainOptions options;

    public ModelTrainer(ModelConfig config, TrainOptions options) {
        this.config = config;
        this.options = options;
    }

    /**
     * Trains on {@code train}, validating on {@code valid} after each epoch. {@code cancelled} is
     * asked before every batch; when it answers true training stops there and nothing is kept.
     *
     * @throws IllegalArgumentException   when a source is empty or does not fit the config
     * @throws DeviceUnavailableException when the options ask for a GPU this machine lacks
     */
    public TrainingOutcome train(SampleSource train, SampleSource valid, ProgressListener listener,
                                 BooleanSupplier cancelled) {
        requireFits("training", train);
        requireFits("validation", valid);
        Engine engine = Torch.engine();
        Device device = options.device().resolve(engine);
        ONE_AT_A_TIME.lock();
        try (Model model = Model.newInstance("alphaquant-training", device, Torch.ENGINE)) {
            // Gradients are recorded only inside each step's collector, whichever thread trains.
            return Torch.withoutGradients(() -> new Run(engine, model, train, valid, listener, cancelled).execute());
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }

    private void requireFits(String name, SampleSource source) {
        if (source.size() == 0) {
            throw new IllegalArgumentException("the " + name + " set is empty");
        }
        if (source.seqLen() != config.seqLen() || source.factorCount() != config.factorCount()
                || source.marketCount() != config.marketCount()) {
            throw new IllegalArgumentException("the " + name + " set has windows of " + source.seqLen() + " steps × "
                    + source.factorCount() + " factors + " + source.marketCount() + " market features; the model expects "
                    + config.seqLen() + " × " + config.factorCount() + " + " + config.marketCount());
        }
    }

    /** One training run's state. */
    private final class Run {
        private final Engine engine;
        private final Model model;
        private final SampleSource train;
        private final SampleSource valid;
        private final ProgressListener listener;
        private final BooleanSupplier cancelled;
        private final int stepsPerEpoch;
        private final int evalBatch = Math.max(options.batchSize(), 1024);
        private final long startNanos = System.nanoTime();
        private long stepNanos;
        private long samplesTrained;
        private int stepsDone;
        private float learningRate;
        private AlphaTransformer net;

        Run(Engine engine, Model model, SampleSource train, SampleSource valid, ProgressListener listener,
            BooleanSupplier cancelled) {
            this.engine = engine;
            this.model = model;
            this.train = train;
            this.valid = valid;
            this.listener = listener;
            this.cancelled = cancelled;
            this.stepsPerEpoch = (train.size() + options.batchSize() - 1) / options.batchSize();
        }

        TrainingOutcome execute() {
            float[] means = LabelMeans.of(train, evalBatch);
            HeadLosses baseline = LabelMeans.loss(means, valid, evalBatch);
            engine.setRandomSeed(options.seed());
            Random shuffling = new Random(options.seed());
            net = new AlphaTransformer(config);
            net.initialize(model.getNDManager(), DataType.FLOAT32, net.inputShapes(options.batchSize()));
            model.setBlock(net);
            Tracker schedule = LearningRateSchedule.of(options, stepsPerEpoch * options.epochs());
            Optimizer adamW = Optimizer.adamW().optLearningRateTracker(schedule).optWeightDecays(options.weightDecay())
                    .build();

            List<TrainingReport.EpochResult> epochs = new ArrayList<>();
            byte[] best = null;
            int bestEpoch = 0;
            double bestLoss = Double.POSITIVE_INFINITY;
            HeadLosses lastValid = null;
            for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                int[] order = shuffled(train.size(), shuffling);
                L1Sums trainSums = new L1Sums();
                for (int step = 1; step <= stepsPerEpoch; step++) {
                    if (cancelled.getAsBoolean()) {
                        return new TrainingOutcome.Cancelled(epoch, step);
                    }
                    learningRate = schedule.getNewValue(stepsDone);
                    trainStep(batchIndices(order, step), adamW, trainSums);
                    listener.onStep(progress(epoch, step, trainSums.means(), lastValid));
                }
                L1Sums validSums = validate();
                if (validSums == null) {
                    return new TrainingOutcome.Cancelled(epoch, stepsPerEpoch + 1);
                }
                lastValid = validSums.means();
                epochs.add(new TrainingReport.EpochResult(epoch, trainSums.means(), lastValid, learningRate,
                        Duration.ofNanos(System.nanoTime() - epochStart)));
                listener.onEpoch(progress(epoch, stepsPerEpoch, trainSums.means(), lastValid));
                if (lastValid.total() < bestLoss) {
                    bestLoss = lastValid.total();
                    bestEpoch = epoch;
                    best = parameters(net);
                } else if (epoch - bestEpoch >= options.patience()) {
                    break;
                }
            }
            boolean stoppedEarly = epochs.size() < options.epochs();
            TrainingReport report = new TrainingReport(options.seed(), epochs, bestEpoch, stoppedEarly, means, baseline,
                    samplesTrained / (stepNanos / 1e9), Duration.ofNanos(System.nanoTime() - startNanos));
            return new TrainingOutcome.Completed(TrainedModel.fromBytes(config, best, options.device()), report);
        }

        private void trainStep(int[] indices, Optimizer optimizer, L1Sums sums) {
            long t0 = System.nanoTime();
            Samples samples = train.gather(indices);
            try (NDManager scope = model.getNDManager().newSubManager()) {
                Batch batch = Batch.of(scope, samples);
                if (batch.anyKnown()) {
                    ParameterStore ps = new ParameterStore(scope, false);
                    float[] absSums;
                    try (GradientCollector collector = engine.newGradientCollector()) {
                        NDArray predictions = net.forward(ps, batch.inputs(), true).singletonOrThrow();
                        NDArray abs = MultiHeadLoss.absErrorSums(predictions, batch);
                        collector.backward(MultiHeadLoss.objective(abs, batch.knownPerHead()));
                        absSums = abs.toFloatArray();
                    }
                    GradientClipping.clipAndUpdate(net.getParameters().values(), scope, optimizer,
                            options.clipNorm());
                    sums.add(toDoubles(absSums), batch.knownPerHead());
                }
            }
            stepsDone++;
            samplesTrained += indices.length;
            stepNanos += System.nanoTime() - t0;
        }

        /** Validation losses, or null when cancelled midway. */
        private L1Sums validate() {
            L1Sums sums = new L1Sums();
            for (int from = 0; from < valid.size(); from += evalBatch) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                Samples s = valid.gather(LabelMeans.range(from, Math.min(valid.size(), from + evalBatch)));
                try (NDManager scope = model.getNDManager().newSubManager()) {
                    ParameterStore ps = new ParameterStore(scope, false);
                    sums.add(net.forward(ps, Batch.inputs(scope, s), false).singletonOrThrow().toFloatArray(), s.labels());
                }
            }
            return sums;
        }

        private Progress progress(int epoch, int step, HeadLosses trainLoss, HeadLosses validLoss) {
            long elapsed = System.nanoTime() - startNanos;
            int total = stepsPerEpoch * options.epochs();
            Duration eta = Duration.ofNanos(stepsDone == 0 ? 0 : elapsed / stepsDone * (total - stepsDone));
            double rate = stepNanos == 0 ? 0 : samplesTrained / (stepNanos / 1e9);
            return new Progress(epoch, options.epochs(), step, stepsPerEpoch, trainLoss, validLoss, learningRate, rate, eta);
        }

        private int[] batchIndices(int[] order, int step) {
            int from = (step - 1) * options.batchSize();
            return java.util.Arrays.copyOfRange(order, from, Math.min(order.length, from + options.batchSize()));
        }
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = LabelMeans.range(0, n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static byte[] parameters(AlphaTransformer net) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            net.saveParameters(new DataOutputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
