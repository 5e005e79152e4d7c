package com.alphaquant.testsupport;

import com.alphaquant.testsupport.Infra.Found;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The Redis of this JVM's tests, chosen once, in this order: the one named by
 * {@code ALPHAQUANT_TEST_REDIS_URL} ({@code redis://[:password@]host:port}), the local one on
 * 127.0.0.1:6379 when it answers PING, an embedded Redis (binaries inside a jar from Maven
 * Central), else a Testcontainers one when a Docker engine answers.
 * {@code ALPHAQUANT_TEST_INFRA=embedded} takes the embedded one whatever answers. Tests share it:
 * each keeps its keys under a {@link #prefix()} of its own.
 */
public final class TestRedis {

    static final String URL_ENV = "ALPHAQUANT_TEST_REDIS_URL";

    private TestRedis() {
    }

    /** A Redis server; {@code password} is null when it needs none. */
    public record Server(String host, int port, String password) {
        String address() {
            return host + ":" + port;
        }
    }

    private static final class Holder {
        static final Server SERVER = Infra.choose("Redis",
                TestRedis::given, TestRedis::local, reasons -> embedded(), Containers::redis);
    }

    /** The server, started or found on first use. */
    public static Server server() {
        return Holder.SERVER;
    }

    public static String host() {
        return server().host();
    }

    public static int port() {
        return server().port();
    }

    /** A key prefix no other test uses ({@code aqtest:<uuid>}); keep every key of a test under it. */
    public static String prefix() {
        return "aqtest:" + UUID.randomUUID();
    }

    private static Found<Server> given(List<String> reasons) throws IOException {
        String url = Infra.env(URL_ENV);
        if (url == null) {
            return null;
        }
        URI uri = URI.create(url);
        String info = uri.getUserInfo();
        String password = info == null ? null : info.substring(info.indexOf(':') + 1);
        Server server = new Server(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), password);
        if (password == null && !answersPing(server.host(), server.port())) {
            throw new IOException(server.address() + " does not answer PING");
        }
        return new Found<>(server, server.address(), URL_ENV + " is set");
    }

    private static Found<Server> local(List<String> reasons) {
        if (!answersPing("127.0.0.1", 6379)) {
            reasons.add("no Redis answers PING on 127.0.0.1:6379");
            return null;
        }
        return new Found<>(new Server("127.0.0.1", 6379, null), "local 127.0.0.1:6379", "127.0.0.1:6379 answers PING");
    }

    private static Found<Server> embedded() {
        EmbeddedRedis redis = EmbeddedRedis.start();
        Infra.onExit("Redis", redis);
        Server server = new Server("127.0.0.1", redis.port(), null);
        return new Found<>(server, "embedded Redis on " + server.address(), "started for this JVM");
    }

    /** Whether a Redis on {@code host:port} answers PING within the probe time. */
    static boolean answersPing(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), Infra.PROBE_MILLIS);
            s.setSoTimeout(Infra.PROBE_MILLIS);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return "+PONG".equals(reply);
        } catch (IOException e) {
            return false;
        }
    }
}
