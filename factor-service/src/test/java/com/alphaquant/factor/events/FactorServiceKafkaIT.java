package com.alphaquant.factor.events;

import static com.alphaquant.support.test.EmbeddedKafkaClients.consumer;
import static com.alphaquant.support.test.EmbeddedKafkaClients.poll;
import static com.alphaquant.support.test.EmbeddedKafkaClients.producer;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.events.EventIds;
import com.alphaquant.events.EventSerde;
import com.alphaquant.events.FactorsComputed;
import com.alphaquant.events.MarketDataIngested;
import com.alphaquant.events.Topics;
import com.alphaquant.factor.Sample;
import com.alphaquant.factor.cache.CachedFactors;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.market.TsCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service with an in-JVM KRaft broker, the real Redis (a key prefix of its own) and the
 * real sample as the bar source: ingest in, factors.computed out, once; poison to the dead letters.
 */
@SpringBootTest(properties = "alphaquant.factor.kafka-listener-enabled=true")
@EmbeddedKafka(partitions = 1, topics = {Topics.MARKET_DATA_INGESTED, Topics.FACTORS_COMPUTED, "market.data.ingested.dlt"})
class FactorServiceKafkaIT {

    static final String PREFIX = "aqtest:" + UUID.randomUUID();
    static final List<String> CODES = Sample.CODES.subList(0, 3).stream().map(TsCode::toString).toList();
    static final EventSerde SERDE = new EventSerde();
    static RedisTemplate<String, byte[]> redisForCleanUp;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add("alphaquant.factor.cache-prefix", () -> PREFIX);
        registry.add("alphaquant.factor.bars-csv", Sample.BARS::toString);
        registry.add("alphaquant.factor.index-csv", Sample.INDEX::toString);
    }

    @Autowired
    RedisTemplate<String, byte[]> redis;
    @Autowired
    FactorComputer computer;
    @Autowired
    CachedFactors factors;

    @AfterAll
    static void cleanUp() {
        if (redisForCleanUp != null) {
            try (Cursor<String> keys = redisForCleanUp.scan(ScanOptions.scanOptions().match(PREFIX + ":*").build())) {
                keys.forEachRemaining(redisForCleanUp::delete);
            }
        }
    }

    static MarketDataIngested ingested(String id, String dataset, String start, String end, List<String> codes) {
        return new MarketDataIngested(id, MarketDataIngested.VERSION, Instant.now(), "job-1", dataset, LocalDate.parse(start),
                LocalDate.parse(end), codes, 100, 0);
    }

    @Test
    void ingestInFactorsOutOnceAndPoisonToTheDeadLetters() throws Exception {
        redisForCleanUp = redis;
        try (KafkaProducer<String, String> producer = producer();
             KafkaConsumer<String, String> computed = consumer("it-computed", Topics.FACTORS_COMPUTED);
             KafkaConsumer<String, String> dead = consumer("it-dlt", Topics.deadLetter(Topics.MARKET_DATA_INGESTED))) {
            MarketDataIngested daily = ingested("ingest-1", "daily", "2022-12-19", "2022-12-20", CODES);
            send(producer, daily.key(), SERDE.toJson(daily));

            List<ConsumerRecord<String, String>> first = poll(computed, 2, Duration.ofSeconds(60));
            assertThat(first).hasSize(2);
            List<FactorsComputed> events = first.stream().map(r -> SERDE.deserialize(Topics.FACTORS_COMPUTED,
                    r.value().getBytes(StandardCharsets.UTF_8), FactorsComputed.class)).toList();
            assertThat(events).extracting(FactorsComputed::tradeDate)
                    .containsExactly(LocalDate.parse("2022-12-19"), LocalDate.parse("2022-12-20"));
            assertThat(first).extracting(ConsumerRecord::key).containsExactly("2022-12-19", "2022-12-20");
            for (FactorsComputed e : events) {
                assertThat(e.eventId()).isEqualTo(EventIds.of(Topics.FACTORS_COMPUTED, "ingest-1", e.tradeDate().toString(),
                        FactorEngine.VERSION));
                assertThat(e.tsCodes()).containsExactlyElementsOf(CODES);
                assertThat(e.factors()).isEqualTo(FactorRegistry.names());
                assertThat(e.engineVersion()).isEqualTo(FactorEngine.VERSION);
            }

            // The cache holds the refreshed month: reading it computes nothing.
            assertThat(redis.hasKey(PREFIX + ":factors:" + FactorEngine.VERSION + ":" + CODES.get(0) + ":2022-12")).isTrue();
            long runs = computer.runs();
            var read = factors.factors(CODES.stream().map(TsCode::of).toList(), LocalDate.parse("2022-12-19"),
                    LocalDate.parse("2022-12-20"));
            assertThat(computer.runs()).isEqualTo(runs);
            for (StockFactors s : read.values()) {
                Sample.assertMatchesWholeHistory(s, 1e-12);
            }

            // Redelivery, two poison messages, a dataset without factors, then a new batch.
            send(producer, daily.key(), SERDE.toJson(daily));
            send(producer, "bad", "{\"not\":\"an event\"");
            send(producer, "2022-12-01", SERDE.toJson(ingested("ingest-x", "daily", "2022-12-01", "2022-12-01", CODES))
                    .replace("\"endDate\":\"2022-12-01\"", "\"endDate\":\"2022-11-01\""));
            MarketDataIngested basics = ingested("ingest-2", "stock_basic", "2022-12-20", "2022-12-20", List.of());
            send(producer, basics.key(), SERDE.toJson(basics));
            MarketDataIngested next = ingested("ingest-3", "adj_factor", "2022-12-16", "2022-12-16", CODES.subList(0, 1));
            send(producer, next.key(), SERDE.toJson(next));

            List<ConsumerRecord<String, String>> after = poll(computed, 1, Duration.ofSeconds(60));
            Thread.sleep(1500);
            computed.poll(Duration.ofMillis(500)).forEach(after::add);
            assertThat(after).hasSize(1); // nothing from the redelivery, nothing from stock_basic
            FactorsComputed third = SERDE.deserialize(Topics.FACTORS_COMPUTED, after.get(0).value().getBytes(StandardCharsets.UTF_8),
                    FactorsComputed.class);
            assertThat(third.tradeDate()).isEqualTo(LocalDate.parse("2022-12-16"));
            assertThat(third.tsCodes()).containsExactly(CODES.get(0));
            assertThat(third.eventId()).isEqualTo(EventIds.of(Topics.FACTORS_COMPUTED, "ingest-3", "2022-12-16", FactorEngine.VERSION));

            List<ConsumerRecord<String, String>> dlt = poll(dead, 2, Duration.ofSeconds(30));
            assertThat(dlt).hasSize(2);
            assertThat(dlt.get(0).value()).isEqualTo("{\"not\":\"an event\"");
            for (ConsumerRecord<String, String> r : dlt) {
                assertThat(new String(r.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                        .contains("Invalid market.data.ingested event");
            }
            assertThat(new String(dlt.get(1).headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("before startDate");
        }
    }

    private static void send(KafkaProducer<String, String> producer, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.MARKET_DATA_INGESTED, key, value)).get();
    }
}
