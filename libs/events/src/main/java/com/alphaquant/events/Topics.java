package com.alphaquant.events;

/** Kafka topic names. A consumer's poison messages go to the topic name + {@link #DEAD_LETTER_SUFFIX}. */
public final class Topics {

    public static final String MARKET_DATA_INGESTED = "market.data.ingested";
    /** One per finished ingest job: its days are complete ({@link MarketDataReady}). */
    public static final String MARKET_DATA_READY = "market.data.ready";
    public static final String FACTORS_COMPUTED = "factors.computed";
    public static final String MODEL_PREDICTIONS = "model.predictions";
    public static final String STRATEGY_SIGNALS = "strategy.signals";
    public static final String BACKTEST_COMPLETED = "backtest.completed";
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
