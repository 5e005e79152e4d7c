package com.alphaquant.tusharesim;

import com.alphaquant.market.csv.SampleData;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server speaking Tushare Pro's protocol over Tushare-format CSV files: POST
 * {@code {api_name, token, params, fields}} to {@code /} and get {@code {request_id, code, msg,
 * data:{fields, items, has_more}}}; errors come with HTTP 200 and {@code code != 0} as Tushare
 * sends them. It enforces a per-token calls/minute limit and a row cap per call, injects faults
 * on demand, and counts every call. Built on the JDK's HttpServer: it starts in milliseconds
 * and loads each data file on first use (shared between simulators in one JVM).
 *
 * <pre>{@code
 * try (TushareSim sim = TushareSim.builder().dataDir(dir).callsPerMinute(200).rowCap(6000)
 *         .faults("5xx@1").seed(42).start()) {
 *     String url = sim.url();        // e.g. http://127.0.0.1:54321
 *     ...
 *     assertThat(sim.stats().calls("daily")).isZero();
 * }
 * }</pre>
 *
 * Admin endpoints: {@code GET /_sim/stats}, {@code GET|POST|DELETE /_sim/faults} (body: a fault
 * spec), {@code POST /_sim/reset}, {@code GET /_sim/health}.
 */
public final class TushareSim implements AutoCloseable {

    /** The token accepted by default. */
    public static final String DEFAULT_TOKEN = "sim-token";
    public static final int DEFAULT_CALLS_PER_MINUTE = 200;
    public static final int DEFAULT_ROW_CAP = 6000;
    public static final Duration DEFAULT_TIMEOUT_DELAY = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's
        // algorithm and delayed ACKs add ~40 ms to every small answer. Read once, when the
        // JDK's server config loads, so set before the first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private static final String INVALID_REQUEST = "(invalid)";
    private static final String NO_API = "(none)";

    private final HttpServer server;
    private final ExecutorService executor;
    private final DataSources data;
    private final Config config;
    private final RateLimits limits;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile FaultPlan faults;
    /** The last day whose dated rows are served ({@code yyyyMMdd}); later ones are not yet published. */
    private volatile int publishedThrough = Integer.MAX_VALUE;

    private final LongAdder calls = new LongAdder();
    private final Map<String, LongAdder> callsByApi = new ConcurrentHashMap<>();
    private final LongAdder ok = new LongAdder();
    private final Map<Integer, LongAdder> errorsByCode = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faultsByKind = new ConcurrentHashMap<>();
    private final LongAdder rowsServed = new LongAdder();
    private final ArrayDeque<Long> recentCalls = new ArrayDeque<>();
    private final AtomicLong requestSeq = new AtomicLong();

    private record Config(Set<String> tokens, boolean anyToken, Set<String> denied, int rowCap, Map<String, Integer> rowCapByApi,
                          Duration timeoutDelay, InstantSource clock, Consumer<String> callLog, boolean strictParams) {
    }

