package com.alphaquant.data.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.events.EventIds;
import com.alphaquant.events.EventSerde;
import com.alphaquant.events.MarketDataIngested;
import com.alphaquant.events.Topics;
import com.alphaquant.support.outbox.Outbox;
import com.alphaquant.support.outbox.OutboxRelay;
import com.alphaquant.testsupport.EmbeddedKafkaClients;
import com.alphaquant.testsupport.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against real PostgreSQL and a real (in-JVM KRaft) Kafka broker. The broker is shared
 * with the JVM's other tests: the test reads from where the topic stood when it began, and only
 * its own events.
 */
@SpringBootTest(properties = {"alphaquant.data.job-polling=false", "alphaquant.outbox.interval=1h"})
class OutboxIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_outbox");
        TestInfra.kafka(registry, Topics.MARKET_DATA_INGESTED);
    }

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    private static MarketDataIngested event(String day) {
        LocalDate d = LocalDate.parse(day);
        return new MarketDataIngested(EventIds.of("test", day), 1, Instant.now(), "job", "daily", d, d,
                List.of("600519.SH"), 10, 0);
    }

    @Test
    void eventsCommittedWhileKafkaIsDownArePublishedOnceItIsBack() throws Exception {
        KafkaConsumer<String, String> ingested = EmbeddedKafkaClients.consumer(Topics.MARKET_DATA_INGESTED);
        tx.executeWithoutResult(s -> {
            outbox.add(event("2022-01-04"));
            outbox.add(event("2022-01-05"));
            outbox.add(event("2022-01-05")); // a retried unit writes the same event again: kept once
        });
        assertThat(relay.pending()).isEqualTo(2);

        // Kafka unreachable at commit time: nothing is lost, nothing marked published.
        KafkaTemplate<String, String> deadBroker = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
        // The producer cannot fetch the topic's metadata within max.block.ms: a Kafka TimeoutException.
        assertThatThrownBy(() -> new OutboxRelay(jdbc, deadBroker, tx, Duration.ofDays(7)).publishBatch(100))
                .isInstanceOf(org.springframework.kafka.KafkaException.class).hasMessage("Send failed")
                .rootCause().isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        assertThat(relay.pending()).isEqualTo(2);

        // The broker answers again: the relay publishes both, in order, keyed by trade date.
        assertThat(relay.publishBatch(100)).isEqualTo(2);
        assertThat(relay.pending()).isZero();

        // Only this test's events (another test's service may publish to the shared topic too).
        List<String> ours = List.of(EventIds.of("test", "2022-01-04"), EventIds.of("test", "2022-01-05"));
        List<ConsumerRecord<String, String>> records;
        try (ingested) {
            records = EmbeddedKafkaClients.poll(ingested, 2, Duration.ofSeconds(20), r -> ours.contains(published(r).eventId()));
        }
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("2022-01-04", "2022-01-05");
        assertThat(records).extracting(r -> published(r).eventId()).containsExactlyElementsOf(ours);
    }

    @Test
    void twoRelaysShareTheTableAndPublishEachEventOnce() throws Exception {
        KafkaConsumer<String, String> ingested = EmbeddedKafkaClients.consumer(Topics.MARKET_DATA_INGESTED);
        List<String> ours = new java.util.ArrayList<>();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 400; i++) {
                MarketDataIngested e = event(LocalDate.of(2023, 1, 1).plusDays(i).toString());
                outbox.add(e);
                ours.add(e.eventId());
            }
        });
        OutboxRelay other = new OutboxRelay(jdbc, relayTemplate(), tx, Duration.ofDays(7));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> drain(relay));
            var b = pool.submit(() -> drain(other));
            int first = a.get();
            int second = b.get();
            assertThat(first + second).isEqualTo(400);
            System.out.printf("[outbox] two relays published %d + %d events%n", first, second);
        } finally {
            pool.shutdownNow();
        }
        List<ConsumerRecord<String, String>> records;
        try (ingested) {
            records = EmbeddedKafkaClients.poll(ingested, 400, Duration.ofSeconds(30), r -> ours.contains(published(r).eventId()));
        }
        assertThat(records).extracting(r -> published(r).eventId()).doesNotHaveDuplicates().hasSize(400);
    }

    @Test
    void publishedEventsArePrunedAfterTheRetentionAndUnpublishedOnesNever() {
        tx.executeWithoutResult(s -> {
            outbox.add(event("2021-03-01"));
            outbox.add(event("2021-03-02"));
            outbox.add(event("2021-03-03"));
        });
        jdbc.update("update outbox set published_at = now() - interval '8 days' where event_id = ?", EventIds.of("test", "2021-03-01"));
        jdbc.update("update outbox set published_at = now() - interval '1 day' where event_id = ?", EventIds.of("test", "2021-03-02"));

        new OutboxRelay(jdbc, relayTemplate(), tx, Duration.ofDays(7)).prune();

        List<String> left = jdbc.queryForList("select event_id from outbox where event_id in (?,?,?)", String.class,
                EventIds.of("test", "2021-03-01"), EventIds.of("test", "2021-03-02"), EventIds.of("test", "2021-03-03"));
        // Leaves no pending row to the other tests.
        jdbc.update("delete from outbox where event_id in (?,?,?)", EventIds.of("test", "2021-03-01"),
                EventIds.of("test", "2021-03-02"), EventIds.of("test", "2021-03-03"));
        assertThat(left).containsExactlyInAnyOrder(EventIds.of("test", "2021-03-02"), EventIds.of("test", "2021-03-03"));
    }

    @Autowired
    KafkaTemplate<String, String> kafkaTemplate;

    private KafkaTemplate<String, String> relayTemplate() {
        return kafkaTemplate;
    }

    private static int drain(OutboxRelay relay) throws Exception {
        int total = 0;
        int n;
        while ((n = relay.publishBatch(25)) > 0) {
            total += n;
        }
        return total;
    }

    private static MarketDataIngested published(ConsumerRecord<String, String> r) {
        return (MarketDataIngested) new EventSerde().deserialize(Topics.MARKET_DATA_INGESTED, r.value().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEventNeedsTheDataTransaction() {
        assertThatThrownBy(() -> outbox.add(event("2022-01-06")))
                .hasMessageContaining("No existing transaction");
    }
}
