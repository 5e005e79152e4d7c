package com.alphaquant.support.panel;

import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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

/**
 * A real HTTP server speaking data-service's quote API over the 30-stock sample: securities, ST episodes,
 * unadjusted single-stock bars (adjFactor as Tushare's cumulative factor, adj_factor_rel ×
 * {@value #TUSHARE_SCALE}), the index, the streamed multi-stock panel with its caps, and the
 * liveness probe. Every API request is recorded; {@link #replace} swaps a route's behaviour.
 */
public final class DataServiceStub implements AutoCloseable {

    public static final double TUSHARE_SCALE = 118.7;
    public static final String SINGLE = "/api/data/bars";
    public static final String PANEL = "/api/data/bars/panel";
    public static final String NORTH = "/api/data/flows/north";

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private DataServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/data/securities", ex -> reply(ex, 200, PanelSample.CODES.stream()
                .map(c -> "{\"tsCode\":\"" + c + "\",\"name\":\"x\",\"listDate\":null}")
                .collect(Collectors.joining(",", "[", "]"))));
        server.createContext(SINGLE, ex -> {
            Map<String, String> q = query(ex);
            if (!"none".equals(q.get("adjust"))) {
                reply(ex, 400, "{\"status\":400,\"detail\":\"the client must ask adjust=none\"}");
                return;
            }
            TsCode code = TsCode.of(q.get("ts_code"));
            reply(ex, 200, json(PanelSample.STOCK_BARS, b -> b.tsCode().equals(code), q));
        });
        server.createContext(PANEL, this::panel);
        server.createContext("/api/data/indices/000300.SH/bars", ex ->
                reply(ex, 200, json(PanelSample.INDEX_BARS, b -> b.tsCode().toString().equals("000300.SH"), query(ex))));
        server.createContext("/api/data/st", ex -> {
            Map<String, String> q = query(ex);
            reply(ex, 200, PanelSample.ST.episodes(LocalDate.parse(q.get("start")), LocalDate.parse(q.get("end"))).stream()
                    .map(e -> "{\"tsCode\":\"" + e.tsCode() + "\",\"name\":\"" + e.name() + "\",\"startDate\":\"" + e.first()
                            + "\",\"endDate\":" + (e.last() == null ? "null" : "\"" + e.last() + "\"") + "}")
                    .collect(Collectors.joining(",", "[", "]")));
        });
        server.createContext(NORTH, ex -> {
            Map<String, String> q = query(ex);
            reply(ex, 200, flowsJson(LocalDate.parse(q.get("start")), LocalDate.parse(q.get("end"))));
        });
        server.createContext("/api/data/industries/memberships", ex -> reply(ex, 200, """
                [{"industryCode":"IND001.SIM","name":"银行","tsCode":"600000.SH","inDate":"1999-11-10","outDate":"2022-02-01"},
                 {"industryCode":"IND002.SIM","name":"全国地产","tsCode":"600000.SH","inDate":"2022-02-01","outDate":null}]"""));
        server.createContext("/actuator/health/liveness", ex -> reply(ex, 200, "{\"status\":\"UP\"}"));
        server.start();
    }

    public static DataServiceStub start() {
        return new DataServiceStub();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The recorded requests (path and query) to {@code path}. */
    public List<String> requests(String path) {
        return requests.stream().filter(r -> r.startsWith(path + "?")).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    /** Serves {@code path} with {@code handler} from now on (the request is still recorded). */
    public void replace(String path, HttpHandler handler) {
        server.removeContext(path);
        server.createContext(path, ex -> {
            requests.add(ex.getRequestURI().toString());
            handler.handle(ex);
        });
    }

    @Override
    public void close() {
        server.stop(0);
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
        List<Bar> rows = PanelSample.STOCK_BARS.stream()
                .filter(b -> all || codes.contains(b.tsCode().toString()))
                .filter(b -> !b.tradeDate().isBefore(from) && !b.tradeDate().isAfter(to))
                .sorted(Comparator.comparing(Bar::tsCode).thenComparing(Bar::tradeDate)).toList();
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(barsJson(rows).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String json(List<Bar> bars, Predicate<Bar> which, Map<String, String> q) {
        LocalDate from = LocalDate.parse(q.get("start"));
        LocalDate to = LocalDate.parse(q.get("end"));
        return barsJson(bars.stream().filter(which).filter(b -> !b.tradeDate().isBefore(from) && !b.tradeDate().isAfter(to))
                .toList());
    }

    /** data-service's northbound flow days in [from, to] (only north_money is read by the client). */
    static String flowsJson(LocalDate from, LocalDate to) {
        List<String> days = new ArrayList<>();
        for (int i = 0; i < PanelSample.NORTH.size(); i++) {
            LocalDate day = DateInts.toLocalDate(PanelSample.NORTH.dates()[i]);
            double v = PanelSample.NORTH.values()[i];
            if (!day.isBefore(from) && !day.isAfter(to)) {
                days.add("{\"tradeDate\":\"" + day + "\",\"hgt\":null,\"sgt\":null,\"northMoney\":"
                        + (Double.isNaN(v) ? "null" : Double.toString(v)) + ",\"ggtSs\":null,\"ggtSz\":null,\"southMoney\":null}");
            }
        }
        return "[" + String.join(",", days) + "]";
    }

    /** data-service's BarView array: raw prices, adjFactor as Tushare's cumulative factor. */
    public static String barsJson(List<Bar> bars) {
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

    public static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
