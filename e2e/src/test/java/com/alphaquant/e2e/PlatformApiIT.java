package com.alphaquant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.testsupport.http.HttpFuzzer;
import com.alphaquant.testsupport.http.HttpFuzzer.Endpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The public API through the gateway of the platform as {@code alphaquant up} starts it, with
 * three more keys than up's own: a read key, a read key limited to 1 request/s (burst 2) and a
 * write key for fuzzing with a limit high enough never to refuse. Who may call, how often, the
 * public API under 1,200 malformed requests, a trace set at the gateway in the JSON logs of the
 * services it reaches, the internal token (set, as in compose and Kubernetes), then a paused service
 * (504 within its 3 s timeout) and, last, a stopped one (503); stopping a service ends the
 * platform, so that test comes last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformApiIT {

    private static final Path HOME = Path.of(System.getProperty("alphaquant.home", "..")).toAbsolutePath().normalize();
    private static final String READ_KEY = "read-" + UUID.randomUUID();
    private static final String TIGHT_KEY = "tight-" + UUID.randomUUID();
    private static final String FUZZ_KEY = "fuzz-" + UUID.randomUUID();
    private static final String INTERNAL_TOKEN = "internal-" + UUID.randomUUID();
    private static final Path TARGET = HOME.resolve("e2e/target");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Platform platform;
    private String writeKey;

    @BeforeAll
    void startPlatform() throws Exception {
        platform = Platform.start(HOME, TARGET.resolve("platform-api"), TARGET.resolve("alphaquant-up-api.log"), Map.ofEntries(
                // As compose and Kubernetes run the services: the internal token on, JSON logs; and
                // a line per request (Spring MVC at DEBUG: a variable cannot name a class, its case is lost), for the trace test.
                Map.entry("ALPHAQUANT_INTERNAL_TOKEN", INTERNAL_TOKEN), Map.entry("LOG_FORMAT", "ecs"),
                Map.entry("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_WEB_SERVLET", "DEBUG"),
                Map.entry("ALPHAQUANT_GATEWAY_APIKEYS_1_NAME", "reader"), Map.entry("ALPHAQUANT_GATEWAY_APIKEYS_1_ROLE", "read"),
                Map.entry("ALPHAQUANT_GATEWAY_APIKEYS_1_SHA256", sha256(READ_KEY)),
                Map.entry("ALPHAQUANT_GATEWAY_APIKEYS_2_NAME", "tight"), Map.entry("ALPHAQUANT_GATEWAY_APIKEYS_2_ROLE", "read"),
                Map.entry("ALPHAQUANT_GATEWAY_APIKEYS_2_SHA256", sha256(TIGHT_KEY)),
                Map.entry("ALPHAQUANT_GATEWAY_APIKEYS_2_REQUESTSPERSECOND", "1"), Map.entry("ALPHAQUANT_GATEWAY_APIKEYS_2_BURST", "2"),
                Map.entry("ALPHAQUANT_GATEWAY_APIKEYS_3_NAME", "fuzzer"), Map.entry("ALPHAQUANT_GATEWAY_APIKEYS_3_ROLE", "write"),
                Map.entry("ALPHAQUANT_GATEWAY_APIKEYS_3_SHA256", sha256(FUZZ_KEY)),
                Map.entry("ALPHAQUANT_GATEWAY_APIKEYS_3_REQUESTSPERSECOND", "100000"),
                Map.entry("ALPHAQUANT_GATEWAY_APIKEYS_3_BURST", "100000"),
                Map.entry("ALPHAQUANT_GATEWAY_TIMEOUTS_STRATEGIES", "3s")));
        platform.awaitReady(Duration.ofMinutes(6));
        writeKey = platform.awaitApiKey(Duration.ofSeconds(10));
    }

    @AfterAll
    void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
            assertThat(platform.aliveProcesses()).as("processes left").isEmpty();
        }
    }

    @Test
    @Order(1)
    void withoutAKeyTheApiAnswers401AndHealthStaysOpen() throws Exception {
        assertProblem(get("/api/data/calendar?start=2022-12-01&end=2022-12-20", null), 401, "X-API-Key");
        assertProblem(get("/api/data/calendar?start=2022-12-01&end=2022-12-20", "aq_not-a-key"), 401, "not known");
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        HttpResponse<String> calendar = get("/api/data/calendar?start=2022-12-01&end=2022-12-20", READ_KEY);
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(calendar.body()).contains("2022-12-20");
        assertThat(calendar.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    @Order(2)
    void aReadKeyOnAWriteIs403() throws Exception {
        HttpRequest submit = HttpRequest.newBuilder(URI.create(platform.url() + "/api/backtests")).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", READ_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"strategy\":\"buy_and_hold\"}")).build();
        assertProblem(HTTP.send(submit, HttpResponse.BodyHandlers.ofString()), 403, "write role");
    }

    @Test
    @Order(3)
    void overTheRateLimitIs429WithRetryAfter() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 20 && limited == null; i++) {
            HttpResponse<String> r = get("/api/data/securities", TIGHT_KEY);
            statuses.add(r.statusCode());
            limited = r.statusCode() == 429 ? r : null;
        }
        assertThat(limited).as("statuses %s", statuses).isNotNull();
        assertProblem(limited, 429, "rate limit");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        System.out.println("[gateway] key limited to 1 request/s, burst 2: statuses " + statuses);
    }

    @Test
    @Order(4)
    void malformedRequestsThroughTheGatewayGetNo5xxAndEvery4xxIsAProblem() {
        String backtest = """
                {"strategy":"buy_and_hold","startDate":"2022-11-01","endDate":"2022-12-20","stocks":["600000.SH","600519.SH"],
                 "initialCapital":1000000,"commission":0.0003,"slippage":0.0001,"benchmark":"000300.SH"}""";
        List<Endpoint> endpoints = List.of(
                Endpoint.get("/api/data/bars", "ts_code", "600519.SH", "start", "2022-11-01", "end", "2022-12-20"),
                Endpoint.get("/api/data/bars/panel", "ts_codes", "600519.SH,000001.SZ", "start", "2022-11-01", "end", "2022-12-20"),
                Endpoint.get("/api/data/calendar", "start", "2022-11-01", "end", "2022-12-20"),
                Endpoint.get("/api/data/calendar-effects", "code", "000300.SH", "start", "2022-01-04", "end", "2022-12-20"),
                Endpoint.get("/api/data/industries", "date", "2022-12-20", "ts_code", "600519.SH"),
                Endpoint.get("/api/data/rejections", "dataset", "daily", "limit", "100"),
                Endpoint.get("/api/factors", "ts_codes", "600519.SH,000001.SZ", "start", "2022-06-01", "end", "2022-06-30"),
                Endpoint.get("/api/factors/catalog"),
                Endpoint.get("/api/factors/correlation", "ts_codes", "600519.SH,000001.SZ", "start", "2022-06-01", "end", "2022-06-30"),
                Endpoint.post("/api/backtests", backtest),
                Endpoint.get("/api/backtests", "limit", "20"),
                Endpoint.get("/api/backtests/optimize", "limit", "20"),
                Endpoint.get("/api/strategies"),
                Endpoint.get("/api/strategies/multi_factor/signals", "date", "2022-12-20"),
                Endpoint.get("/api/dashboard/settings"));
        HttpFuzzer.Report report = new HttpFuzzer("127.0.0.1", platform.ports().get("gateway"), 20261205L)
                .withHeader("X-API-Key: " + FUZZ_KEY).run("gateway", endpoints, 1200);
        System.out.println(report.summary());
        assertThat(report.serverErrors()).as("5xx answers: %s", report.failures()).isZero();
        assertThat(report.problemless4xx()).as("4xx without a problem body: %s", report.failures()).isZero();
        assertThat(report.failures()).as("requests without an acceptable answer").isEmpty();
    }

    @Test
    @Order(5)
    void aTraceSetAtTheGatewayShowsInTheJsonLogsOfBothServicesItReaches() throws Exception {
        String traceId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(UUID.randomUUID().toString()
                .getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        // factor-service computes a month nobody asked for yet, loading its bars from data-service.
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.url()
                        + "/api/factors?ts_codes=000002.SZ&start=2021-03-01&end=2021-03-31&names=MOM20"))
                .header("X-API-Key", READ_KEY).header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        for (String service : List.of("factor-service", "data-service")) {
            String line = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> text(logs().resolve(service + ".log")).lines()
                    .filter(l -> l.contains(traceId)).findFirst().orElse(null), Objects::nonNull);
            System.out.println("[trace] " + service + ": " + line);
            assertThat(line).as(service).startsWith("{").contains("\"traceId\":\"" + traceId + "\"");
        }
    }

    @Test
    @Order(6)
    void servicesRefuseCallsWithoutTheInternalTokenAndNoLogShowsIt() throws Exception {
        String data = "http://127.0.0.1:" + platform.ports().get("data-service");
        HttpResponse<String> direct = HTTP.send(HttpRequest.newBuilder(URI.create(data + "/api/data/calendar?start=2022-12-01&end=2022-12-20"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(direct, 401, "X-Internal-Token");
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(data + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        String scrape = HTTP.send(HttpRequest.newBuilder(URI.create(data + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(scrape).as("up ingested the sample through tushare-sim").contains("alphaquant_tushare_calls_total{api=\"daily\",outcome=\"ok\"}",
                "alphaquant_ingest_rows_total{dataset=\"daily\",result=\"stored\"}");
        try (var files = Files.list(logs())) {
            for (Path log : files.toList()) {
                assertThat(text(log)).as(log.toString()).doesNotContain(INTERNAL_TOKEN);
            }
        }
    }

    private static Path logs() {
        return TARGET.resolve("platform-api/logs");
    }

    /** A log as text, whatever bytes it holds. */
    private static String text(Path log) throws java.io.IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    @Test
    @Order(7)
    void aPausedServiceIs504WithinItsTimeout() throws Exception {
        ProcessHandle strategy = platform.service("strategy-service");
        signal("STOP", strategy);
        try {
            long start = System.nanoTime();
            HttpResponse<String> answer = get("/api/strategies", writeKey);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("[gateway] strategy-service paused: %d in %.2f s (timeout 3 s)%n", answer.statusCode(), seconds);
            assertProblem(answer, 504, "strategy-service did not answer within its timeout");
            assertThat(seconds).isLessThan(10);
        } finally {
            signal("CONT", strategy);
        }
    }

    @Test
    @Order(8)
    void aStoppedServiceIs503NamingIt() throws Exception {
        ProcessHandle models = platform.service("model-service");
        models.destroyForcibly();
        models.onExit().get(30, TimeUnit.SECONDS);
        long start = System.nanoTime();
        HttpResponse<String> answer = get("/api/models", writeKey);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[gateway] model-service stopped: %d in %.3f s%n", answer.statusCode(), seconds);
        assertProblem(answer, 503, "model-service is not reachable");
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url() + path)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains(detailPart);
    }

    private static void signal(String signal, ProcessHandle process) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor()).isZero();
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
