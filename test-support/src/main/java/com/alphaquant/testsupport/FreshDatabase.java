package com.alphaquant.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new, empty PostgreSQL database on the tests' server ({@link TestPostgres}) for one test run,
 * so runs never see each other's rows. Flyway builds the schema on startup.
 *
 * <p>Names carry their creation time ({@code aq_strategy_1796000000_a1b2c3}); each call drops
 * the test databases older than {@link #KEEP}, so runs against a long-lived server do not pile up
 * databases. A database still in use is left alone.
 */
public final class FreshDatabase {

    /** Test databases younger than this are kept: another test JVM may be using them. */
    static final Duration KEEP = Duration.ofHours(3);
    /** aq_&lt;what&gt;_&lt;epoch seconds&gt;_&lt;random&gt;, or the older aq_&lt;what&gt;_&lt;12 hex&gt; without a time. */
    private static final Pattern TEST_DATABASE = Pattern.compile("aq_[a-z_]+?_(?:(\\d{10})_[0-9a-f]{6}|[0-9a-f]{12})");

    private FreshDatabase() {
    }

    /** Creates a database and returns its JDBC URL (connect with {@link #user()} and {@link #password()}). */
    public static String create(String prefix) {
        TestPostgres.Server server = TestPostgres.server();
        String name = prefix + "_" + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        try (Connection c = server.connect(server.adminDatabase(), 10); Statement s = c.createStatement()) {
            dropStale(s);
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + server.describe() + ": " + e.getMessage(), e);
        }
        String url = server.url(name);
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    public static String user() {
        return TestPostgres.server().user();
    }

    public static String password() {
        return TestPostgres.server().password();
    }

    private static void dropStale(Statement s) throws SQLException {
        long cutoff = Instant.now().minus(KEEP).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select datname from pg_database where datname like 'aq\\_%'")) {
            while (rs.next()) {
                Matcher m = TEST_DATABASE.matcher(rs.getString(1));
                if (m.matches() && (m.group(1) == null || Long.parseLong(m.group(1)) < cutoff)) {
                    stale.add(rs.getString(1));
                }
            }
        }
        for (String name : stale) {
            try {
                s.execute("drop database if exists " + name);
            } catch (SQLException inUse) {
                // still open somewhere (a test JVM that outlived KEEP): the next run tries again
            }
        }
    }
}