    private TushareSim(Builder b, int port) {
        Path dir = b.dataDir;
        if (dir == null && b.files.isEmpty()) {
            dir = SampleData.dir(); // fails with a message naming where it looked
        }
        this.data = DataSources.resolve(dir, b.files);
        this.config = new Config(Set.copyOf(b.tokens), b.anyToken, Set.copyOf(b.denied), b.rowCap, Map.copyOf(b.rowCapByApi),
                b.timeoutDelay, b.clock, b.callLog, b.strictParams);
        this.limits = new RateLimits(b.callsPerMinute, b.callsPerMinuteByApi, b.callsPerDay, b.clock, b.rateLimitAcrossApis);
        this.faults = FaultPlan.parse(b.faults, b.seed);
        if (b.eager) {
            data.loadAll();
        }
        AtomicInteger threadNo = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "tushare-sim-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(b.host, port), 128);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("Cannot listen on " + b.host + ":" + port + ": " + e.getMessage(), e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handleApi);
        server.createContext("/_sim/", this::handleAdmin);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URL to POST Tushare requests to, e.g. {@code http://127.0.0.1:54321}. */
    public String url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + address.getPort();
    }

    public URI uri() {
        return URI.create(url());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** api → where its rows come from (a file, a derivation, or no data). */
    public Map<String, String> dataMapping() {
        return data.describe();
    }

    /** The apis served, in catalog order. */
    public static Set<String> apis() {
        return Collections.unmodifiableSet(ApiCatalog.names());
    }

    /** Replaces the fault spec at run time (call numbering restarts); a bad spec throws IllegalArgumentException. */
    public void faults(String spec) {
        this.faults = FaultPlan.parse(spec, faults.seed());
    }

    /** The fault spec in force ({@code ""} for none). */
    public String faults() {
        return faults.spec();
    }

    /**
     * Serves dated rows (quotes, flows, announcements; not the calendar, which is published ahead)
     * only up to {@code day}, as Tushare before it publishes the days after: a day asked for too
     * early answers no rows, and its rows appear once {@code day} moves past it.
     */
    public void publishThrough(LocalDate day) {
        publishedThrough = Integer.parseInt(day.format(DateTimeFormatter.BASIC_ISO_DATE));
    }

    /** Zeroes the counters and rate-limit windows and restarts the fault plan (same spec, reseeded). */
    public void reset() {
        calls.reset();
        callsByApi.clear();
        ok.reset();
        errorsByCode.clear();
        faultsByKind.clear();
        rowsServed.reset();
        synchronized (recentCalls) {
            recentCalls.clear();
        }
        limits.reset();
        faults = faults.restart();
    }

    public SimStats stats() {
        long recent;
        synchronized (recentCalls) {
            prune(config.clock().millis());
            recent = recentCalls.size();
        }
        Map<String, Long> byApi = new TreeMap<>();
        callsByApi.forEach((k, v) -> byApi.put(k, v.sum()));
        Map<Integer, Long> byCode = new TreeMap<>();
        errorsByCode.forEach((k, v) -> byCode.put(k, v.sum()));
        Map<String, Long> byKind = new TreeMap<>();
        faultsByKind.forEach((k, v) -> byKind.put(k, v.sum()));
        return new SimStats(calls.sum(), byApi, ok.sum(), byCode, byKind, rowsServed.sum(), recent, faults.spec());
    }

    /** Calls so far (since start or reset), whatever their outcome. */
    public long calls() {
        return calls.sum();
    }

    /** Calls so far to one api, e.g. to assert that a re-run made none. */
    public long calls(String apiName) {
        LongAdder n = callsByApi.get(apiName);
        return n == null ? 0 : n.sum();
    }

    /** Blocks until {@link #close()} (the command's foreground mode). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops the server at once; held (timeout) calls are dropped without an answer. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- the Tushare endpoint

    private void handleApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                send(exchange, 405, "application/json; charset=utf-8",
                        "{\"code\":-1,\"msg\":\"tushare-sim: POST a JSON request {api_name, token, params, fields}\"}");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            serve(exchange, body);
        } catch (RuntimeException e) {
            log("internal error: " + e);
            throw e;
        }
    }

    private void serve(HttpExchange exchange, byte[] body) throws IOException {
        long started = System.nanoTime();
        Request request;
        try {
            request = Request.parse(body);
        } catch (SimError e) {
            count(INVALID_REQUEST);
            error(e.code());
            sendJson(exchange, errorBody(e));
            logCall(INVALID_REQUEST, Map.of(), "code=" + e.code() + " " + e.getMessage(), started);
            return;
        }
        String api = request.apiName().isEmpty() ? NO_API : request.apiName();
        count(api);
        FaultPlan.Kind fault = faults.next(api);
        if (fault != null) {
            faultsByKind.computeIfAbsent(fault.label(), k -> new LongAdder()).increment();
            if (fault == FaultPlan.Kind.TIMEOUT) {
                logCall(api, request.params(), "fault timeout: holding " + config.timeoutDelay().toMillis() + " ms", started);
                try {
                    if (closed.await(config.timeoutDelay().toMillis(), TimeUnit.MILLISECONDS)) {
                        return; // the server stopped while holding: drop the call
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else if (fault.httpStatus() != 200) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, fault.httpStatus(), "text/html", proxyPage(fault.httpStatus()));
                logCall(api, request.params(), "fault HTTP " + fault.httpStatus(), started);
                return;
            } else if (fault != FaultPlan.Kind.MALFORMED) {
                SimError e = switch (fault) {
                    case RATELIMIT -> SimError.perMinute(limits.perMinute(api));
                    case DAYLIMIT -> SimError.perDay(limits.perDay() > 0 ? limits.perDay() : 100000);
                    case PERMISSION -> SimError.noPermission();
                    default -> SimError.invalidToken();
                };
                sendJson(exchange, errorBody(e));
                logCall(api, request.params(), "fault " + fault.label() + ": code=" + e.code(), started);
                return;
            }
        }
        String answer;
        String outcome;
        try {
            StringBuilder out = new StringBuilder(256);
            ApiTable.Page page = answer(request, out);
            answer = out.toString();
            if (fault != FaultPlan.Kind.MALFORMED) {
                ok.increment();
                rowsServed.add(page.count());
            }
            outcome = "code=0 rows=" + page.count() + " of " + page.total() + " has_more=" + page.hasMore();
        } catch (SimError e) {
            if (fault != FaultPlan.Kind.MALFORMED) {
                error(e.code());
            }
            answer = errorBody(e);
            outcome = "code=" + e.code() + " " + e.getMessage();
        }
        if (fault == FaultPlan.Kind.MALFORMED) {
            byte[] full = answer.getBytes(StandardCharsets.UTF_8);
            byte[] cut = java.util.Arrays.copyOf(full, Math.max(1, full.length / 2));
            send(exchange, 200, "application/json", cut);
            logCall(api, request.params(), "fault malformed: " + cut.length + " of " + full.length + " bytes", started);
            return;
        }
        sendJson(exchange, answer);
        logCall(api, request.params(), (fault == FaultPlan.Kind.TIMEOUT ? "after timeout hold: " : "") + outcome, started);
    }

    /** Checks token, api, permission and limits, then queries; writes the success body into {@code out}. */
    private ApiTable.Page answer(Request request, StringBuilder out) {
        String token = request.token();
        if (token == null || token.isBlank() || !(config.anyToken() || config.tokens().contains(token))) {
            throw SimError.invalidToken();
        }
        String api = request.apiName();
        if (api.isEmpty()) {
            throw SimError.badParam("请指定接口名 api_name (the request has no api_name)");
        }
        if (ApiCatalog.api(api) == null) {
            throw new SimError(SimError.UNKNOWN_API, "请指定正确的接口名 (tushare-sim does not serve api '" + api
                    + "'; it serves " + String.join(", ", ApiCatalog.names()) + ")");
        }
        if (config.denied().contains(api)) {
            throw SimError.noPermission();
        }
        limits.acquire(token, api);
        ApiTable table;
        try {
            table = data.table(api);
        } catch (RuntimeException e) {
            throw new SimError(SimError.SIM_DATA_ERROR, "tushare-sim cannot load the data of " + api + ": " + e.getMessage());
        }
        int cap = config.rowCapByApi().getOrDefault(api, config.rowCap());
        ApiTable.Page page = table.query(request.params(), request.fields(), cap, config.strictParams(),
                api.equals(ApiCatalog.TRADE_CAL) ? Integer.MAX_VALUE : publishedThrough);
        out.append("{\"request_id\":\"").append(requestId()).append("\",\"code\":0,\"msg\":\"\",\"data\":{\"fields\":[");
        for (int i = 0; i < page.fields().size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Json.string(out, page.fields().get(i));
        }
        out.append("],\"items\":");
        out.ensureCapacity(out.length() + page.count() * page.fields().size() * 10);
        table.writeItems(out, page);
        out.append(",\"has_more\":").append(page.hasMore()).append("}}");
        return page;
    }

    private String errorBody(SimError e) {
        StringBuilder sb = new StringBuilder("{\"request_id\":\"").append(requestId()).append("\",\"code\":").append(e.code())
                .append(",\"msg\":");
        Json.string(sb, e.getMessage());
        return sb.append(",\"data\":null}").toString();
    }

    private String requestId() {
        return String.format("sim%013x%016x", requestSeq.incrementAndGet(), System.nanoTime());
    }

    private static String proxyPage(int status) {
        String reason = switch (status) {
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Temporarily Unavailable";
            case 504 -> "Gateway Time-out";
            default -> "Error";
        };
        return "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>" + status + " "
                + reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }

    private void count(String api) {
        calls.increment();
        callsByApi.computeIfAbsent(api, k -> new LongAdder()).increment();
        long now = config.clock().millis();
        synchronized (recentCalls) {
            recentCalls.addLast(now);
            prune(now);
        }
    }

    private void prune(long now) {
        while (!recentCalls.isEmpty() && recentCalls.peekFirst() <= now - 60_000) {
            recentCalls.pollFirst();
        }
    }

    private void error(int code) {
        errorsByCode.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    private void logCall(String api, Map<String, String> params, String outcome, long startedNanos) {
        if (config.callLog() == null) {
            return;
        }
        Map<String, String> shown = new TreeMap<>(params);
        shown.replaceAll((k, v) -> k.toLowerCase().contains("token") ? "***" : v);
        log(Instant.ofEpochMilli(config.clock().millis()) + " " + api + " " + shown + " -> " + outcome + " ("
                + (System.nanoTime() - startedNanos) / 1_000_000 + " ms)");
    }

    private void log(String line) {
        if (config.callLog() != null) {
            config.callLog().accept(line);
        }
    }

    private static void sendJson(HttpExchange exchange, String body) throws IOException {
        send(exchange, 200, "application/json; charset=utf-8", body);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    // ---------------------------------------------------------------- admin endpoints

    private void handleAdmin(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod().toUpperCase();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            switch (path) {
                case "/_sim/stats" -> sendJson(exchange, stats().toJson());
                case "/_sim/health" -> sendJson(exchange, "{\"status\":\"UP\"}");
                case "/_sim/reset" -> {
                    if (!method.equals("POST")) {
                        send(exchange, 405, "application/json", "{\"error\":\"POST /_sim/reset\"}");
                        return;
                    }
                    reset();
                    sendJson(exchange, "{\"reset\":true}");
                }
                case "/_sim/faults" -> {
                    if (method.equals("POST") || method.equals("PUT") || method.equals("DELETE")) {
                        String spec = method.equals("DELETE") ? "" : specOf(new String(body, StandardCharsets.UTF_8));
                        try {
                            faults(spec);
                        } catch (IllegalArgumentException e) {
                            send(exchange, 400, "application/json; charset=utf-8", "{\"error\":" + Json.quote(e.getMessage()) + "}");
                            return;
                        }
                        log("faults set to '" + faults() + "'");
                    }
                    sendJson(exchange, "{\"faults\":" + Json.quote(faults()) + "}");
                }
                default -> send(exchange, 404, "application/json",
                        "{\"error\":\"unknown admin path; try /_sim/stats, /_sim/faults, /_sim/reset, /_sim/health\"}");
            }
        }
    }

    /** A fault spec from a body: plain text, or JSON {"spec": "..."} / {"faults": "..."}. */
    private static String specOf(String body) {
        String text = body.trim();
        if (text.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(text);
                JsonNode spec = node.has("spec") ? node.get("spec") : node.get("faults");
                return spec == null || spec.isNull() ? "" : spec.asString();
            } catch (JacksonException e) {
                throw new IllegalArgumentException("body is neither a fault spec nor JSON {\"spec\": ...}");
            }
        }
        return text;
    }

    // ---------------------------------------------------------------- request parsing

    /** A parsed Tushare request; params as text (numbers as written, arrays joined with commas). */
    private record Request(String apiName, String token, Map<String, String> params, List<String> fields) {

        static Request parse(byte[] body) {
            JsonNode root;
            try {
                root = JSON.readTree(body);
            } catch (JacksonException e) {
                throw SimError.badParam("请求体不是合法的JSON (the request body is not valid JSON: "
                        + firstLine(e.getOriginalMessage()) + ")");
            }
            if (root == null || !root.isObject()) {
                throw SimError.badParam("请求体应为JSON对象 {api_name, token, params, fields} (the request body must be a JSON object)");
            }
            JsonNode apiNode = root.get("api_name");
            if (apiNode != null && !apiNode.isNull() && !apiNode.isString()) {
                throw SimError.badParam("api_name 应为字符串 (api_name must be a string)");
            }
            String api = apiNode == null || apiNode.isNull() ? "" : apiNode.asString().trim();
            JsonNode tokenNode = root.get("token");
            String token = tokenNode == null || tokenNode.isNull() || tokenNode.isContainer() ? null : tokenNode.asString();
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode p = root.get("params");
            if (p != null && !p.isNull()) {
                if (!p.isObject()) {
                    throw SimError.badParam("params 应为JSON对象 (params must be a JSON object)");
                }
                for (Map.Entry<String, JsonNode> e : p.properties()) {
                    JsonNode v = e.getValue();
                    if (v.isNull()) {
                        continue;
                    }
                    if (v.isObject()) {
                        throw SimError.badParam(e.getKey() + " 不应为对象 (param '" + e.getKey() + "' must be a string or number)");
                    }
                    if (v.isArray()) {
                        List<String> parts = new ArrayList<>();
                        v.forEach(x -> parts.add(x.asString()));
                        params.put(e.getKey(), String.join(",", parts));
                    } else {
                        params.put(e.getKey(), v.asString());
                    }
                }
            }
            List<String> fields = new ArrayList<>();
            JsonNode f = root.get("fields");
            if (f != null && !f.isNull()) {
                if (f.isArray()) {
                    f.forEach(x -> fields.add(x.asString()));
                } else if (f.isString()) {
                    for (String name : f.asString().split(",")) {
                        fields.add(name.trim());
                    }
                } else {
                    throw SimError.badParam("fields 应为逗号分隔的字符串或数组 (fields must be a comma-separated string or an array)");
                }
            }
            return new Request(api, token, params, fields);
        }

        private static String firstLine(String s) {
            if (s == null) {
                return "unreadable";
            }
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        }
    }

    // ---------------------------------------------------------------- builder

    /** Configures and starts a {@link TushareSim}; every setting has a default. */
    public static final class Builder {

        private Path dataDir;
        private final Map<String, Path> files = new LinkedHashMap<>();
        private int callsPerMinute = DEFAULT_CALLS_PER_MINUTE;
        private final Map<String, Integer> callsPerMinuteByApi = new LinkedHashMap<>();
        private int callsPerDay;
        private boolean rateLimitAcrossApis;
        private int rowCap = DEFAULT_ROW_CAP;
        private final Map<String, Integer> rowCapByApi = new LinkedHashMap<>();
        private final Set<String> tokens = new HashSet<>(Set.of(DEFAULT_TOKEN));
        private boolean tokensSet;
        private boolean anyToken;
        private final Set<String> denied = new HashSet<>();
        private String faults = "";
        private long seed = 42;
        private Duration timeoutDelay = DEFAULT_TIMEOUT_DELAY;
        private InstantSource clock = InstantSource.system();
        private String host = "127.0.0.1";
        private Consumer<String> callLog;
        private boolean eager;
        private boolean strictParams = true;

        private Builder() {
        }

        /**
         * A folder of Tushare CSV files mapped by name: {@code <api>.csv[.gz]}, else the one
         * {@code <api>_*.csv[.gz]} (names with {@code _qfq}/{@code _hfq} skipped). Without
         * dataDir and files, the repository's real sample ({@code data/sample}, see {@link SampleData}).
         */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Serves {@code api} from {@code file} (plain or gzip), over any directory mapping. */
        public Builder file(String api, Path file) {
            files.put(api, file);
            return this;
        }

        /** Calls per minute per token and api (sliding 60 s window); 0 or less: unlimited. Default 200. */
        public Builder callsPerMinute(int n) {
            this.callsPerMinute = n;
            return this;
        }

        public Builder callsPerMinute(String api, int n) {
            callsPerMinuteByApi.put(api, n);
            return this;
        }

        /**
         * One rate-limit window per token for all apis together, instead of Tushare's window
         * per token and api (the default).
         */
        public Builder rateLimitAcrossApis() {
            this.rateLimitAcrossApis = true;
            return this;
        }

        /** Calls per Shanghai calendar day per token and api; 0 (default): unlimited. */
        public Builder callsPerDay(int n) {
            this.callsPerDay = n;
            return this;
        }

        /** The most rows one call returns (has_more tells the rest); 0 or less: no cap. Default 6000. */
        public Builder rowCap(int n) {
            this.rowCap = n;
            return this;
        }

        public Builder rowCap(String api, int n) {
            rowCapByApi.put(api, n);
            return this;
        }

        /** The valid tokens, replacing the default {@value #DEFAULT_TOKEN}. */
        public Builder tokens(String... valid) {
            if (!tokensSet) {
                tokens.clear();
                tokensSet = true;
            }
            tokens.addAll(List.of(valid));
            return this;
        }

        /** Accepts any non-blank token. */
        public Builder anyToken() {
            this.anyToken = true;
            return this;
        }

        /** These apis answer 40203 "no permission" (like an account with too few points). */
        public Builder deny(String... apis) {
            denied.addAll(List.of(apis));
            return this;
        }

        /** A fault spec (README "Fault grammar"); default none. */
        public Builder faults(String spec) {
            this.faults = spec == null ? "" : spec;
            return this;
        }

        /** The seed of the fault RNG (default 42), for reproducible probabilistic faults. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** How long a {@code timeout} fault holds the call before answering (default 30 s). */
        public Builder timeoutDelay(Duration delay) {
            this.timeoutDelay = delay;
            return this;
        }

        /** The clock of rate limits and stats (tests move it instead of sleeping). */
        public Builder clock(InstantSource clock) {
            this.clock = clock;
            return this;
        }

        /** The address to bind (default 127.0.0.1; 0.0.0.0 to serve other hosts). */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Receives one line per call (never the token); default none. */
        public Builder callLog(Consumer<String> log) {
            this.callLog = log;
            return this;
        }

        /** Loads every file at start instead of on first use. */
        public Builder eager(boolean eager) {
            this.eager = eager;
            return this;
        }

        /** Unknown params are errors (default true); false ignores them as Tushare does. */
        public Builder strictParams(boolean strict) {
            this.strictParams = strict;
            return this;
        }

        /** Starts on a free port. */
        public TushareSim start() {
            return start(0);
        }

        /** Starts on {@code port} (0: a free one). */
        public TushareSim start(int port) {
            for (String api : callsPerMinuteByApi.keySet()) {
                requireApi(api);
            }
            for (String api : rowCapByApi.keySet()) {
                requireApi(api);
            }
            for (String api : denied) {
                requireApi(api);
            }
            if (!anyToken && tokens.isEmpty()) {
                throw new IllegalArgumentException("No valid token: give tokens(...) or anyToken()");
            }
            if (timeoutDelay == null || timeoutDelay.isNegative()) {
                throw new IllegalArgumentException("timeoutDelay must be zero or positive");
            }
            return new TushareSim(this, port);
        }

        private static void requireApi(String api) {
            if (ApiCatalog.api(api) == null) {
                throw new IllegalArgumentException("Unknown api '" + api + "'; the simulator serves " + ApiCatalog.names());
            }
        }
    }
}
