package com.alphaquant.testsupport.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests the way an attacker or a clumsy client sends them, from well-formed ones
 * ({@link Endpoint}): broken query strings and escapes, absurd dates and numbers, path tricks,
 * wrong methods, garbage headers and media types, bodies that are not JSON, of the wrong types
 * or too large. Seeded, so a failure can be replayed. Each answer is checked: no 5xx, every 4xx
 * a problem body ({@code application/problem+json} with its status), no normal answer labelled
 * as a problem, and no answer echoing a large value back.
 */
public final class HttpFuzzer {

    /** A well-formed request to start from; {@code query} values and {@code json} fields are what get spoiled. */
    public record Endpoint(String method, String path, Map<String, String> query, String json) {

        public static Endpoint get(String path, String... nameValues) {
            return new Endpoint("GET", path, pairs(nameValues), null);
        }

        public static Endpoint post(String path, String json) {
            return new Endpoint("POST", path, Map.of(), json);
        }

        private static Map<String, String> pairs(String... nameValues) {
            Map<String, String> query = new LinkedHashMap<>();
            for (int i = 0; i + 1 < nameValues.length; i += 2) {
                query.put(nameValues[i], nameValues[i + 1]);
            }
            return query;
        }
    }

    /** One request as sent: a request line and headers, and a body. */
    public record Request(String method, String target, List<String> headers, byte[] body, String kind) {
        String describe() {
            String b = body == null ? "" : " body=" + new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8)
                    + (body.length > 120 ? "…(" + body.length + " bytes)" : "");
            return kind + ": " + method + " " + (target.length() > 160 ? target.substring(0, 160) + "…" : target) + b;
        }
    }

    /** What a run saw. */
    public record Report(String service, long seed, int requests, SortedMap<Integer, Integer> byStatus,
                         int serverErrors, int problemless4xx, List<String> failures, long millis) {

        public String summary() {
            return String.format("[fuzz] %s: %d requests (seed %d) in %.1f s; by status %s; 5xx = %d; 4xx without problem body = %d; "
                    + "other failures = %d", service, requests, seed, millis / 1000.0, byStatus, serverErrors, problemless4xx,
                    failures.size() - serverErrors - problemless4xx);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Query values as they would be typed, percent-encoded when sent. */
    static final List<String> NASTY_VALUES = List.of("", " ", "-999999999-01-01", "+999999999-12-31", "0000-00-00",
            "1970-01-01", "1900-01-01", "2200-01-01", "99999999", "2021-02-30", "2021-13-01", "20210230", "1e400", "NaN",
            "Infinity", "-1", "0", "99999999999999999999", "-2147483649", "all", "ALL,", ",", ",,,", " , ", "900901.SH",
            "200002.SZ", "123456.XX", "600519.sh", "600519", ".SH", "../../etc/passwd", "<script>alert(1)</script>",
            "' OR 1=1 --", "null", "true", "中文", "\u0000", "\t\n", "%", "x".repeat(3000), "600519.SH,".repeat(600));
    /** Query fragments sent as they are, never encoded. */
    static final List<String> RAW_VALUES = List.of("%ZZ", "%C0%AF", "%", "%E4%B8", "%FF%FE", "%00", "%0A", "a%", "%%",
            "%u0041", "+%2B%20", "%F0%9F%98");
    static final List<String> QUERY_JUNK = List.of("&&=", "&=x", "&%ZZ=1", "&x", "&&", "&=", "&a=1&a=2&a=3", "&%00=1",
            "&%C0%AF=%C0%AF", "#frag", "&;=;");
    static final List<String> PATH_JUNK = List.of("%2F", "%5C", "%00", "..", "%2e%2e", "%2E%2E%2F", "//", "/./", ";x=1",
            ";jsessionid=1", "%20", "%C0%AF", "%ZZ", "~", "%252F", "中文", "a".repeat(2000), "%0d%0aX-Injected:%201");
    static final List<String> METHODS = List.of("TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "FOO", "get", "PROPFIND",
            "POST", "GET");
    static final List<String> BAD_MEDIA = List.of("text/", ";;;", "application/json;q=x", "*/;", "/", "application/json;=",
            "a/b/c", "text/html; charset", "\"json\"", "application/ json", "application/json; q=2");
    static final List<String> OTHER_MEDIA = List.of("text/html", "application/xml", "text/plain", "image/png",
            "application/problem+json", "application/problem+json;q=1, application/json;q=0.1", "text/csv", "*/*");
    static final List<String> JSON_VALUES = List.of("null", "\"\"", "0", "-1", "1e308", "-1e308", "1e400", "\"1e400\"",
            "NaN", "\"NaN\"", "Infinity", "true", "[]", "{}", "[\"\"]", "[null]", "99999999999", "-999999999", "0.5",
            "\"2021-13-45\"", "\"-999999999-01-01\"", "\"+999999999-12-31\"", "\"1970-01-01\"", "\"20210104\"", "\"all\"",
            "[\"900901.SH\"]", "[\"all\",\"600519.SH\"]", "\"" + "y".repeat(100_000) + "\"", "[" + "1,".repeat(5000) + "1]",
            "\"\\u0000\"", "{\"a\":{\"b\":{\"c\":[]}}}");
    static final List<String> BAD_BODIES = List.of("", "{", "}", "[", "nul", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "[1,2",
            "\u0000\u0001", "<xml/>", "a=1&b=2", "{\"a\":1}{\"b\":2}", "[".repeat(5000), "{\"a\":" + "[".repeat(2000),
            "\"just a string\"", "123", "true", "\uFEFF{}", "{\"a\":\"\\uZZZZ\"}");

    private final String host;
    private final int port;
    private final long seed;
    private final Random random;
    private final int timeoutMillis;
    private final List<String> fixedHeaders = new ArrayList<>();

    public HttpFuzzer(String host, int port, long seed) {
        this.host = host;
        this.port = port;
        this.seed = seed;
        this.random = new Random(seed);
        this.timeoutMillis = 20_000;
    }

    /** Sends {@code header} ("Name: value", e.g. an API key) unspoiled with every request. */
    public HttpFuzzer withHeader(String header) {
        fixedHeaders.add(header);
        return this;
    }

    /** Sends {@code count} spoiled variants of {@code endpoints} and checks every answer. */
    public Report run(String service, List<Endpoint> endpoints, int count) {
        long started = System.nanoTime();
        SortedMap<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int serverErrors = 0;
        int problemless = 0;
        for (int i = 0; i < count; i++) {
            Request request = next(endpoints.get(random.nextInt(endpoints.size())));
            RawHttp.Answer answer;
            try {
                answer = RawHttp.send(host, port, head(request), request.body(), timeoutMillis);
            } catch (IOException e) {
                failures.add("no answer (" + e + ") to " + request.describe());
                byStatus.merge(0, 1, Integer::sum);
                continue;
            }
            byStatus.merge(answer.status(), 1, Integer::sum);
            String problem = check(request, answer);
            if (problem != null) {
                failures.add(problem + " — " + request.describe() + " → " + answer.status() + " " + answer.contentType() + " "
                        + answer.body().substring(0, Math.min(200, answer.body().length())));
                if (answer.status() >= 500) {
                    serverErrors++;
                } else if (problem.startsWith("4xx")) {
                    problemless++;
                }
            }
        }
        return new Report(service, seed, count, byStatus, serverErrors, problemless, failures,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    static String check(Request request, RawHttp.Answer answer) {
        int status = answer.status();
        if (status >= 500) {
            return "5xx";
        }
        boolean head = request.method().equals("HEAD");
        if (status >= 400 && !head) {
            if (!answer.isProblem()) {
                return "4xx without a problem body";
            }
            try {
                JsonNode body = JSON.readTree(answer.body());
                if (body.path("status").asInt() != status || body.path("title").isMissingNode()) {
                    return "4xx problem body without its status and title";
                }
            } catch (RuntimeException e) {
                return "4xx problem body that is not JSON";
            }
            if (answer.bodyLength() > 16 * 1024) {
                return "4xx echoing a large value (" + answer.bodyLength() + " bytes)";
            }
        }
        if (status < 300 && answer.isProblem()) {
            return "a normal answer labelled as a problem";
        }
        return null;
    }

    private String head(Request r) {
        StringBuilder sb = new StringBuilder(r.method()).append(' ').append(r.target()).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(host).append(':').append(port).append("\r\nConnection: close");
        for (String h : fixedHeaders) {
            sb.append("\r\n").append(h);
        }
        for (String h : r.headers()) {
            sb.append("\r\n").append(h);
        }
        if (r.body() != null) {
            sb.append("\r\nContent-Length: ").append(r.body().length);
        }
        return sb.toString();
    }

    Request next(Endpoint e) {
        int kind = random.nextInt(100);
        if (e.json() != null && kind < 45) {
            return body(e);
        }
        if (kind < 30) {
            return queryValue(e);
        }
        if (kind < 40) {
            return queryJunk(e);
        }
        if (kind < 58) {
            return path(e);
        }
        if (kind < 66) {
            return method(e);
        }
        if (kind < 82) {
            return headers(e);
        }
        if (kind < 90) {
            return oversized(e);
        }
        return plain(e, "as-is", List.of("Accept: " + pick(OTHER_MEDIA)));
    }

    private Request plain(Endpoint e, String kind, List<String> headers) {
        return new Request(e.method(), e.path() + query(e.query()), new ArrayList<>(headers), jsonBody(e, e.json()), kind);
    }

    private Request queryValue(Endpoint e) {
        Map<String, String> query = new LinkedHashMap<>(e.query());
        String name = query.isEmpty() ? pick(List.of("start", "ts_code", "date", "x")) : pick(new ArrayList<>(query.keySet()));
        String target;
        if (random.nextBoolean()) {
            query.put(name, pick(NASTY_VALUES));
            target = e.path() + query(query);
        } else {
            query.put(name, "\u0001RAW\u0001");
            target = e.path() + query(query).replace(encode("\u0001RAW\u0001"), pick(RAW_VALUES));
        }
        return new Request(e.method(), target, new ArrayList<>(), jsonBody(e, e.json()), "query value");
    }

    private Request queryJunk(Endpoint e) {
        String q = query(e.query());
        String junk = pick(QUERY_JUNK);
        String target = e.path() + (q.isEmpty() ? "?" + junk.substring(1) : q + junk);
        if (random.nextInt(4) == 0 && !e.query().isEmpty()) { // a parameter left out
            Map<String, String> fewer = new LinkedHashMap<>(e.query());
            fewer.remove(pick(new ArrayList<>(fewer.keySet())));
            target = e.path() + query(fewer);
        }
        return new Request(e.method(), target, new ArrayList<>(), jsonBody(e, e.json()), "query string");
    }

    private Request path(Endpoint e) {
        String[] segments = e.path().split("/");
        int at = 1 + random.nextInt(segments.length - 1);
        String junk = pick(PATH_JUNK);
        switch (random.nextInt(3)) {
            case 0 -> segments[at] = junk;
            case 1 -> segments[at] = segments[at] + junk;
            default -> segments[at] = junk + segments[at];
        }
        String path = String.join("/", segments).replace(" ", "%20");
        return new Request(e.method(), path + query(e.query()), new ArrayList<>(), jsonBody(e, e.json()), "path");
    }

    private Request method(Endpoint e) {
        String method = pick(METHODS);
        byte[] body = method.equals("GET") || method.equals("TRACE") ? null : jsonBody(e, e.json() == null ? "{}" : e.json());
        List<String> headers = body == null ? new ArrayList<>() : new ArrayList<>(List.of("Content-Type: application/json"));
        return new Request(method, e.path() + query(e.query()), headers, body, "method");
    }

    private Request headers(Endpoint e) {
        List<String> headers = new ArrayList<>();
        switch (random.nextInt(6)) {
            case 0 -> headers.add("Accept: " + pick(BAD_MEDIA));
            case 1 -> headers.add("Accept: " + pick(OTHER_MEDIA));
            case 2 -> headers.add("Content-Type: " + pick(BAD_MEDIA));
            case 3 -> headers.add("Accept-Charset: " + pick(BAD_MEDIA));
            case 4 -> headers.add("X-" + pick(List.of("Forwarded-For", "Request-Id", "Trace")) + ": " + pick(NASTY_VALUES).replace("\u0000", "").replace("\t\n", ""));
            default -> headers.add(pick(List.of("Accept-Encoding: gzip;q=x", "Range: bytes=9-1", "If-Modified-Since: never",
                    "Content-Encoding: gzip", "Expect: 100-continue-ish", "Transfer-Encoding: identity")));
        }
        byte[] body = jsonBody(e, e.json());
        if (body != null && headers.stream().noneMatch(h -> h.startsWith("Content-Type"))) {
            headers.add("Content-Type: application/json");
        }
        return new Request(e.method(), e.path() + query(e.query()), headers, body, "headers");
    }

    private Request oversized(Endpoint e) {
        List<String> headers = new ArrayList<>();
        String target = e.path() + query(e.query());
        byte[] body = jsonBody(e, e.json());
        switch (random.nextInt(3)) {
            case 0 -> target = target + (target.contains("?") ? "&" : "?") + "pad=" + "A".repeat(9000 + random.nextInt(20000));
            case 1 -> headers.add("X-Pad: " + "B".repeat(9000 + random.nextInt(20000)));
            default -> {
                String big = "{\"pad\":\"" + "C".repeat(2_000_000 + random.nextInt(1_000_000)) + "\"}";
                body = big.getBytes(StandardCharsets.UTF_8);
            }
        }
        if (body != null) {
            headers.add("Content-Type: application/json");
        }
        return new Request(e.method(), target, headers, body, "oversized");
    }

    private Request body(Endpoint e) {
        List<String> headers = new ArrayList<>(List.of("Content-Type: " + (random.nextInt(8) == 0 ? pick(OTHER_MEDIA) : "application/json")));
        String text;
        int how = random.nextInt(10);
        if (how < 2) {
            text = pick(BAD_BODIES);
        } else {
            text = spoil(e.json(), how < 8 ? 1 : 3);
        }
        return new Request(e.method(), e.path() + query(e.query()), headers, text.getBytes(StandardCharsets.UTF_8), "body");
    }

    /** The JSON with {@code times} fields, chosen anywhere in the tree, given nasty values or removed. */
    String spoil(String json, int times) {
        JsonNode root = JSON.readTree(json);
        // Raw tokens (NaN, 1e400) are not valid JSON trees: the tree holds a marker per spoiled
        // field, and the text gets the raw values spliced in at the end.
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            List<ObjectNode> parents = new ArrayList<>();
            collect(root, parents);
            ObjectNode parent = pick(parents);
            List<String> names = new ArrayList<>();
            parent.propertyNames().forEach(names::add);
            if (names.isEmpty()) {
                continue;
            }
            String name = pick(names);
            if (random.nextInt(6) == 0) {
                parent.remove(name);
            } else {
                parent.put(name, marker(raw.size()));
                raw.add(pick(JSON_VALUES));
            }
        }
        String text = root.toString();
        for (int m = 0; m < raw.size(); m++) {
            text = text.replace("\"" + marker(m) + "\"", raw.get(m));
        }
        return text;
    }

    private static String marker(int n) {
        return "\u0001SPOT" + n + "\u0001";
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
            collect(it.next(), into);
        }
    }

    private static byte[] jsonBody(Endpoint e, String json) {
        return json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    }

    private static String query(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("?");
        query.forEach((k, v) -> sb.append(sb.length() > 1 ? "&" : "").append(encode(k)).append('=').append(encode(v)));
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
