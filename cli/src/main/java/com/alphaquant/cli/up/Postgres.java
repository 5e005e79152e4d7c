package com.alphaquant.cli.up;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * The platform's PostgreSQL: an embedded server (PostgreSQL 17 binaries from Maven Central, run
 * as our child process) whose data folder survives restarts, or a server the user named. Each
 * service gets its own database on it, created on first use.
 */
public final class Postgres implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final Path dataDir;
    private final String serverUrl;
    private final String user;
    private final String password;

    private Postgres(EmbeddedPostgres embedded, Path dataDir, String serverUrl, String user, String password) {
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.user = user;
        this.password = password;
    }

    static Postgres embedded(Path dataDir, int port, Path log) throws IOException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false) // initdb only when the folder is new: data persists between runs
                .setPort(port)
                .setRegisterShutdownHook(false) // stopped in order by alphaquant up
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new Postgres(pg, dataDir, "jdbc:postgresql://127.0.0.1:" + port + "/", "postgres", "");
    }

    /** A running server, {@code jdbc:postgresql://host:port/}, as DATABASE_USER (default postgres) with DATABASE_PASSWORD. */
    public static Postgres server(String serverUrl) {
        return server(serverUrl, System.getenv().getOrDefault("DATABASE_USER", "postgres"),
                System.getenv().getOrDefault("DATABASE_PASSWORD", ""));
    }

    private static Postgres server(String serverUrl, String user, String password) {
        if (!serverUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--database-url " + serverUrl + ": expected jdbc:postgresql://host:port/");
        }
        return new Postgres(null, null, serverUrl.replaceAll("/[^/]*$", "/"), user, password);
    }

    /** The JDBC URL of {@code database}, created if missing (a user expects that of a first run). */
    public String database(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("'" + database + "' is not a plain database name (a-z, 0-9, _)");
        }
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            if (!rs.next()) {
                s.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot use PostgreSQL at " + serverUrl + " as " + user + ": " + e.getMessage(), e);
        }
        return serverUrl + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The embedded server's main process: it detaches from us, so its pid comes from its data folder. */
    Optional<ProcessHandle> postmaster() {
        if (embedded == null) {
            return Optional.empty();
        }
        try {
            String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
            return ProcessHandle.of(Long.parseLong(pid));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    String describe() {
        return (embedded != null ? "embedded PostgreSQL 17 on :" + embedded.getPort() : "server " + serverUrl);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
