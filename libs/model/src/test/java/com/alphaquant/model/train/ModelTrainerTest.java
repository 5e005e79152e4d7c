package com.alphaquant.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.model.dataset.Samples;
import com.alphaquant.model.net.ModelConfig;
import com.alphaquant.model.net.Torch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {

    static final ModelConfig TINY = new ModelConfig(8, 4, 2, 16, 2, 32, 1, 0f);
    static final InMemorySampleSource TRAIN = InMemorySampleSource.learnable(2048, 8, 4, 2, 0.005, 1);
    static final InMemorySampleSource VALID = InMemorySampleSource.learnable(512, 8, 4, 2, 0.005, 2);

    static TrainOptions.Builder quick() {
        return TrainOptions.builder().epochs(1).batchSize(64).learningRate(3e-3f).device(DeviceChoice.CPU);
    }

    /** One epoch on a quarter of the training set. */
    static TrainingOutcome.Completed train(TrainOptions options) {
        TrainingOutcome outcome = new ModelTrainer(TINY, options).train(TRAIN.head(512), VALID, ProgressListener.NONE,
                () -> false);
        assertThat(outcome).isInstanceOf(TrainingOutcome.Completed.class);
        return (TrainingOutcome.Completed) outcome;
    }

    @Test
    void learnsALearnableTargetWellBelowThePredictTheTrainingMeanBaseline() {
        List<Progress> epochs = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onEpoch(Progress p) {
                epochs.add(p);
            }
        };
        TrainOptions options = quick().epochs(8).build();
        TrainingOutcome outcome = new ModelTrainer(TINY, options).train(TRAIN, VALID, listener, () -> false);
        TrainingOutcome.Completed done = (TrainingOutcome.Completed) outcome;
        try (TrainedModel model = done.model()) {
            TrainingReport report = done.report();
            HeadLosses baseline = report.baselineValidLoss();
            HeadLosses best = report.bestValidLoss();
            assertThat(best.total()).isLessThan(0.4 * baseline.total());
            assertThat(best.returnLoss()).isLessThan(0.5 * baseline.returnLoss());
            assertThat(best.sharpeLoss()).isLessThan(0.5 * baseline.sharpeLoss());
            // the kept weights are the best epoch's: evaluating them again gives its loss
            assertThat(model.evaluate(VALID, 100).total()).isCloseTo(best.total(), within(1e-5));
            assertThat(epochs).hasSize(report.epochs().size());
            assertThat(epochs.get(epochs.size() - 1).validLoss().total())
                    .isEqualTo(report.epochs().get(epochs.size() - 1).validLoss().total());
            assertThat(report.samplesPerSecond()).isPositive();
        }
    }

    @Test
    void stopsEarlyWhenValidationStopsImprovingAndKeepsTheBestEpoch() {
        // validation labels are the negated training relation: the better the fit, the worse it validates
        Samples v = VALID.all();
        float[] flipped = v.labels().clone();
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = -flipped[i];
        }
        InMemorySampleSource contrary = new InMemorySampleSource(new Samples(v.seqLen(), v.factorCount(), v.marketCount(),
                v.factors(), v.market(), v.mask(), flipped, v.keys()));
        TrainingOutcome outcome = new ModelTrainer(TINY, quick().epochs(10).patience(2).build())
                .train(TRAIN.head(512), contrary, ProgressListener.NONE, () -> false);
        TrainingOutcome.Completed done = (TrainingOutcome.Completed) outcome;
        try (TrainedModel model = done.model()) {
            TrainingReport report = done.report();
            assertThat(report.stoppedEarly()).isTrue();
            assertThat(report.epochs()).hasSize(report.bestEpoch() + 2);
            assertThat(model.evaluate(contrary, 512).total()).isCloseTo(report.bestValidLoss().total(), within(1e-5));
            for (TrainingReport.EpochResult e : report.epochs()) {
                assertThat(e.validLoss().total()).isGreaterThanOrEqualTo(report.bestValidLoss().total());
            }
        }
    }

    @Test
    void theBaselineIsTheL1LossOfTheTrainingMeans() {
        double[] sum = new double[3];
        int[] count = new int[3];
        float[] labels = TRAIN.all().labels();
        for (int i = 0; i < labels.length; i++) {
            if (!Float.isNaN(labels[i])) {
                sum[i % 3] += labels[i];
                count[i % 3]++;
            }
        }
        double[] l1 = new double[3];
        int[] n = new int[3];
        float[] valid = VALID.all().labels();
        for (int i = 0; i < valid.length; i++) {
            if (!Float.isNaN(valid[i])) {
                l1[i % 3] += Math.abs(valid[i] - sum[i % 3] / count[i % 3]);
                n[i % 3]++;
            }
        }
        float[] means = LabelMeans.of(TRAIN, 300);
        HeadLosses baseline = LabelMeans.loss(means, VALID, 300);
        assertThat(count[1]).isLessThan(count[0]); // some Sharpe labels are unknown and skipped
        assertThat(means[1]).isCloseTo((float) (sum[1] / count[1]), within(1e-6f));
        assertThat(baseline.returnLoss()).isCloseTo(l1[0] / n[0], within(1e-6));
        assertThat(baseline.sharpeLoss()).isCloseTo(l1[1] / n[1], within(1e-6));
        assertThat(baseline.drawdownLoss()).isCloseTo(l1[2] / n[2], within(1e-6));
        assertThat(baseline.total()).isCloseTo(0.4 * l1[0] / n[0] + 0.3 * l1[1] / n[1] + 0.3 * l1[2] / n[2], within(1e-6));
    }

    @Test
    void theSameSeedGivesTheSameLossesAnotherSeedOthers() {
        TrainingOutcome.Completed a = train(quick().seed(7).build());
        TrainingOutcome.Completed b = train(quick().seed(7).build());
        TrainingOutcome.Completed c = train(quick().seed(8).build());
        try (TrainedModel ma = a.model(); TrainedModel mb = b.model(); TrainedModel mc = c.model()) {
            TrainingReport.EpochResult ea = a.report().epochs().get(0);
            TrainingReport.EpochResult eb = b.report().epochs().get(0);
            assertThat(eb.trainLoss()).isEqualTo(ea.trainLoss());
            assertThat(eb.validLoss()).isEqualTo(ea.validLoss());
            assertThat(c.report().epochs().get(0).trainLoss().total()).isNotEqualTo(ea.trainLoss().total());
        }
    }

    @Test
    void savedAndLoadedModelPredictsExactlyTheSame(@TempDir Path dir) {
        try (TrainedModel trained = train(quick().build()).model()) {
            trained.save(dir);
            Samples samples = VALID.all();
            float[] before = trained.predict(samples);
            try (TrainedModel loaded = TrainedModel.load(dir)) {
                assertThat(loaded.config()).isEqualTo(TINY);
                assertThat(loaded.predict(samples)).containsExactly(before);
            }
        }
    }

    @Test
    void loadingADirectoryWithoutAModelFailsClearly(@TempDir Path dir) {
        assertThatThrownBy(() -> TrainedModel.load(dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no saved model in");
    }

    @Test
    void cancellationStopsBeforeTheNextBatchAndKeepsNothing() {
        AtomicInteger steps = new AtomicInteger();
        ProgressListener counting = new ProgressListener() {
            @Override
            public void onStep(Progress p) {
                steps.incrementAndGet();
            }
        };
        TrainingOutcome outcome = new ModelTrainer(TINY, quick().epochs(3).build())
                .train(TRAIN, VALID, counting, () -> steps.get() >= 3);
        assertThat(outcome).isEqualTo(new TrainingOutcome.Cancelled(1, 4));
        assertThat(steps.get()).isEqualTo(3);
    }

    @Test
    void aGpuRequestWithoutCudaFailsWithAClearMessage() {
        Assumptions.assumeTrue(Torch.engine().getGpuCount() == 0, "this machine has a GPU");
        ModelTrainer trainer = new ModelTrainer(TINY, quick().device(DeviceChoice.GPU).build());
        assertThatThrownBy(() -> trainer.train(TRAIN, VALID, ProgressListener.NONE, () -> false))
                .isInstanceOf(DeviceUnavailableException.class)
                .hasMessageContaining("device gpu was requested")
                .hasMessageContaining("no CUDA device");
    }

    @Test
    void sourcesThatDoNotFitTheConfigAreRefused() {
        InMemorySampleSource wide = InMemorySampleSource.learnable(16, 8, 5, 2, 0, 3);
        assertThatThrownBy(() -> new ModelTrainer(TINY, quick().build()).train(wide, VALID, ProgressListener.NONE, () -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 factors").hasMessageContaining("expects 8 × 4");
    }
}
