package com.alphaquant.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-JVM KRaft Kafka broker for every test of the JVM, started on first use and stopped
 * when the JVM exits. Test classes share it, so they share its topics and consumer groups: a
 * test reads from where a topic stood when it began ({@link EmbeddedKafkaClients#consumer}) or
 * picks its own records out by key or id, never "everything on the topic".
 */
public final class TestKafka {

    /** Topics are made with one partition, so that a topic's records keep their order. */
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
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Arrays.stream(topics).distinct().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList();
            for (var created : admin.createTopics(missing).values().values()) {
                try {
                    created.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topics " + Arrays.toString(topics) + ": " + e, e);
        }
    }
}
