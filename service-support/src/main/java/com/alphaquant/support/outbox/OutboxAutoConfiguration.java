package com.alphaquant.support.outbox;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox in services that have both a database and Kafka. The relay can be switched off
 * ({@code alphaquant.outbox.enabled=false}, e.g. the CLI's one-shot ingest): events then wait in
 * the table until a service with Kafka runs.
 */
@AutoConfiguration(after = {JdbcTemplateAutoConfiguration.class, KafkaAutoConfiguration.class},
        afterName = "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration")
@ConditionalOnClass({JdbcTemplate.class, KafkaTemplate.class})
@EnableScheduling
public class OutboxAutoConfiguration {

    /** Tracing where the service has it (Micrometer Tracing's tracer and propagator), else none. */
    @Bean
    OutboxTrace outboxTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                            ObjectProvider<ObservationRegistry> observations) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? OutboxTrace.none()
                : new OutboxTrace(t, p, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    Outbox outbox(JdbcTemplate jdbc, OutboxTrace trace) {
        return new Outbox(jdbc, trace);
    }

    @Bean
    @ConditionalOnBean({JdbcTemplate.class, KafkaTemplate.class})
    @ConditionalOnProperty(name = "alphaquant.outbox.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, PlatformTransactionManager transactions,
                            @Value("${alphaquant.outbox.retention:7d}") Duration retention, OutboxTrace trace) {
        return new OutboxRelay(jdbc, kafka, new TransactionTemplate(transactions), retention, trace);
    }

    /** The outbox table's migration (db/outbox), run by Flyway after the service's own. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer")
    static class OutboxMigration {

        @Bean
        FlywayConfigurationCustomizer outboxMigrationLocation() {
            return configuration -> {
                List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
                Location outbox = Location.fromPath("classpath:", Outbox.MIGRATIONS);
                if (!locations.contains(outbox)) {
                    locations.add(outbox);
                }
                configuration.locations(locations.toArray(Location[]::new));
            };
        }
    }
}
