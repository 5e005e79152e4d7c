package com.alphaquant.cli.up;

import java.io.IOException;
import redis.embedded.RedisServer;

/**
 * The platform's Redis: an embedded server (the binary carried by embedded-redis, run as our
 * child process), or one the user named. It holds only caches, so nothing is kept on disk.
 */
final class Redis implements AutoCloseable {

    private final RedisServer embedded;
    private final String host;
    private final int port;

    private Redis(RedisServer embedded, String host, int port) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
    }

    static Redis embedded(int port) throws IOException {
        RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
        return new Redis(server, "127.0.0.1", port);
    }

    /** A running server, {@code redis://host:port} or {@code host:port}. */
    static Redis server(String url) {
        String address = url.replaceFirst("^redis://", "").replaceFirst("/.*$", "");
        int colon = address.lastIndexOf(':');
        try {
            return colon < 0 ? new Redis(null, address, 6379)
                    : new Redis(null, address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--redis-url " + url + ": expected redis://host:port");
        }
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String describe() {
        return (embedded != null ? "embedded Redis on :" : "server " + host + ":") + port;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.stop();
        }
    }
}
