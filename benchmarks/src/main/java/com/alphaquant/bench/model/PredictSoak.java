package com.alphaquant.bench.model;

import com.alphaquant.model.dataset.Samples;
import com.alphaquant.model.train.TrainedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many predictions from several threads on one model, in rounds, with the resident set sampled
 * after each: every prediction opens and closes its own NDManager scope, so once PyTorch's
 * allocator has warmed up the figure must stop growing.
 */
final class PredictSoak {

    private final TrainedModel model;
    private final Samples one;
    private final Samples day;
    private final int threads;

    PredictSoak(TrainedModel model, Samples one, Samples day, int threads) {
        this.model = model;
        this.one = one;
        this.day = day;
        this.threads = threads;
    }

    /** RSS in MiB before the first round and after each of {@code rounds}. */
    long[] run(int rounds, int singlesPerRound, int batchesPerRound) throws Exception {
        long[] rss = new long[rounds + 1];
        rss[0] = ProcessStats.rssMiB();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int r = 1; r <= rounds; r++) {
                List<Future<float[]>> calls = new ArrayList<>();
                int every = Math.max(1, singlesPerRound / Math.max(1, batchesPerRound));
                int batches = 0;
                for (int i = 0; i < singlesPerRound; i++) {
                    if (i % every == 0 && batches < batchesPerRound) {
                        calls.add(pool.submit(() -> model.predict(day)));
                        batches++;
                    }
                    calls.add(pool.submit(() -> model.predict(one)));
                }
                for (Future<float[]> call : calls) {
                    call.get();
                }
                rss[r] = ProcessStats.rssMiB();
            }
        } finally {
            pool.shutdown();
        }
        return rss;
    }
}
