package com.alphaquant.support.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.events.MarketDataReady;
import com.alphaquant.events.Topics;
import com.alphaquant.support.data.DataServiceHttp;
import com.alphaquant.support.outbox.Outbox;
import com.alphaquant.testsupport.FreshDatabase;
import com.alphaquant.testsupport.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two real service contexts built as every service is (service-support's auto-configuration,
 * tracing, JSON logs, the internal token): "front" answers a call by asking "back" over
 * {@link DataServiceHttp}, the client every data-service caller uses, and by writing an event to its
 * outbox, which its relay sends to Kafka, where back's listener takes it. A {@code traceparent} and
 * {@code X-Request-Id} given to front, as the gateway gives them, show in the JSON log lines of
 * both services, the Kafka listener's included; calls without the token are refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServiceCallsIT {

    static final String TOKEN = "internal-" + UUID.randomUUID();
    static final String TOPIC = Topics.MARKET_DATA_READY;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static ConfigurableApplicationContext back;
    static ConfigurableApplicationContext front;

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
    @Import(BackService.class)
    static class BackApp {
    }

    @RestController
    static class BackService {
        private static final Logger log = LoggerFactory.getLogger(BackService.class);

        @GetMapping("/api/data/securities")
        List<Map<String, String>> securities() {
            log.info("back: securities asked");
            return List.of(Map.of("tsCode", "600519.SH"));
        }

        @KafkaListener(topics = TOPIC, groupId = "service-calls-it")
        void onReady(String payload) {
            log.info("back: event received {}", JSON.readTree(payload).get("jobId").asString());
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(FrontService.class)
    static class FrontApp {
    }

    @RestController
    static class FrontService {
        private static final Logger log = LoggerFactory.getLogger(FrontService.class);
        private final DataServiceHttp data;
        private final Outbox outbox;
        private final TransactionTemplate tx;

        FrontService(ServiceCalls calls, Outbox outbox, TransactionTemplate tx, @Value("${back.url}") String backUrl) {
            this.data = new DataServiceHttp(calls, backUrl, Duration.ofSeconds(2), Duration.ofSeconds(10), IllegalStateException::new);
            this.outbox = outbox;
            this.tx = tx;
        }

        @GetMapping("/api/front/{job}")
        String job(@PathVariable String job) {
            int securities = data.getArray("/api/data/securities").size();
            log.info("front: back has {} securities", securities);
            tx.executeWithoutResult(s -> outbox.add(new MarketDataReady(MarketDataReady.idFor(job), MarketDataReady.VERSION,
                    Instant.now(), job, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2), List.of("daily"), List.of())));
            return "{\"securities\":" + securities + "}";
        }
    }

    @BeforeAll
    static void start() {
        TestKafka.createTopics(TOPIC);
        List<String> common = List.of("--alphaquant.internal-token=" + TOKEN, "--server.port=0", "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + TestKafka.brokers(), "--spring.kafka.consumer.auto-offset-reset=earliest",
                "--logging.structured.format.console=ecs", "--spring.flyway.enabled=false",
                "--management.endpoints.web.exposure.include=health,info,prometheus", "--management.endpoint.health.probes.enabled=true");
        // Arguments, as a deployment's environment would be: above service-support's defaults.
        back = new SpringApplicationBuilder(BackApp.class).run(args(common, "--spring.application.name=back"));
        String url = FreshDatabase.create("aq_service_calls");
        DriverManagerDataSource db = new DriverManagerDataSource(url, FreshDatabase.user(), FreshDatabase.password());
        ScriptUtils.executeSqlScript(connection(db), new ClassPathResource("db/outbox/R__outbox.sql"));
        front = new SpringApplicationBuilder(FrontApp.class).run(args(common, "--spring.application.name=front",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + FreshDatabase.user(),
                "--spring.datasource.password=" + FreshDatabase.password(), "--alphaquant.outbox.interval=100ms",
                "--back.url=http://127.0.0.1:" + port(back)));
    }

    private static String[] args(List<String> common, String... more) {
        return java.util.stream.Stream.concat(common.stream(), java.util.Arrays.stream(more)).toArray(String[]::new);
    }

    private static java.sql.Connection connection(DriverManagerDataSource db) {
        try {
            return db.getConnection();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (front != null) {
            front.close();
        }
        if (back != null) {
            back.close();
        }
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static HttpResponse<String> get(ConfigurableApplicationContext service, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(service) + path))
                .timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTraceGivenToOneServiceShowsInTheJsonLogsOfBothThroughRestAndTheOutbox(CapturedOutput output) throws Exception {
        String traceId = randomHex(32);
        String requestId = "req-" + UUID.randomUUID();
        String job = "job-" + UUID.randomUUID();

        HttpResponse<String> answer = get(front, "/api/front/" + job, "traceparent", "00-" + traceId + "-" + randomHex(16) + "-01",
                "X-Request-Id", requestId, InternalToken.HEADER, TOKEN);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode frontLine = awaitLine(output, "front: back has 1 securities");
        JsonNode backLine = awaitLine(output, "back: securities asked");
        JsonNode listenerLine = awaitLine(output, "back: event received " + job);
        for (JsonNode line : List.of(frontLine, backLine, listenerLine)) {
            assertThat(line.toString()).as("a log line of the call: %s", line).contains(traceId);
        }
        assertThat(frontLine.toString()).contains(requestId);
        assertThat(backLine.toString()).as("the request id travels with the call").contains(requestId);
        assertThat(frontLine.path("log").path("logger").asString("") + frontLine.path("log.logger").asString(""))
                .endsWith("FrontService");
    }

    @Test
    void withATokenConfiguredCallsWithoutItAre401ProblemsWhileProbesAndMetricsStayOpen(CapturedOutput output) throws Exception {
        HttpResponse<String> missing = get(back, "/api/data/securities");
        HttpResponse<String> wrong = get(back, "/api/data/securities", InternalToken.HEADER, "not-" + TOKEN);
        HttpResponse<String> dressedUp = get(back, "/actuator/health/..;/../api/data/securities");
        HttpResponse<String> right = get(back, "/api/data/securities", InternalToken.HEADER, TOKEN);

        for (HttpResponse<String> refused : List.of(missing, wrong)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.get("status").asInt()).isEqualTo(401);
            assertThat(problem.get("detail").asString()).startsWith(InternalToken.HEADER + ":");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(InternalToken.HEADER);
        }
        assertThat(dressedUp.statusCode()).as("a probe path does not open another").isIn(400, 401, 404);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(get(back, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get(back, "/actuator/health").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get(back, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count");
        assertThat(get(back, "/actuator/info").statusCode()).as("other actuator endpoints need the token").isEqualTo(401);
        assertThat(output.getAll()).as("no log line shows a token, right or wrong").doesNotContain(TOKEN);
    }

    /** The JSON log line whose message is {@code message}, once it is written. */
    private static JsonNode awaitLine(CapturedOutput output, String message) {
        String line = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().lines()
                .filter(l -> l.startsWith("{") && l.contains(message)).findFirst().orElse(null), java.util.Objects::nonNull);
        return JSON.readTree(line);
    }

    private static String randomHex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return hex.substring(0, digits);
    }
}
