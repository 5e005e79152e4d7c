package com.alphaquant.support.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.testsupport.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The migration Job's main against real PostgreSQL: the service's and the outbox's migrations, once. */
class MigrateSchemaIT {

    private static String[] args(String url, String location) {
        return new String[] {"--spring.datasource.url=" + url, "--spring.datasource.username=" + FreshDatabase.user(),
                "--spring.datasource.password=" + FreshDatabase.password(), "--spring.flyway.locations=classpath:" + location};
    }

    private static JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(new DriverManagerDataSource(url, FreshDatabase.user(), FreshDatabase.password()));
    }

    @Test
    void appliesTheServiceMigrationsAndTheOutboxThenNothingTheSecondTime() {
        String url = FreshDatabase.create("aq_migrate_schema");

        assertThat(MigrateSchema.migrate(args(url, "db/migrate-schema-it"))).isEqualTo("2");
        assertThat(MigrateSchema.migrate(args(url, "db/migrate-schema-it"))).isEqualTo("2");

        JdbcTemplate jdbc = jdbc(url);
        assertThat(jdbc.queryForList("select script from flyway_schema_history where success order by installed_rank", String.class))
                .containsExactly("V1__probe.sql", "V2__probe_name.sql", "R__outbox.sql");
        assertThat(jdbc.queryForObject("select count(*) from outbox", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from probe where name is null", Integer.class)).isZero();
    }

    @Test
    void aFailingMigrationFailsTheRunAndLeavesNoHalfSchema() {
        String url = FreshDatabase.create("aq_migrate_schema");

        assertThatThrownBy(() -> MigrateSchema.migrate(args(url, "db/migrate-schema-broken")))
                .hasStackTraceContaining("V1__broken.sql");

        // PostgreSQL runs DDL in the migration's transaction: the table created before the error is gone.
        assertThat(jdbc(url).queryForObject("select count(*) from information_schema.tables where table_name = 'half'",
                Integer.class)).isZero();
    }
}
