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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a real HTTP server speaking data-service's quote API over the real sample:
 * unadjusted bars whose adjFactor is Tushare's cumulative factor (here adj_factor_rel × 118.7,
 * as the store holds it), securities, the index.
 */
class DataServiceBarSourceTest {

    static final double TUSHARE_SCALE = 118.7;

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
            List<TsCode> codes = Sample.CODES.subList(0, 5);
            Map<TsCode, StockFactors> out = new FactorComputer(source, 400, 2)
                    .compute(codes, LocalDate.parse("2022-06-01"), LocalDate.parse("2022-06-30"));

            assertThat(out).hasSize(5);
            // Another constant base for the adjusted prices: the same values up to rounding.
            out.values().forEach(s -> Sample.assertMatchesWholeHistory(s, 1e-9));
            assertThat(requests).anyMatch(r -> r.startsWith("/api/data/bars?ts_code=" + codes.get(0)));
            assertThat(requests).anyMatch(r -> r.startsWith("/api/data/indices/000300.SH/bars?start="));
        }
    }

    @Test
    void anErrorOrNoServerIsUnavailableNotACrash() {
        server.removeContext("/api/data/bars");
        server.createContext("/api/data/bars", ex -> reply(ex, 500, "{\"status\":500}"));
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 2, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> source.stockBars(List.of(Sample.CODES.get(0)), LocalDate.parse("2022-01-01"),
                    LocalDate.parse("2022-02-01"))).isInstanceOf(BarSourceUnavailableException.class);
        }
        try (DataServiceBarSource none = new DataServiceBarSource("http://127.0.0.1:1", 2, Duration.ofSeconds(5))) {
            assertThatThrownBy(none::securities).isInstanceOf(BarSourceUnavailableException.class);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String json(List<Bar> bars, Predicate<Bar> which, Map<String, String> q) {
        LocalDate from = LocalDate.parse(q.get("start"));
        LocalDate to = LocalDate.parse(q.get("end"));
        return bars.stream().filter(which).filter(b -> !b.tradeDate().isBefore(from) && !b.tradeDate().isAfter(to))
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
