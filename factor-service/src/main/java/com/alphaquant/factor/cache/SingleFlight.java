package com.alphaquant.factor.cache;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Concurrent requests for the same keys compute them once: the first caller claims the keys
 * nobody is computing and computes them; later callers wait for those futures. A caller
 * completes what it claimed before it waits for others, so two callers with crossing claims
 * cannot wait on each other.
 */
final class SingleFlight<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> flights = new ConcurrentHashMap<>();

    Claim claim(Collection<K> keys) {
        return new Claim(keys);
    }

    final class Claim {

        private final Map<K, CompletableFuture<V>> owned = new HashMap<>();
        private final Map<K, CompletableFuture<V>> awaited = new HashMap<>();

        private Claim(Collection<K> keys) {
            for (K key : new LinkedHashSet<>(keys)) {
                CompletableFuture<V> mine = new CompletableFuture<>();
                CompletableFuture<V> theirs = flights.putIfAbsent(key, mine);
                if (theirs == null) {
                    owned.put(key, mine);
                } else {
                    awaited.put(key, theirs);
                }
            }
        }

        /** The keys this caller must compute. */
        Set<K> owned() {
            return owned.keySet();
        }

        /** Hands the computed values to the waiters; a key missing from {@code values} gets null. */
        void complete(Map<K, V> values) {
            owned.forEach((k, f) -> {
                f.complete(values.get(k));
                flights.remove(k, f);
            });
        }

        void fail(Throwable cause) {
            owned.forEach((k, f) -> {
                f.completeExceptionally(cause);
                flights.remove(k, f);
            });
        }

        /** The values other callers computed for the keys this one waited on. */
        Map<K, V> awaitOthers() {
            Map<K, V> out = new HashMap<>();
            try {
                awaited.forEach((k, f) -> out.put(k, f.join()));
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            return out;
        }
    }
}
