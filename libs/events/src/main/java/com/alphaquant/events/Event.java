package com.alphaquant.events;

import java.time.Instant;

/**
 * What every AlphaQuant event carries. {@code eventId} is deterministic where the producer can
 * make it so ({@link EventIds}), so a redelivered or re-published event is recognisably the
 * same; {@code schemaVersion} lets consumers refuse versions they do not understand.
 */
public sealed interface Event permits MarketDataIngested, MarketDataReady, FactorsComputed, ModelPredictions, StrategySignal,
        BacktestCompleted {

    String eventId();

    int schemaVersion();

    Instant occurredAt();

    /** The Kafka record key: decides the partition and so the order consumers see. */
    String key();

    /** The topic this event is published on. */
    String topic();
}
