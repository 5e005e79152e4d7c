package com.alphaquant.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/**
 * A Redis server process of the test's own on a free port of 127.0.0.1, from the binaries bundled
 * in {@code com.github.codemonstur:embedded-redis} (nothing on the PATH needed). It keeps nothing
 * on disk: stopped and started again, it is empty. {@link #start()} returns once it accepts
 * connections.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private final int port;
    private final RedisServer server;

    private EmbeddedRedis(int port) {
        this.port = port;
        try {
            this.server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare an embedded Redis", e);
        }
    }

    /** A new server on a free port, running. */
    public static EmbeddedRedis start() {
        EmbeddedRedis redis = new EmbeddedRedis(Infra.freePort());
        redis.resume();
        return redis;
    }

    public int port() {
        return port;
    }

    /** Starts the stopped server again on the same port. */
    public void resume() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not start on port " + port, e);
        }
        if (!TestRedis.answersPing("127.0.0.1", port)) {
            throw new IllegalStateException("Embedded Redis on port " + port + " does not answer PING");
        }
    }

    /** Stops the server process; returns once it no longer accepts connections. */
    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis on port " + port + " did not stop", e);
        }
    }

    public boolean isRunning() {
        return server.isActive();
    }

    @Override
    public void close() {
        if (server.isActive()) {
            stop();
        }
    }
}
