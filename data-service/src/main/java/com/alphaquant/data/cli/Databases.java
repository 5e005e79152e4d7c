package com.alphaquant.data.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the configured database on first use of {@code alphaquant ingest}, as a user would expect. */
public final class Databases {

    private Databases() {
    }

    /** Creates the database named in a {@code jdbc:postgresql://host:port/name} URL unless it exists. */
    public static void createIfMissing(String url, String user, String password) {
        String base = url.split("\\?")[0];
        int slash = base.lastIndexOf('/');
        String name = base.substring(slash + 1);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return; // not a plain name: leave it to the user
        }
        try (Connection c = DriverManager.getConnection(base.substring(0, slash + 1) + "postgres", user, password);
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            // The application's own connection attempt reports the problem clearly.
        }
    }
}
