package com.alphaquant.factor.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.factor.Sample;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.market.TsCode;
import com.alphaquant.testsupport.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;

/** The cache against a real Redis (the tests' shared one), under a key prefix of its own, removed afterwards. */
class CachedFactorsIT {

    static final LocalDate START = LocalDate.parse("2022-05-16");
    static final LocalDate END = LocalDate.parse("2022-07-15");
    static final List<TsCode> CODES = Sample.CODES.subList(0, 6);
    static final String PREFIX = TestRedis.prefix();

    static LettuceConnectionFactory connections;
    static RedisTemplate<String, byte[]> redis;

    @BeforeAll
    static void connect() throws InterruptedException {
        connections = RedisConnections.shared();
        redis = RedisConnections.template(connections);
        RedisConnections.awaitUp(redis);
    }

    @AfterAll
    static void cleanUp() {
        RedisConnections.clean(redis, PREFIX);
        assertThat(RedisConnections.clean(redis, PREFIX)).isZero();
        connections.destroy();
    }

    record Service(CachedFactors factors, FactorComputer computer, SimpleMeterRegistry meters) {
        double counter(String name, String... tags) {
            return meters.counter(name, tags).count();
        }
    }

    static Service service(RedisTemplate<String, byte[]> template, String prefix, String version) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        FactorComputer computer = new FactorComputer(Sample.source(), 400, 2);
        RedisGuard guard = new RedisGuard(meters, Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofSeconds(60));
        FactorCache cache = new RedisFactorCache(template, prefix, version, FactorComputer.FACTORS.size(), Duration.ofMinutes(10), guard);
        return new Service(new CachedFactors(computer, cache, meters, Clock.systemUTC()), computer, meters);
    }

    @Test
    void missThenHitWithoutComputing() {
        String prefix = PREFIX + ":hit";
        Service s = service(redis, prefix, FactorEngine.VERSION);

        Map<TsCode, StockFactors> first = s.factors().factors(CODES, START, END);
        assertThat(s.computer().runs()).isEqualTo(1);
        assertThat(s.counter("alphaquant.factor.cache", "result", "miss")).isEqualTo(CODES.size() * 3.0); // May, June, July
        assertThat(redis.hasKey(prefix + ":factors:" + FactorEngine.VERSION + ":" + CODES.get(0) + ":2022-06")).isTrue();
        assertThat(redis.getExpire(prefix + ":factors:" + FactorEngine.VERSION + ":" + CODES.get(0) + ":2022-06")).isPositive();

        Map<TsCode, StockFactors> second = s.factors().factors(CODES, START, END);
        assertThat(s.computer().runs()).isEqualTo(1); // not computed again
        assertThat(s.counter("alphaquant.factor.cache", "result", "hit")).isEqualTo(CODES.size() * 3.0);
        assertSame(first, second);
        second.values().forEach(v -> Sample.assertMatchesWholeHistory(v, 1e-12));

        // A sub-range inside the cached months: still no computation, sliced to the days asked.
        Map<TsCode, StockFactors> day = s.factors().factors(CODES, LocalDate.parse("2022-06-01"), LocalDate.parse("2022-06-01"));
        assertThat(s.computer().runs()).isEqualTo(1);
        assertThat(day.get(CODES.get(0)).dates()).containsExactly(20220601);
    }

    @Test
    void anotherEngineVersionMisses() {
        String prefix = PREFIX + ":version";
        Service v1 = service(redis, prefix, FactorEngine.VERSION);
        v1.factors().factors(CODES, START, END);
        v1.factors().factors(CODES, START, END);
        assertThat(v1.computer().runs()).isEqualTo(1);

        Service v2 = service(redis, prefix, FactorEngine.VERSION + "-next");
        v2.factors().factors(CODES, START, END);
        assertThat(v2.computer().runs()).isEqualTo(1);
        assertThat(v2.counter("alphaquant.factor.cache", "result", "hit")).isZero();
        assertThat(v2.counter("alphaquant.factor.cache", "result", "miss")).isEqualTo(CODES.size() * 3.0);
    }

    @Test
    void concurrentRequestsComputeEachChunkOnce() throws Exception {
        LettuceConnectionFactory patient = RedisConnections.shared(Duration.ofSeconds(10));
        RedisTemplate<String, byte[]> template = RedisConnections.template(patient);
        RedisConnections.awaitUp(template);
        Service s = service(template, PREFIX + ":concurrent", FactorEngine.VERSION);
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Map<TsCode, StockFactors>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return s.factors().factors(CODES, START, END);
                }));
            }
            go.countDown();
            Map<TsCode, StockFactors> first = results.get(0).get(60, TimeUnit.SECONDS);
            for (Future<Map<TsCode, StockFactors>> r : results) {
                assertSame(first, r.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            patient.destroy();
        }
        assertThat(s.counter("alphaquant.factor.cache.errors")).as("Redis answered every command").isZero();
        // Requests that arrive together may split the chunks between them (each computes what it
        // claimed first, then waits for the rest), so engine runs can be more than one; what
        // single-flight promises is that no stock-month is computed twice.
        assertThat(s.counter("alphaquant.factor.cache", "result", "miss")).as("stock-months computed").isEqualTo(CODES.size() * 3.0);
        assertThat(s.computer().runs()).isBetween(1L, (long) threads);
    }

    @Test
    void redisDownStillAnswersCorrectlyAndCountsTheErrors() {
        LettuceConnectionFactory down = RedisConnections.connections(RedisConnections.DOWN);
        try {
            Service s = service(RedisConnections.template(down), PREFIX + ":down", FactorEngine.VERSION);
            Map<TsCode, StockFactors> values = s.factors().factors(CODES, START, END);
            Map<TsCode, StockFactors> again = s.factors().factors(CODES, START, END);

            assertThat(values).hasSize(CODES.size());
            values.values().forEach(v -> Sample.assertMatchesWholeHistory(v, 1e-12));
            assertSame(values, again);
            assertThat(s.computer().runs()).isEqualTo(2); // no cache: both computed
            assertThat(s.counter("alphaquant.factor.cache.errors")).isGreaterThanOrEqualTo(1);
        } finally {
            down.destroy();
        }
    }

    static void assertSame(Map<TsCode, StockFactors> a, Map<TsCode, StockFactors> b) {
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((code, x) -> {
            StockFactors y = b.get(code);
            assertThat(y.dates()).isEqualTo(x.dates());
            assertThat(y.adjClose()).isEqualTo(x.adjClose());
            for (int f = 0; f < x.values().length; f++) {
                assertThat(y.values()[f]).isEqualTo(x.values()[f]);
            }
        });
    }
}
