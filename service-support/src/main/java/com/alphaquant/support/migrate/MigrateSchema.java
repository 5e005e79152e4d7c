package com.alphaquant.support.migrate;

import com.alphaquant.support.outbox.OutboxAutoConfiguration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Applies a service's Flyway migrations and exits: what the Kubernetes migration Jobs run in the
 * service's own image (k8s/base/migrations.yaml), so that a schema change happens once, before a
 * new version rolls out, and a failing one stops the rollout visibly. Only the datasource and
 * Flyway start, configured as in the service itself (its application.yml and environment, the
 * outbox's location added by {@link OutboxAutoConfiguration}); no web server, listener, scheduler
 * or job worker does, so the process ends when the migration does, with a non-zero status when
 * it failed.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class, OutboxAutoConfiguration.class})
public class MigrateSchema {

    private static final Logger log = LoggerFactory.getLogger(MigrateSchema.class);

    public static void main(String[] args) {
        log.info("Schema migrated: version {}", migrate(args));
    }

    /** Migrates (Flyway runs as the context starts) and returns the schema's version afterwards. */
    static String migrate(String... args) {
        SpringApplication application = new SpringApplication(MigrateSchema.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(args)) {
            MigrationInfoService info = context.getBean(Flyway.class).info();
            if (info.pending().length > 0) {
                throw new IllegalStateException(info.pending().length + " migrations still pending after migrating");
            }
            MigrationInfo current = info.current();
            return current == null || current.getVersion() == null ? "none" : current.getVersion().toString();
        }
    }
}
