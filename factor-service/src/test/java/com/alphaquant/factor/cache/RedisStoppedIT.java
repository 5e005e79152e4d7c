package com.alphaquant.factor.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.factor.Sample;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.market.TsCode;
import com.alphaquant.testsupport.EmbeddedRedis;
import com.alphaquant.testsupport.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;

/**
 * Redis really stopped and started again: an embedded Redis of the test's own on a free port (the
 * tests' shared one must stay up for everything else). While it is down the service answers from
 * computation, correct, counting the errors; once it is back the cache works again.
 */
class RedisStoppedIT {

    static final LocalDate START = LocalDate.parse("2022-06-01");
    static final LocalDate END = LocalDate.parse("2022-06-30");
    static final List<TsCode> CODES = Sample.CODES.subList(0, 4);

    private EmbeddedRedis redisServer;
    private LettuceConnectionFactory connections;

    @AfterEach
    void stopAll() {
        if (connections != null) {
            connections.destroy();
        }
        if (redisServer != null) {
            redisServer.close();
        }
    }

    @Test
    void stoppedRedisDegradesToComputingAndTheCacheComesBackWithIt() throws Exception {
        redisServer = EmbeddedRedis.start();
        connections = RedisConnections.connections(redisServer.port());
        RedisTemplate<String, byte[]> redis = RedisConnections.template(connections);
        RedisConnections.awaitUp(redis);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        FactorComputer computer = new FactorComputer(Sample.source(), 400, 2);
        // Skip Redis for only 200 ms after an error, so the test sees it come back quickly.
        RedisGuard guard = new RedisGuard(meters, Clock.systemUTC(), Duration.ofMillis(200), Duration.ofSeconds(60));
        FactorCache cache = new RedisFactorCache(redis, TestRedis.prefix(), FactorEngine.VERSION, FactorComputer.FACTORS.size(),
                Duration.ofMinutes(10), guard);
        CachedFactors factors = new CachedFactors(computer, cache, meters, Clock.systemUTC());

        Map<TsCode, StockFactors> warm = factors.factors(CODES, START, END);
        factors.factors(CODES, START, END);
        assertThat(computer.runs()).as("computed once, then a hit").isEqualTo(1);
        assertThat(meters.counter("alphaquant.factor.cache.errors").count()).isZero();

        redisServer.stop();
        Map<TsCode, StockFactors> whileDown = factors.factors(CODES, START, END);
        assertThat(computer.runs()).as("no cache: computed").isEqualTo(2);
        CachedFactorsIT.assertSame(warm, whileDown);
        whileDown.values().forEach(v -> Sample.assertMatchesWholeHistory(v, 1e-12));
        assertThat(meters.counter("alphaquant.factor.cache.errors").count()).isPositive();

        redisServer.resume(); // empty: it keeps nothing on disk
        RedisConnections.awaitUp(redis); // Lettuce reconnects on its own
        Thread.sleep(300); // past the guard's skip window
        factors.factors(CODES, START, END);
        assertThat(computer.runs()).as("a miss on the empty Redis").isEqualTo(3);
        factors.factors(CODES, START, END);
        assertThat(computer.runs()).as("cached again").isEqualTo(3);
    }
}
