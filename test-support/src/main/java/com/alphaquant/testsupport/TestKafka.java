package com.alphaquant.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-JVM KRaft Kafka broker for every test of the JVM, started on first use and stopped
 * when the JVM exits. Test classes share it, so they share its topics and consumer groups: a
 * test reads from where a topic stood when it began ({@link EmbeddedKafkaClients#consumer}) or
 * picks its own records out by key or id, never "everything on the topic".
 */
public final class TestKafka {

    /** Topics are made with one partition, so that a topic's records keep their order ({@link #createTopic} for more). */
    public static final int PARTITIONS = 1;

    private TestKafka() {
    }

    private static final class Holder {
        static final EmbeddedKafkaKraftBroker BROKER = start();

        private static EmbeddedKafkaKraftBroker start() {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
            broker.afterPropertiesSet();
            Infra.onExit("Kafka", broker::destroy);
            Infra.log("Kafka", "in-JVM KRaft broker on " + broker.getBrokersAsString(), "one per JVM, shared by its tests");
            return broker;
        }
    }

    /** The broker's bootstrap address, starting it on first use. */
    public static String brokers() {
        return Holder.BROKER.getBrokersAsString();
    }

    /** Creates the topics not there yet ({@link #PARTITIONS} partition each); existing ones are kept as they are. */
    public static synchronized void createTopics(String... topics) {
        if (topics.length == 0) {
            return;
        }
        try (Admin admin = admin()) {
            createMissing(admin, Arrays.asList(topics), PARTITIONS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topics " + Arrays.toString(topics) + ": " + e, e);
        }
    }

    /**
     * Gives {@code topic} at least {@code partitions} partitions, creating it or adding to it: for
     * a test of a consumer group splitting a topic. Partitions are never taken away, so the tests
     * of the JVM that come later find the topic so: their records keep their order per key, which
     * is all the services' keys promise.
     */
    public static synchronized void createTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            createMissing(admin, List.of(topic), partitions);
            int now = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
            if (now < partitions) {
                admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot give " + topic + " " + partitions + " partitions: " + e, e);
        }
    }

    /**
     * The records of {@code topic} that consumer group {@code group} has not committed yet (all of
     * a partition's when it committed none there): 0 once the group has handled everything.
     */
    public static long lag(String group, String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the lag of " + group + " on " + topic + ": " + e, e);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()));
    }

    private static void createMissing(Admin admin, List<String> topics, int partitions) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = topics.stream().distinct().filter(t -> !existing.contains(t))
                .map(t -> new NewTopic(t, partitions, (short) 1)).toList();
        for (var created : admin.createTopics(missing).values().values()) {
            try {
                created.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
