package com.alphaquant.backtest;

import com.alphaquant.market.Bar;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server (the JDK's) answering model-service's registry and prediction API in its
 * JSON format: {@code GET /api/models/{id}} (200 for {@link #MODEL}, else a 404 problem) and
 * {@code POST /api/models/{id}/predict} with {@code {"date"}}: for every sample stock with a bar
 * that day, a "model" that predicts the reversal of the last five sessions ({@link #predict}),
 * computed from bars up to that day only; a date without bars is a 400 problem naming
 * {@code date}, as model-service answers. It can be stopped (model-service down).
 */
public final class FakeModelService extends RestartableServer {

    /** The one registered model. */
    public static final UUID MODEL = UUID.fromString("6d1f4e2a-0c3b-4f5e-9a7d-2b8c1e0f3a4d");
    public static final String NAME = "reversal-5d";

    private static FakeModelService shared;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<LocalDate> predictedDays = new CopyOnWriteArrayList<>();
    private volatile boolean failPredictions;

    private FakeModelService() {
        super("/api/models/", 2);
    }

    @Override
    protected HttpHandler handler() {
        return this::handle;
    }

    /** One server per test JVM (the Spring context that points at it is cached too). */
    public static synchronized FakeModelService shared() {
        if (shared == null) {
            Sample.stocks();
            FakeModelService f = new FakeModelService();
            f.bind(0);
            shared = f;
        }
        return shared;
    }



    /** The days asked for predictions since the last {@link #clear()}, in order. */
    public List<LocalDate> predictedDays() {
        return List.copyOf(predictedDays);
    }

    public void clear() {
        predictedDays.clear();
    }



    /** Predictions answer 503 with a problem body (the registry still answers). */
    public void failPredictions(boolean on) {
        failPredictions = on;
    }


    /**
     * The fake model's predicted log return of every sample stock with a bar on {@code date}:
     * minus its log return over the last five of its bars up to {@code date} (adjusted closes);
     * stocks with fewer than six bars get none.
     */
    public static Map<String, Double> predict(LocalDate date) {
        Map<String, Double> out = new LinkedHashMap<>();
        Sample.stocks().forEach((code, bars) -> {
            int last = lastIndexOn(bars, date);
            if (last >= 5) {
                out.put(code.toString(), -Math.log(adjusted(bars.get(last)) / adjusted(bars.get(last - 5))));
            }
        });
        return out;
    }

    private static double adjusted(Bar b) {
        double f = b.adjFactor();
        return b.close() * (Double.isNaN(f) ? 1 : f);
    }

    /** The index of the bar dated {@code date}, or -1 when the stock has none that day. */
    private static int lastIndexOn(List<Bar> bars, LocalDate date) {
        int lo = 0;
        int hi = bars.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = bars.get(mid).tradeDate().compareTo(date);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String[] path = x.getRequestURI().getPath().substring("/api/models/".length()).split("/");
            if (!path[0].equals(MODEL.toString())) {
                send(x, 404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No model " + path[0] + "\"}");
            } else if (path.length == 1 && x.getRequestMethod().equals("GET")) {
                send(x, 200, json.writeValueAsString(Map.of("id", MODEL.toString(), "name", NAME, "status", "READY")));
            } else if (path.length == 2 && path[1].equals("predict") && x.getRequestMethod().equals("POST")) {
                if (failPredictions) {
                    send(x, 503, "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"model store is down\"}");
                    return;
                }
                JsonNode body = json.readTree(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                LocalDate date = LocalDate.parse(body.get("date").asString());
                predictedDays.add(date);
                Map<String, Double> predicted = predict(date);
                if (predicted.isEmpty()) {
                    send(x, 400, "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"No bars on " + date
                            + "\",\"field\":\"date\"}");
                    return;
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                predicted.forEach((code, r) -> rows.add(Map.of("tsCode", code, "logReturn", r, "sharpe", 0.0, "maxDrawdown", 0.0)));
                send(x, 200, json.writeValueAsString(Map.of("modelId", MODEL.toString(), "modelName", NAME, "date", date.toString(),
                        "horizon", 20, "predictions", rows)));
            } else {
                send(x, 404, "{\"status\":404,\"detail\":\"no such path\"}");
            }
        } catch (RuntimeException e) {
            send(x, 500, "{\"status\":500,\"detail\":" + json.writeValueAsString(String.valueOf(e.getMessage())) + "}");
        }
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
