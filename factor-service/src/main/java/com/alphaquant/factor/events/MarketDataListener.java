package com.alphaquant.factor.events;

import com.alphaquant.events.EventSerde;
import com.alphaquant.events.MarketDataIngested;
import com.alphaquant.events.MarketDataReady;
import com.alphaquant.events.Topics;
import java.nio.charset.StandardCharsets;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The Kafka edge: payload → event (an invalid one throws EventFormatException: dead-lettered) →
 * handler. market.data.ingested refreshes the cache; market.data.ready announces factors.computed.
 */
@Component
public class MarketDataListener {

    private final EventSerde serde = new EventSerde();
    private final IngestHandler ingested;
    private final ReadyHandler ready;

    public MarketDataListener(IngestHandler ingested, ReadyHandler ready) {
        this.ingested = ingested;
        this.ready = ready;
    }

    @KafkaListener(id = "factor-ingested", topics = Topics.MARKET_DATA_INGESTED,
            autoStartup = "${alphaquant.factor.kafka-listener-enabled:true}")
    public void onIngested(String payload) {
        ingested.handle(serde.deserialize(Topics.MARKET_DATA_INGESTED, bytes(payload), MarketDataIngested.class));
    }

    @KafkaListener(id = "factor-ready", topics = Topics.MARKET_DATA_READY,
            autoStartup = "${alphaquant.factor.kafka-listener-enabled:true}")
    public void onReady(String payload) {
        ready.handle(serde.deserialize(Topics.MARKET_DATA_READY, bytes(payload), MarketDataReady.class));
    }

    private static byte[] bytes(String payload) {
        return payload == null ? null : payload.getBytes(StandardCharsets.UTF_8);
    }
}
