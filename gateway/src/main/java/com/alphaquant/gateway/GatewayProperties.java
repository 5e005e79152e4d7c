package com.alphaquant.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the gateway enforces: who may call (API keys, stored as SHA-256 hashes), how often, for
 * how long a service may take, and which browser origins may call cross-site.
 *
 * @param apiKeys   the keys; none means every /api call is refused
 * @param rateLimit the default per-key limit (a key may carry its own)
 * @param cors      origins allowed to call the API from another site (none: same origin only)
 * @param timeouts  per route (data, factors, models, backtests, strategies): longer answers become 504
 * @param session   the dashboard's sign-in cookie
 */
@ConfigurationProperties("alphaquant.gateway")
public record GatewayProperties(List<ApiKeyProperties> apiKeys, RateLimit rateLimit, Cors cors,
                                Map<String, Duration> timeouts, Session session) {

    public GatewayProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        rateLimit = rateLimit == null ? new RateLimit(50, 100) : rateLimit;
        cors = cors == null ? new Cors(List.of()) : cors;
        timeouts = timeouts == null ? Map.of() : Map.copyOf(timeouts);
        session = session == null ? new Session(null, Duration.ofHours(12)) : session;
    }

    /** The timeout of a route, 30 s unless configured. */
    public Duration timeout(String route) {
        return timeouts.getOrDefault(route, Duration.ofSeconds(30));
    }

    /**
     * @param name              who the key belongs to (shown in logs, never the key itself)
     * @param sha256            lowercase hex SHA-256 of the key
     * @param role              {@code read} or {@code write}
     * @param requestsPerSecond this key's own limit, or null for the default
     * @param burst             this key's own burst, or null for the default
     */
    public record ApiKeyProperties(String name, String sha256, String role, Integer requestsPerSecond, Integer burst) {}

    public record RateLimit(int requestsPerSecond, int burst) {
        public RateLimit {
            if (requestsPerSecond < 1 || burst < requestsPerSecond) {
                throw new IllegalArgumentException("alphaquant.gateway.rate-limit: requests-per-second must be at least 1 and burst at least "
                        + "requests-per-second, got " + requestsPerSecond + " and " + burst);
            }
        }
    }

    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    /**
     * @param secret signs session cookies; unset, a random one per start (sessions end with a restart)
     * @param ttl    how long a sign-in lasts
     */
    public record Session(String secret, Duration ttl) {
        public Session {
            ttl = ttl == null ? Duration.ofHours(12) : ttl;
        }
    }
}
