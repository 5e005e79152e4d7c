package com.alphaquant.testsupport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: the only way to send what a proper
 * client refuses to (bad escapes, raw control characters, wrong methods, lying headers). One
 * request per connection ({@code Connection: close}); the answer is read to the end of the stream.
 */
public final class RawHttp {

    /** An answer: status, headers (names lower case), the body's first bytes and its full length. */
    public record Answer(int status, Map<String, String> headers, String body, long bodyLength) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        public boolean isProblem() {
            return contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }
    }

    private static final int KEEP = 64 * 1024;

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}. */
    public static Answer send(String host, int port, String head, byte[] body, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            if (body != null && body.length > 0) {
                try {
                    out.write(body);
                } catch (IOException e) {
                    // The server may answer (413) and close before reading all of a large body.
                }
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (all.size() < KEEP + 16 * 1024) {
                    all.write(buffer, 0, n);
                }
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // Connection reset after the answer was written: keep what arrived.
            if (all.size() == 0) {
                throw e;
            }
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0 || !text.startsWith("HTTP/1.")) {
            throw new IOException("Not an HTTP answer: " + text.substring(0, Math.min(80, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] raw = all.toByteArray();
        int bodyStart = end + 4;
        byte[] body = java.util.Arrays.copyOfRange(raw, bodyStart, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, 0, Math.min(body.length, KEEP), StandardCharsets.UTF_8),
                total - bodyStart);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1); // one char per byte: indices agree
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(chunked.length - start, size));
            at = start + size + 2;
        }
        return out.toByteArray();
    }
}
