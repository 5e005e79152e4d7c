package com.alphaquant.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.testsupport.EmbeddedKafkaClients;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.http.LocalService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dead letters sent back to their topic through the endpoint, against a real (in-JVM KRaft)
 * broker: each once, in order, with key and value; a second replay finds nothing left.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = DeadLetterReplayIT.TestApp.class,
        properties = "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
class DeadLetterReplayIT {

    static final String TOPIC = "replay.test";

    @SpringBootApplication
    static class TestApp {
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        TestInfra.kafka(registry, TOPIC, TOPIC + ".dlt");
    }

    @Value("${local.server.port}")
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void deadLettersGoBackToTheirTopicOnceEach() throws Exception {
        try (KafkaProducer<String, String> producer = EmbeddedKafkaClients.producer()) {
            for (int i = 1; i <= 3; i++) {
                producer.send(new ProducerRecord<>(TOPIC + ".dlt", "2024-01-0" + i, "{\"n\":" + i + "}")).get();
            }
        }
        LocalService service = new LocalService(port);
        assertThat(json.readTree(service.get("/api/admin/dead-letters/" + TOPIC).body()).get("remaining").asLong()).isEqualTo(3);

        KafkaConsumer<String, String> topic = EmbeddedKafkaClients.consumer(TOPIC);
        HttpResponse<String> first = service.post("/api/admin/dead-letters/" + TOPIC + "/replay?max=2", "");
        HttpResponse<String> second = service.post("/api/admin/dead-letters/" + TOPIC + "/replay", "");
        HttpResponse<String> third = service.post("/api/admin/dead-letters/" + TOPIC + "/replay", "");
        List<ConsumerRecord<String, String>> replayed;
        try (topic) {
            replayed = EmbeddedKafkaClients.poll(topic, 3, Duration.ofSeconds(30));
        }

        JsonNode a = json.readTree(first.body());
        assertThat(a.get("replayed").asInt()).isEqualTo(2);
        assertThat(a.get("remaining").asLong()).isEqualTo(1);
        assertThat(json.readTree(second.body()).get("replayed").asInt()).isEqualTo(1);
        assertThat(json.readTree(third.body()).get("replayed").asInt()).isZero();
        assertThat(replayed).extracting(ConsumerRecord::key).containsExactly("2024-01-01", "2024-01-02", "2024-01-03");
        assertThat(replayed).extracting(ConsumerRecord::value).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }

    @Test
    void anUnknownOrMalformedTopicIsAProblem() {
        LocalService service = new LocalService(port);
        HttpResponse<String> unknown = service.get("/api/admin/dead-letters/never.used");
        HttpResponse<String> malformed = service.post("/api/admin/dead-letters/Bad%20Topic/replay", "");
        HttpResponse<String> tooMany = service.post("/api/admin/dead-letters/" + TOPIC + "/replay?max=0", "");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"field\":\"topic\"");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(List.of(unknown, malformed, tooMany)).allSatisfy(r ->
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json"));
    }
}
