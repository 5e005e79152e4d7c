package com.alphaquant.factor.events;

import com.alphaquant.events.Event;
import com.alphaquant.events.EventSerde;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends an event and waits for the broker's acknowledgement, so the caller knows it is out
 * before it records the input as handled. No outbox: factor-service has no database, and its
 * only state change (the cache) is recomputed on redelivery anyway.
 */
public class EventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final EventSerde serde = new EventSerde();

    public EventPublisher(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    public void publish(Event event) {
        try {
            kafka.send(event.topic(), event.key(), serde.toJson(event)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing " + event.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish " + event.topic() + " " + event.eventId(), e);
        }
    }
}
