package com.alphaquant.factor.cache;

import io.lettuce.core.ClientOptions;
import java.time.Duration;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.serializer.RedisSerializer;

/** The machine's Redis (127.0.0.1:6379, as in CI), or one that is not there, configured as the service does. */
final class TestRedis {

    static final int UP = 6379;
    /** Nothing listens on port 1: connections are refused at once. */
    static final int DOWN = 1;

    private TestRedis() {
    }

    static String prefix() {
        return "aqtest:" + UUID.randomUUID();
    }

    static LettuceConnectionFactory connections(int port) {
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofMillis(300))
                .clientOptions(ClientOptions.builder().disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build())
                .build();
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port), client);
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

    /** Deletes every key under {@code prefix}. */
    static long clean(RedisTemplate<String, byte[]> redis, String prefix) {
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
