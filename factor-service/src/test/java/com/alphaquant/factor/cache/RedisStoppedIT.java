package com.alphaquant.factor.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.factor.Sample;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.market.TsCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;

/**
 * Redis really stopped and started again: a redis-server of the test's own on a free port (the
 * machine's shared one on 6379 must stay up for everything else). While it is down the service
 * answers from computation, correct, counting the errors; once it is back the cache works again.
 */
class RedisStoppedIT {

    static final LocalDate START = LocalDate.parse("2022-06-01");
    static final LocalDate END = LocalDate.parse("2022-06-30");
    static final List<TsCode> CODES = Sample.CODES.subList(0, 4);

    private final int port = freePort();
    private Process redisServer;
    private LettuceConnectionFactory connections;

    @AfterEach
    void stopAll() throws InterruptedException {
        if (connections != null) {
            connections.destroy();
        }
        stopRedis();
    }

    @Test
    void stoppedRedisDegradesToComputingAndTheCacheComesBackWithIt() throws Exception {
        startRedis();
        connections = TestRedis.connections(port);
        RedisTemplate<String, byte[]> redis = TestRedis.template(connections);
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
        assertThat(meters.counter("factor.cache.errors").count()).isZero();

        stopRedis();
        Map<TsCode, StockFactors> whileDown = factors.factors(CODES, START, END);
        assertThat(computer.runs()).as("no cache: computed").isEqualTo(2);
        CachedFactorsIT.assertSame(warm, whileDown);
        whileDown.values().forEach(v -> Sample.assertMatchesWholeHistory(v, 1e-12));
        assertThat(meters.counter("factor.cache.errors").count()).isPositive();

        startRedis(); // empty: it keeps nothing on disk
        awaitReconnected(redis);
        Thread.sleep(300); // past the guard's skip window
        factors.factors(CODES, START, END);
        assertThat(computer.runs()).as("a miss on the empty Redis").isEqualTo(3);
        factors.factors(CODES, START, END);
        assertThat(computer.runs()).as("cached again").isEqualTo(3);
    }

    private void startRedis() throws IOException, InterruptedException {
        redisServer = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 100; i++) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    private void stopRedis() throws InterruptedException {
        if (redisServer != null && redisServer.isAlive()) {
            redisServer.destroy();
            assertThat(redisServer.waitFor(10, TimeUnit.SECONDS)).as("redis-server stopped").isTrue();
        }
    }

    /** Lettuce reconnects on its own; wait until a command goes through again. */
    private static void awaitReconnected(RedisTemplate<String, byte[]> redis) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                redis.hasKey("aqtest:ping");
                return;
            } catch (RuntimeException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Lettuce did not reconnect");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
