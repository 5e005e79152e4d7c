package com.alphaquant.gateway.trace;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (kept when the caller sent a sane one) and a W3C
 * {@code traceparent} (kept when valid), passes both to the service and returns the id, so a
 * caller's report, the gateway's log and the service's log name the same request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var headers = exchange.getRequest().getHeaders();
        String id = headers.getFirst(REQUEST_ID);
        String traceparent = headers.getFirst(TRACEPARENT);
        boolean keepId = id != null && SANE_ID.matcher(id).matches();
        boolean keepTrace = traceparent != null && TRACEPARENT_FORMAT.matcher(traceparent).matches();
        String requestId = keepId ? id : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
        if (keepId && keepTrace) {
            return chain.filter(exchange);
        }
        String trace = keepTrace ? traceparent : newTraceparent();
        var request = exchange.getRequest().mutate().headers(h -> {
            h.set(REQUEST_ID, requestId);
            h.set(TRACEPARENT, trace);
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    private static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        random.nextBytes(traceId);
        random.nextBytes(spanId);
        return "00-" + hex.formatHex(traceId) + "-" + hex.formatHex(spanId) + "-01";
    }
}
