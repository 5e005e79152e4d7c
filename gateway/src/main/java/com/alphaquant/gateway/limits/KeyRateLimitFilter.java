package com.alphaquant.gateway.limits;

import com.alphaquant.gateway.auth.ApiKey;
import com.alphaquant.gateway.problems.GatewayProblems;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Each key's rate limit ({@link KeyRateLimiter}). Over the limit: 429 with
 * {@code Retry-After} and a problem body. Should Redis fail, the limiter lets requests through
 * rather than take the API down with it.
 */
@Component
@Order(0) // after the API-key filter (-100), which names the caller
class KeyRateLimitFilter implements WebFilter {

    private final KeyRateLimiter limiter;

    KeyRateLimitFilter(KeyRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ApiKey key = exchange.getAttribute(ApiKey.EXCHANGE_ATTRIBUTE);
        if (key == null) {
            return chain.filter(exchange);
        }
        return limiter.allow(key).flatMap(allowed -> {
            if (allowed) {
                return chain.filter(exchange);
            }
            // A token arrives every 1/rate seconds: the next request may go in that long.
            long retryAfter = Math.max(1, (long) Math.ceil(1.0 / key.requestsPerSecond()));
            exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
            return GatewayProblems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                    "The key " + key.name() + " is over its rate limit of " + key.requestsPerSecond() + " requests/s (burst "
                            + key.burst() + "); retry after " + retryAfter + " s.",
                    Map.of("limit", key.requestsPerSecond(), "burst", key.burst()));
        });
    }
}
