package com.alphaquant.tusharesim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain java.net.http client for the simulator, as a consumer would write one. */
final class SimClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;
    private String token = TushareSim.DEFAULT_TOKEN;
    private Duration timeout = Duration.ofSeconds(20);

    SimClient(TushareSim sim) {
        this.url = sim.url();
    }

    SimClient token(String token) {
        this.token = token;
        return this;
    }

    SimClient timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Params as alternating name, value pairs. */
    Reply call(String api, Object... params) {
        return callFields(api, "", params);
    }

    /** fields: a comma-separated String or a List. */
    Reply callFields(String api, Object fields, Object... params) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put((String) params[i], params[i + 1]);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api_name", api);
        body.put("token", token);
        body.put("params", p);
        body.put("fields", fields);
        return post("", JSON.writeValueAsString(body));
    }

    Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).timeout(timeout).GET().build());
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).timeout(timeout).DELETE().build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** All rows of a query, paging with offset until has_more is false. */
    List<JsonNode> all(String api, Object... params) {
        List<JsonNode> rows = new ArrayList<>();
        int offset = 0;
        while (true) {
            Object[] withOffset = java.util.Arrays.copyOf(params, params.length + 2);
            withOffset[params.length] = "offset";
            withOffset[params.length + 1] = offset;
            Reply r = call(api, withOffset);
            if (r.code() != 0) {
                throw new AssertionError("page at offset " + offset + " failed: " + r.body());
            }
            r.items().forEach(rows::add);
            offset += r.items().size();
            if (!r.hasMore()) {
                return rows;
            }
        }
    }

    record Reply(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        int code() {
            return json().get("code").asInt();
        }

        String msg() {
            return json().get("msg").asString();
        }

        List<String> fields() {
            List<String> names = new ArrayList<>();
            json().get("data").get("fields").forEach(f -> names.add(f.asString()));
            return names;
        }

        JsonNode items() {
            return json().get("data").get("items");
        }

        boolean hasMore() {
            return json().get("data").get("has_more").asBoolean();
        }

        /** The cell of a row by field name. */
        JsonNode cell(int row, String field) {
            return items().get(row).get(fields().indexOf(field));
        }
    }
}
