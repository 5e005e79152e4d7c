package com.alphaquant.data.tushare;

import com.alphaquant.data.DataProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reactive Tushare Pro client (SPEC section 7). Every call (each attempt) passes a {@link CallPacer}
 * that spaces calls evenly at the account's calls/minute and never lets Tushare's sliding
 * one-minute window see more than that, and a circuit breaker; retryable failures (rate limits,
 * HTTP 429 and 5xx, timeouts, malformed bodies) back off exponentially with jitter. Errors
 * Tushare reports with HTTP 200 are decoded into typed {@link TushareException}s. Each attempt
 * is counted as {@code alphaquant.tushare.calls{api, outcome}} (outcome {@code ok} or the error,
 * e.g. {@code rate_limited}), each retry as {@code alphaquant.tushare.retries{api}}.
 */
public class TushareClient {

    private static final Logger log = LoggerFactory.getLogger(TushareClient.class);

    private final WebClient http;
    private final String token;
    private final CallPacer pacer;
    private final CircuitBreaker circuitBreaker;
    private final DataProperties.Tushare config;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final MeterRegistry meters;

    public TushareClient(WebClient.Builder builder, DataProperties.Tushare config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
        this.token = config.token();
        this.http = builder.baseUrl(config.url())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
        this.pacer = new CallPacer(config.callsPerMinute()); // callers queue; the job decides how long it waits
        this.circuitBreaker = CircuitBreaker.of("tushare", CircuitBreakerConfig.custom()
                .failureRateThreshold(80)
                .minimumNumberOfCalls(20)
                .slidingWindowSize(50)
                .waitDurationInOpenState(config.backoffMax())
                .build());
    }

    /** HTTP calls made so far (each attempt counts), for job progress. */
    public long calls() {
        return calls.get();
    }

    public long retries() {
        return retries.get();
    }

    /**
     * Every row of a query, paging with offset/limit while a page comes back full (Tushare caps
     * rows per call and says so only sometimes through {@code has_more}). One table, in order.
     */
    public Mono<TushareTable> queryAll(String apiName, Map<String, String> params, List<String> fields, int pageSize) {
        return page(apiName, params, fields, pageSize, 0, new ArrayList<>());
    }

    private Mono<TushareTable> page(String apiName, Map<String, String> params, List<String> fields, int pageSize, int offset,
                                    List<List<Object>> rows) {
        Map<String, String> paged = new HashMap<>(params);
        paged.put("offset", Integer.toString(offset));
        paged.put("limit", Integer.toString(pageSize));
        return query(apiName, paged, fields).flatMap(t -> {
            rows.addAll(t.items());
            boolean more = t.size() > 0 && (t.hasMore() || t.size() >= pageSize);
            return more ? page(apiName, params, fields, pageSize, offset + t.size(), rows)
                    : Mono.just(new TushareTable(t.fields(), rows, false));
        });
    }

    /** One Tushare call with retries; fails fast on token, permission and per-day limit errors. */
    public Mono<TushareTable> query(String apiName, Map<String, String> params, List<String> fields) {
        if (token == null || token.isBlank()) {
            return Mono.error(new TushareException(TushareError.INVALID_TOKEN, apiName, params,
                    "no token configured: set TUSHARE_TOKEN"));
        }
        return pacer.paced(() -> attempt(apiName, params, fields))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .onErrorMap(CallNotPermittedException.class,
                        e -> new TushareException(TushareError.CIRCUIT_OPEN, apiName, params, "circuit breaker open"))
                .retryWhen(Retry.backoff(config.maxRetries(), config.backoffBase())
                        .maxBackoff(config.backoffMax())
                        .jitter(0.5)
                        .filter(e -> e instanceof TushareException t && t.retryable())
                        .doBeforeRetry(s -> {
                            retries.incrementAndGet();
                            meters.counter("alphaquant.tushare.retries", "api", apiName).increment();
                            log.warn("Retrying after {} (attempt {})", s.failure().getMessage(), s.totalRetries() + 1);
                        })
                        .onRetryExhaustedThrow((spec, s) -> s.failure()));
    }

    private Mono<TushareTable> attempt(String apiName, Map<String, String> params, List<String> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api_name", apiName);
        body.put("token", token);
        body.put("params", params);
        body.put("fields", String.join(",", fields));
        calls.incrementAndGet();
        return http.post().contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(config.timeout())
                .onErrorMap(e -> !(e instanceof TushareException), e -> translate(e, apiName, params))
                .map(text -> decode(text, apiName, params))
                .doOnSuccess(table -> counted(apiName, "ok"))
                .doOnError(e -> counted(apiName, e instanceof TushareException t ? t.error().name().toLowerCase(Locale.ROOT) : "error"));
    }

    private void counted(String apiName, String outcome) {
        meters.counter("alphaquant.tushare.calls", "api", apiName, "outcome", outcome).increment();
    }

    private static TushareException translate(Throwable e, String apiName, Map<String, String> params) {
        if (e instanceof TimeoutException) {
            return new TushareException(TushareError.TIMEOUT, apiName, params, "no answer in time");
        }
        if (e instanceof WebClientResponseException w) {
            int status = w.getStatusCode().value();
            TushareError kind = status == 429 ? TushareError.HTTP_429
                    : status >= 500 ? TushareError.SERVER_ERROR : TushareError.API_ERROR;
            return new TushareException(kind, apiName, params, "HTTP " + status);
        }
        return new TushareException(TushareError.SERVER_ERROR, apiName, params, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private TushareTable decode(String text, String apiName, Map<String, String> params) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (RuntimeException e) {
            throw new TushareException(TushareError.MALFORMED, apiName, params, "body is not JSON");
        }
        if (root == null || !root.has("code")) {
            throw new TushareException(TushareError.MALFORMED, apiName, params, "body has no code");
        }
        int code = root.get("code").asInt();
        String msg = root.path("msg").asString("");
        if (code != 0) {
            throw new TushareException(classify(code, msg), apiName, params, "code " + code + " " + msg);
        }
        JsonNode data = root.get("data");
        if (data == null || !data.has("fields") || !data.has("items")) {
            throw new TushareException(TushareError.MALFORMED, apiName, params, "data lacks fields or items");
        }
        List<String> names = new ArrayList<>();
        data.get("fields").forEach(f -> names.add(f.asString()));
        List<List<Object>> items = new ArrayList<>(data.get("items").size());
        for (JsonNode row : data.get("items")) {
            List<Object> values = new ArrayList<>(names.size());
            for (JsonNode cell : row) {
                values.add(cell.isNull() ? null : cell.isNumber() ? (Object) cell.asDouble() : cell.asString());
            }
            items.add(values);
        }
        return new TushareTable(names, items, data.path("has_more").asBoolean(false));
    }

    /** Tushare sends 40203 for both rate limits and missing permissions; the message tells. */
    static TushareError classify(int code, String msg) {
        if (code == 40101) {
            return TushareError.INVALID_TOKEN;
        }
        if (code == 40203) {
            if (msg.contains("每天") || msg.contains("per day")) {
                return TushareError.DAILY_LIMIT;
            }
            if (msg.contains("每分钟") || msg.contains("每小时") || msg.contains("per minute") || msg.contains("per hour")) {
                return TushareError.RATE_LIMITED;
            }
            return TushareError.NO_PERMISSION;
        }
        return TushareError.API_ERROR;
    }
}
