package com.alphaquant.cli.up;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal HTTP/1.1 keep-alive load generator: one blocking socket per connection, GET requests
 * back to back. Written by hand because on a 2-core machine the load generator shares the CPU with
 * what it measures: it must cost as little as possible (no selector, no futures, no copies).
 */
final class HttpLoad {

    /** Latencies of one connection's requests, in nanoseconds, and the answers that were not 200. */
    record Latencies(long[] nanos, int failures) {
        double meanMillis() {
            return Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
        }

        double percentileMillis(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
        }
    }

    /** Requests per second over {@code connections} connections, and the answers that were not 200. */
    record Throughput(double requestsPerSecond, long requests, long failures) {}

    private final String host;
    private final int port;
    private final byte[] request;

    HttpLoad(String host, int port, String path, List<String> headers) {
        this.host = host;
        this.port = port;
        StringBuilder sb = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port);
        headers.forEach(h -> sb.append("\r\n").append(h));
        this.request = sb.append("\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code count} requests one after another on one connection. */
    Latencies sequential(int count) throws IOException {
        long[] nanos = new long[count];
        int failures = 0;
        try (Connection c = new Connection()) {
            for (int i = 0; i < count; i++) {
                long t = System.nanoTime();
                int status = c.exchange();
                nanos[i] = System.nanoTime() - t;
                failures += status == 200 ? 0 : 1;
            }
        }
        return new Latencies(nanos, failures);
    }

    /** As many requests as {@code connections} connections complete in {@code seconds}. */
    Throughput concurrent(int connections, double seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(() -> {
                try (Connection c = new Connection()) {
                    while (System.nanoTime() < deadline) {
                        if (c.exchange() != 200) {
                            failed.incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Throughput(done.get() / elapsed, done.get(), failed.get());
    }

    private final class Connection implements AutoCloseable {
        private Socket socket;
        private OutputStream out;
        private InputStream in;
        private boolean closing;

        Connection() throws IOException {
            open();
        }

        private void open() throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            closing = false;
        }

        /** Sends the request and reads the whole answer (Content-Length or chunked); returns its status. */
        int exchange() throws IOException {
            if (closing) { // the server said it closes this connection (Tomcat does every 100 requests by default)
                socket.close();
                open();
            }
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(h.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && h.toLowerCase().contains("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && h.toLowerCase().contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                line(); // the empty line after the last chunk
            } else if (length > 0) {
                skip(length);
            }
            return status;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed mid-answer");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
