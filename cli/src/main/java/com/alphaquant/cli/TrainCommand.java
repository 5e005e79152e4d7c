package com.alphaquant.cli;

import com.alphaquant.model.dataset.BundledDataset;
import com.alphaquant.model.dataset.Dataset;
import com.alphaquant.model.dataset.DatasetBuilder;
import com.alphaquant.model.dataset.DatasetSpec;
import com.alphaquant.model.evaluation.ReturnSkill;
import com.alphaquant.model.evaluation.TrainingRun;
import com.alphaquant.model.train.DeviceChoice;
import com.alphaquant.model.train.Progress;
import com.alphaquant.model.train.ProgressListener;
import com.alphaquant.model.train.TrainOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains the AlphaQuant transformer (SPEC section 6) on stored bars — by default the bundled
 * 300-stock sample — and scores it on a later test period: validation loss against predicting
 * the training mean, and the return head's rank IC beside the best single factor's.
 */
@Command(name = "train", sortOptions = false,
        description = {"Train the AlphaQuant transformer on daily bars and score it out of sample.",
                "Splits by time (train < valid < test, a label horizon apart), saves the model to --out."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--preset", defaultValue = "small", paramLabel = "small|brief",
            description = "network size: small (CPU, minutes) or brief (d_model 768, 12 heads, d_ff 3072); default ${DEFAULT-VALUE}")
    String preset;

    @Option(names = "--epochs", defaultValue = "8", paramLabel = "N", description = "at most this many epochs; default ${DEFAULT-VALUE}")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "256", paramLabel = "N", description = "samples per step; default ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "1e-3", paramLabel = "LR", description = "peak learning rate; default ${DEFAULT-VALUE}")
    float learningRate;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|auto",
            description = "gpu needs CUDA and fails when there is none; auto takes a GPU when present; default ${DEFAULT-VALUE}")
    String device;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "seeds initialisation, dropout and shuffling; default ${DEFAULT-VALUE}")
    int seed;

    @Option(names = "--patience", defaultValue = "3", paramLabel = "N", description = "epochs without a better validation loss before stopping; default ${DEFAULT-VALUE}")
    int patience;

    @Option(names = "--seq-len", defaultValue = "60", paramLabel = "DAYS", description = "input window; default ${DEFAULT-VALUE}")
    int seqLen;

    @Option(names = "--horizon", defaultValue = "20", paramLabel = "DAYS", description = "label horizon; default ${DEFAULT-VALUE}")
    int horizon;

    @Option(names = "--valid-start", paramLabel = "YYYY-MM-DD", description = "first validation day (with --test-start); default: dates split 70/15/15")
    LocalDate validStart;

    @Option(names = "--test-start", paramLabel = "YYYY-MM-DD", description = "first test day")
    LocalDate testStart;

    @Option(names = "--out", paramLabel = "DIR", description = "where to save the model; default: none")
    Path out;

    @Mixin
    BarsOptions input;

    @Mixin
    ProgressOption progress;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        TrainOptions options = TrainOptions.builder().epochs(epochs).batchSize(batchSize).learningRate(learningRate)
                .finalLearningRate(learningRate / 100).patience(patience).seed(seed).device(DeviceChoice.parse(device)).build();
        DatasetSpec spec = DatasetSpec.defaults().withSeqLen(seqLen).withHorizon(horizon).withDates(input.startDate, input.endDate);
        progress.stage("building the dataset (24 factors, market features, labels)");
        Dataset data = input.bundled() ? BundledDataset.build(spec)
                : new DatasetBuilder(spec).build(BundledDataset.panelInput(input.stockBars(), input.indexBars()));
        TrainingRun run = TrainingRun.of(preset, data, options, validStart, testStart);
        progress.stage("training the " + preset + " preset on " + data.stockCount() + " stocks");
        ProgressBar bar = progress.bar("steps");
        Optional<TrainingRun.Result> trained = run.run(data, new ProgressListener() {
            @Override
            public void onStep(Progress p) {
                if (bar != null) {
                    long total = (long) p.epochs() * p.stepsPerEpoch();
                    long done = (long) (p.epoch() - 1) * p.stepsPerEpoch() + p.step();
                    bar.update(done == total ? done - 1 : done, total, String.format("epoch %d/%d, loss %.4f, %.0f samples/s, ETA %ds",
                            p.epoch(), p.epochs(), p.trainLoss().total(), p.samplesPerSecond(), p.eta().toSeconds()));
                }
            }
        }, () -> false);
        try (var model = trained.orElseThrow().model()) {
            TrainingRun.Result result = trained.get();
            if (bar != null) {
                bar.update(1, 1);
            }
            print(System.out, result);
            if (out != null) {
                model.save(out);
                System.out.println("model saved to " + out);
            }
        }
        return 0;
    }

    private void print(PrintStream out, TrainingRun.Result r) {
        ReturnSkill s = r.testSkill();
        out.printf("preset %s, seed %d, %d epochs (best %d%s), %.0f samples/s%n", preset, seed, r.report().epochs().size(),
                r.report().bestEpoch(), r.report().stoppedEarly() ? ", stopped early" : "", r.report().samplesPerSecond());
        out.printf("splits: train %,d samples, valid %,d from %s, test %,d from %s%n", r.splits().train().size(),
                r.splits().valid().size(), r.splits().validStart(), r.splits().test().size(), r.splits().testStart());
        out.printf("%-28s %10s %10s %10s %10s%n", "loss (0.4/0.3/0.3 L1)", "total", "return", "sharpe", "drawdown");
        row(out, "valid, model", r.validLoss());
        row(out, "valid, training mean", r.report().baselineValidLoss());
        row(out, "test, model", r.testLoss());
        row(out, "test, training mean", r.baselineTestLoss());
        out.printf("test return head over %d days: IC %.4f (t %.2f), rank IC %.4f (t %.2f), long-short decile %.4f%n", s.days(),
                s.ic().mean(), s.ic().tStat(), s.rankIc().mean(), s.rankIc().tStat(), s.longShortSpread());
        out.printf("best single factor on the same days: %s, IC %.4f (t %.2f), rank IC %.4f (t %.2f)%n", s.bestFactor(),
                s.bestFactorIc().mean(), s.bestFactorIc().tStat(), s.bestFactorRankIc().mean(), s.bestFactorRankIc().tStat());
    }

    private static void row(PrintStream out, String name, com.alphaquant.model.train.HeadLosses l) {
        out.printf("%-28s %10.5f %10.5f %10.5f %10.5f%n", name, l.total(), l.returnLoss(), l.sharpeLoss(), l.drawdownLoss());
    }
}
