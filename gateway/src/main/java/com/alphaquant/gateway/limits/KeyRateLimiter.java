package com.alphaquant.gateway.limits;

import com.alphaquant.gateway.auth.ApiKey;
import com.alphaquant.gateway.auth.ApiKeys;
import com.alphaquant.gateway.GatewayProperties;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.RouteDefinitionRouteLocator;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Each key's token bucket in Redis (Spring Cloud Gateway's {@link RedisRateLimiter} and its Lua
 * script, so every gateway replica shares it), taken a {@link TokenLease} at a time: a request
 * first uses a token this replica already holds, then asks Redis for a lease, and only when the
 * bucket holds less than a lease for the single token it needs.
 */
@Component
class KeyRateLimiter {

    private static final String LEASE = "#lease";

    private final RedisRateLimiter limiter;
    private final Map<String, TokenLease> leases = new ConcurrentHashMap<>();

    KeyRateLimiter(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> redisRequestRateLimiterScript,
                   ConfigurationService configurationService, GatewayProperties properties, ApiKeys keys) {
        limiter = new RedisRateLimiter(redis, redisRequestRateLimiterScript, configurationService);
        limiter.setIncludeHeaders(false); // a request served from a lease has no bucket reading to report
        limiter.getConfig().put(RouteDefinitionRouteLocator.DEFAULT_FILTERS, config(properties.rateLimit().requestsPerSecond(),
                properties.rateLimit().burst(), 1));
        for (ApiKey key : keys.all()) {
            TokenLease lease = TokenLease.forRate(key.requestsPerSecond());
            leases.put(key.name(), lease);
            limiter.getConfig().put(key.name(), config(key.requestsPerSecond(), key.burst(), 1));
            limiter.getConfig().put(key.name() + LEASE, config(key.requestsPerSecond(), key.burst(), lease.size()));
        }
    }

    /** Whether {@code key} may make one more request now. Should Redis fail, it may. */
    Mono<Boolean> allow(ApiKey key) {
        TokenLease lease = leases.get(key.name());
        if (lease == null || lease.size() == 1) {
            return oneToken(key);
        }
        if (lease.take(System.nanoTime())) {
            return Mono.just(true);
        }
        return limiter.isAllowed(key.name() + LEASE, key.name()).flatMap(answer -> {
            if (answer.isAllowed()) {
                lease.granted(System.nanoTime());
                return Mono.just(true);
            }
            return oneToken(key);
        });
    }

    private Mono<Boolean> oneToken(ApiKey key) {
        return limiter.isAllowed(key.name(), key.name()).map(RateLimiter.Response::isAllowed);
    }

    private static RedisRateLimiter.Config config(int requestsPerSecond, int burst, int tokens) {
        return new RedisRateLimiter.Config().setReplenishRate(requestsPerSecond).setBurstCapacity(burst).setRequestedTokens(tokens);
    }
}
