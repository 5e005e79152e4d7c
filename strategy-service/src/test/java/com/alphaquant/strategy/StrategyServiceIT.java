package com.alphaquant.strategy;

import static com.alphaquant.testsupport.EmbeddedKafkaClients.consumer;
import static com.alphaquant.testsupport.EmbeddedKafkaClients.poll;
import static com.alphaquant.testsupport.EmbeddedKafkaClients.pollThrough;
import static com.alphaquant.testsupport.EmbeddedKafkaClients.producer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.events.EventSerde;
import com.alphaquant.events.FactorsComputed;
import com.alphaquant.events.ModelPredictions;
import com.alphaquant.events.StrategySignal;
import com.alphaquant.events.Topics;
import com.alphaquant.strategy.risk.RiskDecision;
import com.alphaquant.strategy.signal.CrossSection;
import com.alphaquant.strategy.signal.MultiFactorParams;
import com.alphaquant.strategy.signal.MultiFactorScorer;
import com.alphaquant.strategy.signal.Signal;
import com.alphaquant.strategy.store.SignalStore;
import com.alphaquant.support.calls.InternalToken;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.http.Scrape;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service in one Spring context: a fresh PostgreSQL database, the JVM's in-JVM KRaft broker
 * and a JDK HTTP server playing factor-service's API with hand-built factor values. The internal
 * token is configured, as in compose and Kubernetes; a factors.computed event's trace reaches the
 * factor-service call and the signals it publishes (through the outbox).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"alphaquant.outbox.interval=200ms", "alphaquant.strategy.universe=all"})
class StrategyServiceIT {

    static final String[] CODES = {"600519.SH", "000001.SZ", "000002.SZ", "600036.SH", "601318.SH", "300750.SZ"};
    static final String[] NAMES = {"DEV20", "MACD_HIST", "RS20", "MOM20", "MOM60", "RSI14", "VOL20", "ATR14", "BOLL_PCTB", "WILLR14"};
    /** VALUES[stock][factor]; NaN is served as null (warm-up). */
    static final double[][] VALUES = {
            {0.05, 1.2, 0.10, 0.08, 0.20, 70, 0.15, 20, 0.2, -80},
            {0.03, 0.8, 0.06, 0.05, 0.12, 62, 0.18, 25, 0.3, -70},
            {-0.01, -0.2, -0.02, 0.00, 0.01, 50, 0.25, 30, 0.5, -50},
            {-0.03, -0.5, -0.05, -0.04, Double.NaN, 41, 0.30, 35, 0.7, -30},
            {-0.06, -1.0, -0.08, -0.09, -0.15, 30, 0.40, 40, 0.9, -10},
            {0.00, 0.1, 0.01, 0.02, 0.03, 55, 0.22, 28, 0.4, -45},
    };
    /** Adjusted closes: 10 every day, except 000001.SZ falls 6% on DAY2, through its 5% stop loss. */
    static double close(int stock, LocalDate day) {
        return CODES[stock].equals("000001.SZ") && !day.isBefore(DAY2) ? 9.4 : 10.0;
    }

