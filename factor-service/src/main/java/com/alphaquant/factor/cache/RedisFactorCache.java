package com.alphaquant.factor.cache;

import com.alphaquant.factor.compute.StockFactors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.types.Expiration;

/**
 * Chunks in Redis under {@code <prefix>:factors:<engine version>:<ts_code>:<yyyy-MM>}: the engine
 * version in the key means a formula change never reads old values (they expire with their TTL).
 * Reads are MGET and writes pipelined SETs with TTL, in batches; every call goes through
 * {@link RedisGuard}, so an outage means misses, not errors.
 */
public final class RedisFactorCache implements FactorCache {

    private static final int BATCH = 500;

    private final RedisTemplate<String, byte[]> redis;
    private final String keyPrefix;
    private final int factors;
    private final Duration ttl;
    private final RedisGuard guard;

    public RedisFactorCache(RedisTemplate<String, byte[]> redis, String prefix, String engineVersion, int factors,
                            Duration ttl, RedisGuard guard) {
        this.redis = redis;
        this.keyPrefix = prefix + ":factors:" + engineVersion + ":";
        this.factors = factors;
        this.ttl = ttl;
        this.guard = guard;
    }

    public String key(ChunkKey k) {
        return keyPrefix + k.code() + ":" + k.month();
    }

    @Override
    public Map<ChunkKey, StockFactors> getAll(Collection<ChunkKey> keys) {
        Map<ChunkKey, StockFactors> found = new HashMap<>();
        for (List<ChunkKey> batch : batches(keys)) {
            List<byte[]> values = guard.call("MGET", () -> redis.opsForValue().multiGet(batch.stream().map(this::key).toList()),
                    null);
            if (values == null) {
                return found; // Redis is out: the rest are misses too
            }
            for (int i = 0; i < batch.size(); i++) {
                StockFactors chunk = ChunkCodec.decode(batch.get(i).code(), factors, values.get(i));
                if (chunk != null) {
                    found.put(batch.get(i), chunk);
                }
            }
        }
        return found;
    }

    @Override
    public void putAll(Map<ChunkKey, StockFactors> chunks) {
        Expiration expiry = Expiration.from(ttl);
        for (List<ChunkKey> batch : batches(chunks.keySet())) {
            guard.run("SET", () -> redis.executePipelined((RedisCallback<Object>) connection -> {
                for (ChunkKey k : batch) {
                    connection.stringCommands().set(key(k).getBytes(StandardCharsets.UTF_8),
                            ChunkCodec.encode(chunks.get(k)), expiry, SetOption.upsert());
                }
                return null;
            }));
        }
    }

    @Override
    public void evict(Collection<ChunkKey> keys) {
        for (List<ChunkKey> batch : batches(keys)) {
            guard.run("DEL", () -> redis.delete(batch.stream().map(this::key).toList()));
        }
    }

    private static List<List<ChunkKey>> batches(Collection<ChunkKey> keys) {
        List<ChunkKey> all = new ArrayList<>(keys);
        List<List<ChunkKey>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            out.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        }
        return out;
    }
}
