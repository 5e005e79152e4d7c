package com.alphaquant.testsupport.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder between a service and something it depends on (its PostgreSQL, another
 * service) that a test can cut and restore: {@link #cut()} drops every open connection and
 * refuses new ones, as a database that went away; {@link #restore()} listens again on the same
 * port, as the database coming back. Nothing else shares the outage, so the database itself
 * stays up for the other tests of the JVM.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    /** A proxy on a free local port to {@code host:port}, forwarding at once. */
    public static TcpProxy to(String host, int port) {
        return new TcpProxy(host, port);
    }

    /** A proxy to the host and port of a {@code jdbc:postgresql://host:port/db} or {@code http://host:port} URL. */
    public static TcpProxy toUrl(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        return to(uri.getHost(), uri.getPort());
    }

    public int port() {
        return port;
    }

    /** {@code url} with its host and port replaced by this proxy's. */
    public String redirect(String url) {
        return url.replaceFirst("//[^/:]+:\\d+", "//127.0.0.1:" + port);
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        ServerSocket current = server;
        server = null;
        if (current != null) {
            closeQuietly(current);
        }
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** Accepts and forwards again, on the same port. */
    public synchronized void restore() {
        if (server == null) {
            server = listen(port);
            accept(server);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port, e);
        }
    }

    private void accept(ServerSocket listening) {
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream;
                    try {
                        upstream = new Socket(targetHost, targetPort);
                    } catch (IOException e) {
                        closeQuietly(client);
                        continue;
                    }
                    open.add(client);
                    open.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // Closed by cut(), or the target refused: the client sees its connection close.
                }
            }
        }, "tcp-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed: close the other below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // Already closed.
        }
    }
}
