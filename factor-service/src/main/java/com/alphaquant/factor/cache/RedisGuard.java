package com.alphaquant.factor.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Redis calls so that a Redis outage costs requests nothing but the cache: a failed call
 * returns the fallback and counts {@code factor.cache.errors}; after a failure Redis is skipped
 * for {@code pause} (no request waits for a timeout meanwhile); the WARN is written at most once
 * per {@code warnEvery}, with the number of failures since the last one.
 */
public final class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    private final Counter errors;
    private final Counter skipped;
    private final Clock clock;
    private final Duration pause;
    private final Duration warnEvery;
    private final AtomicLong unreported = new AtomicLong();
    private volatile Instant skipUntil = Instant.MIN;
    private volatile Instant lastWarn = Instant.MIN;

    public RedisGuard(MeterRegistry meters, Clock clock, Duration pause, Duration warnEvery) {
        this.errors = Counter.builder("alphaquant.factor.cache.errors").description("Redis calls that failed").register(meters);
        this.skipped = Counter.builder("alphaquant.factor.cache.skipped")
                .description("Redis calls not tried because Redis failed moments ago").register(meters);
        this.clock = clock;
        this.pause = pause;
        this.warnEvery = warnEvery;
    }

    public <T> T call(String what, Supplier<T> op, T fallback) {
        if (clock.instant().isBefore(skipUntil)) {
            skipped.increment();
            return fallback;
        }
        try {
            return op.get();
        } catch (RuntimeException e) {
            failed(what, e);
            return fallback;
        }
    }

    public void run(String what, Runnable op) {
        call(what, () -> {
            op.run();
            return null;
        }, null);
    }

    private void failed(String what, RuntimeException e) {
        errors.increment();
        Instant now = clock.instant();
        skipUntil = now.plus(pause);
        long count = unreported.incrementAndGet();
        if (!now.isBefore(lastWarn.plus(warnEvery))) {
            lastWarn = now;
            unreported.set(0);
            log.warn("Redis unavailable ({} failed: {}); computing without the cache. {} failure(s) since the last warning",
                    what, e.getMessage(), count);
        }
    }
}
