package com.alphaquant.testsupport;

import com.alphaquant.testsupport.Infra.Found;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The last resort: PostgreSQL and Redis in Docker through Testcontainers, tried only when a
 * Docker engine answers. The Testcontainers classes are touched only after they are known to be
 * on the classpath, so their absence is a reason in the log, not an error.
 */
final class Containers {

    private Containers() {
    }

    static Found<TestPostgres.Server> postgres(List<String> reasons) {
        if (!usable(reasons)) {
            return null;
        }
        return Docker.postgres();
    }

    static Found<TestRedis.Server> redis(List<String> reasons) {
        if (!usable(reasons)) {
            return null;
        }
        return Docker.redis();
    }

    private static boolean usable(List<String> reasons) {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Containers.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            reasons.add("Testcontainers is not on the test classpath (org.testcontainers:testcontainers-postgresql)");
            return false;
        }
        if (!Infra.dockerLikely() || !Docker.available()) {
            reasons.add("no Docker engine answers, so no Testcontainers");
            return false;
        }
        return true;
    }

    /** Everything that names a Testcontainers type. */
    private static final class Docker {

        static boolean available() {
            return DockerClientFactory.instance().isDockerAvailable();
        }

        static Found<TestPostgres.Server> postgres() {
            PostgreSQLContainer pg = new PostgreSQLContainer("postgres:17-alpine");
            pg.start();
            Infra.onExit("PostgreSQL container", pg::stop);
            TestPostgres.Server server = TestPostgres.Server.parse(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword());
            return new Found<>(server, "Testcontainers " + pg.getDockerImageName() + " on " + server.base(), "a Docker engine answers");
        }

        static Found<TestRedis.Server> redis() {
            GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            redis.start();
            Infra.onExit("Redis container", redis::stop);
            TestRedis.Server server = new TestRedis.Server(redis.getHost(), redis.getMappedPort(6379), null);
            return new Found<>(server, "Testcontainers redis:7-alpine on " + server.address(), "a Docker engine answers");
        }
    }
}
