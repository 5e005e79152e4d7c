package com.alphaquant.bench.model;

import com.alphaquant.model.dataset.Samples;
import com.alphaquant.model.net.ModelConfig;
import com.alphaquant.model.net.Torch;
import com.alphaquant.model.train.DeviceChoice;
import com.alphaquant.model.train.ModelTrainer;
import com.alphaquant.model.train.ProgressListener;
import com.alphaquant.model.train.TrainOptions;
import com.alphaquant.model.train.TrainedModel;
import com.alphaquant.model.train.TrainingOutcome;
import com.alphaquant.model.train.TrainingReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The model's figures on this machine, printed as one table: training samples/s of a preset on
 * 60-day windows of 24 factors and 6 market features; inference p50/p99 for one stock and for a
 * 5,000-stock day through a saved and reloaded model; a soak of predictions from 4 threads with
 * the resident set sampled after each round; peak heap and peak resident memory. PyTorch's
 * thread count comes from {@code -Dai.djl.pytorch.num_threads} (libs/model's default: 1).
 *
 * <pre>./alphaquant bench model [--preset small] [--samples 10240] [--batch-size 256]</pre>
 */
public final class ModelBench {

    private static final int SEQ_LEN = 60;
    private static final int FACTORS = 24;
    private static final int MARKET = 6;
    private static final int UNIVERSE = 5_000;

    private ModelBench() {
    }

    /**
     * Arguments: preset (small), training samples (10240), batch size (256), soak single-stock
     * calls (2000) and 5,000-stock calls (50), spread over 5 rounds.
     */
    public static void main(String[] args) throws Exception {
        String preset = args.length > 0 ? args[0] : "small";
        int trainSamples = args.length > 1 ? Integer.parseInt(args[1]) : 10_240;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        int soakSingles = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        int soakBatches = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        int rounds = 5;
        ModelConfig config = ModelConfig.preset(preset, SEQ_LEN, FACTORS, MARKET);
        System.out.printf("preset %s: %s%nPyTorch threads %s, %d cores%n", preset, config,
                System.getProperty(Torch.THREADS, "1"), Runtime.getRuntime().availableProcessors());

        TrainOptions options = TrainOptions.builder().epochs(1).batchSize(batch).learningRate(1e-3f)
                .device(DeviceChoice.CPU).build();
        long cpu0 = ProcessStats.cpuNanos();
        TrainingOutcome.Completed done = (TrainingOutcome.Completed) new ModelTrainer(config, options).train(
                new SyntheticWindows(trainSamples, SEQ_LEN, FACTORS, MARKET),
                new SyntheticWindows(2_048, SEQ_LEN, FACTORS, MARKET), new ProgressListener() { }, () -> false);
        TrainingReport report = done.report();
        double cpuSeconds = (ProcessStats.cpuNanos() - cpu0) / 1e9;

        Table table = new Table();
        table.row("training, batch " + batch, "%.0f samples/s", report.samplesPerSecond());
        table.row("  per CPU-second used (whole run: data, validation, JIT)", "%.0f samples",
                (trainSamples + 2_048) / cpuSeconds);
        table.row("  one epoch of 300 stocks x 3 years (225,000)", "%.1f min", 225_000 / report.samplesPerSecond() / 60);
        Path dir = Files.createTempDirectory("model-bench");
        try (TrainedModel trained = done.model()) {
            table.row("parameters", "%,d", trained.parameterCount());
            trained.save(dir);
        }
        try (TrainedModel model = TrainedModel.load(dir)) {
            SyntheticWindows universe = new SyntheticWindows(UNIVERSE, SEQ_LEN, FACTORS, MARKET);
            Samples one = universe.gather(new int[] {42});
            Samples day = universe.gather(IntStream.range(0, UNIVERSE).toArray());
            double[] single = latencies(model, one, 100, 1_000);
            table.row("inference 1 stock, p50 / p99", "%.2f / %.2f ms", percentile(single, 0.50), percentile(single, 0.99));
            double[] full = latencies(model, day, 3, 20);
            table.row("inference 5,000 stocks, p50 / p99", "%.0f / %.0f ms", percentile(full, 0.50), percentile(full, 0.99));

            int singles = Math.max(1, soakSingles / rounds);
            int batches = Math.max(1, soakBatches / rounds);
            long[] rss = new PredictSoak(model, one, day, 4).run(rounds, singles, batches);
            table.row("soak: " + rounds + " rounds of " + singles + " x 1 + " + batches + " x 5,000 stocks, 4 threads",
                    "RSS %s MiB", Arrays.toString(rss));
            table.row("  RSS growth over the last " + (rounds - 1) + " rounds", "%d MiB", rss[rounds] - rss[1]);
        }
        table.row("load average at the end (1 min)", "%s", ProcessStats.loadAverage());
        table.row("peak heap (sum of pool peaks)", "%d MiB", ProcessStats.peakHeapMiB());
        table.row("peak RSS (heap + native, VmHWM)", "%d MiB", ProcessStats.peakRssMiB());
        table.print(System.out);
    }

    private static double[] latencies(TrainedModel model, Samples samples, int warmUp, int runs) {
        for (int i = 0; i < warmUp; i++) {
            model.predict(samples);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            model.predict(samples);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
