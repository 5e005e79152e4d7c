package com.alphaquant.factor.events;

import com.alphaquant.factor.cache.RedisGuard;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.data.redis.core.RedisTemplate;

/**
 * Ingest and ready event ids already handled, so a redelivery publishes nothing. Kept in Redis (shared by
 * the replicas, TTL {@code processed-ttl}) and in a small local set that still answers while
 * Redis is out; when neither knows the id the event is handled again, and the factors.computed
 * events it publishes carry the same deterministic ids as the first time.
 */
public class ProcessedEvents {

    private static final int LOCAL = 10_000;

    private final RedisTemplate<String, byte[]> redis;
    private final RedisGuard guard;
    private final String prefix;
    private final Duration ttl;
    private final Set<String> local = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > LOCAL;
        }
    }));

    public ProcessedEvents(RedisTemplate<String, byte[]> redis, RedisGuard guard, String prefix, Duration ttl) {
        this.redis = redis;
        this.guard = guard;
        this.prefix = prefix + ":processed:";
        this.ttl = ttl;
    }

    /** {@code redis} null: local memory only (the cache, and so Redis, is switched off). */
    public boolean contains(String eventId) {
        return local.contains(eventId)
                || redis != null && Boolean.TRUE.equals(guard.call("EXISTS", () -> redis.hasKey(prefix + eventId), false));
    }

    public void add(String eventId) {
        local.add(eventId);
        if (redis != null) {
            guard.run("SET", () -> redis.opsForValue().set(prefix + eventId, new byte[] {1}, ttl));
        }
    }
}
