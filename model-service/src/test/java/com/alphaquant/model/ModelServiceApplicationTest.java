package com.alphaquant.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.events.Topics;
import com.alphaquant.testsupport.TestInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelServiceApplicationTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_model_app");
        TestInfra.kafka(registry, Topics.FACTORS_COMPUTED, Topics.MODEL_PREDICTIONS);
        registry.add("alphaquant.model.bars", () -> "sample");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    ModelProperties properties;

    @Test
    void startsHealthyWithItsConfiguration() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        assertThat(properties).isNotNull();
    }
}
