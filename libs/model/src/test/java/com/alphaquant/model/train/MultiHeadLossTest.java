package com.alphaquant.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.tracker.Tracker;
import com.alphaquant.model.dataset.Samples;
import com.alphaquant.model.net.Torch;
import java.time.LocalDate;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class MultiHeadLossTest {

    @Test
    void weightsEachHeadsMeanAbsoluteErrorOverItsKnownLabels() {
        float[] labels = {0.10f, 1.0f, -0.20f, -0.05f, Float.NaN, -0.10f};
        float[] predicted = {0.00f, 2.0f, -0.10f, 0.05f, 7.0f, -0.40f};
        Samples s = new Samples(1, 1, 0, new float[2], new float[0], new float[] {1, 1}, labels,
                Collections.nCopies(2, new Samples.Key("000001.SZ", LocalDate.of(2024, 1, 2))));
        // by hand: return (0.1 + 0.1) / 2, Sharpe 1.0 / 1 (the NaN is skipped), drawdown (0.1 + 0.3) / 2
        double expected = 0.4 * 0.1 + 0.3 * 1.0 + 0.3 * 0.2;
        try (NDManager m = Torch.engine().newBaseManager()) {
            Batch batch = Batch.of(m, s);
            assertThat(batch.knownPerHead()).containsExactly(2, 1, 2);
            float loss = MultiHeadLoss.objective(MultiHeadLoss.absErrorSums(m.create(predicted, new Shape(2, 3)), batch),
                    batch.knownPerHead()).getFloat();
            assertThat((double) loss).isCloseTo(expected, within(1e-6));
        }
        L1Sums sums = new L1Sums();
        sums.add(predicted, labels);
        assertThat(sums.means().total()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void learningRateWarmsUpLinearlyThenDecaysByCosineToTheFinalValue() {
        TrainOptions options = TrainOptions.builder().learningRate(1e-3f).finalLearningRate(1e-5f).warmupFraction(0.1f)
                .build();
        Tracker schedule = LearningRateSchedule.of(options, 100);
        assertThat(schedule.getNewValue(0)).isEqualTo(0f);
        assertThat(schedule.getNewValue(5)).isCloseTo(0.5e-3f, within(1e-9f));
        assertThat(schedule.getNewValue(10)).isCloseTo(1e-3f, within(1e-9f));
        // halfway through the decay: final + (peak − final) · (1 + cos(π/2)) / 2
        assertThat(schedule.getNewValue(55)).isCloseTo(1e-5f + (1e-3f - 1e-5f) / 2, within(1e-8f));
        assertThat(schedule.getNewValue(100)).isCloseTo(1e-5f, within(1e-9f));
        assertThat(schedule.getNewValue(150)).isCloseTo(1e-5f, within(1e-9f));
    }
}
