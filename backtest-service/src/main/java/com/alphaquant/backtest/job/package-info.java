/**
 * Backtest and optimisation jobs: requests checked with the CLI's rules, submitted as database
 * rows, claimed and run by {@link com.alphaquant.backtest.job.JobWorker} over
 * {@code libs/backtest}, results stored and announced through the outbox.
 */
package com.alphaquant.backtest.job;
