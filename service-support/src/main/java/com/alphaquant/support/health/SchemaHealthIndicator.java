package com.alphaquant.support.health;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The service's schema is in place: every migration it ships has been applied. A database that
 * answers but was recreated empty passes the plain connection check; readiness must still say
 * DOWN, since every query would fail.
 */
public class SchemaHealthIndicator extends AbstractHealthIndicator {

    private final Flyway flyway;

    public SchemaHealthIndicator(Flyway flyway) {
        super("Schema check failed");
        this.flyway = flyway;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        int pending = info.pending().length;
        if (current == null || pending > 0) {
            builder.down().withDetail("version", current == null ? "none" : current.getVersion().toString())
                    .withDetail("pendingMigrations", pending);
        } else {
            builder.up().withDetail("version", current.getVersion().toString());
        }
    }
}
