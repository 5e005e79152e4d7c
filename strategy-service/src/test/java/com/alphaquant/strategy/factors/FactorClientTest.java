package com.alphaquant.strategy.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.strategy.StrategyProperties;
import com.alphaquant.support.calls.ServiceCalls;
import com.alphaquant.support.web.UpstreamRejectedException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/** factor-service down, slow or odd, against a real JDK HTTP server. */
class FactorClientTest {

    static final LocalDate DAY = LocalDate.parse("2024-01-02");
    static final List<String> NAMES = List.of("DEV20", "RSI14");

    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves {@code /api/factors} with {@code status} and {@code body}, after {@code delay}. */
    String serve(int status, String body, Duration delay) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/factors", exchange -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static FactorClient client(String url, Duration readTimeout) {
        return new FactorClient(new StrategyProperties(url, null, null, Duration.ofSeconds(2), readTimeout), ServiceCalls.none());
    }

    @Test
    void aServerErrorIsFactorServiceUnavailable() throws IOException {
        FactorClient client = client(serve(500, "{\"status\":500}", Duration.ZERO), Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.day(DAY, NAMES)).isInstanceOf(FactorServiceUnavailableException.class)
                .hasMessageContaining("2024-01-02").hasMessageContaining("500");
    }

    @Test
    void aBadRequestIsRejectedWithTheDetailOfItsProblemBody() throws IOException {
        String problem = """
                {"type":"https://alphaquant.dev/problems/invalid-request","title":"Invalid request","status":400,
                 "detail":"start: 1990-01-01 is outside 1990-12-19 … 2099-12-31 (the A-share market opened on 1990-12-19)",
                 "errors":[{"field":"start","reason":"1990-01-01 is outside 1990-12-19 … 2099-12-31"}]}""";
        FactorClient client = client(serve(400, problem, Duration.ZERO), Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.day(LocalDate.parse("1990-01-01"), NAMES))
                .isInstanceOfSatisfying(UpstreamRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.service()).isEqualTo("factor-service");
                    assertThat(e.getMessage()).isEqualTo("start: 1990-01-01 is outside 1990-12-19 … 2099-12-31 "
                            + "(the A-share market opened on 1990-12-19)");
                });
    }

    @Test
    void aRejectionWithoutAProblemBodyIsNamedByItsStatusAndALongDetailIsCut() throws IOException {
        FactorClient client = client(serve(404, "<html>not here</html>", Duration.ZERO), Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.day(DAY, NAMES)).isInstanceOfSatisfying(UpstreamRejectedException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("404 Not Found");
        });
        stop();
        FactorClient verbose = client(serve(422, "{\"title\":\"Unprocessable\",\"detail\":\"" + "x".repeat(5000) + "\"}",
                Duration.ZERO), Duration.ofSeconds(5));
        assertThatThrownBy(() -> verbose.day(DAY, NAMES)).isInstanceOfSatisfying(UpstreamRejectedException.class, e -> {
            assertThat(e.status().value()).isEqualTo(422);
            assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(FactorClient.REASON_MAX + 1);
        });
    }

    /** Too busy or too slow is no verdict on the request: try again later, like a 5xx. */
    @ParameterizedTest
    @ValueSource(ints = {408, 429})
    void aTimeoutOrTooManyRequestsIsFactorServiceUnavailable(int status) throws IOException {
        FactorClient client = client(serve(status, "{\"status\":" + status + ",\"title\":\"busy\"}", Duration.ZERO),
                Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.day(DAY, NAMES)).isInstanceOf(FactorServiceUnavailableException.class);
    }

    @Test
    void aRefusedConnectionIsFactorServiceUnavailable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        FactorClient client = client("http://127.0.0.1:" + port, Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.day(DAY, NAMES)).isInstanceOf(FactorServiceUnavailableException.class);
    }

    @Test
    void aReplySlowerThanTheReadTimeoutIsFactorServiceUnavailable() throws IOException {
        FactorClient client = client(serve(200, "{\"engineVersion\":\"factors-1\",\"rows\":[]}", Duration.ofSeconds(3)),
                Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.day(DAY, NAMES)).isInstanceOf(FactorServiceUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aReplyWithoutRowsIsADayWithoutFactors() throws IOException {
        for (String body : List.of("{\"engineVersion\":\"factors-1\",\"rows\":null}", "{\"engineVersion\":\"factors-1\"}",
                "{\"engineVersion\":\"factors-1\",\"rows\":[null]}")) {
            FactorClient.FactorDay day = client(serve(200, body, Duration.ZERO), Duration.ofSeconds(5)).day(DAY, NAMES);
            assertThat(day.crossSection().tsCodes()).as(body).isEmpty();
            assertThat(day.closes()).as(body).isEmpty();
            stop();
        }
    }

    @Test
    void theTimeoutsDefaultToTwoAndAHundredAndTwentySeconds() {
        StrategyProperties p = new StrategyProperties("http://x", null, null, null, null);
        assertThat(p.factorServiceConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.factorServiceReadTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThatThrownBy(() -> new StrategyProperties("http://x", null, null, Duration.ZERO, null))
                .hasMessageContaining("factor-service-connect-timeout");
    }

    @Test
    void theUniverseIsAllAloneOrAShareStocks() {
        assertThat(new StrategyProperties("http://x", null, List.of("600519.SH", "830799.BJ"), null, null).universe())
                .containsExactly("600519.SH", "830799.BJ");
        assertThat(new StrategyProperties("http://x", null, List.of("ALL"), null, null).tradesAll()).isTrue();
        for (List<String> bad : List.of(List.of("900901.SH"), List.of("600519.SH", "200002.SZ"), List.of("000300.SH"),
                List.of("600519.sh"), List.of("all", "600519.SH"))) {
            assertThatThrownBy(() -> new StrategyProperties("http://x", null, bad, null, null)).as(bad.toString())
                    .hasMessageContaining("alphaquant.strategy.universe");
        }
    }
}
