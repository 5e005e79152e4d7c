package com.alphaquant.strategy.book;

import com.alphaquant.market.Bar;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * data-service's quote API as a real HTTP server (JDK) over the 30-stock real sample, in its JSON:
 * {@code /api/data/calendar}, {@code /securities}, {@code /bars}, {@code /indices/{code}/bars},
 * {@code /st} (none: the run's ST history is empty) and {@code /limits} (none stored: the rule
 * book's limits). It can be made to answer 503 (data-service down).
 */
final class SampleDataService implements AutoCloseable {

    static final String BARS = "mini_raw_adj_30_20210104_20221220.csv.gz";
    static final String INDEX = "index_daily_2018_2026.csv.gz";

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<TsCode, List<Bar>> bars;
    private final Map<TsCode, List<Bar>> indices;
    private final Map<TsCode, LocalDate> listDates = new HashMap<>();
    private final TradingCalendar calendar;
    private final HttpServer server;
    volatile boolean failing;

    SampleDataService() {
        bars = BarCsv.read(SampleData.file(BARS)).stream().collect(Collectors.groupingBy(Bar::tsCode));
        indices = BarCsv.read(SampleData.file(INDEX)).stream().collect(Collectors.groupingBy(Bar::tsCode));
        Set<TsCode> known = bars.keySet();
        for (StockBasic b : StockBasicCsv.read(SampleData.file("stock_basic_350.csv.gz"))) {
            if (known.contains(b.tsCode())) {
                listDates.put(b.tsCode(), b.listDate());
            }
        }
        calendar = TradeCalCsv.read(SampleData.file("trade_cal_SSE_derived_20160101_20260318.csv.gz"));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/data/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    TradingCalendar calendar() {
        return calendar;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (failing) {
                send(exchange, 503, Map.of("title", "Service Unavailable", "status", 503));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            LocalDate start = q.containsKey("start") ? LocalDate.parse(q.get("start")) : null;
            LocalDate end = q.containsKey("end") ? LocalDate.parse(q.get("end")) : null;
            Object body;
            if (path.equals("/api/data/calendar")) {
                List<Map<String, Object>> days = new java.util.ArrayList<>();
                for (LocalDate d = start.isBefore(calendar.first()) ? calendar.first() : start;
                     !d.isAfter(end) && !d.isAfter(calendar.last()); d = d.plusDays(1)) {
                    days.add(Map.of("date", d.toString(), "open", calendar.isOpen(d)));
                }
                body = days;
            } else if (path.equals("/api/data/securities")) {
                body = listDates.entrySet().stream().map(e -> Map.of("tsCode", e.getKey().toString(), "listDate", e.getValue().toString()))
                        .toList();
            } else if (path.equals("/api/data/bars")) {
                body = rows(bars.getOrDefault(TsCode.of(q.get("ts_code")), List.of()), start, end);
            } else if (path.startsWith("/api/data/indices/") && path.endsWith("/bars")) {
                String code = path.substring("/api/data/indices/".length(), path.length() - "/bars".length());
                body = rows(indices.getOrDefault(TsCode.of(code), List.of()), start, end);
            } else if (path.equals("/api/data/st") || path.equals("/api/data/limits")) {
                body = List.of();
            } else {
                send(exchange, 404, Map.of("title", "Not Found", "status", 404));
                return;
            }
            send(exchange, 200, body);
        }
    }

    private static List<Map<String, Object>> rows(List<Bar> series, LocalDate start, LocalDate end) {
        return series.stream().filter(b -> !b.tradeDate().isBefore(start) && !b.tradeDate().isAfter(end)).map(b -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tsCode", b.tsCode().toString());
            row.put("tradeDate", b.tradeDate().toString());
            row.put("open", b.open());
            row.put("high", b.high());
            row.put("low", b.low());
            row.put("close", b.close());
            row.put("preClose", b.preClose());
            row.put("vol", b.vol());
            row.put("amount", b.amount());
            row.put("adjFactor", Double.isNaN(b.adjFactor()) ? null : b.adjFactor());
            return row;
        }).toList();
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
