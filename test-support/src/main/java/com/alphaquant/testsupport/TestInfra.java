package com.alphaquant.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One line per part for a Spring test's {@code @DynamicPropertySource} method:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfra.postgres(registry, "aq_data");           // a fresh database
 *     TestInfra.kafka(registry, Topics.MARKET_DATA_READY); // the shared broker, these topics made
 *     TestInfra.redis(registry);
 * }
 * }</pre>
 */
public final class TestInfra {

    private TestInfra() {
    }

    /** {@code spring.datasource.*}: a {@link FreshDatabase} named after {@code prefix}. */
    public static void postgres(DynamicPropertyRegistry registry, String prefix) {
        String url = FreshDatabase.create(prefix);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", FreshDatabase::user);
        registry.add("spring.datasource.password", FreshDatabase::password);
    }

    /** {@code spring.kafka.bootstrap-servers}: the JVM's shared broker, with {@code topics} created. */
    public static void kafka(DynamicPropertyRegistry registry, String... topics) {
        TestKafka.createTopics(topics);
        registry.add("spring.kafka.bootstrap-servers", TestKafka::brokers);
    }

    /** {@code spring.data.redis.*}: the tests' Redis ({@link TestRedis}). */
    public static void redis(DynamicPropertyRegistry registry) {
        TestRedis.Server redis = TestRedis.server();
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
        if (redis.password() != null) {
            registry.add("spring.data.redis.password", redis::password);
        }
    }
}
