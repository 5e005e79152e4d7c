package com.alphaquant.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.model.dataset.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainedModelTest {

    private static TrainedModel model;

    @BeforeAll
    static void train() {
        model = ModelTrainerTest.train(ModelTrainerTest.quick().build()).model();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void concurrentCallersGetTheSameAnswersAsOneCallerAndLeaveNoArraysBehind() throws Exception {
        InMemorySampleSource source = ModelTrainerTest.VALID;
        List<Samples> batches = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Samples s = source.gather(new int[] {i, 100 + i, 200 + i});
            batches.add(s);
            expected.add(model.predict(s));
        }
        int arraysBefore = model.liveArrays();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int call = 0; call < 400; call++) {
                int i = call % batches.size();
                results.add(pool.submit(() -> java.util.Arrays.equals(model.predict(batches.get(i)), expected.get(i))));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(model.liveArrays()).isEqualTo(arraysBefore);
    }

    @Test
    void aBatchLargerThanOneForwardPassIsPredictedInChunksWithTheSameResult() {
        int n = TrainedModel.CHUNK + 37;
        InMemorySampleSource many = InMemorySampleSource.learnable(n, 8, 4, 2, 0, 9);
        float[] all = model.predict(many.all());
        assertThat(all).hasSize(n * 3);
        int[] tail = {n - 2, n - 1};
        float[] alone = model.predict(many.gather(tail));
        // a different batch size may take another BLAS path: equal up to float rounding
        assertThat(java.util.Arrays.copyOfRange(all, (n - 2) * 3, n * 3)).containsExactly(alone, within(1e-5f));
    }

    @Test
    void samplesOfAnotherShapeAreRefusedNamingTheMismatch() {
        Samples wrong = InMemorySampleSource.learnable(2, 8, 5, 2, 0, 3).all();
        assertThatThrownBy(() -> model.predict(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("5 factors per step, the model expects 4");
    }
}
