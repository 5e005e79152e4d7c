package com.alphaquant.data.outbox;

import com.alphaquant.support.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.events.EventIds;
import com.alphaquant.events.EventSerde;
import com.alphaquant.events.MarketDataIngested;
import com.alphaquant.events.Topics;
import com.alphaquant.support.outbox.Outbox;
import com.alphaquant.support.outbox.OutboxRelay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against real PostgreSQL and a real (in-JVM KRaft) Kafka broker. */
@SpringBootTest(properties = {"alphaquant.data.job-polling=false", "alphaquant.outbox.interval=1h"})
@EmbeddedKafka(partitions = 1, topics = Topics.MARKET_DATA_INGESTED)
class OutboxIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> FreshDatabase.create("aq_outbox"));
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
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
        assertThatThrownBy(() -> new OutboxRelay(jdbc, deadBroker).publishBatch(100)).isNotNull();
        assertThat(relay.pending()).isEqualTo(2);

        // The broker answers again: the relay publishes both, in order, keyed by trade date.
        assertThat(relay.publishBatch(100)).isEqualTo(2);
        assertThat(relay.pending()).isZero();

        List<ConsumerRecord<String, String>> records = consumeAll(2);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("2022-01-04", "2022-01-05");
        MarketDataIngested first = (MarketDataIngested) new EventSerde().deserialize(Topics.MARKET_DATA_INGESTED,
                records.get(0).value().getBytes(StandardCharsets.UTF_8));
        assertThat(first.eventId()).isEqualTo(EventIds.of("test", "2022-01-04"));
    }

    @Test
    void anEventNeedsTheDataTransaction() {
        assertThatThrownBy(() -> outbox.add(event("2022-01-06")))
                .hasMessageContaining("No existing transaction");
    }

    private static List<ConsumerRecord<String, String>> consumeAll(int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers"));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-it");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.MARKET_DATA_INGESTED));
            long deadline = System.currentTimeMillis() + 20_000;
            while (records.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
