package com.alphaquant.support.health;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The {@code schema} health component, for readiness, in services that migrate with Flyway. */
@AutoConfiguration(afterName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass({Flyway.class, org.springframework.boot.health.contributor.HealthIndicator.class})
public class SchemaHealthAutoConfiguration {

    @Bean
    @ConditionalOnBean(Flyway.class)
    SchemaHealthIndicator schemaHealthIndicator(Flyway flyway) {
        return new SchemaHealthIndicator(flyway);
    }
}
