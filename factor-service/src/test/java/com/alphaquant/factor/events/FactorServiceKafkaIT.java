package com.alphaquant.factor.events;

import static com.alphaquant.testsupport.EmbeddedKafkaClients.consumer;
import static com.alphaquant.testsupport.EmbeddedKafkaClients.poll;
import static com.alphaquant.testsupport.EmbeddedKafkaClients.pollThrough;
import static com.alphaquant.testsupport.EmbeddedKafkaClients.producer;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.events.EventIds;
import com.alphaquant.events.EventSerde;
import com.alphaquant.events.FactorsComputed;
import com.alphaquant.events.MarketDataIngested;
import com.alphaquant.events.MarketDataReady;
import com.alphaquant.events.Topics;
import com.alphaquant.factor.Sample;
import com.alphaquant.factor.cache.CachedFactors;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.market.TsCode;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service with the JVM's in-JVM KRaft broker, the tests' Redis (a key prefix of its own)
 * and the real sample as the bar source: ingested batches refresh the cache and announce nothing; a ready
 * job announces factors.computed per day, once; poison goes to the dead letters.
 */
@SpringBootTest(properties = "alphaquant.factor.kafka-listener-enabled=true")
// Closed after the class, so that its listeners leave the factor-service group (FactorScaleOutIT's replicas join it).
@DirtiesContext
class FactorServiceKafkaIT {

    static final String PREFIX = TestRedis.prefix();
    static final List<String> CODES = Sample.CODES.subList(0, 3).stream().map(TsCode::toString).toList();
    static final EventSerde SERDE = new EventSerde();
    static RedisTemplate<String, byte[]> redisForCleanUp;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfra.kafka(registry, Topics.MARKET_DATA_INGESTED, Topics.MARKET_DATA_READY, Topics.FACTORS_COMPUTED,
                Topics.deadLetter(Topics.MARKET_DATA_INGESTED), Topics.deadLetter(Topics.MARKET_DATA_READY));
        TestInfra.redis(registry);
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

    static MarketDataReady ready(String job, String start, String end, List<String> datasets, List<String> codes) {
        return new MarketDataReady(MarketDataReady.idFor(job), MarketDataReady.VERSION, Instant.now(), job,
                LocalDate.parse(start), LocalDate.parse(end), datasets, codes);
    }

