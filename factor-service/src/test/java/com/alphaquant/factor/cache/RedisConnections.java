package com.alphaquant.factor.cache;

import com.alphaquant.testsupport.TestRedis;
import io.lettuce.core.ClientOptions;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Lettuce connections configured as the service does: to the tests' Redis (test-support: given,
 * local or embedded), to a Redis of a test's own, or to one that is not there.
 */
public final class RedisConnections {

    /** As factor-service's application.yml: fail fast, compute without the cache. */
    static final Duration SERVICE_TIMEOUT = Duration.ofMillis(300);

    /** Nothing listens on port 1: connections are refused at once. */
    static final int DOWN = 1;

    private RedisConnections() {
    }

    /** The tests' shared Redis; keep keys under a {@link TestRedis#prefix()}. */
    static LettuceConnectionFactory shared() {
        return shared(SERVICE_TIMEOUT);
    }

    /**
     * The shared Redis with another command timeout: a test of something else than failing fast
     * (single-flight) must not see a pause of a loaded build machine as Redis being down.
     */
    static LettuceConnectionFactory shared(Duration commandTimeout) {
        TestRedis.Server redis = TestRedis.server();
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(redis.host(), redis.port());
        if (redis.password() != null) {
            server.setPassword(redis.password());
        }
        return connections(server, commandTimeout);
    }

    /** A Redis on 127.0.0.1:{@code port}. */
    static LettuceConnectionFactory connections(int port) {
        return connections(new RedisStandaloneConfiguration("127.0.0.1", port), SERVICE_TIMEOUT);
    }

    private static LettuceConnectionFactory connections(RedisStandaloneConfiguration server, Duration commandTimeout) {
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(commandTimeout)
                .clientOptions(ClientOptions.builder().disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build())
                .build();
        LettuceConnectionFactory factory = new LettuceConnectionFactory(server, client);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    static RedisTemplate<String, byte[]> template(LettuceConnectionFactory factory) {
        RedisTemplate<String, byte[]> t = new RedisTemplate<>();
        t.setConnectionFactory(factory);
        t.setKeySerializer(RedisSerializer.string());
        t.setValueSerializer(RedisSerializer.byteArray());
        t.afterPropertiesSet();
        return t;
    }

    /** Returns once a command goes through (a first connection, or Lettuce's reconnection); fails after 10 s. */
    static void awaitUp(RedisTemplate<String, byte[]> redis) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                redis.hasKey("aqtest:ping");
                return;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Redis did not answer within 10 s", notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Deletes every key under {@code prefix}. */
    public static long clean(RedisTemplate<String, byte[]> redis, String prefix) {
        long n = 0;
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(prefix + ":*").count(500).build())) {
            while (keys.hasNext()) {
                redis.delete(keys.next());
                n++;
            }
        }
        return n;
    }
}
