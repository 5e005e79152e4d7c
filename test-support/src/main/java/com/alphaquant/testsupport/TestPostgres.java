package com.alphaquant.testsupport;

import com.alphaquant.testsupport.Infra.Found;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The PostgreSQL server of this JVM's tests, chosen once, in this order: the server named by
 * {@code ALPHAQUANT_TEST_PG_URL} (credentials as URL parameters or {@code ALPHAQUANT_TEST_PG_USER} /
 * {@code ALPHAQUANT_TEST_PG_PASSWORD}), the local one on 127.0.0.1:5432 when it answers, an embedded
 * PostgreSQL (binaries from Maven Central), else a Testcontainers one when a Docker engine answers.
 * {@code ALPHAQUANT_TEST_INFRA=embedded} takes the embedded one whatever answers. Tests use
 * {@link FreshDatabase}, not this server's databases.
 */
public final class TestPostgres {

    static final String URL_ENV = "ALPHAQUANT_TEST_PG_URL";
    static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String PREFIX = "jdbc:postgresql://";

    private TestPostgres() {
    }

    /**
     * A server: {@code base} is its JDBC URL up to the database name, {@code adminDatabase} the one
     * to create test databases from, {@code params} the URL parameters every connection keeps.
     */
    public record Server(String base, String adminDatabase, String params, String user, String password) {

        public String url(String database) {
            return base + database + (params.isEmpty() ? "" : "?" + params);
        }

        /** A JDBC URL of {@code spec} (a server, optionally a database and parameters). */
        static Server parse(String spec, String user, String password) {
            if (!spec.startsWith(PREFIX)) {
                throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + spec);
            }
            int query = spec.indexOf('?');
            String address = query < 0 ? spec : spec.substring(0, query);
            int slash = address.indexOf('/', PREFIX.length());
            String base = slash < 0 ? address + "/" : address.substring(0, slash + 1);
            String database = slash < 0 ? "" : address.substring(slash + 1);
            List<String> kept = new ArrayList<>();
            if (query >= 0) {
                for (String param : spec.substring(query + 1).split("&")) {
                    if (param.startsWith("user=")) {
                        user = param.substring(5);
                    } else if (param.startsWith("password=")) {
                        password = param.substring(9);
                    } else if (!param.isEmpty()) {
                        kept.add(param);
                    }
                }
            }
            return new Server(base, database.isEmpty() ? "postgres" : database, String.join("&", kept),
                    user == null ? "postgres" : user, password == null ? "" : password);
        }

        Connection connect(String database, int timeoutSeconds) throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", user);
            p.setProperty("password", password);
            p.setProperty("connectTimeout", String.valueOf(timeoutSeconds));
            p.setProperty("loginTimeout", String.valueOf(timeoutSeconds));
            return DriverManager.getConnection(url(database), p);
        }

        /** The server without its password, for messages. */
        String describe() {
            return base + " as " + user;
        }
    }

    private static final class Holder {
        static final Server SERVER = Infra.choose("PostgreSQL",
                TestPostgres::given, TestPostgres::local, reasons -> embedded(), Containers::postgres);
    }

    /** The server, started or found on first use. */
    public static Server server() {
        return Holder.SERVER;
    }

    private static Found<Server> given(List<String> reasons) throws SQLException {
        String url = Infra.env(URL_ENV);
        if (url == null) {
            return null;
        }
        Server server = Server.parse(url, Infra.env("ALPHAQUANT_TEST_PG_USER"), Infra.env("ALPHAQUANT_TEST_PG_PASSWORD"));
        try (Connection c = server.connect(server.adminDatabase(), 10)) {
            return new Found<>(server, server.describe(), URL_ENV + " is set");
        }
    }

    private static Found<Server> local(List<String> reasons) {
        if (!Infra.accepts("127.0.0.1", 5432)) {
            reasons.add("nothing answers on 127.0.0.1:5432");
            return null;
        }
        Server server = Server.parse(LOCAL, null, null);
        try (Connection c = server.connect(server.adminDatabase(), 2)) {
            return new Found<>(server, "local " + server.describe(), "127.0.0.1:5432 answers");
        } catch (SQLException e) {
            reasons.add("127.0.0.1:5432 answers but refuses " + server.user() + ": " + e.getMessage());
            return null;
        }
    }

    private static Found<Server> embedded() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        Infra.onExit("PostgreSQL", pg);
        Server server = new Server("jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "", "postgres", "");
        String version;
        try (Connection c = server.connect("postgres", 10); var rs = c.createStatement().executeQuery("show server_version")) {
            rs.next();
            version = rs.getString(1);
        }
        return new Found<>(server, "embedded PostgreSQL " + version + " on " + server.base(), "started for this JVM");
    }
}
