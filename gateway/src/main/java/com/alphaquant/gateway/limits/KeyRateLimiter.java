package com.alphaquant.gateway.limits;

import com.alphaquant.gateway.auth.ApiKey;
import com.alphaquant.gateway.auth.ApiKeys;
import com.alphaquant.gateway.GatewayProperties;
import java.util.List;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.RouteDefinitionRouteLocator;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * One {@link RedisRateLimiter} whose per-"route" configuration is keyed by API key name, so each
 * key gets its own rate and burst and the configured default covers the rest.
 */
@Component
class KeyRateLimiter {

    private final RedisRateLimiter limiter;

    KeyRateLimiter(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> redisRequestRateLimiterScript,
                   ConfigurationService configurationService, GatewayProperties properties, ApiKeys keys) {
        limiter = new RedisRateLimiter(redis, redisRequestRateLimiterScript, configurationService);
        limiter.getConfig().put(RouteDefinitionRouteLocator.DEFAULT_FILTERS, config(properties.rateLimit().requestsPerSecond(),
                properties.rateLimit().burst()));
        for (ApiKey key : keys.all()) {
            limiter.getConfig().put(key.name(), config(key.requestsPerSecond(), key.burst()));
        }
    }

    RedisRateLimiter limiter() {
        return limiter;
    }

    private static RedisRateLimiter.Config config(int requestsPerSecond, int burst) {
        return new RedisRateLimiter.Config().setReplenishRate(requestsPerSecond).setBurstCapacity(burst).setRequestedTokens(1);
    }
}
