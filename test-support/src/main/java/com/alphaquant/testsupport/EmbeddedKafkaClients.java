package com.alphaquant.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients on the tests' shared broker ({@link TestKafka}): the tests send and read
 * events as any other system would, not through the service's own Spring beans.
 */
public final class EmbeddedKafkaClients {

    private EmbeddedKafkaClients() {
    }

    public static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.brokers());
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /**
     * A consumer of {@code topic} that sees only what is published from now on: its partitions
     * are assigned directly (no consumer group) and positioned at their current end before this
     * returns, so records other tests of the JVM left on the shared broker are not read.
     */
    public static KafkaConsumer<String, String> consumer(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.brokers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        if (partitions.isEmpty()) {
            c.close();
            throw new IllegalStateException("No topic " + topic + " on the test broker: create it with TestKafka.createTopics");
        }
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(tp -> c.position(tp, Duration.ofSeconds(30))); // fixes "now" before returning
        return c;
    }

    /** Polls until {@code expected} records arrived or {@code max} passed; returns what arrived. */
    public static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> c, int expected, Duration max) {
        return poll(c, expected, max, r -> true);
    }

    /**
     * Polls until {@code expected} records that are {@code mine} arrived or {@code max} passed;
     * returns those (the others, from other tests on the shared broker, are skipped).
     */
    public static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> c, int expected, Duration max,
                                                            Predicate<ConsumerRecord<String, String>> mine) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + max.toMillis();
        while (records.size() < expected && System.currentTimeMillis() < deadline) {
            c.poll(Duration.ofMillis(300)).forEach(r -> {
                if (mine.test(r)) {
                    records.add(r);
                }
            });
        }
        return records;
    }

    /**
     * Polls until the consumer has read everything its partitions held when this was called;
     * returns what it read. Once every send has been acknowledged (an outbox with nothing
     * pending), this is all there is: that nothing more was published is seen without waiting.
     */
    public static List<ConsumerRecord<String, String>> pollToEnd(KafkaConsumer<String, String> c, Duration max) {
        Map<TopicPartition, Long> ends = c.endOffsets(c.assignment(), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + max.toMillis();
        while (ends.entrySet().stream().anyMatch(end -> c.position(end.getKey()) < end.getValue())) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Not at the end of " + ends + " within " + max + "; read " + records.size());
            }
            c.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return records;
    }

    /**
     * Polls until a record matching {@code marker} arrives or {@code max} passes; returns every
     * record read up to and including the marker. To show that some earlier input produced
     * nothing, publish it before an input whose output is the marker: on one partition the
     * output of the earlier input would arrive first, so "nothing" is seen without waiting.
     */
    public static List<ConsumerRecord<String, String>> pollThrough(KafkaConsumer<String, String> c,
                                                                   Predicate<ConsumerRecord<String, String>> marker, Duration max) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + max.toMillis();
        while (System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                records.add(r);
                if (marker.test(r)) {
                    return records;
                }
            }
        }
        throw new AssertionError("No marker record within " + max + "; read " + records.size() + " others");
    }
}
