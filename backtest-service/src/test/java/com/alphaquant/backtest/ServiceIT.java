package com.alphaquant.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.events.Topics;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every integration test shares, so that Spring caches one context for all of them: the
 * service on a random port over a fresh PostgreSQL database, the JVM's in-JVM KRaft Kafka broker, and
 * bars from a real HTTP server speaking data-service's API over the real sample, model predictions
 * from another speaking model-service's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.backtest.bars=data-service", "alphaquant.backtest.job-poll-interval=100ms",
        "alphaquant.outbox.interval=200ms", "alphaquant.backtest.job-stale-after=3s",
        "alphaquant.backtest.optimizer-threads=2"})
public abstract class ServiceIT {

    protected static final FakeDataService DATA_SERVICE = FakeDataService.shared();
    protected static final FakeModelService MODEL_SERVICE = FakeModelService.shared();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_backtest");
        TestInfra.kafka(registry, Topics.BACKTEST_COMPLETED);
        registry.add("alphaquant.backtest.data-service-url", DATA_SERVICE::url);
        registry.add("alphaquant.backtest.model-service-url", MODEL_SERVICE::url);
    }

    @Value("${local.server.port}")
    protected int port;

    protected final HttpClient http = HttpClient.newHttpClient();
    protected final JsonMapper json = JsonMapper.builder().build();

    protected HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = get(path, "application/json");
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** Submits and returns the job id, checking the 202 and its Location. */
    protected UUID submit(String path, String body) throws Exception {
        HttpResponse<String> r = post(path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        UUID id = UUID.fromString(json.readTree(r.body()).get("id").asString());
        assertThat(r.headers().firstValue("Location")).contains(path + "/" + id);
        return id;
    }

    /** Polls the job until it ends; fails after {@code limit}. */
    protected JsonNode awaitEnd(String path, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode job = getJson(path);
        while (System.nanoTime() < deadline) {
            job = getJson(path);
            String status = job.get("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not end within " + limit + ": " + job);
    }

    /**
     * The backtest.completed records with this key, read by a plain consumer from the beginning
     * of the topic (partitions assigned directly: no consumer group to join).
     */
    protected static List<ConsumerRecord<String, String>> completedEvents(String key, int expected, Duration limit) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.brokers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.BACKTEST_COMPLETED, Duration.ofSeconds(60)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + limit.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        records.add(r);
                    }
                });
            }
        }
        return records;
    }
}
