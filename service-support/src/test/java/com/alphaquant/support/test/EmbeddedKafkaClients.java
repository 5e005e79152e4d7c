package com.alphaquant.support.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients on the {@code @EmbeddedKafka} broker of a test (its address is the system
 * property {@code spring.embedded.kafka.brokers}): the tests send and read events as any other
 * system would, not through the service's own Spring beans.
 */
public final class EmbeddedKafkaClients {

    private EmbeddedKafkaClients() {
    }

    public static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers());
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** A consumer of {@code topic} in its own group, from the earliest record. */
    public static KafkaConsumer<String, String> consumer(String group, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        c.subscribe(List.of(topic));
        return c;
    }

    /** Polls until {@code expected} records arrived or {@code max} passed; returns what arrived. */
    public static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> c, int expected, Duration max) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + max.toMillis();
        while (records.size() < expected && System.currentTimeMillis() < deadline) {
            c.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return records;
    }

    private static String brokers() {
        String brokers = System.getProperty("spring.embedded.kafka.brokers");
        if (brokers == null) {
            throw new IllegalStateException("No embedded Kafka broker: annotate the test with @EmbeddedKafka");
        }
        return brokers;
    }
}
