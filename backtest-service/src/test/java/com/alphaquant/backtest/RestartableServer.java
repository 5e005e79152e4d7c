package com.alphaquant.backtest;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * A real HTTP server (the JDK's) standing in for another service: started on a free port, it can
 * be stopped (connections refused: the service is down) and started again on the same port.
 */
public abstract class RestartableServer implements AutoCloseable {

    private final String context;
    private final int threads;
    private volatile int port;
    private volatile HttpServer server;

    protected RestartableServer(String context, int threads) {
        this.context = context;
        this.threads = threads;
    }

    /** Answers every call under the context. */
    protected abstract HttpHandler handler();

    protected final void bind(int onPort) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
            s.createContext(context, handler());
            s.setExecutor(Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, getClass().getSimpleName());
                t.setDaemon(true);
                return t;
            }));
            s.start();
            server = s;
            port = s.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + getClass().getSimpleName() + " on port " + onPort, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The service goes down: connections are refused. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The service comes back on the same port. */
    public synchronized void restart() {
        if (server == null) {
            bind(port);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
