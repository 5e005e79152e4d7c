package com.alphaquant.support.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A new, empty PostgreSQL database on the local server (127.0.0.1:5432, trust auth) for one
 * test run, so runs never see each other's rows. Flyway builds the schema on startup.
 */
public final class FreshDatabase {

    public static final String SERVER = System.getProperty("alphaquant.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getProperty("alphaquant.test.postgres.user", "postgres");

    private FreshDatabase() {
    }

    /** Creates a database and returns its JDBC URL. */
    public static String create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER + "test", USER, "");
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + SERVER + ": " + e.getMessage(), e);
        }
        return SERVER + name + "?reWriteBatchedInserts=true";
    }
}
