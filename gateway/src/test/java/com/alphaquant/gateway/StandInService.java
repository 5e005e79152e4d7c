package com.alphaquant.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A real HTTP server standing in for the services behind the gateway: it answers every path with
 * JSON naming the method and path; {@code /slow} paths take {@code slowMillis} to answer. What it
 * received (the tracing headers and the internal token too) is kept, in order, for the test to read.
 */
final class StandInService implements AutoCloseable {

    record Received(String method, String path, String requestId, String traceparent, String internalToken) {}

    private final HttpServer server;
    private final long slowMillis;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    StandInService(long slowMillis) {
        this.slowMillis = slowMillis;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Received r = new Received(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("X-Request-Id"), exchange.getRequestHeaders().getFirst("traceparent"),
                exchange.getRequestHeaders().getFirst("X-Internal-Token"));
        received.add(r);
        if (path.contains("/slow")) {
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = ("{\"method\":\"" + r.method() + "\",\"path\":\"" + r.path() + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders("POST".equals(r.method()) ? 202 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
