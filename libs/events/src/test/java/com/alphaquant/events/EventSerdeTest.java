package com.alphaquant.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSerdeTest {

    private final EventSerde serde = new EventSerde();
    private static final Instant NOW = Instant.parse("2024-01-02T07:30:00Z");
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);

    static List<Event> oneOfEach() {
        return List.of(
                new MarketDataIngested(EventIds.of("job-1", "daily", "1"), 1, NOW, "job-1", "daily", DAY, DAY,
                        List.of("600519.SH", "000001.SZ"), 5000, 2),
                new MarketDataReady(MarketDataReady.idFor("job-1"), 1, NOW, "job-1", DAY, DAY.plusDays(1),
                        List.of("adj_factor", "daily", "index_daily"), List.of()),
                new FactorsComputed(EventIds.of("f", "2024-01-02"), 1, NOW, DAY, List.of("600519.SH"),
                        List.of("RET", "RSI14"), "factors-1"),
                new ModelPredictions("p-1", 1, NOW, "transformer", "m-3", DAY, 20,
                        List.of(new ModelPredictions.Prediction("600519.SH", 0.012, 0.8, 0.05))),
                new StrategySignal(StrategySignal.idFor("multi_factor", DAY, "600519.SH", "1"), 1, NOW, "multi_factor", "1",
                        null, DAY, "600519.SH", StrategySignal.Action.BUY, 0.71,
                        Map.of("trend", 0.9, "momentum", 0.6), 0.03, List.of("max_single_trade")),
                new BacktestCompleted("b-1", 1, NOW, "bt-42", "buy_and_hold", DAY, DAY.plusDays(30), "SUCCEEDED",
                        Map.of("sharpe", 1.2), "backtest-1"));
    }

    @Test
    void everyEventRoundTripsOnItsTopic() {
        for (Event event : oneOfEach()) {
            Event back = serde.deserialize(event.topic(), serde.serialize(event));
            assertThat(back).isEqualTo(event);
        }
    }

    @Test
    void writesIsoDatesAndTheDocumentedFieldNames() {
        String json = serde.toJson(oneOfEach().get(4));
        assertThat(json).contains("\"asOf\":\"2024-01-02\"", "\"occurredAt\":\"2024-01-02T07:30:00Z\"",
                "\"tsCode\":\"600519.SH\"", "\"action\":\"BUY\"", "\"schemaVersion\":1");
    }

    @Test
    void keysFollowTheOrderingEachConsumerNeeds() {
        List<Event> events = oneOfEach();
        assertThat(events).extracting(Event::key)
                .containsExactly("2024-01-02", "market", "market", "2024-01-02", "600519.SH", "bt-42");
        assertThat(events).extracting(Event::topic).containsExactly(Topics.MARKET_DATA_INGESTED,
                Topics.MARKET_DATA_READY, Topics.FACTORS_COMPUTED, Topics.MODEL_PREDICTIONS, Topics.STRATEGY_SIGNALS, Topics.BACKTEST_COMPLETED);
        assertThat(Topics.deadLetter(Topics.FACTORS_COMPUTED)).isEqualTo("factors.computed.dlt");
    }

    @Test
    void sameFactsGiveTheSameSignalId() {
        assertThat(StrategySignal.idFor("multi_factor", DAY, "600519.SH", "1"))
                .isEqualTo(StrategySignal.idFor("multi_factor", DAY, "600519.SH", "1"))
                .isNotEqualTo(StrategySignal.idFor("multi_factor", DAY, "600519.SH", "2"));
    }

    @Test
    void aJobHasOneReadyEventAndItsDatesMustBeInOrder() {
        assertThat(MarketDataReady.idFor("job-1")).isEqualTo(MarketDataReady.idFor("job-1"))
                .isNotEqualTo(MarketDataReady.idFor("job-2"));
        MarketDataReady ready = (MarketDataReady) oneOfEach().get(1);
        assertThat(ready.wholeMarket()).isTrue();
        assertThat(serde.toJson(ready)).contains("\"jobId\":\"job-1\"", "\"startDate\":\"2024-01-02\"",
                "\"endDate\":\"2024-01-03\"", "\"datasets\":[\"adj_factor\",\"daily\",\"index_daily\"]", "\"tsCodes\":[]");
        String reversed = serde.toJson(ready).replace("\"endDate\":\"2024-01-03\"", "\"endDate\":\"2024-01-01\"");
        assertThatThrownBy(() -> serde.deserialize(Topics.MARKET_DATA_READY, reversed.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("before startDate");
    }

    @Test
    void ignoresFieldsAddedByNewerProducers() {
        String json = serde.toJson(oneOfEach().get(2)).replace("{", "{\"addedLater\":42,");
        assertThat(serde.deserialize(Topics.FACTORS_COMPUTED, json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(oneOfEach().get(2));
    }

    @Test
    void rejectsPoisonMessagesWithTheReason() {
        assertThatThrownBy(() -> serde.deserialize(Topics.FACTORS_COMPUTED, "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class)
                .hasMessageStartingWith("Invalid factors.computed event:");
        String badCode = serde.toJson(oneOfEach().get(4)).replace("\"tsCode\":\"600519.SH\"", "\"tsCode\":\"600519\"");
        assertThatThrownBy(() -> serde.deserialize(Topics.STRATEGY_SIGNALS, badCode.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("invalid ts_code '600519'");
        String future = serde.toJson(oneOfEach().get(5)).replace("\"schemaVersion\":1", "\"schemaVersion\":9");
        assertThatThrownBy(() -> serde.deserialize(Topics.BACKTEST_COMPLETED, future.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("schemaVersion 9 is not supported");
        assertThatThrownBy(() -> serde.deserialize("unknown.topic", "{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("no event type");
        assertThatThrownBy(() -> serde.deserialize(Topics.BACKTEST_COMPLETED, new byte[0]))
                .hasMessageContaining("empty payload");
    }
}
