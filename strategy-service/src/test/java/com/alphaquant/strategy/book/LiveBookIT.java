package com.alphaquant.strategy.book;

import static com.alphaquant.testsupport.EmbeddedKafkaClients.producer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.Fill;
import com.alphaquant.backtest.engine.Rejection;
import com.alphaquant.events.EventSerde;
import com.alphaquant.events.FactorsComputed;
import com.alphaquant.events.Topics;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.strategy.live.SignalEngine;
import com.alphaquant.strategy.live.StrategyDefinition;
import com.alphaquant.strategy.store.SignalStore;
import com.alphaquant.testsupport.TestInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live book through the whole service: real PostgreSQL and Kafka, data-service playing the
 * 30-stock real sample ({@link SampleDataService}), factor-service serving the factors libs/factors
 * computes from those bars ({@link CapturedFactorService}). Daily factors.computed events drive
 * the signals and the book; the book's every day must equal the independent batch backtest of
 * multi_factor over the same days (equity, fills, rejections with their reasons); a redelivered
 * event and a repeated cycle (a restart's) apply nothing twice; a day whose step failed
 * (data-service down) is caught up in order; the API's numbers are recomputed here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.outbox.interval=200ms", "alphaquant.strategy.universe=all"})
class LiveBookIT {

    static final LocalDate START = LocalDate.parse(System.getProperty("livebook.start", "2021-07-01"));
    static final int DAYS = 12;
    static final double CAPITAL = 1_000_000;
    static final SampleDataService DATA = new SampleDataService();
    static final List<LocalDate> TRADING = DATA.calendar().openDays(START, START.plusDays(60)).subList(0, DAYS);
    static final CapturedFactorService FACTORS = new CapturedFactorService(DATA, START, TRADING.get(DAYS - 1).plusDays(20), CAPITAL);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_live_book");
        TestInfra.kafka(registry, Topics.FACTORS_COMPUTED, Topics.MODEL_PREDICTIONS, Topics.STRATEGY_SIGNALS,
                Topics.deadLetter(Topics.FACTORS_COMPUTED));
        registry.add("alphaquant.strategy.factor-service-url", FACTORS::url);
        registry.add("alphaquant.strategy.live.data-service-url", DATA::url);
    }

    @AfterAll
    static void stop() {
        FACTORS.close();
        DATA.close();
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    LiveBookStore books;
    @Autowired
    LiveBook liveBook;
    @Autowired
    SignalStore signals;
    @Autowired
    SignalEngine engine;

    final EventSerde serde = new EventSerde();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theLiveBookIsTheBatchBacktestDayByDayOnceEachAndItsApiSaysSo() throws Exception {
        StrategyDefinition mf = engine.strategies().get("multi_factor");
        BacktestResult batch = FACTORS.backtest();
        printRejections(batch);
        int down = 5; // data-service answers 503 while this day's cycle runs
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < DAYS; i++) {
                LocalDate day = TRADING.get(i);
                DATA.failing = i == down;
                send(producer, day);
                if (i == down) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> day.equals(signals.latestBookDay(mf.name(), mf.version())));
                    assertThat(books.lastDay(mf.name(), mf.version())).as("not stepped while data-service is down")
                            .isEqualTo(TRADING.get(i - 1));
                    continue;
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> day.equals(books.lastDay(mf.name(), mf.version())));
                if (i == 2) {
                    send(producer, TRADING.get(1)); // a redelivery: applies nothing
                }
            }
            DATA.failing = false;
        }
        LocalDate asOf = TRADING.get(DAYS - 1);
        List<LiveBookStore.Day> days = books.days(mf.name(), mf.version(), START, asOf);
        assertThat(days).extracting(LiveBookStore.Day::date).containsExactlyElementsOf(TRADING);
        assertThat(liveBook.advance(mf, asOf)).as("a repeated cycle (restart) steps nothing").isZero();

        // Day by day: the book equals the batch backtest of multi_factor over the same days.
        for (int i = 0; i < DAYS; i++) {
            assertThat(batch.date(i)).isEqualTo(TRADING.get(i));
            assertThat(days.get(i).equity()).as("equity on %s", TRADING.get(i)).isCloseTo(batch.equity(i), within(1e-6 * batch.equity(i)));
        }
        List<LiveBookStore.Trade> trades = books.trades(mf.name(), mf.version(), START, asOf);
        List<Fill> batchFills = batch.fills().stream().filter(f -> !f.date().isAfter(asOf)).toList();
        List<Rejection> batchRejections = batch.rejections().stream().filter(r -> !r.date().isAfter(asOf)).toList();
        List<LiveBookStore.Trade> fills = trades.stream().filter(t -> t.kind().equals("fill")).toList();
        List<LiveBookStore.Trade> rejected = trades.stream().filter(t -> t.kind().equals("rejected")).toList();
        assertThat(fills).extracting(t -> t.date() + " " + t.tsCode() + " " + t.side() + " " + t.shares() + " @" + t.price())
                .containsExactlyElementsOf(batchFills.stream().map(f -> f.date() + " " + f.code() + " " + f.side() + " " + f.shares()
                        + " @" + f.price()).toList());
        assertThat(rejected).extracting(t -> t.date() + " " + t.tsCode() + " " + t.side() + " " + t.reason())
                .containsExactlyElementsOf(batchRejections.stream().map(r -> r.date() + " " + r.code() + " " + r.side() + " "
                        + r.reason().code()).toList());
        assertThat(fills).hasSizeGreaterThan(10);
        assertThat(rejected).as("rejected orders with their reasons").isNotEmpty();
        System.out.println("[live book] rejections: " + rejected.stream().map(t -> t.date() + " " + t.tsCode() + " " + t.reason())
                .collect(Collectors.joining(", ")));

        checkApi(mf, batch, days);
    }

    private void checkApi(StrategyDefinition mf, BacktestResult batch, List<LiveBookStore.Day> days) throws Exception {
        LiveBookStore.Day last = days.get(days.size() - 1);
        double liveReturn = last.equity() / CAPITAL - 1;
        double backtestReturn = batch.equity(days.size() - 1) / CAPITAL - 1;
        List<Bar> csi300 = BarCsv.read(SampleData.file(SampleDataService.INDEX)).stream()
                .filter(b -> b.tsCode().equals(TsCode.of("000300.SH"))).toList();
        double benchmarkReturn = close(csi300, last.date()) / close(csi300, START) - 1;
        List<Double> differences = new ArrayList<>();
        for (int i = 1; i < days.size(); i++) {
            differences.add(days.get(i).equity() / days.get(i - 1).equity() - batch.equity(i) / batch.equity(i - 1));
        }
        double mean = differences.stream().mapToDouble(d -> d).sum() / differences.size();
        double trackingError = Math.sqrt(differences.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum()
                / (differences.size() - 1)) * Math.sqrt(252);

        HttpResponse<String> summary = get("/api/strategies/multi_factor/live");
        System.out.println("[live book] GET /live -> " + summary.body());
        assertThat(summary.statusCode()).isEqualTo(200);
        JsonNode s = json.readTree(summary.body());
        assertThat(s.path("startDate").asString()).isEqualTo(START.toString());
        assertThat(s.path("asOf").asString()).isEqualTo(last.date().toString());
        assertThat(s.path("initialCapital").asDouble()).isEqualTo(CAPITAL);
        assertThat(s.path("equity").asDouble()).isEqualTo(last.equity());
        assertThat(s.path("totalReturn").asDouble()).isCloseTo(liveReturn, within(1e-12));
        assertThat(s.path("benchmarkReturn").asDouble()).isCloseTo(benchmarkReturn, within(1e-12));
        assertThat(s.path("trackingDifference").asDouble()).isCloseTo(liveReturn - backtestReturn, within(1e-12)).isCloseTo(0, within(1e-6));
        assertThat(s.path("trackingError").asDouble()).isCloseTo(trackingError, within(1e-12)).isCloseTo(0, within(1e-6));

        JsonNode equity = json.readTree(get("/api/strategies/multi_factor/live/equity").body());
        assertThat(equity).hasSize(days.size());
        assertThat(equity.get(0).path("benchmarkEquity").asDouble()).isCloseTo(CAPITAL, within(1e-6));
        assertThat(equity.get(days.size() - 1).path("benchmarkEquity").asDouble()).isCloseTo(CAPITAL * (1 + benchmarkReturn), within(1e-6));
        for (int i = 0; i < days.size(); i++) {
            assertThat(equity.get(i).path("backtestEquity").asDouble()).isEqualTo(batch.equity(i));
        }

        JsonNode positions = json.readTree(get("/api/strategies/multi_factor/live/positions").body());
        assertThat(positions).hasSize(s.path("positions").asInt()).isNotEmpty();
        double weights = 0;
        for (JsonNode p : positions) {
            assertThat(p.path("marketValue").asDouble()).isCloseTo(p.path("shares").asDouble() * p.path("lastClose").asDouble(), within(1e-6));
            assertThat(p.path("pnl").asDouble()).isCloseTo(p.path("marketValue").asDouble() - p.path("cost").asDouble(), within(1e-6));
            weights += p.path("weight").asDouble();
        }
        assertThat(weights + last.cashCents() / 100.0 / last.equity()).isCloseTo(1, within(1e-6));

        JsonNode trades = json.readTree(get("/api/strategies/multi_factor/live/trades?start=" + START + "&end=" + last.date()).body());
        assertThat(trades).hasSize(books.trades(mf.name(), mf.version(), START, last.date()).size());

        HttpResponse<String> badDate = get("/api/strategies/multi_factor/live/equity?start=2021-13-01");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(badDate.body()).contains("\"field\":\"start\"");
        HttpResponse<String> reversed = get("/api/strategies/multi_factor/live/trades?start=2021-08-01&end=2021-07-01");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("\"field\":\"end\"");
        assertThat(get("/api/strategies/multi_factor/live/positions?date=x").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = get("/api/strategies/nope/live");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Unknown strategy 'nope'");
    }

    private static double close(List<Bar> bars, LocalDate day) {
        return bars.stream().filter(b -> !b.tradeDate().isAfter(day)).reduce((a, b) -> b).orElseThrow().close();
    }

    private void send(KafkaProducer<String, String> producer, LocalDate day) throws Exception {
        FactorsComputed event = new FactorsComputed("factors-" + day, FactorsComputed.VERSION, Instant.now(), day, List.of(),
                List.of(), "factors-1");
        producer.send(new ProducerRecord<>(Topics.FACTORS_COMPUTED, "market", serde.toJson(event))).get();
    }

    private static void printRejections(BacktestResult batch) {
        Map<String, Long> byReason = batch.rejections().stream()
                .collect(Collectors.groupingBy(r -> r.date() + ":" + r.reason().code(), java.util.TreeMap::new, Collectors.counting()));
        System.out.println("[live book] batch rejections by day: " + byReason);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
