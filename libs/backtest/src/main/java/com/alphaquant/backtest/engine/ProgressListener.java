package com.alphaquant.backtest.engine;

/** Told after each simulated day; for progress bars on long runs. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    void onDay(int done, int total);
}
