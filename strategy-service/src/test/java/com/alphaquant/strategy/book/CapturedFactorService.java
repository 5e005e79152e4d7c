package com.alphaquant.strategy.book;

import com.alphaquant.backtest.data.MarketData;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.strategy.signal.CrossSection;
import com.alphaquant.support.data.DataServiceBarSource;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * factor-service's {@code GET /api/factors} as a real HTTP server serving the factors libs/factors
 * computes from data-service's bars: those libs/backtest's multi_factor computed over
 * [start, end] on the same {@link SampleDataService} (each day's cross-section and closes, caught
 * from its decisions), in factor-service's JSON, null for NaN. That batch run is kept: it is the
 * independent backtest the live book is compared with.
 */
final class CapturedFactorService implements AutoCloseable {

    private record Day(CrossSection crossSection, Map<String, Double> closes) {}

    private final Map<LocalDate, Day> days = new ConcurrentHashMap<>();
    private final BacktestResult backtest;
    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();

    CapturedFactorService(SampleDataService data, LocalDate start, LocalDate end, double capital) {
        BacktestSpec spec = BacktestSpec.builder().strategy("multi_factor").startDate(start.toString()).endDate(end.toString())
                .initialCapital(capital).build(BacktestSpec.Dialect.CLI);
        MarketData.Loaded loaded = new MarketData(new DataServiceBarSource(data.url(), Duration.ofSeconds(2), Duration.ofSeconds(30)))
                .load(spec, null, f -> { });
        backtest = new BacktestEngine(loaded.panel(), spec.config()).run(spec.newStrategy(() -> null, loaded.panel(),
                (date, cs, traded, previous, closes, decision) -> days.put(date, new Day(cs, closes))));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/factors", this::factors);
        server.start();
    }

    /** The batch backtest over [start, end]. */
    BacktestResult backtest() {
        return backtest;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void factors(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getQuery();
            LocalDate date = LocalDate.parse(query.replaceAll(".*start=([0-9-]+).*", "$1"));
            Day day = days.get(date);
            List<Map<String, Object>> rows = new ArrayList<>();
            if (day != null) {
                CrossSection cs = day.crossSection();
                for (int i = 0; i < cs.size(); i++) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (String name : cs.factors().keySet()) {
                        double v = cs.factor(name)[i];
                        values.put(name, Double.isNaN(v) ? null : v);
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("tsCode", cs.tsCodes().get(i));
                    row.put("tradeDate", date.toString());
                    row.put("close", day.closes().get(cs.tsCodes().get(i)));
                    row.put("values", values);
                    rows.add(row);
                }
            }
            byte[] body = json.writeValueAsString(Map.of("engineVersion", "factors-1", "rows", rows)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
