package com.alphaquant.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the parts share: the environment that chooses them, the one log line each, the shutdown hook. */
final class Infra {

    /** {@code embedded}: PostgreSQL and Redis are embedded even when local servers answer. */
    static final String MODE_ENV = "ALPHAQUANT_TEST_INFRA";
    /** How long a local server may take to answer before it counts as absent. */
    static final int PROBE_MILLIS = 1000;

    private Infra() {
    }

    static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    static boolean embeddedForced() {
        return "embedded".equalsIgnoreCase(env(MODE_ENV));
    }

    /** The one line that says which part this JVM uses and why. */
    static void log(String part, String what, String why) {
        System.out.println("[test-support] " + part + ": " + what + " (" + why + ")");
    }

    /** Stops {@code what} when the JVM exits. */
    static void onExit(String name, AutoCloseable what) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                what.close();
            } catch (Exception e) {
                System.err.println("[test-support] stopping " + name + ": " + e);
            }
        }, "test-support-stop-" + name));
    }

    static boolean accepts(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), PROBE_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    /**
     * Takes the first way that gives the part: the one given by the environment, the local
     * server, an embedded one, Testcontainers ({@code ALPHAQUANT_TEST_INFRA=embedded}: only the
     * embedded one). A way returns null, adding its reason, when it does not apply; the winner is
     * logged with the reasons the ways before it were passed over. A part given by the
     * environment that does not answer is an error, not a reason to quietly take another.
     */
    static <T> T choose(String part, Attempt<T> given, Attempt<T> local, Attempt<T> embedded, Attempt<T> containers) {
        boolean forced = embeddedForced();
        Map<String, Attempt<T>> ways = new LinkedHashMap<>();
        if (!forced) {
            ways.put("given", given);
            ways.put("local", local);
        }
        ways.put("embedded", embedded);
        if (!forced) {
            ways.put("Testcontainers", containers);
        }
        List<String> reasons = new ArrayList<>();
        if (forced) {
            reasons.add(MODE_ENV + "=embedded");
        }
        for (Map.Entry<String, Attempt<T>> way : ways.entrySet()) {
            try {
                Found<T> found = way.getValue().get(reasons);
                if (found != null) {
                    reasons.add(found.why());
                    log(part, found.what(), String.join("; ", reasons));
                    return found.value();
                }
            } catch (Exception | LinkageError e) {
                if (way.getValue() == given) {
                    throw new IllegalStateException("The " + part + " the environment gives does not answer: " + e, e);
                }
                reasons.add(way.getKey() + " " + part + " failed: " + e);
            }
        }
        throw new IllegalStateException("No " + part + " for the tests: " + String.join("; ", reasons));
    }

    /** A part, what it is (for the log line) and why it was taken. */
    record Found<T>(T value, String what, String why) {
    }

    @FunctionalInterface
    interface Attempt<T> {
        Found<T> get(List<String> reasons) throws Exception;
    }

    /** Whether a Docker engine is likely to answer, before Testcontainers is even loaded. */
    static boolean dockerLikely() {
        return env("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
    }
}
