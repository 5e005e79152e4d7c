package com.alphaquant.factor.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.factor.Sample;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a real HTTP server speaking data-service's quote API over the real sample:
 * unadjusted bars whose adjFactor is Tushare's cumulative factor (here adj_factor_rel × 118.7,
 * as the store holds it), securities, the index, and the streamed multi-stock panel. Requests
 * are counted: many stocks come in one panel request (or a few), not one request each.
 */
class DataServiceBarSourceTest {

    static final double TUSHARE_SCALE = 118.7;

    static final String SINGLE = "/api/data/bars";
    static final String PANEL = "/api/data/bars/panel";

    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/data/securities", ex -> reply(ex, 200, Sample.CODES.stream()
                .map(c -> "{\"tsCode\":\"" + c + "\",\"name\":\"x\",\"listDate\":null}")
                .collect(Collectors.joining(",", "[", "]"))));
        server.createContext("/api/data/bars", ex -> {
            Map<String, String> q = query(ex);
            assertThat(q.get("adjust")).isEqualTo("none");
            TsCode code = TsCode.of(q.get("ts_code"));
            reply(ex, 200, json(Sample.STOCK_BARS, b -> b.tsCode().equals(code), q));
        });
        server.createContext("/api/data/bars/panel", this::panel);
        server.createContext("/api/data/indices/000300.SH/bars", ex ->
                reply(ex, 200, json(Sample.INDEX_BARS, b -> b.tsCode().toString().equals("000300.SH"), query(ex))));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void factorsOverTheHttpApiEqualTheWholeHistory() {
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 4, Duration.ofSeconds(10))) {
            assertThat(source.securities()).hasSize(Sample.CODES.size());
            List<TsCode> codes = Sample.CODES;
            Map<TsCode, StockFactors> out = new FactorComputer(source, 400, 2)
                    .compute(codes, LocalDate.parse("2022-06-01"), LocalDate.parse("2022-06-30"));

            assertThat(out).hasSize(codes.size());
            // Another constant base for the adjusted prices (Tushare's cumulative factor, not
            // adj_factor_rel): the same values up to rounding, on every stock.
            out.values().forEach(s -> Sample.assertMatchesWholeHistory(s, 1e-9));
            // One panel request for the look-back, one for the older history of the stocks short
            // of it (here all: the sample starts inside the look-back), none per stock.
            assertThat(requests(PANEL)).hasSize(2).allMatch(r -> codesOf(r).equals(codes.stream().map(TsCode::toString).toList()));
            assertThat(requests(PANEL).get(1)).contains("start=1990-01-01");
            assertThat(requests(SINGLE)).isEmpty();
            assertThat(requests).anyMatch(r -> r.startsWith("/api/data/indices/000300.SH/bars?start="));
        }
    }

    @Test
    void oneStockStillUsesTheSingleStockEndpoint() {
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 4, Duration.ofSeconds(10))) {
            TsCode code = Sample.CODES.get(3);
            List<Bar> bars = source.stockBars(List.of(code, code), LocalDate.parse("2021-01-01"), LocalDate.parse("2022-12-31"));

            assertSameBars(bars, Sample.STOCK_BARS.stream().filter(b -> b.tsCode().equals(code)).toList());
            assertThat(requests(SINGLE)).hasSize(1).allMatch(r -> r.startsWith(SINGLE + "?ts_code=" + code));
            assertThat(requests(PANEL)).isEmpty();
        }
    }

    @Test
    void panelsBringEveryRequestedBarInFewRequests() {
        LocalDate from = LocalDate.parse("2021-03-01");
        LocalDate to = LocalDate.parse("2022-11-30");
        List<Bar> expected = Sample.STOCK_BARS.stream()
                .filter(b -> !b.tradeDate().isBefore(from) && !b.tradeDate().isAfter(to)).toList();
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 4, Duration.ofSeconds(10))) {
            // The whole sample: one request.
            assertSameBars(source.stockBars(Sample.CODES, from, to), expected);
            assertThat(requests(PANEL)).hasSize(1);

            // 630 codes (600 with no bars): lists of at most 500 codes, ⌈630/500⌉ = 2 requests.
            requests.clear();
            List<TsCode> more = new ArrayList<>(Sample.CODES);
            more.addAll(unknownCodes(600));
            assertSameBars(source.stockBars(more, from, to), expected);
            assertThat(requests(PANEL)).hasSize(2)
                    .allMatch(r -> codesOf(r).size() <= DataServiceBarSource.PANEL_MAX_CODES);
            assertThat(requests(PANEL).stream().mapToInt(r -> codesOf(r).size()).sum()).isEqualTo(630);
        }
    }

    @Test
    void manyCodesAskForAllAndKeepOnlyTheirs() {
        List<TsCode> asked = new ArrayList<>(Sample.CODES.subList(0, 20));
        asked.addAll(unknownCodes(DataServiceBarSource.ALL_ABOVE + 1 - 20));
        // Six years: ts_codes=all spans at most five per request.
        LocalDate from = LocalDate.parse("2017-01-01");
        LocalDate to = LocalDate.parse("2022-12-31");
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 4, Duration.ofSeconds(10))) {
            List<Bar> bars = source.stockBars(asked, from, to);

            assertSameBars(bars, Sample.STOCK_BARS.stream().filter(b -> asked.contains(b.tsCode())).toList());
            assertThat(requests(PANEL)).containsExactlyInAnyOrder(
                    PANEL + "?ts_codes=all&start=2017-01-01&end=2021-12-31",
                    PANEL + "?ts_codes=all&start=2022-01-01&end=2022-12-31");
        }
    }

    @Test
    void aPanelCutShortIsUnavailableNotFewerBars() {
        server.removeContext("/api/data/bars/panel");
        server.createContext("/api/data/bars/panel", ex -> {
            query(ex);
            String whole = panelJson(Sample.STOCK_BARS);
            reply(ex, 200, whole.substring(0, whole.lastIndexOf("},{") + 1)); // ends cleanly after a row, no ']'
        });
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 2, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> source.stockBars(Sample.CODES, LocalDate.parse("2022-01-01"), LocalDate.parse("2022-02-01")))
                    .isInstanceOf(BarSourceUnavailableException.class).hasMessageContaining("broken panel");
        }
    }

    @Test
    void anErrorOrNoServerIsUnavailableNotACrash() {
        server.removeContext("/api/data/bars");
        server.createContext("/api/data/bars", ex -> reply(ex, 500, "{\"status\":500}"));
        server.removeContext("/api/data/bars/panel");
        server.createContext("/api/data/bars/panel", ex -> reply(ex, 500, "{\"status\":500}"));
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 2, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> source.stockBars(List.of(Sample.CODES.get(0)), LocalDate.parse("2022-01-01"),
                    LocalDate.parse("2022-02-01"))).isInstanceOf(BarSourceUnavailableException.class);
            assertThatThrownBy(() -> source.stockBars(Sample.CODES, LocalDate.parse("2022-01-01"),
                    LocalDate.parse("2022-02-01"))).isInstanceOf(BarSourceUnavailableException.class);
        }
        try (DataServiceBarSource none = new DataServiceBarSource("http://127.0.0.1:1", 2, Duration.ofSeconds(5))) {
            assertThatThrownBy(none::securities).isInstanceOf(BarSourceUnavailableException.class);
            assertThatThrownBy(() -> none.stockBars(Sample.CODES, LocalDate.parse("2022-01-01"), LocalDate.parse("2022-02-01")))
                    .isInstanceOf(BarSourceUnavailableException.class);
        }
    }

    /** data-service's panel: its caps, rows ordered by ts_code then trade_date, streamed (chunked). */
    private void panel(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex);
        LocalDate from = LocalDate.parse(q.get("start"));
        LocalDate to = LocalDate.parse(q.get("end"));
        boolean all = q.get("ts_codes").equals("all");
        Set<String> codes = all ? Set.of() : Set.copyOf(Arrays.asList(q.get("ts_codes").split(",")));
        if (all ? !to.isBefore(from.plusYears(5)) : codes.size() > 500) {
            reply(ex, 400, "{\"status\":400}");
            return;
        }
        List<Bar> rows = Sample.STOCK_BARS.stream()
                .filter(b -> all || codes.contains(b.tsCode().toString()))
                .filter(b -> !b.tradeDate().isBefore(from) && !b.tradeDate().isAfter(to))
                .sorted(Comparator.comparing(Bar::tsCode).thenComparing(Bar::tradeDate)).toList();
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(panelJson(rows).getBytes(StandardCharsets.UTF_8));
        }
    }

    private List<String> requests(String path) {
        return requests.stream().filter(r -> r.startsWith(path + "?")).toList();
    }

    private static List<String> codesOf(String request) {
        String q = URLDecoder.decode(request.substring(request.indexOf('?') + 1), StandardCharsets.UTF_8);
        String codes = Arrays.stream(q.split("&")).filter(p -> p.startsWith("ts_codes=")).findFirst().orElseThrow()
                .substring("ts_codes=".length());
        return List.of(codes.split(","));
    }

    /** Valid stock codes that the sample does not hold. */
    private static List<TsCode> unknownCodes(int n) {
        return IntStream.range(0, n).mapToObj(i -> TsCode.of(String.format("00%04d.SZ", 3000 + i))).toList();
    }

    /** The same bars in any order; adjFactor is the sample's × the Tushare scale. */
    private static void assertSameBars(List<Bar> actual, List<Bar> sample) {
        Comparator<Bar> order = Comparator.comparing(Bar::tsCode).thenComparing(Bar::tradeDate);
        List<Bar> expected = sample.stream().map(b -> new Bar(b.tsCode(), b.tradeDate(), b.open(), b.high(), b.low(),
                b.close(), b.preClose(), b.vol(), b.amount(), b.adjFactor() * TUSHARE_SCALE)).sorted(order).toList();
        assertThat(actual.stream().sorted(order).toList()).isNotEmpty().isEqualTo(expected);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String json(List<Bar> bars, Predicate<Bar> which, Map<String, String> q) {
        LocalDate from = LocalDate.parse(q.get("start"));
        LocalDate to = LocalDate.parse(q.get("end"));
        return panelJson(bars.stream().filter(which).filter(b -> !b.tradeDate().isBefore(from) && !b.tradeDate().isAfter(to))
                .toList());
    }

    /** data-service's BarView array: raw prices, adjFactor as Tushare's cumulative factor. */
    private static String panelJson(List<Bar> bars) {
        return bars.stream()
                .map(b -> "{\"tsCode\":\"" + b.tsCode() + "\",\"tradeDate\":\"" + b.tradeDate() + "\",\"open\":" + b.open()
                        + ",\"high\":" + b.high() + ",\"low\":" + b.low() + ",\"close\":" + b.close() + ",\"preClose\":"
                        + b.preClose() + ",\"vol\":" + b.vol() + ",\"amount\":" + b.amount() + ",\"adjFactor\":"
                        + (Double.isNaN(b.adjFactor()) ? "null" : Double.toString(b.adjFactor() * TUSHARE_SCALE)) + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private Map<String, String> query(HttpExchange ex) {
        requests.add(ex.getRequestURI().toString());
        return Arrays.stream(ex.getRequestURI().getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