    static List<FactorsComputed> events(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> SERDE.deserialize(Topics.FACTORS_COMPUTED,
                r.value().getBytes(StandardCharsets.UTF_8), FactorsComputed.class)).toList();
    }

    /** The factors.computed record of {@code day}. */
    static java.util.function.Predicate<ConsumerRecord<String, String>> on(String day) {
        return r -> events(List.of(r)).get(0).tradeDate().equals(LocalDate.parse(day));
    }

    @Test
    void ingestRefreshesTheCacheReadyAnnouncesEachDayOnceAndPoisonGoesToTheDeadLetters() throws Exception {
        redisForCleanUp = redis;
        try (KafkaProducer<String, String> producer = producer();
             KafkaConsumer<String, String> computed = consumer(Topics.FACTORS_COMPUTED);
             KafkaConsumer<String, String> deadReady = consumer(Topics.deadLetter(Topics.MARKET_DATA_READY));
             KafkaConsumer<String, String> deadIngested = consumer(Topics.deadLetter(Topics.MARKET_DATA_INGESTED))) {
            // One unit of a job: the cache is refreshed, but the day is not complete, so nothing is announced.
            MarketDataIngested daily = ingested("ingest-1", "daily", "2022-12-19", "2022-12-20", CODES);
            send(producer, Topics.MARKET_DATA_INGESTED, daily.key(), SERDE.toJson(daily));
            String chunk = PREFIX + ":factors:" + FactorEngine.VERSION + ":" + CODES.get(0) + ":2022-12";
            long deadline = System.currentTimeMillis() + 60_000;
            while (!Boolean.TRUE.equals(redis.hasKey(chunk)) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(redis.hasKey(chunk)).isTrue();

            // The (whole-market) job finished: one factors.computed per trade date, in date order, under one key.
            // Its last day is the marker: anything the unit above had announced would have come before it.
            MarketDataReady done = ready("job-1", "2022-12-17", "2022-12-20", List.of("daily"), List.of());
            send(producer, Topics.MARKET_DATA_READY, done.key(), SERDE.toJson(done));
            List<ConsumerRecord<String, String>> first = pollThrough(computed, on("2022-12-20"), Duration.ofSeconds(60));
            assertThat(first).hasSize(2);
            List<FactorsComputed> events = events(first);
            assertThat(events).extracting(FactorsComputed::tradeDate) // 17th and 18th are a weekend
                    .containsExactly(LocalDate.parse("2022-12-19"), LocalDate.parse("2022-12-20"));
            assertThat(first).extracting(ConsumerRecord::key).containsOnly(FactorsComputed.KEY);
            for (FactorsComputed e : events) {
                assertThat(e.eventId()).isEqualTo(EventIds.of(Topics.FACTORS_COMPUTED, done.eventId(),
                        e.tradeDate().toString(), FactorEngine.VERSION));
                assertThat(e.tsCodes()).containsAll(CODES).hasSizeGreaterThan(CODES.size()); // every stock with a bar that day
                assertThat(e.factors()).isEqualTo(FactorRegistry.names());
                assertThat(e.engineVersion()).isEqualTo(FactorEngine.VERSION);
            }

            // The cache holds the refreshed month: reading it computes nothing.
            long runs = computer.runs();
            var read = factors.factors(CODES.stream().map(TsCode::of).toList(), LocalDate.parse("2022-12-19"),
                    LocalDate.parse("2022-12-20"));
            assertThat(computer.runs()).isEqualTo(runs);
            for (StockFactors s : read.values()) {
                Sample.assertMatchesWholeHistory(s, 1e-12);
            }

            // Redelivery, poison, a job without factor inputs, then two more jobs (named stocks, whole market).
            send(producer, Topics.MARKET_DATA_READY, done.key(), SERDE.toJson(done));
            send(producer, Topics.MARKET_DATA_READY, "market", "{\"not\":\"an event\"");
            send(producer, Topics.MARKET_DATA_READY, "market", SERDE.toJson(ready("job-x", "2022-12-01", "2022-12-01",
                    List.of("daily"), CODES)).replace("\"endDate\":\"2022-12-01\"", "\"endDate\":\"2022-11-01\""));
            send(producer, Topics.MARKET_DATA_INGESTED, "bad", "{\"not\":\"an event\"");
            MarketDataReady basics = ready("job-2", "2022-12-20", "2022-12-20", List.of("stock_basic", "trade_cal"), List.of());
            send(producer, Topics.MARKET_DATA_READY, basics.key(), SERDE.toJson(basics));
            MarketDataReady one = ready("job-3", "2022-12-16", "2022-12-16", List.of("adj_factor"), CODES.subList(0, 1));
            send(producer, Topics.MARKET_DATA_READY, one.key(), SERDE.toJson(one));
            MarketDataReady market = ready("job-4", "2022-12-15", "2022-12-15", List.of("daily", "index_daily"), List.of());
            send(producer, Topics.MARKET_DATA_READY, market.key(), SERDE.toJson(market));

            // The last job's day is the marker. Nothing before it from the redelivery, nothing from
            // stock_basic, nothing from the one-stock job (its data is complete, the market's day is
            // not): only the whole-market job's day.
            List<ConsumerRecord<String, String>> after = pollThrough(computed, on("2022-12-15"), Duration.ofSeconds(60));
            assertThat(after).hasSize(1);
            List<FactorsComputed> later = events(after);
            assertThat(later.get(0).tradeDate()).isEqualTo(LocalDate.parse("2022-12-15"));
            assertThat(later.get(0).eventId()).isEqualTo(EventIds.of(Topics.FACTORS_COMPUTED, market.eventId(), "2022-12-15",
                    FactorEngine.VERSION));
            assertThat(later.get(0).tsCodes()).hasSizeGreaterThan(CODES.size()) // the whole market, not the job's stocks
                    .isSubsetOf(Sample.CODES.stream().map(TsCode::toString).toList());

            List<ConsumerRecord<String, String>> dlt = poll(deadReady, 2, Duration.ofSeconds(30));
            assertThat(dlt).hasSize(2);
            assertThat(dlt.get(0).value()).isEqualTo("{\"not\":\"an event\"");
            for (ConsumerRecord<String, String> r : dlt) {
                assertThat(new String(r.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                        .contains("Invalid market.data.ready event");
            }
            assertThat(new String(dlt.get(1).headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("before startDate");
            List<ConsumerRecord<String, String>> dltIngested = poll(deadIngested, 1, Duration.ofSeconds(30));
            assertThat(dltIngested).hasSize(1);
            assertThat(new String(dltIngested.get(0).headers().lastHeader("kafka_dlt-exception-message").value(),
                    StandardCharsets.UTF_8)).contains("Invalid market.data.ingested event");
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
}
