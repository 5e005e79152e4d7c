package com.alphaquant.factor.events;

import com.alphaquant.events.EventSerde;
import com.alphaquant.events.MarketDataIngested;
import com.alphaquant.events.Topics;
import java.nio.charset.StandardCharsets;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The Kafka edge: payload → event (an invalid one throws EventFormatException: dead-lettered) → handler. */
@Component
public class MarketDataListener {

    private final EventSerde serde = new EventSerde();
    private final IngestHandler handler;

    public MarketDataListener(IngestHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(id = "factor-ingested", topics = Topics.MARKET_DATA_INGESTED,
            autoStartup = "${alphaquant.factor.kafka-listener-enabled:true}")
    public void onIngested(String payload) {
        byte[] bytes = payload == null ? null : payload.getBytes(StandardCharsets.UTF_8);
        handler.handle(serde.deserialize(Topics.MARKET_DATA_INGESTED, bytes, MarketDataIngested.class));
    }
}
