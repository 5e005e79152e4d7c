package com.alphaquant.factor.cache;

import com.alphaquant.factor.compute.StockFactors;
import java.util.Collection;
import java.util.Map;

/**
 * Month chunks of factors. Implementations never throw for an unavailable store: a get then
 * finds nothing and a put or evict does nothing, so callers compute instead.
 */
public interface FactorCache {

    /** The chunks found; absent keys are misses. */
    Map<ChunkKey, StockFactors> getAll(Collection<ChunkKey> keys);

    void putAll(Map<ChunkKey, StockFactors> chunks);

    void evict(Collection<ChunkKey> keys);

    /** A cache that holds nothing ({@code alphaquant.factor.cache-enabled=false}). */
    static FactorCache none() {
        return new FactorCache() {
            @Override
            public Map<ChunkKey, StockFactors> getAll(Collection<ChunkKey> keys) {
                return Map.of();
            }

            @Override
            public void putAll(Map<ChunkKey, StockFactors> chunks) {
            }

            @Override
            public void evict(Collection<ChunkKey> keys) {
            }
        };
    }
}
