package com.alphaquant.strategy.industries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.strategy.live.SignalEngine;
import com.alphaquant.strategy.live.StrategyDefinition;
import com.alphaquant.strategy.portfolio.Book;
import com.alphaquant.strategy.signal.CrossSection;
import com.alphaquant.support.calls.ServiceCalls;
import com.alphaquant.support.web.UpstreamUnavailableException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link IndustryClient} against a real HTTP server speaking data-service's JSON, and a neutral strategy's signals. */
class IndustryClientTest {

    private static HttpServer serve(int status, String body, List<String> queries) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/data/industries", exchange -> {
            queries.add(exchange.getRequestURI().getQuery());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void theDaysIndustriesByStock() throws Exception {
        List<String> queries = new ArrayList<>();
        HttpServer server = serve(200, """
                [{"industryCode":"IND001.SIM","name":"银行","members":["000001.SZ","600000.SH"]},
                 {"industryCode":"IND002.SIM","name":"白酒","members":["600519.SH"]}]""", queries);
        try {
            IndustryClient client = new IndustryClient(new IndustryProperties(null, "http://127.0.0.1:" + server.getAddress().getPort(), null),
                    ServiceCalls.none());
            assertThat(client.asOf(LocalDate.of(2022, 12, 20))).isEqualTo(Map.of("000001.SZ", "IND001.SIM", "600000.SH", "IND001.SIM",
                    "600519.SH", "IND002.SIM"));
            assertThat(queries).containsExactly("date=2022-12-20");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void noClassificationIsAnUnavailableUpstreamNotAPlainRun() throws Exception {
        HttpServer server = serve(409, "{\"title\":\"Conflict\"}", new ArrayList<>());
        try {
            IndustryClient client = new IndustryClient(new IndustryProperties(null, "http://127.0.0.1:" + server.getAddress().getPort(), null),
                    ServiceCalls.none());
            assertThatThrownBy(() -> client.asOf(LocalDate.of(2022, 12, 20))).isInstanceOf(UpstreamUnavailableException.class)
                    .hasMessageContaining("industries");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aNeutralStrategyHasItsOwnVersionAndBuysTheBestOfEachIndustry() {
        StrategyDefinition plain = StrategyDefinition.preset("multi_factor");
        StrategyDefinition neutral = plain.industryNeutral();
        assertThat(neutral.version()).isEqualTo(plain.version() + "+ind");
        // strategy_signal.strategy_version and the book's are varchar(32).
        com.alphaquant.strategy.preset.StrategyPresets.NAMES.forEach(n ->
                assertThat(StrategyDefinition.preset(n).industryNeutral().version()).as(n).hasSizeLessThanOrEqualTo(32));
        assertThat(neutral.signal().industryNeutral()).isTrue();

        // Six stocks, two industries; every factor ranks A1 > A2 > A3 > B1 > B2 > B3.
        List<String> codes = List.of("600001.SH", "600002.SH", "600003.SH", "600004.SH", "600005.SH", "600006.SH");
        Map<String, double[]> f = new java.util.HashMap<>();
        double[] up = {6, 5, 4, 3, 2, 1};
        double[] down = {1, 2, 3, 4, 5, 6};
        for (String name : List.of("DEV20", "MACD_HIST", "RS20", "MOM20", "MOM60", "RSI14")) {
            f.put(name, up);
        }
        for (String name : List.of("VOL20", "ATR14", "BOLL_PCTB", "WILLR14")) {
            f.put(name, down);
        }
        CrossSection day = new CrossSection(codes, f, null);
        Map<String, String> industryOf = Map.of("600001.SH", "A", "600002.SH", "A", "600003.SH", "A",
                "600004.SH", "B", "600005.SH", "B", "600006.SH", "B");
        LocalDate d = LocalDate.of(2022, 12, 20);
        var plainBuys = SignalEngine.compute(plain, d, day, codes, Book.EMPTY, Map.of(), industryOf, null, Instant.EPOCH).signals()
                .stream().filter(s -> s.action().name().equals("BUY")).map(s -> s.tsCode()).toList();
        var neutralBuys = SignalEngine.compute(neutral, d, day, codes, Book.EMPTY, Map.of(), industryOf, null, Instant.EPOCH).signals()
                .stream().filter(s -> s.action().name().equals("BUY")).map(s -> s.tsCode()).toList();
        // Plain ranks 1, 0.8, 0.6, …: above 0.6 are A1, A2. Neutral residuals 0.2, 0, −0.2 in both
        // industries rank 0.9, 0.5, 0.1: A1 and B1.
        assertThat(plainBuys).containsExactly("600001.SH", "600002.SH");
        assertThat(neutralBuys).containsExactly("600001.SH", "600004.SH");
    }
}
