package com.alphaquant.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Several replicas of one service in this JVM, as a deployment with {@code replicas: n} runs
 * them: each a whole Spring Boot application (its own context, web server on a free port, Kafka
 * consumers, schedulers and pools) over the same database, Redis, broker and consumer group. A
 * replica can be stopped on its own, its context closed as a pod's is on SIGTERM, while the
 * others carry on. Closing the replicas stops those still running.
 *
 * <pre>{@code
 * try (Replicas backtest = Replicas.of(BacktestServiceApplication.class)
 *         .with(registry -> TestInfra.postgres(registry, "aq_backtest")) // one database for all of them
 *         .property("alphaquant.backtest.job-threads", 1)
 *         .start(2)) {
 *     JobStore jobs = backtest.bean(0, JobStore.class);
 *     backtest.stop(0); // the other goes on alone
 * }
 * }</pre>
 *
 * The properties outrank the service's application.yml, as a {@code @SpringBootTest}'s do.
 */
public final class Replicas implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts;

    private Replicas(List<ConfigurableApplicationContext> contexts) {
        this.contexts = contexts;
    }

    /** Replicas of the service whose {@code @SpringBootApplication} class is {@code application}. */
    public static Builder of(Class<?> application) {
        return new Builder(application);
    }

    public static final class Builder {

        private final Class<?> application;
        private final Map<String, Object> properties = new LinkedHashMap<>();

        private Builder(Class<?> application) {
            this.application = application;
            properties.put("server.port", 0);
        }

        /**
         * Properties given the way a test's {@code @DynamicPropertySource} gets them, e.g. from
         * {@link TestInfra}. Each is taken once, here, so every replica gets the same value (one
         * fresh database, not one per replica).
         */
        public Builder with(Consumer<DynamicPropertyRegistry> properties) {
            properties.accept((name, value) -> this.properties.put(name, value.get()));
            return this;
        }

        public Builder property(String name, Object value) {
            properties.put(name, value);
            return this;
        }

        /** Starts {@code count} replicas, one after the other; each is running when this returns. */
        public Replicas start(int count) {
            List<ConfigurableApplicationContext> started = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    started.add(startOne(i));
                }
            } catch (RuntimeException e) {
                new Replicas(started).close();
                throw e;
            }
            return new Replicas(started);
        }

        private ConfigurableApplicationContext startOne(int replica) {
            Map<String, Object> own = new LinkedHashMap<>(properties);
            // Names the replica's Kafka clients in the logs ("clientId=replica-1-..."), where rebalances show.
            own.putIfAbsent("spring.kafka.client-id", "replica-" + replica);
            // Command-line arguments outrank application.yml; default properties would not.
            String[] args = own.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
            return new SpringApplicationBuilder(application).registerShutdownHook(false).run(args);
        }
    }

    public int size() {
        return contexts.size();
    }

    public ConfigurableApplicationContext context(int replica) {
        return contexts.get(replica);
    }

    /** The replica's bean of this type. */
    public <T> T bean(int replica, Class<T> type) {
        return context(replica).getBean(type);
    }

    /** The port the replica's web server listens on. */
    public int port(int replica) {
        return context(replica).getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public boolean running(int replica) {
        return context(replica).isActive();
    }

    /** Stops one replica as its pod is stopped: its context is closed (consumers leave the group, pools shut down). */
    public void stop(int replica) {
        if (running(replica)) {
            context(replica).close();
        }
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            try {
                stop(i);
            } catch (RuntimeException e) {
                System.err.println("[test-support] stopping replica " + i + ": " + e);
            }
        }
    }
}
