package com.alphaquant.backtest;

import com.alphaquant.market.Bar;
import com.alphaquant.market.IndexWeight;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server (the JDK's) answering data-service's quote API in data-service's JSON
 * format over the real sample: {@code GET /api/data/bars?ts_code=&start=&end=&adjust=none},
 * {@code /api/data/indices/{code}/bars}, {@code /api/data/securities}, {@code /api/data/calendar},
 * {@code /api/data/st?start=&end=} (the ST episodes of the sample's name history),
 * {@code /api/data/indices/{code}/weights?start=&end=} (the synthetic CSI 300 constituents),
 * {@code /api/data/limits?ts_codes=&start=&end=} (the synthetic stk_limit rows).
 * It can be stopped and started again on the same port (data-service down), made to answer 503,
 * made slow, or made to hold every call until released.
 */
public final class FakeDataService extends RestartableServer {

    private static FakeDataService shared;

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private volatile boolean failing;
    private volatile long delayMillis;
    private volatile CountDownLatch gate;

    private FakeDataService() {
        super("/api/data/", 4);
    }

    @Override
    protected HttpHandler handler() {
        return this::handle;
    }

    /** One server per test JVM (the Spring context that points at it is cached too). */
    public static synchronized FakeDataService shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Starts on a free port, the sample read first so that no call waits for it. */
    public static FakeDataService start() {
        Sample.stocks();
        Sample.indices();
        Sample.basics();
        Sample.calendar();
        Sample.stHistory();
        FakeDataService f = new FakeDataService();
        f.bind(0);
        return f;
    }



    public int calls() {
        return calls.get();
    }



    /** Answer every call with 503 and a problem body. */
    public void failing(boolean on) {
        failing = on;
    }

    public void delay(long millis) {
        delayMillis = millis;
    }

    /** Calls from now on hang, unanswered, until {@link #release()}: whoever asked is stuck mid-call. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    /** Answers the calls held and every later one. */
    public void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** How many calls are hanging now. */
    public int held() {
        return held.get();
    }


    private void handle(HttpExchange x) throws IOException {
        calls.incrementAndGet();
        try {
            CountDownLatch g = gate;
            if (g != null) {
                held.incrementAndGet();
                try {
                    g.await();
                } finally {
                    held.decrementAndGet();
                }
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            if (failing) {
                send(x, 503, "application/problem+json", "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"database is down\"}");
                return;
            }
            String path = x.getRequestURI().getPath();
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            Object body;
            if (path.equals("/api/data/bars")) {
                body = bars(Sample.stocks().get(TsCode.of(q.get("ts_code"))), q);
            } else if (path.startsWith("/api/data/indices/") && path.endsWith("/bars")) {
                String code = path.substring("/api/data/indices/".length(), path.length() - "/bars".length());
                body = bars(Sample.indices().get(TsCode.of(code)), q);
            } else if (path.startsWith("/api/data/indices/") && path.endsWith("/weights")) {
                body = weights(TsCode.of(path.substring("/api/data/indices/".length(), path.length() - "/weights".length())),
                        LocalDate.parse(q.get("start")), LocalDate.parse(q.get("end")));
            } else if (path.equals("/api/data/securities")) {
                List<Map<String, Object>> rows = new ArrayList<>();
                Sample.basics().forEach(b -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("tsCode", b.tsCode().toString());
                    row.put("name", b.name());
                    row.put("industry", b.industry());
                    row.put("market", null);
                    row.put("board", b.board().name());
                    row.put("listDate", b.listDate().toString());
                    rows.add(row);
                });
                body = rows;
            } else if (path.equals("/api/data/calendar")) {
                TradingCalendar cal = Sample.calendar();
                LocalDate from = max(LocalDate.parse(q.get("start")), cal.first());
                LocalDate to = min(LocalDate.parse(q.get("end")), cal.last());
                List<Map<String, Object>> rows = new ArrayList<>();
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("date", d.toString());
                    row.put("open", cal.isOpen(d));
                    rows.add(row);
                }
                body = rows;
            } else if (path.equals("/api/data/st")) {
                List<Map<String, Object>> rows = new ArrayList<>();
                Sample.stHistory().episodes(LocalDate.parse(q.get("start")), LocalDate.parse(q.get("end"))).forEach(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("tsCode", e.tsCode().toString());
                    row.put("name", e.name());
                    row.put("startDate", e.first().toString());
                    row.put("endDate", e.last() == null ? null : e.last().toString());
                    rows.add(row);
                });
                body = rows;
            } else if (path.equals("/api/data/limits")) {
                body = limits(q);
            } else if (path.equals("/api/data/industries/memberships")) {
                // Data-service's shape over the sample's stock_basic industries, with one planted move.
                List<Map<String, Object>> rows = new ArrayList<>();
                com.alphaquant.market.IndustryClassification.fromStockBasic(Sample.basics()).memberships().forEach(m -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("industryCode", m.industryCode());
                    row.put("name", m.industryName());
                    row.put("tsCode", m.tsCode().toString());
                    row.put("inDate", m.inDate().toString());
                    row.put("outDate", m.tsCode().toString().equals("600000.SH") ? "2022-02-01" : null);
                    rows.add(row);
                });
                body = rows;
            } else {
                send(x, 404, "application/problem+json", "{\"status\":404,\"detail\":\"no such path\"}");
                return;
            }
            send(x, 200, "application/json", json.writeValueAsString(body));
        } catch (RuntimeException | InterruptedException e) {
            send(x, 400, "application/problem+json", "{\"status\":400,\"detail\":" + json.writeValueAsString(String.valueOf(e.getMessage())) + "}");
        }
    }

    /** The synthetic stk_limit rows of the listed stocks in [start, end], as data-service serves them. */
    private static List<Map<String, Object>> limits(Map<String, String> q) {
        LocalDate start = LocalDate.parse(q.get("start"));
        LocalDate end = LocalDate.parse(q.get("end"));
        Set<String> codes = Set.of(q.get("ts_codes").split(","));
        List<Map<String, Object>> out = new ArrayList<>();
        for (var r : Sample.exchangeLimits()) {
            if (codes.contains(r.tsCode().toString()) && !r.tradeDate().isBefore(start) && !r.tradeDate().isAfter(end)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("tsCode", r.tsCode().toString());
                row.put("tradeDate", r.tradeDate().toString());
                row.put("preClose", Double.isNaN(r.preClose()) ? null : r.preClose());
                row.put("upLimit", r.upLimit());
                row.put("downLimit", r.downLimit());
                out.add(row);
            }
        }
        return out;
    }

    /** The publications in [start, end] and the one in force on start, as data-service serves them. */
    private static List<Map<String, Object>> weights(TsCode index, LocalDate start, LocalDate end) {
        LocalDate inForce = Sample.indexWeights().stream().filter(w -> w.indexCode().equals(index) && !w.tradeDate().isAfter(start))
                .map(IndexWeight::tradeDate).max(LocalDate::compareTo).orElse(start);
        List<Map<String, Object>> out = new ArrayList<>();
        Sample.indexWeights().stream().filter(w -> w.indexCode().equals(index) && !w.tradeDate().isBefore(inForce)
                && !w.tradeDate().isAfter(end)).forEach(w -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("tradeDate", w.tradeDate().toString());
                    row.put("conCode", w.conCode().toString());
                    row.put("weight", w.weight());
                    out.add(row);
                });
        return out;
    }

    private static List<Map<String, Object>> bars(List<Bar> rows, Map<String, String> q) {
        LocalDate start = LocalDate.parse(q.get("start"));
        LocalDate end = LocalDate.parse(q.get("end"));
        List<Map<String, Object>> out = new ArrayList<>();
        if (rows == null) {
            return out;
        }
        for (Bar b : rows) {
            if (b.tradeDate().isBefore(start) || b.tradeDate().isAfter(end)) {
                continue;
            }
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
            out.add(row);
        }
        return out;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
