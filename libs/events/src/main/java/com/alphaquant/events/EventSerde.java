package com.alphaquant.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON (UTF-8) for events: ISO dates, unknown fields ignored so that consumers keep working
 * when a producer adds one; a malformed or invalid payload fails with {@link EventFormatException}
 * naming the topic and the reason, which is what a consumer puts on the dead-letter topic.
 */
public final class EventSerde {

    private static final Map<String, Class<? extends Event>> TYPES = Map.of(
            Topics.MARKET_DATA_INGESTED, MarketDataIngested.class,
            Topics.MARKET_DATA_READY, MarketDataReady.class,
            Topics.FACTORS_COMPUTED, FactorsComputed.class,
            Topics.MODEL_PREDICTIONS, ModelPredictions.class,
            Topics.STRATEGY_SIGNALS, StrategySignal.class,
            Topics.BACKTEST_COMPLETED, BacktestCompleted.class);

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public byte[] serialize(Event event) {
        return mapper.writeValueAsBytes(event);
    }

    public String toJson(Event event) {
        return new String(serialize(event), StandardCharsets.UTF_8);
    }

    /** The event on {@code topic}, typed by the topic. */
    public Event deserialize(String topic, byte[] payload) {
        Class<? extends Event> type = TYPES.get(topic);
        if (type == null) {
            throw new EventFormatException(topic, "no event type is published on this topic");
        }
        return deserialize(topic, payload, type);
    }

    public <T extends Event> T deserialize(String topic, byte[] payload, Class<T> type) {
        if (payload == null || payload.length == 0) {
            throw new EventFormatException(topic, "empty payload");
        }
        try {
            return mapper.readValue(payload, type);
        } catch (JacksonException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new EventFormatException(topic, cause.getMessage().lines().findFirst().orElse("unreadable"), e);
        }
    }
}
