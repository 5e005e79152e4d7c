package com.alphaquant.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Each part answers, is the same one on every use, and the embedded Redis can be stopped and started. */
class SharedInfraIT {

    @Test
    void freshDatabasesAreEmptyAndSeparateOnOneServer() throws Exception {
        String a = FreshDatabase.create("aq_support");
        String b = FreshDatabase.create("aq_support");
        assertThat(a).isNotEqualTo(b).contains("reWriteBatchedInserts=true");
        assertThat(TestPostgres.server()).isSameAs(TestPostgres.server());
        try (Connection c = DriverManager.getConnection(a, FreshDatabase.user(), FreshDatabase.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from information_schema.tables where table_schema = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void redisAnswersAndIsTheSameServerEveryTime() {
        assertThat(TestRedis.answersPing(TestRedis.host(), TestRedis.port())).isTrue();
        assertThat(TestRedis.server()).isSameAs(TestRedis.server());
        assertThat(TestRedis.prefix()).startsWith("aqtest:").isNotEqualTo(TestRedis.prefix());
    }

    @Test
    void anEmbeddedRedisOfItsOwnStopsAndStartsAgainOnItsPort() {
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            assertThat(TestRedis.answersPing("127.0.0.1", redis.port())).isTrue();
            redis.stop();
            assertThat(redis.isRunning()).isFalse();
            assertThat(TestRedis.answersPing("127.0.0.1", redis.port())).isFalse();
            redis.resume();
            assertThat(TestRedis.answersPing("127.0.0.1", redis.port())).isTrue();
        }
    }

    @Test
    void aConsumerSeesOnlyWhatIsPublishedAfterItWasMade() throws Exception {
        String topic = "test-support-" + UUID.randomUUID();
        TestKafka.createTopics(topic, topic); // twice: the second is a no-op
        TestKafka.createTopics(topic);
        assertThat(TestKafka.brokers()).isEqualTo(System.getProperty("spring.embedded.kafka.brokers"));
        try (KafkaProducer<String, String> producer = EmbeddedKafkaClients.producer()) {
            producer.send(new ProducerRecord<>(topic, "before", "1")).get();
            try (KafkaConsumer<String, String> consumer = EmbeddedKafkaClients.consumer(topic)) {
                producer.send(new ProducerRecord<>(topic, "after", "2")).get();
                List<ConsumerRecord<String, String>> read = EmbeddedKafkaClients.poll(consumer, 1, Duration.ofSeconds(30));
                assertThat(read).extracting(ConsumerRecord::key).containsExactly("after");
            }
        }
    }
}
