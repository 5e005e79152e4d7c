package com.alphaquant.support.kafka;

import com.alphaquant.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends what a topic's dead-letter topic holds back to the topic, once the cause is fixed (a
 * service that was down for longer than the retries, a bug since deployed). Reads
 * {@code <topic>.dlt} with its own consumer group, re-publishes each record's key and value to
 * {@code <topic>} (the consumers dedupe by event id, so a replayed event that had been handled
 * after all does nothing), and commits after the broker acknowledged each batch: a replay
 * interrupted half-way resumes where it stopped, and records are replayed once.
 */
public class DeadLetterReplay {

    /** The consumer group that remembers how far each dead-letter topic was replayed. */
    public static final String GROUP = "alphaquant-dead-letter-replay";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final Duration POLL = Duration.ofSeconds(2);

    /** What a replay did, and what the dead-letter topic still holds. */
    public record Result(String topic, String deadLetterTopic, int replayed, long remaining) {
    }

    private final ConsumerFactory<String, String> consumers;
    private final KafkaTemplate<String, String> producer;

    public DeadLetterReplay(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> producer) {
        this.consumers = consumers;
        this.producer = producer;
    }

    /** Re-publishes up to {@code max} dead letters of {@code topic}, oldest first. */
    public synchronized Result replay(String topic, int max) {
        String dlt = Topics.deadLetter(topic);
        int replayed = 0;
        try (Consumer<String, String> consumer = open(dlt)) {
            while (replayed < max) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    break;
                }
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, String> r : records) {
                    if (replayed == max) {
                        break;
                    }
                    send(topic, r);
                    done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                    replayed++;
                }
                consumer.commitSync(done);
                done.forEach((tp, offset) -> consumer.seek(tp, offset.offset()));
            }
            long remaining = remaining(consumer);
            log.info("Replayed {} dead letters from {} to {}; {} remain", replayed, dlt, topic, remaining);
            return new Result(topic, dlt, replayed, remaining);
        }
    }

    /** What {@code <topic>.dlt} holds beyond the last replay. */
    public Result pending(String topic) {
        String dlt = Topics.deadLetter(topic);
        try (Consumer<String, String> consumer = open(dlt)) {
            return new Result(topic, dlt, 0, remaining(consumer));
        }
    }

    private Consumer<String, String> open(String dlt) {
        Consumer<String, String> consumer = consumers.createConsumer(GROUP, null, null, consumerProperties());
        List<TopicPartition> partitions = consumer.partitionsFor(dlt, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata at = committed.get(tp);
            if (at == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, at.offset());
            }
        }
        return consumer;
    }

    private static Properties consumerProperties() {
        Properties p = new Properties();
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", "earliest");
        p.put("allow.auto.create.topics", "false"); // asking whether a dead-letter topic exists must not create it
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        return p;
    }

    /** Whether the broker has {@code <topic>.dlt}. */
    public boolean exists(String topic) {
        try (Consumer<String, String> consumer = consumers.createConsumer(GROUP, null, null, consumerProperties())) {
            return consumer.listTopics(Duration.ofSeconds(10)).containsKey(Topics.deadLetter(topic));
        }
    }

    private void send(String topic, ConsumerRecord<String, String> r) {
        try {
            producer.send(topic, r.key(), r.value()).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying to " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not replay a dead letter to " + topic + ": " + e.getMessage(), e);
        }
    }

    private static long remaining(Consumer<String, String> consumer) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        long n = 0;
        for (TopicPartition tp : consumer.assignment()) {
            n += ends.get(tp) - consumer.position(tp);
        }
        return n;
    }
}