    static final LocalDate DAY1 = LocalDate.parse("2024-01-02");
    static final LocalDate DAY2 = LocalDate.parse("2024-01-03");
    /** The last day factor-service serves: it refuses a later one with a 400. */
    static final LocalDate FACTOR_HORIZON = LocalDate.parse("2030-12-31");
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    /** The traceparent and internal token of each request factor-service got. */
    static final List<String> TRACEPARENTS = new CopyOnWriteArrayList<>();
    static final List<String> TOKENS = new CopyOnWriteArrayList<>();
    static final String INTERNAL_TOKEN = "internal-" + java.util.UUID.randomUUID();
    static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    static final HttpServer FACTOR_SERVICE = factorService();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_strategy");
        TestInfra.kafka(registry, Topics.FACTORS_COMPUTED, Topics.MODEL_PREDICTIONS, Topics.STRATEGY_SIGNALS,
                Topics.deadLetter(Topics.FACTORS_COMPUTED));
        registry.add("alphaquant.strategy.factor-service-url", () -> "http://127.0.0.1:" + FACTOR_SERVICE.getAddress().getPort());
        registry.add("alphaquant.internal-token", () -> INTERNAL_TOKEN);
    }

    @AfterAll
    static void stop() {
        FACTOR_SERVICE.stop(0);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    SignalStore store;

    /** factor-service's contract: every stock, the asked day, null for NaN. */
    static HttpServer factorService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/factors", exchange -> {
                String query = exchange.getRequestURI().getQuery();
                REQUESTS.add(query);
                TRACEPARENTS.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
                TOKENS.add(String.valueOf(exchange.getRequestHeaders().getFirst(InternalToken.HEADER)));
                Map<String, String> params = java.util.Arrays.stream(query.split("&")).map(p -> p.split("=", 2))
                        .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
                if (LocalDate.parse(params.get("start")).isAfter(FACTOR_HORIZON)) { // factor-service's 400 problem
                    byte[] problem = ("{\"title\":\"Invalid request\",\"status\":400,\"detail\":\"start: " + params.get("start")
                            + " is outside 1990-12-19 … " + FACTOR_HORIZON + "\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                    exchange.sendResponseHeaders(400, problem.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(problem);
                    }
                    return;
                }
                StringBuilder json = new StringBuilder("{\"engineVersion\":\"factors-1\",\"rows\":[");
                for (int s = 0; s < CODES.length; s++) {
                    json.append(s == 0 ? "" : ",").append("{\"tsCode\":\"").append(CODES[s]).append("\",\"tradeDate\":\"")
                            .append(params.get("start")).append("\",\"close\":").append(close(s, LocalDate.parse(params.get("start"))))
                            .append(",\"values\":{");
                    for (int f = 0; f < NAMES.length; f++) {
                        double v = VALUES[s][f];
                        json.append(f == 0 ? "" : ",").append('"').append(NAMES[f]).append("\":").append(Double.isNaN(v) ? "null" : Double.toString(v));
                    }
                    json.append("}}");
                }
                byte[] body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CrossSection expectedCrossSection() {
        Map<String, double[]> factors = new LinkedHashMap<>();
        for (int f = 0; f < NAMES.length; f++) {
            double[] column = new double[CODES.length];
            for (int s = 0; s < CODES.length; s++) {
                column[s] = VALUES[s][f];
            }
            factors.put(NAMES[f], column);
        }
        return new CrossSection(List.of(CODES), factors, null);
    }

    static FactorsComputed event(LocalDate day) {
        return new FactorsComputed("factors-" + day, FactorsComputed.VERSION, Instant.now(), day, List.of(CODES),
                List.of(NAMES), "factors-1");
    }

    @Test
    void factorsInSignalsOutOncePoisonToDeadLetterAndTheApi() throws Exception {
        EventSerde serde = new EventSerde();
        try (KafkaProducer<String, String> producer = producer();
             KafkaConsumer<String, String> signals = consumer(Topics.STRATEGY_SIGNALS);
             KafkaConsumer<String, String> dead = consumer(Topics.deadLetter(Topics.FACTORS_COMPUTED))) {
            ProducerRecord<String, String> traced = new ProducerRecord<>(Topics.FACTORS_COMPUTED, DAY1.toString(), serde.toJson(event(DAY1)));
            traced.headers().add("traceparent", ("00-" + TRACE_ID + "-b7ad6b7169203331-01").getBytes(StandardCharsets.UTF_8));
            producer.send(traced).get();

            List<ConsumerRecord<String, String>> day1 = poll(signals, CODES.length, Duration.ofSeconds(60));
            assertThat(day1).hasSize(CODES.length);
            assertThat(day1).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(CODES);
            // The event's trace went on to factor-service (with the internal token) and, through the outbox, to the signals.
            assertThat(TRACEPARENTS.get(0)).startsWith("00-" + TRACE_ID + "-");
            assertThat(TOKENS.get(0)).isEqualTo(INTERNAL_TOKEN);
            assertThat(day1).allSatisfy(r -> assertThat(new String(r.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .startsWith("00-" + TRACE_ID + "-"));

            // Parity with the library: same cross-section, same actions, scores and sub-scores.
            Map<String, Signal> expected = new MultiFactorScorer(MultiFactorParams.DEFAULT)
                    .score(expectedCrossSection(), List.of(CODES)).stream()
                    .collect(Collectors.toMap(Signal::tsCode, Function.identity()));
            List<StrategySignal> published = new ArrayList<>();
            for (ConsumerRecord<String, String> r : day1) {
                StrategySignal s = (StrategySignal) serde.deserialize(Topics.STRATEGY_SIGNALS, r.value().getBytes(StandardCharsets.UTF_8));
                published.add(s);
                Signal e = expected.get(s.tsCode());
                assertThat(s.key()).isEqualTo(r.key());
                assertThat(s.action().name()).isEqualTo(e.action().name());
                assertThat(s.score()).isCloseTo(e.score(), within(1e-12));
                assertThat(s.subScores()).isEqualTo(e.subScores());
                assertThat(s.strategy()).isEqualTo("multi_factor");
                assertThat(s.strategyVersion()).isEqualTo("multi_factor-1");
                assertThat(s.modelVersion()).isNull();
                assertThat(s.asOf()).isEqualTo(DAY1);
                assertThat(s.eventId()).isEqualTo(StrategySignal.idFor("multi_factor", DAY1, s.tsCode(), "multi_factor-1"));
                if (s.action() == StrategySignal.Action.BUY) {
                    // equal share 0.95/buys capped at max_position 0.10, then max_single_trade from flat: 0.03
                    assertThat(s.targetWeight()).isCloseTo(0.03, within(1e-12));
                    assertThat(s.riskNotes()).contains(RiskDecision.MAX_SINGLE_TRADE);
                } else {
                    assertThat(s.targetWeight()).isZero();
                }
            }
            assertThat(published).extracting(StrategySignal::action).contains(StrategySignal.Action.BUY, StrategySignal.Action.SELL);
            assertThat(REQUESTS.get(0)).contains("ts_codes=all", "start=2024-01-02", "end=2024-01-02", "names=ATR14,BOLL_PCTB,DEV20,MACD_HIST,MOM20,MOM60,RS20,RSI14,VOL20,WILLR14");

            // Redelivery, a poison message, then the next day: the redelivery adds nothing. The next
            // day's last signal is the marker (one partition, in order): a signal from the redelivery
            // would have come before it.
            producer.send(new ProducerRecord<>(Topics.FACTORS_COMPUTED, DAY1.toString(), serde.toJson(event(DAY1)))).get();
            producer.send(new ProducerRecord<>(Topics.FACTORS_COMPUTED, "bad", "{\"not\":\"an event\"")).get();
            producer.send(new ProducerRecord<>(Topics.FACTORS_COMPUTED, DAY2.toString(), serde.toJson(event(DAY2)))).get();
            List<ConsumerRecord<String, String>> after = pollThrough(signals, new Predicate<>() {
                int day2Signals;

                @Override
                public boolean test(ConsumerRecord<String, String> r) {
                    return r.value().contains("\"asOf\":\"2024-01-03\"") && ++day2Signals == CODES.length;
                }
            }, Duration.ofSeconds(60));
            assertThat(after).hasSize(CODES.length);
            assertThat(after).allSatisfy(r -> assertThat(r.value()).contains("\"asOf\":\"2024-01-03\""));
            assertThat(store.count()).isEqualTo(2L * CODES.length);
            // Day 2 starts from day 1's book: a repeated BUY grows by at most max_single_trade ...
            List<StrategySignal> day2 = store.signals("multi_factor", "multi_factor-1", DAY2);
            StrategySignal buy2 = day2.stream().filter(s -> s.tsCode().equals("600519.SH")).findFirst().orElseThrow();
            assertThat(buy2.action()).isEqualTo(StrategySignal.Action.BUY);
            assertThat(buy2.targetWeight()).isCloseTo(0.06, within(1e-12));
            // ... and a holding whose close (from factor-service) fell through the stop loss is cut, BUY signal or not.
            StrategySignal stopped = day2.stream().filter(s -> s.tsCode().equals("000001.SZ")).findFirst().orElseThrow();
            assertThat(stopped.action()).isEqualTo(StrategySignal.Action.BUY);
            assertThat(stopped.targetWeight()).isZero();
            assertThat(stopped.riskNotes()).contains(RiskDecision.STOP_LOSS);
            // The stored book keeps the desired weight (max_position 0.10) beside the weight held (V3).
            var held = store.previousBook("multi_factor", "multi_factor-1", DAY2.plusDays(1), 20).holdings().get("600519.SH");
            assertThat(held.weight()).isCloseTo(0.06, within(1e-12));
            assertThat(held.baseWeight()).isEqualTo(0.10);

            // A day older than one already decided would fork the book chain: it is not computed.
            // The next day after it shows it was consumed (one partition, in order).
            LocalDate late = LocalDate.parse("2023-12-29");
            LocalDate day3 = LocalDate.parse("2024-01-04");
            producer.send(new ProducerRecord<>(Topics.FACTORS_COMPUTED, late.toString(), serde.toJson(event(late)))).get();
            producer.send(new ProducerRecord<>(Topics.FACTORS_COMPUTED, day3.toString(), serde.toJson(event(day3)))).get();
            assertThat(poll(signals, CODES.length, Duration.ofSeconds(60))).hasSize(CODES.length)
                    .allSatisfy(r -> assertThat(r.value()).contains("\"asOf\":\"2024-01-04\""));
            assertThat(store.signals("multi_factor", "multi_factor-1", late)).isEmpty();
            assertThat(store.latestBookDay("multi_factor", "multi_factor-1")).isEqualTo(day3);

            // A day factor-service refuses (400) is dead-lettered at the first failure: asking again would be
            // refused again (a retried failure would reach the dead-letter topic only after 15 minutes).
            LocalDate refused = FACTOR_HORIZON.plusDays(2);
            producer.send(new ProducerRecord<>(Topics.FACTORS_COMPUTED, refused.toString(), serde.toJson(event(refused)))).get();

            List<ConsumerRecord<String, String>> dlt = poll(dead, 2, Duration.ofSeconds(30));
            assertThat(dlt).hasSize(2);
            ConsumerRecord<String, String> poison = dlt.stream().filter(r -> "bad".equals(r.key())).findFirst().orElseThrow();
            assertThat(poison.value()).isEqualTo("{\"not\":\"an event\"");
            assertThat(new String(poison.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("Invalid factors.computed event");
            ConsumerRecord<String, String> rejected = dlt.stream().filter(r -> refused.toString().equals(r.key())).findFirst().orElseThrow();
            assertThat(new String(rejected.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("start: " + refused + " is outside 1990-12-19");
            assertThat(store.latestBookDay("multi_factor", "multi_factor-1")).isEqualTo(day3);
        }

        // REST over what was stored.
        assertThat(get("/actuator/health/readiness").body()).contains("\"UP\"");
        HttpResponse<String> list = get("/api/strategies");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"name\":\"multi_factor\"", "\"version\":\"multi_factor-1\"", "\"maxPosition\":0.1");
        HttpResponse<String> stored = get("/api/strategies/multi_factor/signals?date=2024-01-02");
        assertThat(stored.statusCode()).isEqualTo(200);
        for (String code : CODES) {
            assertThat(stored.body()).contains("\"tsCode\":\"" + code + "\"");
        }
        assertThat(get("/api/strategies/multi_factor/signals?date=2023-01-02").body()).isEqualTo("[]");

        HttpResponse<String> badDate = get("/api/strategies/multi_factor/signals?date=2024-13-01");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(badDate.body()).contains("\"field\":\"date\"");
        assertThat(get("/api/strategies/multi_factor/signals").statusCode()).isEqualTo(400);

        HttpResponse<String> unknown = get("/api/strategies/nope/signals?date=2024-01-02");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"status\":404", "Unknown strategy 'nope'");

        // model.predictions for a day: stored, then the model sub-score and version of that day's signals.
        LocalDate day5 = LocalDate.parse("2024-01-05");
        List<ModelPredictions.Prediction> predictions = new ArrayList<>();
        for (int s = 0; s < CODES.length; s++) {
            predictions.add(new ModelPredictions.Prediction(CODES[s], 0.01 * s, 0.5, -0.1));
        }
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.MODEL_PREDICTIONS, day5.toString(), new EventSerde().toJson(
                    new ModelPredictions("pred-1", ModelPredictions.VERSION, Instant.now(), "lgbm", "v7", day5, 5, predictions)))).get();
        }
        long until = System.currentTimeMillis() + 30_000;
        while (store.predictions(day5).byCode().isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        assertThat(store.predictions(day5).byCode()).hasSize(CODES.length);

        // On demand: computed from factor-service, returned, neither stored nor published.
        long before = store.count();
        HttpResponse<String> evaluated = post("/api/strategies/multi_factor/evaluate", "{\"date\":\"2024-01-05\"}");
        assertThat(evaluated.statusCode()).isEqualTo(200);
        assertThat(evaluated.body()).contains("\"asOf\":\"2024-01-05\"", "\"tsCode\":\"600519.SH\"",
                "\"modelVersion\":\"lgbm:v7\"", "\"model\":1.0");
        assertThat(store.count()).isEqualTo(before);
        assertThat(store.signals("multi_factor", "multi_factor-1", LocalDate.parse("2024-01-05"))).isEmpty();
        assertThat(post("/api/strategies/multi_factor/evaluate", "{\"date\":\"05/01/2024\"}").body()).contains("\"field\":\"date\"");
        assertThat(post("/api/strategies/nope/evaluate", "{\"date\":\"2024-01-05\"}").statusCode()).isEqualTo(404);

        // What was published and what was skipped, as Prometheus scrapes it (no token needed for that).
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(Scrape.value(scrape.body(), "alphaquant_signals_published_total{strategy=\"multi_factor\"}")).isEqualTo(store.count());
        assertThat(Scrape.value(scrape.body(), "alphaquant_strategy_days_late_total")).isEqualTo(1.0);
        HttpResponse<String> withoutToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/strategies")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(InternalToken.HEADER, INTERNAL_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(InternalToken.HEADER, INTERNAL_TOKEN).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
