package com.alphaquant.factor.events;

import static com.alphaquant.testsupport.EmbeddedKafkaClients.consumer;
import static com.alphaquant.testsupport.EmbeddedKafkaClients.poll;
import static com.alphaquant.testsupport.EmbeddedKafkaClients.producer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphaquant.events.EventIds;
import com.alphaquant.events.EventSerde;
import com.alphaquant.events.FactorsComputed;
import com.alphaquant.events.MarketDataReady;
import com.alphaquant.events.Topics;
import com.alphaquant.factor.FactorServiceApplication;
import com.alphaquant.factor.Sample;
import com.alphaquant.factor.cache.RedisConnections;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.testsupport.Replicas;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.TestKafka;
import com.alphaquant.testsupport.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Two replicas of factor-service in its consumer group over a market.data.ready of four
 * partitions: the group splits the partitions between them, each ready event is computed by the
 * replica that owns its partition and by no other, and none is computed again when one replica
 * stops and the other takes its partitions over.
 *
 * <p>data-service keys every ready event {@link MarketDataReady#KEY} (one partition, so jobs are
 * announced in order); here they are spread over every partition, so that both replicas get work.
 */
class FactorScaleOutIT {

    static final int PARTITIONS = 4;
    /** The ready listener's group: its id (Spring Kafka takes a listener's id as its group.id). */
    static final String READY = "factor-ready";
    static final String INGESTED = "factor-ingested";
    static final EventSerde SERDE = new EventSerde();
    /** Trading days of the sample (November 2022 has no holiday): one whole-market job each. */
    static final List<LocalDate> DAYS = IntStream.of(1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16)
            .mapToObj(d -> LocalDate.of(2022, 11, d)).toList();

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void twoReplicasSplitThePartitionsAndComputeEachReadyEventOnce() throws Exception {
        TestKafka.createTopic(Topics.MARKET_DATA_READY, PARTITIONS);
        String prefix = TestRedis.prefix(); // one cache, and one record of handled events, for both
        try (Replicas factor = Replicas.of(FactorServiceApplication.class)
                .with(registry -> {
                    TestInfra.kafka(registry, Topics.MARKET_DATA_INGESTED, Topics.FACTORS_COMPUTED,
                            Topics.deadLetter(Topics.MARKET_DATA_INGESTED), Topics.deadLetter(Topics.MARKET_DATA_READY));
                    TestInfra.redis(registry);
                })
                .property("alphaquant.factor.kafka-listener-enabled", true)
                .property("alphaquant.factor.cache-prefix", prefix)
                .property("alphaquant.factor.bars-csv", Sample.BARS)
                .property("alphaquant.factor.index-csv", Sample.INDEX)
                .start(2);
             KafkaProducer<String, String> producer = producer();
             KafkaConsumer<String, String> computed = consumer(Topics.FACTORS_COMPUTED)) {
            try {
                // The group splits the partitions: each replica owns some, none owns one the other does.
                await().atMost(Duration.ofSeconds(60)).until(() -> settled(owned(factor, 0), owned(factor, 1)));
                Set<TopicPartition> first = owned(factor, 0);
                Set<TopicPartition> second = owned(factor, 1);
                assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
                assertThat(second).isNotEmpty();
                // Whatever earlier tests left for the group is handled before the engine runs are counted.
                await().atMost(Duration.ofSeconds(60)).until(() -> TestKafka.lag(READY, Topics.MARKET_DATA_READY) == 0
                        && TestKafka.lag(INGESTED, Topics.MARKET_DATA_INGESTED) == 0);
                long runs0 = computer(factor, 0).runs();
                long runs1 = computer(factor, 1).runs();

                // Two jobs on each partition: each is announced once, by one replica or the other.
                List<MarketDataReady> both = send(producer, DAYS.subList(0, 2 * PARTITIONS));
                Set<String> bothIds = announcementIds(both);
                assertThat(announced(computed, both.size(), bothIds)).containsExactlyInAnyOrderElementsOf(bothIds);
                // Each replica ran the engine once per job on its own partitions, and for no other.
                assertThat(computer(factor, 0).runs() - runs0).isEqualTo(2L * first.size());
                assertThat(computer(factor, 1).runs() - runs1).isEqualTo(2L * second.size());

                // One replica stops: the other takes every partition over and goes on from where the
                // group stood, computing the new jobs and none of the old again.
                factor.stop(1);
                await().atMost(Duration.ofSeconds(60)).until(() -> owned(factor, 0).size() == PARTITIONS);
                long before = computer(factor, 0).runs();
                List<MarketDataReady> alone = send(producer, DAYS.subList(2 * PARTITIONS, 3 * PARTITIONS));
                Set<String> all = new HashSet<>(bothIds);
                all.addAll(announcementIds(alone));
                // An old job announced again would come before the new job of its partition (one
                // consumer per partition, in order; factors.computed has one key): read through the new ones.
                assertThat(announced(computed, alone.size(), all)).containsExactlyInAnyOrderElementsOf(announcementIds(alone));
                assertThat(computer(factor, 0).runs() - before).isEqualTo(PARTITIONS);

                // Everything sent is committed by the group: a replica started later begins after it.
                await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.lag(READY, Topics.MARKET_DATA_READY) == 0);
            } finally {
                @SuppressWarnings("unchecked")
                RedisTemplate<String, byte[]> redis = factor.context(0).getBean("factorRedisTemplate", RedisTemplate.class);
                RedisConnections.clean(redis, prefix);
            }
        }
    }

    /** Both replicas own partitions of market.data.ready, none twice, all of them together. */
    private static boolean settled(Set<TopicPartition> first, Set<TopicPartition> second) {
        Set<TopicPartition> union = new HashSet<>(first);
        union.addAll(second);
        return !first.isEmpty() && !second.isEmpty() && union.size() == PARTITIONS && first.size() + second.size() == PARTITIONS;
    }

    private static Set<TopicPartition> owned(Replicas factor, int replica) {
        var partitions = factor.bean(replica, KafkaListenerEndpointRegistry.class).getListenerContainer(READY)
                .getAssignedPartitions();
        return partitions == null ? Set.of() : Set.copyOf(partitions);
    }

    private static FactorComputer computer(Replicas factor, int replica) {
        return factor.bean(replica, FactorComputer.class);
    }

    /** A whole-market job per day, the i-th on partition i mod {@link #PARTITIONS}. */
    private List<MarketDataReady> send(KafkaProducer<String, String> producer, List<LocalDate> days) throws Exception {
        List<MarketDataReady> sent = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            MarketDataReady ready = new MarketDataReady(MarketDataReady.idFor("scale-" + run + "-" + days.get(i)),
                    MarketDataReady.VERSION, Instant.now(), "scale-" + run + "-" + days.get(i), days.get(i), days.get(i),
                    List.of("daily"), List.of());
            producer.send(new ProducerRecord<>(Topics.MARKET_DATA_READY, i % PARTITIONS, ready.key(), SERDE.toJson(ready))).get();
            sent.add(ready);
        }
        return sent;
    }

    /** The factors.computed id of each job's one day. */
    private static Set<String> announcementIds(List<MarketDataReady> jobs) {
        Set<String> ids = new HashSet<>();
        jobs.forEach(r -> ids.add(EventIds.of(Topics.FACTORS_COMPUTED, r.eventId(), r.startDate().toString(), FactorEngine.VERSION)));
        return ids;
    }

    /** The ids of the next {@code count} factors.computed events with one of {@code ids}, repeats included. */
    private static List<String> announced(KafkaConsumer<String, String> computed, int count, Set<String> ids) {
        List<ConsumerRecord<String, String>> records = poll(computed, count, Duration.ofSeconds(90), r -> ids.contains(id(r)));
        return records.stream().map(FactorScaleOutIT::id).toList();
    }

    private static String id(ConsumerRecord<String, String> r) {
        return SERDE.deserialize(Topics.FACTORS_COMPUTED, r.value().getBytes(StandardCharsets.UTF_8), FactorsComputed.class).eventId();
    }
}
