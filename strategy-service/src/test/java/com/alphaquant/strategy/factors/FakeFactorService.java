package com.alphaquant.strategy.factors;

import com.alphaquant.support.web.TradingDates;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * factor-service's {@code GET /api/factors} as a real HTTP server (JDK), for tests of the whole
 * service: every one of {@link #CODES} (and those {@link #serveAlso} adds) on the asked day, with values derived from the code, the
 * day and the factor name (so the same request gets the same answer), and a close of 10. It
 * checks {@code start} and {@code end} as factor-service does, answering a 400 problem body
 * (RFC 9457, {@code errors[].field}) for a missing or unparsable date or one outside
 * 1990-12-19 … {@link #lastDate()}: its horizon may be nearer than the caller's.
 */
public final class FakeFactorService implements AutoCloseable {

    public static final List<String> CODES = List.of("600519.SH", "000001.SZ", "000002.SZ", "600036.SH", "601318.SH",
            "300750.SZ", "688981.SH", "002594.SZ");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final LocalDate lastDate;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> late = new CopyOnWriteArrayList<>();

    private FakeFactorService(LocalDate lastDate) {
        this.lastDate = lastDate;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/factors", this::factors);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-factor-service");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Serving at once on a free local port; dates after {@code lastDate} are refused with a 400. */
    public static FakeFactorService start(LocalDate lastDate) {
        return new FakeFactorService(lastDate);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public LocalDate lastDate() {
        return lastDate;
    }

    /** From now on serves {@code code} too, as factor-service does once a stock's late bars are in. */
    public void serveAlso(String code) {
        late.add(code);
    }

    /** Requests answered so far. */
    public int requests() {
        return requests.get();
    }

    /** The reason factor-service gives for a date beyond its horizon, as {@code TradingDates.outsideReason} words it. */
    public String outsideReason(LocalDate date) {
        return date + " is outside " + TradingDates.FIRST_SESSION + " … " + lastDate + " (the A-share market opened on "
                + TradingDates.FIRST_SESSION + ")";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void factors(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                problem(exchange, 405, "Method Not Allowed", null, exchange.getRequestMethod() + " is not supported");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            LocalDate start;
            LocalDate end;
            try {
                start = date("start", query.get("start"));
                end = date("end", query.get("end"));
            } catch (Rejected r) {
                problem(exchange, 400, "Invalid request", r.field, r.getMessage());
                return;
            }
            if (end.isBefore(start)) {
                problem(exchange, 400, "Invalid request", "end", "end " + end + " is before start " + start);
                return;
            }
            if (!"all".equals(query.get("ts_codes"))) {
                problem(exchange, 400, "Invalid request", "ts_codes", "strategy-service asks for all");
                return;
            }
            List<String> names = List.of(query.getOrDefault("names", "").split(","));
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
                for (String code : codes()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (String name : names) {
                        values.put(name, value(code, d, name));
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("tsCode", code);
                    row.put("tradeDate", d.toString());
                    row.put("close", 10.0);
                    row.put("values", values);
                    rows.add(row);
                }
            }
            send(exchange, 200, "application/json", Map.of("engineVersion", "factors-1", "rows", rows));
        }
    }

    private List<String> codes() {
        List<String> codes = new java.util.ArrayList<>(CODES);
        codes.addAll(late);
        return codes;
    }

    /** A value in [-1, 1) from the code, day and name; RSI-like names in [0, 100). */
    static double value(String code, LocalDate day, String name) {
        int h = (code + "|" + day + "|" + name).hashCode();
        double unit = ((h & 0x7fffffff) % 10_000) / 10_000.0;
        return name.startsWith("RSI") || name.startsWith("WILLR") ? unit * 100 - (name.startsWith("WILLR") ? 100 : 0) : unit * 2 - 1;
    }

    private LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new Rejected(field, "is required (YYYY-MM-DD)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Rejected(field, "'" + text + "' is not a date: expected YYYY-MM-DD");
        }
        if (date.isBefore(TradingDates.FIRST_SESSION) || date.isAfter(lastDate)) {
            throw new Rejected(field, outsideReason(date));
        }
        return date;
    }

    private static final class Rejected extends RuntimeException {
        final String field;

        Rejected(String field, String reason) {
            super(reason);
            this.field = field;
        }
    }

    private static void problem(HttpExchange exchange, int status, String title, String field, String reason) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", status == 400 ? "https://alphaquant.dev/problems/invalid-request" : "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", field == null ? reason : field + ": " + reason);
        if (field != null) {
            body.put("errors", List.of(Map.of("field", field, "reason", reason)));
        }
        send(exchange, status, "application/problem+json", body);
    }

    private static void send(HttpExchange exchange, int status, String type, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }
}
