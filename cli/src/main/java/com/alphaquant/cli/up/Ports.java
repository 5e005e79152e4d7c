package com.alphaquant.cli.up;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports {@code alphaquant up} binds, by part name, with defaults a user can override
 * ({@code --port gateway=9080}). The embedded infrastructure avoids the standard ports so that it
 * never collides with a PostgreSQL, Redis or Kafka already running on the machine.
 */
public final class Ports {

    static final Map<String, Integer> DEFAULTS = defaults();

    private final Map<String, Integer> ports;

    private Ports(Map<String, Integer> ports) {
        this.ports = ports;
    }

    private static Map<String, Integer> defaults() {
        Map<String, Integer> d = new LinkedHashMap<>();
        d.put("gateway", 8080);
        d.put("data-service", 8081);
        d.put("factor-service", 8082);
        d.put("model-service", 8083);
        d.put("backtest-service", 8084);
        d.put("strategy-service", 8085);
        d.put("postgres", 15432);
        d.put("redis", 16379);
        d.put("kafka", 19092);
        d.put("kafka-controller", 19093);
        d.put("tushare-sim", 17070);
        return Collections.unmodifiableMap(d);
    }

    /** The defaults with {@code overrides} applied; an unknown name or a bad number is the user's error. */
    static Ports of(Map<String, Integer> overrides) {
        Map<String, Integer> ports = new LinkedHashMap<>(DEFAULTS);
        if (overrides != null) {
            overrides.forEach((name, port) -> {
                if (!DEFAULTS.containsKey(name)) {
                    throw new IllegalArgumentException("--port " + name + "=" + port + ": unknown part '" + name + "'; parts are "
                            + String.join(", ", DEFAULTS.keySet()));
                }
                if (port == null || port < 1 || port > 65535) {
                    throw new IllegalArgumentException("--port " + name + "=" + port + ": a port is 1 to 65535");
                }
                ports.put(name, port);
            });
        }
        Map<Integer, String> seen = new LinkedHashMap<>();
        ports.forEach((name, port) -> {
            String other = seen.putIfAbsent(port, name);
            if (other != null) {
                throw new IllegalArgumentException("--port: " + other + " and " + name + " both have port " + port);
            }
        });
        return new Ports(ports);
    }

    int of(String part) {
        Integer port = ports.get(part);
        if (port == null) {
            throw new IllegalArgumentException("No port for " + part);
        }
        return port;
    }

    /** Fails with a message naming the first of {@code parts} whose port is already in use. */
    void requireFree(Iterable<String> parts) {
        for (String part : parts) {
            int port = of(part);
            if (!isFree(port)) {
                throw new IllegalArgumentException("port " + port + " (" + part + ") is already in use: stop what listens there, "
                        + "or give another with --port " + part + "=N");
            }
        }
    }

    /** A port nothing listens on now, chosen by the system. */
    public static int anyFree() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As servers bind (SO_REUSEADDR): connections of a stopped run in TIME_WAIT do not hold the port.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
